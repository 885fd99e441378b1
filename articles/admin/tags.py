from django.contrib import admin
from django.db.models import Count
from taggit.models import Tag as TaggitTag

from articles.admin.embargo import EmbargoedDeletionMixin
from articles.models import Tag

# Stories are tagged with our own Tag (ASCII slugs); taggit's own is no longer used.
admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(EmbargoedDeletionMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    # Counting articles groups the query, and grouped queries drop Meta.ordering.
    ordering = ["name"]
    search_fields = ["name", "slug"]
    fields = ["name", "slug"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("articles_taggedarticle_items"))
        )

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
