"""While the database cannot be reached, readers get a 503 with Retry-After, never a
traceback, and the site comes back by itself once the database answers again.
(`tests/load/` restarts a real PostgreSQL under load.)"""

import logging
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

UNAVAILABLE = "<h1>Temporarily unavailable</h1>"


@pytest.fixture
def reader():
    # As a server would: errors become pages instead of failing the test.
    return Client(raise_request_exception=False)


@contextmanager
def database_unreachable():
    """New connections are refused, as while the database restarts; the open one is
    closed, so the next query needs a new one."""
    refused = connection.Database.OperationalError("connection refused (test outage)")
    with mock.patch.object(connection, "get_new_connection", side_effect=refused):
        connection.close()
        yield


def assert_unavailable(response):
    assertContains(response, UNAVAILABLE, status_code=503, html=True)
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    # In the site's layout, without what needs the database (the section navigation).
    assertContains(response, 'class="masthead"', status_code=503)
    assertContains(response, "The Daily Test", status_code=503)
    assertNotContains(response, 'aria-label="Sections"', status_code=503)
    assertNotContains(response, "Traceback", status_code=503)


@pytest.fixture
def story(transactional_db, make_article, make_section):
    return make_article(headline="Harbour wall repaired", section=make_section())


@pytest.mark.parametrize("page", ["home", "article", "feed", "search", "sitemap"])
def test_pages_are_503_with_retry_after_while_the_database_is_unreachable(
    reader, story, page, caplog
):
    path = {
        "home": "/",
        "article": story.get_absolute_url(),
        "feed": "/feed/",
        "search": "/search/?q=harbour",
        "sitemap": "/sitemap.xml",
    }[page]
    with database_unreachable():
        with caplog.at_level(logging.ERROR, logger="django.request"):
            response = reader.get(path)

    assert_unavailable(response)
    # The traceback goes to the log, for whoever is on call.
    assert any(
        getattr(record, "status_code", None) == 503 and record.exc_info
        for record in caplog.records
    )


def reads_the_session(get_response):
    """A middleware that loads the session before the view, as one that varies its
    answer on who is logged in does."""

    def middleware(request):
        request.session.keys()
        return get_response(request)

    return middleware


def test_a_database_error_in_a_middleware_is_503_too(
    reader, settings, transactional_db
):
    after_sessions = (
        settings.MIDDLEWARE.index(
            "django.contrib.sessions.middleware.SessionMiddleware"
        )
        + 1
    )
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:after_sessions],
        "tests.test_unavailable.reads_the_session",
        *settings.MIDDLEWARE[after_sessions:],
    ]
    reader.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32

    with database_unreachable():
        response = reader.get("/")

    assert_unavailable(response)


def test_the_site_recovers_by_itself_when_the_database_answers_again(reader, story):
    with database_unreachable():
        assert reader.get(story.get_absolute_url()).status_code == 503

    response = reader.get(story.get_absolute_url())

    assertContains(response, "Harbour wall repaired")
    assert "Retry-After" not in response


def test_other_errors_are_the_500_page_without_retry_after(reader, db):
    with mock.patch("articles.views.front_page", side_effect=ValueError("a bug")):
        response = reader.get("/")

    assertContains(
        response, "<h1>Something went wrong</h1>", status_code=500, html=True
    )
    assert "Retry-After" not in response
