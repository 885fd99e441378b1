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
