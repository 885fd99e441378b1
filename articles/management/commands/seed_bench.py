import hashlib
import io
import random
import time
from datetime import timedelta

import PIL.Image
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from articles import renditions
from articles.management.sample_text import NAMES, SampleText
from articles.models import (
    Agency,
    Article,
    Author,
    Byline,
    Image,
    Photographer,
    Rendition,
    Section,
    TaggedArticle,
)
from articles.models.tags import Tag, tag_slug
from articles.storage import originals_storage

SECTIONS = [
    "Politics",
    "Business",
    "Culture",
    "Sport",
    "World",
    "Science",
    "Health",
    "Environment",
    "Technology",
    "Opinion",
]
AGENCIES = ["AP Images", "Reuters", "AFP"]
# What every image says it is: a camera photo, so pages offer every rendition width.
# The stored original is a tiny stand-in; no page ever reads it.
PHOTO_SIZE = (2400, 1600)
# The benchmark story, newest of all: as Wagtail's comparable page in the issue, it has
# a featured image, 8 paragraphs, 2 captioned figures and 3 tags (and 5 related).
BENCHMARK_STORY = 1  # its id
STORY_PARAGRAPHS = 8
STORY_TAGS = 3
FIGURES_AFTER = (2, 5)  # paragraphs before each of a story's two figures
BATCH = 1000


class Command(BaseCommand):
    help = (
        "Fill an empty database with a large newsroom for benchmarks, quickly: "
        "sections, authors, photographers, tags, images (each with a tiny original and "
        "rows for every rendition, sharing a few tiny files: no rendition is made) and "
        "published stories with bylines, tags, a featured image and two captioned "
        "figures, written through the models' bulk paths, which keep the image usage "
        "and search indexes true. The newest story is the benchmark's article page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--images", type=int, default=20_000)
        parser.add_argument("--tags", type=int, default=500)
        parser.add_argument("--authors", type=int, default=200)

    def handle(self, *args, articles, images, tags, authors, **options):
        if Article.objects.exists() or Image.objects.exists():
            raise CommandError(
                "The database holds stories or images already: seed an empty one "
                "(make bench makes a throw-away database)."
            )
        if articles < 1 or images < 3 or len(NAMES) < tags:
            raise CommandError(
                f"Give at least 1 story, 3 images and at most {len(NAMES)} tags."
            )
        started = time.perf_counter()
        # The same newsroom every time, so runs compare.
        seeder = Seeder(random.Random(11))  # noqa: S311 - not security
        with transaction.atomic():
            seeder.sections_and_people(authors)
            seeder.tags(tags)
            seeder.images(images)
            seeder.stories(articles)
        # The query planner's statistics of the new tables, as PostgreSQL's autovacuum
        # would gather soon. SQLite gathers none by itself: without them, some queries
        # take minutes at this size (see the README, "Speed").
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"{connection.vendor}: seeded {articles:,} stories, {images:,} images "
            f"({Rendition.objects.count():,} rendition rows), {tags:,} tags, "
            f"{authors:,} authors in {time.perf_counter() - started:.1f} s"
        )
        # For `bench/run.py`, which measures this page.
        story = Article.objects.get(pk=BENCHMARK_STORY)
        self.stdout.write(f"article page: {story.get_absolute_url()}")


