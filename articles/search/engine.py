"""Site search over the index, on whichever database the site runs: which stories
match, how well, and their text with the matches marked."""

from dataclasses import dataclass
from importlib import import_module

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.query import Query

# Matches come back from the database between these; the index never holds them
# (articles.search.index), so they mark nothing else.
START, STOP = "\x02", "\x03"


def _backend():
    # Imported when used: the PostgreSQL module needs psycopg, which SQLite sites
    # need not install.
    name = "postgres" if connection.vendor == "postgresql" else "sqlite"
    return import_module(f"articles.search.{name}")


def matching(queryset, query: Query):
    """The articles of `queryset` that match, annotated with `search_rank` (higher is
    better). Not ordered: the caller says where rank comes in."""
    return _backend().matching(queryset, query)


def marked(text: str) -> SafeString:
    """Database text with its matches between START and STOP: escaped, then the
    matches put in <mark>."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our marks are markup


@dataclass(frozen=True)
class Highlight:
    headline: SafeString
    summary: SafeString


def highlights(article_ids: list[int], query: Query) -> dict[int, Highlight]:
    """{article id: its headline and a summary, matches marked}. The summary is the
    first of standfirst, body and captions with a match, else the standfirst (or the
    body's opening)."""
    if not article_ids:
        return {}
    texts = _backend().marked_texts(article_ids, query, START, STOP)
    found = {}
    for pk, (headline, standfirst, body, captions) in texts.items():
        summary = next(
            (text for text in (standfirst, body, captions) if START in text),
            standfirst or body,
        )
        found[pk] = Highlight(marked(headline), marked(summary))
    return found
