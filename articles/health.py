"""`/healthz`: whether this app server can do its work, for load balancers and
monitoring. It asks the database, the cache and the media storage one cheap question
each, and says which failed rather than raising: a failing dependency must not turn
into a traceback page or a login redirect.

A failing database or storage is a 503 ("failing"): the server cannot do its work. A
failing cache is a 200 ("degraded"): pages are then made for every request, slower but
right, and every app server shares the one Redis, so a 503 would have the load
balancer take them all out of service at once."""

import logging
from secrets import token_hex

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    # A key of its own, so concurrent checks on several servers never see each other's.
    key, value = f"healthz:{token_hex(8)}", token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not keep a value")
    finally:
        cache.delete(key)


def _storage() -> None:
    # Where renditions are written: reachable and answering (a stat locally, a HEAD
    # request on object storage). Whether the file exists does not matter.
    default_storage.exists("healthz")


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}
DEGRADES = {"cache"}  # what the site works without
SEVERITY = ["ok", "degraded", "failing"]


@require_safe
@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure is an answer here, not an error page
            if name in DEGRADES:
                logger.warning("Health check of the %s failed: %r", name, error)
                results[name] = "degraded"
            else:
                logger.exception("Health check of the %s failed", name)
                results[name] = "failing"
        else:
            results[name] = "ok"
    status = max(results.values(), key=SEVERITY.index)
    return JsonResponse(
        {"status": status, **results}, status=503 if status == "failing" else 200
    )
