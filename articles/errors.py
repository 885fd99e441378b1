"""What readers get when a request fails (the site's `handler500`).

While the database cannot be reached (restarting, failing over, a cut network, a full
connection pool), every request fails the same way, wherever the error is raised: in a
view, in a middleware (sessions), or in the health check of a kept-open connection
(`CONN_HEALTH_CHECKS`), since Django turns each of those into a call of this handler.
Readers then get a short "temporarily unavailable" page with 503 and `Retry-After`, so
load balancers, caches and crawlers retry instead of recording a broken page; the error
and its traceback still go to the log. Any other error is the 500 page.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers

# A database restart or failover takes seconds: worth asking again soon.
RETRY_AFTER_SECONDS = 10
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)


def server_error(request):
    # Django calls this while handling the exception (under WSGI), so it is at hand.
    if not isinstance(sys.exception(), DATABASE_UNREACHABLE):
        # Django's 500 view renders without the request, so without the site's name.
        return HttpResponseServerError(
            loader.render_to_string(
                "500.html", {"site_name": settings.NEWSROOM_SITE_NAME}
            )
        )
    # Rendered without the request: its context processors would ask the database
    # (the section navigation).
    content = loader.render_to_string(
        "503.html", {"site_name": settings.NEWSROOM_SITE_NAME}
    )
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
