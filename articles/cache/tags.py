"""Cache tags: the names of what a response shows, so that a change refreshes exactly
the responses showing it, in the page cache (articles.cache.pages) and in the HTTP
caches in front (articles.cache.purge), which read them from `Surrogate-Key` and `xkey`.

Object tags name a row whose fields a response shows: `article-<pk>`, `section-<pk>`,
`tag-<pk>`, `author-<pk>`, `image-<pk>` (its caption, alt text, credit, renditions).
List tags name a list a story could enter or leave when it is published, unpublished,
rescheduled or moved: `home`, `list-section-<pk>`, `list-tag-<pk>`,
`list-author-<pk>`, and `list-all` (the latest feeds and the sitemaps, which also
follow every edit of a published story). `sections` is on every page with the section
navigation. `release` is on every response: a new release of the code or templates
refreshes them all (`manage.py refresh_pages`).

A view hands its response to `mark()` with the tags of what it shows; an unmarked
response is never stored by a shared cache.
"""

from collections.abc import Iterable
from datetime import datetime

HOME = "home"
ALL = "list-all"
SECTIONS = "sections"
RELEASE = "release"


def article(pk: int) -> str:
    return f"article-{pk}"


def section(pk: int) -> str:
    return f"section-{pk}"


def tag(pk: int) -> str:
    return f"tag-{pk}"


def author(pk: int) -> str:
    return f"author-{pk}"


def image(pk: int) -> str:
    return f"image-{pk}"


def section_list(pk: int) -> str:
    return f"list-section-{pk}"


def tag_list(pk: int) -> str:
    return f"list-tag-{pk}"


def author_list(pk: int) -> str:
    return f"list-author-{pk}"


def mark(response, tags: Iterable[str], *, until: datetime | None = None):
    """Declare `response` public and shareable, showing `tags`; `until`: a time at which
    it changes by itself, with no write (a story leaving a time window)."""
    response.cache_tags = frozenset({RELEASE, *tags})
    response.cache_until = until
    return response


def links(articles: Iterable) -> set[str]:
    """What a link to each story shows: its headline and dates, and its address,
    which holds its section's slug."""
    return {
        name
        for story in articles
        for name in (article(story.pk), section(story.section_id))
    }


def cards(articles: Iterable) -> set[str]:
    """What story cards and feed items show of each story: a link, its bylines and its
    featured picture. Reads what `with_listing_data()` prefetched."""
    articles = list(articles)
    shown = links(articles)
    for story in articles:
        if story.featured_image_id:
            shown.add(image(story.featured_image_id))
        shown |= {author(byline.author_id) for byline in story.bylines.all()}
    return shown


def topics(articles: Iterable) -> set[str]:
    """The tags (topics) the stories name, as their pages and feed items do."""
    return {tag(topic.pk) for story in articles for topic in story.tags.all()}


def body_images(articles: Iterable) -> set[str]:
    """The pictures in the stories' bodies (as `with_page_data()` loaded them)."""
    return {image(pk) for story in articles for pk in story.body_images}


def article_page(story, related: Iterable) -> set[str]:
    """A story's page: the story whole, its "More from" links, and the lists those
    links are chosen from (its section and its tags), which a story entering or
    leaving them can change."""
    return (
        {SECTIONS, section_list(story.section_id)}
        | {tag_list(topic.pk) for topic in story.tags.all()}
        | cards([story])
        | topics([story])
        | body_images([story])
        | links(related)
    )
