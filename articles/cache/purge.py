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
from collections.abc import Iterable, Sequence
from itertools import batched
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


class HTTPPurgeBackend(PurgeBackend):
    """A cache purged by HTTP requests to one address, each naming a batch of tags in
    a header, over one connection. Subclasses say how: the method, the path, the
    batches and the headers."""

    method = "PURGE"

    def __init__(self, *, url: str, timeout: float = 2.0):
        self.url = url
        self.timeout = timeout

    def path(self) -> str:
        return urlsplit(self.url).path or "/"

    def batches(self, tags: list[str]) -> Iterable[Sequence[str]]:
        raise NotImplementedError

    def headers(self, batch: Sequence[str]) -> dict[str, str]:
        raise NotImplementedError

    def purge(self, tags):
        address = urlsplit(self.url)
        connection_class = (
            http.client.HTTPSConnection
            if address.scheme == "https"
            else http.client.HTTPConnection
        )
        # http.client rather than urllib, which would send this through any HTTP_PROXY.
        connection = connection_class(address.netloc, timeout=self.timeout)
        try:
            for batch in self.batches(tags):
                connection.request(
                    self.method, self.path(), headers=self.headers(batch)
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise PurgeError(f"{response.status} {response.reason}")
        finally:
            connection.close()


class VarnishBackend(HTTPPurgeBackend):
    """A Varnish server running deploy/varnish/newsroom.vcl (the xkey vmod), sent
    `PURGE` requests naming the tags in an `xkey-purge` header, as many tags to a
    request as the header may hold. `soft=True` sends `xkey-softpurge`: the pages
    are marked stale instead of dropped, so their next readers get the old copy while
    Varnish fetches the new one."""

    # Varnish refuses a request header longer than its http_req_hdr_len (8 KiB by default).
    MAX_HEADER_LENGTH = 4000

    def __init__(self, *, soft: bool = False, **options):
        super().__init__(**options)
        self.header = "xkey-softpurge" if soft else "xkey-purge"

    def __str__(self):
        return f"Varnish at {self.url}"

    def batches(self, tags):
        # Tags hold no spaces, so wrapping the list as text cuts it between tags.
        lines = textwrap.wrap(
            " ".join(tags),
            self.MAX_HEADER_LENGTH,
            break_long_words=False,
            break_on_hyphens=False,
        )
        return [line.split(" ") for line in lines]

    def headers(self, batch):
        return {self.header: " ".join(batch)}


class FastlyBackend(HTTPPurgeBackend):
    """A Fastly service, which keeps the tags of the `Surrogate-Key` response header:
    its purge API takes up to 256 of them a request. `soft=True` marks the pages stale
    instead of dropping them."""

    method = "POST"
    MAX_KEYS = 256

    def __init__(
        self,
        *,
        service_id: str,
        token: str,
        soft: bool = False,
        url: str = "https://api.fastly.com",
        **options,
    ):
        super().__init__(url=url, **options)
        self.service_id = service_id
        self.token = token
        self.soft = soft

    def __str__(self):
        return f"Fastly service {self.service_id}"

    def path(self):
        return f"/service/{self.service_id}/purge"

    def batches(self, tags):
        return batched(tags, self.MAX_KEYS)

    def headers(self, batch):
        headers = {"Fastly-Key": self.token, "Surrogate-Key": " ".join(batch)}
        if self.soft:
            headers["Fastly-Soft-Purge"] = "1"
        return headers


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
