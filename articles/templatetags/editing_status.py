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
    # A form sent back with errors holds input not saved anywhere yet (so autosave keeps
    # it at once), and there is nothing to offer back.
    sent_back = request.method == "POST"
    may_edit = context.get(
        "has_add_permission" if article is None else "has_change_permission"
    )
    copy = working_copies.working_copy(article, user) if may_edit else None
    status = {"sent_back": sent_back}
    if may_edit and article is None:
        status["autosave_url"] = reverse("admin:articles_article_autosave_add")
        status["discard_url"] = reverse("admin:articles_article_autosave_discard_add")
    elif may_edit:
        status["autosave_url"] = reverse(
            "admin:articles_article_autosave", args=[article.pk]
        )
        status["discard_url"] = reverse(
            "admin:articles_article_autosave_discard", args=[article.pk]
        )
    if article is not None:
        status["presence_url"] = reverse(
            "admin:articles_article_presence", args=[article.pk]
        )
        status["others"] = presence.also_open_by(article.pk, user)
        status["heartbeat_seconds"] = presence.HEARTBEAT_SECONDS
    if copy is not None and not sent_back:
        status["copy_saved_at"] = clock_time(copy.saved_at)
        status["story_moved_on"] = (
            article is not None and copy.base_version != article.version
        )
    return status
