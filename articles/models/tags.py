import hashlib

from django.db import models
from django.utils.translation import pgettext_lazy
from slugify import slugify
from taggit.models import TagBase

from articles.addresses import cached_reverse
from articles.models.fields import PlainCharField
from articles.slugs import free_slug

SLUG_LENGTH = 100


def tag_slug(name: str) -> str:
    """The article slug rule for a tag: ASCII, never empty. A name with nothing to
    transliterate (an emoji) gets a slug made from a hash of it, the same every time."""
    return (
        slugify(name, max_length=SLUG_LENGTH - 10)
        or f"tag-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    )


class Tag(TagBase):
    """A topic that stories share; each has a page at /tags/<slug>/."""

    # taggit's name, as a field that drops control characters.
    name = PlainCharField(
        verbose_name=pgettext_lazy("A tag name", "name"), unique=True, max_length=100
    )
    slug = models.SlugField(
        max_length=SLUG_LENGTH,
        unique=True,
        blank=True,
        help_text="The last part of the tag page's address: letters, numbers and hyphens. "
        "Made from the name when left empty (“Zürich” → zurich).",
    )

    class Meta:
        ordering = ["name"]

    def save(self, *args, **kwargs):
        # taggit makes slugs for new tags only (retrying after a clash, as two editors
        # first using "Zürich" and "Zurich" at once would cause); a slug cleared in the
        # admin is made again here.
        if not self.slug and not self._state.adding:
            self.slug = free_slug(
                Tag.objects.exclude(pk=self.pk),
                tag_slug(self.name),
                max_length=SLUG_LENGTH,
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("articles:tag_detail", args=[self.slug])

    def slugify(self, tag, i=None):
        # taggit's hook: its own slugs keep non-Latin letters, and can be empty.
        slug = tag_slug(tag)
        return slug if i is None else f"{slug}-{i + 1}"
