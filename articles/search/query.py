"""What a reader typed, as terms both databases understand alike.

The rules are PostgreSQL's web search syntax: every word must match; "quoted words"
match as a phrase; a word or phrase after a space and a minus sign must not match; `or`
between words matches either side. Everything else (operators, brackets, stars, colons)
is left to each database's tokenizer as ordinary text inside a quoted term, so no input
is a syntax error on either."""

import re
import unicodedata
from dataclasses import dataclass

from articles.printable import UNPRINTABLE

MAX_LENGTH = 200  # characters searched; the rest is dropped, with a notice
# What the search boxes let through: more than is searched, so that a longer paste gets
# the notice rather than being cut by the browser without a word; short enough that
# the address stays within the servers' limits (gunicorn's 4,094 bytes) in any script.
INPUT_LENGTH = 400
# Read no further than this: cleaning a longer string only to cut it is wasted work.
_READ_LENGTH = MAX_LENGTH * 4
_SPACE = re.compile(r"\s+")
# A term: an optional minus after a space (exclusion), then a quoted phrase (closing
# quote optional) or a run of anything but spaces and quotes.
_TERM = re.compile(
    r'(?:(?<!\S)(?P<minus>-))?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))'
)


def clean(text: str) -> tuple[str, bool]:
    """The reader's input as searched and shown back: unprintable characters as spaces,
    spaces collapsed, at most MAX_LENGTH characters, cut after a whole word (a word cut
    in two would match nothing, and every word must match). The flag says whether it
    was cut."""
    text = _SPACE.sub(" ", UNPRINTABLE.sub(" ", text[:_READ_LENGTH])).strip()
    if len(text) <= MAX_LENGTH:
        return text, False
    cut = text[:MAX_LENGTH]
    if text[MAX_LENGTH] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # text without spaces (Chinese) is cut where it is
    return cut.rstrip(), True


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False


@dataclass(frozen=True)
class Query:
    """Alternatives (any may match), each a run of terms that must all match; then
    terms none of which may match. `prefix`: the last term is a word beginning (the
    admin's search as you type)."""

    alternatives: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()
    prefix: bool = False

    def __bool__(self):
        return bool(self.alternatives)

    @classmethod
    def parse(cls, text: str, *, prefix: bool = False) -> "Query":
        # Compatibility forms: full-width letters and quotes, ligatures ("ﬁ" → "fi").
        text = unicodedata.normalize("NFKC", text)
        alternatives, terms, excluded = [], [], []
        for match in _TERM.finditer(text):
            phrase = match["phrase"]
            words = match["word"] if phrase is None else phrase
            if phrase is None and not match["minus"] and words.lower() == "or":
                if terms:
                    alternatives.append(tuple(terms))
                    terms = []
                continue
            # A term with no letter or digit would match nothing (or everything).
            if not any(character.isalnum() for character in words):
                continue
            term = Term(words, phrase=phrase is not None)
            (excluded if match["minus"] else terms).append(term)
        if terms:
            alternatives.append(tuple(terms))
        last = alternatives[-1][-1] if alternatives else None
        return cls(
            tuple(alternatives),
            tuple(excluded),
            prefix=prefix
            and last is not None
            and not last.phrase
            and last.text.isalnum(),
        )

    def is_prefix(self, term: Term) -> bool:
        return self.prefix and term is self.alternatives[-1][-1]
