from itertools import batched

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from tqdm import tqdm

from articles.models import Article
from articles.search import schema
from articles.search.index import CHUNK, reindex


class Command(BaseCommand):
    help = (
        "Say how many stories the site search index holds, or with --rebuild make it "
        "again: after restoring a database from a dump, changing NEWSROOM_LANGUAGE "
        "(stemming follows the language), or a migration that remade the documents "
        "table on SQLite."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Set up the database's search structures for the site language and "
            "write every story's search document again.",
        )

    def handle(self, *args, rebuild=False, **options):
        if rebuild:
            ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
            # One transaction: searches meanwhile see the old index, never half of one.
            with (
                transaction.atomic(),
                tqdm(
                    total=len(ids), unit="story", file=self.stderr, disable=None
                ) as progress,
            ):
                schema.prepare(connection)
                schema.install(connection)
                for chunk in batched(ids, CHUNK):
                    reindex(chunk)
                    progress.update(len(chunk))
        total = Article.objects.count()
        missing = Article.objects.filter(search_document__isnull=True).count()
        self.stdout.write(
            f"{total - missing} of {total} stories are in the search index."
            + (" Run search_index --rebuild to add the rest." if missing else "")
        )
