"""Leak hunting that grows with the product (issue 11).

Side A keeps, for every record type with visibility, an internal record, an internal note, an internal
document and evidence, each carrying a unique canary word; shared and public records link to them (as
participants, parties, speakers, owners …). The crawler walks every web route of the URL resolver and every
operation of the API's OpenAPI schema — new routes are covered without touching this file — with real ids of
visible and hidden objects, lists with search and filters, exports, feeds, htmx fragments and PDFs, as side
B staff, a company user, a reviewer and an anonymous visitor, and fails on any canary in any response.

The second test makes every write a side-B user can make (each record type's forms re-saved as shown, API
PATCHes, notes, every other POST route) and checks that no row of side A's internal records, and no link to
them, changed.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from collections import Counter

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kopru.core.domain.evidence import attach_evidence
from kopru.core.domain.notes import add_note
from kopru.core.enums import Visibility
from kopru.core.models import ApiToken, Note
from kopru.ui.registry import RECORD_TYPES
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    ClaimFactory,
    CompanyProfileFactory,
    DealFactory,
    DocumentFactory,
    EngagementFactory,
    OpportunityFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    make_record,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

A = settings.KOPRU_SIDE_A
INTERNAL_A = {"visibility": Visibility.INTERNAL, "owner_side": A}
MARK = "cnrytail"  # every canary ends in it; no request ever contains it, so it can only come from a leak
ROLES = ("staff_b", "company", "reviewer", "anonymous")
SKIP_PREFIXES = ("admin/", "api/", "static/", "media/", "i18n/", "accounts/", "__")


class Secrets:
    def __init__(self):
        self.count = itertools.count(1)
        self.hidden: dict[str, list[int]] = {}  # model label -> ids of side A's internal rows
        self.visible: dict[str, list[int]] = {}  # model label -> ids of shared/public rows linking to them

    def word(self, kind: str) -> str:
        return f"cnry{kind}{next(self.count):02d}{MARK}"

    def hide(self, obj):
        self.hidden.setdefault(obj._meta.label_lower, []).append(obj.pk)
        return obj

    def show(self, obj):
        self.visible.setdefault(obj._meta.label_lower, []).append(obj.pk)
        return obj

    def ids(self) -> list[int]:
        values = {pk for pks in (*self.hidden.values(), *self.visible.values()) for pk in pks}
        return sorted(value for value in values if isinstance(value, int))


CANARY_FIELDS = {
    "people": "name",
    "organisations": "name",
    "positions": "title",
    "documents": "title",
    "engagements": "title",
    "agreements": "title",
    "claims": "subject",
    "areas": "summary",
    "actions": "title",
}


@pytest.fixture
def secrets(cast):
    s = Secrets()
    # side A's internal record of every registry type (and of the apps' own models), with a canary
    hidden = {}
    for slug, record_type in RECORD_TYPES.items():
        if not record_type.has_visibility:
            continue
        field = CANARY_FIELDS.get(slug)
        assert field, f"add a canary field for the new record type {slug!r}"
        extra = {field: s.word(slug[:4])}
        if slug == "documents":
            extra["text"] = f"Internal cable {s.word('text')} about the battery plant."
        hidden[slug] = s.hide(make_record(slug, Visibility.INTERNAL, A, **extra))
    hidden_org = s.hide(OrganisationFactory(name=s.word("comp"), **INTERNAL_A))
    s.hide(OpportunityFactory(title=s.word("oppo"), **INTERNAL_A))
    s.hide(CompanyProfileFactory(organisation=hidden_org, capabilities=s.word("prof"), **INTERNAL_A))
    s.hide(DealFactory(title=s.word("deal"), summary=s.word("dsum"), **INTERNAL_A))
    from kopru.invest.case.domain.defaults import reference_inputs
    from kopru.invest.case.models import InvestmentCase

    s.hide(
        InvestmentCase.objects.create(
            name=s.word("case"), inputs=reference_inputs(), owner=cast.staff_a, **INTERNAL_A
        )
    )

    # shared and public records that link to the hidden ones
    person, organisation = hidden["people"], hidden["organisations"]
    from kopru.invest.models import CompanyProfile

    profile, _ = CompanyProfile.objects.update_or_create(
        organisation=organisation, defaults={"visibility": Visibility.SHARED, "owner_side": ""}
    )
    s.show(profile)
    for visibility in (Visibility.SHARED, Visibility.PUBLIC):
        engagement = s.show(EngagementFactory(title=f"Joint meeting {visibility}", visibility=visibility))
        engagement.people.add(person)
        engagement.organisations.add(organisation)
        agreement = s.show(AgreementFactory(visibility=visibility, engagement=hidden["engagements"]))
        agreement.parties.add(organisation)
        agreement.signatories.add(person)
        s.show(
            ClaimFactory(
                visibility=visibility,
                speaker=person,
                subject_organisation=organisation,
                engagement=hidden["engagements"],
            )
        )
        s.show(PositionFactory(person=person, organisation=organisation, visibility=visibility))
        s.show(
            ActionFactory(
                visibility=visibility,
                owner=cast.staff_a,
                engagement=hidden["engagements"],
                agreement=hidden["agreements"],
            )
        )
        area = s.show(make_record("areas", visibility))
        area.engagements.add(hidden["engagements"])
        area.claims.add(hidden["claims"])
        shared_person = s.show(PersonFactory(name=f"Li Qiang {visibility}", visibility=visibility))
        # an internal note and an internal document's evidence on a visible record
        add_note(
            shared_person,
            author=cast.staff_a,
            text=f"Internal note {s.word('note')}",
            visibility=Visibility.INTERNAL,
        )
        add_note(
            engagement,
            author=cast.staff_a,
            text=f"Internal note {s.word('note')}",
            visibility=Visibility.INTERNAL,
        )
        text = f"Li Qiang will visit Ankara; {s.word('evid')} is the code word."
        document = s.hide(DocumentFactory(title=s.word("edoc"), text=text, **INTERNAL_A))
        attach_evidence(shared_person, document, 0, 8)
        attach_evidence(engagement, document, 0, 8)
        deal = s.show(DealFactory(visibility=visibility, company=profile))
        deal.engagements.add(hidden["engagements"])
        opportunity = s.show(OpportunityFactory(visibility=visibility))
        add_note(
            opportunity,
            author=cast.staff_a,
            text=f"Internal note {s.word('note')}",
            visibility=Visibility.INTERNAL,
        )
    s.cast = cast
    return s


# --- reading every response -----------------------------------------------------------------------------


def body_text(response) -> str:
    streaming = getattr(response, "streaming", False)
    raw = b"".join(response.streaming_content) if streaming else response.content
    content_type = response.get("Content-Type", "")
    if "spreadsheetml" in content_type:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    if "pdf" in content_type:
        from pypdf import PdfReader

        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(raw)).pages) + raw.decode(
            "latin-1"
        )
    return raw.decode("utf-8", "replace")


def leaks(response) -> list[str]:
    return sorted(set(re.findall(rf"cnry\w*?{MARK}", body_text(response), flags=re.IGNORECASE)))


def client_for_role(cast, role: str) -> Client:
    client = Client()
    user = cast.by_role()[role]
    if user is not None:
        client.force_login(user)
    return client


# --- the routes ---------------------------------------------------------------------------------------------


def web_routes():
    """(route, pattern) for every web route of the resolver, the API and the admin excepted."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    return sorted(
        {route for route in walk(get_resolver().url_patterns, "") if not route.startswith(SKIP_PREFIXES)}
    )


PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
API_PARAM = re.compile(r"\{(?:\w+:)?\w+\}")


def substitute(pattern: re.Pattern, template: str, values) -> str:
    """`template` with each match of `pattern` replaced by the next of `values`."""
    remaining = iter(values)
    return pattern.sub(lambda _match: next(remaining), template)


def fill(route: str, secrets: Secrets) -> list[str]:
    """Concrete paths for a route: every registry slug for <slug> with the ids of that type's hidden and
    visible rows; the ids of every hidden and visible object for the other parameters."""
    params = PARAM.findall(route)
    if not params:
        return ["/" + route]
    names = [name for _converter, name in params]
    paths = []
    slugs = list(RECORD_TYPES) if "slug" in names else [None]
    for slug in slugs:
        if slug is None:
            ids = secrets.ids()
        else:
            label = RECORD_TYPES[slug].model._meta.label_lower
            ids = sorted({*secrets.hidden.get(label, []), *secrets.visible.get(label, [])}) or [1]
        choices = []
        for _converter, name in params:
            if name == "slug":
                choices.append([slug])
            elif name == "side":
                choices.append([A, settings.KOPRU_SIDE_B])
            else:
                choices.append([str(pk) for pk in ids])
        for combination in itertools.product(*choices):
            paths.append("/" + substitute(PARAM, route, combination))
    return paths


