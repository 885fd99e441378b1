"""Caching of public pages: the page cache in Django's cache (pages.py), the cache tags
that name what each response shows (tags.py), what a change refreshes (invalidation.py)
and the HTTP caches in front that are purged by tag (purge.py)."""
