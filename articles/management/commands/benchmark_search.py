import random
import re
import statistics
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from articles.management.sample_text import SampleText
from articles.models import Article, Author, Byline, Section, TaggedArticle
from articles.models.tags import Tag

RARE_WORD = "zeppelin"  # in one story of a thousand: the rare-word query
SECTIONS = ["Politics", "Business", "Culture", "Sport", "World"]
TAGS = [
    "Eastquay",
    "Harbour",
    "Transport",
    "Housing",
    "Elections",
    "Weather",
    "Health",
    "Schools",
    "Courts",
    "Energy",
    "Music",
    "Football",
]
# The results count the page announces ("1,234 stories match …").
FOUND = re.compile(r'class="search-count"[^>]*>([0-9,]+) stor')
QUERIES = [
    ("one word", {"q": "ferry"}),
    ("two words", {"q": "council budget"}),
    ("phrase", {"q": '"sea wall"'}),
    ("rare word", {"q": RARE_WORD}),
    ("common word", {"q": "harbour"}),
    ("one word, one section", {"q": "ferry", "section": "bench-politics"}),
]


class Command(BaseCommand):
    help = (
        "Seed stories of realistic text into the configured database (an empty one: "
        "`make bench-search` makes throw-away SQLite and PostgreSQL databases) and time "
        "typical site searches through the search page: median and 95th percentile."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument(
            "--runs", type=int, default=20, help="Times each query is timed."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the stories even though the database holds others.",
        )

    def handle(self, *args, articles=10_000, runs=20, force=False, **options):
        existing = Article.objects.count()
        if existing and not force:
            raise CommandError(
                f"The database holds {existing} stories already. Benchmark in an empty "
                "one (make bench-search does), or pass --force to add more to these."
            )
        started = time.perf_counter()
        # The same stories every time, so runs compare.
        seed(articles, rng=random.Random(10))  # noqa: S311 - not security
        if connection.vendor == "postgresql":
            # As autovacuum would soon: the planner needs to know the new tables' sizes.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"{connection.vendor}: seeded {articles:,} stories in "
            f"{time.perf_counter() - started:.1f} s; timing {len(QUERIES)} queries "
            f"× {runs} runs through /search/"
        )
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0].lstrip(".") or "localhost")
        every = []
        for name, params in QUERIES:
            client.get("/search/", params)  # warm caches
            timings = []
            for _ in range(runs):
                begun = time.perf_counter()
                response = client.get("/search/", params)
                timings.append((time.perf_counter() - begun) * 1000)
            found = FOUND.search(response.text)
            every += timings
            self.stdout.write(
                f"  {name:22} {found[1] if found else 'none':>6} found  "
                f"median {statistics.median(timings):6.1f} ms  p95 {p95(timings):6.1f} ms"
            )
        self.stdout.write(
            f"  {'all queries':22} {'':12}  median {statistics.median(every):6.1f} ms  "
            f"p95 {p95(every):6.1f} ms"
        )


def p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20, method="inclusive")[-1]


def seed(count: int, *, rng: random.Random) -> None:
    """`count` published stories over the last two years, with bylines and tags."""
    text = SampleText(rng)
    sections = [
        Section.objects.get_or_create(
            slug=f"bench-{name.lower()}", defaults={"name": name}
        )[0]
        for name in SECTIONS
    ]
    authors = [
        Author.objects.get_or_create(
            slug=f"bench-author-{number}", defaults={"name": f"Reporter {number}"}
        )[0]
        for number in range(40)
    ]
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    now = timezone.now()
    stories = []
    for number in range(count):
        paragraphs = [text.paragraph() for _ in range(rng.randint(4, 10))]
        if number % 1000 == 0:
            paragraphs[-1] += f" A {RARE_WORD} flew over the harbour."
        stories.append(
            Article(
                headline=text.headline(),
                slug=f"bench-{number}",
                standfirst=text.sentence(),
                body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
                section=rng.choice(sections),
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=rng.randint(1, 2 * 365 * 24 * 60)),
            )
        )
    # Each bulk write indexes what it wrote: the stories as they are written, then
    # again with their tags (written first, since taggings are not indexed on their
    # own) and bylines.
    with transaction.atomic():
        Article.objects.bulk_create(stories, batch_size=500)
        TaggedArticle.objects.bulk_create(
            [
                TaggedArticle(content_object=story, tag=tag)
                for story in stories
                for tag in rng.sample(tags, rng.randint(1, 3))
            ],
            batch_size=1000,
        )
        Byline.objects.bulk_create(
            [
                Byline(article=story, author=author, position=position)
                for story in stories
                for position, author in enumerate(
                    rng.sample(authors, rng.randint(1, 2))
                )
            ],
            batch_size=1000,
        )
