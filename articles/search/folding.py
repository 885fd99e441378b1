"""Letters Unicode counts as letters of their own rather than accented ones, folded to
what a reader without them types: "Sorvik" finds "Sørvik", "Lodz" finds "Łódź".

PostgreSQL's `unaccent` folds these. SQLite's FTS5 tokenizer only removes accents
(é → e, ó → o), so on SQLite the index is given folded text: its triggers pass every
column through the `newsroom_fold()` SQL function, registered on each connection
(`register`), and searches fold their words the same way (articles.search.sqlite).
Highlights read the stored text, which keeps the letters as typed."""

FOLDS = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ħ": "h", "Ħ": "H",
        "ı": "i", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L",
    }
)  # fmt: skip
SQL_FUNCTION = "newsroom_fold"


def fold(text: str | None) -> str | None:
    return text.translate(FOLDS) if text else text


def register(sender, connection, **kwargs) -> None:
    """On each new SQLite connection (Django's `connection_created`): the function the
    index's triggers call."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 1, fold, deterministic=True)