def api_reads(client: Client, secrets: Secrets):
    schema = client.get("/api/openapi.json").json()
    for path, methods in schema["paths"].items():
        operation = methods.get("get")
        if operation is None:
            continue
        names = re.findall(r"\{(?:\w+:)?(\w+)\}", path)
        query = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        suffixes = ["", "?q=cnry"] if "q" in query else [""]
        for values in itertools.product(*[[str(pk) for pk in secrets.ids()] for _ in names]):
            url = substitute(API_PARAM, path, values)
            for suffix in suffixes:
                yield url + suffix


def test_no_canary_reaches_side_b_a_company_a_reviewer_or_the_public(secrets):
    cast = secrets.cast
    found, covered = [], Counter()
    routes = web_routes()
    assert len(routes) > 40
    for role in ROLES:
        client = client_for_role(cast, role)
        urls = []
        for route in routes:
            urls += fill(route, secrets)
            if PARAM.search(route) is None and route.endswith("/"):
                urls.append(f"/{route}?q=cnry")
        for slug, record_type in RECORD_TYPES.items():
            urls += [f"/{slug}/?q=cnry", f"/{slug}/?page=2", f"/{slug}/export.csv?q=cnry"]
            urls += [f"/{slug}/?{name}={pk}" for name in record_type.filters for pk in secrets.ids()[:6]]
        urls += ["/search/?q=cnry", "/search/?q=li+qiang", "/search/?q=ankara"]
        for url in urls:
            # htmx fragments of the lists and searches (pages without parameters or with a query)
            fragment = "?" in url or url.count("/") <= 2
            for headers in ({}, {"HX-Request": "true"}) if fragment else ({},):
                response = client.get(url, headers=headers)
                assert response.status_code < 500, (role, url, response.status_code)
                covered[role] += 1
                words = leaks(response)
                if words:
                    found.append((role, url, bool(headers), words))
        for url in api_reads(client, secrets):
            response = client.get(url)
            assert response.status_code < 500, (role, url, response.status_code)
            covered[role] += 1
            words = leaks(response)
            if words:
                found.append((role, url, "api", words))
    print("paths covered per role:", dict(covered))
    print("\n".join(map(str, found)))
    assert found == []
    assert min(covered.values()) > 900


# --- writes -------------------------------------------------------------------------------------------------


def snapshot() -> dict:
    """Every row of side A's internal records, their notes, and every link any row has to them."""
    rows = {}
    hidden_ids: dict[type, set] = {}
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if {"visibility", "owner_side"} <= names and not model.__name__.startswith("Historical"):
            queryset = model.objects.filter(visibility=Visibility.INTERNAL, owner_side=A).order_by("pk")
            hidden_ids[model] = set(queryset.values_list("pk", flat=True))
            for item in json.loads(serializers.serialize("json", queryset)):
                item["fields"].pop("updated_at", None)
                rows[(item["model"], item["pk"])] = item["fields"]
    for model in apps.get_models():
        for field in model._meta.many_to_many:
            if field.related_model in hidden_ids:
                through = field.remote_field.through
                target = f"{field.m2m_reverse_field_name()}_id"
                links = sorted(
                    through.objects.filter(**{f"{target}__in": hidden_ids[field.related_model]}).values_list(
                        f"{field.m2m_field_name()}_id", target
                    )
                )
                rows[(model._meta.label_lower, field.name)] = links
        for field in model._meta.concrete_fields:
            if (
                field.many_to_one
                and field.related_model in hidden_ids
                and not model.__name__.startswith("Historical")
            ):
                links = sorted(
                    model.objects.filter(
                        **{f"{field.name}__in": hidden_ids[field.related_model]}
                    ).values_list("pk", field.attname)
                )
                rows[(model._meta.label_lower, field.name)] = links
    return rows


