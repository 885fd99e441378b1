"""The services a deployment runs, started for the tests: an S3 endpoint (moto's server),
Redis, and app servers (gunicorn with newsroom/gunicorn.conf.py).

Every process started here listens on 127.0.0.1 on a port it picked itself, and is
stopped by its PID when the tests that need it are done, failed or not. A missing tool
skips those tests locally; in CI (`CI` set) it fails them.
"""

import os
import random
import re
import runpy
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from secrets import token_hex
from urllib.parse import quote

import boto3
import pytest
import redis
from django.conf import global_settings, settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.deployment.http import Visitor

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# Any key pair will do for moto; boto3 only needs one to sign requests.
AWS_KEYS = {"AWS_ACCESS_KEY_ID": "newsroom-test", "AWS_SECRET_ACCESS_KEY": "secret"}


def missing(message: str):
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def start(command: list, *, log: Path, listening: str, env=None) -> tuple:
    """Start `command` with its output in `log`, and wait until the output matches
    `listening` (a pattern whose group is the address it listens on)."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own arguments)
            command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=PROJECT
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if found := re.search(listening, log.read_text(errors="replace")):
            return process, found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    stop(process)
    pytest.fail(f"{command[0]} did not start:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def settings_from_environment(monkeypatch, variables: dict) -> dict:
    """newsroom/settings.py as it reads these environment variables."""
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT / "newsroom" / "settings.py"))


# S3 ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class S3:
    endpoint: str
    public_bucket: str
    private_bucket: str

    @property
    def environment(self) -> dict:
        """The variables that put the site's pictures in these buckets."""
        return AWS_KEYS | {
            "NEWSROOM_S3_BUCKET": self.public_bucket,
            "NEWSROOM_S3_ORIGINALS_BUCKET": self.private_bucket,
            "NEWSROOM_S3_ENDPOINT_URL": self.endpoint,
            "NEWSROOM_S3_REGION": "us-east-1",
        }

    @property
    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=AWS_KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=AWS_KEYS["AWS_SECRET_ACCESS_KEY"],
        )

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        listed = self.client.list_objects_v2(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """The S3 endpoint `.ci/run` started (NEWSROOM_TEST_S3_ENDPOINT), else moto's server
    started here."""
    if endpoint := os.environ.get("NEWSROOM_TEST_S3_ENDPOINT"):
        yield endpoint
        return
    moto_server = BIN / "moto_server"
    if not moto_server.exists():
        missing(
            "moto_server is missing, so the S3 tests cannot run: install the test extra "
            "(`make install`), which brings moto[server]."
        )
    process, endpoint = start(
        [moto_server, "-H", "127.0.0.1", "-p", "0"],
        log=tmp_path_factory.mktemp("moto") / "moto.log",
        listening=r"Running on (http://127\.0\.0\.1:\d+)",
    )
    try:
        yield endpoint
    finally:
        stop(process)


def new_buckets(endpoint: str) -> S3:
    """A public and a private bucket nobody else uses."""
    s3 = S3(endpoint, f"newsroom-media-{token_hex(4)}", f"newsroom-{token_hex(4)}")
    s3.client.create_bucket(Bucket=s3.public_bucket)
    s3.client.create_bucket(Bucket=s3.private_bucket)
    return s3


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch) -> S3:
    """The site's pictures in S3 (buckets of this test's own), configured through the
    environment as in production."""
    buckets = new_buckets(s3_endpoint)
    configured = settings_from_environment(monkeypatch, buckets.environment)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": configured["STORAGES"]["default"],
        "originals": configured["STORAGES"]["originals"],
    }
    settings.SECURE_CSP = configured["SECURE_CSP"]
    return buckets


# Redis and app servers -------------------------------------------------------------------


@pytest.fixture(scope="session")
def redis_url():
    """A Redis database nobody is using (one of the 16), emptied when the tests end."""
    try:
        redis.Redis(REDIS_HOST, REDIS_PORT, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        missing(f"Redis is not answering on {REDIS_HOST}:{REDIS_PORT}.")
    for number in random.sample(range(1, 16), 15):
        database = redis.Redis(REDIS_HOST, REDIS_PORT, db=number)
        if database.dbsize() == 0:
            break
    else:
        missing("Every Redis database holds keys: none is free for the tests.")
    try:
        yield f"redis://{REDIS_HOST}:{REDIS_PORT}/{number}"
    finally:
        database.flushdb()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected with their manifest of hashed names, as app servers
    without DEBUG need them (uncompressed: tests/test_serving.py checks compression)."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        **django_settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def database_url() -> str:
    """The test database, for processes other than this one."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"], safe="")
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@dataclass(frozen=True)
class AppServer:
    url: str
    log: Path


@pytest.fixture(scope="session")
def app_environment(s3_endpoint, redis_url, collected_static) -> dict:
    """What the app servers differ by from this machine's environment: production
    settings, buckets of their own, one Redis database, the page cache on."""
    return new_buckets(s3_endpoint).environment | {
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "false",  # plain HTTP
        "DJANGO_STATIC_ROOT": str(collected_static),
        "DJANGO_SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "CACHE_URL": redis_url,
        "NEWSROOM_PAGE_CACHE_SECONDS": "600",
    }


@pytest.fixture
def same_services_as_app_servers(settings, monkeypatch, app_environment):
    """This test's own writes go where the app servers read: the same storage and
    cache, so what a change refreshes is refreshed for them."""
    configured = settings_from_environment(monkeypatch, app_environment)
    for name in ("STORAGES", "SECURE_CSP", "CACHES"):
        setattr(settings, name, configured[name])
    settings.NEWSROOM_PAGE_CACHE_SECONDS = int(
        app_environment["NEWSROOM_PAGE_CACHE_SECONDS"]
    )
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    # Passwords set here are checked there, with Django's hashers.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


@pytest.fixture(scope="module")
def app_servers(django_db_setup, app_environment, tmp_path_factory):
    """Two gunicorn servers (newsroom/gunicorn.conf.py, one worker each) on the test
    database, with one Redis and one S3 endpoint."""
    environment = (
        os.environ
        | app_environment
        | {
            "DATABASE_URL": database_url(),
            "NEWSROOM_BIND": "127.0.0.1:0",
            "WEB_CONCURRENCY": "1",
        }
    )
    logs = tmp_path_factory.mktemp("app-servers")
    started, servers = [], []
    try:
        for name in ("a", "b"):
            process, url = start(
                [BIN / "gunicorn", "-c", "newsroom/gunicorn.conf.py", "newsroom.wsgi"],
                log=logs / f"{name}.log",
                listening=r"Listening at: (http://127\.0\.0\.1:\d+)",
                env=environment,
            )
            started.append(process)
            servers.append(AppServer(url, logs / f"{name}.log"))
        for server in servers:
            wait_until_healthy(server)
        yield servers
    finally:
        for process in started:
            stop(process)


def wait_until_healthy(server: AppServer) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Visitor().get(f"{server.url}/healthz").status == 200:
                return
        except OSError:  # the worker is still booting
            pass
        time.sleep(0.2)
    pytest.fail(f"{server.url} never became healthy:\n{server.log.read_text()}")
