from django.contrib import admin

from articles.admin.embargo import EmbargoedDeletionMixin
from articles.models import Author


@admin.register(Author)
class AuthorAdmin(EmbargoedDeletionMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user", "url"]
    list_filter = [("user", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user", "photo"]
    fields = ["name", "slug", "bio", "user", "photo", "url"]
