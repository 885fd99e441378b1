"""The image chooser the body editor's Figure dialog opens in a pop-up.

It speaks CKEditor's file-browser protocol (the editor passes `CKEditorFuncNum`; picking
calls `window.opener.CKEDITOR.tools.callFunction(funcNum, url, {id, alternative_text,
caption})`), so the editor needs no code of ours to talk to it.
"""

from datetime import timedelta
from urllib.parse import urlencode
from uuid import uuid4

from django import forms
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from articles import credits
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


class PendingUpload:
    """A picture that passed its checks in an upload the form refused for another
    reason, kept in storage so the editor need not pick the file again. The form carries
    it as a token, signed and bound to the editor; the next upload that brings the token
    back uses the picture (or a newly picked one) and removes it. Pictures left behind are
    removed a day later, when someone next keeps one."""

    folder = "pending-uploads"
    salt = "articles.admin.chooser.PendingUpload"
    max_age = timedelta(days=1)

    def __init__(self, name: str, filename: str, token: str):
        self.name = name
        self.filename = filename
        self.token = token
        self._opened = None

    @staticmethod
    def storage():
        return Image._meta.get_field("file").storage

    @classmethod
    def keep(cls, file, *, user) -> "PendingUpload":
        cls.remove_stale()
        file.seek(0)
        name = cls.storage().save(f"{cls.folder}/{uuid4().hex}", file)
        token = signing.dumps(
            {"name": name, "filename": file.name, "user": user.pk}, salt=cls.salt
        )
        return cls(name, file.name, token)

    @classmethod
    def from_token(cls, token: str, *, user) -> "PendingUpload | None":
        try:
            data = signing.loads(token, salt=cls.salt, max_age=cls.max_age)
        except signing.BadSignature:
            return None
        if data["user"] != user.pk or not cls.storage().exists(data["name"]):
            return None
        return cls(data["name"], data["filename"], token)

    @classmethod
    def remove_stale(cls) -> None:
        storage = cls.storage()
        try:
            names = storage.listdir(cls.folder)[1]
        except FileNotFoundError:
            return
        too_old = timezone.now() - cls.max_age
        for name in names:
            path = f"{cls.folder}/{name}"
            if storage.get_modified_time(path) < too_old:
                storage.delete(path)

    def as_upload(self) -> UploadedFile:
        self._opened = self.storage().open(self.name, "rb")
        return UploadedFile(self._opened, name=self.filename, size=self._opened.size)

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()
            self._opened = None

    def discard(self) -> None:
        self.close()
        self.storage().delete(self.name)


def matching_images(filters: ChooserFilterForm):
    images = Image.objects.with_credit_data().order_by("-created_at", "-pk")
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
    upload_form = pending = None
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
        upload_form, pending, image = save_upload(request, form_class)
        if image is not None:
            # Redirect, so reloading the pop-up does not upload the picture again.
            return redirect(
                f"{request.path}?{urlencode({'CKEditorFuncNum': func_num, 'chosen': image.pk})}"
            )

    filters = ChooserFilterForm(request.GET)
    page = Paginator(matching_images(filters), PAGE_SIZE).get_page(parameters["page"])
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
            "pending": pending,
            "chosen": Image.objects.filter(pk=chosen).first() if chosen else None,
        },
    )


def save_upload(request, form_class):
    """Bind the upload form and save the picture if it is valid: (the form, the picture
    kept for the next try, the saved Image)."""
    files = request.FILES.copy()
    pending = PendingUpload.from_token(
        request.POST.get("pending_upload", ""), user=request.user
    )
    if pending and "file" in files:  # the editor picked another file
        pending.discard()
        pending = None
    elif pending:
        files["file"] = pending.as_upload()
    form = form_class(request.POST, files)
    if form.is_valid():
        image = form.save(commit=False)
        image.uploaded_by = request.user
        image.save()
        if pending:
            pending.discard()
        return form, None, image
    if "file" in form.errors:
        if pending:
            pending.discard()
        return form, None, None
    # The file passed its checks (a missing one would be an error): keep it.
    if pending is None:
        pending = PendingUpload.keep(files["file"], user=request.user)
    else:
        pending.close()
    # The kept picture stands in for the file input, which may stay empty now.
    form.fields["file"].required = False
    return form, pending, None
