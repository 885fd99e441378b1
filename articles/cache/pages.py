"""The page cache: public responses stored whole in Django's cache (CACHES["default"]:
local memory, or Redis with CACHE_URL), answered by a middleware at the top of
MIDDLEWARE, before sessions, CSRF and authentication run, without a query.

What is stored: the 200 responses views mark with `articles.cache.tags.mark()`, to
readers (a request carrying the session cookie is staff, and bypasses the cache), by
scheme, host, path and query string (less tracking parameters such as utm_*), for
NEWSROOM_PAGE_CACHE_SECONDS (0: off), capped at the next scheduled change of the site
(articles.cache.schedule). Stored responses already carry every header the middleware
below would add, so a hit is the same bytes and headers as the render it keeps.

How it stays exact. `bump(tags)` (called by articles.cache.invalidation at each write,
and again once the write is committed) sets a new random token on each tag and on a
site-wide generation, generation first. A render reads the generation before it starts;
afterwards it reads its tags' tokens, then the generation again, and stores the page
with those tokens only if the generation has not moved. So a token the page holds was
set before the render started, by a write already committed then; any later write to
one of its tags changes that token. A hit fetches the page and the generation in one
get_many; while the generation is the page's own, nothing changed anywhere and the page
is served at once, otherwise its tokens are compared with one more get_many.

When a hot page is missing or stale, one request renders it (a lock taken with
`cache.add`); the others meanwhile get the stale copy, or wait for the new one.
"""

import hashlib
import logging
import secrets
import time
from collections.abc import Iterable
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from articles.cache import schedule
from articles.cache.failures import without_failing

logger = logging.getLogger(__name__)

GENERATION = "pagecache:generation"
NEXT_CHANGE = "pagecache:next-change"
# Browsers are never purged: they keep a page a minute, then ask again (a 304 when it
# has not changed). Shared caches are purged by tag, so they keep it as long as we do.
BROWSER_SECONDS = 60
STALE_SECONDS = 30
LOCK_SECONDS = 10  # the longest a render may hold the lock, and others wait for it
WAIT_STEP = 0.02
# Query parameters that only say where a reader came from: no view reads them, and a
# story shared on social media would otherwise be a new page at every click.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid"}
    | {"twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"}
)


def _tag_key(tag: str) -> str:
    return f"pagecache:tag:{tag}"


def tag_version(tag: str) -> str:
    """The version `tag` is at, which bump() changes. A tag never bumped, or dropped
    from the cache, gets one now, so that a copy read under none is never mistaken
    for current. Cache errors are raised."""
    cache, key = caches["default"], _tag_key(tag)
    version = cache.get(key)
    if version is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        version = cache.get(key)
    return version


def bump(tags: Iterable[str]) -> None:
    """Make every stored page showing any of `tags` stale."""
    token = secrets.token_hex(8)
    # The generation first: the local-memory cache writes these one at a time, and a
    # render must never see a new tag token without the generation having moved.
    _Cache().set_many(
        {GENERATION: token} | {_tag_key(tag): token for tag in tags}, timeout=None
    )


class _Cache:
    """CACHES["default"], where a failure (Redis unreachable) is logged and answered
    as a miss: pages are then made for every request, but made, and an editor's save
    goes through. Pages stored before a failed refresh last until they expire."""

    def __init__(self):
        self.cache = caches["default"]

    def __getattr__(self, name):
        method = getattr(self.cache, name)

        def call(*args, **kwargs):
            return without_failing(
                lambda: method(*args, **kwargs),
                default=FAILED.get(name),
                what=f"The page cache ({name})",
            )

        return call


# What a failed call answers: nothing found, and the lock held (so the page is made).
FAILED = {"get_many": {}, "add": True}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if _has_session(request):
            return _private(self.get_response(request))
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        if seconds <= 0:
            return self._uncached(request)
        try:
            key, address = _key(request)
        except DisallowedHost:
            return self.get_response(request)  # answered by CommonMiddleware
        cache = _Cache()
        found = cache.get_many([key, GENERATION])
        entry, generation = found.get(key), found.get(GENERATION)
        if entry is not None and _fresh(cache, entry, generation):
            return _hit(request, entry)
        unshared = _unshared_key(address)
        if entry is None and cache.get(unshared):
            return self._uncached(request)

        lock = f"{key}:lock"
        if cache.add(lock, True, LOCK_SECONDS):
            try:
                return self._render(
                    request, cache, (key, unshared), generation, entry, seconds
                )
            finally:
                cache.delete(lock)
        if entry is not None:
            return _hit(request, entry)  # the stale copy, while another renders
        waited, generation = _wait(cache, key, lock)
        if waited is not None:
            return _hit(request, waited)
        # The render holding the lock stored nothing, or took too long.
        return self._render(request, cache, (key, unshared), generation, None, seconds)

    def _uncached(self, request):
        response = self.get_response(request)
        if not _shareable(response):
            return response
        _publish(response, lifetime=0, last_modified=None)
        return _conditional(request, response)

    def _render(self, request, cache, keys, generation, previous, seconds):
        """Make the page, and store it under `keys` (the page's, its path's) if it is
        shareable and nothing changed meanwhile; `previous`: the stale copy."""
        key, unshared = keys
        if generation is None:  # never set, or evicted
            cache.add(GENERATION, secrets.token_hex(8), timeout=None)
            generation = cache.get(GENERATION)
        started = time.time()
        response = self.get_response(request)
        if not _shareable(response):
            if response.status_code == 200 and not hasattr(response, "cache_tags"):
                # A path whose answers are not shareable (search, previews): later
                # requests for it, whatever their query, skip the lock.
                cache.set(unshared, True, seconds)
            return response

        tag_keys = [_tag_key(tag) for tag in sorted(response.cache_tags)]
        # Tag tokens before the generation: see bump().
        found = cache.get_many([*tag_keys, GENERATION, NEXT_CHANGE])
        unchanged = found.get(GENERATION) == generation
        lifetime = _lifetime(cache, found, seconds, started, response.cache_until)
        versions = {tag_key: found.get(tag_key) for tag_key in tag_keys}
        for tag_key, version in versions.items():
            if version is None:
                # A tag never changed yet (or evicted) gets its first token; if a
                # change got there first, this page may predate it.
                versions[tag_key] = secrets.token_hex(8)
                unchanged &= cache.add(tag_key, versions[tag_key], timeout=None)
        if not unchanged:
            # Something changed while this page was made: serve it, keep it nowhere.
            _publish(response, lifetime=0, last_modified=None)
            return _conditional(request, response)
        # Last-Modified is when this copy was made. Two copies made within one second
        # would share it, and a reader holding the first would get a 304 for the second.
        same_second = previous is not None and int(previous[2]) == int(started)
        _publish(
            response,
            lifetime=lifetime,
            last_modified=None if same_second or not lifetime else int(started),
        )
        if lifetime:
            cache.set(
                key,
                (generation, versions, started, started + lifetime, response),
                lifetime,
            )
        return _conditional(request, response)


