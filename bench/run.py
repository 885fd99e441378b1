"""`make bench`: seed a throw-away database with a large newsroom and print what the
site costs at that size, each figure with the command that reproduces it.

1. `manage.py seed_bench`: 10,000 stories, 20,000 images, 500 tags (SQLite file in a
   temporary folder; with --postgres, a database made and dropped on that server).
2. `manage.py benchmark_pages`: queries and in-process time of every kind of public
   page with the page cache off, the admin's lists and searches, and a check that no
   list runs more queries for more stories.
3. `bench/instructions.sh`: instructions per request of the article page (valgrind),
   page cache off and on.
4. wrk against gunicorn (2 sync workers, newsroom/gunicorn.conf.py): requests per
   second and p50/p99 latency of the article page, page cache off and on, beside a
   trivial WSGI app answering the same bytes under the same config (bench/trivial_app.py),
   at 8 and 32 connections. The three servers run side by side and the runs take turns,
   so a machine's changing load falls on all three alike; figures are medians.

    .venv/bin/python bench/run.py [--quick] [--postgres postgres://user@host:5432] [--keep]
"""

import argparse
import base64
import contextlib
import http.client
import json
import os
import re
import resource
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CONNECTIONS = (8, 32)
PAGE_CACHE_ON = "600"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per figure")
    parser.add_argument("--seconds", type=int, default=5, help="length of a wrk run")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1,000 stories, one wrk run of 3 s, no valgrind: a check that it all works",
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server where a throw-away database may be made, e.g. "
        "postgres://postgres@127.0.0.1:5432 (default: an SQLite file)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the database and files, so the printed commands can be run again",
    )
    options = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # in order with the commands' output
    if options.quick:
        options.articles, options.images, options.runs, options.seconds = (
            1000,
            2000,
            1,
            3,
        )
    # wrk holds a socket per connection, gunicorn a few per worker.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    database = f"newsroom_bench_{os.getpid()}"
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "NEWSROOM_MEDIA_ROOT": str(folder / "media"),
        "NEWSROOM_ORIGINALS_ROOT": str(folder / "originals"),
        "NEWSROOM_PAGE_CACHE_SECONDS": "0",
        "DATABASE_URL": f"{options.postgres}/{database}"
        if options.postgres
        else f"sqlite:///{folder / 'bench.sqlite3'}",
    }
    bench = Bench(env, folder)
    try:
        if options.postgres:
            run(["createdb", f"--maintenance-db={options.postgres}/postgres", database])
        bench.prepare(options)
        bench.pages()
        if not options.quick:
            bench.instructions()
        bench.http(options)
    finally:
        bench.stop_servers()
        if options.keep:
            print(
                f"\nKept: {folder}"
                + (f" and database {database}" if options.postgres else "")
            )
        else:
            shutil.rmtree(folder, ignore_errors=True)
            if options.postgres:
                run(
                    [
                        "dropdb",
                        "--if-exists",
                        f"--maintenance-db={options.postgres}/postgres",
                        database,
                    ]
                )


