"""Follow and digest: users follow people, organisations, sectors, deals and calls; `kopru send_digests`
(run from cron) e-mails each user once per ISO week what changed in what they follow during the last
seven days. The sent-digest log makes a second run in the same week a no-op."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kopru.calls.models import Call, CallTransition
from kopru.calls.rules import visible_calls
from kopru.core import access
from kopru.core.models import Document, Evidence, Organisation, Person, Sector
from kopru.engage.enums import OPEN_ACTION_STATUSES
from kopru.engage.models import Action, Engagement
from kopru.insights.models import Follow, FollowKind, SentDigest
from kopru.invest.models import Deal, StageChange

WINDOW_DAYS = 7


def period_of(day: dt.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def resolve_target(kind: str, target: str, user):
    """The followed object (checked against what the user may read), or ValidationError."""
    target = (target or "").strip()
    found = None
    if kind == FollowKind.SECTOR:
        found = Sector.objects.filter(code=target).first()
    elif target.isdigit():
        queryset = {
            FollowKind.PERSON: access.visible_to(Person.objects.all(), user),
            FollowKind.ORGANISATION: access.visible_to(Organisation.objects.all(), user),
            FollowKind.DEAL: access.visible_to(Deal.objects.all(), user),
            FollowKind.CALL: visible_calls(Call.objects.all(), user),
        }.get(kind)
        if queryset is not None:
            found = queryset.filter(pk=int(target)).first()
    if found is None:
        raise ValidationError(_("Nothing to follow there."))
    return found


def follow(user, kind: str, target: str) -> Follow:
    resolve_target(kind, target, user)
    obj, _created = Follow.objects.get_or_create(user=user, kind=kind, target=target.strip())
    return obj


def unfollow(user, kind: str, target: str) -> int:
    deleted, _detail = Follow.objects.filter(user=user, kind=kind, target=(target or "").strip()).delete()
    return deleted


@dataclass
class DigestItem:
    section: str
    text: str
    url: str
    date: object = None


def _ids(follows, kind) -> list:
    values = [f.target for f in follows if f.kind == kind]
    return values if kind == FollowKind.SECTOR else [int(v) for v in values if v.isdigit()]


@dataclass(frozen=True)
class _Window:
    """What a digest covers: the week before `until`, and the targets followed, by kind."""

    until: dt.date
    start: dt.datetime
    end: dt.datetime
    people: list
    orgs: list
    sectors: list
    deals: list
    calls: list


def _window(follows, until: dt.date) -> _Window:
    since = until - dt.timedelta(days=WINDOW_DAYS)
    return _Window(
        until=until,
        start=timezone.make_aware(dt.datetime.combine(since, dt.time.min)),
        end=timezone.make_aware(dt.datetime.combine(until, dt.time.min)),
        people=_ids(follows, FollowKind.PERSON),
        orgs=_ids(follows, FollowKind.ORGANISATION),
        sectors=_ids(follows, FollowKind.SECTOR),
        deals=_ids(follows, FollowKind.DEAL),
        calls=_ids(follows, FollowKind.CALL),
    )


def digest_items(user, *, until: dt.date) -> list[DigestItem]:
    """What changed in the week before `until` in what `user` follows, as they may see it."""
    follows = list(Follow.objects.filter(user=user))
    if not follows:
        return []
    window = _window(follows, until)
    engagements = _followed_engagements(user, window)
    return [
        *_new_engagements(engagements, window),
        *_stage_moves(user, window),
        *_actions_due(user, engagements, window),
        *_new_documents(user, engagements, window),
        *_call_transitions(user, window),
    ]


def _followed_engagements(user, window: _Window):
    """The engagements the user may read that involve a followed person, organisation or sector."""
    involved = (
        Q(people__in=window.people) | Q(organisations__in=window.orgs) | Q(sectors__code__in=window.sectors)
    )
    return access.visible_to(Engagement.objects.all(), user).filter(
        pk__in=Engagement.objects.filter(involved).values("pk")
    )


def _new_engagements(engagements, window: _Window) -> list[DigestItem]:
    recorded = engagements.filter(created_at__gte=window.start, created_at__lt=window.end)
    return [
        DigestItem(
            _("New engagements"), engagement.title, engagement.get_absolute_url(), engagement.start_date
        )
        for engagement in recorded.order_by("start_date")
    ]


def _stage_moves(user, window: _Window) -> list[DigestItem]:
    """Stage changes of followed deals and of deals in followed sectors."""
    deals = access.visible_to(Deal.objects.all(), user).filter(
        Q(pk__in=window.deals) | Q(pk__in=Deal.objects.filter(sectors__code__in=window.sectors).values("pk"))
    )
    items = []
    for change in (
        StageChange.objects.filter(deal__in=deals.values("pk"), at__gte=window.start, at__lt=window.end)
        .select_related("deal", "from_stage", "to_stage")
        .order_by("at")
    ):
        origin = change.from_stage.label if change.from_stage else "—"
        moved = f"{change.deal.title}: {origin} → {change.to_stage.label}"
        items.append(
            DigestItem(
                _("Stage moves"), moved, change.deal.get_absolute_url(), timezone.localtime(change.at).date()
            )
        )
    return items


def _actions_due(user, engagements, window: _Window) -> list[DigestItem]:
    """Open actions due within a week of `until` (or overdue) that follow up something followed."""
    actions = (
        access.visible_to(Action.objects.all(), user)
        .filter(status__in=OPEN_ACTION_STATUSES, due_date__lt=window.until + dt.timedelta(days=WINDOW_DAYS))
        .filter(
            Q(engagement__in=engagements.values("pk"))
            | Q(area__sector__code__in=window.sectors)
            | Q(agreement__sectors__code__in=window.sectors)
            | Q(agreement__signatories__in=window.people)
            | Q(agreement__parties__in=window.orgs)
        )
        .distinct()
        .order_by("due_date")
    )
    items = []
    for action in actions:
        label = _("overdue") if action.due_date < window.until else _("due")
        items.append(
            DigestItem(
                _("Actions due or overdue"),
                f"{action.title} ({label})",
                action.get_absolute_url(),
                action.due_date,
            )
        )
    return items


def _new_documents(user, engagements, window: _Window) -> list[DigestItem]:
    """New documents holding evidence about a followed engagement, person or organisation."""
    facts = Q(
        content_type=ContentType.objects.get_for_model(Engagement),
        object_id__in=engagements.values("pk"),
    )
    facts |= Q(content_type=ContentType.objects.get_for_model(Person), object_id__in=window.people)
    facts |= Q(content_type=ContentType.objects.get_for_model(Organisation), object_id__in=window.orgs)
    documents = access.visible_to(Document.objects.all(), user).filter(
        created_at__gte=window.start,
        created_at__lt=window.end,
        pk__in=Evidence.objects.filter(facts).values("document_id"),
    )
    return [
        DigestItem(_("New documents"), document.title, document.get_absolute_url(), document.published_date)
        for document in documents.defer("text").order_by("-published_date")
    ]


def _call_transitions(user, window: _Window) -> list[DigestItem]:
    calls = visible_calls(Call.objects.filter(pk__in=window.calls), user)
    transitions = CallTransition.objects.filter(
        call__in=calls.values("pk"), at__gte=window.start, at__lt=window.end
    ).select_related("call")
    return [
        DigestItem(
            _("R&D calls"),
            f"{transition.call.title}: {transition.get_to_status_display()}",
            transition.call.get_absolute_url(),
            timezone.localtime(transition.at).date(),
        )
        for transition in transitions
    ]


def send_digests(*, today: dt.date | None = None) -> dict[str, int]:
    """E-mail this week's digest to every user who follows something and has not had it yet."""
    today = today or timezone.localdate()
    period = period_of(today)
    counts = {"sent": 0, "empty": 0, "already": 0, "no_address": 0}
    users = (
        get_user_model()
        .objects.filter(is_active=True, follows__isnull=False)
        .distinct()
        .select_related("profile")
    )
    for user in users:
        if SentDigest.objects.filter(user=user, period=period).exists():
            counts["already"] += 1
            continue
        if not user.email:
            counts["no_address"] += 1
            continue
        items = digest_items(user, until=today)
        try:
            with transaction.atomic():
                SentDigest.objects.create(user=user, period=period, items=len(items))
                if items:
                    with translation.override(settings.LANGUAGE_CODE):
                        context = {"user": user, "items": items, "period": period}
                        body = render_to_string("insights/digest_email.txt", context)
                        subject = _("Köprü digest for %(period)s: %(count)d changes") % {
                            "period": period,
                            "count": len(items),
                        }
                    send_mail(subject, body, None, [user.email])
        except IntegrityError:  # another run sent it meanwhile
            counts["already"] += 1
            continue
        counts["sent" if items else "empty"] += 1
    return counts
