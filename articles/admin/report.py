"""The credits report: which pictures ran in published stories over a date range, per
agency and per photographer, with every use. Licence invoices are checked against it,
so the page and the CSV download give the same numbers from the same rows.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from articles import credits
from articles.models import Article, ArticleImage

NO_AGENCY = "No agency"
NO_PHOTOGRAPHER = "No photographer"
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def last_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


class ReportRangeForm(forms.Form):
    start = forms.DateField(
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the first day of the report.",
            "invalid": "Enter the first day as a date, e.g. 2025-11-01.",
        },
    )
    end = forms.DateField(
        label="To (inclusive)",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the last day of the report.",
            "invalid": "Enter the last day as a date, e.g. 2025-11-30.",
        },
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error(
                "end",
                f"The last day ({end:%Y-%m-%d}) is before the first day "
                f"({start:%Y-%m-%d}): pick a last day on or after the first.",
            )
        return cleaned


@dataclass
class Group:
    """An agency's or a photographer's pictures in the range; each image counts once."""

    name: str
    uses: list = field(default_factory=list)

    @property
    def image_count(self) -> int:
        return len({use.image_id for use in self.uses})


def published_uses(start: date, end: date):
    """Every use of a picture in a story published (and live) from `start` to `end`,
    whole days in the site's time zone, in one query."""
    first = timezone.make_aware(datetime.combine(start, time.min))
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    in_range = Article.objects.published().filter(
        published_at__gte=first, published_at__lt=after
    )
    return (
        ArticleImage.objects.filter(article__in=in_range)
        .select_related(
            "article__section", "image__photographer__agency", "image__agency"
        )
        .order_by("article__published_at", "article_id", "position")
    )


def grouped(uses, name_of, nobody: str) -> list[Group]:
    """`uses` by the name `name_of(image)` gives (None: `nobody`), named groups first."""
    groups: dict[str, Group] = {}
    for use in uses:
        credited = name_of(use.image)
        name = str(credited) if credited else nobody
        groups.setdefault(name, Group(name)).uses.append(use)
    return sorted(groups.values(), key=lambda group: (group.name == nobody, group.name))


def report_groups(start: date, end: date) -> dict[str, list[Group]]:
    uses = list(published_uses(start, end))
    return {
        "agency": grouped(uses, credits.credited_agency, NO_AGENCY),
        "photographer": grouped(
            uses, lambda image: image.photographer, NO_PHOTOGRAPHER
        ),
    }


def csv_safe(value) -> str:
    """A cell a spreadsheet shows as text, never runs (CSV formula injection)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


CSV_HEADER = [
    "Grouped by",
    "Name",
    "Images in range",
    "Image ID",
    "Image",
    "Credit line",
    "Article",
    "Published",
    "Use",
]


def csv_response(groups: dict[str, list[Group]], start: date, end: date):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="credits-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for grouping, rows in groups.items():
        for group in rows:
            for use in group.uses:
                published = timezone.localtime(use.article.published_at)
                writer.writerow(
                    csv_safe(cell)
                    for cell in [
                        grouping,
                        group.name,
                        group.image_count,
                        use.image_id,
                        use.image,
                        use.image.credit_line,
                        use.article.headline,
                        f"{published:%Y-%m-%d %H:%M}",
                        use.get_role_display(),
                    ]
                )
    return response


def credits_report(request, *, model_admin):
    """For staff who may view images: GET `start` and `end` (default: last month);
    `format=csv` downloads the same report."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if "start" in request.GET or "end" in request.GET:
        form = ReportRangeForm(request.GET)
    else:
        start, end = last_month(timezone.localdate())
        form = ReportRangeForm({"start": start, "end": end})
    groups = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        groups = report_groups(start, end)
        if request.GET.get("format") == "csv":
            return csv_response(groups, start, end)
    return TemplateResponse(
        request,
        "admin/articles/image/credits_report.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": "Credits report: pictures published",
            "opts": model_admin.model._meta,
            "form": form,
            "groups": groups,
        },
    )
