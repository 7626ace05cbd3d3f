"""Commitments: what was promised and whether it was kept.

A commitment comes from the record: a follow-up action (owner, due date, status), an agreement still to be
signed, a claim of intent (a stated target or pledge), or a planned engagement whose date passed without
it being held. Overdue and slipping items come first; delivery rates are kept-on-time over what fell due,
per sector, per counterpart and per quarter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopru.core.access import visible_to
from kopru.core.models import Organisation, Sector
from kopru.engage.enums import ActionStatus, AgreementStatus, EngagementStatus
from kopru.engage.models import Action, Agreement, Claim, Engagement
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import Scope, quarter_of
from kopru.insights.domain.tables import Table

SOON_DAYS = 14
TOP_COUNTERPARTS = 25
INTENT_METRICS = ("target", "pledge", "intent")

STATUS_LABELS = {
    "overdue": _("overdue"),
    "not_held": _("not held"),
    "slipping": _("slipping"),
    "due_soon": _("due soon"),
    "open": _("open"),
    "pending": _("to be signed"),
    "kept": _("kept"),
    "kept_late": _("kept late"),
    "dropped": _("dropped"),
}
# Most urgent first.
STATUS_ORDER = list(STATUS_LABELS)
STATUS_RANK = {status: rank for rank, status in enumerate(STATUS_ORDER)}
KIND_LABELS = {
    "action": _("follow-up action"),
    "agreement": _("agreement"),
    "intent": _("claim of intent"),
    "event": _("planned event"),
}


@dataclass(slots=True)
class Commitment:
    kind: str
    pk: int
    title: str
    url: str
    status: str
    owner: str = ""
    due: dt.date | None = None
    done: dt.date | None = None
    sectors: list[str] = field(default_factory=list)
    counterparts: list[str] = field(default_factory=list)
    sector_names: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def fell_due(self) -> bool:
        return self.status in ("overdue", "not_held", "kept", "kept_late") or (
            self.status == "slipping" and self.due is not None and self.due < timezone.localdate()
        )


def _action_status(row, today, slipped: set[int], done_on: dict[int, dt.date]) -> tuple[str, dt.date | None]:
    status, due = row["status"], row["due_date"]
    if status == ActionStatus.DONE:
        done = done_on.get(row["pk"])
        return ("kept_late" if due and done and done > due else "kept"), done
    if status == ActionStatus.CANCELLED:
        return "dropped", None
    if due and due < today:
        return "overdue", None
    if row["pk"] in slipped:
        return "slipping", None
    if due and (due - today).days <= SOON_DAYS:
        return "due_soon", None
    return "open", None


YEAR = re.compile(r"\b(20\d\d)\b")


@lru_cache(maxsize=1024)
def _year_in(scope_text: str) -> dt.date | None:
    """The end of the year named in a claim's scope ("by 2025"); claims repeat a few scopes."""
    match = YEAR.search(scope_text or "")
    return dt.date(int(match.group(1)), 12, 31) if match else None


def _counterpart_names(scope: Scope, org_ids: set[int]) -> dict[int, str]:
    other = scope.country_b
    return dict(
        Organisation.objects.filter(pk__in=org_ids, country_id=other).values_list("pk", "name").order_by()
    )


@lru_cache(maxsize=16)
def _detail_prefix(slug: str) -> str:
    return reverse("record-detail", args=[slug, 1])[: -len("1/")]


def _detail(slug: str, pk: int) -> str:
    """The record's detail URL without a reverse() per row (thousands of rows per page)."""
    return f"{_detail_prefix(slug)}{pk}/"


def _narrow(queryset, ids):
    return queryset if ids is None else queryset.filter(pk__in=ids)


def commitments(scope: Scope, user, *, engagements=None, agreements=None, claims=None) -> list[Commitment]:
    """Every commitment the user may see, most urgent first. A fixed number of queries whatever the size.

    `engagements`, `agreements`, `claims` (querysets of primary keys) narrow it to the commitments made at
    those engagements, under those agreements and in those claims (a briefing pack's). The full list is
    remembered until the record changes (kopru.insights.domain.memo)."""
    if engagements is None:
        return remembered("commitments", user, (scope,), lambda: _commitments(scope, user))
    return _commitments(scope, user, engagements=engagements, agreements=agreements, claims=claims)


