from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what that matters to the site's security, and when: sign-ins (each
    step), failed ones and lockouts, stories going live or coming down, changes to what
    staff may do and to their two-factor devices. Written by `articles.audit`; never edited. Names are copied, so an entry
    outlives the user or story it names."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in (password)"
        SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
        SECOND_STEP = "second_step", "Second step passed"
        SECOND_STEP_FAILED = "second_step_failed", "Second step failed"
        TWO_FACTOR = "two_factor", "Two-factor changed"
        LOCKED_OUT = "locked_out", "Locked out"
        SIGNED_OUT = "signed_out", "Signed out"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        UNPUBLISHED = "unpublished", "Unpublished"
        PERMISSIONS = "permissions", "Permissions changed"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("who", max_length=150, blank=True)
    subject = models.CharField("what", max_length=300, blank=True)
    detail = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField("address", null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"

    def __str__(self):
        return (
            f"{self.get_kind_display()}: {self.actor_name or 'someone'} {self.subject}"
        )
