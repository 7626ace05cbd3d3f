"""Load bench: the web stack under gunicorn on PostgreSQL at programme scale, next to the framework floor.

    .venv/bin/python bench/load.py                       # build the database, 1 client then 20 for 60 s
    .venv/bin/python bench/load.py --reuse               # keep the database of the previous run
    .venv/bin/python bench/load.py --reuse --duration 300            # the issue's 5 minutes
    .venv/bin/python bench/load.py --reuse --workers 4 --worker-class sync --threads 1
    .venv/bin/python bench/load.py --reuse --profile /documents/     # pyinstrument, in-process
    KOPRU_PROFILE_ALL=1 .venv/bin/python bench/load.py --reuse --profile board  # ... every frame shown

Builds (unless --reuse) a PostgreSQL database (KOPRU_BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kopru_perf_load; it is dropped and created) with 100,000 documents,
20,000 engagements, 50,000 evidence rows and 5,000 deals (and what surrounds them) with bench/insights.py's
bulk builder, then starts gunicorn (kopru.wsgi, bench/load_settings.py: the project's settings with a
bench-only floor view mounted in front) on 127.0.0.1 and drives, as a signed-in side-A officer, over HTTP:
  1. one client, each page in turn: p50/p95 per page and its p95 over the floor's p95 (target ≤ 3×);
  2. --clients concurrent clients (default 20) over the whole mix for --duration seconds (default 60):
     requests per second (target ≥ 40) and errors (target 0).
Both phases also report the server's CPU per request (gunicorn workers and PostgreSQL backends, read from
/proc): on a machine shared with other work wall times stretch with the load around them, CPU does not.
gunicorn runs as deployed (2 × gthread × 4 threads) unless told otherwise.
Loopback only; every request has a timeout and each phase is bounded in time and count.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kopru_perf_load"


def _fresh_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    if not name.startswith("kopru_perf"):
        raise SystemExit(f"refusing to drop {name!r}: the bench database name must start with kopru_perf")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _setup(url: str) -> None:
    os.environ["KOPRU_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "load_settings"
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)


def _prepare(args) -> dict:
    """The database (built or reused), a signed-in session and the ids the mix needs."""
    url = os.environ.get("KOPRU_BENCH_DATABASE_URL", DEFAULT_URL)
    started = time.perf_counter()
    if not args.reuse:
        _fresh_database(url)
    _setup(url)
    from django.contrib.auth import get_user_model

    if not args.reuse:
        import insights  # bench/insights.py: the same bulk builder

        insights._populate(args.scale)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from kopru.core.models import Document, Evidence
    from kopru.engage.models import Engagement
    from kopru.invest.models import Deal

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    officer = get_user_model().objects.get(username="bench.officer")
    client = Client()
    client.force_login(officer)
    counts = (Document.objects.count(), Engagement.objects.count(), Evidence.objects.count())
    print(
        f"database {url.rsplit('/', 1)[1]}: {counts[0]:,} documents, {counts[1]:,} engagements, "
        f"{counts[2]:,} evidence rows, {Deal.objects.count():,} deals "
        f"({'reused' if args.reuse else 'built'} in {time.perf_counter() - started:.0f} s)"
    )
    ids = {
        "document": Document.objects.order_by("pk").values_list("pk", flat=True)[counts[0] // 2],
        "engagement": Engagement.objects.order_by("pk").values_list("pk", flat=True)[counts[1] // 2],
        "deal": Deal.objects.order_by("pk").values_list("pk", flat=True)[500],
    }
    made = {
        "url": url,
        "cookie": (settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value),
        "ids": ids,
        "client": client,
    }
    connection.close()
    return made


# Reference rows, not pages of the product: the floor (a bare view, one primary-key read) and the layout (the
# same read drawn inside the chrome every signed-in page shares: session, user and profile, menu, language).
REFERENCES = ("floor", "layout")


def pages(ids: dict) -> dict[str, str]:
    """The mix: name → path. The floor first; each page of the issue's list once."""
    d, e, deal = ids["document"], ids["engagement"], ids["deal"]
    return {
        "floor": f"/bench/floor/{d}/",
        "layout": f"/bench/layout/{d}/",
        "dashboard": "/",
        "documents": "/documents/",
        "documents?filter": "/documents/?publisher=Xinhua&language=en",
        "documents?sort": "/documents/?sort=-published_date&page=3",
        "engagements": "/engagements/",
        "search": "/search/?q=battery",
        "documents?q": "/documents/?q=battery",
        "engagements?q": "/engagements/?q=battery",
        "document detail": f"/documents/{d}/",
        "engagement detail": f"/engagements/{e}/",
        "queue": "/intel/queue/",
        "invest": "/invest/",
        "board": "/invest/board/",
        "deal detail": f"/invest/deals/{deal}/",
        "case calculator": "/invest/case/",
        "api documents": "/api/documents/?limit=50",
        "api engagements": "/api/engagements/?limit=50",
        "api deals": "/api/invest/deals/?limit=50",
    }


