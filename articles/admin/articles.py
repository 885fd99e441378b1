from django.contrib import admin, messages

from articles.admin.images import credit_or_warning
from articles.admin.usage import UsageIndexDeletionMixin
from articles.models import Article, ArticleImage, Byline, Image


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    ordering = ["position"]
    extra = 1
    verbose_name = "byline"
    verbose_name_plural = "Byline (authors are named in order of position)"


@admin.register(Article)
class ArticleAdmin(UsageIndexDeletionMixin, admin.ModelAdmin):
    list_display = ["headline", "section", "status", "published_at", "is_published"]
    list_filter = ["status", "section", "tags"]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "featured_image"]
    readonly_fields = [
        "featured_image_credit",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        ("Story", {"fields": ["headline", "slug", "standfirst", "body"]}),
        (
            "Placement",
            {
                "fields": [
                    "section",
                    "tags",
                    "featured_image",
                    "featured_image_credit",
                    "featured_caption",
                ]
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "created_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        ("SEO", {"classes": ["collapse"], "fields": ["seo_title", "seo_description"]}),
    ]
    inlines = [BylineInline]

    def view_on_site(self, obj):
        # A draft or scheduled story's public address answers 404, so offer no link to it;
        # staff read those through the preview.
        return obj.get_absolute_url() if obj.is_published else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._warn_about_uncredited_images(request, form.instance)

    # Not the same as status "Published": a scheduled story has that status but is not live yet.
    @admin.display(description="Live", boolean=True)
    def is_published(self, obj):
        return obj.is_published

    @admin.display(description="Featured image credit")
    def featured_image_credit(self, obj):
        if obj.featured_image is None:
            return "—"
        return credit_or_warning(obj.featured_image, featured=True)

    def _warn_about_uncredited_images(self, request, article: Article) -> None:
        """Saving goes ahead; the editor is told which pictures still need a credit."""
        uses = article.image_uses.filter(
            image__in=Image.objects.uncredited()
        ).select_related("image")
        warned = set()
        for use in uses:
            if use.image_id in warned:
                continue
            warned.add(use.image_id)
            where = (
                "The featured image"
                if use.role == ArticleImage.Role.FEATURED
                else "A picture in the body"
            )
            self.message_user(
                request,
                f"{where} (“{use.image}”) has no credit. Add a photographer, an agency "
                "or a credit text to the image before publishing.",
                messages.WARNING,
            )
