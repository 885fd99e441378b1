from django.contrib import admin

from articles.models import Correction


class CorrectionInline(admin.StackedInline):
    """Corrections and updates, shown at the foot of the story."""

    model = Correction
    extra = 0
