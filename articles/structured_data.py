"""Structured data for search engines: schema.org JSON-LD blocks in a page's head
(`NewsArticle` with its pictures' credits and rights, `BreadcrumbList`, `ItemList`).

A block is a data block, not a script: the browser never runs it, so the CSP needs no
nonce for it. Every value in it is text editors typed, so `scripts()` escapes <, > and &
as Django's `json_script` does: no field can end the element or open a comment.
"""

import json
from functools import cache

import PIL.Image
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from articles import body, credits, links, renditions
from articles.models import Correction
from articles.templatetags.datetimes import iso8601

SCHEMA = "https://schema.org"


def script(block: dict) -> SafeString:
    """`block` as a `<script type="application/ld+json">` element."""
    text = (
        json.dumps(block, ensure_ascii=False)
        # replace(): translate() with a table is some forty times slower on text
        # that is not all ASCII.
        .replace("<", "\\u003C")
        .replace(">", "\\u003E")
        .replace("&", "\\u0026")
    )
    # No <, > or & is left in `text` to end the element or open a comment.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308
    )


def _known(data: dict) -> dict:
    """`data` without the properties nothing is known about."""
    return {key: value for key, value in data.items() if value not in ("", [], None)}


def news_article(
    request,
    article,
    *,
    canonical_url: str,
    description: str,
    modified_at,
    corrections,
) -> dict:
    """The article as a `NewsArticle`, with the featured picture's three crops, each
    with its credit and rights."""
    authors = [person(request, byline.author) for byline in article.bylines.all()]
    figure = body.featured_figure(article)
    featured = figure.image if figure else None
    crops = renditions.crops_for(featured) if featured else {}
    caption = figure.caption if figure else ""
    return _known(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "headline": article.headline,
            "description": description,
            "url": canonical_url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url},
            "datePublished": iso8601(article.published_at),
            "dateModified": iso8601(modified_at),
            "inLanguage": settings.LANGUAGE_CODE,
            # A story without a byline is the publication's own.
            "author": authors or [organization(request)],
            "publisher": publisher(request),
            "articleSection": article.section.name,
            "keywords": [tag.name for tag in article.tags.all()],
            "image": [
                image_object(request, featured, crops[ratio], caption)
                for ratio in renditions.CROPS
                if ratio in crops
            ],
            "correction": [
                {
                    "@type": "CorrectionComment",
                    "text": correction.text,
                    "datePublished": iso8601(correction.created_at),
                }
                for correction in corrections
                if correction.kind == Correction.Kind.CORRECTION
            ],
        }
    )


def image_object(request, image, rendition, caption: str) -> dict:
    """One rendition of `image` as an `ImageObject`, with whatever is known of who
    made it and on what terms it may be used."""
    url = links.absolute_url(request, rendition.url)
    agency = credits.credited_agency(image)
    return _known(
        {
            "@type": "ImageObject",
            "contentUrl": url,
            "url": url,
            "width": rendition.width_px,
            "height": rendition.height_px,
            "caption": caption,
            "creditText": credits.credit_string(image),
            "creator": _creator(image, agency),
            "copyrightNotice": image.copyright_notice
            or (agency.default_copyright_notice if agency else ""),
            "license": image.licence_url,
            "acquireLicensePage": image.licensor_url
            or (agency.acquire_licence_url if agency else ""),
        }
    )


def _creator(image, agency) -> dict | None:
    """The photographer, else the agency credited; None when neither is known."""
    if image.photographer:
        return _known(
            {
                "@type": "Person",
                "name": image.photographer.name,
                "url": image.photographer.url,
            }
        )
    if agency:
        return _known({"@type": "Organization", "name": agency.name, "url": agency.url})
    return None


def person(request, author) -> dict:
    return _known(
        {
            "@type": "Person",
            "name": author.name,
            "url": links.absolute_url(request, author.get_absolute_url()),
            "sameAs": author.url,
        }
    )


def organization(request) -> dict:
    return {
        "@type": "Organization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": links.absolute_url(request, reverse("articles:home")),
    }


def publisher(request) -> dict:
    """The publication, with its logo (NEWSROOM_PUBLISHER_LOGO, a static file)."""
    path = settings.NEWSROOM_PUBLISHER_LOGO
    size = _picture_size(path)
    if size is None:
        return organization(request)
    return organization(request) | {
        "logo": {
            "@type": "ImageObject",
            "url": links.absolute_url(request, static(path)),
            "width": size[0],
            "height": size[1],
        }
    }


@cache
def _picture_size(static_path: str) -> tuple[int, int] | None:
    """The width and height of a static picture, read from its header once per process;
    None when there is no such file, or it is no picture Pillow reads (an SVG, say):
    the logo is then left out rather than every article page failing."""
    found = finders.find(static_path)
    if not found:
        return None
    try:
        with PIL.Image.open(found) as picture:
            return picture.size
    except OSError:  # UnidentifiedImageError included
        return None


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    """Home, then each (name, path) of `trail`, as a `BreadcrumbList`."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": links.absolute_url(request, path),
            }
            for position, (name, path) in enumerate(
                [("Home", reverse("articles:home")), *trail], start=1
            )
        ],
    }


def item_list(request, stories, *, start: int = 1) -> dict | None:
    """The stories a page lists, in order from `start`, as an `ItemList` of their
    addresses; None for a page listing none."""
    if not stories:
        return None
    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "url": links.absolute_url(request, story.get_absolute_url()),
            }
            for position, story in enumerate(stories, start=start)
        ],
    }
