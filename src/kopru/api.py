"""The HTTP API under /api/ (OpenAPI docs at /api/docs).

Authentication: `Authorization: Bearer <token>` (tokens from `kopru issue_token USER`) or the browser
session. Without either, the API answers as the public would see the site: public records only.

Errors: 401 / 403 / 404 / 409 carry `{"detail": "<reason>"}`; every 422 is
`{"detail": [{"loc": [..., "<field>"], "msg": "<message>", "type": "<kind>"}]}` (kopru.ui.errors), declared
on every operation; an unexpected error is a JSON 500.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import APIKeyCookie
from ninja.security.http import HttpBearer

from kopru.core.models import ApiToken
from kopru.core.models.accounts import hash_token
from kopru.ui.api import build_router, declare_access_responses
from kopru.ui.error_pages import DATABASE_ERRORS, database_unavailable_json
from kopru.ui.errors import declare_error_responses, install_error_handlers


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user", "user__profile")
            .filter(key_hash=hash_token(token))
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class SessionOrAnonymous(APIKeyCookie):
    """The browser session when there is one; otherwise the anonymous public (reads of public records)."""

    param_name = "sessionid"

    def __call__(self, request):
        if request.headers.get("Authorization"):
            return None  # a bad bearer token must fail, not fall back to anonymous
        # Writes with a session need CSRF protection; reads do not change state.
        if request.user.is_authenticated and request.method not in ("GET", "HEAD", "OPTIONS"):
            return super().__call__(request)
        return request.user if request.user.is_authenticated else AnonymousUser()

    def authenticate(self, request, key):
        return request.user if request.user.is_authenticated else None


# The types a list page hands the encoder by the hundred (dates and times of every row, amounts), by exact
# type: for them ninja's encoder asks five isinstance questions (pydantic models, URLs, addresses, enums),
# all false, before Django's, which answers. Asked Django's at once, the same text (tests/ui/test_api.py).
_DJANGO_TYPES = dict.fromkeys(
    (datetime.date, datetime.datetime, datetime.time, Decimal), DjangoJSONEncoder.default
)


class _Encoder(NinjaJSONEncoder):
    def default(self, o):
        django = _DJANGO_TYPES.get(type(o))
        return django(self, o) if django is not None else super().default(o)


class _Renderer(JSONRenderer):
    encoder_class = _Encoder


api = NinjaAPI(
    renderer=_Renderer(),
    title="Köprü API",
    version="1.0",
    description="The cooperation record: countries, sectors, organisations, people, documents, engagements, "
    "agreements, claims, cooperation areas and actions. Same permission rules as the web UI.",
    auth=[TokenAuth(), SessionOrAnonymous()],
    urls_namespace="api",
)
api.add_router("/", build_router())
api.add_router("/intel/", "kopru.intel.api.router", tags=["intelligence"])
api.add_router("/invest/", "kopru.invest.api.router", tags=["investment"])
api.add_router("/invest/case/", "kopru.invest.case.api.router", tags=["investment case"])
api.add_router("/calls/", "kopru.calls.api.router", tags=["R&D calls"])
api.add_router("/insights/", "kopru.insights.api.router", tags=["insights"])
api.add_router("/sources/", "kopru.sources.api.router", tags=["watched sources"])
declare_error_responses(api)
declare_access_responses(api)
install_error_handlers(api)
for database_error in DATABASE_ERRORS:  # 503 with Retry-After, not a 500, when the database is away
    api.add_exception_handler(database_error, database_unavailable_json)
