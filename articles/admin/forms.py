from django import forms

from articles.image_validation import UNREADABLE_IMAGE_MESSAGE
from articles.models import Image


class ImageForm(forms.ModelForm):
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
