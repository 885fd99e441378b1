"""The editors' admin site: Django's, with a "view on site" redirect that reveals nothing,
and the pages of two-factor sign-in (articles.admin.two_factor)."""

from functools import partial

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.urls import path


class NewsroomAdminSite(admin.AdminSite):
    site_header = f"{settings.NEWSROOM_SITE_NAME} editorial"
    site_title = settings.NEWSROOM_SITE_NAME

    def get_urls(self):
        from articles.admin import two_factor

        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        two_factor_pages = [
            path(
                route,
                self.admin_view(partial(view, self)),
                name=f"two_factor_{name}",
            )
            for route, view, name in (
                ("two-factor/", two_factor.verify, "verify"),
                ("two-factor/setup/", two_factor.setup, "setup"),
                (
                    "two-factor/recovery-codes/",
                    two_factor.recovery_codes,
                    "recovery_codes",
                ),
            )
        ]
        return [
            view_on_site,
            *two_factor_pages,
            *(
                url
                for url in super().get_urls()
                if getattr(url, "name", None) != "view_on_site"
            ),
        ]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's redirect to an object's public page, only where its admin would show a
        "View on site" link: a draft's address would give its headline away, and any
        staff user can try every id."""
        try:
            content_type = ContentType.objects.get_for_id(content_type_id)
            model_admin = self.get_model_admin(content_type.model_class())
            obj = content_type.get_object_for_this_type(pk=object_id)
        except (
            ObjectDoesNotExist,
            NotRegistered,
            ValueError,
            ValidationError,
        ) as error:
            raise Http404 from error
        if not (
            model_admin.has_view_or_change_permission(request, obj)
            and model_admin.get_view_on_site_url(obj)
        ):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)
