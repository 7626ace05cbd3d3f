"""The investment-case PDF: the report page's own HTML, laid out by WeasyPrint for print media.

The PDF and the HTML report are one template, so they cannot say different things; it is rendered in
the reader's language (the active translation), with Noto fonts covering Turkish and Chinese (Debian's
`fonts-noto-cjk`, installed by `make browsers`). Stylesheets and images are read from the static files
on disk, never over the network.
"""

from __future__ import annotations

import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

BASE_URL = "http://kopru.invalid/"


class _NoFormAnchors(logging.Filter):
    """The results link figures to the calculator's form fields, which the report has not: not an error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor #")


logging.getLogger("weasyprint").addFilter(_NoFormAnchors())


def _static_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        """Only our static files, read from disk (the report needs nothing else; no network)."""

        def fetch(self, url, headers=None):
            path = unquote(urlsplit(url).path)
            static_prefix = "/" + settings.STATIC_URL.lstrip("/")
            found = finders.find(path.removeprefix(static_prefix)) if path.startswith(static_prefix) else None
            if not found:
                raise ValueError(f"not one of the static files: {url}")
            with open(found, "rb") as handle:
                body = handle.read()
            content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, headers={"Content-Type": content_type})

    return StaticFilesFetcher()


def render_report_pdf(request, context: dict) -> bytes:
    from weasyprint import HTML  # loads pango and the fonts: only when a PDF is asked for

    html = render_to_string("invest_case/report.html", {**context, "pdf": True}, request=request)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=_static_fetcher()).write_pdf()
