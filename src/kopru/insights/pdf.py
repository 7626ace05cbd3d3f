"""PDF from the very HTML a pack page shows (WeasyPrint; its print CSS applies). Static files are read from
disk through the staticfiles finders and nothing else is fetched, so rendering makes no HTTP request."""

from __future__ import annotations

from django.contrib.staticfiles import finders

STATIC_PREFIX = "file:///static/"
MIME = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".js": "text/javascript"}


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(STATIC_PREFIX):
                raise ValueError("packs load only the site's own static files")
            relative = url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0]
            path = finders.find(relative)
            if not path:
                raise ValueError(f"no static file {relative}")
            with open(path, "rb") as handle:
                body = handle.read()
            suffix = path[path.rfind(".") :]
            return URLFetcherResponse(
                url, body, {"Content-Type": MIME.get(suffix, "application/octet-stream")}
            )

    return StaticOnlyFetcher


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: only the PDF views need it (and its native libraries)

    return HTML(string=html, base_url="file:///", url_fetcher=_fetcher_class()()).write_pdf()
