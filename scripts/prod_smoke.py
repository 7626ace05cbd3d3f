"""Drive a running Köprü deployment over HTTP, as an officer would, and check each step.

    python scripts/prod_smoke.py --base http://127.0.0.1:8100 --user smoke.officer --password ... \
        --document data/gold/extraction/seed_trt_kacir_china.txt --call-title "Smoke test call"

Steps: log in through the login form; upload one document through the API; wait until a task worker has
extracted it into suggestions; accept its events into engagements (and open one engagement's page);
request one reviewer assignment run for a closed call and wait until a worker finished it. With
--redis-url the RQ registries say which workers ran the jobs. Prints a table; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import requests


class Failed(Exception):
    pass


class AnyScheme(DefaultCookiePolicy):
    """Return secure cookies over plain HTTP too: the smoke test talks to gunicorn on the loopback."""

    def return_ok_secure(self, cookie, request):
        return True


class Smoke:
    def __init__(self, base: str, timeout: float):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.cookies.set_policy(AnyScheme())
        self.rows: list[tuple[str, str, float, str]] = []

    def url(self, path: str) -> str:
        return self.base + path

    def csrf(self) -> dict[str, str]:
        return {"X-CSRFToken": self.http.cookies.get("csrftoken", ""), "Referer": self.base + "/"}

    def expect(self, response: requests.Response, *statuses: int) -> requests.Response:
        if response.status_code not in statuses:
            raise Failed(
                f"{response.request.method} {response.url} answered {response.status_code}: "
                f"{response.text[:300]}"
            )
        return response

    def step(self, name: str, function) -> object:
        started = time.perf_counter()
        try:
            detail, result = function()
        except Exception as error:
            self.rows.append((name, "FAIL", time.perf_counter() - started, str(error)[:200]))
            raise
        self.rows.append((name, "ok", time.perf_counter() - started, detail))
        return result

    def wait(self, what: str, check, timeout: float):
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value is not None:
                return value
            if time.monotonic() > deadline:
                raise Failed(f"{what} did not happen within {timeout:g} s")
            time.sleep(0.5)

    # --- the steps -------------------------------------------------------------------------------------

    def log_in(self, user: str, password: str):
        self.expect(self.http.get(self.url("/accounts/login/"), timeout=self.timeout), 200)
        response = self.http.post(
            self.url("/accounts/login/"),
            data={
                "username": user,
                "password": password,
                "csrfmiddlewaretoken": self.http.cookies["csrftoken"],
            },
            headers={"Referer": self.url("/accounts/login/")},
            allow_redirects=False,
            timeout=self.timeout,
        )
        self.expect(response, 302)
        if "sessionid" not in self.http.cookies:
            raise Failed("the login set no session cookie")
        return f"{user} logged in", None

    def upload(self, path: Path):
        content = path.read_bytes() + f"\n(smoke test {time.time():.0f})\n".encode()
        response = self.expect(
            self.http.post(
                self.url("/api/intel/documents"),
                files=[("files", (path.name, content, "text/plain"))],
                data={"visibility": "shared"},
                headers=self.csrf(),
                timeout=self.timeout,
            ),
            201,
        )
        batch = response.json()
        return f"batch {batch['id']}, {batch['total']} file", batch["id"]

    def extracted(self, batch_id: int, timeout: float):
        def finished():
            batch = self.expect(
                self.http.get(self.url(f"/api/intel/batches/{batch_id}"), timeout=self.timeout), 200
            )
            data = batch.json()
            return data if data["finished"] == data["total"] else None

        data = self.wait("extraction", finished, timeout)
        item = data["items"][0]
        if item["status"] != "done" or not item["suggestions_created"]:
            raise Failed(
                f"extraction ended {item['status']} with {item['suggestions_created']} suggestions: "
                f"{item['error']}"
            )
        return f"document {item['document']}: {item['suggestions_created']} suggestions", item["document"]

    def accept_events(self, document_id: int):
        listed = self.expect(
            self.http.get(
                self.url("/api/intel/suggestions/"),
                params={"document": document_id, "kind": "event", "limit": 100},
                timeout=self.timeout,
            ),
            200,
        ).json()
        events = listed["items"] if isinstance(listed, dict) else listed
        if not events:
            raise Failed("the document has no event suggestions to accept")
        engagements = set()
        for suggestion in events:
            accepted = self.http.post(
                self.url(f"/api/intel/suggestions/{suggestion['id']}/accept"),
                json={},
                headers=self.csrf(),
                timeout=self.timeout,
            )
            if accepted.status_code == 200 and (accepted.json()["result"] or "").startswith("engagement:"):
                engagements.add(int(accepted.json()["result"].split(":")[1]))
        if not engagements:
            raise Failed("no event suggestion became an engagement")
        first = min(engagements)
        self.expect(self.http.get(self.url(f"/engagements/{first}/"), timeout=self.timeout), 200)
        return f"{len(events)} events -> engagements {sorted(engagements)}", sorted(engagements)

    def assignment(self, call_title: str, timeout: float):
        calls = self.expect(self.http.get(self.url("/api/calls/"), timeout=self.timeout), 200).json()
        calls = calls["items"] if isinstance(calls, dict) else calls
        call = next((c for c in calls if c["title"] == call_title), None)
        if call is None:
            raise Failed(f"no call titled {call_title!r}")
        run = self.expect(
            self.http.post(
                self.url(f"/api/calls/{call['id']}/assignment-runs"),
                headers=self.csrf(),
                timeout=self.timeout,
            ),
            202,
        ).json()

        def finished():
            page = self.expect(
                self.http.get(self.url(f"/calls/{call['id']}/assignments/"), timeout=self.timeout), 200
            ).text
            newest = re.search(r'<tr class="run-(\w+)"', page)  # the first row is the newest run
            return newest.group(1) if newest and newest.group(1) != "queued" else None

        status = self.wait("the assignment run", finished, timeout)
        if status != "optimal":
            raise Failed(f"assignment run {run['id']} ended {status}")
        return f"call {call['id']}: run {run['id']} {status}", run["id"]

    def workers(self, redis_url: str):
        from redis import Redis
        from rq.job import Job
        from rq.registry import FailedJobRegistry, FinishedJobRegistry

        connection = Redis.from_url(redis_url)
        finished = FinishedJobRegistry("default", connection=connection).get_job_ids()
        failed = FailedJobRegistry("default", connection=connection).get_job_ids()
        names = sorted(
            {job.worker_name or "?" for job in Job.fetch_many(finished, connection=connection) if job}
        )
        if failed:
            raise Failed(f"{len(failed)} RQ job(s) failed")
        if not finished:
            raise Failed("no job finished on an RQ worker")
        return f"{len(finished)} jobs finished on {', '.join(names)}", None

    def table(self) -> str:
        lines = [f"{'step':<24} {'result':<6} {'seconds':>8}  detail", "-" * 78]
        lines += [
            f"{name:<24} {result:<6} {seconds:>8.2f}  {detail}" for name, result, seconds, detail in self.rows
        ]
        return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--document", type=Path, required=True)
    parser.add_argument("--call-title", required=True)
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--timeout", type=float, default=180, help="seconds to wait for each background task")
    args = parser.parse_args(argv)

    smoke = Smoke(args.base, timeout=30)
    try:
        smoke.step("log in", lambda: smoke.log_in(args.user, args.password))
        batch = smoke.step("upload document", lambda: smoke.upload(args.document))
        document = smoke.step("extraction (worker)", lambda: smoke.extracted(batch, args.timeout))
        smoke.step("accept into engagement", lambda: smoke.accept_events(document))
        smoke.step("assignment run (worker)", lambda: smoke.assignment(args.call_title, args.timeout))
        if args.redis_url:
            smoke.step("RQ registries", lambda: smoke.workers(args.redis_url))
    except Exception:
        print(smoke.table())
        print("\nprod-smoke FAILED", file=sys.stderr)
        return 1
    print(smoke.table())
    print("\nHTTP checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
