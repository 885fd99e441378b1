"""Serving as production does (`make serve`): static files collected under hashed names
with compressed copies, served by WhiteNoise and cached for ever; renditions from
MEDIA_ROOT served by the app only when NEWSROOM_SERVE_MEDIA asks for it."""

import gzip
import re
import runpy
from types import SimpleNamespace
from unittest.mock import Mock

import brotli
import environ
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from newsroom import settings as production
from tests.helpers import image_bytes

FOR_EVER = "max-age=315360000, public, immutable"
GUNICORN_CONF = production.BASE_DIR / "newsroom" / "gunicorn.conf.py"


@pytest.fixture
def collected_static(settings, tmp_path):
    """The site's own static files, collected with the production storage as `make
    serve` collects them (the admin's and the body editor's are left out: compressing
    them is most of the time `collectstatic` takes)."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": production.STORAGES["staticfiles"],
    }
    call_command(
        "collectstatic",
        interactive=False,
        verbosity=0,
        ignore_patterns=["admin", "django_prose_editor"],
    )
    return settings.STATIC_ROOT


@pytest.mark.parametrize(
    ("accepted", "encoding", "decompress"),
    [("gzip, deflate, br", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_stylesheet_is_served_compressed_and_cached_for_ever_under_its_hashed_name(
    client, db, collected_static, accepted, encoding, decompress
):
    home = client.get("/")
    href = re.search(
        r'<link rel="stylesheet" href="(/static/articles/site\.[0-9a-f]{12}\.css)">',
        home.text,
    ).group(1)

    response = client.get(href, headers={"accept-encoding": accepted})

    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert response["Cache-Control"] == FOR_EVER
    collected = (collected_static / href.removeprefix("/static/")).read_bytes()
    assert decompress(b"".join(response.streaming_content)) == collected


def test_favicon_redirects_to_the_collected_icon(client, db, collected_static):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert re.fullmatch(
        r"/static/articles/favicon\.[0-9a-f]{12}\.svg", response["Location"]
    )
    assert icon["Cache-Control"] == FOR_EVER


@pytest.fixture
def rendition_file(db):
    content = image_bytes(size=(48, 32))
    name = default_storage.save("renditions/7/0123abcd-480.jpg", ContentFile(content))
    return f"/media/{name}", content


def test_app_serves_renditions_when_configured_for_a_day(
    client, settings, rendition_file
):
    settings.NEWSROOM_SERVE_MEDIA = True
    url, content = rendition_file

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=86400"
    # Unlike pages, other sites (feed readers) may show them.
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert b"".join(response.streaming_content) == content


def test_app_leaves_renditions_to_a_web_server_unless_configured(
    client, settings, rendition_file
):
    settings.NEWSROOM_SERVE_MEDIA = False
    url, _ = rendition_file

    assert client.get(url).status_code == 404


def gunicorn_settings(monkeypatch, **environment) -> dict:
    """newsroom/gunicorn.conf.py's settings in `environment` alone (no .env file)."""
    monkeypatch.setattr(environ.Env, "read_env", lambda *args, **kwargs: None)
    for name in ("CACHE_URL", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(GUNICORN_CONF))


@pytest.mark.parametrize(
    ("cache_url", "workers", "threads", "max_requests"),
    [
        (None, 1, 5, 0),
        ("locmemcache://", 1, 5, 0),
        ("redis://127.0.0.1:6379/1", 5, 1, 50_000),
        ("rediscache://127.0.0.1:6379/1", 5, 1, 50_000),
    ],
)
def test_gunicorn_shares_one_process_never_recycled_unless_the_cache_is_shared(
    monkeypatch, cache_url, workers, threads, max_requests
):
    environment = {"WEB_CONCURRENCY": "5"}
    if cache_url:
        environment["CACHE_URL"] = cache_url

    found = gunicorn_settings(monkeypatch, **environment)

    assert (found["workers"], found["threads"]) == (workers, threads)
    assert found["max_requests"] == max_requests
    assert found["max_requests_jitter"] == max_requests // 10


@pytest.mark.parametrize(
    ("cache_url", "workers", "warned"),
    [(None, 2, True), (None, 1, False), ("redis://127.0.0.1:6379/1", 4, False)],
)
def test_gunicorn_warns_when_workers_would_each_keep_their_own_pages(
    monkeypatch, cache_url, workers, warned
):
    on_starting = gunicorn_settings(
        monkeypatch, **({"CACHE_URL": cache_url} if cache_url else {})
    )["on_starting"]
    server = SimpleNamespace(cfg=SimpleNamespace(workers=workers), log=Mock())

    on_starting(server)

    assert server.log.warning.called is warned
    if warned:
        assert "share no page cache" in server.log.warning.call_args.args[0]
