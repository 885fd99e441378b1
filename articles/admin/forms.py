from django import forms

from articles.admin import kept_uploads
from articles.image_validation import UNREADABLE_IMAGE_MESSAGE
from articles.models import Image


class ImageForm(forms.ModelForm):
    """An image's form. A picture that passed its checks is kept when another field is
    refused, so the next try need not pick the file again (see `kept_uploads`)."""

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

    def full_clean(self):
        super().full_clean()
        upload = self.files.get("file") if self.is_bound else None
        if upload and self.errors and "file" not in self.errors:
            self.data = self.data.copy()
            self.data["kept_upload"] = kept_uploads.keep(upload, user=self.user)
            self.fields["file"].required = False
            # The bound field copied the help text when validation made it.
            self["file"].help_text = (
                f"Keeping “{upload.name}” from your last try. "
                "Pick another file only to replace it."
            )

    class Meta:
        model = Image
        fields = [
            "file", "alt_text", "caption", "photographer", "agency", "credit_type", "credit_text",
            "copyright_notice", "licence", "licence_url", "usage_terms", "rights_expire_on",
            "focal_x", "focal_y",
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
