"""The article body: one sanitizer, one parser, one renderer.

The editor stores a figure as
`<figure><img src alt data-file="ID"><figcaption>caption</figcaption></figure>`.
Only `data-file` (which Image) and the figcaption (this use's caption) are data; `src`
and `alt` are editor previews. Rendering rebuilds every figure from the current Image,
so a credit corrected once is corrected everywhere.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

import nh3
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from articles import credits, renditions
from articles.printable import printable

# The editor's extensions: exactly what the allowlist below keeps, and nothing more.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"protocols": ["http", "https", "mailto"], "enableTarget": False},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Figure": {"pickerUrl": reverse_lazy("admin:articles_image_chooser")},
    "Image": True,
    "Caption": True,
}

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "strong", "b", "em", "i", "a", "ul", "ol", "li",
    "blockquote", "hr", "figure", "img", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "data-file"}}
_IMAGE_ID = re.compile(r"[1-9][0-9]{0,17}")
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "data-file" and not _IMAGE_ID.fullmatch(value):
        return None
    # No editor writes control characters into a link; browsers treat some of them as
    # invisible, which is how scheme checks get dodged.
    if attribute in ("href", "src") and _CONTROL_CHARACTER.search(value):
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
)


def sanitize(html: str) -> str:
    """The body with everything outside the allowlist removed (scripts, handlers, styles,
    `javascript:` links), and every figure stored in one form: which picture, and this
    use's caption. Pictures outside a figure are dropped: they would have no credit.
    Control characters go too, as from every text field (`articles.printable`)."""
    return "".join(
        part if isinstance(part, str) else _figure_html(part)
        for part in parse(_cleaner.clean(printable(html or "")))
    )


def _figure_html(ref: "FigureRef") -> str:
    picture = (
        format_html('<img data-file="{}">', ref.image_id) if ref.image_id else "<img>"
    )
    caption = (
        format_html("<figcaption>{}</figcaption>", ref.caption) if ref.caption else ""
    )
    return f"<figure>{picture}{caption}</figure>"


@dataclass(frozen=True)
class FigureRef:
    """A figure as stored in the body: which picture, and this use's caption."""

    image_id: int | None
    caption: str


@dataclass(frozen=True)
class Figure:
    """A picture ready to show: the current Image, the caption for this use, its credit line."""

    image: object
    caption: str
    featured: bool = False

    @property
    def credit_line(self) -> str:
        return credits.credit_line(self.image, featured=self.featured)


def featured_figure(article) -> Figure | None:
    """The story's featured picture as readers see it, with the story's caption for it
    (else the image's own) and the featured credit line; None when it has none, or once
    its rights have expired."""
    image = article.public_featured_image
    if image is None:
        return None
    return Figure(
        image=image, caption=article.featured_caption or image.caption, featured=True
    )