class Seeder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.text = SampleText(rng)

    def sections_and_people(self, authors: int) -> None:
        self.sections = Section.objects.bulk_create(
            Section(name=name, slug=name.lower(), position=position)
            for position, name in enumerate(SECTIONS)
        )
        self.authors = Author.objects.bulk_create(
            Author(name=self._name(), slug=f"reporter-{number}")
            for number in range(authors)
        )
        agencies = Agency.objects.bulk_create(
            Agency(name=name, slug=name.lower().replace(" ", "-")) for name in AGENCIES
        )
        # Staff photographers, and agency ones: credits of each kind.
        self.photographers = Photographer.objects.bulk_create(
            Photographer(
                name=self._name(),
                slug=f"photographer-{number}",
                is_staff=number < 10,
                agency=None if number < 10 else agencies[number % len(agencies)],
            )
            for number in range(40)
        )
        self.agencies = agencies

    def tags(self, count: int) -> None:
        names = [name.capitalize() for name in self.rng.sample(NAMES, count)]
        self.tag_list = Tag.objects.bulk_create(
            Tag(name=name, slug=tag_slug(name)) for name in names
        )

    def images(self, count: int) -> None:
        original = _tiny_picture("JPEG")
        new = []
        for number in range(count):
            # Through the storage API, as uploads are (it may be object storage).
            name = originals_storage.save(
                f"images/bench/{number}.jpg", ContentFile(original)
            )
            photographer = self.rng.choice(self.photographers)
            new.append(
                Image(
                    file=name,
                    width=PHOTO_SIZE[0],
                    height=PHOTO_SIZE[1],
                    file_hash=hashlib.sha256(name.encode()).hexdigest(),
                    alt_text=self.text.sentence(),
                    caption=self.text.sentence(),
                    # One in five from an agency's feed with no photographer named.
                    photographer=None if number % 5 == 0 else photographer,
                    agency=self.rng.choice(self.agencies) if number % 5 == 0 else None,
                    licence=Image.Licence.RIGHTS_MANAGED,
                )
            )
        self.image_list = Image.objects.bulk_create(new, batch_size=BATCH)
        self._renditions()

    def _renditions(self) -> None:
        """A row for every rendition a page may ask for, so none is made at request
        time; rows of one kind share one tiny file. One INSERT ... SELECT over the
        images per kind: 180,000 model instances would take most of the seeding."""
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        # Every image has the same focal point, so what `source_of` appends to the
        # original's hash (the focal point, for a crop) is the same for all of them.
        sample = self.image_list[0]
        digest = renditions.source_of(sample)
        table, image_table = (
            connection.ops.quote_name(model._meta.db_table)
            for model in (Rendition, Image)
        )
        with connection.cursor() as cursor:
            for spec in renditions.specs_for(*PHOTO_SIZE):
                name = default_storage.save(
                    f"renditions/bench/{spec.width}-{spec.crop.replace(':', 'x')}."
                    f"{renditions.SUFFIXES[spec.format]}",
                    ContentFile(_tiny_picture(spec.format.upper())),
                )
                cursor.execute(
                    f"INSERT INTO {table} (image_id, width, format, crop, file, "  # noqa: S608 - names from the models
                    "width_px, height_px, source, created_at) "
                    f"SELECT id, %s, %s, %s, %s, %s, %s, SUBSTR(file_hash, 1, %s) || %s, %s "
                    f"FROM {image_table}",
                    [
                        spec.width,
                        spec.format,
                        spec.crop,
                        name,
                        *_rendition_size(spec),
                        len(digest),
                        renditions.source_of(sample, spec.crop).removeprefix(digest),
                        now,
                    ],
                )

    def stories(self, count: int) -> None:
        now = timezone.now()
        # Stories get their ids up front, so that their bylines and tags are written
        # first and each story is indexed once, with them, as the stories are written
        # (through the models' bulk paths, which keep the image usage and search
        # indexes true). The database checks the references at commit.
        stories = [self._story(pk, now) for pk in range(1, count + 1)]
        Byline.objects.bulk_create(
            (
                Byline(article_id=story.pk, author=author, position=position)
                for story in stories
                for position, author in enumerate(
                    self.rng.sample(self.authors, self.rng.randint(1, 2))
                )
            ),
            batch_size=BATCH,
        )
        # Popular tags are on many stories and rare ones on few, as on a real site.
        weights = [1 / rank for rank in range(1, len(self.tag_list) + 1)]
        TaggedArticle.objects.bulk_create(
            (
                TaggedArticle(content_object_id=story.pk, tag=tag)
                for story in stories
                for tag in self._some(
                    self.tag_list,
                    weights,
                    STORY_TAGS
                    if story.pk == BENCHMARK_STORY
                    else self.rng.randint(1, 4),
                )
            ),
            batch_size=BATCH,
        )
        Article.objects.bulk_create(stories, batch_size=BATCH)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Article]):
                cursor.execute(sql)

    def _story(self, pk: int, now) -> Article:
        featured, *figures = self.rng.sample(self.image_list, 3)
        benchmark = pk == BENCHMARK_STORY
        paragraphs = STORY_PARAGRAPHS if benchmark else self.rng.randint(4, 10)
        body = [f"<p>{self.text.paragraph()}</p>" for _ in range(paragraphs)]
        for position, image in reversed(list(zip(FIGURES_AFTER, figures, strict=True))):
            body.insert(
                position,
                f'<figure><img data-file="{image.pk}">'
                f"<figcaption>{self.text.sentence()}</figcaption></figure>",
            )
        # The benchmark story first, then the rest over two years.
        age = timedelta(minutes=1 if benchmark else self.rng.randint(2, 2 * 365 * 1440))
        return Article(
            pk=pk,
            headline=self.text.headline(),
            slug=f"story-{pk}",
            standfirst=self.text.sentence(),
            body="".join(body),
            section=self.rng.choice(self.sections),
            featured_image=featured,
            status=Article.Status.PUBLISHED,
            published_at=now - age,
        )

    def _some(self, items: list, weights: list[float], count: int) -> set:
        chosen = set()
        while len(chosen) < count:
            chosen.update(self.rng.choices(items, weights, k=count - len(chosen)))
        return chosen

    def _name(self) -> str:
        return f"{self.rng.choice(NAMES).capitalize()} {self.rng.choice(NAMES).capitalize()}"


def _rendition_size(spec: renditions.Spec) -> tuple[int, int]:
    """The size `articles.renditions` would make for a PHOTO_SIZE original."""
    width, height = PHOTO_SIZE
    if spec.crop:
        across, down = renditions.CROPS[spec.crop]
        return spec.width, round(spec.width * down / across)
    return spec.width, round(height * spec.width / width)


def _tiny_picture(pillow_format: str) -> bytes:
    """A few hundred bytes of a real picture file."""
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (24, 16), (90, 120, 150)).save(buffer, pillow_format)
    return buffer.getvalue()
