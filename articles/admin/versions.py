"""Version history in the admin: every version of an article or image, who saved it
and when, a side-by-side diff between any two, and restore (as a new version)."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import get_content_type_for_model
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst

from articles import history

VERSIONS_PER_PAGE = 50
ADMIN_LOG_LIMIT = 100


def urls(model_admin) -> list:
    """URL patterns a ModelAdmin adds for version history (placed before Django's own,
    so they may replace its history page)."""
    prefix = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}"

    def view(function):
        return model_admin.admin_site.admin_view(
            partial(function, model_admin=model_admin)
        )

    return [
        path(
            "<path:object_id>/history/",
            view(versions_view),
            name=f"{prefix}_versions",
        ),
        path(
            "<path:object_id>/history/compare/",
            view(compare_view),
            name=f"{prefix}_compare",
        ),
        path(
            "<path:object_id>/history/<int:history_id>/restore/",
            view(restore_view),
            name=f"{prefix}_restore",
        ),
    ]


def _url(model_admin, view: str, *args) -> str:
    opts = model_admin.opts
    return reverse(
        f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}",
        args=args,
    )


def _object_or_404(request, model_admin, object_id):
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404(f"No {model_admin.opts.verbose_name} with this id.")
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    return obj


def _context(request, model_admin, obj, title: str, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "module_name": capfirst(model_admin.opts.verbose_name_plural),
        "object": obj,
        "title": title,
        "subtitle": None,
        "time_zone": settings.TIME_ZONE,
        "history_url": _url(model_admin, "versions", quote(obj.pk)),
        **extra,
    }


def _render(request, model_admin, name: str, context: dict) -> TemplateResponse:
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, f"admin/articles/versions/{name}.html", context)


def _records(obj):
    return history.versions_newest_first(type(obj), obj.pk).select_related(
        "history_user"
    )


def versions_view(request, object_id, *, model_admin):
    """Each version, newest first, with who saved it, when and which fields changed."""
    obj = _object_or_404(request, model_admin, object_id)
    records = _records(obj)
    page = Paginator(records, VERSIONS_PER_PAGE).get_page(request.GET.get("p"))
    first, last = page.start_index(), page.end_index()
    # One more than the page, so its oldest version can say what it changed too.
    shown = list(records[first - 1 : last + 1]) if last else []
    may_restore = model_admin.has_change_permission(request, obj)
    rows = []
    for index, record in enumerate(shown[: last - first + 1]):
        older = shown[index + 1] if index + 1 < len(shown) else None
        # Restoring the newest version would change nothing.
        is_newest = page.number == 1 and index == 0
        rows.append(
            {
                "record": record,
                "number": _number(record, page, index),
                "saved_by": history.saved_by(record),
                "changed": history.changed_fields(older, record) if older else None,
                "older": older,
                "restore_url": _url(
                    model_admin, "restore", quote(obj.pk), record.history_id
                )
                if may_restore and not is_newest
                else None,
            }
        )
    context = _context(
        request,
        model_admin,
        obj,
        f"History: {obj}",
        rows=rows,
        page=page,
        compare_url=_url(model_admin, "compare", quote(obj.pk)),
        admin_log=_admin_log(obj) if page.number == 1 else None,
    )
    return _render(request, model_admin, "history", context)


def _admin_log(obj) -> list[LogEntry]:
    """What the admin logged about `obj` (Django's own history page, which this one
    replaces): additions, changes and bulk actions' notes, such as the credits desk's."""
    return list(
        LogEntry.objects.filter(
            content_type=get_content_type_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")[:ADMIN_LOG_LIMIT]
    )


def _number(record, page, index: int) -> int:
    if isinstance(record, history.HistoricalArticle):
        return record.version
    # history.version_number() from the page's place, not a query per row.
    return page.paginator.count - (page.start_index() - 1) - index


def compare_view(request, object_id, *, model_admin):
    """Two versions side by side, older on the left, with changed words marked."""
    obj = _object_or_404(request, model_admin, object_id)
    ids = [request.GET.get("from", ""), request.GET.get("to", "")]
    if not all(value.isascii() and value.isdigit() for value in ids):
        messages.error(request, "Choose two versions to compare.")
        return HttpResponseRedirect(_url(model_admin, "versions", quote(obj.pk)))
    records = list(_records(obj).filter(history_id__in=ids))
    if len(records) != len(set(ids)):
        raise Http404("No such version of this object.")
    newer, older = records[0], records[-1]
    context = _context(
        request,
        model_admin,
        obj,
        f"Compare versions: {obj}",
        older=older,
        newer=newer,
        older_label=f"Version {history.version_number(older)}",
        newer_label=f"Version {history.version_number(newer)}",
        older_by=history.saved_by(older),
        newer_by=history.saved_by(newer),
        rows=history.compare(older, newer),
    )
    return _render(request, model_admin, "compare", context)


def restore_view(request, object_id, history_id, *, model_admin):
    """GET asks to confirm (showing what would change); POST restores."""
    obj = _object_or_404(request, model_admin, object_id)
    history_url = _url(model_admin, "versions", quote(obj.pk))
    if not model_admin.has_change_permission(request, obj):
        messages.error(
            request,
            f"You may not change this {model_admin.opts.verbose_name}, so you cannot "
            "restore its versions. Nothing was changed.",
        )
        return HttpResponseRedirect(history_url)
    records = _records(obj)
    record = get_object_or_404(records, history_id=history_id)
    number = history.version_number(record)
    if request.method == "POST":
        try:
            history.restore_version(record, user=request.user)
        except history.RestoreRefused as refused:
            for problem in refused.messages:
                messages.error(
                    request, f"Version {number} cannot be restored: {problem}"
                )
            return HttpResponseRedirect(history_url)
        messages.success(
            request,
            f"Restored version {number} of {history.local_time(record.history_date)} "
            "as a new version.",
        )
        return HttpResponseRedirect(_url(model_admin, "change", quote(obj.pk)))
    current = records.first()
    context = _context(
        request,
        model_admin,
        obj,
        f"Restore version {number}: {obj}",
        record=record,
        number=number,
        saved_by=history.saved_by(record),
        rows=history.compare(current, record),
        older_label=f"Now (version {history.version_number(current)})",
        newer_label=f"Version {number}",
        restored_fields=[
            history.field_label(type(obj), name)
            for name in history.restored_fields(type(obj))
        ],
    )
    return _render(request, model_admin, "restore", context)
