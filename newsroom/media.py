"""Renditions from MEDIA_ROOT, served by the app itself when NEWSROOM_SERVE_MEDIA is on:
`make run`, or `make serve` on a single machine. In production a web server or object
storage serves them, without a Python process per picture (README, "Serving in
production")."""

from django.conf import settings
from django.http import Http404
from django.views import static


def serve(request, path):
    if not settings.NEWSROOM_SERVE_MEDIA:
        raise Http404
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={settings.NEWSROOM_MEDIA_MAX_AGE}"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"  # feed readers show them
    return response
