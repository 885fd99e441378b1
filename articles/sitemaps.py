"""Sitemaps for search engines (index, articles with their pictures, sections, tags,
authors), the Google News sitemap, and robots.txt.

The sitemaps follow `django.contrib.sitemaps` (a `Sitemap` per kind of page, pages of
`limit` entries as `?p=2`), but the views are our own: Django's build every address from
the request's host, and ours come from `links.absolute_url`, so NEWSROOM_SITE_URL wins
when it is set. Everything listed starts from `Article.objects.published()`.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import wraps

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.core.paginator import InvalidPage
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from articles import body, links, renditions
from articles.cache import tags as cache_tags
from articles.models import Article, Author, Section, Tag
from articles.printable import printable

NEWS_WINDOW = timedelta(days=2)  # Google News takes stories of the last two days
NEWS_LIMIT = 1000  # and at most this many in one news sitemap

# A story's latest change: its publication, its last edit or one of its corrections;
# Max() of it over the story's corrections is the newest. Coalesce for a story without
# any: SQLite's GREATEST is NULL when any argument is.
STORY_CHANGED = Greatest(
    "published_at", "updated_at", Coalesce("corrections__created_at", "published_at")
)


@dataclass(frozen=True)
class Picture:
    """An `<image:image>` entry: a rendition's address and what to say about it."""

    url: str
    caption: str
    licence_url: str


class ArticleSitemap(Sitemap):
    # Each story brings its pictures' renditions along; a thousand stories a page keeps
    # a page quick to make (see the README).
    limit = 1000

    def items(self):
        # Oldest first: a page, once full, keeps its stories as new ones arrive.
        # The article page's own query, so the sitemap lists the pictures the page shows
        # (its bylines and tags come along unused: two small queries).
        return (
            Article.objects.published()
            .annotate(lastmod=Max(STORY_CHANGED))
            .with_page_data()
            .order_by("published_at", "pk")
        )

    def lastmod(self, article):
        return article.lastmod

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max(STORY_CHANGED))[
            "latest"
        ]

    def pictures(self, article) -> list[Picture]:
        """The featured picture and those in the body, once each, without any whose
        rights have expired. Pictures in the body carry their image's own caption:
        a figure's caption lives in the body, and parsing every body would cost
        milliseconds a story for a tag search engines no longer read."""
        featured = body.featured_figure(article)
        figures = [featured] if featured else []
        figures += [
            body.Figure(image=image, caption=image.caption)
            for image in article.body_images.values()
            if not image.rights_expired()
        ]
        pictures, seen = [], set()
        for figure in figures:
            if figure.image.pk in seen:
                continue
            seen.add(figure.image.pk)
            if picture := _picture(figure):
                pictures.append(picture)
        return pictures


def _picture(figure: body.Figure) -> Picture | None:
    """The figure's picture as its largest whole JPEG rendition (never the original),
    with its caption and credit line, as feeds write them; None when no rendition can
    be made."""
    jpegs = [
        r
        for r in renditions.renditions_for(figure.image).values()
        if r.format == "jpeg" and not r.crop
    ]
    if not jpegs:
        return None
    return Picture(
        url=max(jpegs, key=lambda r: r.width).url,
        caption=printable(
            " — ".join(filter(None, [figure.caption, figure.credit_line]))
        ),
        licence_url=figure.image.licence_url,
    )


def newest_story_change(**match) -> Subquery:
    """When the newest of the published stories matching `match` (an OuterRef) was
    published or last edited: what a list of those stories last changed with."""
    return Subquery(
        Article.objects.published()
        .filter(**match)
        .annotate(changed_at=Greatest("published_at", "updated_at"))
        .order_by("-changed_at")
        .values("changed_at")[:1]
    )


class ListPageSitemap(Sitemap):
    """Section, tag and author pages, each with the time its newest story changed."""

    model = None
    story_field = ""  # the Article field that names the page's object
    only_with_stories = True

    def items(self):
        items = self.model.objects.annotate(
            lastmod=newest_story_change(**{self.story_field: OuterRef("pk")})
        )
        return items.filter(lastmod__isnull=False) if self.only_with_stories else items

    def lastmod(self, item):
        return item.lastmod

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("lastmod"))["latest"]

    def pictures(self, item) -> list[Picture]:
        return []


@dataclass(frozen=True)
class HomePage:
    """The front page as a sitemap item, changed when any published story last was."""

    lastmod: datetime | None

    def get_absolute_url(self):
        return reverse("articles:home")


class SectionSitemap(ListPageSitemap):
    """The front page, then every section's page, stories or not (the navigation links
    to each). With the front page in it, a new site's index lists at least one sitemap,
    as the schema wants."""

    model = Section
    story_field = "section"
    only_with_stories = False

    def items(self):
        return [HomePage(lastmod=self.get_latest_lastmod()), *super().items()]

    def get_latest_lastmod(self):
        # The front page shows the newest story of every section.
        return Article.objects.published().aggregate(
            newest=Max(Greatest("published_at", "updated_at"))
        )["newest"]


