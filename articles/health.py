"""`/healthz`: whether this app server can do its work, for load balancers and
monitoring. It asks the database, the cache and the media storage one cheap question
each, and says which failed (503) rather than raising: a failing dependency must not
turn into a traceback page or a login redirect."""

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


@require_safe
@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure is an answer here, not an error page
            logger.exception("Health check of the %s failed", name)
            results[name] = "failing"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", **results},
        status=200 if healthy else 503,
    )