def _form_data(form) -> dict:
    """What a browser submits for `form` as rendered (each field's initial value)."""
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form.initial.get(name, field.initial)
        if callable(value):
            value = value()
        if value is None:
            continue
        if isinstance(value, list | tuple) or hasattr(value, "all"):
            items = value.all() if hasattr(value, "all") else value
            data[name] = [getattr(item, "pk", item) for item in items]
        else:
            data[name] = field.prepare_value(value) if hasattr(field, "prepare_value") else value
    return data


def test_no_write_by_side_b_changes_side_a_internal_rows(secrets):
    cast = secrets.cast
    before = snapshot()
    assert len(before) > 20
    client = client_for_role(cast, "staff_b")
    _, raw = ApiToken.issue(cast.staff_b, "leaks")
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    writes = Counter()
    # 1. every visible record re-saved through its page form exactly as rendered, and through the API
    for slug, record_type in RECORD_TYPES.items():
        if record_type.form is None:
            continue
        for obj in record_type.model.objects.exclude(visibility=Visibility.INTERNAL, owner_side=A):
            response = client.get(f"/{slug}/{obj.pk}/edit/")
            if response.status_code != 200:
                continue
            data = _form_data(response.context["form"])
            response = client.post(f"/{slug}/{obj.pk}/edit/", data)
            assert response.status_code in (200, 302, 400), (slug, obj.pk, response.status_code)
            writes["form re-save"] += 1
            for payload in ({}, {"visibility": "internal"}, {"visibility": "public"}, {"owner_side": "CN"}):
                response = api.patch(f"/api/{slug}/{obj.pk}", payload, content_type="application/json")
                assert response.status_code in (200, 403, 404, 422), (slug, obj.pk, response.status_code)
                writes["api patch"] += 1
        for pk in secrets.hidden.get(record_type.model._meta.label_lower, []):
            response = api.patch(
                f"/api/{slug}/{pk}", {"visibility": "shared"}, content_type="application/json"
            )
            assert response.status_code == 404
            response = client.post(f"/{slug}/{pk}/edit/", {"visibility": "shared"})
            assert response.status_code == 404
            response = client.post(f"/{slug}/{pk}/notes/", {"text": "x", "visibility": "shared"})
            assert response.status_code == 404
            writes["hidden id"] += 3
    # 2. every other POST route of the site, with the ids of hidden and visible objects
    for route in web_routes():
        for path in fill(route, secrets):
            if path.endswith(("/edit/", "/new/")):
                continue
            response = client.post(path, {"text": "side B was here", "visibility": "shared"})
            assert response.status_code < 500, (path, response.status_code)
            writes["post"] += 1
    # 3. every API write operation with an empty and a visibility-changing payload on every id
    schema = api.get("/api/openapi.json").json()
    for path, methods in schema["paths"].items():
        for method in ("post", "patch", "delete"):
            if method not in methods:
                continue
            names = re.findall(r"\{(?:\w+:)?(\w+)\}", path)
            for values in itertools.product(*[[str(pk) for pk in secrets.ids()] for _ in names]):
                url = substitute(API_PARAM, path, values)
                response = getattr(api, method)(
                    url, {"visibility": "shared"}, content_type="application/json"
                )
                assert response.status_code < 500, (method, url, response.status_code)
                writes[f"api {method}"] += 1
    print("writes by side B:", dict(writes))
    after = snapshot()
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert changed == set()
    assert Note.objects.filter(visibility=Visibility.INTERNAL, owner_side=A).count() == 6
