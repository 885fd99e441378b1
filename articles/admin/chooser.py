"""The image chooser the body editor's Figure dialog opens in a pop-up.

It speaks CKEditor's file-browser protocol (the editor passes `CKEditorFuncNum`; picking
calls `window.opener.CKEDITOR.tools.callFunction(funcNum, url, {id, alternative_text,
caption})`), so the editor needs no code of ours to talk to it.
"""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from articles import credits
from articles.admin.filters import rights_status
from articles.admin.forms import ImageUploadForm
from articles.models import Agency, Image

PAGE_SIZE = 24


class ChooserFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search", max_length=200)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), required=False, empty_label="All agencies"
    )


class ChooserParameters(forms.Form):
    """The numbers the chooser is passed in its address. `str.isdigit()` would accept
    "²" or "٣", which `int()` then refuses or reads; only ASCII digits pass here."""

    # The editor counts its callbacks down from -1.
    CKEditorFuncNum = forms.RegexField(r"\A-?[0-9]{1,9}\Z", required=False)
    chosen = forms.RegexField(r"\A[0-9]{1,18}\Z", required=False)
    page = forms.RegexField(r"\A[0-9]{1,9}\Z", required=False)

    @classmethod
    def of(cls, request) -> dict[str, str]:
        """Each parameter, or "" when it is missing or not a plain number."""
        parameters = cls(request.GET)
        parameters.is_valid()
        return {
            name: parameters.cleaned_data.get(name) or "" for name in cls.base_fields
        }


def matching_images(filters: ChooserFilterForm):
    images = (
        Image.objects.with_credit_data()
        .prefetch_related("renditions")
        .order_by("-created_at", "-pk")
    )
    filters.is_valid()  # an unknown agency is dropped; the search still applies
    if query := filters.cleaned_data.get("q", "").strip():
        images = images.filter(
            Q(caption__icontains=query)
            | Q(alt_text__icontains=query)
            | Q(photographer__name__icontains=query)
            | Q(agency__name__icontains=query)
            | Q(photographer__agency__name__icontains=query)
        )
    if agency := filters.cleaned_data.get("agency"):
        images = images.filter(credits.credited_to(agency))
    return images


def image_chooser(request, model_admin):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    parameters = ChooserParameters.of(request)
    func_num = parameters["CKEditorFuncNum"]
    upload_form = None
    if can_upload := model_admin.has_add_permission(request):
        # Built by the ModelAdmin, as its own add form is, so photographer and agency
        # get the autocomplete and the "+" that adds one in a pop-up.
        form_class = model_admin.get_form(
            request, form=ImageUploadForm, fields=ImageUploadForm.Meta.fields
        )
        upload_form = form_class()
    if request.method == "POST":
        if not can_upload:
            raise PermissionDenied
        upload_form = form_class(request.POST, request.FILES)
        if upload_form.is_valid():
            # Saving may add the photographer the file credits: both or neither.
            with transaction.atomic():
                image = upload_form.save(commit=False)
                image.uploaded_by = request.user
                image.save()
            # Redirect, so reloading the pop-up does not upload the picture again.
            return redirect(
                f"{request.path}?{urlencode({'CKEditorFuncNum': func_num, 'chosen': image.pk})}"
            )

    filters = ChooserFilterForm(request.GET)
    page = Paginator(matching_images(filters), PAGE_SIZE).get_page(parameters["page"])
    for image in page:
        image.rights_status = rights_status(image)  # readers stop seeing it: say so
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("chosen", None)
    if "CKEditorFuncNum" in query:
        query["CKEditorFuncNum"] = func_num
    chosen = parameters["chosen"]
    return TemplateResponse(
        request,
        "admin/articles/image/chooser.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": "Choose a picture",
            "is_popup": True,
            "opts": Image._meta,
            # The admin's scripts for the "+" pop-ups, and the autocomplete's.
            "media": model_admin.media + upload_form.media
            if upload_form
            else forms.Media(),
            "func_num": func_num,
            "filters": filters,
            "page": page,
            "query_without_page": query.urlencode(),
            "upload_form": upload_form,
            "chosen": Image.objects.filter(pk=chosen).first() if chosen else None,
        },
    )
