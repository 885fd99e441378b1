"""Optimistic locking of stories on `Article.version`: a save made from a copy of the
story older than the row is refused, naming who saved in between and when.

Every save counts a version (`Article.save()` and `ArticleQuerySet.update()`, which
bulk_update() and the bulk actions go through), so a form or an instance loaded before
any of them is out of date and its save is refused."""

from datetime import datetime

from django.db import connections
from django.utils import dateformat, timezone


class StaleArticle(Exception):
    """A save from version `opened_at` of a story now at `current`."""

    def __init__(self, *, opened_at: int, current: int, saved_by, saved_at: datetime):
        self.opened_at = opened_at
        self.current = current
        self.saved_by = saved_by
        self.saved_at = saved_at
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{staff_name(self.saved_by)} saved this story at {clock_time(self.saved_at)}, after you opened it."


def ensure_current(article, opened_at: int) -> None:
    """Raise `StaleArticle` unless the stored row of `article` is still at version
    `opened_at`. Within a transaction the row stays locked (`SELECT ... FOR UPDATE`)
    until it ends, so of two concurrent saves from the same version the second waits
    for the first, then sees its version and is refused. (SQLite has no row locks; its
    transactions here take the database's write lock as they begin, to the same effect.)
    A story whose row is gone is not checked."""
    rows = type(article)._base_manager.filter(pk=article.pk)
    if connections[rows.db].in_atomic_block:
        rows = rows.select_for_update()
    current = rows.values_list("version", flat=True).first()
    if current is None or current == opened_at:
        return
    saved_by, saved_at = last_save(article)
    raise StaleArticle(
        opened_at=opened_at, current=current, saved_by=saved_by, saved_at=saved_at
    )


def last_save(article) -> tuple:
    """Who saved the stored story last, and when (from its version history; the row's
    `updated_at` and nobody when the history has no record of it)."""
    record = (
        type(article)
        .history.filter(id=article.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None:
        stored = type(article)._base_manager.only("updated_at").get(pk=article.pk)
        return None, stored.updated_at
    return record.history_user, record.history_date


def staff_name(user) -> str:
    if user is None:
        return "Someone"
    return user.get_full_name() or user.get_username()


def clock_time(moment: datetime) -> str:
    """ "14:02" today, "14:02 on 3 March" another day, in the newsroom's time zone."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return dateformat.format(local, "H:i")
    return dateformat.format(local, "H:i \\o\\n j F")
