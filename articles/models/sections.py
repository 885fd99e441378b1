from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from articles.addresses import cached_reverse
from articles.models.fields import PlainCharField, PlainTextField

# First path segments the site itself answers; a section with one of these slugs
# would be unreachable or would hide a site page.
RESERVED_SECTION_SLUGS = frozenset(
    {
        "tags",
        "authors",
        "search",
        "feed",
        "preview",
        "images",
        "static",
        "media",
        "healthz",
        "robots.txt",
    }
)


def is_reserved_section_slug(slug: str) -> bool:
    admin_segment = settings.ADMIN_URL.strip("/").split("/")[0]
    return (
        slug in RESERVED_SECTION_SLUGS
        or slug.startswith("sitemap")
        or slug == admin_segment
    )


def validate_section_slug(slug: str) -> None:
    if is_reserved_section_slug(slug):
        raise ValidationError(
            "“%(slug)s” is used by the site itself (for example /%(slug)s/), so a section cannot use it. Choose another slug.",
            code="reserved",
            params={"slug": slug},
        )


class Section(models.Model):
    name = PlainCharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        validators=[validate_section_slug],
        help_text="The first part of every article address in this section, e.g. “politics” in /politics/2026/11/25/…",
    )
    description = PlainTextField(
        blank=True, help_text="Shown at the top of the section page."
    )
    position = models.PositiveSmallIntegerField(
        default=0,
        help_text="Sections are listed in this order on the home page and in the navigation.",
    )

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            # The admin path comes from settings, so the validator adds it; the database
            # guards the fixed list.
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_SECTION_SLUGS))
                & ~Q(slug__startswith="sitemap"),
                name="articles_section_slug_not_reserved",
                violation_error_message="This slug is used by the site itself.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("articles:section_detail", kwargs={"slug": self.slug})
