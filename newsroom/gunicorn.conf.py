"""gunicorn's settings for the newsroom's app servers, used by `make serve` and in
production: `gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi`. What a deployment
changes comes from the environment or the .env file, as for Django's settings;
gunicorn's own command-line options still win."""

import os
from pathlib import Path

import environ

environ.Env.read_env(Path(__file__).resolve().parent.parent / ".env")

# HOST:PORT or unix:PATH. Behind a load balancer on another machine: 0.0.0.0:8000.
bind = os.environ.get("NEWSROOM_BIND", "127.0.0.1:8000")

# WEB_CONCURRENCY requests at once: twice the cores keeps them busy while some wait on
# the database. Slow clients are held by the load balancer or Varnish in front.
concurrency = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
cache = environ.Env().cache("CACHE_URL", default="locmemcache://")  # as settings.py
local_memory = cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
if local_memory:
    # The local-memory cache is one per process: a save refreshes the stored pages only
    # in its own, and another would serve the old page for up to
    # NEWSROOM_PAGE_CACHE_SECONDS. So one process shares one cache, on as many threads
    # (gunicorn then runs gthread workers), at the cost of Python running on one core.
    workers, threads = 1, concurrency
    # Never recycled: nothing answers while it restarts, and its page cache is lost.
    max_requests = max_requests_jitter = 0
else:
    # A shared cache (Redis): sync workers, one request each at a time, since a page is
    # CPU and database work.
    workers, threads = concurrency, 1
    # A worker is replaced after this many requests (staggered), so a slow leak cannot
    # grow; the others answer meanwhile. Not much sooner: a new worker imports Django,
    # about a second of CPU (every 2,000 requests, that was half of a cached page's).
    max_requests, max_requests_jitter = 50_000, 5_000

timeout = 30  # a worker silent this long is killed and replaced
graceful_timeout = (
    30  # on SIGTERM or SIGHUP, requests under way get this long to finish
)

# One line per request on stdout, with its duration in milliseconds; errors on stderr.
accesslog = "-"
errorlog = "-"
logger_class = "newsroom.log_redaction.AccessLogger"  # no password reset tokens
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
)


def on_starting(server):
    """Say so when `--workers` overrides the one process the local-memory cache needs:
    each process would keep its own stored pages, and a change would refresh one."""
    if local_memory and server.cfg.workers > 1:
        server.log.warning(
            "%s worker processes share no page cache (CACHE_URL is the local-memory "
            "cache): after a change, the others serve the old page for up to "
            "NEWSROOM_PAGE_CACHE_SECONDS. Set CACHE_URL to Redis, or leave out "
            "--workers (this file then runs one process on threads).",
            server.cfg.workers,
        )
