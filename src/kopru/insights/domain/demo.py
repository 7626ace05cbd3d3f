"""Demo history for insights: two years of Joint Committee and working-group meetings between the two
sides, the agreements signed there, follow-up actions kept on time, kept late, overdue and slipping, a
planned visit that never happened, and claims of intent — so every insights view has something to show.
Fictional people and minutes; idempotent (a second run changes nothing)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from kopru.core.domain.documents import store_document
from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.models import Country, Organisation, Person, Position, Sector
from kopru.engage.domain.areas import advance_area, record_initial_status
from kopru.engage.enums import (
    ActionStatus,
    AgreementKind,
    AgreementStatus,
    AreaStatus,
    EngagementKind,
    EngagementStatus,
)
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement

MARKER = "Joint Committee on Industry and Technology, 1st meeting"

PEOPLE = [
    # (name, country, title, organisation)
    (
        "Mehmet Fatih Kacır",
        "TR",
        "Minister of Industry and Technology",
        "Ministry of Industry and Technology",
    ),
    ("Selim Arslan", "TR", "Deputy Minister (fictional)", "Ministry of Industry and Technology"),
    (
        "Elif Korkmaz",
        "TR",
        "Director General for Strategic Research (fictional)",
        "Ministry of Industry and Technology",
    ),
    (
        "Jin Zhuanglong",
        "CN",
        "Minister of Industry and Information Technology",
        "Ministry of Industry and Information Technology",
    ),
    ("Liu Ming", "CN", "Vice Minister (fictional)", "Ministry of Industry and Information Technology"),
    (
        "Zhao Lan",
        "CN",
        "Director, International Cooperation (fictional)",
        "Ministry of Science and Technology",
    ),
]
ORGANISATIONS = [
    ("Ministry of Industry and Technology", "TR"),
    ("Ministry of Industry and Information Technology", "CN"),
    ("Ministry of Science and Technology", "CN"),
    ("TÜBİTAK", "TR"),
]
# (days ago, kind, title, people, organisations, sectors, place, country, visibility)
MEETINGS = [
    (
        700,
        EngagementKind.MEETING,
        MARKER,
        [0, 1, 3, 4],
        [0, 1],
        ["battery", "ev", "solar"],
        "Ankara",
        "TR",
        Visibility.SHARED,
    ),
    (
        610,
        EngagementKind.MEETING,
        "Working group on batteries, 1st session",
        [2, 5],
        [0, 2, 3],
        ["battery"],
        "Beijing",
        "CN",
        Visibility.SHARED,
    ),
    (
        520,
        EngagementKind.VISIT,
        "Visit of the Chinese delegation to Manisa",
        [1, 4],
        [0, 1],
        ["battery", "ev"],
        "Manisa",
        "TR",
        Visibility.PUBLIC,
    ),
    (
        430,
        EngagementKind.MEETING,
        "Joint Committee on Industry and Technology, 2nd meeting",
        [0, 1, 3, 4],
        [0, 1],
        ["battery", "ev", "rail", "solar"],
        "Beijing",
        "CN",
        Visibility.SHARED,
    ),
    (
        400,
        EngagementKind.MEETING,
        "Side A preparatory meeting on rail (internal)",
        [0, 1, 2],
        [0],
        ["rail"],
        "Ankara",
        "TR",
        Visibility.INTERNAL,
    ),
    (
        330,
        EngagementKind.CALL,
        "Working group on batteries, 2nd session (video call)",
        [2, 5],
        [0, 2],
        ["battery"],
        "",
        "TR",
        Visibility.SHARED,
    ),
    (
        250,
        EngagementKind.CONFERENCE,
        "Türkiye–China Solar Forum",
        [1, 5],
        [0, 2, 3],
        ["solar"],
        "İstanbul",
        "TR",
        Visibility.PUBLIC,
    ),
    (
        160,
        EngagementKind.MEETING,
        "Joint Committee on Industry and Technology, 3rd meeting",
        [0, 1, 3, 4],
        [0, 1],
        ["battery", "ev", "rail"],
        "Ankara",
        "TR",
        Visibility.SHARED,
    ),
    (
        75,
        EngagementKind.MEETING,
        "Working group on batteries, 3rd session",
        [2, 4, 5],
        [0, 2],
        ["battery", "ev"],
        "Shanghai",
        "CN",
        Visibility.SHARED,
    ),
    (
        20,
        EngagementKind.VISIT,
        "Deputy Minister Arslan's visit to Hefei battery cluster",
        [1, 4],
        [0, 1],
        ["battery"],
        "Hefei",
        "CN",
        Visibility.SHARED,
    ),
]
PLANNED_NOT_HELD = ("Rail working group, 1st session (postponed, never held)", 95, [2, 5], ["rail"])
PLANNED = (
    "Joint Committee on Industry and Technology, 4th meeting",
    -40,
    [0, 1, 3, 4],
    ["battery", "ev", "rail"],
)
# (meeting index, kind, title, status, sectors, signatories, parties)
AGREEMENTS = [
    (
        0,
        AgreementKind.MOU,
        "MoU on cooperation in new-energy vehicles and batteries",
        AgreementStatus.IN_FORCE,
        ["battery", "ev"],
        [0, 3],
        [0, 1],
    ),
    (
        3,
        AgreementKind.PROTOCOL,
        "Protocol on joint battery-recycling pilot",
        AgreementStatus.SIGNED,
        ["battery"],
        [1, 4],
        [0, 1],
    ),
    (
        7,
        AgreementKind.AGREEMENT,
        "Agreement on rail technology cooperation",
        AgreementStatus.NEGOTIATING,
        ["rail"],
        [],
        [0, 1],
    ),
]
# (title, meeting index, agreement index, due (days from today), status, done (days from today) or None,
#  visibility, earlier due dates (days from today) for slipping ones)
ACTIONS = [
    ("Exchange lists of battery-cell investors", 0, 0, -640, ActionStatus.DONE, -650, Visibility.SHARED, []),
    (
        "Nominate working-group members on both sides",
        0,
        0,
        -660,
        ActionStatus.DONE,
        -672,
        Visibility.SHARED,
        [],
    ),
    (
        "Draft the recycling pilot's terms of reference",
        1,
        None,
        -560,
        ActionStatus.DONE,
        -500,
        Visibility.SHARED,
        [],
    ),
    ("Share EV charging standards comparison", 3, 0, -380, ActionStatus.DONE, -395, Visibility.SHARED, []),
    (
        "Organise site visits for three cell makers",
        3,
        1,
        -300,
        ActionStatus.DONE,
        -240,
        Visibility.SHARED,
        [],
    ),
    (
        "Publish the joint solar supply-chain study",
        6,
        None,
        -120,
        ActionStatus.OPEN,
        None,
        Visibility.SHARED,
        [],
    ),
    (
        "Identify a Turkish partner for the recycling pilot",
        7,
        1,
        -30,
        ActionStatus.IN_PROGRESS,
        None,
        Visibility.SHARED,
        [],
    ),
    (
        "Send the rail agreement's revised draft",
        7,
        2,
        25,
        ActionStatus.OPEN,
        None,
        Visibility.SHARED,
        [-60, -10],
    ),
    ("Prepare the 4th Joint Committee's agenda", 8, None, 10, ActionStatus.OPEN, None, Visibility.SHARED, []),
    (
        "Brief the minister on side B's rail position (internal)",
        4,
        None,
        -350,
        ActionStatus.DONE,
        -352,
        Visibility.INTERNAL,
        [],
    ),
    (
        "Cost the rail testing centre (internal)",
        4,
        None,
        -15,
        ActionStatus.OPEN,
        None,
        Visibility.INTERNAL,
        [],
    ),
    (
        "Agree the battery working group's 2027 work plan",
        8,
        0,
        60,
        ActionStatus.OPEN,
        None,
        Visibility.SHARED,
        [],
    ),
]
# (speaker index, meeting index, subject, text, sector, metric, value, unit, scope)
CLAIMS = [
    (
        3,
        0,
        "Battery investment",
        "Chinese battery makers will invest in three Turkish cell plants",
        "battery",
        "target",
        3,
        "plants",
        "by 2025",
    ),
    (
        0,
        3,
        "EV production",
        "Türkiye will produce one million electric vehicles a year",
        "ev",
        "target",
        1000000,
        "vehicles/yr",
        "by 2030",
    ),
    (
        1,
        7,
        "Rail localisation",
        "Half of the rolling stock for the new lines will be built in Türkiye",
        "rail",
        "target",
        50,
        "%",
        "by 2028",
    ),
]


def _days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def _org(name: str, country: str) -> Organisation:
    organisation = Organisation.objects.filter(name=name).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=name, kind=OrganisationKind.GOVERNMENT, country_id=country, visibility=Visibility.PUBLIC
        )
    return organisation


def _person(name: str, country: str, title: str, organisation: Organisation) -> Person:
    person = Person.objects.filter(name=name).first()
    if person is None:
        person = Person.objects.create(name=name, country_id=country, visibility=Visibility.PUBLIC)
    if not Position.objects.filter(person=person, title=title).exists():
        Position.objects.create(
            person=person, title=title, organisation=organisation, visibility=Visibility.PUBLIC
        )
    return person


def _minutes(meetings) -> tuple:
    """A demo 'minutes' document naming each meeting, so timeline lines link to evidence."""
    lines = ["Joint Committee and working-group records (demo, fictional)", ""]
    for engagement in meetings:
        lines.append(f"On {engagement.start_date.isoformat()} the sides held: {engagement.title}.")
    text = "\n".join(lines) + "\n"
    stored = store_document(
        content=text.encode(),
        text=text,
        title="Joint Committee records 2025–2026 (demo)",
        file_name="joint-committee-records.txt",
        publisher="Köprü demo",
        published_date=timezone.localdate(),
        visibility=Visibility.SHARED,
    )
    document = getattr(stored, "document", stored)
    for engagement in meetings:
        start = document.text.find(engagement.title)
        if start >= 0:
            attach_evidence(engagement, document, start, start + len(engagement.title))
    return document


def load_demo() -> list[str]:
    if Engagement.objects.filter(title=MARKER).exists():
        return ["Insights: demo history already loaded"]
    if Country.objects.filter(code__in=["TR", "CN"]).count() != 2:
        return ["Insights: reference data missing (run kopru load_reference)"]
    organisations = [_org(name, country) for name, country in ORGANISATIONS]
    people = [_person(name, country, title, _org(org, country)) for name, country, title, org in PEOPLE]
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    officer = get_user_model().objects.filter(username="officer.tr").first()

    meetings = _held_meetings(people, organisations, sectors)
    _planned_meetings(people, sectors)
    _minutes(meetings)
    agreements = _agreements(meetings, people, organisations, sectors)
    _actions(meetings, agreements, officer)
    _claims(meetings, people, sectors)
    _move_areas(meetings, sectors, officer)
    return [
        f"Insights: {len(meetings)} meetings over two years, {len(agreements)} agreements, "
        f"{len(ACTIONS)} follow-up actions (kept, late, overdue, slipping), a planned visit never held, "
        "claims of intent",
        "  /insights/ · /insights/commitments/ · /insights/graph/ · /insights/map/",
    ]


def _held_meetings(people, organisations, sectors) -> list[Engagement]:
    side_a = settings.KOPRU_SIDE_A
    meetings = []
    for days, kind, title, who, orgs, codes, place, country, visibility in MEETINGS:
        engagement = Engagement.objects.create(
            kind=kind,
            title=title,
            status=EngagementStatus.HELD,
            start_date=_days(-days),
            place=place,
            country_id=country,
            visibility=visibility,
            owner_side=side_a if visibility == Visibility.INTERNAL else "",
            summary=f"{title} (demo).",
        )
        engagement.people.set([people[i] for i in who])
        engagement.organisations.set([organisations[i] for i in orgs])
        engagement.sectors.set([sectors[c] for c in codes if c in sectors])
        meetings.append(engagement)
    return meetings


def _planned_meetings(people, sectors) -> None:
    """One planned visit whose date passed without it being held, and one still to come."""
    for (title, days, who, codes), status in (
        (PLANNED_NOT_HELD, EngagementStatus.PLANNED),
        (PLANNED, EngagementStatus.PLANNED),
    ):
        engagement = Engagement.objects.create(
            kind=EngagementKind.MEETING, title=title, status=status, start_date=_days(-days), country_id="TR"
        )
        engagement.people.set([people[i] for i in who])
        engagement.sectors.set([sectors[c] for c in codes if c in sectors])


def _agreements(meetings, people, organisations, sectors) -> list[Agreement]:
    agreements = []
    for meeting, kind, title, status, codes, signatories, parties in AGREEMENTS:
        signed = status in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)
        agreement = Agreement.objects.create(
            kind=kind,
            title=title,
            status=status,
            signed_date=meetings[meeting].start_date if signed else None,
            engagement=meetings[meeting] if signed else None,
            visibility=Visibility.SHARED,
        )
        agreement.sectors.set([sectors[c] for c in codes if c in sectors])
        agreement.signatories.set([people[i] for i in signatories])
        agreement.parties.set([organisations[i] for i in parties])
        agreements.append(agreement)
    return agreements


def _actions(meetings, agreements, officer) -> None:
    """Follow-up actions with a history: due dates moved (slipping), kept on time, kept late."""
    side_a = settings.KOPRU_SIDE_A
    for title, meeting, agreement, due, status, done, visibility, earlier in ACTIONS:
        action = Action(
            title=title,
            engagement=meetings[meeting],
            agreement=agreements[agreement] if agreement is not None else None,
            owner=officer,
            due_date=_days(earlier[0] if earlier else due),
            status=ActionStatus.OPEN,
            visibility=visibility,
            owner_side=side_a if visibility == Visibility.INTERNAL else "",
        )
        action.save()
        for later in [*earlier[1:], due] if earlier else []:
            action.due_date = _days(later)
            action.save()
        if status != ActionStatus.OPEN:
            action.status = status
            action.save()
            if done is not None:
                # Back-date the history row that records completion (the demo is written today).
                when = timezone.make_aware(dt.datetime.combine(_days(done), dt.time(12)))
                Action.history.filter(id=action.pk, status=status).update(history_date=when)


def _claims(meetings, people, sectors) -> None:
    for speaker, meeting, subject, text, code, metric, value, unit, scope in CLAIMS:
        Claim.objects.create(
            subject=subject,
            text=text,
            speaker=people[speaker],
            engagement=meetings[meeting],
            sector=sectors.get(code),
            metric=metric,
            value=value,
            unit=unit,
            scope=scope,
            stated_on=meetings[meeting].start_date,
            subject_country_id=people[speaker].country_id,
            visibility=Visibility.SHARED,
        )


AREA_MOVES = {
    "battery": AreaStatus.IN_PROGRESS,
    "ev": AreaStatus.AGREED,
    "solar": AreaStatus.AGREED,
    "rail": AreaStatus.DISCUSSED,
}


def _move_areas(meetings, sectors, officer) -> None:
    """Cooperation areas move along with the meetings (created when missing)."""
    for code, status in AREA_MOVES.items():
        area = CooperationArea.objects.filter(sector__code=code, country_a_id="TR", country_b_id="CN").first()
        if area is None:
            area = CooperationArea.objects.create(
                country_a_id="TR",
                country_b_id="CN",
                sector=sectors[code],
                status=AreaStatus.PROPOSED,
                visibility=Visibility.SHARED,
            )
            record_initial_status(area, by=officer)
        if area.status != status:
            advance_area(area, to_status=status, by=officer, note="Joint Committee, 3rd meeting (demo)")
        area.engagements.add(*[m for m in meetings if code in [s.code for s in m.sectors.all()]])
