"""Never lose work in the article form: autosave to a per-user working copy, a warning
before leaving with unsaved changes, who else has the story open, and refusing a save
made from an out-of-date version. The browser's side is articles/admin/autosave.js."""

from functools import partial

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from articles import presence, working_copies
from articles.locking import StaleArticle, clock_time, ensure_current


class VersionCheckedForm(forms.ModelForm):
    """Refuses a save from a form opened at an older version of the story.

    The version travels in a hidden field (rendered by _editing_status.html). A form
    posted without it (a script) is checked against the story as loaded for that
    request only; `Article.save()` still refuses any write made in between."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        opened_at = cleaned.get("version")
        if self.instance.pk is None or opened_at is None:
            return cleaned
        try:
            # In the admin's transaction: the row stays locked until the save is done.
            ensure_current(self.instance, opened_at=opened_at)
        except StaleArticle as stale:
            raise forms.ValidationError(
                conflict_message(self.instance, stale), code="stale"
            ) from stale
        # So that Article.save() checks against the version the form was opened at.
        self.instance.version = opened_at
        return cleaned


def conflict_message(article, stale: StaleArticle) -> str:
    return format_html(
        "{} Your changes are still in the form: copy what you need, then reload to "
        'see theirs. <a href="{}">See their version in the story’s history</a>.',
        stale.message,
        reverse("admin:articles_article_history", args=[article.pk]),
    )


def urls(model_admin) -> list:
    """URL patterns ArticleAdmin adds for autosave and presence."""

    def view(function):
        return model_admin.admin_site.admin_view(partial(function, model_admin))

    return [
        path(
            "add/autosave/",
            view(working_copy_view),
            name="articles_article_autosave_add",
        ),
        path(
            "add/autosave/discard/",
            view(discard_view),
            name="articles_article_autosave_discard_add",
        ),
        path(
            "<int:object_id>/autosave/",
            view(working_copy_view),
            name="articles_article_autosave",
        ),
        path(
            "<int:object_id>/autosave/discard/",
            view(discard_view),
            name="articles_article_autosave_discard",
        ),
        path(
            "<int:object_id>/presence/",
            view(presence_view),
            name="articles_article_presence",
        ),
    ]


def _editable_article(model_admin, request, object_id):
    """The story whose form this is (None for a new one), if the user may edit it."""
    if object_id is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        return None
    article = get_object_or_404(model_admin.model, pk=object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    return article


def working_copy_view(model_admin, request, object_id=None):
    """POST: keep the form's fields as the user's working copy. GET: that copy, with
    the names of the records its choice fields point to, so the form can show them."""
    article = _editable_article(model_admin, request, object_id)
    if request.method == "POST":
        copy = working_copies.keep(
            article,
            request.user,
            dict(request.POST.lists()),
            base_version=_posted_version(request) or getattr(article, "version", None),
        )
        return JsonResponse(
            {"status": f"Saved as a draft copy at {clock_time(copy.saved_at)}"}
        )
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    copy = working_copies.working_copy(article, request.user)
    if copy is None:
        raise Http404("No unsaved changes to restore.")
    form_class = model_admin.get_form(request, article)
    return JsonResponse(
        {
            "fields": copy.data,
            "labels": choice_labels(form_class, copy.data),
            "version": copy.base_version,
        }
    )


def discard_view(model_admin, request, object_id=None):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _editable_article(model_admin, request, object_id)
    working_copies.discard(article, request.user)
    return HttpResponse(status=204)


def presence_view(model_admin, request, object_id):
    """A heartbeat from an open form (or, with `leaving`, its last word); answers who
    else has the story open."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = get_object_or_404(model_admin.model, pk=object_id)
    if not model_admin.has_view_or_change_permission(request, article):
        raise PermissionDenied
    if request.POST.get("leaving"):
        presence.leave(article.pk, request.user)
        return HttpResponse(status=204)
    presence.arrive(article.pk, request.user)
    return JsonResponse({"others": presence.also_open_by(article.pk, request.user)})


def _posted_version(request) -> int | None:
    version = request.POST.get("version", "")
    return int(version) if version.isascii() and version.isdigit() else None


def choice_labels(form_class, data: dict) -> dict[str, dict[str, str]]:
    """{field: {value: label}} for the model choices in `data`: an autocomplete select
    holds only its current option, so a restored value needs its label brought along."""
    labels = {}
    for name, values in data.items():
        field = form_class.base_fields.get(name)
        if not isinstance(field, forms.ModelChoiceField):
            continue
        chosen = field.queryset.filter(
            pk__in=[value for value in values if value.isascii() and value.isdigit()]
        )
        labels[name] = {str(obj.pk): field.label_from_instance(obj) for obj in chosen}
    return labels
