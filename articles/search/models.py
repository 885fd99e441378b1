from django.db import models

# The PostgreSQL text search configuration the index uses: the site language's stemmer
# behind `unaccent` (made by migration 0012 and `manage.py search_index --rebuild`).
TEXT_SEARCH_CONFIG = "newsroom"
# Weight of each column in PostgreSQL's vector, from A (most) to D.
WEIGHTS = {
    "headline": "A",
    "standfirst": "B",
    "keywords": "B",
    "captions": "C",
    "body_text": "D",
}


class TextSearchVectorField(models.Field):
    """A PostgreSQL `tsvector` column. (Django's SearchVectorField needs psycopg even to
    import, and SQLite sites need not install it.)"""

    def db_type(self, connection):
        return "tsvector"


class WeightedVector(models.Func):
    """PostgreSQL: the weighted vector of a document's columns. Other databases keep
    NULL, since SQLite's FTS5 table indexes the same columns itself. Migrations refer
    to this class, not to its SQL: changing the SQL takes a migration that removes and
    adds the field again."""

    output_field = TextSearchVectorField()

    def __init__(self):
        super().__init__(*(models.F(name) for name in WEIGHTS))

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", ()

    def as_postgresql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for weight, expression in zip(
            WEIGHTS.values(), self.source_expressions, strict=True
        ):
            sql, column_params = compiler.compile(expression)
            # PostgreSQL's parser skips "<...>" as an HTML tag; the text is plain.
            parts.append(
                f"setweight(to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, "
                f"replace({sql}, '<', ' ')), '{weight}')"
            )
            params.extend(column_params)
        return " || ".join(parts), tuple(params)


class SearchDocument(models.Model):
    """What site search finds a story by, derived from the story, its tags, bylines and
    pictures by `articles.search.index.reindex()` on every write; never edited by hand.
    Whether a story may be found is not stored: searches start from the publication
    rule, so publishing, unpublishing and scheduling need no reindexing."""

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    headline = models.TextField(blank=True)
    standfirst = models.TextField(blank=True)
    keywords = models.TextField(blank=True, help_text="Tag names and authors.")
    captions = models.TextField(
        blank=True,
        help_text="The featured picture's and the body's figure captions, as shown.",
    )
    body_text = models.TextField(blank=True)
    # On SQLite the table is indexed by an FTS5 table kept in step by triggers
    # (migration 0012). A later migration that remakes this table on SQLite drops
    # them: run `manage.py search_index --rebuild` after it.
    vector = models.GeneratedField(
        expression=WeightedVector(),
        output_field=TextSearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = "search document"

    def __str__(self):
        return self.headline
