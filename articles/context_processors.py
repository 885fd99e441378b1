from django.conf import settings

from articles.models import Section


def site(request):
    # Lazy: only pages that show the section navigation run the query.
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "nav_sections": Section.objects.all(),
    }
