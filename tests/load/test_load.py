"""Load on the article page under gunicorn (2 sync workers): 64 connections for a
minute without an error; then the database restarted under load, which readers see
only as 503s with Retry-After while it is down, and the site back by itself."""

import http.client
import shutil
import threading
import time
from collections import Counter
from dataclasses import dataclass

import pytest

from bench.run import wrk
from tests.deployment.conftest import missing
from tests.load.conftest import app_server

pytestmark = pytest.mark.load

CONNECTIONS = 64
SECONDS = 60
TIMEOUT = 30  # an unanswered request is an error after this long, as at a load balancer
# A restart under load: a while before, the database down a few seconds, and long
# enough after to see the site recover.
BEFORE, DOWN, AFTER = 4, 3, 10
RECOVERY = 5  # seconds the site may take to answer again once the database is back


def test_article_page_takes_64_connections_for_a_minute_without_an_error(
    site, tmp_path
):
    if shutil.which("wrk") is None:
        missing("wrk is missing: apt-get install wrk (make loadtest does, as root).")
    # The page cache on, as configured by default.
    with app_server(site, tmp_path / "gunicorn.log") as port:
        measured = wrk(port, site["article"], CONNECTIONS, SECONDS, timeout=TIMEOUT)

    print(  # noqa: T201 - the figures
        f"\n{CONNECTIONS} connections for {SECONDS} s: {measured.rate:.0f} requests/s, "
        f"p50 {measured.p50:.1f} ms, p99 {measured.p99:.1f} ms"
    )
    assert measured.rate > 0
    assert measured.errors == 0, measured.output


@dataclass(frozen=True)
class Answer:
    at: float  # when it came, time.monotonic()
    status: int | None  # None: no answer (refused, reset, timed out)
    retry_after: str | None
    unavailable_page: bool
    traceback: bool


def reader(port: int, path: str, done: threading.Event, answers: list) -> None:
    """Ask for `path` again and again, as readers' browsers would, until `done`."""
    while not done.is_set():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            content = response.read()
            answers.append(
                Answer(
                    time.monotonic(),
                    response.status,
                    response.getheader("Retry-After"),
                    b"<h1>Temporarily unavailable</h1>" in content,
                    b"Traceback" in content,
                )
            )
        except OSError:
            answers.append(Answer(time.monotonic(), None, None, False, False))
        finally:
            connection.close()


def test_a_database_restart_under_load_is_503s_with_retry_after_then_recovers(
    site, cluster, tmp_path
):
    answers: list[Answer] = []
    # The page cache off: every request needs the database.
    with app_server(
        site, tmp_path / "gunicorn.log", NEWSROOM_PAGE_CACHE_SECONDS="0"
    ) as port:
        done = threading.Event()
        readers = [
            threading.Thread(target=reader, args=(port, site["article"], done, answers))
            for _ in range(8)
        ]
        for thread in readers:
            thread.start()
        try:
            time.sleep(BEFORE)
            down_at = time.monotonic()
            cluster.stop()
            time.sleep(DOWN)
            cluster.start()
            up_at = time.monotonic()
            time.sleep(AFTER)
        finally:
            done.set()
            for thread in readers:
                thread.join()

    statuses = Counter(answer.status for answer in answers)
    failed = [answer for answer in answers if answer.status != 200]
    print(  # noqa: T201 - what happened
        f"\n{len(answers)} answers: {dict(statuses)}; database down at 0 s, back at "
        f"{up_at - down_at:.1f} s; failures from {failed[0].at - down_at:.1f} s to "
        f"{failed[-1].at - down_at:.1f} s"
        if failed
        else f"\n{len(answers)} answers, all {dict(statuses)}"
    )
    # Every failure is the site's 503, while the database was down or just after.
    assert set(statuses) == {200, 503}, statuses
    assert all(
        answer.status == 503
        and answer.retry_after == "10"
        and answer.unavailable_page
        and not answer.traceback
        for answer in failed
    )
    assert all(down_at <= answer.at <= up_at + RECOVERY for answer in failed), [
        round(answer.at - down_at, 1) for answer in failed
    ]
    # It was under load throughout, and answers again without anyone's help.
    assert sum(1 for answer in answers if answer.at < down_at) > 10
    assert sum(1 for answer in answers if answer.at > up_at + RECOVERY) > 10
