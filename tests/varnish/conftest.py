"""Tests against a real Varnish (Debian's varnish and varnish-modules) on loopback,
running the project's VCL in front of pytest-django's live server. They skip when
Varnish is missing, and fail instead when the CI variable is set."""

import glob
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "newsroom.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHADM = shutil.which("varnishadm") or "/usr/bin/varnishadm"
# varnish-modules' xkey, which the VCL imports.
XKEY_VMOD = "/usr/lib/*/varnish/vmods/libvmod_xkey.so"


@dataclass
class Response:
    status: int
    reason: str
    headers: http.client.HTTPMessage
    text: str

    @property
    def cache(self) -> str:
        """How Varnish answered: HIT, HIT-STALE, MISS or PASS (the VCL's X-Cache)."""
        return self.headers["X-Cache"]


class Varnish:
    def __init__(self, port: int, workdir: Path):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.workdir = workdir

    def forget_everything(self) -> None:
        """Ban every cached object, so that a test starts with an empty cache."""
        subprocess.run(  # noqa: S603 (our own arguments)
            [VARNISHADM, "-n", str(self.workdir), "ban", "obj.status != 0"],
            check=True,
            capture_output=True,
        )

    def request(
        self, method: str, path: str, headers=None, source: str = "127.0.0.1"
    ) -> Response:
        """`source`: the loopback address to send from (Varnish's client.ip)."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=10, source_address=(source, 0)
        )
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            text = response.read().decode()
            return Response(response.status, response.reason, response.headers, text)
        finally:
            connection.close()

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, headers)


def _missing() -> str | None:
    if not Path(VARNISHD).exists():
        return "varnishd"
    if not glob.glob(XKEY_VMOD):
        return "varnish-modules' xkey"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vcl_for(backend_url: str) -> str:
    """The project's VCL with the app server it sends requests to."""
    backend = urlsplit(backend_url)
    vcl, count = re.subn(
        r'(backend app \{\s*\.host = )"[^"]*";(\s*\.port = )"[^"]*";',
        rf'\1"{backend.hostname}";\2"{backend.port}";',
        VCL.read_text(),
    )
    assert count == 1, f"no `backend app` with .host and .port in {VCL}"
    return vcl


@pytest.fixture(scope="session")
def varnishd(live_server, tmp_path_factory):
    """Varnish on a free loopback port, running our VCL in front of the live server,
    for the whole session: compiling the VCL takes a second or two."""
    if missing := _missing():
        message = (
            f"{missing} is missing, so the Varnish tests cannot run: install it with "
            "`apt-get install varnish varnish-modules` (`make test` does that when run as root)."
        )
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    directory = tmp_path_factory.mktemp("varnish")
    vcl = directory / "newsroom.vcl"
    vcl.write_text(vcl_for(live_server.url))
    varnish = Varnish(_free_port(), directory / "varnishd")
    log_path = directory / "varnishd.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 (our own arguments)
            [
                VARNISHD,
                "-F",  # in the foreground, so the process is the one we stop
                "-j",  # no jail: varnishd running as root would switch to the
                "none",  # varnish user, who cannot enter pytest's private tmp dirs
                "-n",
                str(varnish.workdir),
                "-a",
                f"127.0.0.1:{varnish.port}",
                "-T",
                "127.0.0.1:0",  # for varnishadm, found through -n
                "-f",
                str(vcl),
                "-s",
                "malloc,32m",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_answering(varnish, process, log_path)
        yield varnish
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def varnish(varnishd, settings):
    """The session's Varnish, emptied, with the site purging it."""
    varnishd.forget_everything()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    settings.NEWSROOM_PURGE_BACKENDS = [
        {
            "BACKEND": "articles.cache.purge.VarnishBackend",
            "OPTIONS": {"url": varnishd.url},
        }
    ]
    return varnishd


def _wait_until_answering(varnish, process, log_path, timeout=60):
    """Until the VCL is compiled and the cache process answers a purge."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"varnishd stopped:\n{log_path.read_text()}", pytrace=False)
        try:
            if varnish.request("PURGE", "/", {"xkey-purge": "none"}).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"varnishd did not answer:\n{log_path.read_text()}", pytrace=False)
