from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import render
from django.utils import timezone

from articles import navigation
from articles.models import Article
from articles.search import engine
from articles.search.query import MAX_LENGTH, Query, clean


def _date(value: str | None) -> date | None:
    """A YYYY-MM-DD filter date, or None for anything else (ignored, not an error).
    Years 1 and 9999 are left out too: a day beyond them overflows in some zones."""
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return None
    return day if 1 < day.year < 9999 else None


def _day_start(day: date) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, time.min), timezone.get_default_timezone()
    )


def search(request):
    """Published stories matching the reader's words, best first, in pages, with
    filters by section and by publication date (days in TIME_ZONE)."""
    sections = navigation.sections()
    text, shortened = clean(request.GET.get("q", ""))
    section = next(
        (found for found in sections if found.slug == request.GET.get("section")),
        None,
    )
    typed_dates = {"from": request.GET.get("from", ""), "to": request.GET.get("to", "")}
    since, until = _date(typed_dates["from"]), _date(typed_dates["to"])
    # Said, not silently dropped: a filter that did nothing would mislead.
    notices = [
        f"“{value[:40]}” is not a date to search by (year-month-day), so that filter was left out."
        for name, value in typed_dates.items()
        if value and _date(value) is None
    ]
    if (typed_section := request.GET.get("section")) and section is None:
        notices.append(
            f"There is no section “{typed_section[:40]}”, so every section was searched."
        )
    if since and until and since > until:
        since, until = until, since
        notices.append("The dates were the wrong way round, so they were swapped.")
    query = Query.parse(text)
    page = None
    if query:
        # Every public path starts from the publication rule: the index holds drafts
        # too, and scheduled stories join the results when their time comes.
        # The body is not shown, and sorting thousands of matches goes faster without.
        articles = Article.objects.published().with_listing_data().defer("body")
        if section:
            articles = articles.filter(section=section)
        if since:
            articles = articles.filter(published_at__gte=_day_start(since))
        if until:
            articles = articles.filter(
                published_at__lt=_day_start(until + timedelta(days=1))
            )
        results = engine.matching(articles, query).order_by(
            "-search_rank", "-published_at", "-pk"
        )
        page = Paginator(results, settings.NEWSROOM_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        highlights = engine.highlights([article.pk for article in page], query)
        for article in page:
            article.highlight = highlights.get(article.pk)
    # Page links carry the search as it was understood, not as it was typed.
    kept = QueryDict(mutable=True)
    for name, value in (
        ("q", text),
        ("section", section and section.slug),
        ("from", since and since.isoformat()),
        ("to", until and until.isoformat()),
    ):
        if value:
            kept[name] = value
    return render(
        request,
        "articles/search.html",
        {
            "q": text,
            "searched": bool(query),
            "leaves_out_only": not query and bool(query.excluded),
            # Words, but none to find: `or` alone joins nothing.
            "operators_only": not query and any(c.isalnum() for c in text),
            "notices": notices,
            "shortened": shortened,
            "max_length": MAX_LENGTH,
            "sections": sections,
            "section": section,
            "since": since,
            "until": until,
            "page_obj": page,
            "kept": kept,
        },
    )
