"""Front-page curation: editors choose the top story and up to six pinned stories,
each for an optional window of time."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import FrontPagePin

PLACES = [
    (FrontPagePin.TOP_STORY, "Top story"),
    *((n, f"Pinned {n}") for n in range(1, FrontPagePin.LAST_POSITION + 1)),
]


class FrontPagePinForm(forms.ModelForm):
    position = forms.TypedChoiceField(
        label="Place",
        choices=PLACES,
        coerce=int,
        help_text="The top story leads the home page; pinned stories follow it in order, "
        "before the latest.",
    )

    class Meta:
        model = FrontPagePin
        fields = ["article", "position", "starts_at", "ends_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = f"In the newsroom's time zone ({settings.TIME_ZONE})."
        self.fields["starts_at"].help_text = f"Empty: from now. {zone}"
        self.fields["ends_at"].help_text = f"Empty: until you remove the pin. {zone}"

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The end must be after the start.")
        elif ends_at and "ends_at" in self.changed_data and ends_at <= timezone.now():
            self.add_error(
                "ends_at",
                "This time has passed: the pin would never show. "
                "Leave it empty or choose a later time.",
            )
        if (position := cleaned.get("position")) is not None and not self.errors:
            self._refuse_a_taken_place(position, starts_at, ends_at)
        return cleaned

    def _refuse_a_taken_place(self, position, starts_at, ends_at) -> None:
        """One story per place at any moment: windows at the same place may not overlap."""
        overlapping = FrontPagePin.objects.filter(position=position).exclude(
            pk=self.instance.pk
        )
        if ends_at:
            overlapping = overlapping.filter(
                Q(starts_at__isnull=True) | Q(starts_at__lt=ends_at)
            )
        # An empty start means from now: pins that have already ended are no obstacle.
        overlapping = overlapping.filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=starts_at or timezone.now())
        )
        if other := overlapping.select_related("article").first():
            self.add_error(
                "position",
                f"{other.place} is taken by “{other.article}” {window(other)}. "
                "Choose another place, or times that do not overlap (or end that pin first).",
            )


def window(pin: FrontPagePin) -> str:
    def moment(value):
        return date_format(timezone.localtime(value), "j F Y, H:i")

    if pin.starts_at and pin.ends_at:
        return f"from {moment(pin.starts_at)} until {moment(pin.ends_at)}"
    if pin.starts_at:
        return f"from {moment(pin.starts_at)}, with no end"
    if pin.ends_at:
        return f"until {moment(pin.ends_at)}"
    return "with no end"


@admin.register(FrontPagePin)
class FrontPagePinAdmin(admin.ModelAdmin):
    form = FrontPagePinForm
    list_display = ["place", "article", "starts_at", "ends_at", "is_live"]
    list_display_links = ["place", "article"]
    list_select_related = ["article"]
    ordering = ["position", "starts_at"]
    autocomplete_fields = ["article"]
    search_fields = ["article__headline"]

    @admin.display(description="Place", ordering="position")
    def place(self, obj):
        return obj.place

    @admin.display(description="On the home page now", boolean=True)
    def is_live(self, obj):
        return obj.is_live

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not obj.article.is_published:
            self.message_user(
                request,
                f"“{obj.article}” is not published: the pin shows once the story is live.",
                messages.WARNING,
            )
