"""The page cache (articles.cache): readers' pages, feeds and sitemaps are stored whole
and answered without a query; every change refreshes exactly the pages that show it;
scheduled stories and expiring pictures appear and go on time; staff see fresh pages;
conditional GETs answer 304; a stampede renders once."""

import os
import re
import threading
import uuid
from datetime import datetime, time, timedelta
from io import StringIO

import pytest
import redis
import time_machine
from django.core.cache import caches
from django.core.checks.registry import registry
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date
from pytest_django.asserts import assertContains, assertNotContains

from articles import views
from articles.cache import invalidation, pages, tags
from articles.checks import page_cache_is_shared
from articles.models import (
    Article,
    Byline,
    Correction,
    FrontPagePin,
    Tag,
    TaggedArticle,
)
from tests.helpers import figure

REDIS = "redis://127.0.0.1:6379/0"
IGNORED_HEADERS = {"Age", "Date"}  # the only headers a stored copy may answer anew


def render_count(client, path) -> int:
    """How many queries answering `path` took: 0 when the page cache answered."""
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def stored(client, path) -> bool:
    return render_count(client, path) == 0


def warm(client, paths):
    """Request the pages until the page cache answers them all: the first request of
    a page may make renditions, which refreshes the pages showing the picture."""
    for _ in range(3):
        answered = [stored(client, path) for path in paths]  # every page each round
        if all(answered):
            return
    pytest.fail(f"{paths} are never all stored")


@pytest.fixture
def site(
    make_section,
    make_article,
    make_author,
    make_image,
    make_photographer,
    make_agency,
):
    """Two sections. In World, a story by Jane tagged Harbour with a credited featured
    picture and another picture in its body, and an older story sharing its tag (each
    is in the other's "More from"). In Sport, a story sharing nothing with them."""
    world = make_section(name="World", slug="world")
    sport = make_section(name="Sport", slug="sport")
    agency = make_agency("AP Images")
    photographer = make_photographer("Hassan Ammar", agency=agency)
    picture = make_image(photographer=photographer, caption="Boats at dawn.")
    inline = make_image(agency=agency, alt_text="A trawler unloads")
    jane, sam = make_author("Jane Reporter"), make_author("Sam Sport")
    story = make_article(
        headline="Harbour reopens",
        section=world,
        featured_image=picture,
        body="<p>Boats are back.</p>" + figure(inline, "The first catch"),
        authors=[jane],
        tags=["Harbour"],
    )
    sibling = make_article(
        headline="Fishing fleet returns",
        section=world,
        tags=["Harbour"],
        published_at=timezone.now() - timedelta(hours=2),
    )
    other = make_article(
        headline="Cup final tonight",
        section=sport,
        authors=[sam],
        tags=["Football"],
        published_at=timezone.now() - timedelta(hours=3),
    )
    rows = {
        "world": world,
        "sport": sport,
        "agency": agency,
        "photographer": photographer,
        "picture": picture,
        "inline": inline,
        "jane": jane,
        "sam": sam,
        "story": story,
        "sibling": sibling,
        "other": other,
        "harbour": Tag.objects.get(name="Harbour"),
    }
    rows["paths"] = {
        "home": "/",
        "world": "/world/",
        "sport": "/sport/",
        "story": story.get_absolute_url(),
        "sibling": sibling.get_absolute_url(),
        "other": other.get_absolute_url(),
        "harbour": "/tags/harbour/",
        "football": "/tags/football/",
        "jane": jane.get_absolute_url(),
        "sam": sam.get_absolute_url(),
        "feed": "/feed/",
        "world-feed": "/world/feed/atom/",
        "sport-feed": "/sport/feed/",
        "sitemap": "/sitemap-articles.xml",
    }
    return rows


# Hits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page", ["home", "story", "world", "harbour", "jane", "feed", "sitemap"]
)
def test_a_stored_page_is_the_same_bytes_and_headers_without_a_query(
    client, site, django_assert_num_queries, page
):
    path = site["paths"][page]
    client.get(path)  # makes the renditions
    caches["default"].clear()
    made = client.get(path)

    with django_assert_num_queries(0):
        again = client.get(path)

    assert again.status_code == made.status_code == 200
    assert again.content == made.content
    assert {
        name: value
        for name, value in again.headers.items()
        if name not in IGNORED_HEADERS
    } == dict(made.headers.items())