class TagSitemap(ListPageSitemap):
    # Only tags a published story uses: a tag only drafts use may name an embargoed
    # subject (its page is a 404 too).
    model = Tag
    story_field = "tags"


class AuthorSitemap(ListPageSitemap):
    model = Author
    story_field = "authors"


# By the name in their address, /sitemap-<name>.xml, in the order the index lists them.
SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}

# No Last-Modified from the dates listed: a story unpublished, or a section renamed,
# changes a sitemap without any newer time in it, and a crawler asking "modified since?"
# would keep the old one. The page cache gives each sitemap an ETag, and the time it was
# made as its Last-Modified (articles.cache.pages).


def cached(view):
    """A sitemap lists every published story (address, dates, pictures) and every
    section, tag and author with stories: any change to those refreshes it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not hasattr(response, "cache_tags"):
            cache_tags.mark(response, {cache_tags.ALL, cache_tags.SECTIONS})
        return response

    return wrapped


@cached
@x_robots_tag
def index(request):
    sitemaps = []
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        paginator = sitemap.paginator  # a new Paginator, and a new count, each time
        if not paginator.count:
            continue  # a sitemap must list at least one address (sitemaps.org schema)
        location = links.absolute_url(
            request, reverse("articles:sitemap_section", kwargs={"section": name})
        )
        lastmod = sitemap.get_latest_lastmod()
        sitemaps += [
            {
                "location": location if page == 1 else f"{location}?p={page}",
                "lastmod": lastmod,
            }
            for page in paginator.page_range
        ]
    return render(
        request,
        "sitemaps/index.xml",
        {"sitemaps": sitemaps},
        content_type="application/xml",
    )


@cached
@x_robots_tag
def section(request, section):
    if section not in SITEMAPS:
        raise Http404("No such sitemap.")
    sitemap = SITEMAPS[section]()
    try:
        page = sitemap.paginator.page(request.GET.get("p", 1))
    except InvalidPage as error:
        raise Http404("No such sitemap page.") from error
    if not page.object_list:
        # The schema allows no empty sitemap, and the index does not list this one.
        raise Http404("Nothing to list in this sitemap yet.")
    urls = [
        {
            "location": links.absolute_url(request, sitemap.location(item)),
            "lastmod": sitemap.lastmod(item),
            "pictures": [
                replace(picture, url=links.absolute_url(request, picture.url))
                for picture in sitemap.pictures(item)
            ],
        }
        for item in page.object_list
    ]
    return render(
        request, "sitemaps/urlset.xml", {"urls": urls}, content_type="application/xml"
    )


@cached
@x_robots_tag
def news(request):
    """Google's news sitemap: the stories of the last two days, newest first."""
    stories = list(
        Article.objects.published()
        .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        .select_related("section")
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
    urls = [
        {
            "location": links.absolute_url(request, article.get_absolute_url()),
            "published_at": article.published_at,
            "title": printable(article.headline),
        }
        for article in stories
    ]
    response = render(
        request,
        "sitemaps/news.xml",
        {
            "urls": urls,
            # With no story in the window, the front page alone keeps the sitemap
            # valid (the schema allows no empty one) and names no old story.
            "home": links.absolute_url(request, reverse("articles:home")),
            "publication": printable(settings.NEWSROOM_SITE_NAME),
            "language": news_language(settings.LANGUAGE_CODE),
        },
        content_type="application/xml",
    )
    # It changes by itself when its oldest story leaves the window.
    return cache_tags.mark(
        response,
        {cache_tags.ALL},
        until=stories[-1].published_at + NEWS_WINDOW if stories else None,
    )


def news_language(language_code: str) -> str:
    """A Django language code as Google News wants it: the ISO 639 language alone
    ("en-gb" → "en"), except Chinese, which is "zh-cn" (simplified) or "zh-tw"
    (traditional)."""
    language, *subtags = language_code.lower().replace("_", "-").split("-")
    if language == "zh":
        traditional = {"hant", "tw", "hk", "mo"} & set(subtags)
        return "zh-tw" if traditional else "zh-cn"
    return language


def robots_txt(request):
    # The admin's address is left out: it is configurable so that it is not known, and
    # robots.txt is the first file anyone looking for it would read.
    sitemaps = [
        links.absolute_url(request, reverse(name))
        for name in ("articles:sitemap_index", "articles:sitemap_news")
    ]
    response = render(
        request,
        "sitemaps/robots.txt",
        {"sitemaps": sitemaps},
        content_type="text/plain; charset=utf-8",
    )
    return cache_tags.mark(response, ())  # it shows settings only
