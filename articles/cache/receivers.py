"""Every save and delete of what public pages show refreshes the pages showing it
(articles.cache.invalidation). The bulk writes that send no signals refresh
themselves: the article QuerySet's update() and bulk_create(), and bulk_create() of
taggings and bylines (articles.models.articles)."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from articles.cache import invalidation, tags
from articles.models import (
    Agency,
    Article,
    Author,
    Byline,
    Correction,
    FrontPagePin,
    Image,
    Photographer,
    Rendition,
    Section,
    Tag,
    TaggedArticle,
)
from articles.models.articles import deleting_article


@receiver(pre_save, sender=Article)
def _note_placement(sender, instance, **kwargs):
    instance._placement_before = (
        None
        if instance._state.adding
        else invalidation.placements([instance.pk]).get(instance.pk)
    )


@receiver(post_save, sender=Article)
def _story_saved(sender, instance, **kwargs):
    before = instance.__dict__.pop("_placement_before", None)
    invalidation.stories_changed(
        {instance.pk: before} if before else {},
        {instance.pk: invalidation.placement(instance)},
    )


@receiver(pre_delete, sender=Article)
def _story_deleted(sender, instance, **kwargs):
    # Before the delete: its taggings and bylines name the lists it leaves.
    invalidation.stories_changed({instance.pk: invalidation.placement(instance)}, {})


@receiver(post_save, sender=TaggedArticle)
@receiver(post_delete, sender=TaggedArticle)
def _tagging_changed(sender, instance, origin=None, **kwargs):
    if not deleting_article(origin):
        invalidation.story_links_changed(
            [(instance.content_object_id, tags.tag_list(instance.tag_id))]
        )


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def _byline_changed(sender, instance, origin=None, **kwargs):
    if not deleting_article(origin):
        invalidation.story_links_changed(
            [(instance.article_id, tags.author_list(instance.author_id))]
        )


@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def _correction_changed(sender, instance, origin=None, **kwargs):
    if not deleting_article(origin):
        invalidation.corrections_changed([instance.article_id])


@receiver(post_save, sender=FrontPagePin)
@receiver(post_delete, sender=FrontPagePin)
def _pin_changed(sender, instance, **kwargs):
    invalidation.pins_changed()


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def _section_changed(sender, instance, **kwargs):
    invalidation.sections_changed(instance.pk)


@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
def _tag_changed(sender, instance, **kwargs):
    invalidation.named_changed(tags.tag(instance.pk))


@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
def _author_changed(sender, instance, **kwargs):
    invalidation.named_changed(tags.author(instance.pk))


@receiver(post_save, sender=Image)
@receiver(post_delete, sender=Image)
def _image_changed(sender, instance, created=False, **kwargs):
    if not created:  # nothing shows a new picture yet
        invalidation.images_changed([instance.pk])


@receiver(post_save, sender=Rendition)
@receiver(post_delete, sender=Rendition)
def _rendition_changed(sender, instance, **kwargs):
    # A remade rendition has a new address, and the old file is deleted.
    invalidation.images_changed([instance.image_id])


# Before a delete: the pictures' credits still point at the photographer or agency.
@receiver(post_save, sender=Photographer)
@receiver(pre_delete, sender=Photographer)
def _photographer_changed(sender, instance, created=False, **kwargs):
    if not created:
        invalidation.images_changed(
            invalidation.shown_images_credited_to(photographer=instance)
        )


@receiver(post_save, sender=Agency)
@receiver(pre_delete, sender=Agency)
def _agency_changed(sender, instance, created=False, **kwargs):
    if not created:
        invalidation.images_changed(
            invalidation.shown_images_credited_to(agency=instance)
        )
