from django import template
from django.urls import reverse

from articles import presence, working_copies
from articles.locking import clock_time

register = template.Library()


@register.simple_tag(takes_context=True)
def editing_status(context) -> dict:
    """What the article form's editing-status area shows and the URLs its script calls:
    who else has the story open, and the user's unsaved changes from an earlier visit."""
    article = context.get("original")
    request = context["request"]
    user = request.user
    # A form sent back with errors already holds what was typed: nothing to offer.
    copy = (
        working_copies.working_copy(article, user) if request.method == "GET" else None
    )
    if article is None:
        status = {
            "autosave_url": reverse("admin:articles_article_autosave_add"),
            "discard_url": reverse("admin:articles_article_autosave_discard_add"),
        }
    else:
        status = {
            "autosave_url": reverse(
                "admin:articles_article_autosave", args=[article.pk]
            ),
            "discard_url": reverse(
                "admin:articles_article_autosave_discard", args=[article.pk]
            ),
            "presence_url": reverse(
                "admin:articles_article_presence", args=[article.pk]
            ),
            "others": presence.also_open_by(article.pk, user),
            "heartbeat_seconds": presence.HEARTBEAT_SECONDS,
        }
    if copy is not None:
        status["copy_saved_at"] = clock_time(copy.saved_at)
        status["story_moved_on"] = (
            article is not None and copy.base_version != article.version
        )
    return status
