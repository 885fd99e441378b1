"""Matching, ranking and highlights on SQLite, through the FTS5 table over the search
documents (articles.search.schema)."""

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from articles.search.folding import fold
from articles.search.query import Query, Term
from articles.search.schema import FTS_TABLE

# bm25() weight of each column, in the table's order: headline, standfirst, keywords
# (tags and authors), captions, body text.
COLUMN_WEIGHTS = "10.0, 5.0, 5.0, 2.0, 1.0"
SNIPPET_TOKENS = 32


def match_expression(query: Query) -> str:
    """An FTS5 query: every term a quoted string (so FTS5 reads none of it as syntax),
    folded as the index is (articles.search.folding)."""

    def quoted(term: Term) -> str:
        star = "*" if query.is_prefix(term) else ""
        return '"' + fold(term.text).replace('"', '""') + '"' + star

    either = " OR ".join(
        "(" + " ".join(quoted(term) for term in terms) + ")"
        for terms in query.alternatives
    )
    return f"({either})" + "".join(f" NOT {quoted(term)}" for term in query.excluded)


# Identifiers and numbers only: the reader's words are always parameters.
MATCHES = f"{FTS_TABLE} MATCH %s"
JOINED_ID = f"+{FTS_TABLE}.rowid"
RANK = f"-bm25({FTS_TABLE}, {COLUMN_WEIGHTS})"  # higher is better, as on PostgreSQL
_MARKED = (
    f"SELECT rowid, highlight({FTS_TABLE}, 0, %s, %s), highlight({FTS_TABLE}, 1, %s, %s), "  # noqa: S608
    f"snippet({FTS_TABLE}, 4, %s, %s, '…', {SNIPPET_TOKENS}), "
    f"snippet({FTS_TABLE}, 3, %s, %s, '…', {SNIPPET_TOKENS}) "
    f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid IN ({{ids}})"
)


def matching(queryset, query: Query):
    # The FTS5 table joins the query as a table in FROM: bm25() then works out each
    # term's rarity once for the whole query. (As a subquery per story it would do
    # so again for every story: seconds, not milliseconds, on 10,000 stories.)
    # Django adds a table to FROM only through extra(). The unary + keeps SQLite from
    # looking stories up in FTS5 one by one: it reads the matches once, then each
    # story by primary key.
    matches = RawSQL(MATCHES, (match_expression(query),), BooleanField())  # noqa: S611
    joined = RawSQL(JOINED_ID, ())  # noqa: S611
    rank = RawSQL(RANK, (), FloatField())  # noqa: S611
    return (
        queryset.extra(tables=[FTS_TABLE])  # noqa: S610 - a table name only
        .filter(matches, pk=joined)
        .annotate(search_rank=rank)
    )


def marked_texts(article_ids: list[int], query: Query, start: str, stop: str) -> dict:
    """{article id: (headline, standfirst, body snippet, captions snippet)}, matches
    between `start` and `stop`."""
    with connection.cursor() as cursor:
        cursor.execute(
            _MARKED.format(ids=", ".join(["%s"] * len(article_ids))),
            [*(start, stop) * 4, match_expression(query), *article_ids],
        )
        return {pk: texts for pk, *texts in cursor.fetchall()}
