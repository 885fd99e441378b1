from django.contrib import admin
from django.db.models import Func, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import credits
from articles.admin.thumbnails import thumbnail
from articles.models import Agency, Image, Photographer

SHOWN_IMAGES = 12


def image_count(credited: Q) -> Subquery:
    """How many images `credited` (with OuterRef) matches, for a changelist column."""
    return Subquery(
        Image.objects.filter(credited)
        .order_by()
        .values(count=Func("pk", function="COUNT"))
    )


def count_link(count: int, query: str) -> str:
    changelist = reverse("admin:articles_image_changelist")
    return format_html('<a href="{}?{}">{}</a>', changelist, query, count)


def images_of(credited: Q, query: str) -> str:
    """The newest images `credited` matches, each linking to its page, then a link to
    all of them in the images list (where bulk actions and filters apply)."""
    images = Image.objects.filter(credited)
    newest = list(images[:SHOWN_IMAGES])
    if not newest:
        return "No images yet."
    total = images.count() if len(newest) == SHOWN_IMAGES else len(newest)
    items = format_html_join(
        "",
        '<li><a href="{}">{} {}</a></li>',
        (
            (
                reverse("admin:articles_image_change", args=[image.pk]),
                thumbnail(image, width=80),
                image,
            )
            for image in newest
        ),
    )
    return format_html(
        '<ul class="credited-images">{}</ul><p><a href="{}?{}">See all {} in the images list</a></p>',
        items,
        reverse("admin:articles_image_changelist"),
        query,
        f"{total} image{'' if total == 1 else 's'}",
    )


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "url", "image_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "url",
        "default_copyright_notice",
        "acquire_licence_url",
        "images",
    ]
    readonly_fields = ["images"]

    def get_queryset(self, request):
        # Counted as the credit line counts them: through the photographer's agency too.
        return (
            super()
            .get_queryset(request)
            .annotate(image_count=image_count(credits.credited_to(OuterRef("pk"))))
        )

    @admin.display(description="Images", ordering="image_count")
    def image_count(self, obj):
        return count_link(obj.image_count, f"agency={obj.pk}")

    @admin.display(description="Images credited to this agency")
    def images(self, obj):
        if not obj.pk:
            return "None yet."
        return images_of(credits.credited_to(obj.pk), f"agency={obj.pk}")


@admin.register(Photographer)
class PhotographerAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "is_staff", "slug", "image_count"]
    list_filter = ["is_staff", "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "slug", "agency__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["agency"]
    fields = ["name", "slug", "agency", "is_staff", "url", "images"]
    readonly_fields = ["images"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(image_count=image_count(Q(photographer=OuterRef("pk"))))
        )

    @admin.display(description="Images", ordering="image_count")
    def image_count(self, obj):
        return count_link(obj.image_count, f"photographer__id__exact={obj.pk}")

    @admin.display(description="Images by this photographer")
    def images(self, obj):
        if not obj.pk:
            return "None yet."
        return images_of(Q(photographer=obj.pk), f"photographer__id__exact={obj.pk}")
