"""The audit log, for administrators (superusers) only: read, searched and filtered,
never written here."""

from django.contrib import admin

from articles.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "actor_name", "subject", "detail", "ip_address"]
    list_filter = ["kind", "at"]
    search_fields = ["actor_name", "subject", "detail", "ip_address"]
    date_hierarchy = "at"
    list_per_page = 50

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
