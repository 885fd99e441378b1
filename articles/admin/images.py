from functools import partial

from django.contrib import admin
from django.urls import path
from django.utils.html import format_html

from articles import credits
from articles.admin.chooser import image_chooser
from articles.admin.embargo import EmbargoedDeletionMixin
from articles.admin.forms import ImageForm
from articles.admin.originals import original
from articles.admin.thumbnails import thumbnail
from articles.admin.usage import (
    ArticleImageInline,
    UsageIndexDeletionMixin,
    usage_summary,
)
from articles.models import Agency, Image

NO_CREDIT = "No credit"


def credit_or_warning(image: Image, *, featured: bool = False) -> str:
    """The credit line readers will see, or a warning when nothing is known about who made
    the picture (readers would see no credit at all)."""
    line = image.featured_credit_line if featured else image.credit_line
    if line:
        return line
    return format_html(
        "<strong>{}</strong>: add a photographer, an agency or a credit text to the image.",
        NO_CREDIT,
    )


def picture_problems(image: Image) -> list[str]:
    """What an editor should fix before readers see this picture."""
    problems = []
    if not image.credit:
        problems.append("No credit: add a photographer, an agency or a credit text.")
    if not image.alt_text.strip():
        problems.append(
            "No alt text: describe the picture for readers who cannot see it."
        )
    return problems


class CreditListFilter(admin.SimpleListFilter):
    title = "credit"
    parameter_name = "credit"

    def lookups(self, request, model_admin):
        return [("missing", "Missing"), ("present", "Present")]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.uncredited()
        if self.value() == "present":
            return queryset.credited()
        return queryset


class CreditedAgencyFilter(admin.SimpleListFilter):
    """Images whose credit line names the agency, through their photographer too."""

    title = "agency"
    parameter_name = "agency"

    def lookups(self, request, model_admin):
        return Agency.objects.values_list("pk", "name")

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            agency_id = int(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(credits.credited_to(agency_id))


@admin.register(Image)
class ImageAdmin(EmbargoedDeletionMixin, UsageIndexDeletionMixin, admin.ModelAdmin):
    form = ImageForm
    list_display = [
        "list_thumbnail",
        "__str__",
        "credit_line",
        "has_credit",
        "licence",
        "dimensions",
        "created_at",
    ]
    list_display_links = ["list_thumbnail", "__str__"]
    list_filter = [CreditListFilter, CreditedAgencyFilter, "licence", "credit_type"]
    list_select_related = ["photographer__agency", "agency"]
    search_fields = [
        "caption",
        "alt_text",
        "photographer__name",
        "agency__name",
        "photographer__agency__name",
    ]
    date_hierarchy = "created_at"
    autocomplete_fields = ["photographer", "agency"]
    readonly_fields = [
        "preview",
        "usage",
        "credit_line",
        "original_filename",
        "width",
        "height",
        "file_hash",
        "uploaded_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "file",
                    "kept_upload",
                    "preview",
                    "usage",
                    "alt_text",
                    "caption",
                ]
            },
        ),
        (
            "Credit",
            {
                "fields": [
                    "photographer",
                    "agency",
                    "credit_type",
                    "credit_text",
                    "credit_line",
                ]
            },
        ),
        (
            "Rights",
            {
                "fields": [
                    "copyright_notice",
                    "licence",
                    "licence_url",
                    "usage_terms",
                    "rights_expire_on",
                ]
            },
        ),
        (
            "Crop",
            {
                "description": "Crops keep this point in frame.",
                "fields": ["focal_x", "focal_y"],
            },
        ),
        (
            "Upload",
            {
                "fields": [
                    "original_filename",
                    "width",
                    "height",
                    "file_hash",
                    "uploaded_by",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    inlines = [ArticleImageInline]

    def get_urls(self):
        chooser = self.admin_site.admin_view(partial(image_chooser, model_admin=self))
        view_original = self.admin_site.admin_view(partial(original, model_admin=self))
        return [
            path("chooser/", chooser, name="articles_image_chooser"),
            path(
                "<path:object_id>/original/",
                view_original,
                name="articles_image_original",
            ),
            *super().get_urls(),
        ]

    def get_inlines(self, request, obj):
        # A picture being uploaded is used nowhere yet.
        return self.inlines if obj else []

    def protected_without_stories(self, objs, protected) -> list[str]:
        return [
            f"“{image}”: {usage_summary(image)}"
            for image in objs
            if image.uses.exists()
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="Picture")
    def list_thumbnail(self, obj):
        return thumbnail(obj, width=120)

    @admin.display(description="Picture")
    def preview(self, obj):
        return thumbnail(obj, width=480) if obj.pk else "—"

    @admin.display(description="Used")
    def usage(self, obj):
        return usage_summary(obj) if obj.pk else "Not used in any story yet."

    @admin.display(description="Credit line")
    def credit_line(self, obj):
        if not obj.pk:
            return "Worked out from the credit fields when the image is saved."
        return credit_or_warning(obj)

    @admin.display(description="Has credit", boolean=True)
    def has_credit(self, obj):
        return bool(obj.credit)

    @admin.display(description="Size")
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}"
