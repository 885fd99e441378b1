from django import forms
from django.conf import settings
from django.contrib import admin

from articles.models import Correction


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "text", "created_at"]
        labels = {"created_at": "Time"}
        help_texts = {
            "kind": "A correction fixes an error; an update adds news.",
            "text": "What readers see at the foot of the story, e.g. “An earlier "
            "version of this story gave the wrong date for the vote.”",
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["created_at"].help_text = (
            "Shown with the note; the story's “Updated” time follows the newest one. "
            f"In the newsroom's time zone ({settings.TIME_ZONE})."
        )


class CorrectionInline(admin.StackedInline):
    """Corrections and updates, shown at the foot of the story, newest first."""

    model = Correction
    form = CorrectionForm
    extra = 0
    verbose_name = "correction or update"
    verbose_name_plural = "Corrections and updates"
