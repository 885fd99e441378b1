"""The address a request came from, for sign-in throttling (django-axes) and the audit
log: the connection's own, or behind the load balancer (DJANGO_BEHIND_TLS_PROXY) the
one it saw, which it adds last to X-Forwarded-For. Entries before that are whatever the
client wrote there, and are never read."""

from django.conf import settings


def client_address(request) -> str | None:
    if settings.NEWSROOM_BEHIND_PROXY:
        added_by_proxy = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1]
        if added_by_proxy.strip():
            return added_by_proxy.strip()
    return request.META.get("REMOTE_ADDR") or None
