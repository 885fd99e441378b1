import hashlib

from django.db import models
from django.urls import reverse
from slugify import slugify
from taggit.models import TagBase

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
        # Before TagBase.save(), whose own slugs keep non-Latin letters (and can be empty).
        if not self.slug:
            self.slug = self._free_slug(tag_slug(self.name))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag_detail", args=[self.slug])

    def _free_slug(self, slug: str) -> str:
        return free_slug(Tag.objects.exclude(pk=self.pk), slug, max_length=SLUG_LENGTH)
