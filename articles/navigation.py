"""The sections, in navigation order, as every public page's masthead lists them.

Sections change a few times a year and pages are made all day, so each process keeps a
copy, good while the page cache's `sections` tag keeps the version the copy was read
under. Saving or deleting a section bumps that tag (at once, and again once committed)
for every process sharing the cache, as it does for the pages listing sections."""

import logging

from articles.cache import pages, tags
from articles.models import Section

logger = logging.getLogger(__name__)

_copy: tuple[str | None, list[Section]] = (None, [])


def sections() -> list[Section]:
    global _copy
    try:
        version = pages.tag_version(tags.SECTIONS)
    except Exception as error:  # any backend's connection errors
        logger.warning("The sections' version could not be read: %r", error)
        return list(Section.objects.all())
    if _copy[0] != version:
        # Read after the version: a save committed meanwhile bumps it again.
        _copy = (version, list(Section.objects.all()))
    return _copy[1]
