"""`manage.py benchmark_pages`: queries and in-process time of every kind of public
page, the admin's lists and searches, on a database `seed_bench` filled.

Requests go through the whole WSGI stack (middleware, URL routing, view, template),
in this process, with no server or network: the idea and method of the issue's
`render_profile.py`. `--path` times one page, as configured (page cache included),
which is what `bench/instructions.sh` runs under valgrind.
"""

import statistics
import time
import wsgiref.util
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Author, Section, Tag

SEARCH = "harbour council"  # common words: many matches to rank
ADMIN_USER = "bench-admin"
BUDGET_SECONDS = 10  # of timed requests per page, at least two of them


@dataclass
class Measured:
    status: str
    size: int
    queries: int
    timings: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def p90(self) -> float:
        return statistics.quantiles(self.timings, n=10, method="inclusive")[-1]


class Pages:
    """GET requests through the site's WSGI application, in this process."""

    def __init__(self, cookie: str = ""):
        self.app = WSGIHandler()
        self.host = settings.ALLOWED_HOSTS[0].lstrip(".") or "localhost"
        self.cookie = cookie

    def get(self, path: str) -> tuple[str, bytes]:
        path_info, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path_info,
            "QUERY_STRING": query,
            "HTTP_HOST": self.host,
            "HTTP_COOKIE": self.cookie,
        }
        wsgiref.util.setup_testing_defaults(environ)
        status = []
        response = self.app(environ, lambda line, headers, *exc: status.append(line))
        try:
            return status[0], b"".join(response)
        finally:
            response.close()  # request_finished, as a server sends it

    def measure(self, path: str, runs: int, budget: float | None = None) -> Measured:
        """`runs` timed requests after a warm-up; with a `budget` (seconds), fewer for a
        page that takes seconds (at least two), so that it cannot hold up the rest."""
        self.get(path)  # the first request of a process sets up caches
        with CaptureQueriesContext(connection) as queries:
            status, content = self.get(path)
        # Now: the next request empties the log the context reads.
        count = len(queries)
        timings = []
        deadline = time.perf_counter() + budget if budget else float("inf")
        while len(timings) < runs and (
            len(timings) < 2 or time.perf_counter() < deadline
        ):
            started = time.perf_counter()
            self.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        return Measured(status, len(content), count, timings)


class Command(BaseCommand):
    help = (
        "Time every kind of public page (page cache off), the admin's article and "
        "image lists and searches, and the site search, on a database filled by "
        "seed_bench; check that no page runs more queries for a larger section, tag "
        "or author. With --path, time one page as configured (page cache included)."
    )
    # Under valgrind every instruction counts: the checks are not what is measured.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Timed requests.")
        parser.add_argument(
            "--path", help="Time only this page, as configured, and print its figures."
        )

    def handle(self, *args, runs, path=None, **options):
        if path:
            self._one(path, runs)
            return
        article = Article.objects.published().first()
        if article is None:
            raise CommandError("No published story: run manage.py seed_bench first.")
        self.stdout.write(
            f"{Article.objects.count():,} stories on {connection.vendor}; page cache "
            f"off; median and 90th percentile of {runs} requests (fewer for pages that "
            f"take seconds) after a warm-up, in this process"
        )
        lists = {
            "section": _largest(Section, "articles"),
            "tag": _largest(Tag, "articles_taggedarticle_items"),
            "author": _largest(Author, "bylines"),
        }
        # The page cache would answer from memory: this is the work of making them.
        with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0):
            pages = Pages()
            self._table(
                pages,
                runs,
                {
                    "home": "/",
                    "article": article.get_absolute_url(),
                    **{kind: item.get_absolute_url() for kind, item in lists.items()},
                    "search": f"/search/?q={SEARCH.replace(' ', '+')}",
                    "feed": "/feed/",
                    "sitemap index": "/sitemap.xml",
                    "sitemap page": "/sitemap-articles.xml",
                },
            )
            self.stdout.write("Admin, as a superuser:")
            admin = f"/{settings.ADMIN_URL}articles"
            self._table(
                Pages(cookie=_superuser_cookie()),
                runs,
                {
                    "articles list": f"{admin}/article/",
                    "articles search": f"{admin}/article/?q={SEARCH.replace(' ', '+')}",
                    "images list": f"{admin}/image/",
                    "images search": f"{admin}/image/?q={SEARCH.replace(' ', '+')}",
                },
            )
            self._fixed_queries(pages)

    def _one(self, path: str, runs: int) -> None:
        pages = Pages()
        with CaptureQueriesContext(connection) as queries:
            status, content = pages.get(path)
        self.stdout.write(
            f"cold: {status}, {len(content):,} bytes, {len(queries)} queries"
        )
        if not status.startswith("200"):
            raise CommandError(f"{path} answered {status}")
        measured = pages.measure(path, runs)
        self.stdout.write(
            f"warm: {measured.status}, {measured.size:,} bytes, {measured.queries} "
            f"queries; {len(measured.timings)} requests: median {measured.median:.2f} ms, "
            f"p90 {measured.p90:.2f} ms"
        )

    def _table(self, pages: Pages, runs: int, paths: dict[str, str]) -> None:
        self.stdout.write(
            f"  {'page':16} {'status':6} {'bytes':>9} {'queries':>7} {'median':>9} "
            f"{'p90':>9} {'runs':>4}  path"
        )
        for name, path in paths.items():
            measured = pages.measure(path, runs, budget=BUDGET_SECONDS)
            self.stdout.write(
                f"  {name:16} {measured.status[:3]:6} {measured.size:>9,} "
                f"{measured.queries:>7} {measured.median:>6.1f} ms {measured.p90:>6.1f} ms"
                f" {len(measured.timings):>4}  {path}"
            )

    def _fixed_queries(self, pages: Pages) -> None:
        """The largest and smallest section, tag and author pages run as many queries:
        only the page count (pagination) knows how many stories there are."""
        self.stdout.write("Queries on the largest and the smallest list of each kind:")
        grows = []
        for kind, model, stories in (
            ("section", Section, "articles"),
            ("tag", Tag, "articles_taggedarticle_items"),
            ("author", Author, "bylines"),
        ):
            counts = []
            for item in (_largest(model, stories), _smallest(model, stories)):
                with CaptureQueriesContext(connection) as queries:
                    pages.get(item.get_absolute_url())
                counts.append((item.stories, len(queries)))
            self.stdout.write(
                f"  {kind:8} "
                + "; ".join(
                    f"{size:,} stories: {count} queries" for size, count in counts
                )
            )
            if counts[0][1] != counts[1][1]:
                grows.append(kind)
        if grows:
            raise CommandError(
                f"More stories, more queries on the {', '.join(grows)} page."
            )


def _with_story_counts(model, stories: str):
    return model.objects.annotate(stories=Count(stories)).filter(stories__gt=0)


def _largest(model, stories: str):
    return _with_story_counts(model, stories).order_by("-stories", "pk").first()


def _smallest(model, stories: str):
    return _with_story_counts(model, stories).order_by("stories", "pk").first()


def _superuser_cookie() -> str:
    """A session cookie of a superuser (made if missing, with no password: it can only
    be logged in like this)."""
    User = get_user_model()
    user = User.objects.filter(username=ADMIN_USER).first()
    if user is None:
        user = User.objects.create_superuser(ADMIN_USER, email="", password=None)
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
