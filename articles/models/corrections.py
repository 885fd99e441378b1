from django.apps import apps
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from articles.models.fields import PlainTextField


class Correction(models.Model):
    """A correction or update, shown at the foot of the story, newest first."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CORRECTION)
    text = PlainTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Redirect(models.Model):
    """An old address of a story (its slug changed, or an importer's old permalink),
    answered with one 301 to where the story is now. Consulted only when a path
    matches nothing else."""

    old_path = models.CharField(max_length=500, unique=True)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.article}"


class FrontPagePinQuerySet(models.QuerySet):
    def live(self):
        """Pins on the home page now: their window is open (no start or started, no end
        or not yet ended) and their story is published."""
        now = timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            article__in=apps.get_model("articles", "Article").objects.published(),
        )


class FrontPagePin(models.Model):
    """Editors' curation of the home page: the top story (position 0) and up to six
    pinned stories, each for an optional window of time. Where no pin is live, the
    newest stories fill in."""

    TOP_STORY = 0
    LAST_POSITION = 6

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="pins"
    )
    position = models.PositiveSmallIntegerField(
        help_text="0 is the top story; 1 to 6 the pinned places after it."
    )
    starts_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty: from now."
    )
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty: until unpinned."
    )

    objects = FrontPagePinQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-starts_at"]
        verbose_name = "front-page pin"
        constraints = [
            models.CheckConstraint(
                condition=Q(position__lte=6),
                name="articles_frontpagepin_position_range",
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(ends_at__gt=F("starts_at")),
                name="articles_frontpagepin_window_order",
            ),
        ]

    def __str__(self):
        return f"{self.place}: {self.article}"

    @property
    def place(self) -> str:
        return (
            "Top story" if self.position == self.TOP_STORY else f"Pin {self.position}"
        )

    @property
    def is_live(self) -> bool:
        """`FrontPagePinQuerySet.live()` for one pin."""
        now = timezone.now()
        return (
            (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or self.ends_at > now)
            and self.article.is_published
        )
