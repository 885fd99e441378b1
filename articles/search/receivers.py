"""Keeping the search index true when what a story is found by changes outside the
article's own row: its tags, its bylines, a tag's or author's name, a picture's default
caption. (Article writes reindex themselves: articles.models.articles.)

Names and captions are compared with the stored row before a save, so saving an
author's photo or a picture's focal point reindexes nothing."""

from django.db.models.signals import (
    post_delete,
    post_save,
    pre_save,
)
from django.dispatch import receiver

from articles.models import (
    ArticleImage,
    Author,
    Byline,
    Image,
    Tag,
    TaggedArticle,
)
from articles.models.articles import deleting_article
from articles.search.index import reindex


# A tagging or byline saved or deleted, however: taggit's add (get_or_create per tag),
# remove and clear, or the rows written directly. (Their bulk_create sends no signal
# and reindexes itself.)
@receiver(post_save, sender=TaggedArticle)
@receiver(post_delete, sender=TaggedArticle)
@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def _link_changed(sender, instance, origin=None, **kwargs):
    # When the story itself is deleted, its document goes with it: writing one
    # again here would point at a deleted row.
    if not deleting_article(origin):
        article_id = getattr(instance, "content_object_id", None) or instance.article_id
        reindex([article_id])


# Rows whose searched value other documents quote: the field, and the rows linking
# them to articles (model, its field to them, its field to the article).
_QUOTED = {
    Tag: ("name", TaggedArticle, "tag", "content_object"),
    Author: ("name", Byline, "author", "article"),
    Image: ("caption", ArticleImage, "image", "article"),
}


def _article_ids(instance) -> set[int]:
    _field, links, to_instance, to_article = _QUOTED[type(instance)]
    return set(
        links.objects.filter(**{to_instance: instance}).values_list(
            to_article, flat=True
        )
    )


@receiver(pre_save, sender=Tag)
@receiver(pre_save, sender=Author)
@receiver(pre_save, sender=Image)
def _note_quoted_change(sender, instance, raw=False, update_fields=None, **kwargs):
    field = _QUOTED[sender][0]
    instance._search_quoted_changed = (
        not raw
        and instance.pk is not None
        and (update_fields is None or field in update_fields)
        and sender.objects.filter(pk=instance.pk)
        .exclude(**{field: getattr(instance, field)})
        .exists()
    )


@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Author)
@receiver(post_save, sender=Image)
def _reindex_quoting_articles(sender, instance, **kwargs):
    if getattr(instance, "_search_quoted_changed", False):
        reindex(_article_ids(instance))
