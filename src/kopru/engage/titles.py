"""Titles the platform writes for engagements ("Meeting in Beijing: …", "Visit to …", "Signing: …").

A generated title is stored as its parts (kind, place, hosts, people) and rendered in the reader's language;
the English rendering is also kept in `Engagement.title` for search, sorting and the API. A title a person
typed is stored as typed and never re-rendered. Names and places are proper names and stay as written.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from kopru.engage.enums import EngagementKind

MAX_TITLE = 300
PEOPLE_NAMED, HOSTS_NAMED = 3, 2

# One whole sentence per kind, so that each language may place the place name where it belongs.
KIND_IN_PLACE = {
    EngagementKind.MEETING: gettext_lazy("Meeting in %(place)s"),
    EngagementKind.VISIT: gettext_lazy("Visit to %(destination)s"),
    EngagementKind.CALL: gettext_lazy("Call in %(place)s"),
    EngagementKind.SIGNING: gettext_lazy("Signing in %(place)s"),
    EngagementKind.CONFERENCE: gettext_lazy("Conference in %(place)s"),
}


def title_parts(kind: str, people, organisations, place: str) -> dict:
    """What a generated title says, as data: the first people and hosts by name, in the report's order."""
    return {
        "kind": str(kind),
        "place": place or "",
        "people": [person.name for person in list(people)[:PEOPLE_NAMED]],
        "hosts": [organisation.name for organisation in list(organisations)[:HOSTS_NAMED]],
    }


def _names(names: list[str]) -> str:
    return pgettext("list separator", ", ").join(names)


def render_title(parts: dict) -> str:
    """The title in the active language: "Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır",
    "Meeting in Beijing: Mehmet Fatih Kacır, Yin Hejun", "Signing: …"."""
    kind, place = parts.get("kind", ""), parts.get("place", "")
    who, hosts = _names(parts.get("people") or []), _names(parts.get("hosts") or [])
    if kind == EngagementKind.VISIT and (hosts or place):
        if hosts and place:
            head = _("Visit to %(hosts)s (%(place)s)") % {"hosts": hosts, "place": place}
        else:
            head = _("Visit to %(destination)s") % {"destination": hosts or place}
    else:
        who = who or hosts
        label = EngagementKind(kind).label if kind in EngagementKind.values else kind
        head = str(KIND_IN_PLACE[kind]) % {"place": place} if place and kind in KIND_IN_PLACE else str(label)
    title = _("%(head)s: %(who)s") % {"head": head, "who": who} if who else head
    return title[:MAX_TITLE]


def stored_title(parts: dict) -> str:
    """The rendering kept in the title column: English, the project's base language."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_title(parts)


def renderings(parts: dict) -> set[str]:
    """The title in every language of the interface: an edit that leaves any of them unchanged keeps the
    title generated (the edit form shows it in the editor's language)."""
    texts = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(render_title(parts))
    return texts


def parts_from_stored_title(title: str, kind: str) -> dict | None:
    """The parts of a title generated before parts were stored, read back from its English text; None when
    the text is not one this module would write (a person typed it, or it was cut at the length limit).

    Every reading is checked by rendering it again, so a typed title that merely looks generated stays typed
    unless it is exactly what the platform would have written."""
    head, _colon, who = title.partition(": ")
    people = who.split(", ") if who else []
    parts = None
    if kind == EngagementKind.VISIT and head.startswith("Visit to "):
        rest = head.removeprefix("Visit to ")
        if rest.endswith(")") and " (" in rest:
            hosts, _open, place = rest[:-1].rpartition(" (")
            parts = {"hosts": hosts.split(", "), "place": place}
        else:
            # "Visit to X": X is a place or a host; both render alike, a place is the commoner reading.
            parts = {"hosts": [], "place": rest}
    elif kind in EngagementKind.values:
        with translation.override(settings.LANGUAGE_CODE):
            label = str(EngagementKind(kind).label)
        if head == label:
            parts = {"hosts": [], "place": ""}
        elif head.startswith(f"{label} in "):
            parts = {"hosts": [], "place": head.removeprefix(f"{label} in ")}
    if parts is None:
        return None
    parts = {"kind": str(kind), "place": parts["place"], "people": people, "hosts": parts["hosts"]}
    return parts if stored_title(parts) == title else None
