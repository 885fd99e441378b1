import socket
from datetime import timedelta
from itertools import count

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone

from articles.models import (
    Agency,
    Article,
    Author,
    Byline,
    Image,
    Photographer,
    Section,
)
from tests.helpers import upload

_serial = count(1)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """On SQLite, test in a file rather than in memory. The live server behind the
    browser tests answers from several threads; an in-memory database would make them
    share one connection, which SQLite refuses under load ("database table is locked")."""
    from django.db import connections

    settings = connections["default"].settings_dict
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        settings["TEST"]["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(autouse=True)
def _force_login_is_a_whole_sign_in(monkeypatch):
    """`client.force_login(user)` stands for a whole sign-in, as it always has: for
    staff who must use two-factor sign-in, the second step too (with an authenticator
    app set up for them). tests/test_two_factor.py signs in step by step instead."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from articles import two_factor

    force_login = Client.force_login

    def whole_sign_in(client, user, backend=None):
        force_login(client, user, backend)
        if user.is_staff and two_factor.required_for(user):
            device = signed_in_app(user)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", whole_sign_in)


def code_of(device) -> str:
    """The code an authenticator app `device` shows now."""
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def signed_in_app(user):
    """A confirmed authenticator app of `user`'s."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Test app", defaults={"confirmed": True}
    )
    return device


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Tests never write into the project's media/ or originals/ folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "originals": {
            **settings.STORAGES["originals"],
            "OPTIONS": {"location": tmp_path / "originals"},
        },
    }


@pytest.fixture(scope="session", autouse=True)
def _static_files_uncollected():
    """The suite runs without `collectstatic`: pages name static files as the apps hold
    them, not the hashed copies production serves (tests/test_serving.py checks those),
    and WhiteNoise has no collected folder to read. For the whole session, since the
    live server's middleware is made once."""
    storages = {
        **django_settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    with override_settings(STATIC_ROOT=None, STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: pages stored by one test (and their cache
    tags, locks and renditions' locks) never answer another's requests."""
    caches["default"].clear()


@pytest.fixture
def cache_down(settings):
    """CACHES on a Redis that is not there (a port nothing listens on): every cache
    call fails, as on a site whose Redis is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def page_cache_off(settings):
    """Every request makes its page: for tests that count what making one costs."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _known_site_settings(settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.NEWSROOM_SITE_NAME = "The Daily Test"
    settings.NEWSROOM_SITE_URL = ""
    # Logins in tests need no strong hashing, and it is most of a test's set-up time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_section(db):
    def make(**overrides):
        number = next(_serial)
        fields = {"name": f"Section {number}", "slug": f"section-{number}"} | overrides
        return Section.objects.create(**fields)

    return make


def _create_named(model, name, overrides):
    slug = overrides.pop("slug", f"{model._meta.model_name}-{next(_serial)}")
    return model.objects.create(name=name, slug=slug, **overrides)


@pytest.fixture
def make_agency(db):
    return lambda name="AP Images", **overrides: _create_named(Agency, name, overrides)


@pytest.fixture
def make_photographer(db):
    return lambda name="Hassan Ammar", **overrides: _create_named(
        Photographer, name, overrides
    )


@pytest.fixture
def make_author(db):
    return lambda name="Jane Reporter", **overrides: _create_named(
        Author, name, overrides
    )


@pytest.fixture
def make_image(db):
    def make(**overrides):
        fields = {
            "alt_text": "A crowd gathers in the square",
            "file": upload(),
        } | overrides
        return Image.objects.create(**fields)

    return make


@pytest.fixture
def make_article(db, make_section):
    """A published article (a minute old) unless told otherwise; `authors=[...]` adds bylines."""

    def make(**overrides):
        authors = overrides.pop("authors", [])
        tags = overrides.pop("tags", [])
        number = next(_serial)
        fields = {
            "headline": f"Story number {number}",
            "standfirst": "What happened, in a sentence.",
            "body": "<p>First paragraph.</p>",
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(minutes=1),
        } | overrides
        if "section" not in fields:
            fields["section"] = make_section()
        article = Article.objects.create(**fields)
        for position, author in enumerate(authors):
            Byline.objects.create(article=article, author=author, position=position)
        if tags:
            article.tags.add(*tags)
        return article

    return make
