"""Matching, ranking and highlights on PostgreSQL: the documents' weighted vector (GIN
indexed), `ts_rank` and `ts_headline`, in the `newsroom` text search configuration."""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import (
    Lexeme,
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorExact,
)
from django.db.models import F, Value
from django.db.models.functions import Replace

from articles.search.models import TEXT_SEARCH_CONFIG, SearchDocument
from articles.search.query import Query, Term

VECTOR = F("search_document__vector")
# ts_rank weights of D (body text), C (captions), B (standfirst, tags, authors) and A
# (headline).
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
# About as long as SQLite's snippets; a text that short comes whole.
SNIPPET_OPTIONS = {"max_words": 32, "min_words": 16, "short_word": 0}
# PostgreSQL's parser takes "<...>" for an HTML tag and leaves it out of highlights;
# a story's text is plain, so "<" goes in as this (never in the index) and back after.
LESS_THAN = "\x01"


def tsquery(query: Query):
    """The query as a tsquery built from phraseto_tsquery() of each term (to_tsquery()
    of an escaped lexeme for a prefix): the terms are parameters, never tsquery
    syntax. A term's words match side by side, as in SQLite's quoted strings, so
    "covid-19" and "O'Brien" mean the same on both databases."""

    def term_query(term: Term) -> SearchQuery:
        if query.is_prefix(term):
            return SearchQuery(
                Lexeme(term.text, prefix=True), config=TEXT_SEARCH_CONFIG
            )
        return SearchQuery(term.text, config=TEXT_SEARCH_CONFIG, search_type="phrase")

    either = reduce(
        or_,
        (reduce(and_, map(term_query, terms)) for terms in query.alternatives),
    )
    return reduce(and_, (~term_query(term) for term in query.excluded), either)


def matching(queryset, query: Query):
    found = tsquery(query)
    return queryset.filter(SearchVectorExact(VECTOR, found)).annotate(
        search_rank=SearchRank(VECTOR, found, weights=RANK_WEIGHTS)
    )


def marked_texts(article_ids: list[int], query: Query, start: str, stop: str) -> dict:
    """{article id: (headline, standfirst, body snippet, captions snippet)}, matches
    between `start` and `stop`."""
    found = tsquery(query)

    def marked(column: str, **options) -> SearchHeadline:
        return SearchHeadline(
            Replace(column, Value("<"), Value(LESS_THAN)),
            found,
            config=TEXT_SEARCH_CONFIG,
            start_sel=start,
            stop_sel=stop,
            **options,
        )

    rows = (
        SearchDocument.objects.filter(article__in=article_ids)
        .annotate(
            marked_headline=marked("headline", highlight_all=True),
            marked_standfirst=marked("standfirst", highlight_all=True),
            marked_body=marked("body_text", **SNIPPET_OPTIONS),
            marked_captions=marked("captions", **SNIPPET_OPTIONS),
        )
        .values_list(
            "article",
            "marked_headline",
            "marked_standfirst",
            "marked_body",
            "marked_captions",
        )
    )
    return {pk: [text.replace(LESS_THAN, "<") for text in texts] for pk, *texts in rows}
