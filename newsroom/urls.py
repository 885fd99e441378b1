from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from newsroom import media

# 503 with Retry-After while the database is unreachable, else the 500 page.
handler500 = "articles.errors.server_error"

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's, for one).
    # The icon's hashed name is looked up when asked: URLs load before static files
    # are collected (`manage.py migrate` checks them).
    path(
        "favicon.ico",
        RedirectView.as_view(
            url=lazy(static_url, str)("articles/favicon.svg"), permanent=True
        ),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media.serve),
    path("", include("articles.urls")),
]
