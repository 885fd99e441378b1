import io
import random
from collections import Counter
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage, ImageDraw, ImageFont, ImageOps

from articles.management import demo
from articles.models import (
    Agency,
    Article,
    Author,
    Byline,
    Correction,
    FrontPagePin,
    Image,
    Photographer,
    Section,
)

# The order the summary lists them in.
KINDS = ["sections", "authors", "agencies", "photographers", "images", "articles"]


class Command(BaseCommand):
    help = (
        "Fill the database with a small fictional newsroom (sections, authors, agencies, "
        "photographers, pictures and stories) for trying the site. Safe to run again: "
        "anything already there is left as it is."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.created = Counter()
        self.existing = Counter()
        with transaction.atomic():
            sections = self._sections()
            agencies = self._agencies()
            photographers = self._photographers(agencies)
            images = self._images(agencies, photographers)
            authors = self._authors(images)
            self._articles(sections, authors, images)
        self._report()

    def _sections(self) -> dict[str, Section]:
        return {
            data["slug"]: self._get_or_create(
                "sections",
                Section,
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "position": data["position"],
                },
            )
            for data in demo.SECTIONS
        }

    def _authors(self, images) -> dict[str, Author]:
        # Like every row, an author already there is left as it is, photo included.
        return {
            data["slug"]: self._get_or_create(
                "authors",
                Author,
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "bio": data["bio"],
                    "photo": images.get(data.get("photo")),
                },
            )
            for data in demo.AUTHORS
        }

    def _agencies(self) -> dict[str, Agency]:
        return {
            data["slug"]: self._get_or_create(
                "agencies",
                Agency,
                slug=data["slug"],
                defaults={key: value for key, value in data.items() if key != "slug"},
            )
            for data in demo.AGENCIES
        }

    def _photographers(self, agencies) -> dict[str, Photographer]:
        return {
            data["slug"]: self._get_or_create(
                "photographers",
                Photographer,
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "is_staff": data["is_staff"],
                    "agency": agencies.get(data.get("agency")),
                },
            )
            for data in demo.PHOTOGRAPHERS
        }

    def _images(self, agencies, photographers) -> dict[str, Image]:
        images = {}
        for data in demo.IMAGES:
            # Each demo picture has its own alt text, which finds the copy an earlier run
            # stored (its bytes may differ between Pillow versions, its alt text does not).
            image = Image.objects.filter(alt_text=data["alt_text"]).first()
            if image is not None:
                self.existing["images"] += 1
            else:
                focal_x, focal_y = data["focal"]
                content = draw_picture(data["size"], data["drawing"])
                image = Image(
                    file=ContentFile(content, name=f"{data['key']}.jpg"),
                    alt_text=data["alt_text"],
                    caption=data["caption"],
                    photographer=photographers.get(data.get("photographer")),
                    agency=agencies.get(data.get("agency")),
                    credit_type=data["credit_type"],
                    credit_text=data.get("credit_text", ""),
                    copyright_notice=data.get("copyright_notice", ""),
                    licence=data["licence"],
                    licence_url=data.get("licence_url", ""),
                    usage_terms=data.get("usage_terms", ""),
                    focal_x=focal_x,
                    focal_y=focal_y,
                )
                image.save()
                self.created["images"] += 1
                self._detail(f"  image “{data['key']}”: {image.credit or 'no credit'}")
            images[data["key"]] = image
        return images

    def _articles(self, sections, authors, images) -> None:
        now = timezone.now().replace(second=0, microsecond=0)
        for data in demo.ARTICLES:
            days_ago = data.get("published_days_ago")  # a draft has none
            article, created = Article.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "headline": data["headline"],
                    "standfirst": data["standfirst"],
                    "body": body_html(data["body"], images),
                    "section": sections[data["section"]],
                    "featured_image": images[data["featured_image"]],
                    "featured_caption": data["featured_caption"],
                    "label": data.get("label", ""),
                    "dateline": data.get("dateline", ""),
                    "status": data["status"],
                    "published_at": None
                    if days_ago is None
                    else now - timedelta(days=days_ago),
                },
            )
            if not created:
                self.existing["articles"] += 1
                continue
            Byline.objects.bulk_create(
                Byline(article=article, author=authors[slug], position=position)
                for position, slug in enumerate(data["authors"])
            )
            article.tags.add(*data["tags"])
            for correction in data.get("corrections", []):
                Correction.objects.create(
                    article=article,
                    kind=correction["kind"],
                    text=correction["text"],
                    created_at=article.published_at
                    + timedelta(hours=correction["hours_after"]),
                )
            if "pin" in data:
                FrontPagePin.objects.create(article=article, position=data["pin"])
            if article.published_at and article.published_at < now:
                # Back-dated stories were not edited after going live: no "Updated" label.
                Article.objects.filter(pk=article.pk).update(
                    updated_at=article.published_at
                )
            self.created["articles"] += 1
            self._detail(f"  article “{article.headline}” ({_state(article)})")

    def _get_or_create(self, kind, model, **lookup):
        instance, created = model.objects.get_or_create(**lookup)
        (self.created if created else self.existing)[kind] += 1
        if created:
            self._detail(f"  {model._meta.verbose_name} “{instance}”")
        return instance

    def _detail(self, line: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(line)

    def _report(self) -> None:
        if self.verbosity < 1:
            return
        for kind in KINDS:
            self.stdout.write(
                f"{kind.capitalize():<14}{self.created[kind]:>3} created, "
                f"{self.existing[kind]:>3} already there"
            )
        if not self.created.total():
            self.stdout.write(
                self.style.SUCCESS("Nothing new: the demo content was already there.")
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                "Demo newsroom ready. One story is scheduled two days ahead and one is a "
                "draft whose featured picture has no credit on purpose (the admin flags "
                "it)."
            )
        )