def _gunicorn(args, made: dict) -> subprocess.Popen:
    env = dict(
        os.environ,
        KOPRU_DATABASE_URL=made["url"],
        DJANGO_SETTINGS_MODULE="load_settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "bench")]),
    )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "kopru.wsgi",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--threads",
        str(args.threads),
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)


class CpuMeter:
    """CPU seconds spent by the gunicorn workers and by the PostgreSQL backends serving the bench database,
    read from /proc (Linux) once a second while a phase runs. On a machine shared with other work the wall
    times stretch with the load around them; the CPU each request costs does not, so it says what the
    two cores would serve on their own (2 × 1000 / CPU ms per request)."""

    def __init__(self, server_pid: int, database: str):
        self.server_pid, self.database = server_pid, database
        self.seen: dict[int, tuple[str, float]] = {}  # pid -> (what, largest cumulative CPU seconds seen)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _stat(pid: int) -> tuple[int, float] | None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def sample(self) -> float:
        """Read the processes once; the CPU seconds they have spent in all (gunicorn and PostgreSQL)."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            pid = int(entry.name)
            stat = self._stat(pid)
            if stat is None:
                continue
            parent, cpu = stat
            what = None
            if parent == self.server_pid:
                what = "gunicorn"
            else:
                try:
                    title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                if title.startswith("postgres: ") and f" {self.database} " in title:
                    what = "postgresql"
            if what:
                self.seen[pid] = (what, max(cpu, self.seen.get(pid, (what, 0.0))[1]))
        return sum(cpu for _what, cpu in self.seen.values())

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            self.sample()

    def __enter__(self):
        self.sample()
        self.start = {pid: cpu for pid, (_what, cpu) in self.seen.items()}
        self.client_start = time.process_time()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()
        self.client = time.process_time() - self.client_start

    def spent(self, what: str, since_start: bool = True) -> float:
        """CPU seconds of one kind of process (since the meter's start, or in all as last sampled)."""
        start = self.start if since_start else {}
        return sum(cpu - start.get(pid, 0.0) for pid, (kind, cpu) in self.seen.items() if kind == what)


def _p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


async def _wait_ready(client, path: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if (await client.get(path)).status_code == 200:
                return
        except Exception:
            pass
        await asyncio.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


async def _one_client(client, mix: dict[str, str], requests: int, budget: float, meter) -> dict:
    """Each page in turn with one client: warm-up, then `requests` timed requests (bounded by `budget` s),
    with the server's CPU per request (gunicorn and PostgreSQL) from `meter`."""
    results = {}
    for name, path in mix.items():
        errors = 0
        for _ in range(2):
            response = await client.get(path)
            if response.status_code != 200:
                print(f"  {name} {path}: HTTP {response.status_code}")
        times = []
        started = time.monotonic()
        cpu_before = meter.sample()
        web_before = meter.spent("gunicorn", since_start=False)
        for _ in range(requests):
            begin = time.perf_counter()
            response = await client.get(path)
            times.append((time.perf_counter() - begin) * 1000)
            errors += response.status_code != 200
            if time.monotonic() - started > budget:
                break
        cpu = (meter.sample() - cpu_before) * 1000 / len(times)
        web = (meter.spent("gunicorn", since_start=False) - web_before) * 1000 / len(times)
        size = len(response.content)
        results[name] = (statistics.median(times), _p(times, 0.95), len(times), errors, size, cpu, web)
    return results


async def _many_clients(make_client, mix: dict[str, str], clients: int, duration: float) -> dict:
    stop = time.monotonic() + duration
    per_page: dict[str, list[float]] = {name: [] for name in mix}
    errors: dict[str, int] = dict.fromkeys(mix, 0)
    names = list(mix)

    async def user(number: int) -> None:
        rng = random.Random(number)
        async with make_client() as client:
            while time.monotonic() < stop:
                name = rng.choice(names)
                begin = time.perf_counter()
                try:
                    response = await client.get(mix[name])
                    ok = response.status_code == 200
                except Exception:
                    ok = False
                per_page[name].append((time.perf_counter() - begin) * 1000)
                errors[name] += not ok

    started = time.monotonic()
    await asyncio.gather(*(user(n) for n in range(clients)))
    return {"elapsed": time.monotonic() - started, "per_page": per_page, "errors": errors}


async def _drive(args, made: dict) -> None:
    import httpx

    logging.getLogger("httpx").setLevel(logging.WARNING)
    mix = {name: path for name, path in pages(made["ids"]).items() if name not in args.skip}
    base = f"http://127.0.0.1:{args.port}"
    name, value = made["cookie"]

    def make_client():
        return httpx.AsyncClient(
            base_url=base,
            cookies={name: value},
            timeout=httpx.Timeout(30.0),
            limits=httpx.Limits(max_connections=1),
        )

    async with make_client() as client:
        await _wait_ready(client, mix["floor"], time.monotonic() + 60)
        meter = CpuMeter(made["server_pid"], made["url"].rsplit("/", 1)[1])
        single = await _one_client(client, mix, args.requests, budget=20, meter=meter)
    floor95, floor_cpu = single["floor"][1], single["floor"][5]
    print(
        f"\none client ({args.workers} × {args.worker_class}"
        f"{f' × {args.threads} threads' if args.worker_class == 'gthread' else ''}), "
        f"{args.requests} requests per page"
    )
    print(
        f"{'page':<18} {'p50 ms':>8} {'p95 ms':>8} {'× floor':>8} {'KB':>7} {'errors':>6} "
        f"{'CPU ms':>7} {'× floor':>8} {'web ms':>7} {'PG ms':>6}  target ≤ 3× (p95)"
    )
    for page, (p50, p95, _count, errors, size, cpu, web) in single.items():
        ratio = p95 / floor95
        verdict = "" if page in REFERENCES else ("met" if ratio <= 3 and not errors else "NOT met")
        print(
            f"{page:<18} {p50:>8.1f} {p95:>8.1f} {ratio:>8.1f} {size / 1024:>7.0f} {errors:>6} "
            f"{cpu:>7.1f} {cpu / max(floor_cpu, 0.1):>8.1f} {web:>7.1f} {cpu - web:>6.1f}  {verdict}"
        )
    print(
        "CPU ms: the server's CPU per request (gunicorn workers and PostgreSQL backends, from /proc), "
        "split into web (gunicorn) and PG"
    )
    if args.clients <= 0 or args.duration <= 0:
        return
    with CpuMeter(made["server_pid"], made["url"].rsplit("/", 1)[1]) as meter:
        many = await _many_clients(make_client, mix, args.clients, args.duration)
    total = sum(len(t) for t in many["per_page"].values())
    errors = sum(many["errors"].values())
    rate = total / many["elapsed"]
    print(f"\n{args.clients} clients for {many['elapsed']:.0f} s over the mix")
    print(f"{'page':<18} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
    for page, times in many["per_page"].items():
        p50 = statistics.median(times) if times else float("nan")
        print(f"{page:<18} {len(times):>8} {p50:>8.1f} {_p(times, 0.95):>8.1f} {many['errors'][page]:>6}")
    verdict = "met" if rate >= 40 and errors == 0 else "NOT met"
    print(f"total: {total} requests, {rate:.1f} requests/s, {errors} errors  (≥ 40/s, 0 errors: {verdict})")
    if total:
        web, database = meter.spent("gunicorn") * 1000 / total, meter.spent("postgresql") * 1000 / total
        client = meter.client * 1000 / total
        print(
            f"CPU per request: gunicorn {web:.1f} ms, PostgreSQL {database:.1f} ms, "
            f"this client {client:.1f} ms; "
            f"two cores serving only the server side: {2000 / (web + database):.0f} requests/s; "
            f"load average {os.getloadavg()[0]:.1f}"
        )


def _profile(made: dict, path: str) -> None:
    from pyinstrument import Profiler

    client = made["client"]
    path = pages(made["ids"]).get(path, path)
    client.get(path)
    profiler = Profiler()
    profiler.start()
    for _ in range(5):
        client.get(path)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("KOPRU_PROFILE_ALL"))))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reuse", action="store_true", help="keep the database of the previous run")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the programme-scale sizes")
    parser.add_argument("--port", type=int, default=8850)
    parser.add_argument("--workers", type=int, default=2)
    # the deployment's choice (ops/systemd/kopru-web.service, docs/operations.md)
    parser.add_argument("--worker-class", default="gthread", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page with one client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the concurrent phase")
    parser.add_argument(
        "--profile", metavar="PAGE", help="profile one page in-process (name or path) and exit"
    )
    parser.add_argument("--skip", nargs="*", default=[], metavar="PAGE", help="leave these pages out")
    parser.add_argument("--only-build", action="store_true", help="build the database and exit")
    args = parser.parse_args()
    made = _prepare(args)
    if args.only_build:
        return
    if args.profile:
        _profile(made, args.profile)
        return
    server = _gunicorn(args, made)
    made["server_pid"] = server.pid
    try:
        asyncio.run(_drive(args, made))
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