class _BodyParser(HTMLParser):
    """Splits sanitized HTML into HTML runs and FigureRefs, keeping the runs verbatim."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str | FigureRef] = []
        self._figure_depth = 0
        self._image_id = None
        self._caption: list[str] | None = None
        self._caption_parts: list[str] = []

    def _emit(self, text: str) -> None:
        if self._figure_depth:
            if self._caption is not None:
                self._caption.append(text)
        elif self.parts and isinstance(self.parts[-1], str):
            self.parts[-1] += text
        else:
            self.parts.append(text)

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            if not self._figure_depth:
                self._image_id, self._caption_parts = None, []
            self._figure_depth += 1
        elif self._figure_depth and tag == "img" and self._image_id is None:
            value = dict(attrs).get("data-file") or ""
            self._image_id = int(value) if _IMAGE_ID.fullmatch(value) else None
        elif self._figure_depth and tag == "figcaption":
            self._caption = []
        elif not self._figure_depth and tag not in ("img", "figcaption"):
            # Markup inside a figure is rebuilt from the Image, and a picture (or caption)
            # outside a figure has no credit, so none of it is kept.
            self._emit(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "figure" and self._figure_depth:
            self._figure_depth -= 1
            if not self._figure_depth:
                caption = unescape(" ".join(" ".join(self._caption_parts).split()))
                self.parts.append(FigureRef(self._image_id, caption))
        elif tag == "figcaption" and self._caption is not None:
            self._caption_parts.append("".join(self._caption))
            self._caption = None
        elif not self._figure_depth and tag != "figcaption":
            self._emit(f"</{tag}>")

    def handle_data(self, data):
        self._emit(data)

    def handle_entityref(self, name):
        self._emit(f"&{name};")

    def handle_charref(self, name):
        self._emit(f"&#{name};")


def parse(html: str) -> list[str | FigureRef]:
    """Sanitized body HTML as a list of HTML runs and figure references, in order."""
    parser = _BodyParser()
    parser.feed(html)
    parser.close()
    return parser.parts


def figure_refs(html: str) -> list[FigureRef]:
    return [part for part in parse(html) if isinstance(part, FigureRef)]


# A figure's picture as sanitize() stores it; text cannot hold a literal "<".
_STORED_PICTURE = re.compile(r'<img data-file="([0-9]+)">')


def image_ids(html: str) -> list[int]:
    """The ids of the pictures in a body's figures, in order. A body as sanitize()
    stores it gives them without being parsed (lists of stories, feeds and sitemaps,
    read thousands of bodies); one with figures in another form (rows written around
    save(), or before figures had one form) is parsed."""
    html = html or ""
    found = _STORED_PICTURE.findall(html)
    if len(found) == html.count("<figure>"):
        return [int(pk) for pk in found]
    return [ref.image_id for ref in figure_refs(html) if ref.image_id]


_IMG_TAG = re.compile(r"<img\b[^>]*>")
_DATA_FILE = re.compile(r'data-file="([0-9]+)"')


def with_editor_previews(html: str, images: dict) -> str:
    """Sanitized body HTML whose figure pictures show the current file and alt text of
    `images` (Image by id), for the editor; a picture that is gone keeps its id only."""

    def preview(match: re.Match) -> str:
        found = _DATA_FILE.search(match.group())
        if not found:
            return match.group()
        image = images.get(int(found.group(1)))
        if image is None:
            return format_html('<img src="" alt="" data-file="{}">', found.group(1))
        return format_html(
            '<img src="{}" alt="{}" data-file="{}">',
            renditions.preview_url(image),
            image.alt_text,
            image.pk,
        )

    return _IMG_TAG.sub(preview, html)


class _TextParser(HTMLParser):
    """The words of sanitized body HTML, block by block (figures left out)."""

    BLOCKS = {"p", "h2", "h3", "li", "blockquote", "figure"}

    def __init__(self):
        super().__init__()  # character references become characters
        self.blocks: list[tuple[str, list[str]]] = []
        self._in_figure = 0

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self._in_figure += 1
        if tag in self.BLOCKS:
            self.blocks.append((tag, []))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag == "figure" and self._in_figure:
            self._in_figure -= 1

    def handle_data(self, data):
        if self._in_figure:
            return
        if not self.blocks:
            self.blocks.append(("", []))
        self.blocks[-1][1].append(data)


def _text_blocks(html: str) -> list[tuple[str, str]]:
    parser = _TextParser()
    parser.feed(_cleaner.clean(html or ""))
    parser.close()
    blocks = ((tag, " ".join("".join(words).split())) for tag, words in parser.blocks)
    return [(tag, text) for tag, text in blocks if text]


def plain_text(html: str) -> str:
    """The body's text without markup or figure captions, blocks joined by blank lines:
    for search indexes and summaries."""
    return "\n\n".join(text for _, text in _text_blocks(html))


def first_paragraph(html: str) -> str:
    """The text of the body's first paragraph, or "" (a description of last resort)."""
    return next((text for tag, text in _text_blocks(html) if tag == "p"), "")


@lru_cache(maxsize=128)
def _shown_parts(html: str) -> tuple[SafeString | FigureRef, ...]:
    """The parts of `html` as pages show them, worked out once per process for each
    body: a story is shown all day, and parsing is most of the work of rendering it."""
    # Cleaned again although save() sanitized: rows written around it (fixtures, raw
    # SQL) must not reach readers unchecked, and nh3 takes microseconds. Parsing the
    # cleaned HTML once gives the same parts sanitize() would, without a second pass.
    return tuple(
        mark_safe(part) if isinstance(part, str) else part  # noqa: S308 - cleaned above
        for part in parse(_cleaner.clean(html or ""))
    )


def render(html: str, images: dict) -> list[SafeString | Figure]:
    """The body ready for the template: sanitized HTML runs and Figures built from `images`
    (Image by id). A figure whose picture is missing, or whose rights have expired, is
    left out."""
    rendered = []
    for part in _shown_parts(html):
        if isinstance(part, str):
            rendered.append(part)
        elif (image := images.get(part.image_id)) and not image.rights_expired():
            rendered.append(Figure(image=image, caption=part.caption or image.caption))
    return rendered
