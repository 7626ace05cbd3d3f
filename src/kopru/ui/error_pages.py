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


def _wants_json(request) -> bool:
    return request.path.startswith("/api/")


def _role_name(user) -> str:
    from kopru.core import access
    from kopru.core.enums import Role

    role = access.role_of(user)
    return str(Role(role).label) if role is not None else _("no role yet")


def _client_error(request, *, status: int, heading: str, explanation: str, advice: str) -> HttpResponse:
    # A 403 or 404 happens with the database well: the page keeps the menu, so the reader can go on.
    from django.shortcuts import render

    context = {
        "status": status,
        "heading": heading,
        "explanation": explanation,
        "advice": advice,
        "back": _same_site_referer(request),
    }
    return render(request, "ui/error_4xx.html", context, status=status)


def _same_site_referer(request) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure())
    return referer if referer and safe else ""


def permission_denied(request, exception=None):
    """handler403: who the reader is, why they may not, and whom to ask."""
    if _wants_json(request):
        return JsonResponse({"detail": _("You may not do this.")}, status=403)
    user = request.user
    if not user.is_authenticated:
        return _client_error(
            request,
            status=403,
            heading=_("Sign in first"),
            explanation=_("This page is only for signed-in users of the programme."),
            advice=_("Sign in with the account your desk officer gave you, then open the page again."),
        )
    return _client_error(
        request,
        status=403,
        heading=_("You may not do this"),
        explanation=_(
            "You are signed in as %(user)s (%(role)s), and that role may not open this page or do this "
            "action."
        )
        % {"user": user.get_username(), "role": _role_name(user)},
        advice=_(
            "Go back to where you were. If your work needs this page, ask a desk officer of your side or "
            "the administrator to give your account access."
        ),
    )


def page_not_found(request, exception=None):
    """handler404: the address is wrong, the record is gone, or it is not shared with the reader."""
    if _wants_json(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    if request.user.is_authenticated:
        advice = _(
            "Check the address, go back, or search for what you were looking for. If someone sent you "
            "this link, ask them or a desk officer of your side whether the record is shared with you."
        )
    else:
        advice = _(
            "Check the address or go back. Many records are shared only with signed-in users: sign in "
            "and open the link again."
        )
    return _client_error(
        request,
        status=404,
        heading=_("Page not found"),
        explanation=_(
            "There is no page at this address, or the record it showed was removed or is not shared with you."
        ),
        advice=advice,
    )


def _null_character_fields(request) -> list[str]:
    return [
        name for name, values in request.GET.lists() if "\x00" in name or any("\x00" in v for v in values)
    ]


class NullCharacterMiddleware:
    """Refuses a query string holding a null character before any view runs.

    PostgreSQL cannot compare text with one (every search box and filter would end in a 500), and no
    reader types one: it comes from a broken link or a probe. Forms and the API's bodies already refuse it
    through Django's validator; the query string reaches the database unvalidated, so it is checked here
    once for every page. Pages answer 400 with the usual error page; the API answers its 422 body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = _null_character_fields(request)
        if not fields:
            return self.get_response(request)
        message = _("Null characters are not allowed.")
        if _wants_json(request):
            from kopru.ui.errors import field_error

            detail = [field_error(["query", name.replace("\x00", "")], message) for name in fields]
            return JsonResponse({"detail": detail}, status=422)
        return _client_error(
            request,
            status=400,
            heading=_("This address cannot be read"),
            explanation=_(
                "The address holds a null character, which no search or filter can use. It usually comes "
                "from a damaged link."
            ),
            advice=_("Remove the character from the address, or go back and search again."),
        )
