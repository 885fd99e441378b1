"""Where each image is used. `Article.save()` derives these rows, so the admin only shows them."""

from datetime import timedelta

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html

from articles.admin.embargo import may_read_articles
from articles.admin.thumbnails import thumbnail
from articles.models import Article, ArticleImage

# A picture that ran this recently may be licensed for one use only: reusing it needs a check.
REUSE_WINDOW = timedelta(days=7)


def usage_summary(image) -> str:
    """How many stories use `image` and how many of them are live, without naming them."""
    stories = Article.objects.filter(image_uses__image=image).distinct()
    used, live = stories.count(), stories.published().count()
    if not used:
        return "Not used in any story."
    noun = "story" if used == 1 else "stories"
    return f"Used in {used} {noun}: {live} published, {used - live} not published."


def recent_runs(images, *, besides: Article | None = None):
    """Uses of `images` (ids or a queryset) in published stories that went live within
    `REUSE_WINDOW`, other than `besides`, newest first. Published headlines are public,
    so anyone may be told them."""
    recent = Article.objects.published().filter(
        published_at__gte=timezone.now() - REUSE_WINDOW
    )
    if besides is not None:
        recent = recent.exclude(pk=besides.pk)
    return (
        ArticleImage.objects.filter(image__in=images, article__in=recent)
        .select_related("article", "image")
        .order_by("-article__published_at", "article_id")
    )


def reuse_warnings(uses, *, named: bool = True) -> list[str]:
    """One warning per image for `recent_runs`: “Ran in “X” on 27 Nov: check the licence
    allows reuse.” Unless `named`, stories are given by date only, for staff who may not
    read stories."""
    runs_by_image: dict = {}
    for use in uses:
        runs = runs_by_image.setdefault(use.image, {})
        day = format_date(timezone.localtime(use.article.published_at), "j M")
        story = f"“{use.article.headline}”" if named else "a published story"
        runs.setdefault(use.article_id, f"{story} on {day}")
    return [
        f"“{image}” ran in {' and '.join(runs.values())}: check the licence allows reuse."
        for image, runs in runs_by_image.items()
    ]


def live_stories_showing(image):
    """Published stories using `image`, e.g. those its expired rights affect."""
    return Article.objects.published().filter(image_uses__image=image).distinct()


class ReadOnlyAdminMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class UsageIndexDeletionMixin:
    """For the admins of articles and images, whose deletion touches image uses.

    Nobody may delete an image use by hand, so lacking that permission must neither stop
    deleting an article (its uses go with it) nor hide why an image in use cannot be
    deleted (the page lists the stories that protect it).
    """

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        perms_needed.discard(ArticleImage._meta.verbose_name)
        if protected:
            # What protects the object is why it cannot go; Django would also list the
            # protecting models as permissions needed, as if they were to be deleted.
            perms_needed = set()
        return deleted, counts, perms_needed, protected


def article_link(use: ArticleImage) -> str:
    return format_html(
        '<a href="{}">{}</a>',
        reverse("admin:articles_article_change", args=[use.article_id]),
        use.article.headline,
    )


class ArticleImageInline(ReadOnlyAdminMixin, admin.TabularInline):
    """On an image's page: the stories that show it."""

    model = ArticleImage
    fk_name = "image"
    fields = ["used_in", "article_status", "role", "position"]
    readonly_fields = fields
    extra = 0
    verbose_name = "use in an article"
    verbose_name_plural = "Where this image is used"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_view_permission(self, request, obj=None):
        # The index is part of what an image is: whoever may see the image, and may read
        # stories, may see where it runs, without a permission on the derived table.
        image_admin = self.admin_site.get_model_admin(self.parent_model)
        return may_read_articles(request) and image_admin.has_view_or_change_permission(
            request, obj
        )

    @admin.display(description="Article")
    def used_in(self, obj):
        return article_link(obj)

    @admin.display(description="Status")
    def article_status(self, obj):
        # A published story whose time has not come is not on the site yet.
        return (
            "Scheduled"
            if obj.article.is_scheduled
            else obj.article.get_status_display()
        )


@admin.register(ArticleImage)
class ArticleImageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["image_thumbnail", "image", "used_in", "role", "position"]
    list_display_links = ["image_thumbnail", "image"]
    list_filter = ["role", "article__status"]
    list_select_related = ["article", "image"]
    search_fields = [
        "article__headline",
        "image__caption",
        "image__alt_text",
    ]
    fields = ["image", "used_in", "role", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("image__renditions")

    def has_view_permission(self, request, obj=None):
        return may_read_articles(request) and super().has_view_permission(request, obj)

    @admin.display(description="Picture")
    def image_thumbnail(self, obj):
        return thumbnail(obj.image, width=80)

    @admin.display(description="Article", ordering="article__headline")
    def used_in(self, obj):
        return article_link(obj)
