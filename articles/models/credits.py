from django.db import models

from articles.models.fields import PlainCharField


class Agency(models.Model):
    """A picture agency or wire service, e.g. “AP Images”."""

    name = PlainCharField(
        max_length=200, unique=True, help_text="As it appears in credit lines."
    )
    slug = models.SlugField(max_length=200, unique=True)
    url = models.URLField(blank=True)
    default_copyright_notice = PlainCharField(
        max_length=300,
        blank=True,
        help_text="Used for this agency's images that have no notice of their own.",
    )
    acquire_licence_url = models.URLField(
        blank=True,
        help_text="Where readers can license this agency's pictures; published in image metadata.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name


class Photographer(models.Model):
    name = PlainCharField(max_length=200, help_text="As it appears in credit lines.")
    slug = models.SlugField(max_length=200, unique=True)
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="photographers",
        help_text="The agency this photographer usually shoots for. An image can name another agency.",
    )
    is_staff = models.BooleanField(
        "staff photographer",
        default=False,
        help_text="Staff pictures without an agency are credited to the publication.",
    )
    url = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
