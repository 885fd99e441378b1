"""Writing the search index: each article's SearchDocument, from the rows as stored.

Every write path calls `reindex()` in its own transaction: `Article.save()` and the
article QuerySet's bulk writes, the bulk writes of bylines (articles.models.articles),
and signal receivers for tags, bylines, authors and pictures (articles.search.receivers).
The data migration that indexes existing stories passes its historical models."""

from collections import defaultdict
from collections.abc import Iterable
from itertools import batched

from django.apps import apps as global_apps

from articles import body
from articles.models.images import rights_cutoff

CHUNK = 500  # articles read and written at a time
DOCUMENT_FIELDS = ["headline", "standfirst", "keywords", "captions", "body_text"]
# What the index reads of an article: writing any of these calls for a reindex.
ARTICLE_FIELDS = {
    "headline",
    "standfirst",
    "body",
    "featured_image",
    "featured_image_id",
    "featured_caption",
}
# Highlights are marked in the text with these (articles.search.highlights), so the
# text itself must never hold them.
_CONTROL = dict.fromkeys(
    (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F), " "
)


def _text(value: str) -> str:
    return value.translate(_CONTROL)


def reindex(article_ids: Iterable[int], *, apps=global_apps) -> None:
    """Write the search documents of these articles from their current rows, tags,
    bylines and pictures. Ids of articles that no longer exist are skipped."""
    for chunk in batched(sorted(set(article_ids)), CHUNK):
        _write(chunk, apps)


def _write(ids: tuple[int, ...], apps) -> None:
    Article = apps.get_model("articles", "Article")
    Byline = apps.get_model("articles", "Byline")
    Image = apps.get_model("articles", "Image")
    SearchDocument = apps.get_model("articles", "SearchDocument")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")

    articles = list(
        Article.objects.filter(pk__in=ids).values_list(
            "pk", "headline", "standfirst", "body", "featured_image", "featured_caption"
        )
    )
    keywords = defaultdict(list)
    for article_id, name in (
        TaggedArticle.objects.filter(content_object__in=ids)
        .order_by("tag__name")
        .values_list("content_object", "tag__name")
    ):
        keywords[article_id].append(name)
    for article_id, name in (
        Byline.objects.filter(article__in=ids)
        .order_by("position", "pk")
        .values_list("article", "author__name")
    ):
        keywords[article_id].append(name)
    figures = {pk: body.figure_refs(html) for pk, _, _, html, _, _ in articles}
    image_ids = {image_id for *_, image_id, _ in articles if image_id} | {
        ref.image_id for refs in figures.values() for ref in refs if ref.image_id
    }
    # Pictures whose rights have expired are not shown, so neither are their captions
    # (`manage.py renditions`, run daily, reindexes stories as their pictures expire).
    default_captions = (
        dict(
            Image.objects.filter(pk__in=image_ids)
            .exclude(rights_expire_on__lt=rights_cutoff())
            .values_list("pk", "caption")
        )
        if image_ids
        else {}
    )

    def captions(pk: int, featured_id: int | None, featured_caption: str) -> list[str]:
        """Every caption a reader sees on the story: this story's own, else the
        picture's (a figure whose picture is gone, or expired, is not shown)."""
        shown = []
        if featured_id in default_captions:
            shown.append(featured_caption or default_captions[featured_id])
        shown += [
            ref.caption or default_captions[ref.image_id]
            for ref in figures[pk]
            if ref.image_id in default_captions
        ]
        return [caption for caption in shown if caption]

    SearchDocument.objects.bulk_create(
        [
            SearchDocument(
                article_id=pk,
                headline=_text(headline),
                standfirst=_text(standfirst),
                keywords=_text("\n".join(keywords[pk])),
                captions=_text("\n".join(captions(pk, featured_id, caption))),
                body_text=_text(body.plain_text(html)),
            )
            for pk, headline, standfirst, html, featured_id, caption in articles
        ],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=DOCUMENT_FIELDS,
    )
