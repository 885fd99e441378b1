"""What a story's page shows besides the story's own row, loaded for a whole list of
stories at once: bylines with their authors, tags, and every picture (the featured one
and the body's) with its credit and renditions. One plain query for each kind.

Django's prefetching could load the same rows, but building its querysets cost more
than running them: about a third of the article page's work (see the README's Speed
section). What is loaded goes where the related managers read it, the prefetch cache,
as the querysets prefetching leaves there: `story.bylines.all()`, `story.tags.all()`
and `image.renditions.all()` ask nothing, and `.filter()` or `.delete()` on them still
mean that story's rows.
"""

from collections import defaultdict
from collections.abc import Iterable
from itertools import batched

from django.db.models import F
from django.db.models.query import ModelIterable

from articles import body
from articles.models.images import Image
from articles.models.renditions import Rendition
from articles.models.tags import Tag


class WithPageData(ModelIterable):
    """The rows of `ArticleQuerySet.with_page_data()`: the stories a query reads come
    with what their pages show, whether they are got, sliced or iterated; by
    `.iterator()`, a chunk at a time."""

    def __iter__(self):
        rows = super().__iter__()
        for stories in batched(rows, self.chunk_size) if self.chunked_fetch else [rows]:
            stories = list(stories)
            attach(stories)
            yield from stories


def attach(stories: list) -> None:
    """Give `stories` their bylines, tags and pictures: `story.body_images` holds the
    body's pictures by id, in the body's order."""
    if not stories:
        return
    from articles.models.articles import Byline

    pks = [story.pk for story in stories]
    featured = stories[0]._meta.get_field("featured_image")
    bylines = _grouped(
        Byline.objects.filter(article_id__in=pks).select_related("author"),
        "article_id",
    )
    tags = _grouped(
        Tag.objects.filter(articles_taggedarticle_items__content_object_id__in=pks)
        .annotate(story_id=F("articles_taggedarticle_items__content_object_id"))
        # In the order they were added, as `story.tags.all()` gives them.
        .order_by("articles_taggedarticle_items__pk"),
        "story_id",
    )
    in_body = {story.pk: body.image_ids(story.body) for story in stories}
    images = pictures(
        [story.featured_image_id for story in stories if story.featured_image_id]
        + [pk for ids in in_body.values() for pk in ids]
    )
    for story in stories:
        story._prefetched_objects_cache = {}
        _cache(story, "bylines", bylines[story.pk])
        _cache(story, "tags", tags[story.pk])
        if story.featured_image_id:
            # Into the relation's cache: assigning would clear the id of a picture
            # deleted since the story was read.
            featured.set_cached_value(story, images.get(story.featured_image_id))
        story.body_images = {pk: images[pk] for pk in in_body[story.pk] if pk in images}


def pictures(ids: Iterable[int]) -> dict[int, Image]:
    """The images `ids` name, by id, with their credits and renditions."""
    ids = set(ids)
    if not ids:
        return {}
    images = Image.objects.with_credit_data().in_bulk(ids)
    renditions = _grouped(
        Rendition.objects.filter(image_id__in=images).order_by(), "image_id"
    )
    for pk, image in images.items():
        image._prefetched_objects_cache = {}
        _cache(image, "renditions", renditions[pk])
    return images


def _cache(instance, relation: str, rows: list) -> None:
    """`rows` as what `instance.<relation>.all()` gives, as prefetching leaves them:
    the relation's own queryset, already read."""
    queryset = getattr(instance, relation).get_queryset()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance._prefetched_objects_cache[relation] = queryset


def _grouped(rows: Iterable, key: str) -> defaultdict[int, list]:
    groups = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups
