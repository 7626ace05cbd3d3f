"""Wait until the demo server answers, then say where it is (`make demo` runs this beside runserver).

    python scripts/wait_for_server.py HOST:PORT [--timeout SECONDS]

Prints the real address only once a request to it succeeds, so the message never announces a server that
is not up (or a port that HOST did not ask for). Exits 1 if it never answers.
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.error
import urllib.request


def base_url(host: str) -> str:
    host = host.strip()
    if host.isdigit():  # runserver accepts a bare port
        host = f"127.0.0.1:{host}"
    if host.startswith("0.0.0.0:"):
        host = "127.0.0.1:" + host.split(":", 1)[1]
    return host if host.startswith("http") else f"http://{host}"


def wait(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/accounts/login/", timeout=2) as response:
                if response.status < 500:
                    return True
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    url = base_url(args.host)
    if wait(url, args.timeout):
        print(f"\nKöprü is up at {url}/ (Ctrl-C stops it)", flush=True)
        return 0
    print(f"\nKöprü did not answer at {url} within {args.timeout:.0f} s; see the messages above.", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
