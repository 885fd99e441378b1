"""The sections, in navigation order, as every public page's masthead lists them.

Sections change a few times a year and pages are made all day, so each process keeps a
copy, good while the page cache's `sections` tag keeps the version the copy was read
under: saving or deleting a section bumps that tag (at once, and again once committed)
for every process sharing the cache. A copy is also read again after COPY_SECONDS, which
bounds what a bump that never arrived (a cache that failed, a bulk write sending no
signals, a local-memory cache in another process) can leave stale."""

import time

from articles.cache import pages, tags
from articles.cache.failures import without_failing
from articles.models import Section

COPY_SECONDS = 60

# (the version it was read under, when, the sections); never matches at first.
_copy: tuple[object, float, list[Section]] = (object(), 0.0, [])


def sections() -> list[Section]:
    global _copy
    version = without_failing(
        lambda: pages.tag_version(tags.SECTIONS),
        default=None,
        what="Reading the sections' version",
    )
    if version is None:  # no cache to keep a version in (a dummy or failing one)
        return list(Section.objects.all())
    copy = _copy
    if copy[0] != version or time.monotonic() - copy[1] > COPY_SECONDS:
        # Read after the version: a save committed meanwhile bumps it again.
        copy = _copy = (version, time.monotonic(), list(Section.objects.all()))
    return copy[2]
