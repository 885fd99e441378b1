"""One admin action for the photo desk: change credits and rights of many images at once.

Staff tick what to change on a confirmation page; the change is all or nothing, and each
image's History page says who changed what, from what to what.
"""

from django import forms
from django.contrib import admin, messages
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from django.utils.dateformat import format as format_date

from articles.models import Image

# What the page and the History call each field that can be changed.
LABELS = {
    "photographer": "photographer",
    "agency": "agency",
    "credit_type": "credit type",
    "licence": "licence",
    "rights_expire_on": "rights expiry",
}
BULK_FIELDS = list(LABELS)
NOTHING = {
    "photographer": "no photographer",
    "agency": "no agency",
    "rights_expire_on": "no expiry",
}


class BulkCreditsForm(forms.Form):
    """A “Change the …” box and a value for each field; only ticked fields change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in BULK_FIELDS:
            self.fields[f"change_{name}"] = forms.BooleanField(
                required=False, label=f"Change the {LABELS[name]}"
            )
            self.fields[name] = Image._meta.get_field(name).formfield(required=False)
            if name in NOTHING:
                self.fields[
                    name
                ].help_text = (
                    f"Leave empty for {NOTHING[name]} on every selected image."
                )
        self.fields["rights_expire_on"].widget = forms.DateInput(
            attrs={"type": "date"}, format="%Y-%m-%d"
        )
        self.fields[
            "rights_expire_on"
        ].help_text += " Otherwise the last day the pictures may be shown."

    def pairs(self):
        """(tick box, value) for each field, as the page lays them out."""
        return [(self[f"change_{name}"], self[name]) for name in BULK_FIELDS]

    def clean(self):
        cleaned = super().clean()
        ticked = [name for name in BULK_FIELDS if cleaned.get(f"change_{name}")]
        if not ticked:
            raise forms.ValidationError(
                "Nothing was changed: tick “Change the …” next to each thing to change.",
                code="nothing_ticked",
            )
        for name in ticked:
            if (
                name not in NOTHING
                and not cleaned.get(name)
                and name not in self.errors
            ):
                self.add_error(
                    name,
                    f"Pick a {LABELS[name]}, or untick “Change the {LABELS[name]}”.",
                )
        return cleaned

    def changes(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in BULK_FIELDS
            if self.cleaned_data[f"change_{name}"]
        }


def shown(image: Image, name: str) -> str:
    """A field's value as staff read it: names, choice labels, dates."""
    value = getattr(image, name)
    if value is None:
        return NOTHING[name]
    if name in ("credit_type", "licence"):
        return getattr(image, f"get_{name}_display")()
    if name == "rights_expire_on":
        return format_date(value, "j M Y")
    return str(value)


def change_message(before: dict, credit_before: str, image: Image) -> str:
    """“Bulk change: licence Unknown → Royalty-free; …”, naming only what changed, and
    the credit line readers will see when it changes with it."""
    parts = [
        f"{LABELS[name]} {old} → {shown(image, name)}"
        for name, old in before.items()
        if old != shown(image, name)
    ]
    if parts and credit_before != image.credit_line:
        parts.append(
            f"credit line “{credit_before or 'none'}” → “{image.credit_line or 'none'}”"
        )
    return "Bulk change: " + "; ".join(parts) if parts else ""


def apply_changes(model_admin, request, images, changes: dict) -> int:
    """Set `changes` on every image and log each image's change; returns how many changed."""
    changed = 0
    # Chosen again by key: the changelist's query may be one rows cannot be locked through.
    locked = (
        Image.objects.filter(pk__in=images.values("pk"))
        .with_credit_data()
        .select_for_update(of=("self",))
    )
    with transaction.atomic():
        for image in locked:
            before = {name: shown(image, name) for name in changes}
            credit_before = image.credit_line
            for name, value in changes.items():
                setattr(image, name, value)
            message = change_message(before, credit_before, image)
            if not message:
                continue
            image.save(update_fields=[*changes, "updated_at"])
            model_admin.log_change(request, image, message)
            changed += 1
    return changed


@admin.action(
    description="Change credits and rights of selected images", permissions=["change"]
)
def change_credits_and_rights(model_admin, request, queryset):
    form = BulkCreditsForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        selected = queryset.count()
        try:
            changed = apply_changes(model_admin, request, queryset, form.changes())
        except DatabaseError as error:
            model_admin.message_user(
                request,
                f"Nothing was changed: the database refused the change ({error}). "
                "Try again; if it fails again, tell the developers.",
                messages.ERROR,
            )
            return None
        fields = " and ".join(LABELS[name] for name in form.changes())
        unchanged = selected - changed
        model_admin.message_user(
            request,
            f"Changed the {fields} of {changed} image{'' if changed == 1 else 's'}."
            + (f" {unchanged} already had these values." if unchanged else ""),
            messages.SUCCESS,
        )
        return None
    opts = model_admin.model._meta
    return TemplateResponse(
        request,
        "admin/articles/image/bulk_change.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": "Change credits and rights",
            "opts": opts,
            "form": form,
            "images": queryset.with_credit_data(),
            "action": "change_credits_and_rights",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "changelist_url": request.get_full_path(),
        },
    )
