"""Screenshots of the main screens in the three languages, for the README and for reviewing the wording.

    python scripts/screenshots.py                 # builds a fresh demo database, serves it, shoots, stops
    python scripts/screenshots.py --base http://127.0.0.1:8000 --password PW   # a demo already running

Signs in as a desk officer (`officer.tr` by default) and saves docs/img/<page>-<language>.png at 1,280 px
wide for the dashboard, the review queue, the investment board, the investment-case calculator and a call
page, in English, Turkish and Simplified Chinese. Without --base it creates the demo in a temporary folder
(SQLite, `kopru migrate` + `kopru demo`), runs `kopru runserver` on a free port and stops it afterwards, so
the screenshots always show the demo as `make demo` builds it. Drives Debian's Chromium through Playwright,
as the browser tests do. Prints one line per file; exits 1 when a page does not answer 200.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WIDTH, HEIGHT, MAX_HEIGHT = 1280, 900, 2400
# File suffix → the language code Django's language cookie takes.
LANGUAGES = {"en": "en", "tr": "tr", "zh_Hans": "zh-hans"}
# File name → path (a call page is found on the calls list, since its id depends on the database).
PAGES = {
    "dashboard": "/",
    "review-queue": "/intel/queue/",
    "investment-board": "/invest/board/",
    "calculator": "/invest/case/",
    "call": None,
}


class Failed(Exception):
    pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/accounts/login/", timeout=2) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False


@contextmanager
def demo_server(python: str):
    """A fresh demo database in a temporary folder, served on a free port until the block ends."""
    with tempfile.TemporaryDirectory(prefix="kopru-screens-") as folder:
        password = secrets.token_urlsafe(12)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "KOPRU_VAR_DIR": folder,
            "KOPRU_DATABASE_URL": f"sqlite:///{folder}/kopru.sqlite3",
            "KOPRU_DEBUG": "0",
        }
        kopru = [python, "-m", "kopru.cli"]
        print("building the demo database (about a minute)…", flush=True)
        for command in (["migrate", "--noinput"], ["demo", "--password", password]):
            subprocess.run([*kopru, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        port = _free_port()
        log = open(Path(folder) / "server.log", "w")  # noqa: SIM115  (closed below, after the server)
        server = subprocess.Popen(
            [*kopru, "runserver", "--insecure", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while not _answers(base):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise Failed(f"the demo server did not start; see {log.name}")
                time.sleep(0.3)
            yield base, password
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()


def _sign_in(page, base: str, user: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    if page.url.startswith(f"{base}/accounts/login/"):
        raise Failed(f"could not sign in as {user}")


def _a_call_page(page, base: str) -> str:
    page.goto(f"{base}/calls/")
    hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(link => link.getAttribute('href'))")
    for href in hrefs:
        if re.fullmatch(r"/calls/\d+/", href or ""):
            return href
    raise Failed("the calls page links to no call")


def shoot(base: str, user: str, password: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        page = context.new_page()
        _sign_in(page, base, user, password)
        paths = {**PAGES, "call": _a_call_page(page, base)}
        for suffix, cookie in LANGUAGES.items():
            context.add_cookies([{"name": "django_language", "value": cookie, "url": base}])
            for name, path in paths.items():
                response = page.goto(base + path)
                if response is None or response.status != 200:
                    raise Failed(f"{path} in {suffix} answered {response.status if response else 'nothing'}")
                page.wait_for_load_state("networkidle")
                height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                target = out / f"{name}-{suffix}.png"
                page.screenshot(
                    path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": height}
                )
                saved.append(target)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target, flush=True)
        browser.close()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="a running demo, e.g. http://127.0.0.1:8000 (default: start one)")
    parser.add_argument("--user", default="officer.tr")
    parser.add_argument("--password", help="the demo users' password (with --base)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        print("Debian's chromium is not installed (make browsers)", file=sys.stderr)
        return 1
    try:
        if args.base:
            if not args.password:
                parser.error("--base needs --password")
            shoot(args.base.rstrip("/"), args.user, args.password, args.out)
        else:
            with demo_server(sys.executable) as (base, password):
                shoot(base, args.user, password, args.out)
    except Failed as failure:
        print(f"screenshots: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
