"""What the search index needs in the database besides the SearchDocument table:
PostgreSQL's text search configuration and GIN index, SQLite's FTS5 table and the
triggers that keep it in step. Migration 0012 calls these, and so does
`manage.py search_index --rebuild` (after a language change, or a migration that remade
the table on SQLite), so each can run again safely."""

from django.conf import settings
from django.conf.locale import LANG_INFO

from articles.search.folding import SQL_FUNCTION
from articles.search.index import DOCUMENT_FIELDS
from articles.search.models import TEXT_SEARCH_CONFIG

DOCUMENTS = "articles_searchdocument"
FTS_TABLE = "articles_searchdocument_fts"
GIN_INDEX = "articles_searchdocument_vector_idx"
# PostgreSQL's token types for words; numbers, addresses and the like stay as "simple".
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def _language() -> str:
    """The site language's English name, lower case: "en-gb" → "english"."""
    code = settings.LANGUAGE_CODE.lower().split("-")[0]
    return LANG_INFO.get(code, {}).get("name", "").lower()


def prepare(connection) -> None:
    """Before the documents table: PostgreSQL's `newsroom` configuration (its vector
    column is computed with it), unaccented, with the stemmer of the site language
    where PostgreSQL has one."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute(
            "SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [TEXT_SEARCH_CONFIG]
        )
        if cursor.fetchone() is None:
            cursor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIG} (COPY = simple)"
            )
        stemmer = f"{_language()}_stem"
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [stemmer])
        if cursor.fetchone() is None:
            stemmer = "simple"
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIG} "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {stemmer}"
        )


def unprepare(connection) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {TEXT_SEARCH_CONFIG}"
            )


def install(connection) -> None:
    """After the documents table: PostgreSQL's GIN index on the vector; SQLite's FTS5
    table (made anew, for the site language) with its triggers, filled from the table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Each looked up first: even CREATE INDEX IF NOT EXISTS is refused in a
            # transaction that has just written to the table.
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
            if cursor.fetchone() is None:
                cursor.execute(
                    f"CREATE INDEX {GIN_INDEX} ON {DOCUMENTS} USING gin (vector)"
                )
            # The vector stays in the row, not out of line (TOAST): matching and
            # ranking read it for every story a common word finds, and fetching each
            # from TOAST made searches on 10,000 stories about twice as slow.
            cursor.execute(
                "SELECT attstorage FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attname = 'vector'",
                [DOCUMENTS],
            )
            if cursor.fetchone() != ("m",):
                cursor.execute(
                    f"ALTER TABLE {DOCUMENTS} ALTER COLUMN vector SET STORAGE MAIN"
                )
            return
        for statement in (*_drop_fts(), *_create_fts()):
            cursor.execute(statement)


def uninstall(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
            return
        for statement in _drop_fts():
            cursor.execute(statement)


def _drop_fts() -> list[str]:
    return [
        *(
            f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{event}"
            for event in ("insert", "update", "delete")
        ),
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
    ]


# The FTS5 table reads the documents table (external content); triggers copy each
# write into its index, folded (articles.search.folding), and fill it the same way
# (FTS5's own 'rebuild' would index the text unfolded). Identifiers only.
_COLUMNS = ", ".join(DOCUMENT_FIELDS)


def _folded(row: str) -> str:
    return ", ".join(f"{SQL_FUNCTION}({row}{name})" for name in DOCUMENT_FIELDS)


_ADD = f"INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.article_id, {_folded('new.')});"  # noqa: S608
_REMOVE = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.article_id, {_folded('old.')});"  # noqa: S608
_FILL = f"INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) SELECT article_id, {_folded('')} FROM {DOCUMENTS}"  # noqa: S608


def _create_fts() -> list[str]:
    # Porter stems English only; other languages match whole words, accents aside.
    porter = "porter " if _language() == "english" else ""
    return [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_COLUMNS}, content='{DOCUMENTS}', "
        f"content_rowid='article_id', tokenize='{porter}unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {DOCUMENTS} BEGIN {_ADD} END",
        f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {DOCUMENTS} BEGIN {_REMOVE} END",
        f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON {DOCUMENTS} "
        f"BEGIN {_REMOVE} {_ADD} END",
        _FILL,
    ]
