from django.contrib import admin

from articles import policy
from articles.models import InternalNote


class InternalNoteInline(admin.TabularInline):
    """Notes between staff about the story: who wrote what, when. Never shown to
    readers; a note once written stays as written."""

    model = InternalNote
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 1
    can_delete = False
    verbose_name = "internal note"
    verbose_name_plural = "Internal notes (staff only, never shown to readers)"

    def has_add_permission(self, request, obj=None):
        return policy.may_add_note(request.user, obj) and super().has_add_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
