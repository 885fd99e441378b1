"""What a change refreshes: the cache tags (articles.cache.tags) of the pages that show
what was written, worked out by every write path (signal receivers in
articles.cache.receivers; the bulk writes of articles.models.articles) and refreshed by
`refresh()`.

A story's own fields refresh the pages showing it, and the sitemaps and latest feeds,
which follow every edit of a published story. Publishing, unpublishing, rescheduling,
moving or deleting it also refreshes the lists it leaves or could enter: the home page,
its section's, tags' and authors' pages and feeds, and the "More from" block of every
story sharing its section or a tag. Drafts refresh nothing readers see.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import batched

from django.apps import apps
from django.db import transaction

from articles.cache import pages, purge, tags

CHUNK = 500  # stories looked up at a time, for bulk writes of thousands


class _Refresh:
    """The tags a transaction changed, refreshed once it commits. Discarded with the
    transaction if it rolls back."""

    def __init__(self, changed: set[str]):
        self.tags = changed

    def __call__(self):
        pages.bump(self.tags)
        purge.purge(self.tags)


def refresh(changed: Iterable[str]) -> None:
    """Refresh the pages showing any of `changed`: stale in the page cache at once (the
    writing request, or a test in its transaction, sees the change), stale again once
    the transaction commits (a page made meanwhile from the rows as they were is not
    kept), and purged from the HTTP caches then."""
    changed = set(changed)
    if not changed:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _Refresh(changed)()
        return
    pages.bump(changed)
    # One refresh per transaction, however many rows it writes.
    pending = next(
        (call for _, call, _ in connection.run_on_commit if isinstance(call, _Refresh)),
        None,
    )
    if pending is None:
        transaction.on_commit(_Refresh(changed))
    else:
        pending.tags |= changed


# Stories


@dataclass(frozen=True)
class Placement:
    """What decides which lists can show a story, and from when."""

    section_id: int
    status: str
    published_at: datetime | None

    @property
    def listed(self) -> bool:
        # Scheduled stories too: the lists they will join must be made again now, to
        # be kept no later than the moment they appear (articles.cache.schedule).
        return self.status == "published"


def placement(article) -> Placement:
    return Placement(article.section_id, article.status, article.published_at)


def placements(articles) -> dict[int, Placement]:
    """The placements of `articles`, a QuerySet or primary keys, as stored."""
    fields = ["pk", "section_id", "status", "published_at"]
    if hasattr(articles, "values_list"):
        rows = articles.values_list(*fields)
    else:
        Article = apps.get_model("articles", "Article")
        rows = [
            row
            for chunk in batched(sorted(articles), CHUNK)
            for row in Article.objects.filter(pk__in=chunk).values_list(*fields)
        ]
    return {pk: Placement(*placement) for pk, *placement in rows}


def stories_changed(
    before: dict[int, Placement], after: dict[int, Placement] | None = None
) -> None:
    """Stories were written: `before` and `after` are their placements (missing: not
    there), `after` by default as stored now."""
    if after is None:
        after = placements(before.keys())
    changed, moved = set(), set()
    for pk in before.keys() | after.keys():
        old, new = before.get(pk), after.get(pk)
        changed.add(tags.article(pk))
        shown = [where for where in (old, new) if where and where.listed]
        if not shown:
            continue
        changed.add(tags.ALL)
        if old != new:
            moved.add(pk)
            changed |= {tags.HOME} | {tags.section_list(w.section_id) for w in shown}
    if moved:
        changed |= _topic_and_author_lists(moved)
    refresh(changed)


def _topic_and_author_lists(article_ids: set[int]) -> set[str]:
    Byline = apps.get_model("articles", "Byline")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    lists = set()
    for chunk in batched(sorted(article_ids), CHUNK):
        taggings = TaggedArticle.objects.filter(content_object__in=chunk)
        bylines = Byline.objects.filter(article__in=chunk)
        lists |= {tags.tag_list(pk) for pk in taggings.values_list("tag", flat=True)}
        lists |= {
            tags.author_list(pk) for pk in bylines.values_list("author", flat=True)
        }
    return lists


def story_links_changed(links: Iterable[tuple[int, str]]) -> None:
    """Taggings or bylines were written: `links` are (story pk, list tag of the tag or
    author it names). A published story enters or leaves that list."""
    links = list(links)
    changed = {tags.article(pk) for pk, _ in links}
    listed = {
        pk for pk, where in placements({pk for pk, _ in links}).items() if where.listed
    }
    for pk, list_tag in links:
        if pk in listed:
            changed |= {list_tag, tags.ALL}
    refresh(changed)


def corrections_changed(article_ids: Iterable[int]) -> None:
    # The story's page and feed items show them, and the sitemaps' dates follow them.
    refresh({tags.article(pk) for pk in article_ids} | {tags.ALL})


# What stories show of other rows


def images_changed(image_ids: Iterable[int]) -> None:
    """Pictures changed (caption, alt text, credit, rights, renditions)."""
    image_ids = set(image_ids)
    if not image_ids:
        return
    ArticleImage = apps.get_model("articles", "ArticleImage")
    changed = {tags.image(pk) for pk in image_ids}
    # The sitemaps list the pictures of every story.
    if ArticleImage.objects.filter(image__in=image_ids).exists():
        changed.add(tags.ALL)
    refresh(changed)


def shown_images_credited_to(*, photographer=None, agency=None) -> set[int]:
    """The pictures readers see (in stories, or as an author's photo) whose credit
    names `photographer`, or `agency` (directly or through its photographers)."""
    Author = apps.get_model("articles", "Author")
    Image = apps.get_model("articles", "Image")
    if agency is not None:
        credited = Image.objects.filter(agency=agency) | Image.objects.filter(
            photographer__agency=agency
        )
    else:
        credited = Image.objects.filter(photographer=photographer)
    return set(credited.filter(uses__isnull=False).values_list("pk", flat=True)) | set(
        Author.objects.filter(photo__in=credited).values_list("photo", flat=True)
    )


def named_changed(tag: str) -> None:
    """A section, tag or author changed (its name, slug, description, photo): the pages
    naming it, and the sitemaps, which list its address."""
    refresh({tag, tags.ALL})


def sections_changed(pk: int) -> None:
    # Every page's navigation names the sections, in order; the home page's blocks too.
    refresh({tags.SECTIONS, tags.section(pk), tags.ALL})


def pins_changed() -> None:
    refresh({tags.HOME})