def _commitments(scope: Scope, user, *, engagements=None, agreements=None, claims=None) -> list[Commitment]:
    today = timezone.localdate()
    sectors = list(Sector.objects.all())
    actions = visible_to(Action.objects.all(), user)
    if engagements is not None:
        actions = actions.filter(Q(engagement_id__in=engagements) | Q(agreement_id__in=agreements))
    missed = _missed_event_rows(scope, user, engagements, today)
    pending = _pending_agreement_rows(user, agreements)
    links = _Links.read(scope, sectors, actions, missed, pending)
    items = [
        *_action_commitments(actions, links, today),
        *_event_commitments(missed, links),
        *_agreement_commitments(pending, links),
        *_intent_commitments(scope, user, claims, today),
    ]
    items = _in_scope(items, scope)
    far = dt.date.max
    items.sort(key=lambda c: (STATUS_RANK[c.status], c.due or far, c.title))
    sector_names = {sector.code: str(sector) for sector in sectors}
    names_of: dict[tuple, list[str]] = {}  # a few sector combinations across thousands of commitments
    for item in items:
        codes = tuple(item.sectors)
        if codes not in names_of:
            names_of[codes] = [sector_names.get(code, code) for code in codes]
        item.sector_names = names_of[codes]
    return items


def _missed_event_rows(scope: Scope, user, engagements, today: dt.date) -> list[dict]:
    """Planned engagements whose date passed without them being held."""
    return list(
        _narrow(visible_to(Engagement.objects.all(), user), engagements)
        .filter(status=EngagementStatus.PLANNED, start_date__lt=today)
        .filter(scope.date_q("start_date"))
        .values("pk", "title", "start_date")
        .order_by()
    )


def _pending_agreement_rows(user, agreements) -> list[dict]:
    """Agreements proposed or under negotiation: to be signed."""
    return list(
        _narrow(visible_to(Agreement.objects.all(), user), agreements)
        .filter(status__in=[AgreementStatus.PROPOSED, AgreementStatus.NEGOTIATING])
        .values("pk", "title", "created_at")
        .order_by()
    )


@dataclass
class _Links:
    """Sectors and counterparts (organisations of the pair's second country) of the engagements and
    agreements that commitments follow up, read through subqueries so that no id list of actions is sent
    back to the database."""

    engagement_sectors: dict = field(default_factory=lambda: defaultdict(list))
    agreement_sectors: dict = field(default_factory=lambda: defaultdict(list))
    engagement_orgs: dict = field(default_factory=lambda: defaultdict(set))
    agreement_orgs: dict = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def read(cls, scope: Scope, sectors, actions, missed, pending) -> _Links:
        links = cls()
        code_of = {sector.pk: sector.code for sector in sectors}
        followed_engagements = Q(engagement_id__in=actions.values("engagement_id")) | Q(
            engagement_id__in=[row["pk"] for row in missed]
        )
        followed_agreements = Q(agreement_id__in=actions.values("agreement_id")) | Q(
            agreement_id__in=[row["pk"] for row in pending]
        )
        E, A = Engagement, Agreement
        for eid, sid in E.sectors.through.objects.filter(followed_engagements).values_list(
            "engagement_id", "sector_id"
        ):
            links.engagement_sectors[eid].append(code_of[sid])
        for eid, name in (
            E.organisations.through.objects.filter(
                followed_engagements, organisation__country_id=scope.country_b
            )
            .values_list("engagement_id", "organisation__name")
            .order_by()
        ):
            links.engagement_orgs[eid].add(name)
        for aid, sid in A.sectors.through.objects.filter(followed_agreements).values_list(
            "agreement_id", "sector_id"
        ):
            links.agreement_sectors[aid].append(code_of[sid])
        for aid, name in (
            A.parties.through.objects.filter(followed_agreements, organisation__country_id=scope.country_b)
            .values_list("agreement_id", "organisation__name")
            .order_by()
        ):
            links.agreement_orgs[aid].add(name)
        return links

    def counterparts(self, engagement_id=None, agreement_id=None) -> list[str]:
        return _merged(self.engagement_orgs.get(engagement_id), self.agreement_orgs.get(agreement_id))

    def sectors(self, engagement_id=None, agreement_id=None) -> list[str]:
        return _merged(self.engagement_sectors.get(engagement_id), self.agreement_sectors.get(agreement_id))


