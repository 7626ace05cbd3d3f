"""What the dashboard shows: a count per kind of record, the latest engagements with their participants.

Each of the page's statements is the same for every reader of one visibility scope (`access.reader_scope`:
administrators, one side's staff, one company's users, everyone else), so the statements are written once
per process and scope (`kopru.core.statements`), and only asked on each view: building and compiling the
seven counts' querysets cost about 1.5 ms of CPU per view, the latest engagements' about 0.3, Django's
prefetch of their participants about 0.8 (bench/load.py, dashboard). The rows are read on every view; the
exact counts of the small tables are kept per data version (`_exact_counts`, kopru.core.versions), the large
tables' counts are the planner's estimate, as on the list pages.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connections, router

from kopru.core import versions
from kopru.core.access import visible_to
from kopru.core.models import Document, Organisation, Person
from kopru.core.statements import for_reader, kept_rows
from kopru.engage.enums import OPEN_ACTION_STATUSES
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement
from kopru.ui.pagination import count_statement, model_table_rows, statement_counts, statement_estimate

# the cards, in the page's order: (slug, model)
CARDS = (
    ("engagements", Engagement),
    ("agreements", Agreement),
    ("areas", CooperationArea),
    ("claims", Claim),
    ("people", Person),
    ("organisations", Organisation),
    ("documents", Document),
)

# what a latest engagement's row shows (its title may be drawn from its generated parts)
LATEST_FIELDS = ("title", "title_parts", "status", "start_date")
LATEST_SIZE = 8
OPEN_ACTIONS_SIZE = 10
# what a participant's name needs: the name and whether the reader may read it
PARTICIPANT_FIELDS = ("id", "visibility", "owner_side", "name")


def _card_statements(user, using: str) -> tuple:
    """(slug, model, the readable rows' SELECT, its count's SELECT) per card, for `user`'s scope."""
    cards = []
    for slug, model in CARDS:
        readable = visible_to(model.objects.using(using).all(), user)
        cards.append((slug, model, readable.order_by().query.sql_with_params(), count_statement(readable)))
    return tuple(cards)


def card_counts(user) -> list[tuple[str, int]]:
    """(slug, number of records `user` may read) per card: `cheap_count` of each readable queryset — the
    planner's estimate for a table above KOPRU_EXACT_COUNT_LIMIT rows on PostgreSQL, the exact counts asked
    in one statement."""
    using = router.db_for_read(Engagement)
    limit = settings.KOPRU_EXACT_COUNT_LIMIT
    counts, exact = {}, {}
    for slug, model, rows, counted in for_reader("dashboard-cards", user, using, _card_statements):
        whole = model_table_rows(using, model)
        if whole is None or whole > limit:
            estimate = statement_estimate(using, *rows)
            if estimate is not None and estimate > limit:
                counts[slug] = estimate
                continue
        exact[slug] = counted
    counts.update(zip(exact, _exact_counts(using, exact), strict=True))
    return [(slug, counts[slug]) for slug, _model in CARDS]


# The cards whose exact counts are kept per data version (kopru.core.versions), with what their counts
# read: their tables, and the links through which a company user reads people (positions) and agreements
# (parties). A card not named here (engagements, documents: large tables shown as the planner's estimate,
# and written by every extraction) is counted on every view when it is counted exactly.
KEPT_CARDS = ("agreements", "areas", "claims", "people", "organisations")
COUNTED_MODELS = (
    "engage.agreement",
    "engage.agreement_parties",
    "engage.cooperationarea",
    "engage.claim",
    "core.person",
    "core.position",
    "core.organisation",
)


def _exact_counts(using: str, exact: dict) -> list[int]:
    """`statement_counts` of the cards counted exactly ({slug: count statement}), kept per data version of
    COUNTED_MODELS and the statements themselves (their SQL holds the reader's visibility filter) when
    every one of them is a card of KEPT_CARDS: one statement of five counts over every readable agreement,
    area, claim, person and organisation, about 1 ms of PostgreSQL a view."""
    statements = tuple(exact.values())
    if not statements or any(slug not in KEPT_CARDS for slug in exact):
        return statement_counts(using, statements)
    return versions.remembered(
        "dashboard-counts",
        statements,
        COUNTED_MODELS,
        lambda: statement_counts(using, statements),
        using=using,
    )


def _latest(user, using: str):
    return visible_to(Engagement.objects.using(using).all(), user).only(*LATEST_FIELDS)[:LATEST_SIZE]


def latest_engagements(user) -> list[Engagement]:
    """The newest engagements `user` may read (the list's order), with the fields their rows show."""
    return kept_rows("dashboard-latest", user, router.db_for_read(Engagement), _latest)


def _open_actions(user, using: str):
    actions = Action.objects.using(using).filter(status__in=OPEN_ACTION_STATUSES)
    # the fields the table shows: the rows carried each owner's whole user row
    actions = actions.select_related("owner").only("title", "due_date", "owner__username")
    return visible_to(actions, user).order_by("due_date")[:OPEN_ACTIONS_SIZE]


def open_actions(user) -> list[Action]:
    """The open actions `user` may read, soonest due first, each with its owner's user name."""
    return kept_rows("dashboard-actions", user, router.db_for_read(Action), _open_actions)


def participants_of(engagements) -> dict[int, list[Person]]:
    """Each engagement's participants (id, name, visibility, owner side), by name as the engagement's
    `people` reads them: one statement for all, written once per number of engagements."""
    found: dict[int, list[Person]] = {engagement.pk: [] for engagement in engagements}
    if not found:
        return found
    using = router.db_for_read(Person)
    connection = connections[using]
    quote = connection.ops.quote_name
    through = Engagement.people.through._meta
    link, person_link = (quote(through.get_field(name).column) for name in ("engagement", "person"))
    person = Person._meta
    # in the model's order of fields, as `Model.from_db` takes a part of them
    fields = [field for field in person.concrete_fields if field.attname in PARTICIPANT_FIELDS]
    names = [field.attname for field in fields]
    columns = ", ".join(f"p.{quote(field.column)}" for field in fields)
    marks = ", ".join(["%s"] * len(found))
    sql = (
        f"SELECT t.{link}, {columns} FROM {quote(person.db_table)} p "
        f"INNER JOIN {quote(through.db_table)} t ON (p.{quote(person.pk.column)} = t.{person_link}) "
        f"WHERE t.{link} IN ({marks}) ORDER BY p.{quote(person.get_field('name').column)} ASC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(found))
        rows = cursor.fetchall()
    for engagement_id, *values in rows:
        found[engagement_id].append(Person.from_db(using, names, values))
    return found
