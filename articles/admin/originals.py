"""The uploaded original of a picture, for staff who may view images.

Originals have no public address (see `articles.storage`); this view is the only way to
them. The response is private to the browser, and sandboxed: whatever else a file
might also parse as, the browser treats it as a picture and runs nothing.
"""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from articles.models import Image


def original(request, object_id, *, model_admin):
    if not object_id.isascii() or not object_id.isdigit():
        raise Http404
    image = get_object_or_404(Image, pk=object_id)
    if not model_admin.has_view_permission(request, image):
        raise PermissionDenied
    if not image.file:
        raise Http404
    try:
        content = image.file.storage.open(image.file.name, "rb")
    except FileNotFoundError:
        raise Http404("The original file is missing from storage.") from None
    content_type, _ = mimetypes.guess_type(image.file.name)
    response = FileResponse(
        content,
        content_type=content_type or "application/octet-stream",
        filename=image.original_filename or image.file.name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "private, max-age=0"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
