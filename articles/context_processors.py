from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import navigation


def site(request):
    # Lazy: only pages that show the section navigation look for the sections.
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "nav_sections": SimpleLazyObject(navigation.sections),
    }