def _has_session(request) -> bool:
    # Readers never get a session on this site: a session cookie means staff.
    return bool(request.META.get("HTTP_COOKIE")) and (
        settings.SESSION_COOKIE_NAME in request.COOKIES
    )


def _key(request) -> tuple[str, str]:
    """The stored page's key, and the address (without the query) it is under."""
    query = ""
    if request.META.get("QUERY_STRING"):
        query = urlencode(
            sorted(
                (name, values)
                for name, values in request.GET.lists()
                if name not in TRACKING_PARAMETERS and not name.startswith("utm_")
            ),
            doseq=True,
        )
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    return _hashed("pagecache:page:", f"{address}?{query}"), address


def _unshared_key(address: str) -> str:
    return _hashed("pagecache:unshared:", address)


def _hashed(prefix: str, text: str) -> str:
    # Addresses can be long and hold any character; cache keys had better not.
    return prefix + hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _fresh(cache, entry, generation) -> bool:
    stored_generation, versions, _stored_at, expires_at, _response = entry
    if time.time() >= expires_at:
        # The cache's own expiry may not follow this clock (Redis keeps its own).
        return False
    if generation is not None and generation == stored_generation:
        return True
    current = cache.get_many(list(versions))
    return all(current.get(key) == version for key, version in versions.items())


def _wait(cache, key, lock):
    """Wait for the render holding `lock` to store `key`: (its entry, or None if it
    stored nothing in time; the generation to render with)."""
    deadline = time.monotonic() + LOCK_SECONDS
    generation = None
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
        found = cache.get_many([key, lock, GENERATION])
        entry, generation = found.get(key), found.get(GENERATION)
        if entry is not None and _fresh(cache, entry, generation):
            return entry, generation
        if lock not in found:
            break
    return None, generation


def _hit(request, entry):
    response = entry[4]
    # Shared caches in front count this against s-maxage, browsers against max-age.
    response.headers["Age"] = str(max(0, int(time.time() - entry[2])))
    return _conditional(request, response)


def _lifetime(cache, found, seconds, now, until) -> int:
    """Seconds a page made at `now` may be kept: NEWSROOM_PAGE_CACHE_SECONDS, but no
    later than the site's next scheduled change or the page's own `until`."""
    generation = found.get(GENERATION)
    memo = found.get(NEXT_CHANGE)
    # Worked out again after any change (a new generation) and once it has passed.
    if memo is None or memo[0] != generation or (memo[1] and memo[1] <= now):
        moment = schedule.next_change()
        memo = (generation, moment and moment.timestamp())
        cache.set(NEXT_CHANGE, memo, timeout=None)
    ends = [end for end in (memo[1], until and until.timestamp()) if end]
    return max(0, int(min([seconds, *(end - now for end in ends)])))


def _shareable(response) -> bool:
    if getattr(response, "cache_tags", None) is None:
        return False
    if response.status_code != 200 or response.streaming:
        del response.cache_tags
        return False
    if response.cookies or response.has_header("Vary"):
        # A public page that touched the session or set a cookie: a bug to fix at its
        # root. Meanwhile it is nobody's to share.
        logger.warning("%s sets a cookie or varies: not cached", response)
        _private(response)
        return False
    return True


def _publish(response, *, lifetime: int, last_modified: int | None) -> None:
    """Give a shareable response its cache tags, validators and lifetime."""
    tags = " ".join(sorted(response.cache_tags))
    del response.cache_tags, response.cache_until
    if tags:
        response.headers["Surrogate-Key"] = response.headers["xkey"] = tags
    if not response.has_header("ETag"):
        set_response_etag(response)
    if lifetime:
        response.headers["Cache-Control"] = (
            f"public, max-age={min(lifetime, BROWSER_SECONDS)}, s-maxage={lifetime}, "
            f"stale-while-revalidate={STALE_SECONDS}"
        )
    else:
        response.headers["Cache-Control"] = "public, no-cache"
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified)


def _private(response):
    if hasattr(response, "cache_tags"):
        del response.cache_tags, response.cache_until
        response.headers["Cache-Control"] = "private, no-cache"
    return response


def _conditional(request, response):
    """A 304 for a reader whose copy is current (If-None-Match, If-Modified-Since)."""
    meta = request.META
    if "HTTP_IF_NONE_MATCH" not in meta and "HTTP_IF_MODIFIED_SINCE" not in meta:
        return response
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