class Bench:
    def __init__(self, env: dict[str, str], folder: Path):
        self.env = env
        self.folder = folder
        self.servers: dict[int, subprocess.Popen] = {}  # by port
        self.logs = []
        self.article = ""

    def manage(self, *args: str, capture=False, **env: str) -> str:
        completed = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        return completed.stdout or ""

    def prepare(self, options) -> None:
        print("Environment of every command below:")
        for name in (
            "DATABASE_URL",
            "DJANGO_DEBUG",
            "DJANGO_ALLOWED_HOSTS",
            "DJANGO_STATIC_ROOT",
            "NEWSROOM_MEDIA_ROOT",
            "NEWSROOM_ORIGINALS_ROOT",
            "NEWSROOM_PAGE_CACHE_SECONDS",
        ):
            print(f"  export {name}={shlex.quote(self.env[name])}")
        print(
            f"  (cache: {self.env.get('CACHE_URL') or 'local memory'}; {os.cpu_count()} CPUs)"
        )
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        seed = [
            "seed_bench",
            f"--articles={options.articles}",
            f"--images={options.images}",
            f"--tags={options.tags}",
        ]
        print(f"\n$ python manage.py {' '.join(seed)}")
        output = self.manage(*seed, capture=True)
        print(output, end="")
        self.article = re.search(r"article page: (\S+)", output)[1]

    def pages(self) -> None:
        print("\n$ python manage.py benchmark_pages")
        self.manage("benchmark_pages")

    def instructions(self) -> None:
        print(
            f"\nInstructions per request of the article page {self.article} (callgrind):"
        )
        # Requests made in the two runs: few where one takes seconds under valgrind,
        # more where one is cheap and a garbage collection would weigh.
        for label, seconds, requests in (
            ("page cache off", "0", ("1", "3")),
            ("page cache on", PAGE_CACHE_ON, ("5", "25")),
        ):
            command = ["bench/instructions.sh", self.article, *requests]
            result = subprocess.run(
                command,
                cwd=ROOT,
                env={**self.env, "NEWSROOM_PAGE_CACHE_SECONDS": seconds},
                check=True,
                text=True,
                stdout=subprocess.PIPE,
            ).stdout.strip()
            print(f"  {label:15} {result}")
            print(
                f"  {'':15} $ NEWSROOM_PAGE_CACHE_SECONDS={seconds} {shlex.join(command)}"
            )

    def http(self, options) -> None:
        site = {
            "page cache off": self.serve(
                "newsroom.wsgi", NEWSROOM_PAGE_CACHE_SECONDS="0"
            ),
            "page cache on": self.serve(
                "newsroom.wsgi", NEWSROOM_PAGE_CACHE_SECONDS=PAGE_CACHE_ON
            ),
        }
        # The trivial app answers with what the cached page sends (status, headers,
        # body); the server adds its own Date and Server, as it does for the site.
        recorded = self.folder / "response.json"
        recorded.write_text(json.dumps(fetch(site["page cache on"], self.article)))
        servers = {
            "trivial WSGI app": self.serve(
                "bench.trivial_app:application", BENCH_RESPONSE=str(recorded)
            ),
            **site,
        }
        print(
            f"\nRequests per second and latency of {self.article} under gunicorn "
            f"(2 sync workers, newsroom/gunicorn.conf.py), wrk, median of {options.runs} "
            f"run(s) of {options.seconds} s; the servers' CPU time per request (their "
            "processes' user and system time over the requests answered), which the "
            "machine's other work disturbs less:"
        )
        print(
            f"  {'server':18} {'conns':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'errors':>6} {'vs trivial':>10} {'CPU ms/req':>10} {'vs trivial':>10}"
        )
        for connections in CONNECTIONS:
            runs = {name: [] for name in servers}
            cpu = dict.fromkeys(servers, 0.0)
            for _ in range(options.runs):
                for name, port in servers.items():
                    before = self.cpu_seconds(port)
                    runs[name].append(
                        wrk(port, self.article, connections, options.seconds)
                    )
                    cpu[name] += self.cpu_seconds(port) - before
            rates = {
                name: statistics.median(m.rate for m in runs[name]) for name in runs
            }
            # None when no request was answered within a run (each took longer).
            cpu_per_request = {
                name: cpu[name] * 1000 / answered
                if (answered := sum(m.requests for m in runs[name]))
                else None
                for name in runs
            }
            base_rate = rates["trivial WSGI app"]
            base_cpu = cpu_per_request["trivial WSGI app"]
            for name, measured in runs.items():
                per_request = cpu_per_request[name]
                print(
                    f"  {name:18} {connections:>5} {rates[name]:>8.0f} "
                    f"{statistics.median(m.p50 for m in measured):>8.2f} "
                    f"{statistics.median(m.p99 for m in measured):>8.2f} "
                    f"{sum(m.errors for m in measured):>6} "
                    f"{rates[name] / base_rate:>10.2f} "
                    + (
                        f"{per_request:>10.2f} {base_cpu / per_request:>10.2f}"
                        if per_request
                        else f"{'-':>10} {'-':>10}"
                    )
                )
        print(
            "  $ gunicorn -c newsroom/gunicorn.conf.py --workers 2 --threads 1 --bind 127.0.0.1:PORT "
            "newsroom.wsgi   (bench.trivial_app:application with BENCH_RESPONSE=FILE)\n"
            f"  $ wrk --latency -t2 -cCONNS -d{options.seconds}s "
            f"http://127.0.0.1:PORT{self.article}"
        )

    def serve(self, app: str, **env: str) -> int:
        port = free_port()
        log = open(self.folder / f"gunicorn-{port}.log", "w")  # closed in stop_servers
        self.logs.append(log)
        server = subprocess.Popen(
            [
                GUNICORN,
                "--config",
                "newsroom/gunicorn.conf.py",
                "--workers",
                "2",
                "--threads",  # sync workers, whichever cache the settings name
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                app,
            ],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=subprocess.DEVNULL,  # gunicorn.conf.py logs every request there
            stderr=log,
        )
        self.servers[port] = server
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                if fetch(port, self.article)["status"].startswith("200"):
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start: see {self.folder}")
            time.sleep(0.2)
        for _ in range(20):  # both workers warm (caches filled, connections open)
            fetch(port, self.article)
        return port

    def cpu_seconds(self, port: int) -> float:
        """CPU time (user and system) of a gunicorn server so far: its master, its
        workers, and the workers it has replaced."""
        master = self.servers[port].pid
        ticks = _cpu_ticks(master, with_reaped_children=True)
        for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
            with contextlib.suppress(FileNotFoundError):  # a worker just replaced
                ticks += _cpu_ticks(int(child), with_reaped_children=False)
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop_servers(self) -> None:
        for server in self.servers.values():
            server.send_signal(signal.SIGTERM)
        for server in self.servers.values():
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        for log in self.logs:
            log.close()


