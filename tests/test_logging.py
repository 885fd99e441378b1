"""Logs are JSON lines: each request that reaches the app says what it was, with its
id and the signed-in user's; staff actions name who did what to which story; errors
carry their traceback without local variables."""

import io
import json
import logging
import uuid

import pytest
import structlog
from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

from articles.models import Article
from newsroom.log_redaction import AccessLogger, without_reset_tokens
from tests.helpers import admin_url
from tests.workflow_helpers import change_form_data

pytest_plugins = ["tests.roles"]


@pytest.fixture
def log_lines():
    """The JSON lines logged during the test, through the site's own log format."""
    renderer = settings.LOGGING["formatters"]["structured"]["processors"][-1]
    if not isinstance(renderer, structlog.processors.JSONRenderer):
        pytest.skip("DJANGO_LOG_FORMAT asks for lines for people here, not JSON")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.getLogger().handlers[0].formatter)
    logging.getLogger().addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.getLogger().removeHandler(handler)


def test_a_staff_request_is_one_line_with_its_id_and_user(client, make_user, log_lines):
    editor = make_user("editor", "ed")
    client.force_login(editor)

    client.get(f"/{settings.ADMIN_URL}")

    [line] = [line for line in log_lines() if line["event"] == "request_finished"]
    assert line["request"] == f"GET /{settings.ADMIN_URL}"
    assert line["code"] == 200
    assert line["user_id"] == editor.pk
    assert uuid.UUID(line["request_id"])
    assert line["level"] == "info"
    assert line["timestamp"].endswith("Z")


def test_a_publish_names_who_published_what_within_its_request(
    client, make_user, make_story, log_lines
):
    editor = make_user("editor", "ed")
    article = make_story("review")
    client.force_login(editor)

    client.post(
        admin_url(Article, "change", article.pk),
        change_form_data(article, _workflow="publish"),
    )

    lines = log_lines()
    [event] = [line for line in lines if line["event"] == "workflow_event"]
    [request] = [line for line in lines if line["event"] == "request_finished"]
    assert event["action"] == "published"
    assert event["article_id"] == article.pk
    assert event["user_id"] == editor.pk
    assert event["request_id"] == request["request_id"]


def test_errors_carry_their_traceback_but_no_local_values(log_lines):
    def sign_in(password):
        raise ValueError("the directory is down")

    try:
        sign_in("hunter2")
    except ValueError:
        logging.getLogger("articles.test").exception("Sign-in failed")

    [line] = log_lines()
    assert line["level"] == "error"
    assert line["exception"][0]["exc_value"] == "the directory is down"
    assert [frame["name"] for frame in line["exception"][0]["frames"]][-1] == "sign_in"
    assert "hunter2" not in json.dumps(line)


def test_password_reset_tokens_stay_out_of_the_logs(client, db, log_lines):
    client.get(f"/{settings.ADMIN_URL}reset/MQ/d3b0rk-5e1f2a9c0b7d4e6f/")

    [line] = [line for line in log_lines() if line["event"] == "request_finished"]
    assert line["request"] == f"GET /{settings.ADMIN_URL}reset/…/"
    assert "5e1f2a9c0b7d4e6f" not in json.dumps(log_lines())
    # gunicorn's access log goes through the same rule.
    assert (
        without_reset_tokens('"GET /admin/reset/MQ/abc-123/ HTTP/1.1"')
        == '"GET /admin/reset/…/ HTTP/1.1"'
    )


def test_gunicorn_logs_a_request_it_failed_on_without_a_path(monkeypatch):
    # gunicorn's handle_error logs requests it could not read or answer; their atoms
    # lack the request line, and a crash here lost the line and the error page.
    monkeypatch.setattr(
        Logger, "atoms", lambda *args: {"r": None, "U": None, "s": "500"}
    )
    logger = AccessLogger(Config())

    atoms = logger.atoms(None, None, {}, None)

    assert atoms == {"r": None, "U": None, "s": "500"}
