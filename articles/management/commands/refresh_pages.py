from django.core.management.base import BaseCommand

from articles.cache import invalidation, tags


class Command(BaseCommand):
    help = (
        "Refresh every stored page, feed and sitemap, in the page cache and the HTTP "
        "caches in front: after a release that changes templates or static files, "
        "or settings that pages show (NEWSROOM_SITE_NAME, NEWSROOM_SITE_URL)."
    )

    def handle(self, *args, **options):
        invalidation.refresh({tags.RELEASE})
        self.stdout.write("Every stored page will be made again at its next request.")
