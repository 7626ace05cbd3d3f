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
KIND_LABELS = {
    "action": _("follow-up action"),
    "agreement": _("agreement"),
    "intent": _("claim of intent"),
    "event": _("planned event"),
}


@dataclass
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


def _year_in(scope_text: str) -> dt.date | None:
    match = re.search(r"\b(20\d\d)\b", scope_text or "")
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
    narrowed = engagements is not None
    items: list[Commitment] = []
    sectors = list(Sector.objects.all())
    sector_names = {sector.code: str(sector) for sector in sectors}

    # Follow-up actions, with the sectors and counterparts of what they follow up.
    actions = visible_to(Action.objects.all(), user)
    if narrowed:
        actions = actions.filter(Q(engagement_id__in=engagements) | Q(agreement_id__in=agreements))
    action_rows = list(
        actions.values(
            "pk",
            "title",
            "status",
            "due_date",
            "owner__username",
            "engagement_id",
            "agreement_id",
            "area__sector__code",
        ).order_by()
    )
    history = Action.history.model.objects.filter(id__in=actions.values("pk"))
    slipped = {
        row["id"]
        for row in history.exclude(due_date=None)
        .values("id")
        .annotate(n=Count("due_date", distinct=True))
        .order_by()
        if row["n"] > 1
    }
    done_on = {
        row["id"]: timezone.localtime(row["first"]).date()
        for row in history.filter(status=ActionStatus.DONE)
        .values("id")
        .annotate(first=Min("history_date"))
        .order_by()
    }

    # Planned engagements whose date passed; agreements still to be signed or signed.
    missed = list(
        _narrow(visible_to(Engagement.objects.all(), user), engagements)
        .filter(status=EngagementStatus.PLANNED, start_date__lt=today)
        .filter(scope.date_q("start_date"))
        .values("pk", "title", "start_date")
        .order_by()
    )
    agreement_rows = list(
        _narrow(visible_to(Agreement.objects.all(), user), agreements)
        .filter(status__in=[AgreementStatus.PROPOSED, AgreementStatus.NEGOTIATING])
        .values("pk", "title", "created_at")
        .order_by()
    )

    # Sectors and counterparts (organisations of the pair's second country) of what the commitments
    # follow up, read through subqueries so that no id list is sent back to the database.
    code_of = {sector.pk: sector.code for sector in sectors}
    action_engagements = Q(engagement_id__in=actions.values("engagement_id")) | Q(
        engagement_id__in=[row["pk"] for row in missed]
    )
    action_agreements = Q(agreement_id__in=actions.values("agreement_id")) | Q(
        agreement_id__in=[row["pk"] for row in agreement_rows]
    )
    engagement_sectors, agreement_sectors = defaultdict(list), defaultdict(list)
    engagement_orgs, agreement_orgs = defaultdict(set), defaultdict(set)
    E, A = Engagement, Agreement
    for eid, sid in E.sectors.through.objects.filter(action_engagements).values_list(
        "engagement_id", "sector_id"
    ):
        engagement_sectors[eid].append(code_of[sid])
    for eid, name in (
        E.organisations.through.objects.filter(action_engagements, organisation__country_id=scope.country_b)
        .values_list("engagement_id", "organisation__name")
        .order_by()
    ):
        engagement_orgs[eid].add(name)
    for aid, sid in A.sectors.through.objects.filter(action_agreements).values_list(
        "agreement_id", "sector_id"
    ):
        agreement_sectors[aid].append(code_of[sid])
    for aid, name in (
        A.parties.through.objects.filter(action_agreements, organisation__country_id=scope.country_b)
        .values_list("agreement_id", "organisation__name")
        .order_by()
    ):
        agreement_orgs[aid].add(name)
    empty: set = set()

    def names(engagement_id=None, agreement_id=None):
        found = engagement_orgs.get(engagement_id, empty) | agreement_orgs.get(agreement_id, empty)
        return sorted(found) if found else []

    for row in action_rows:
        status, done = _action_status(row, today, slipped, done_on)
        codes = set(engagement_sectors.get(row["engagement_id"], ())) | set(
            agreement_sectors.get(row["agreement_id"], ())
        )
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
                counterparts=names(row["engagement_id"], row["agreement_id"]),
            )
        )
    for row in missed:
        items.append(
            Commitment(
                "event",
                row["pk"],
                row["title"],
                _detail("engagements", row["pk"]),
                "not_held",
                due=row["start_date"],
                sectors=sorted(engagement_sectors.get(row["pk"], ())),
                counterparts=names(engagement_id=row["pk"]),
            )
        )
    for row in agreement_rows:
        items.append(
            Commitment(
                "agreement",
                row["pk"],
                row["title"],
                _detail("agreements", row["pk"]),
                "pending",
                sectors=sorted(agreement_sectors.get(row["pk"], ())),
                counterparts=names(agreement_id=row["pk"]),
            )
        )
    intents = (
        _narrow(visible_to(Claim.objects.all(), user), claims)
        .filter(metric__in=INTENT_METRICS)
        .values("pk", "subject", "text", "scope", "sector__code", "speaker__name", "subject_organisation_id")
        .order_by()
    )
    intent_rows = list(intents)
    intent_orgs = _counterpart_names(
        scope, {r["subject_organisation_id"] for r in intent_rows if r["subject_organisation_id"]}
    )
    for row in intent_rows:
        due = _year_in(row["scope"])
        status = (
            "overdue"
            if due and due < today
            else ("due_soon" if due and (due - today).days <= SOON_DAYS else "open")
        )
        items.append(
            Commitment(
                "intent",
                row["pk"],
                f"{row['subject']}: {row['text']}",
                _detail("claims", row["pk"]),
                status,
                owner=row["speaker__name"] or "",
                due=due,
                sectors=[row["sector__code"]] if row["sector__code"] else [],
                counterparts=[intent_orgs[row["subject_organisation_id"]]]
                if row["subject_organisation_id"] in intent_orgs
                else [],
            )
        )
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
    far = dt.date.max
    items.sort(key=lambda c: (STATUS_ORDER.index(c.status), c.due or far, c.title))
    for item in items:
        item.sector_names = [sector_names.get(code, code) for code in item.sectors]
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
