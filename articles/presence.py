"""Who has a story's form open. Each open form says so every `HEARTBEAT_SECONDS`; a
person not heard from for `GONE_AFTER_SECONDS` has left. Kept in Django's cache (shared
by the app servers when it is Redis), one entry per story.

Two heartbeats for one story at the same moment may each write the entry without the
other's visit; the one left out is back at its next heartbeat. Presence is a courtesy;
optimistic locking (`articles.locking`) is what keeps saves from overwriting each other.
So when the cache fails, nobody else seems to be there and visits go unrecorded."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from articles.cache.failures import without_failing
from articles.locking import clock_time, staff_name

HEARTBEAT_SECONDS = 20
GONE_AFTER_SECONDS = 60


@dataclass(frozen=True)
class Visit:
    user_id: int
    name: str
    since: datetime
    seen: datetime


def _key(article_id: int) -> str:
    return f"articles:presence:{article_id}"


def _current(article_id: int, now: datetime) -> dict[int, Visit]:
    gone = now - timedelta(seconds=GONE_AFTER_SECONDS)
    visits = without_failing(
        lambda: cache.get(_key(article_id), {}),
        default={},
        what=f"Reading who has story {article_id} open",
    )
    return {user_id: visit for user_id, visit in visits.items() if visit.seen > gone}


def arrive(article_id: int, user) -> None:
    """`user` has the story's form open (now, and maybe since earlier)."""
    now = timezone.now()
    visits = _current(article_id, now)
    earlier = visits.get(user.pk)
    visits[user.pk] = Visit(
        user.pk, staff_name(user), earlier.since if earlier else now, now
    )
    _store(article_id, visits)


def leave(article_id: int, user) -> None:
    visits = _current(article_id, timezone.now())
    if visits.pop(user.pk, None):
        _store(article_id, visits)


def _store(article_id: int, visits: dict[int, Visit]) -> None:
    without_failing(
        lambda: cache.set(_key(article_id), visits, GONE_AFTER_SECONDS),
        default=None,
        what=f"Recording who has story {article_id} open",
    )


def others(article_id: int, user) -> list[Visit]:
    """Everyone but `user` with the story open, first come first."""
    visits = _current(article_id, timezone.now()).values()
    return sorted(
        (visit for visit in visits if visit.user_id != user.pk),
        key=lambda visit: visit.since,
    )


def also_open_by(article_id: int, user) -> str:
    """ "Also open by: Jane Editor (since 14:01)", or "" when nobody else is there."""
    names = [
        f"{visit.name} (since {clock_time(visit.since)})"
        for visit in others(article_id, user)
    ]
    return f"Also open by: {', '.join(names)}" if names else ""
