"""System checks for settings a deployment must not leave out."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    if settings.NEWSROOM_SITE_URL:
        return []
    return [
        checks.Warning(
            "NEWSROOM_SITE_URL is not set, so canonical links, share tags, sitemaps and "
            "feed item ids follow the host each request names: a site reached as both "
            "example.com and www.example.com gives every story two ids, and feed readers "
            "show it twice.",
            hint="Set NEWSROOM_SITE_URL to the site's public address, e.g. "
            "https://news.example.com.",
            id="articles.W001",
        )
    ]


@checks.register(checks.Tags.caches, deploy=True)
def page_cache_is_shared(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if not settings.NEWSROOM_PAGE_CACHE_SECONDS or not backend.endswith(
        "locmem.LocMemCache"
    ):
        return []
    return [
        checks.Warning(
            "The page cache is in each process's own memory: a change refreshes the "
            "pages stored by the process that saved it, and every other process (a "
            "second app server, a db_worker running tasks) serves its old copies "
            "until they expire; a change made by a management command refreshes none.",
            hint="Set CACHE_URL to a Redis every process shares, e.g. "
            "redis://127.0.0.1:6379/1, or run one app server (make serve then runs "
            "one process on threads) and tasks inside it.",
            id="articles.W002",
        )
    ]