def _state(article: Article) -> str:
    if article.status != Article.Status.PUBLISHED:
        return article.get_status_display().lower()
    return "scheduled" if article.is_scheduled else "published"


def body_html(parts: list, images: dict[str, Image]) -> str:
    """The body as the editor stores it: paragraphs, and figures that name their Image."""
    html = []
    for part in parts:
        if isinstance(part, str):
            html.append(f"<p>{escape(part)}</p>")
        else:
            image = images[part["figure"]]
            html.append(
                f'<figure><img src="" alt="" data-file="{image.pk}">'
                f"<figcaption>{escape(part['caption'])}</figcaption></figure>"
            )
    return "".join(html)


def draw_picture(size: list[int], drawing: dict) -> bytes:
    """A JPEG drawn from a `drawing` in images.toml. The same spec gives the same bytes."""
    width, height = size
    short = min(width, height)
    top, bottom = drawing["gradient"]
    gradient = PILImage.linear_gradient("L").resize(size)
    picture = ImageOps.colorize(gradient, black=top, white=bottom)
    draw = ImageDraw.Draw(picture)

    def at(x, y):
        return (round(x * width), round(y * height))

    def box(x0, y0, x1, y1):
        return [*at(x0, y0), *at(x1, y1)]

    for kind, *args in drawing["shapes"]:
        match kind:
            case "rect":
                *corners, colour = args
                draw.rectangle(box(*corners), fill=colour)
            case "ellipse":
                *corners, colour = args
                draw.ellipse(box(*corners), fill=colour)
            case "circle":
                x, y, radius, colour = args
                draw.circle(at(x, y), radius * short, fill=colour)
            case "ring":
                x, y, radius, colour, line = args
                draw.circle(
                    at(x, y), radius * short, outline=colour, width=round(line * short)
                )
            case "poly":
                points, colour = args
                draw.polygon([at(*point) for point in points], fill=colour)
            case "line":
                points, colour, line = args
                draw.line(
                    [at(*point) for point in points],
                    fill=colour,
                    width=max(1, round(line * short)),
                    joint="curve",
                )
            case "grid":
                x0, y0, x1, y1, columns, rows, colour = args
                cell_w, cell_h = (x1 - x0) / columns, (y1 - y0) / rows
                for column in range(columns):
                    for row in range(rows):
                        left, upper = x0 + column * cell_w, y0 + row * cell_h
                        draw.rectangle(
                            box(
                                left + cell_w * 0.15,
                                upper + cell_h * 0.15,
                                left + cell_w * 0.85,
                                upper + cell_h * 0.85,
                            ),
                            fill=colour,
                        )
            case "dots":
                x0, y0, x1, y1, count, radius, colour, seed = args
                rng = random.Random(seed)  # noqa: S311 - placement, not security
                for _ in range(count):
                    centre = at(rng.uniform(x0, x1), rng.uniform(y0, y1))
                    draw.circle(
                        centre,
                        max(1.0, radius * short * rng.uniform(0.6, 1.4)),
                        fill=colour,
                    )
            case "stripes":
                x0, y0, x1, y1, count, first, second = args
                step = (x1 - x0) / count
                for number in range(count):
                    draw.rectangle(
                        box(x0 + number * step, y0, x0 + (number + 1) * step, y1),
                        fill=first if number % 2 == 0 else second,
                    )
            case "bars":
                x0, y0, x1, y1, values, colour = args
                step = (x1 - x0) / len(values)
                for number, value in enumerate(values):
                    left = x0 + number * step
                    draw.rectangle(
                        box(
                            left + step * 0.12,
                            y1 - (y1 - y0) * value,
                            left + step * 0.88,
                            y1,
                        ),
                        fill=colour,
                    )
            case "text":
                x, y, text, colour, text_height = args
                font = ImageFont.load_default(size=max(10, round(text_height * height)))
                draw.text(at(x, y), text, fill=colour, font=font)
            case _:
                raise ValueError(f"Unknown shape {kind!r} in the demo drawing.")

    if label := drawing.get("label"):
        font = ImageFont.load_default(size=max(12, round(height * 0.03)))
        position = at(0.02, 0.94)
        draw.text(
            position,
            f"{label} · demo picture",
            fill="#ffffff",
            font=font,
            stroke_width=2,
            stroke_fill="#000000",
        )

    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
