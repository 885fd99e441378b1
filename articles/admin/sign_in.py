"""Staff sign-in: what a sign-in locked out by django-axes gets, in the admin's look,
and password reset links that name the site's own address."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """429 with what happened, when to try again, and who can unlock it sooner."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "admin/locked_out.html",
        {
            **admin.site.each_context(request),
            "title": "Too many failed sign-ins",
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": minutes,
        },
        status=429,
    )


class SiteAddressResetForm(PasswordResetForm):
    """Reset links on NEWSROOM_SITE_URL's address, never on a host a request names."""

    def save(self, **options):
        site = urlsplit(settings.NEWSROOM_SITE_URL)
        if site.netloc:
            options |= {
                "domain_override": site.netloc,
                "use_https": site.scheme == "https",
            }
        return super().save(**options)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = SiteAddressResetForm