def _cpu_ticks(pid: int, *, with_reaped_children: bool) -> int:
    # After the command's name in parentheses (which may hold spaces), the fields from
    # the third: utime and stime are the 14th and 15th, cutime and cstime (children
    # waited for) the 16th and 17th.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11 : 15 if with_reaped_children else 13])


def fetch(port: int, path: str) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return {
            "status": f"{response.status} {response.reason}",
            "headers": [
                (name, value)
                for name, value in response.getheaders()
                if name.lower() not in ("date", "server", "connection")
            ],
            "body": base64.b64encode(response.read()).decode(),
        }
    finally:
        connection.close()


@dataclass
class Measured:
    requests: int
    rate: float
    p50: float
    p99: float
    errors: int
    output: str  # wrk's report


def wrk(
    port: int, path: str, connections: int, seconds: int, timeout: int = 10
) -> Measured:
    """`wrk --latency` on one page; a request unanswered after `timeout` seconds is
    an error."""
    output = subprocess.run(
        [
            "wrk",
            "--latency",
            "--threads=2",
            f"--connections={connections}",
            f"--duration={seconds}s",
            f"--timeout={timeout}s",
            f"http://127.0.0.1:{port}{path}",
        ],
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    ).stdout
    return parse_wrk(output)


_MILLISECONDS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}


def parse_wrk(output: str) -> Measured:
    """Requests per second, median and 99th percentile latency (ms) and errors (socket
    errors, and answers other than 2xx or 3xx) from `wrk --latency`."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latencies = {
        percent: float(value) * _MILLISECONDS[unit]
        for percent, value, unit in re.findall(
            r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE
        )
    }
    if not rate or not {"50", "99"} <= latencies.keys():
        raise SystemExit(f"Unexpected output from wrk:\n{output}")
    errors = sum(
        int(count)
        for count in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)
    )
    if non_2xx := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(non_2xx[1])
    return Measured(
        requests=int(re.search(r"(\d+) requests in ", output)[1]),
        rate=float(rate[1]),
        p50=latencies["50"],
        p99=latencies["99"],
        errors=errors,
        output=output,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str]) -> None:
    subprocess.run(command, check=True)


if __name__ == "__main__":
    sys.exit(main())
