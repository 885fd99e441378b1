"""The admin's side of previews: "Preview" (the form as it stands, saved or not) and
"Share preview" (a signed, expiring, revocable link). See `articles.previews`."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.forms.formsets import all_valid
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles import policy, previews
from articles.models import Article


def urls(model_admin) -> list:
    """URL patterns ArticleAdmin adds for previews."""

    def view(function):
        return model_admin.admin_site.admin_view(partial(function, model_admin))

    return [
        path(
            "<path:object_id>/preview/",
            view(preview),
            name="articles_article_preview",
        ),
        path(
            "<path:object_id>/preview-links/",
            view(share),
            name="articles_article_share_preview",
        ),
        path(
            "<path:object_id>/preview-links/<int:link_id>/revoke/",
            view(revoke),
            name="articles_article_revoke_preview",
        ),
    ]


def may_preview(model_admin, request, article: Article) -> bool:
    """Previews show what is not public: only to those who may change the story."""
    return request.user.has_perm(
        "articles.change_article"
    ) and model_admin.has_change_permission(request, article)


def _article(model_admin, request, object_id) -> Article:
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such story.")
    if not may_preview(model_admin, request, article):
        raise PermissionDenied
    return article


def _sharable_article(model_admin, request, object_id) -> Article:
    article = _article(model_admin, request, object_id)
    if not policy.may_share_preview(request.user, article):
        raise PermissionDenied
    return article


@previews.private
def preview(model_admin, request, object_id):
    """The story as saved (GET), or as the article form posted here would save it
    (POST: the form's "Preview" button), without saving anything."""
    article = _article(model_admin, request, object_id)
    if request.method == "GET":
        saved = Article.objects.with_page_data().get(pk=article.pk)
        return previews.render_preview(request, saved, saved.body_images)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    form = model_admin.get_form(request, article, change=True)(
        request.POST, request.FILES, instance=article
    )
    form.is_valid()
    # Django's own way to build the inlines' formsets, as changeform_view does.
    formsets, _ = model_admin._create_formsets(request, form.instance, change=True)
    all_valid(formsets)
    if problems := form_problems(form, formsets):
        return TemplateResponse(
            request,
            "admin/articles/article/preview_problems.html",
            {
                **model_admin.admin_site.each_context(request),
                "title": "This preview cannot be shown",
                "article": article,
                "problems": problems,
            },
        )
    unsaved = previews.unsaved_article(form, formsets)
    return previews.render_preview(request, unsaved, previews.body_images(unsaved.body))


def form_problems(form, formsets) -> list[str]:
    """What stops the form's values from making a story to show: every error of a
    field, of the inlines' rows and of the inlines themselves, each named by its field.

    Errors of the form as a whole are left out: they are about saving it (who may
    publish, the publish checklist, someone else having saved since the form was
    opened), and a preview saves nothing. The fields' values are all valid then."""
    problems = [
        _labelled(form, name, message)
        for name, errors in form.errors.items()
        if name != NON_FIELD_ERRORS
        for message in errors
    ]
    for formset in formsets:
        problems += formset.non_form_errors()
        noun = formset.model._meta.verbose_name.capitalize()
        for number, row in enumerate(formset.forms, 1):
            problems += [
                f"{noun} {number}: {_labelled(row, name, message)}"
                for name, errors in row.errors.items()
                for message in errors
            ]
    return problems


def _labelled(form, name: str, message: str) -> str:
    field = form.fields.get(name)
    return f"{field.label}: {message}" if field else message


def share(model_admin, request, object_id):
    """Make a new share link to the story and name it in a message on the form."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _sharable_article(model_admin, request, object_id)
    link = previews.share(article, user=request.user)
    url = previews.url_for(request, link)
    model_admin.message_user(
        request,
        format_html(
            "Anyone with this link can read the story as saved, without logging in, "
            'for {} hours or until you revoke it: <a href="{}">{}</a>',
            settings.NEWSROOM_PREVIEW_HOURS,
            url,
            url,
        ),
        messages.SUCCESS,
    )
    return redirect("admin:articles_article_change", article.pk)


def revoke(model_admin, request, object_id, link_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _sharable_article(model_admin, request, object_id)
    link = get_object_or_404(previews.live_links(), pk=link_id, article=article)
    previews.revoke(link)
    model_admin.message_user(
        request,
        "The preview link was revoked: it no longer opens the story.",
        messages.SUCCESS,
    )
    return redirect("admin:articles_article_change", article.pk)


def tools(model_admin, request, article: Article) -> dict | None:
    """What the article form offers for previews (None to one who may not preview):
    where "Preview" posts the form, and the story's live share links."""
    if article is None or not may_preview(model_admin, request, article):
        return None
    return {
        "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
        "may_share": policy.may_share_preview(request.user, article),
        "share_url": reverse("admin:articles_article_share_preview", args=[article.pk]),
        "hours": settings.NEWSROOM_PREVIEW_HOURS,
        "links": [
            {
                "url": previews.url_for(request, link),
                "expires_at": link.expires_at,
                "revoke_url": reverse(
                    "admin:articles_article_revoke_preview", args=[article.pk, link.pk]
                ),
            }
            for link in previews.live_links().filter(article=article)
        ],
    }
