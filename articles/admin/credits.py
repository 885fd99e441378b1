from django.contrib import admin
from django.db.models import Count

from articles.models import Agency, Photographer


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "url", "image_count"]
    # Counting images groups the query, and grouped queries drop Meta.ordering.
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "url", "default_copyright_notice", "acquire_licence_url"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(image_count=Count("images"))

    @admin.display(description="Images", ordering="image_count")
    def image_count(self, obj):
        return obj.image_count


@admin.register(Photographer)
class PhotographerAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "is_staff", "slug"]
    list_filter = ["is_staff", "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "slug", "agency__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["agency"]
    fields = ["name", "slug", "agency", "is_staff", "url"]
