"""Polite HTTP for the watcher: robots.txt, a minimum gap between requests to one host, timeouts, a cap.

One `PoliteClient` per process remembers robots.txt answers and when it last called each host, so a
worker that fetches many sources of one ministry spaces its requests out instead of hammering the site.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import requests

from kopru.env import env_int, env_str
from kopru.sources.enums import FetchOutcome

USER_AGENT = "KopruWatch/1.0 (+https://github.com/kopru; press monitoring for a cooperation programme)"


class FetchFailed(Exception):
    """A request that did not produce a usable body; `outcome` says which kind of failure for the log."""

    def __init__(self, outcome: str, message: str, http_status: int | None = None):
        super().__init__(message)
        self.outcome, self.message, self.http_status = outcome, message, http_status


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass
class PoliteClient:
    timeout: float = field(default_factory=lambda: float(env_str("KOPRU_WATCH_TIMEOUT", "10")))
    max_bytes: int = field(default_factory=lambda: env_int("KOPRU_WATCH_MAX_BYTES", 5 * 1024 * 1024))
    # Seconds between two requests to the same host (robots.txt Crawl-delay wins when it asks for more).
    host_delay: float = field(default_factory=lambda: float(env_str("KOPRU_WATCH_HOST_DELAY", "2")))
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _last_call: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _wait_for_turn(self, host: str) -> None:
        with self._lock:
            robots = self._robots.get(host)
            delay = max(self.host_delay, float((robots and robots.crawl_delay(self.user_agent)) or 0))
            wait = self._last_call.get(host, -1e9) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_call[host] = time.monotonic()

    def _request(self, url: str, headers: dict[str, str] | None = None) -> Response:
        self._wait_for_turn(host_of(url))
        try:
            with requests.get(
                url,
                headers={"User-Agent": self.user_agent, **(headers or {})},
                timeout=self.timeout,
                stream=True,
                allow_redirects=True,
            ) as reply:
                started, chunks, size = time.monotonic(), [], 0
                for chunk in reply.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchFailed(
                            FetchOutcome.TOO_LARGE,
                            f"The response is larger than {self.max_bytes // 1024} KB.",
                            reply.status_code,
                        )
                    if time.monotonic() - started > self.timeout * 3:
                        raise FetchFailed(FetchOutcome.TIMEOUT, f"{url} sent its answer too slowly.")
                    chunks.append(chunk)
                return Response(reply.url, reply.status_code, dict(reply.headers), b"".join(chunks))
        except requests.Timeout:
            raise FetchFailed(
                FetchOutcome.TIMEOUT, f"{url} did not answer within {self.timeout:g} s."
            ) from None
        except requests.RequestException as error:
            raise FetchFailed(FetchOutcome.ERROR, f"{url} could not be fetched: {error}") from None

    def robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        host = host_of(url)
        if host not in self._robots:
            parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
            reply = self._request(host + "/robots.txt")
            if reply.status in (401, 403):
                parser.disallow_all = True
            elif reply.status >= 500:
                raise FetchFailed(
                    FetchOutcome.HTTP_ERROR, f"{host}/robots.txt answered {reply.status}.", reply.status
                )
            elif reply.status >= 400:
                parser.allow_all = True
            else:
                parser.parse(reply.content.decode("utf-8", errors="replace").splitlines())
            self._robots[host] = parser
        return self._robots[host]

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Response:
        """GET `url` if robots.txt allows it; conditional when validators are given. 304 is a Response."""
        if not self.robots_for(url).can_fetch(self.user_agent, url):
            raise FetchFailed(FetchOutcome.ROBOTS, f"robots.txt of {host_of(url)} does not allow {url}.")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reply = self._request(url, headers)
        if reply.status >= 400:
            raise FetchFailed(FetchOutcome.HTTP_ERROR, f"{url} answered HTTP {reply.status}.", reply.status)
        return reply


def without_fragment(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


_client: PoliteClient | None = None


def shared_client() -> PoliteClient:
    """The process's client: its robots.txt answers and per-host clock outlive one watch run."""
    global _client
    if _client is None:
        _client = PoliteClient()
    return _client
