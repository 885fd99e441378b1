"""The next moment the public site changes by itself, with no write to announce it: a
scheduled story's publication time, the midnight a picture's rights run out, a
front-page pin's window opening or closing.

Stored pages live no longer than that (articles.cache.pages). The moment is one for
the whole site rather than per page: working out which pages a scheduled story will
enter would take the queries of every list it could join, and a site-wide cap costs
three small queries after each change. Pages then expire a little more often than
they must, around those moments, and never later than they must.
"""

from datetime import datetime

from django.apps import apps
from django.db.models import Min, Q
from django.utils import timezone

from articles.models.images import rights_cutoff, rights_end


def next_change(now: datetime | None = None) -> datetime | None:
    """The first moment after `now` (default: now) at which a page could change by
    itself; None when nothing is due."""
    now = now or timezone.now()
    Article = apps.get_model("articles", "Article")
    FrontPagePin = apps.get_model("articles", "FrontPagePin")
    Image = apps.get_model("articles", "Image")

    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=now
    ).aggregate(at=Min("published_at"))["at"]
    last_day = Image.objects.filter(rights_expire_on__gte=rights_cutoff(now)).aggregate(
        day=Min("rights_expire_on")
    )["day"]
    pins = FrontPagePin.objects.aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    moments = [scheduled, pins["starts"], pins["ends"]]
    if last_day is not None:
        moments.append(rights_end(last_day))
    return min((moment for moment in moments if moment is not None), default=None)
