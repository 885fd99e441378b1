"""Previews: an unpublished story, or the article form as it stands, shown as readers
will see it (the article page's own templates, renditions, figures and credits), never
cached or indexed, and without the address, share links or structured data of a page
that is not live yet.

A shared link is `/preview/<token>/`: the token is a `PreviewLink`'s random key signed
with SECRET_KEY, so a token altered by hand is refused before the database is asked,
and the link's row decides whether it still works (expiry, revocation, the story still
existing). Every refusal is the same 404, so a token reveals nothing about why.
"""

import secrets
from datetime import timedelta
from functools import reduce, wraps
from operator import or_

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from articles import body, links, seo, views
from articles.models import Article, Image, PreviewLink, Tag, page_data
from articles.models.tags import tag_slug

TEMPLATE = "articles/article_preview.html"
_signer = signing.Signer(salt="articles.previews.link")
KEY_BYTES = 32


def share(article: Article, *, user) -> PreviewLink:
    """A new link to `article` for anyone who has it, working for
    NEWSROOM_PREVIEW_HOURS unless revoked."""
    return PreviewLink.objects.create(
        article=article,
        key=secrets.token_urlsafe(KEY_BYTES),
        created_by=user,
        expires_at=timezone.now() + timedelta(hours=settings.NEWSROOM_PREVIEW_HOURS),
    )


def live_links():
    return PreviewLink.objects.filter(
        revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def revoke(link: PreviewLink) -> None:
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])


def token_for(link: PreviewLink) -> str:
    return _signer.sign(link.key)


def url_for(request, link: PreviewLink) -> str:
    return links.absolute_url(
        request, reverse("articles:preview", args=[token_for(link)])
    )


def link_for(token: str) -> PreviewLink | None:
    """The live link `token` was made for; None when it was tampered with, or its
    link is unknown, expired or revoked."""
    try:
        key = _signer.unsign(token)
    except signing.BadSignature:
        return None
    return live_links().filter(key=key).first()


def private(view):
    """A preview's response is for its reader alone: never stored by a cache, never
    indexed, and its address (which may hold a token) never sent on as a referrer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped


@private
def shared_preview(request, token):
    """The story as it is saved now, for anyone with a live link; a story that has
    gone live since the link was made sends its reader to the live page."""
    link = link_for(token)
    if link is None:
        raise Http404("No such preview.")
    article = get_object_or_404(Article.objects.with_page_data(), pk=link.article_id)
    if article.is_published:
        return redirect(article.get_absolute_url())
    return render_preview(request, article, article.body_images)


def render_preview(request, article: Article, images: dict):
    """The article page for `article` (which need not be saved) with the pictures of
    its body from `images` (Image by id)."""
    if article.published_at is None:
        # As it would read if published now (which is when save() would date it).
        article.published_at = timezone.now()
    if article.updated_at is None:
        article.updated_at = article.published_at
    context = views.article_context(request, article, images)
    context["meta"] = seo.preview_meta(article)
    return render(request, TEMPLATE, context)


def unsaved_article(form, formsets) -> Article:
    """The story a valid article form and its inline formsets would save, built in
    memory only: no row, version, history record or image index is written.

    Its tags and inline rows (bylines, corrections) are put where the page reads them,
    the related managers' prefetch cache, as `with_page_data()` does for a saved story,
    so the page's template needs no variant for previews."""
    article = form.instance  # validation has copied the form's values onto it
    article.body = body.sanitize(article.body)
    article.fill_derived_fields()
    prefetched = article._prefetched_objects_cache = {}
    if "tags" in form.cleaned_data:
        prefetched["tags"] = _tags_named(form.cleaned_data["tags"])
    for formset in formsets:
        kept = [
            row.instance
            for row in formset.forms
            if not (formset.can_delete and row.cleaned_data.get("DELETE"))
            and (row.instance.pk or row.has_changed())
        ]
        prefetched[formset.fk.remote_field.cache_name] = _in_model_order(kept)
    return article


def body_images(html: str) -> dict[int, Image]:
    """The pictures the figures of `html` (sanitized) show, by id, with their credits
    and renditions."""
    return page_data.pictures(body.image_ids(html))


def _tags_named(names: list[str]) -> list[Tag]:
    """The tags `names` would be saved as: existing ones (matched as taggit matches them,
    ignoring case), and new ones with the slug they would get."""
    if not names:
        return []
    existing = {
        tag.name.lower(): tag
        for tag in Tag.objects.filter(
            reduce(or_, (Q(name__iexact=name) for name in names))
        )
    }
    tags = {
        name.lower(): existing.get(name.lower()) or Tag(name=name, slug=tag_slug(name))
        for name in names
    }
    return sorted(tags.values(), key=lambda tag: tag.name)


def _none_last(value) -> tuple:
    return (True, 0) if value is None else (False, value)


def _in_model_order(rows: list) -> list:
    """`rows` in their model's `Meta.ordering`, as a query would return them; a row not
    saved yet sorts as the newest (the highest `pk`)."""
    if not rows:
        return rows
    for field in reversed(rows[0]._meta.ordering):
        if not isinstance(field, str):
            continue
        descending = field.startswith("-")
        name = field.removeprefix("-")
        rows = sorted(
            rows,
            key=lambda row, name=name: _none_last(getattr(row, name)),
            reverse=descending,
        )
    return rows
