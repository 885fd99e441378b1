from django.contrib import admin
from django.db.models import Count

from articles.admin.embargo import EmbargoedDeletionMixin
from articles.models import Section


@admin.register(Section)
class SectionAdmin(EmbargoedDeletionMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "position", "article_count"]
    # Counting articles groups the query, and grouped queries drop Meta.ordering.
    ordering = ["position", "name"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
