from django.conf import settings
from django.db import models
from slugify import slugify

from articles.addresses import cached_reverse
from articles.models.fields import PlainCharField, PlainTextField
from articles.slugs import free_slug


class Author(models.Model):
    """A byline. Not a login: wire services and freelancers write for us without one."""

    name = PlainCharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    bio = PlainTextField(
        blank=True, help_text="A sentence or two shown on the author page."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        help_text="The staff login of this author, if they have one.",
    )
    photo = models.ForeignKey(
        "articles.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A head shot shown on the author page.",
    )
    url = models.URLField(
        blank=True, help_text="The author's own site or profile, if any."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            # Every byline links to its author's page: an author made by a script or an
            # import gets an address too.
            self.slug = free_slug(
                Author.objects.exclude(pk=self.pk),
                slugify(self.name)[:200] or "author",
                max_length=200,
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("articles:author_detail", kwargs={"slug": self.slug})
