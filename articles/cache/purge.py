"""Purging HTTP caches in front of the site (Varnish, a CDN) by cache tag."""

from collections.abc import Iterable


def purge(tags: Iterable[str]) -> None:
    """Ask every configured HTTP cache to drop the responses carrying any of `tags`.
    Called after the change that makes them stale has been committed."""
