"""Purge backends, against a stand-in HTTP server that records what it is sent (the
real Varnish is in tests/varnish)."""

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.tasks.signals import task_enqueued

from articles.cache.purge import VarnishBackend, purge


class RecordingServer(ThreadingHTTPServer):
    """Answers every request with `status` and keeps each one's method, path and
    headers."""

    status = 200

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RecordingHandler)
        self.requests = []

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_port}"


class RecordingHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.requests.append((self.command, self.path, dict(self.headers)))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PURGE

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    server = RecordingServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    yield server
    server.shutdown()
    thread.join()
    server.server_close()


def varnish_backend(url, **options):
    return {
        "BACKEND": "articles.cache.purge.VarnishBackend",
        "OPTIONS": {"url": url, **options},
    }


def purged_keys(server, header="xkey-purge"):
    return [headers[header] for _, _, headers in server.requests]


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_no_purge_backend_means_no_purge_task(settings):
    settings.NEWSROOM_PURGE_BACKENDS = []
    enqueued = []

    def record(task_result, **kwargs):
        enqueued.append(task_result)

    task_enqueued.connect(record)
    try:
        purge(["article-1", "home"])
    finally:
        task_enqueued.disconnect(record)
    assert enqueued == []


def test_tags_are_sent_once_each_in_one_purge_request(settings, server):
    settings.NEWSROOM_PURGE_BACKENDS = [varnish_backend(server.url)]

    purge(["home", "article-7", "home", "section-2"])

    assert [method for method, _, _ in server.requests] == ["PURGE"]
    assert purged_keys(server) == ["article-7 home section-2"]


def test_many_tags_are_split_into_requests_varnish_accepts(settings, server):
    settings.NEWSROOM_PURGE_BACKENDS = [varnish_backend(server.url)]
    tags = [f"article-{number}" for number in range(1000)]

    purge(tags)

    batches = purged_keys(server)
    assert len(batches) == 3  # 11,889 characters of tags
    assert all(len(batch) <= VarnishBackend.MAX_HEADER_LENGTH for batch in batches)
    assert sorted(" ".join(batches).split(" ")) == sorted(tags)


def test_soft_purge_marks_pages_stale_instead(settings, server):
    settings.NEWSROOM_PURGE_BACKENDS = [varnish_backend(server.url, soft=True)]

    purge(["article-7"])

    assert purged_keys(server, "xkey-softpurge") == ["article-7"]
    assert "xkey-purge" not in server.requests[0][2]


def test_unreachable_varnish_is_logged_and_the_next_one_still_purged(
    settings, server, closed_port, caplog
):
    down = f"http://127.0.0.1:{closed_port}"
    settings.NEWSROOM_PURGE_BACKENDS = [
        varnish_backend(down),
        varnish_backend(server.url),
    ]

    purge(["article-7", "home"])  # does not raise

    assert purged_keys(server) == ["article-7 home"]
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert record.getMessage() == (
        f"Varnish at {down} could not purge 2 cache tags: article-7 home"
    )
    assert isinstance(record.exc_info[1], ConnectionRefusedError)


def test_refused_purge_is_logged_with_the_answer(settings, server, caplog):
    server.status = 403
    settings.NEWSROOM_PURGE_BACKENDS = [varnish_backend(server.url)]

    purge(["article-7"])

    [record] = caplog.records
    assert str(record.exc_info[1]) == "403 Forbidden"


def test_purge_waits_for_the_task_worker_with_the_database_task_backend(
    settings, server, transactional_db
):
    # transactional_db: the worker closes a connection it finds inside a transaction.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEWSROOM_PURGE_BACKENDS = [varnish_backend(server.url)]

    purge(["article-7"])
    assert server.requests == []

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    assert purged_keys(server) == ["article-7"]


def test_fastly_is_sent_the_tags_as_surrogate_keys_256_a_request(settings, server):
    settings.NEWSROOM_PURGE_BACKENDS = [
        {
            "BACKEND": "articles.cache.purge.FastlyBackend",
            "OPTIONS": {
                "service_id": "SU1Z0isxPaozGVKXdv0eY",
                "token": "api-token",
                "url": server.url,
            },
        }
    ]
    tags = [f"article-{number}" for number in range(300)]

    purge(tags)

    assert [(method, path) for method, path, _ in server.requests] == [
        ("POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge")
    ] * 2
    assert {headers["Fastly-Key"] for _, _, headers in server.requests} == {"api-token"}
    batches = [keys.split(" ") for keys in purged_keys(server, "Surrogate-Key")]
    assert [len(batch) for batch in batches] == [256, 44]
    assert sorted(batches[0] + batches[1]) == sorted(tags)