def test_pages_carry_their_tags_validators_and_lifetimes(client, site):
    story, picture, inline = site["story"], site["picture"], site["inline"]
    warm(client, [story.get_absolute_url()])

    response = client.get(story.get_absolute_url())

    assert response["Cache-Control"] == (
        "public, max-age=60, s-maxage=600, stale-while-revalidate=30"
    )
    assert response["ETag"].startswith('"')
    assert parse_http_date(response["Last-Modified"]) <= timezone.now().timestamp()
    assert 0 <= int(response["Age"]) < 60
    shown = set(response["Surrogate-Key"].split())
    assert response["xkey"] == response["Surrogate-Key"]
    assert {
        tags.SECTIONS,
        tags.RELEASE,
        tags.article(story.pk),
        tags.section(site["world"].pk),
        tags.section_list(site["world"].pk),
        tags.tag(site["harbour"].pk),
        tags.tag_list(site["harbour"].pk),
        tags.author(site["jane"].pk),
        tags.image(picture.pk),
        tags.image(inline.pk),
        tags.article(site["sibling"].pk),  # "More from"
    } == shown


def test_public_pages_set_no_cookie_and_vary_on_nothing(client, site):
    for path in [*site["paths"].values(), "/sitemap.xml", "/robots.txt"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path
        assert "Vary" not in response, path
        assert response["Cache-Control"].startswith("public, "), path


def test_tracking_parameters_share_the_page_and_others_do_not(client, site):
    warm(client, ["/world/"])

    assert stored(client, "/world/?utm_source=news&fbclid=abc123")
    assert not stored(client, "/world/?page=1")


def test_head_is_answered_from_the_stored_page(client, site):
    warm(client, ["/world/"])

    with CaptureQueriesContext(connection) as queries:
        response = client.head("/world/")

    assert response.status_code == 200
    assert len(queries) == 0


def test_search_results_and_health_are_never_stored(client, site):
    for path in ("/search/?q=harbour", "/healthz"):
        client.get(path)
        assert not stored(client, path), path
        assert "public" not in client.get(path).get("Cache-Control", ""), path


# Conditional GET ------------------------------------------------------------------------


def test_the_stored_copy_is_answered_304_by_etag_and_by_date(client, site):
    path = site["story"].get_absolute_url()
    warm(client, [path])
    first = client.get(path)

    by_etag = client.get(path, headers={"if-none-match": first["ETag"]})
    by_date = client.get(path, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]


def test_a_page_made_again_the_same_is_answered_304_by_etag(client, site):
    path = site["story"].get_absolute_url()
    warm(client, [path])
    first = client.get(path)
    invalidation.refresh({tags.article(site["sibling"].pk)})  # in its "More from"

    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        by_etag = client.get(path, headers={"if-none-match": first["ETag"]})
        invalidation.refresh({tags.article(site["sibling"].pk)})
        # Last-Modified is when a copy was made: the new copy is newer.
        by_date = client.get(
            path, headers={"if-modified-since": first["Last-Modified"]}
        )

    assert by_etag.status_code == 304
    assert by_date.status_code == 200
    assert by_date["ETag"] == first["ETag"]


def test_a_changed_page_is_answered_in_full_to_either_validator(client, site):
    story = site["story"]
    path = story.get_absolute_url()
    warm(client, [path])
    first = client.get(path)
    story.headline = "Harbour reopens after a year"
    story.save()

    for validator in (
        {"if-none-match": first["ETag"]},
        {"if-modified-since": first["Last-Modified"]},
    ):
        response = client.get(path, headers=validator)
        assertContains(response, "Harbour reopens after a year")


# Staff, and the page cache off ---------------------------------------------------------


def test_staff_get_fresh_private_pages_and_store_none(admin_client, client, site):
    path = site["story"].get_absolute_url()
    warm(client, [path])

    assert not stored(admin_client, path)  # not read
    response = admin_client.get(path)
    assert response["Cache-Control"] == "private, no-cache"
    assert "Surrogate-Key" not in response

    caches["default"].clear()
    admin_client.get(path)
    admin_client.get(path)
    assert not stored(client, path)  # not written


def test_zero_seconds_turns_the_page_cache_off(client, site, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    path = site["story"].get_absolute_url()

    responses = [client.get(path) for _ in range(3)]

    assert not stored(client, path)
    assert responses[-1]["Cache-Control"] == "public, no-cache"
    assert "Last-Modified" not in responses[-1]  # no stored copy to date
    etag = responses[-1]["ETag"]
    assert client.get(path, headers={"if-none-match": etag}).status_code == 304


# Exact invalidation ---------------------------------------------------------------------

SHOWS_STORY = {"home", "world", "harbour", "jane", "feed", "world-feed", "story"}


def _edit(row, **fields):
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()


def _publish_in_world(site, make_article):
    make_article(
        headline="Harbour master speaks",
        section=site["world"],
        authors=[site["jane"]],
        tags=["Harbour"],
    )


CHANGES = {
    # change: (what to do, the pages refreshed; every other page stays stored)
    "headline": (
        lambda site, _: _edit(site["story"], headline="Harbour reopens at last"),
        SHOWS_STORY | {"sibling", "sitemap"},
    ),
    "bulk-update": (
        lambda site, _: Article.objects.filter(pk=site["story"].pk).update(
            headline="Harbour reopens at last"
        ),
        SHOWS_STORY | {"sibling", "sitemap"},
    ),
    "publish": (
        _publish_in_world,
        {"home", "world", "harbour", "jane", "feed", "world-feed", "sitemap"}
        | {"story", "sibling"},  # "More from" could now show it
    ),
    "bulk-create": (
        lambda site, _: Article.objects.bulk_create(
            [
                Article(
                    headline="Harbour master speaks",
                    section=site["world"],
                    status=Article.Status.PUBLISHED,
                )
            ]
        ),
        {"home", "world", "feed", "world-feed", "sitemap", "story", "sibling"},
    ),
    "unpublish": (
        lambda site, _: _edit(site["story"], status=Article.Status.DRAFT),
        SHOWS_STORY | {"sibling", "sitemap"},
    ),
    "delete": (
        lambda site, _: site["story"].delete(),
        SHOWS_STORY | {"sibling", "sitemap"},
    ),
    "move-section": (
        lambda site, _: _edit(site["story"], section=site["sport"]),
        SHOWS_STORY | {"sibling", "sitemap", "sport", "sport-feed", "other"},
    ),
    "correction": (
        lambda site, _: Correction.objects.create(
            article=site["story"], text="The harbour reopened on Tuesday."
        ),
        SHOWS_STORY | {"sibling", "sitemap"},
    ),
    "photographer-name": (
        lambda site, _: _edit(site["photographer"], name="H. Ammar"),
        SHOWS_STORY | {"sitemap"},
    ),
    "agency-name": (
        lambda site, _: _edit(site["agency"], name="Associated Press"),
        SHOWS_STORY | {"sitemap"},
    ),
    "credit-type": (
        lambda site, _: _edit(site["picture"], credit_type="file_photo"),
        SHOWS_STORY | {"sitemap"},
    ),
    "licence": (
        lambda site, _: _edit(site["picture"], licence="royalty-free"),
        SHOWS_STORY | {"sitemap"},
    ),
    "body-picture-alt-text": (
        # Cards show the featured picture only.
        lambda site, _: _edit(site["inline"], alt_text="A trawler at the quay"),
        {"story", "feed", "world-feed", "sitemap"},
    ),
    "author-name": (
        # Links in "More from" name no author.
        lambda site, _: _edit(site["jane"], name="Jane Q. Reporter"),
        SHOWS_STORY | {"sitemap"},
    ),
    "byline-added": (
        lambda site, _: Byline.objects.bulk_create(
            [Byline(article=site["other"], author=site["jane"])]
        ),
        {"home", "sport", "football", "sam", "other", "feed", "sport-feed", "jane"}
        | {"sitemap"},
    ),
    "tag-name": (
        # Cards show no tags; the story pages and feed items do.
        lambda site, _: _edit(site["harbour"], name="Harbours"),
        {"harbour", "story", "sibling", "feed", "world-feed", "sitemap"},
    ),
    "tagging-added": (
        lambda site, _: TaggedArticle.objects.bulk_create(
            [TaggedArticle(content_object=site["other"], tag=site["harbour"])]
        ),
        {"home", "sport", "football", "sam", "other", "feed", "sport-feed"}
        | {"harbour", "story", "sibling", "sitemap"},
    ),
    "section-name": (
        # Every page's navigation names the sections; Sport's feed names only Sport.
        lambda site, _: _edit(site["world"], name="World news"),
        {"home", "world", "sport", "story", "sibling", "other", "harbour"}
        | {"football", "jane", "sam", "feed", "world-feed", "sitemap"},
    ),
    "pin": (
        lambda site, _: FrontPagePin.objects.create(
            article=site["sibling"], position=0
        ),
        {"home"},
    ),
    "draft-edit": (
        lambda site, make_article: _edit(
            make_article(status=Article.Status.DRAFT, section=site["world"]),
            headline="Not yet",
        ),
        set(),
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_refreshes_exactly_the_pages_that_show_it(
    client, site, make_article, change
):
    paths = site["paths"]
    do, refreshed = CHANGES[change]
    warm(client, paths.values())

    do(site, make_article)

    assert {page for page, path in paths.items() if not stored(client, path)} == (
        refreshed
    )


def test_a_release_refreshes_every_page(client, site):
    paths = list(site["paths"].values())  # robots.txt is made without a query
    warm(client, paths)

    call_command("refresh_pages", stdout=StringIO())

    assert [path for path in paths if stored(client, path)] == []


def test_refreshed_pages_show_the_change(client, site):
    story, paths = site["story"], site["paths"]
    warm(client, paths.values())

    _edit(site["photographer"], name="H. Ammar")
    Correction.objects.create(article=story, text="The harbour reopened on Tuesday.")
    _edit(site["sibling"], status=Article.Status.DRAFT)

    assertContains(client.get(paths["story"]), "Featured Image by H. Ammar/AP Images")
    assertContains(client.get(paths["story"]), "The harbour reopened on Tuesday.")
    assertNotContains(client.get(paths["story"]), "Fishing fleet returns")
    assert client.get(paths["sibling"]).status_code == 404
    assertNotContains(client.get(paths["world"]), "Fishing fleet returns")
    assertNotContains(client.get(paths["feed"]), "Fishing fleet returns")


# Changes nobody writes ------------------------------------------------------------------


def test_a_scheduled_story_appears_at_its_time_without_a_write(
    client, site, make_article
):
    due = timezone.now() + timedelta(minutes=5)  # sooner than pages expire
    make_article(headline="Budget day", section=site["world"], published_at=due)
    warm(client, ["/", "/world/", "/feed/"])
    assertNotContains(client.get("/"), "Budget day")
    lifetime = re.search(r"s-maxage=(\d+)", client.get("/")["Cache-Control"])
    assert int(lifetime[1]) <= 300

    with time_machine.travel(due + timedelta(seconds=1)):
        for path in ("/", "/world/", "/feed/"):
            assertContains(client.get(path), "Budget day")


def test_a_picture_whose_rights_run_out_goes_at_midnight(client, site):
    last_day = timezone.localdate() + timedelta(days=1)
    _edit(site["picture"], rights_expire_on=last_day)
    midnight = timezone.make_aware(datetime.combine(last_day, time.max))
    path = site["story"].get_absolute_url()
    with time_machine.travel(midnight - timedelta(minutes=2)):
        warm(client, [path])
        assertContains(client.get(path), "Boats at dawn.")

    with time_machine.travel(midnight + timedelta(seconds=1)):
        assertNotContains(client.get(path), "Boats at dawn.")


def test_the_news_sitemap_drops_a_story_as_it_turns_two_days_old(
    client, site, make_article
):
    turns_old = timezone.now() + timedelta(minutes=1)
    make_article(headline="Old news", published_at=turns_old - timedelta(days=2))
    warm(client, ["/sitemap-news.xml"])
    assertContains(client.get("/sitemap-news.xml"), "Old news")

    with time_machine.travel(turns_old + timedelta(seconds=1)):
        assertNotContains(client.get("/sitemap-news.xml"), "Old news")


# Writes in transactions -----------------------------------------------------------------


def test_a_transaction_purges_its_pages_once_after_commit(
    transactional_db, site, monkeypatch
):
    purged = []
    monkeypatch.setattr("articles.cache.purge.purge", purged.append)

    with transaction.atomic():
        _edit(site["story"], headline="Harbour reopens at last")
        Correction.objects.create(article=site["sibling"], text="A name was wrong.")
        assert purged == []  # nothing before the commit

    assert purged == [
        {
            tags.article(site["story"].pk),
            tags.article(site["sibling"].pk),
            tags.ALL,
        }
    ]


def test_a_rolled_back_write_purges_nothing(transactional_db, site, monkeypatch):
    purged = []
    monkeypatch.setattr("articles.cache.purge.purge", purged.append)

    def edit_then_fail():
        with transaction.atomic():
            _edit(site["story"], headline="Harbour reopens at last")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        edit_then_fail()

    assert purged == []


# Stampedes ------------------------------------------------------------------------------


def _concurrently(path, count=6) -> list:
    """GET `path` from `count` threads at once: their responses."""
    start = threading.Barrier(count)
    responses = [None] * count

    def read(number):
        try:
            start.wait()
            responses[number] = Client().get(path)
        finally:
            connection.close()

    threads = [threading.Thread(target=read, args=[n]) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.fixture
def slow_article_page(monkeypatch):
    """The article page takes a while to make, and counts how often it is made."""
    made = []
    context = views.article_context

    def slow(*args, **kwargs):
        made.append(1)
        threading.Event().wait(0.3)
        return context(*args, **kwargs)

    monkeypatch.setattr(views, "article_context", slow)
    return made


@pytest.mark.parametrize("stale_copy", [False, True], ids=["missing", "stale"])
def test_a_hot_page_is_made_once_however_many_ask_at_once(
    transactional_db, site, slow_article_page, stale_copy
):
    path = site["story"].get_absolute_url()
    warm(Client(), [path])
    if stale_copy:
        invalidation.refresh({tags.article(site["story"].pk)})
    else:
        caches["default"].clear()
    slow_article_page.clear()

    responses = _concurrently(path)

    assert len(slow_article_page) == 1
    assert {response.status_code for response in responses} == {200}
    assert stored(Client(), path)


def test_while_a_page_is_made_others_get_the_stale_copy(client, site):
    story = site["story"]
    path = story.get_absolute_url()
    warm(client, [path])
    _edit(story, headline="Harbour reopens at last")
    key, _ = pages._key(RequestFactory().get(path))
    caches["default"].add(f"{key}:lock", True)  # another request is making it

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert len(queries) == 0
    assertNotContains(response, "Harbour reopens at last")


# Cache backends -------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    """CACHES on a running Redis, keys under a prefix of this test's own."""
    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        message = f"Redis is not answering at {REDIS}."
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    prefix = f"test-page-cache-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    yield
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_the_page_cache_works_on_redis(client, site, redis_cache):
    paths = site["paths"]
    warm(client, paths.values())

    _edit(site["inline"], alt_text="A trawler at the quay")

    assert {page for page, path in paths.items() if not stored(client, path)} == {
        "story",
        "feed",
        "world-feed",
        "sitemap",
    }


def test_pages_are_made_and_saves_go_through_when_the_cache_is_down(
    client, site, cache_down
):
    path = site["story"].get_absolute_url()

    _edit(site["story"], headline="Harbour reopens at last")

    assertContains(client.get(path), "Harbour reopens at last")


@pytest.mark.parametrize(
    ("backend", "seconds", "warned"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", 600, True),
        ("django.core.cache.backends.locmem.LocMemCache", 0, False),
        ("django.core.cache.backends.redis.RedisCache", 600, False),
    ],
)
def test_deploy_check_warns_of_a_page_cache_each_process_keeps_alone(
    settings, backend, seconds, warned
):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": REDIS}}
    settings.NEWSROOM_PAGE_CACHE_SECONDS = seconds

    assert page_cache_is_shared in registry.get_checks(include_deployment_checks=True)
    assert [message.id for message in page_cache_is_shared(None)] == (
        ["articles.W002"] if warned else []
    )
