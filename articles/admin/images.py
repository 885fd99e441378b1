import json
from dataclasses import dataclass
from functools import partial

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.admin import versions
from articles.admin.bulk import change_credits_and_rights
from articles.admin.chooser import image_chooser
from articles.admin.embargo import EmbargoedDeletionMixin, may_read_articles
from articles.admin.filters import (
    AltTextFilter,
    CreditedAgencyFilter,
    CreditListFilter,
    RightsFilter,
    UsageFilter,
    rights_status,
)
from articles.admin.forms import ImageForm
from articles.admin.metadata import reread_embedded_metadata
from articles.admin.originals import original
from articles.admin.report import credits_report
from articles.admin.thumbnails import thumbnail
from articles.admin.usage import (
    ArticleImageInline,
    UsageIndexDeletionMixin,
    live_stories_showing,
    recent_runs,
    reuse_warnings,
    usage_summary,
)
from articles.models import Image
from articles.models.fields import PictureField

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


@dataclass(frozen=True)
class OriginalLink:
    """What the file widget shows for the stored file: a name and where to open it."""

    name: str
    url: str

    def __str__(self):
        return self.name


class OriginalFileWidget(AdminFileWidget):
    """The file input, linking the current original through the permission-checked
    admin view: Django would ask the file for its URL, which an original has not."""

    def is_initial(self, value):
        return bool(value and getattr(value, "instance", None) and value.instance.pk)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            image = value.instance
            context["widget"]["value"] = OriginalLink(
                name=image.original_filename or value.name.rsplit("/", 1)[-1],
                url=reverse("admin:articles_image_original", args=[image.pk]),
            )
        return context


# Fields naming stories, and what staff who may not read stories see instead.
STORY_NAMING_FIELDS = {"recent_use": "recent_use_unnamed", "affected_stories": None}


def replaced(fields: list[str], shown: dict) -> list[str]:
    """`fields` with each in `shown` replaced by its stand-in, or left out (None)."""
    fields = [shown.get(name, name) for name in fields]
    return [name for name in fields if name]


@admin.register(Image)
class ImageAdmin(EmbargoedDeletionMixin, UsageIndexDeletionMixin, admin.ModelAdmin):
    form = ImageForm
    list_display = [
        "list_thumbnail",
        "__str__",
        "credit_line",
        "has_credit",
        "licence",
        "rights",
        "dimensions",
        "created_at",
    ]
    list_display_links = ["list_thumbnail", "__str__"]
    list_filter = [
        CreditListFilter,
        AltTextFilter,
        RightsFilter,
        CreditedAgencyFilter,
        "licence",
        "credit_type",
        UsageFilter,
    ]
    list_select_related = ["photographer__agency", "agency"]
    search_fields = [
        "caption",
        "alt_text",
        "photographer__name",
        "agency__name",
        "photographer__agency__name",
    ]
    date_hierarchy = "created_at"
    actions = [change_credits_and_rights, reread_embedded_metadata]
    formfield_overrides = {PictureField: {"widget": OriginalFileWidget}}
    autocomplete_fields = ["photographer", "agency"]
    readonly_fields = [
        "original_file",
        "preview",
        "usage",
        "recent_use",
        "recent_use_unnamed",
        "rights_warning",
        "affected_stories",
        "credit_line",
        "original_filename",
        "width",
        "height",
        "file_hash",
        "uploaded_by",
        "created_at",
        "updated_at",
        "metadata",
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
                    "recent_use",
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
                    "licensor_url",
                    "usage_terms",
                    "rights_expire_on",
                    "rights_warning",
                    "affected_stories",
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
        (
            "Embedded metadata",
            {
                "classes": ["collapse"],
                "description": "What the file itself says (XMP, IPTC, EXIF), as read on "
                "upload. For reference: the fields above are what readers see.",
                "fields": ["metadata"],
            },
        ),
    ]
    inlines = [ArticleImageInline]

    def get_queryset(self, request):
        # The list's thumbnails are renditions: one query for all of them.
        return super().get_queryset(request).prefetch_related("renditions")

    def get_urls(self):
        chooser = self.admin_site.admin_view(partial(image_chooser, model_admin=self))
        view_original = self.admin_site.admin_view(partial(original, model_admin=self))
        report = self.admin_site.admin_view(partial(credits_report, model_admin=self))
        return [
            path("report/", report, name="articles_image_report"),
            path("chooser/", chooser, name="articles_image_chooser"),
            path(
                "<path:object_id>/original/",
                view_original,
                name="articles_image_original",
            ),
            *versions.urls(self),
            *super().get_urls(),
        ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        shown = {}
        if obj is not None and not self.has_change_permission(request, obj):
            # Read only, Django would link the file to its URL, which originals lack.
            shown["file"] = "original_file"
        if not may_read_articles(request):
            # Headlines stay with those who may read stories (see `embargo`).
            shown |= STORY_NAMING_FIELDS
        return [
            (name, {**options, "fields": replaced(options["fields"], shown)})
            for name, options in fieldsets
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
        if not obj.pk:
            return "—"
        return format_html(
            '{}<br><a href="{}">View original</a>',
            thumbnail(obj, width=480),
            reverse("admin:articles_image_original", args=[obj.pk]),
        )

    @admin.display(description="File")
    def original_file(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_image_original", args=[obj.pk]),
            obj.original_filename or obj.file.name.rsplit("/", 1)[-1],
        )

    @admin.display(description="Used")
    def usage(self, obj):
        return usage_summary(obj) if obj.pk else "Not used in any story yet."

    @admin.display(description="Ran recently")
    def recent_use(self, obj, *, named=True):
        uses = recent_runs([obj.pk]) if obj.pk else []
        warnings = reuse_warnings(uses, named=named)
        if not warnings:
            return "Not in a published story in the last 7 days."
        return format_html('<strong class="warning">{}</strong>', warnings[0])

    @admin.display(description="Ran recently")
    def recent_use_unnamed(self, obj):
        return self.recent_use(obj, named=False)

    @admin.display(description="Rights")
    def rights(self, obj):
        status = rights_status(obj)
        return (
            format_html('<strong class="warning">{}</strong>', status) if status else ""
        )

    @admin.display(description="Rights status")
    def rights_warning(self, obj):
        status = rights_status(obj)
        if not obj.pk or not obj.rights_expired():
            return status or "Current."
        count = live_stories_showing(obj).count()
        stories = "published story" if count == 1 else "published stories"
        return format_html(
            "<strong>{}: readers no longer see it.</strong> {} {} showed it: replace "
            "the picture or renew the rights.",
            status,
            count,
            stories,
        )

    @admin.display(description="Stories affected by expired rights")
    def affected_stories(self, obj):
        if not obj.pk or not obj.rights_expired():
            return "None: the rights have not expired."
        stories = live_stories_showing(obj).select_related("section")
        # Published, so their public pages exist (the picture is left out of them).
        links = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            ((story.get_absolute_url(), story.headline) for story in stories),
        )
        return format_html("<ul>{}</ul>", links) if links else "None."

    @admin.display(description="Embedded metadata")
    def metadata(self, obj):
        if not obj.embedded_metadata:
            return "None read from the file."
        return format_html(
            "<pre>{}</pre>",
            json.dumps(
                obj.embedded_metadata, indent=2, ensure_ascii=False, sort_keys=True
            ),
        )

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