def _merged(first, second) -> list[str]:
    """Sorted union of two collections, either of which may be missing (most commitments have one)."""
    if not second:
        return sorted(first) if first else []
    if not first:
        return sorted(second)
    return sorted({*first, *second})


def _action_history(actions) -> tuple[set[int], dict[int, dt.date]]:
    """From the audit trail: the actions whose due date moved, and the day each was first done."""
    history = Action.history.model.objects.filter(id__in=actions.values("pk"))
    slipped = {
        row["id"]
        for row in history.exclude(due_date=None)
        .values("id")
        .annotate(n=Count("due_date", distinct=True))
        .order_by()
        if row["n"] > 1
    }
    # The day in the current time zone, computed by the database (thousands of rows).
    done_on = dict(
        history.filter(status=ActionStatus.DONE)
        .values("id")
        .annotate(first=Min(TruncDate("history_date")))
        .values_list("id", "first")
        .order_by()
    )
    return slipped, done_on


def _action_commitments(actions, links: _Links, today: dt.date) -> list[Commitment]:
    rows = actions.values(
        "pk",
        "title",
        "status",
        "due_date",
        "owner__username",
        "engagement_id",
        "agreement_id",
        "area__sector__code",
    ).order_by()
    rows = list(rows)
    slipped, done_on = _action_history(actions)
    items = []
    for row in rows:
        status, done = _action_status(row, today, slipped, done_on)
        codes = set(links.sectors(row["engagement_id"], row["agreement_id"]))
        if row["area__sector__code"]:
            codes.add(row["area__sector__code"])
        items.append(
            Commitment(
                "action",
                row["pk"],
                row["title"],
                _detail("actions", row["pk"]),
                status,
                owner=row["owner__username"] or "",
                due=row["due_date"],
                done=done,
                sectors=sorted(codes),
                counterparts=links.counterparts(row["engagement_id"], row["agreement_id"]),
            )
        )
    return items


def _event_commitments(missed, links: _Links) -> list[Commitment]:
    return [
        Commitment(
            "event",
            row["pk"],
            row["title"],
            _detail("engagements", row["pk"]),
            "not_held",
            due=row["start_date"],
            sectors=links.sectors(engagement_id=row["pk"]),
            counterparts=links.counterparts(engagement_id=row["pk"]),
        )
        for row in missed
    ]


def _agreement_commitments(pending, links: _Links) -> list[Commitment]:
    return [
        Commitment(
            "agreement",
            row["pk"],
            row["title"],
            _detail("agreements", row["pk"]),
            "pending",
            sectors=links.sectors(agreement_id=row["pk"]),
            counterparts=links.counterparts(agreement_id=row["pk"]),
        )
        for row in pending
    ]


def _intent_status(due: dt.date | None, today: dt.date) -> str:
    if due and due < today:
        return "overdue"
    if due and (due - today).days <= SOON_DAYS:
        return "due_soon"
    return "open"


def _intent_commitments(scope: Scope, user, claims, today: dt.date) -> list[Commitment]:
    """Claims of intent (a stated target, pledge or intent); a year in their scope is the due date."""
    rows = list(
        _narrow(visible_to(Claim.objects.all(), user), claims)
        .filter(metric__in=INTENT_METRICS)
        .values("pk", "subject", "text", "scope", "sector__code", "speaker__name", "subject_organisation_id")
        .order_by()
    )
    orgs = _counterpart_names(
        scope, {r["subject_organisation_id"] for r in rows if r["subject_organisation_id"]}
    )
    items = []
    for row in rows:
        due = _year_in(row["scope"])
        organisation = row["subject_organisation_id"]
        items.append(
            Commitment(
                "intent",
                row["pk"],
                f"{row['subject']}: {row['text']}",
                _detail("claims", row["pk"]),
                _intent_status(due, today),
                owner=row["speaker__name"] or "",
                due=due,
                sectors=[row["sector__code"]] if row["sector__code"] else [],
                counterparts=[orgs[organisation]] if organisation in orgs else [],
            )
        )
    return items


