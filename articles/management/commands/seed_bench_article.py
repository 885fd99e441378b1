"""`manage.py seed_bench_article`: the article page the speed figures are measured on.

Shaped like the issue's Wagtail comparison: a featured picture, 8 paragraphs, 2
captioned figures, 3 tags and 5 related stories, every picture with its renditions
made (srcset). Prints the article's path, so a script can take it:

    path=$(.venv/bin/python manage.py seed_bench_article)
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage

from articles import renditions
from articles.models import (
    Agency,
    Article,
    Author,
    Byline,
    Image,
    Photographer,
    Section,
)

SLUG = "bench-article"
SECTIONS = ["News", "Politics", "Business", "Culture", "Sport", "World"]
TAGS = ["Harbour", "Transport", "Council"]
RELATED = 5
PARAGRAPH = (
    "The harbour council met on Tuesday evening to decide the future of the old ferry "
    "terminal, which has stood empty since the last crossing in the spring. Residents "
    "filled the public gallery, and several spoke for more than the three minutes the "
    "rules allow, saying the building should become a market hall rather than flats."
)


def picture_file(number: int) -> ContentFile:
    """A 2000 × 1333 JPEG, wide enough for every rendition width (480, 960, 1600)."""
    gradient = PILImage.linear_gradient("L").resize((2000, 1333))
    colour = PILImage.merge("RGB", (gradient, gradient.rotate(90 * number), gradient))
    buffer = io.BytesIO()
    colour.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"bench-{number}.jpg")


def figure(image: Image, caption: str) -> str:
    """A body figure as the editor stores it."""
    return (
        f'<figure><img src="" alt="" data-file="{image.pk}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def bench_article() -> Article:
    """The bench article, made (with its pictures' renditions) if it is not there yet."""
    article = Article.objects.filter(slug=SLUG).first()
    if article is not None:
        return article
    with transaction.atomic():
        sections = [
            Section.objects.get_or_create(
                slug=name.lower(), defaults={"name": name, "position": position}
            )[0]
            for position, name in enumerate(SECTIONS)
        ]
        agency, _ = Agency.objects.get_or_create(
            slug="bench-agency", defaults={"name": "Bench Images"}
        )
        photographer, _ = Photographer.objects.get_or_create(
            slug="bench-photographer",
            defaults={"name": "Sam Lens", "agency": agency},
        )
        author, _ = Author.objects.get_or_create(
            slug="bench-author", defaults={"name": "Jo Reporter"}
        )
        images = [
            Image.objects.create(
                file=picture_file(number),
                alt_text=f"The old ferry terminal, view {number}",
                caption=f"The ferry terminal from the quay ({number})",
                photographer=photographer,
                agency=agency,
                copyright_notice="© Bench Images",
            )
            for number in range(3)
        ]
        paragraphs = [f"<p>{PARAGRAPH}</p>" for _ in range(8)]
        paragraphs.insert(2, figure(images[1], "Councillors at Tuesday's meeting"))
        paragraphs.insert(6, figure(images[2], "The gallery was full"))
        published_at = timezone.now() - timedelta(days=1)
        article = Article.objects.create(
            headline="Council decides the future of the old ferry terminal",
            slug=SLUG,
            standfirst="A market hall, not flats, residents told the harbour council.",
            body="".join(paragraphs),
            section=sections[0],
            featured_image=images[0],
            featured_caption="The terminal has been empty since spring",
            status=Article.Status.PUBLISHED,
            published_at=published_at,
        )
        Byline.objects.create(article=article, author=author)
        article.tags.add(*TAGS)
        for number in range(RELATED):
            story = Article.objects.create(
                headline=f"Ferry terminal story {number + 1}",
                slug=f"{SLUG}-related-{number + 1}",
                body=f"<p>{PARAGRAPH}</p>",
                section=sections[0],
                status=Article.Status.PUBLISHED,
                published_at=published_at - timedelta(hours=number + 1),
            )
            story.tags.add(TAGS[number % len(TAGS)])
    # Made here whatever the tasks backend: the page is measured warm, not making them.
    for image in images:
        renditions.make_renditions(image)
    return article


class Command(BaseCommand):
    help = (
        "Make the article the speed figures are measured on (featured picture, 8 "
        "paragraphs, 2 captioned figures, 3 tags, 5 related, renditions made), unless "
        "it is there already, and print its path."
    )

    def handle(self, *args, **options):
        self.stdout.write(bench_article().get_absolute_url())
