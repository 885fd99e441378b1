from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView

# 503 with Retry-After while the database is unreachable, else the 500 page.
handler500 = "articles.errors.server_error"

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's, for one).
    path(
        "favicon.ico",
        RedirectView.as_view(url=static_url("articles/favicon.svg"), permanent=True),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
    path("", include("articles.urls")),
]