def _in_scope(items: list[Commitment], scope: Scope) -> list[Commitment]:
    """The scope's sectors, and a due date within its period (commitments without one always show)."""
    if scope.sector:
        wanted = set(scope.sector_codes)
        items = [item for item in items if wanted & set(item.sectors)]
    if scope.start or scope.end:
        items = [
            item
            for item in items
            if item.due is None
            or (
                (scope.start is None or item.due >= scope.start)
                and (scope.end is None or item.due <= scope.end)
            )
        ]
    return items


def commitment_table(items: list[Commitment], limit: int | None = None) -> Table:
    table = Table(
        "commitments",
        _("Commitments"),
        [
            ("status", _("status")),
            ("kind", _("kind")),
            ("title", _("commitment")),
            ("owner", _("owner")),
            ("due", _("due")),
            ("done", _("done")),
            ("sectors", _("sectors")),
            ("counterparts", _("counterparts")),
        ],
    )
    for item in items[:limit] if limit else items:
        table.add(
            {
                "status": item.status_label,
                "kind": item.kind_label,
                "title": item.title,
                "owner": item.owner,
                "due": item.due.isoformat() if item.due else "",
                "done": item.done.isoformat() if item.done else "",
                "sectors": ", ".join(item.sector_names),
                "counterparts": ", ".join(item.counterparts),
            },
            {"title": item.url},
        )
    return table


def _rates(groups: dict[str, list[Commitment]], name: str, title, key_label, top: int | None = None) -> Table:
    table = Table(
        name,
        title,
        [
            ("group", key_label),
            ("due", _("fell due")),
            ("kept", _("kept on time")),
            ("kept_late", _("kept late")),
            ("missed", _("overdue or not held")),
            ("rate", _("delivery rate (%)")),
        ],
    )
    names = sorted(groups)
    if top is not None:  # the counterparts with the most commitments that fell due
        names = sorted(names, key=lambda g: -sum(1 for item in groups[g] if item.fell_due))[:top]
        names.sort()
    for group in names:
        fell = [item for item in groups[group] if item.fell_due]
        kept = sum(1 for item in fell if item.status == "kept")
        late = sum(1 for item in fell if item.status == "kept_late")
        missed = sum(1 for item in fell if item.status in ("overdue", "not_held", "slipping"))
        rate = round(100 * kept / len(fell)) if fell else None
        table.add(
            {
                "group": group,
                "due": len(fell),
                "kept": kept,
                "kept_late": late,
                "missed": missed,
                "rate": rate,
            }
        )
    return table


def delivery_tables(items: list[Commitment]) -> list[Table]:
    """Delivery rates over time, per sector and per counterpart (the most frequent ones)."""
    by_sector, by_counterpart, by_quarter = defaultdict(list), defaultdict(list), defaultdict(list)
    for item in items:
        for name in item.sector_names:
            by_sector[name].append(item)
        for name in item.counterparts:
            by_counterpart[name].append(item)
        if item.due:
            by_quarter[quarter_of(item.due)].append(item)
    return [
        _rates(by_quarter, "delivery-quarter", _("Delivery rate over time"), _("quarter due")),
        _rates(by_sector, "delivery-sector", _("Delivery rate per sector"), _("sector")),
        _rates(
            by_counterpart,
            "delivery-counterpart",
            _("Delivery rate per counterpart"),
            _("counterpart"),
            top=TOP_COUNTERPARTS,
        ),
    ]


def summary(items: list[Commitment]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for item in items:
        counts[item.status] += 1
    return counts
