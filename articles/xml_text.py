"""Text for XML documents (feeds, sitemaps). XML 1.0 has no place for most control
characters, not even escaped, and one pasted into a headline would make a whole feed or
sitemap unreadable (Django's feed writer refuses it outright), so they are dropped."""

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _cleaned(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_cleaned(item) for item in value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


class XMLTextFeed:
    """A feed generator mixin: every string of the feed and its items, however deeply
    nested, reaches the XML writer as `xml_text`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*_cleaned(args), **_cleaned(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*_cleaned(args), **_cleaned(kwargs))
