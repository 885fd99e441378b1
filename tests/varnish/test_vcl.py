"""What deploy/varnish/newsroom.vcl caches, passes and purges, in front of the views
below (this module is the URLconf): each page answers with the cache tags and the
Cache-Control it is asked for, and counts how often the app rendered it."""

import time
from collections import Counter

import pytest
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from articles.cache.pages import TRACKING_PARAMETERS
from articles.cache.purge import purge

renders = Counter()
failing = set()


@csrf_exempt
def page(request, name):
    if name in failing:
        return HttpResponse("The app is down", status=500)
    renders[name] += 1
    response = HttpResponse(f"{name}, render {renders[name]}")
    response["Cache-Control"] = request.GET.get(
        "cache", "public, max-age=60, s-maxage=600"
    )
    response["xkey"] = response["Surrogate-Key"] = request.GET.get("tags", "")
    return response


def uncached_page(request, name):
    """A page that says nothing about caching."""
    renders[name] += 1
    return HttpResponse(f"{name}, render {renders[name]}")


urlpatterns = [
    path("page/<slug:name>/", page),
    path("admin/<slug:name>/", page),
    path("preview/<slug:name>/", page),
    path("plain/<slug:name>/", uncached_page),
]

pytestmark = pytest.mark.usefixtures("transactional_db")


@pytest.fixture(autouse=True)
def _pages(settings):
    settings.ROOT_URLCONF = __name__
    renders.clear()
    failing.clear()


def test_public_page_is_rendered_once_then_served_from_varnish(varnish):
    first = varnish.get("/page/story/")
    second = varnish.get("/page/story/")

    assert (first.cache, first.text) == ("MISS", "story, render 1")
    assert (second.cache, second.text) == ("HIT", "story, render 1")
    assert renders["story"] == 1


def test_purge_drops_exactly_the_pages_carrying_a_purged_tag(varnish):
    pages = {
        "/page/front/?tags=home+article-1+article-2": "MISS",
        "/page/one/?tags=article-1+section-1": "MISS",
        "/page/two/?tags=article-2": "HIT",
        "/page/other/?tags=article-10": "HIT",
    }
    for url in pages:
        varnish.get(url)

    purge(["article-1", "no-such-tag"])

    assert {url: varnish.get(url).cache for url in pages} == pages


def test_purge_answers_how_many_pages_were_dropped(varnish):
    # Tags no other test uses: pages banned between tests still count until evicted.
    varnish.get("/page/one/?tags=counted-1")
    varnish.get("/page/two/?tags=counted-2")
    varnish.get("/page/three/?tags=counted-3")

    answer = varnish.request(
        "PURGE", "/", {"xkey-purge": "counted-1 counted-2 counted-4"}
    )

    assert (answer.status, answer.reason) == (200, "Purged 2 objects")


def test_soft_purge_serves_the_old_copy_once_while_fetching_the_new(varnish):
    url = "/page/story/?tags=article-1&cache=public,s-maxage=600,stale-while-revalidate=60"
    varnish.get(url)

    varnish.request("PURGE", "/", {"xkey-softpurge": "article-1"})

    stale = varnish.get(url)
    assert (stale.cache, stale.text) == ("HIT-STALE", "story, render 1")
    assert _soon(lambda: varnish.get(url).text, "story, render 2") == "story, render 2"


def test_purge_from_outside_the_acl_is_refused(varnish):
    varnish.get("/page/story/?tags=article-1")

    # Varnish sees 127.0.0.2, which is not among the VCL's purgers.
    answer = varnish.request(
        "PURGE", "/", {"xkey-purge": "article-1"}, source="127.0.0.2"
    )

    assert answer.status == 403
    assert varnish.get("/page/story/?tags=article-1").cache == "HIT"


def test_purge_without_tags_is_refused(varnish):
    assert varnish.request("PURGE", "/").status == 400


def test_readers_do_not_see_the_cache_tags(varnish):
    for response in (varnish.get("/page/story/?tags=article-1"),) * 2:
        assert "xkey" not in response.headers
        assert "Surrogate-Key" not in response.headers


@pytest.mark.parametrize(
    ("method", "url", "headers"),
    [
        ("GET", "/page/story/", {"Cookie": "csrftoken=abc; sessionid=signed-in"}),
        ("GET", "/admin/story/", {}),
        ("GET", "/preview/story/", {}),
        ("POST", "/page/story/", {"Content-Length": "0"}),
        ("GET", "/page/story/", {"Authorization": "Basic dXNlcjpwYXNz"}),
    ],
    ids=["signed-in", "admin", "preview", "post", "authorization"],
)
def test_request_that_must_be_fresh_goes_to_the_app(varnish, method, url, headers):
    answers = [varnish.request(method, url, headers) for _ in range(2)]

    assert [answer.cache for answer in answers] == ["PASS", "PASS"]
    assert renders["story"] == 2


def test_readers_cookies_do_not_split_the_cache(varnish):
    varnish.get("/page/story/")

    response = varnish.get("/page/story/", Cookie="csrftoken=abc; _ga=GA1.2.3")

    assert (response.cache, response.text) == ("HIT", "story, render 1")


def test_tracking_parameters_do_not_split_the_cache(varnish):
    varnish.get("/page/story/?page=2")
    # Every parameter the page cache ignores, each with a value of its own.
    tracking = "&".join(
        f"{name}={number}"
        for number, name in enumerate(sorted(TRACKING_PARAMETERS | {"utm_source"}))
    )

    for url in [f"/page/story/?{tracking}&page=2", f"/page/story/?page=2&{tracking}"]:
        response = varnish.get(url)
        assert (response.cache, response.text) == ("HIT", "story, render 1")
    assert varnish.get(f"/page/story/?{tracking}").cache == "MISS"


@pytest.mark.parametrize(
    "url",
    ["/plain/story/", "/page/story/?cache=private,max-age=60"],
    ids=["no cache-control", "private"],
)
def test_response_the_app_does_not_mark_public_is_not_cached(varnish, url):
    answers = [varnish.get(url) for _ in range(2)]

    assert [answer.cache for answer in answers] == ["MISS", "MISS"]
    assert renders["story"] == 2


def test_expired_page_is_served_stale_while_refreshed_even_if_the_app_fails(varnish):
    url = "/page/story/?cache=public,s-maxage=1,stale-while-revalidate=60"
    varnish.get(url)
    time.sleep(1.5)  # s-maxage runs out
    failing.add("story")

    stale = []
    for _ in range(10):
        stale.append(varnish.get(url))
        time.sleep(0.05)  # for the background fetch it started to fail

    assert [(answer.cache, answer.text) for answer in stale] == [
        ("HIT-STALE", "story, render 1")
    ] * 10
    failing.clear()
    assert _soon(lambda: varnish.get(url).text, "story, render 2") == "story, render 2"


def _soon(read, expected, within=10):
    """What `read` returns once it is `expected`, or at the deadline: Varnish fetches
    a fresh copy of a stale page in the background, after answering."""
    deadline = time.monotonic() + within
    while (value := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return value
