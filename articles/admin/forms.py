from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import date
from django.urls import reverse
from django.utils.html import format_html

from articles.admin import kept_uploads
from articles.image_metadata import (
    apply_embedded_metadata,
    embedded_values,
    matching_agency,
    matching_photographer,
    read_embedded_metadata,
    untouched_fields,
)
from articles.image_validation import UNREADABLE_IMAGE_MESSAGE
from articles.models import Image
from articles.models.fields import file_sha256


class ImageForm(forms.ModelForm):
    """An image's form. A picture that passed its checks is kept when another field is
    refused, so the next try need not pick the file again (see `kept_uploads`).

    A new file pre-fills the fields staff have not set from the credits it carries
    (see `image_metadata`), before validation, so a file with alt text needs none typed.
    A file already in the library is refused, naming the image that has it."""

    kept_upload = forms.CharField(widget=forms.HiddenInput, required=False)
    user = (
        None  # whose kept picture the form may take back; ImageAdmin.get_form sets it
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        token = self.data.get("kept_upload", "") if self.is_bound else ""
        if token and self.files.get("file"):
            kept_uploads.discard(token, user=self.user)  # another file was picked
        elif token and (kept := kept_uploads.take(token, user=self.user)):
            self.files = self.files.copy()
            self.files["file"] = kept
        self.embedded = None  # (metadata, fields it may write), from a new file
        self.duplicate = None  # the image that already has the uploaded file
        if self.is_bound and (upload := self.files.get("file")):
            self.prefill_from(upload)

    def prefill_from(self, upload):
        metadata = read_embedded_metadata(upload)
        if not metadata:
            return
        self.posted_data = self.data
        writable = untouched_fields(self.instance)
        suggestions, new_photographer = self.suggestions(metadata)
        data = self.data.copy()
        for name in writable & self.fields.keys():
            field, posted = self.fields[name], self[name].data
            suggested = suggestions.get(name)
            typed = field.has_changed(self.get_initial_for_field(field, name), posted)
            if typed and (suggested is None or field.has_changed(suggested, posted)):
                writable.discard(name)  # staff just typed their own value
            elif suggested is not None:
                data[name] = suggested
        self.data = data
        self.embedded = (metadata, writable)
        if new_photographer and "photographer" in writable & self.fields.keys():
            # Help text is shown unescaped: a name from a file is escaped here.
            self["photographer"].help_text = format_html(
                "The file credits “{}”, who is not in the library yet: saving adds them "
                "as a photographer. Pick one to credit someone else.",
                new_photographer,
            )

    @staticmethod
    def suggestions(metadata) -> tuple[dict[str, str], str]:
        """The form values the file suggests, and the name of a photographer it
        credits who is not in the library (added only when the image is saved)."""
        suggestions = embedded_values(metadata)
        new_photographer = ""
        if name := suggestions.pop("photographer", ""):
            if photographer := matching_photographer(name):
                suggestions["photographer"] = str(photographer.pk)
            else:
                new_photographer = name
        if agency := matching_agency(metadata):
            suggestions["agency"] = str(agency.pk)
        return suggestions, new_photographer

    def clean_file(self):
        upload = self.files.get("file")
        if not upload:
            return self.cleaned_data["file"]
        # The image itself is no duplicate: replacing a file with the same file is fine.
        self.duplicate = (
            Image.objects.filter(file_hash=file_sha256(upload))
            .exclude(pk=self.instance.pk)
            .order_by("pk")
            .first()
        )
        if self.duplicate:
            raise ValidationError(
                format_html(
                    'This picture is already in the library as <a href="{}">“{}”</a> '
                    "(uploaded {}). Use that image instead of a copy, or pick another file.",
                    reverse("admin:articles_image_change", args=[self.duplicate.pk]),
                    self.duplicate,
                    date(self.duplicate.created_at, "j F Y"),
                ),
                code="duplicate",
            )
        return self.cleaned_data["file"]

    def full_clean(self):
        super().full_clean()
        if self.embedded and "file" in self.errors:
            # A refused file's credits go with it: shown again, they would count as
            # typed by staff and be saved with the next file picked.
            self.data, self.embedded = self.posted_data, None
            self["photographer"].help_text = self.fields["photographer"].help_text
        upload = self.files.get("file") if self.is_bound else None
        if upload and self.errors and "file" not in self.errors:
            self.data = self.data.copy()
            self.data["kept_upload"] = kept_uploads.keep(upload, user=self.user)
            self.fields["file"].required = False
            # The bound field copied the help text when validation made it.
            self["file"].help_text = format_html(
                "Keeping “{}” from your last try. Pick another file only to replace it.",
                upload.name,
            )

    def save(self, commit=True):
        if self.embedded:
            # Here, not at pre-fill: a refused form must add no photographer.
            metadata, writable = self.embedded
            apply_embedded_metadata(self.instance, metadata, writable=writable)
        return super().save(commit)

    class Meta:
        model = Image
        fields = [
            "file", "alt_text", "caption", "photographer", "agency", "credit_type", "credit_text",
            "copyright_notice", "licence", "licence_url", "licensor_url", "usage_terms",
            "rights_expire_on", "focal_x", "focal_y",
        ]  # fmt: skip
        # One message for every unreadable upload: the form field checks the header, the
        # model's validator decodes the whole picture (catching a file cut short).
        error_messages = {"file": {"invalid_image": UNREADABLE_IMAGE_MESSAGE}}


class ImageUploadForm(ImageForm):
    """The chooser's short upload form: what a picture needs to be placed and credited."""

    required_css_class = "required"

    class Meta(ImageForm.Meta):
        fields = [
            "file",
            "alt_text",
            "caption",
            "photographer",
            "agency",
            "credit_type",
            "credit_text",
            "licence",
        ]
        # A new upload has no "Currently:" to show: a plain input, with its own label.
        widgets = {"file": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left out, the licence stays "Unknown", as in the full form.
        self.fields["licence"].required = False

    def clean_licence(self):
        return self.cleaned_data["licence"] or Image.Licence.UNKNOWN
