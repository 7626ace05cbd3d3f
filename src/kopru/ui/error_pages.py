"""Error pages that tell a person what happened and what to do, without touching the database.

A lost database connection (PostgreSQL restarted, the network dropped, SQLite locked for too long)
raises OperationalError or InterfaceError somewhere in a view. Every write runs in a transaction, so by
then it is rolled back: the page says that nothing was saved and to try again in a minute, with status
503 and Retry-After; API clients get the same as JSON. Any other uncaught error gets the styled 500 page.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger("kopru.errors")
RETRY_AFTER_SECONDS = 30


def _page(request, *, status: int, heading: str, explanation: str, advice: str) -> HttpResponse:
    # No RequestContext: its context processors would query the database that just failed.
    html = loader.render_to_string(
        "error_page.html", {"heading": heading, "explanation": explanation, "advice": advice}
    )
    return HttpResponse(html, status=status)


DATABASE_ERRORS = (OperationalError, InterfaceError)


def _unavailable_text() -> tuple[str, str]:
    return (
        _("The database did not answer, so this page could not be completed."),
        _(
            "Nothing you submitted was saved. Wait a minute and try again; if this keeps happening, "
            "tell the system administrator."
        ),
    )


def database_unavailable_json(request, exception) -> JsonResponse:
    """The API's answer (also registered on the Ninja API, whose own handlers see its errors first)."""
    logger.error("Database unavailable during %s %s: %s", request.method, request.path, exception)
    explanation, advice = _unavailable_text()
    response = JsonResponse({"detail": f"{explanation} {advice}"}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        if request.path.startswith("/api/"):
            return database_unavailable_json(request, exception)
        logger.error("Database unavailable during %s %s: %s", request.method, request.path, exception)
        explanation, advice = _unavailable_text()
        response = _page(
            request, status=503, heading=_("Temporarily unavailable"), explanation=explanation, advice=advice
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def server_error(request, *args, **kwargs):
    """handler500: the styled page instead of Django's bare one."""
    return _page(
        request,
        status=500,
        heading=_("Something went wrong"),
        explanation=_("An unexpected error stopped this page. It has been logged for the administrators."),
        advice=_(
            "Nothing you submitted on this page was saved. Go back and try again; if it happens again, "
            "tell the system administrator what you were doing."
        ),
    )
