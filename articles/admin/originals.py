"""The uploaded original of a picture, for staff who may view images.

Originals have no public address (see `articles.storage`); this view is the only way to
them. A local file is streamed, private to the browser and sandboxed: whatever else a
file might also parse as, the browser treats it as a picture and runs nothing. On
object storage, the view redirects to an address signed for a few minutes, on the
storage's own origin, so nothing in the file can reach the site.
"""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers

from articles.models import Image


def original(request, object_id, *, model_admin):
    if not object_id.isascii() or not object_id.isdigit():
        raise Http404
    image = get_object_or_404(Image, pk=object_id)
    if not model_admin.has_view_permission(request, image):
        raise PermissionDenied
    if not image.file:
        raise Http404
    storage, name = image.file.storage, image.file.name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    filename = image.original_filename or name.rsplit("/", 1)[-1]
    if url := storage.download_url(name, filename=filename, content_type=content_type):
        response = HttpResponseRedirect(url)
        add_never_cache_headers(response)  # the signature expires
        return response
    try:
        content = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("The original file is missing from storage.") from None
    response = FileResponse(content, content_type=content_type, filename=filename)
    response["Cache-Control"] = "private, max-age=0"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
