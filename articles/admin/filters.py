"""The photo desk's filters on the images list, and the articles list's filter on
pictures whose rights have expired.

Each filter tests a condition per image with `Exists`, never by joining the uses, so an
image used in several stories is still listed once.
"""

from datetime import timedelta

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.dateformat import format as format_date

from articles import credits
from articles.models import Agency, Article, ArticleImage, Image

EXPIRY_WARNING = timedelta(days=30)


def rights_status(image: Image) -> str:
    """“Expired on 3 Nov 2025”, “Expires on 3 Dec 2025”, or "" when nothing is due."""
    if image.rights_expire_on is None:
        return ""
    day = format_date(image.rights_expire_on, "j M Y")
    if image.rights_expired():
        return f"Expired on {day}"
    if image.rights_expired(timezone.now() + EXPIRY_WARNING):
        return f"Expires on {day}"
    return ""


def expiring_soon(queryset):
    """Images readers may still see, but not in `EXPIRY_WARNING` from now."""
    return queryset.rights_current().rights_expired(timezone.now() + EXPIRY_WARNING)


def uses_in(articles) -> Exists:
    """Whether the outer image is used in any of `articles`."""
    return Exists(
        ArticleImage.objects.filter(image=OuterRef("pk"), article__in=articles)
    )


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


class AltTextFilter(admin.SimpleListFilter):
    title = "alt text"
    parameter_name = "alt_text"

    def lookups(self, request, model_admin):
        return [("missing", "Missing"), ("present", "Present")]

    def queryset(self, request, queryset):
        # Alt text of spaces only tells a screen reader nothing: it counts as missing.
        blank = {"alt_text__regex": r"^\s*$"}
        if self.value() == "missing":
            return queryset.filter(**blank)
        if self.value() == "present":
            return queryset.exclude(**blank)
        return queryset


class RightsFilter(admin.SimpleListFilter):
    title = "rights"
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [
            ("expiring", f"Expiring within {EXPIRY_WARNING.days} days"),
            ("expired", "Expired"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "expiring":
            return expiring_soon(queryset)
        if self.value() == "expired":
            return queryset.rights_expired()
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


class UsageFilter(admin.SimpleListFilter):
    title = "use in stories"
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [
            ("yes", "Used"),
            ("no", "Unused"),
            ("published", "In a published story"),
            ("unpublished", "Only in unpublished stories"),
        ]

    def queryset(self, request, queryset):
        used = uses_in(Article.objects.all())
        published = uses_in(Article.objects.published())
        match self.value():
            case "yes":
                return queryset.filter(used)
            case "no":
                return queryset.filter(~used)
            case "published":
                return queryset.filter(published)
            case "unpublished":
                return queryset.filter(used, ~published)
        return queryset


class ExpiredPicturesFilter(admin.SimpleListFilter):
    """Published stories showing a picture readers may no longer see (public pages leave
    it out): the desk replaces the picture or renews the rights."""

    title = "pictures"
    parameter_name = "pictures"

    def lookups(self, request, model_admin):
        return [("expired", "Pictures with expired rights")]

    def queryset(self, request, queryset):
        if self.value() != "expired":
            return queryset
        expired_use = ArticleImage.objects.filter(
            article=OuterRef("pk"), image__in=Image.objects.rights_expired()
        )
        return queryset.published().filter(Exists(expired_use))
