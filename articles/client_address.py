"""The address a request came from, for sign-in throttling (django-axes) and the audit
log: the connection's own, or behind proxies (DJANGO_BEHIND_TLS_PROXY) the one the
outermost proxy saw. Each proxy adds the address it saw to the end of X-Forwarded-For,
so with DJANGO_PROXY_COUNT proxies (a load balancer, then Varnish: 2) it is that many
entries from the end. Entries before it are whatever the client wrote there, and are
never read."""

from django.conf import settings


def client_address(request) -> str | None:
    if settings.NEWSROOM_BEHIND_PROXY:
        entries = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        seen = entries[-settings.NEWSROOM_PROXY_COUNT :]
        if seen and seen[0]:
            return seen[0]
    return request.META.get("REMOTE_ADDR") or None
