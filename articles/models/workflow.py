"""What happens to a story on its way to readers, besides its own fields: who did what
(events), notes between staff, preview links, and per-user working copies (autosave)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models.fields import PlainTextField


class WorkflowEvent(models.Model):
    """One step of a story's way: submitted, sent back, published, scheduled,
    unpublished, restored. Written by `articles.services`; never edited."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        SENT_BACK = "sent_back", "Sent back"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        UNPUBLISHED = "unpublished", "Unpublished"
        RESTORED = "restored", "Restored an earlier version"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(max_length=20, choices=Action)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    note = PlainTextField(blank=True, help_text="Why it was sent back, for one.")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "workflow event"

    def __str__(self):
        return f"{self.get_action_display()}: {self.article}"


class InternalNote(models.Model):
    """A note between staff about a story. Never shown to readers."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = PlainTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class PreviewLink(models.Model):
    """A shareable link to an unpublished story as readers will see it: signed,
    expiring, revocable."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="preview_links"
    )
    key = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of “{self.article}”"


class WorkingCopy(models.Model):
    """What one user had typed into a story's form, saved every few seconds while the
    form is open; never the live story. `article` is empty for a story not yet saved."""

    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="working_copies",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField(help_text="The form's fields, as the browser posts them.")
    base_version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The story's version the form was opened at."
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "working copies"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="articles_workingcopy_one_per_user"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="articles_workingcopy_one_new_per_user",
            ),
        ]

    def __str__(self):
        return f"Working copy of “{self.article or 'a new story'}” by {self.user}"
