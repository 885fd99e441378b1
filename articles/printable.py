"""Text without the characters no page or feed may carry.

HTML counts control characters (other than tab and line breaks) and noncharacters as
parse errors, and XML 1.0 has no place for most of them, not even escaped: one pasted
into a headline would make a page invalid and a whole feed or sitemap unreadable
(Django's feed writer refuses it outright). Text fields drop them when written
(`articles.models.fields.PlainCharField`); feeds and sitemaps drop them again from
whatever else they show, such as settings."""

import re

# Controls (tab and line breaks aside), lone surrogates and noncharacters.
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff"
    "\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff"
    "\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
    "\U0010fffe\U0010ffff]"
)


# Controls that stand for a line break: Word's manual line break pastes as a vertical
# tab, and NEL or a form feed come from old systems. They become line breaks, so the
# words either side stay apart.
_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x85", "\n"))


def printable(text: str) -> str:
    return UNPRINTABLE.sub("", text.translate(_BREAKS))


def _cleaned(value):
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list | tuple):
        return type(value)(_cleaned(item) for item in value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


class PrintableFeed:
    """A feed generator mixin: every string of the feed and its items, however deeply
    nested, reaches the XML writer as `printable` text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*_cleaned(args), **_cleaned(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*_cleaned(args), **_cleaned(kwargs))
