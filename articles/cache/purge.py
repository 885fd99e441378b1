"""Purging HTTP caches in front of the site (Varnish, a CDN) by cache tag.

`purge(tags)` is called once the change that makes pages stale has been committed. It
hands the tags to a task: with the production task backend (django_tasks_db, run by
`manage.py db_worker`) a slow or unreachable cache never holds up the editor's save, at
the cost of the worker's polling delay; the default ImmediateBackend purges at once.

The task asks every backend in NEWSROOM_PURGE_BACKENDS (a list of {"BACKEND": dotted
path, "OPTIONS": keyword arguments}, like CACHES) to purge. A backend that fails is
logged, with the tags it could not purge, and the others still run: the pages it keeps
stay stale until their `s-maxage` runs out.
"""

import http.client
import logging
import textwrap
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.tasks import task
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class PurgeError(Exception):
    pass


class PurgeBackend:
    """One HTTP cache (a Varnish server, a CDN service) that can drop the responses
    carrying any of some cache tags. A subclass takes its OPTIONS as keyword arguments
    and raises when a purge fails."""

    def purge(self, tags: list[str]) -> None:
        raise NotImplementedError


class VarnishBackend(PurgeBackend):
    """A Varnish server running deploy/varnish/newsroom.vcl (the xkey vmod), sent
    `PURGE` requests naming the tags in an `xkey-purge` header, as many tags to a
    request as the header may hold. `soft=True` sends `xkey-softpurge`: the pages
    are marked stale instead of dropped, so their next readers get the old copy while
    Varnish fetches the new one."""

    # Varnish refuses a request header longer than its http_req_hdr_len (8 KiB by default).
    MAX_HEADER_LENGTH = 4000

    def __init__(self, *, url: str, timeout: float = 2.0, soft: bool = False):
        self.url = url
        self.timeout = timeout
        self.header = "xkey-softpurge" if soft else "xkey-purge"

    def __str__(self):
        return f"Varnish at {self.url}"

    def purge(self, tags):
        address = urlsplit(self.url)
        connection_class = (
            http.client.HTTPSConnection
            if address.scheme == "https"
            else http.client.HTTPConnection
        )
        # http.client rather than urllib, which would send this through any HTTP_PROXY.
        connection = connection_class(address.netloc, timeout=self.timeout)
        # Tags hold no spaces, so wrapping the list as text cuts it between tags.
        batches = textwrap.wrap(
            " ".join(tags),
            self.MAX_HEADER_LENGTH,
            break_long_words=False,
            break_on_hyphens=False,
        )
        try:
            for batch in batches:
                connection.request(
                    "PURGE", address.path or "/", headers={self.header: batch}
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise PurgeError(f"{response.status} {response.reason}")
        finally:
            connection.close()


def backends() -> list[PurgeBackend]:
    return [
        import_string(config["BACKEND"])(**config.get("OPTIONS", {}))
        for config in settings.NEWSROOM_PURGE_BACKENDS
    ]


def purge(tags: Iterable[str]) -> None:
    """Ask every configured HTTP cache to drop the responses carrying any of `tags`.
    Called after the change that makes them stale has been committed."""
    if settings.NEWSROOM_PURGE_BACKENDS and (tags := sorted(set(tags))):
        purge_tags.enqueue(tags)


@task
def purge_tags(tags: list[str]) -> None:
    for backend in backends():
        try:
            backend.purge(tags)
        except Exception:
            # Never fail the task halfway: the other caches still need their purge.
            logger.exception(
                "%s could not purge %d cache tags: %s",
                backend,
                len(tags),
                " ".join(tags),
            )
