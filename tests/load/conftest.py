"""The load tests (`make loadtest`): gunicorn serving a seeded site from a PostgreSQL
cluster of the tests' own, which they may stop and start (never the machine's shared
one). They take a few minutes, so they run only when asked for: `pytest -m load`.

Every process started here listens on 127.0.0.1 on a free port and is stopped by its
PID when the tests are done, failed or not. A missing tool skips the tests locally; in
CI (`CI` set) it fails them.
"""

import getpass
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.run import fetch, free_port
from tests.deployment.conftest import PROJECT, missing, start, stop

PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
# Debian's PostgreSQL binaries, one folder per version.
POSTGRES_BINARIES = sorted(
    Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name)
)


def pytest_collection_modifyitems(config, items):
    if "load" not in config.option.markexpr:
        skip = pytest.mark.skip(reason="load tests run when asked for: make loadtest")
        for item in items:
            if "load" in item.keywords:
                item.add_marker(skip)


@dataclass
class Cluster:
    """A PostgreSQL cluster in a folder of its own, run as `user`."""

    folder: Path
    port: int
    user: str

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def pg_ctl(self, *args: str) -> None:
        self.run(
            "pg_ctl",
            "--pgdata",
            str(self.folder / "data"),
            "--log",
            str(self.folder / "postgres.log"),
            "--wait",
            *args,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.pg_ctl("--options", options, "start")

    def stop(self) -> None:
        # Fast: open connections are cut, as when a database server goes down.
        self.pg_ctl("--mode", "fast", "stop")

    def run(self, program: str, *args: str) -> None:
        command = [str(POSTGRES_BINARIES[-1] / program), *args]
        if self.user != getpass.getuser():
            # initdb and postgres refuse to run as root.
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603 (our own arguments)


@pytest.fixture(scope="session")
def cluster():
    if not POSTGRES_BINARIES:
        missing("PostgreSQL's server binaries (/usr/lib/postgresql/*/bin) are missing.")
    # Not under pytest's temporary folder, which only its owner may enter.
    folder = Path(tempfile.mkdtemp(prefix="newsroom-load-postgres-"))
    user = "postgres" if os.geteuid() == 0 else getpass.getuser()
    shutil.chown(folder, user)
    cluster = Cluster(folder, free_port(), user)
    cluster.run(
        "initdb",
        "--pgdata",
        str(folder / "data"),
        "--auth=trust",
        "--username=postgres",
        "--no-sync",
    )
    cluster.start()
    try:
        cluster.run(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            "postgres",
            "newsroom",
        )
        yield cluster
    finally:
        cluster.run(
            "pg_ctl", "--pgdata", str(folder / "data"), "--mode", "immediate", "stop"
        )
        shutil.rmtree(folder)


@pytest.fixture(scope="session")
def site(cluster, tmp_path_factory) -> dict:
    """The environment of app servers on a seeded newsroom in the cluster, with the
    path of an article page to load ("article")."""
    folder = tmp_path_factory.mktemp("site")
    environment = os.environ | {
        "DATABASE_URL": cluster.url,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "NEWSROOM_MEDIA_ROOT": str(folder / "media"),
        "NEWSROOM_ORIGINALS_ROOT": str(folder / "originals"),
    }

    def manage(*command: str) -> str:
        return subprocess.run(  # noqa: S603 (our own arguments)
            [PYTHON, "manage.py", *command],
            cwd=PROJECT,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    seeded = manage("seed_bench", "--articles=500", "--images=500", "--tags=50")
    return environment | {"article": re.search(r"article page: (\S+)", seeded)[1]}


@contextmanager
def app_server(site: dict, log: Path, **environment: str):
    """gunicorn with newsroom/gunicorn.conf.py and 2 sync workers; yields its port."""
    process, address = start(
        [
            GUNICORN,
            "-c",
            "newsroom/gunicorn.conf.py",
            "--workers",
            "2",
            "--threads",  # sync workers, whichever cache the settings name
            "1",
            "newsroom.wsgi",
        ],
        log=log,
        listening=r"Listening at: http://127\.0\.0\.1:(\d+)",
        env=site | {"NEWSROOM_BIND": "127.0.0.1:0"} | environment,
    )
    port = int(address)
    try:
        deadline = time.monotonic() + 60
        while fetch(port, site["article"])["status"] != "200 OK":
            if time.monotonic() > deadline:
                pytest.fail(f"The article page never answered:\n{log.read_text()}")
            time.sleep(0.2)
        yield port
    finally:
        stop(process)
