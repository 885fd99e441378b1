from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from articles.admin import sign_in
from newsroom import media

# 503 with Retry-After while the database is unreachable, else the 500 page.
handler500 = "articles.errors.server_error"

_admin_look = {
    "site_header": admin.site.site_header,
    "site_title": admin.site.site_title,
}

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
    # Password reset by email, for staff, in the admin's look (Django's own views and
    # the admin's templates; the sign-in page links here once this name exists).
    path(
        f"{settings.ADMIN_URL}password_reset/",
        sign_in.PasswordResetView.as_view(extra_context=_admin_look),
        name="admin_password_reset",
    ),
    path(
        f"{settings.ADMIN_URL}password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(extra_context=_admin_look),
        name="password_reset_done",
    ),
    path(
        f"{settings.ADMIN_URL}reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(extra_context=_admin_look),
        name="password_reset_confirm",
    ),
    path(
        f"{settings.ADMIN_URL}reset/done/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=_admin_look),
        name="password_reset_complete",
    ),
    # Passkeys' sign-in and registration calls (django-otp-webauthn).
    path(
        f"{settings.ADMIN_URL}passkeys/",
        include("django_otp_webauthn.urls", namespace="otp_webauthn"),
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media.serve),
    path("", include("articles.urls")),
]
