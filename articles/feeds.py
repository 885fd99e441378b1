"""RSS 2.0 and Atom feeds of published stories: the latest, and per section, tag and
author (Django's syndication framework).

Each item carries the whole story for feed readers: summary, body with every picture as
a plain `<figure>` (one JPEG rendition, caption and credit line), bylines, categories,
and the featured picture as an enclosure and Media RSS `media:content` with its credit.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import UTC
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import format_html

from articles import body, credits, links, renditions
from articles.addresses import cached_reverse
from articles.cache import tags as cache_tags
from articles.models import Article, Author, Section, Tag
from articles.pictures import FALLBACK_WIDTH
from articles.printable import PrintableFeed
from articles.views import corrections_and_updated_at

FEED_LENGTH = 20  # newest stories per feed
MEDIA_RSS = "http://search.yahoo.com/mrss/"
# Media RSS credit roles (the EBU's list) by the image's kind of credit.
CREDIT_ROLES = {
    "illustration": "illustrator",
    "graphic": "graphic designer",
}
_RELATIVE_HREF = re.compile(r'href="(/(?!/)[^"]*)"')


@dataclass(frozen=True)
class Channel:
    """What one feed covers: its title, the page it follows and which stories."""

    title: str
    description: str
    page_path: str
    url_name: str  # of the RSS feed; the Atom one adds "_atom"
    url_kwargs: dict = field(default_factory=dict)
    stories: Q = field(default_factory=Q)
    # A tag only drafts use must not reveal itself (as on its page).
    allow_empty: bool = True
    # The cache tags of what the feed shows besides its stories: its list, its object.
    shows: frozenset = frozenset({cache_tags.ALL})

    def feed_path(self, *, atom: bool = False) -> str:
        name = f"articles:{self.url_name}{'_atom' if atom else ''}"
        return cached_reverse(name, kwargs=self.url_kwargs)


def site_channel() -> Channel:
    site = settings.NEWSROOM_SITE_NAME
    return Channel(
        title=site,
        description=f"The latest stories from {site}.",
        page_path=reverse("articles:home"),
        url_name="feed",
    )


def section_channel(section: Section) -> Channel:
    site = settings.NEWSROOM_SITE_NAME
    return Channel(
        title=f"{site}: {section.name}",
        description=section.description or f"The latest {section.name} stories.",
        page_path=section.get_absolute_url(),
        url_name="section_feed",
        url_kwargs={"slug": section.slug},
        stories=Q(section=section),
        shows=frozenset(
            {cache_tags.section(section.pk), cache_tags.section_list(section.pk)}
        ),
    )


def tag_channel(tag: Tag) -> Channel:
    return Channel(
        title=f"{settings.NEWSROOM_SITE_NAME}: tagged “{tag.name}”",
        description=f"Stories tagged “{tag.name}”.",
        page_path=tag.get_absolute_url(),
        url_name="tag_feed",
        url_kwargs={"slug": tag.slug},
        stories=Q(tags=tag),
        allow_empty=False,
        shows=frozenset({cache_tags.tag(tag.pk), cache_tags.tag_list(tag.pk)}),
    )


def author_channel(author: Author) -> Channel:
    return Channel(
        title=f"{settings.NEWSROOM_SITE_NAME}: {author.name}",
        description=f"Stories by {author.name}.",
        page_path=author.get_absolute_url(),
        url_name="author_feed",
        url_kwargs={"slug": author.slug},
        stories=Q(authors=author),
        shows=frozenset(
            {cache_tags.author(author.pk), cache_tags.author_list(author.pk)}
        ),
    )


# The feed generators: Django's, plus bylines, the full body and Media RSS.


def _as_html(text: str) -> str:
    # Quotes stay as they are: outside attributes they need no escaping, and readers
    # that show the text as it is would show "&#x27;".
    return html.escape(text, quote=False)


def _add_media_content(handler, media: dict | None) -> None:
    if media is None:
        return
    handler.startElement("media:content", media["attributes"])
    if media["credit"]:
        handler.addQuickElement(
            "media:credit",
            media["credit"],
            {"role": media["role"], "scheme": "urn:ebu"},
        )
    if media["caption"]:
        handler.addQuickElement(
            "media:description", media["caption"], {"type": "plain"}
        )
    handler.endElement("media:content")


class RssFeed(PrintableFeed, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return super().rss_attributes() | {
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:media": MEDIA_RSS,
        }

    # Readers take RSS titles and descriptions as HTML (Django ticket #6533); Atom's
    # are plain text.
    def __init__(self, title, link, description, *args, **kwargs):
        super().__init__(_as_html(title), link, _as_html(description), *args, **kwargs)

    def add_item(self, title, *args, **kwargs):
        super().add_item(_as_html(title), *args, **kwargs)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # No emails for bylines, so no <author>: one dc:creator per byline, in order.
        for name, _ in item["bylines"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement(
            "atom:updated", feedgenerator.rfc3339_date(item["updateddate"])
        )
        handler.addQuickElement("content:encoded", item["content"])
        # Last: feedparser reads media:description as the summary when it comes first.
        _add_media_content(handler, item["media"])


class AtomFeed(PrintableFeed, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return super().root_attributes() | {"xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["bylines"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})
        _add_media_content(handler, item["media"])


class ArticleFeed(Feed):
    """The stories of one Channel. Made for each request, so that every item method can
    build absolute links from `self.request`."""

    def __init__(self, request, feed_type):
        self.request = request
        self.feed_type = feed_type
        self.language = settings.LANGUAGE_CODE

    def get_object(self, request, channel):
        return channel

    def items(self, channel):
        stories = list(
            Article.objects.published()
            .filter(channel.stories)
            .with_page_data()
            .prefetch_related("corrections")[:FEED_LENGTH]
        )
        if not stories and not channel.allow_empty:
            raise Http404
        self.stories = stories
        return stories

    def _absolute(self, path: str) -> str:
        return links.absolute_url(self.request, path)

    # The feed

    def title(self, channel):
        return channel.title

    def description(self, channel):
        return channel.description

    subtitle = description  # Atom's name for it

    def link(self, channel):
        return self._absolute(channel.page_path)

    def feed_url(self, channel):
        return self._absolute(self.request.path)

    def author_name(self):
        # Atom wants an author for every entry: the site stands in where there is no byline.
        return settings.NEWSROOM_SITE_NAME

    # Each story

    def item_title(self, article):
        return article.headline

    def item_link(self, article):
        return self._absolute(article.get_absolute_url())

    def item_guid(self, article):
        """A tag: URI (RFC 4151) from the site's host, the day the story was created and
        its id: unchanged by edits, new headlines and new slugs."""
        host = urlparse(self._absolute("/")).hostname
        created = article.created_at.astimezone(UTC)
        return f"tag:{host},{created:%Y-%m-%d}:article:{article.pk}"

    item_guid_is_permalink = False

    def item_description(self, article):
        # The summary is text; both feeds carry it as HTML.
        return _as_html(article.standfirst or body.first_paragraph(article.body))

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return corrections_and_updated_at(article)["updated_at"] or article.published_at

    def item_categories(self, article):
        return [article.section.name, *(tag.name for tag in article.tags.all())]

    def item_enclosures(self, article):
        figure = body.featured_figure(article)
        rendition = figure and _feed_rendition(figure.image)
        if not rendition:
            return []
        try:
            length = rendition.file.size  # the storage's answer: no local path needed
        except OSError:
            return []  # a lost file: the story without its enclosure
        return [
            feedgenerator.Enclosure(
                self._absolute(rendition.url), str(length), "image/jpeg"
            )
        ]

    def item_extra_kwargs(self, article):
        return {
            "bylines": [
                (byline.author.name, self._absolute(byline.author.get_absolute_url()))
                for byline in article.bylines.all()
            ],
            "content": self._content(article),
            "media": self._media_content(article),
        }

    def _content(self, article) -> str:
        """The story's body for feed readers: the featured picture, then the body with
        each figure as one plain JPEG (readers take no srcset or AVIF) and links made
        absolute."""
        parts = [
            body.featured_figure(article),
            *body.render(article.body, article.body_images),
        ]
        return "".join(
            self._figure_html(part)
            if isinstance(part, body.Figure)
            else _RELATIVE_HREF.sub(
                lambda match: f'href="{self._absolute(match.group(1))}"', part
            )
            for part in parts
            if part
        )

    def _figure_html(self, figure: body.Figure) -> str:
        rendition = _feed_rendition(figure.image)
        if rendition is None:
            return ""
        text = " — ".join(filter(None, [figure.caption, figure.credit_line]))
        return format_html(
            '<figure><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
            self._absolute(rendition.url),
            figure.image.alt_text,
            rendition.width_px,
            rendition.height_px,
            format_html("<figcaption>{}</figcaption>", text) if text else "",
        )

    def _media_content(self, article) -> dict | None:
        figure = body.featured_figure(article)
        rendition = figure and _feed_rendition(figure.image)
        if not rendition:
            return None
        return {
            "attributes": {
                "url": self._absolute(rendition.url),
                "medium": "image",
                "type": "image/jpeg",
                "width": str(rendition.width_px),
                "height": str(rendition.height_px),
            },
            "credit": credits.credit_string(figure.image),
            "role": CREDIT_ROLES.get(figure.image.credit_type, "photographer"),
            "caption": figure.caption,
        }


def _feed_rendition(image):
    """The one JPEG a feed shows of `image`: the one pages give browsers that read no
    srcset (960 wide, or the widest there is), or None if there is none."""
    jpegs = sorted(
        (
            r
            for r in renditions.renditions_for(image).values()
            if r.format == "jpeg" and not r.crop
        ),
        key=lambda r: r.width,
    )
    return next(
        (r for r in jpegs if r.width >= FALLBACK_WIDTH), jpegs[-1] if jpegs else None
    )


def _feed_view(channel_for, feed_type):
    # The framework's Last-Modified (the newest item date) goes: an unpublished story,
    # a corrected credit or an expired picture change a feed without any newer date, and
    # a reader asking "modified since?" would keep them. The page cache gives the feed
    # an ETag, and the time it was made as its Last-Modified (articles.cache.pages).
    def view(request, **kwargs):
        channel = channel_for(**kwargs)
        feed = ArticleFeed(request, feed_type)
        response = feed(request, channel)
        del response["Last-Modified"]
        stories = feed.stories
        return cache_tags.mark(
            response,
            channel.shows
            | cache_tags.cards(stories)
            | cache_tags.topics(stories)
            | cache_tags.body_images(stories),
        )

    return view


def _section(slug):
    return section_channel(get_object_or_404(Section, slug=slug))


def _tag(slug):
    return tag_channel(get_object_or_404(Tag, slug=slug))


def _author(slug):
    return author_channel(get_object_or_404(Author, slug=slug))


latest_rss = _feed_view(site_channel, RssFeed)
latest_atom = _feed_view(site_channel, AtomFeed)
section_rss = _feed_view(_section, RssFeed)
section_atom = _feed_view(_section, AtomFeed)
tag_rss = _feed_view(_tag, RssFeed)
tag_atom = _feed_view(_tag, AtomFeed)
author_rss = _feed_view(_author, RssFeed)
author_atom = _feed_view(_author, AtomFeed)
