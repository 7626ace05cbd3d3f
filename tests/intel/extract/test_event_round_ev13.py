"""Event round ev13 (session 11): parties named outside the event's sentence — who else attends or travels,
told in the sentence after ("Also due to attend are ...", "He was joined by ...", "accompanied by"), a
companion "along with" the leader of a delegation, and "the pair" / "the duo" standing for two parties named
before. Every sentence is invented for these tests (fictional companies and people).

The lenient scorer asks every gold party among the predicted participants, so a probe names every party the
event must have; with no party given, one event of the type with no participant at all (countries only)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- attendance told after the gathering: the guests join the meeting of the sentence before
    (
        "Prime Minister Anna Berg will host a conference on Syria in London on Tuesday. Also due to attend "
        "are Foreign Minister Karl Bremer, UN envoy Lena Holt and World Bank officials.",
        "meeting",
        {"Anna Berg", "Karl Bremer", "Lena Holt", "World Bank"},
    ),
    (
        "On Monday, National Security Adviser Tom Reyes hosted an investor forum in New York. He was joined "
        "by Treasury Secretary Mia Lund, Senior Advisor to the President Omar Diaz, and World Bank President "
        "Ines Vaz.",
        "meeting",
        {"Tom Reyes", "Mia Lund", "Omar Diaz", "Ines Vaz"},
    ),
    (
        "Trade Minister Ali Karim will meet Eva Lind, the Norwegian trade minister, in Oslo on Monday. "
        "Fisheries Minister Per Dahl is also expected to attend.",
        "meeting",
        {"Ali Karim", "Eva Lind", "Per Dahl"},
    ),
    (
        "Trade Minister Ali Karim met his Norwegian counterpart Eva Lind in Oslo on Monday. Fisheries "
        "Minister Per Dahl also attended the talks.",
        "meeting",
        {"Ali Karim", "Eva Lind", "Per Dahl"},
    ),
    # --- who travels with the visitor
    (
        "Foreign Minister Karl Bremer will visit Tokyo next week. He will be accompanied by Trade Minister "
        "Lena Holt.",
        "visit",
        {"Karl Bremer", "Lena Holt"},
    ),
    (
        "Foreign Minister Karl Bremer will lead the delegation to Beijing, along with Trade Minister "
        "Lena Holt.",
        "visit",
        {"Karl Bremer", "Lena Holt"},
    ),
    # --- "the pair", "the duo": the two named before
    (
        "Halden Group has agreed to buy Norvex Corp for $2bn. The pair have been in talks since March.",
        "meeting",
        {"Halden Group", "Norvex"},
    ),
    (
        "The bid needs the approval of major shareholders Karl Bremer and Lena Holt, who own 29% of the "
        "club. But the Irish duo have cut off talks with Tom Reyes over the sale of their stake.",
        "meeting",
        {"Karl Bremer", "Lena Holt", "Tom Reyes"},
    ),
    # --- already read before this round; kept as guards of the shapes the new rules touch
    (
        "The summit in Lagos was attended by Tourism Minister Omar Diaz and Halden Group chief executive "
        "Mia Lund.",
        "meeting",
        {"Omar Diaz", "Mia Lund"},
    ),
    (
        "President Tom Reyes met Chancellor Mia Lund in Berlin on Friday. The two leaders signed a "
        "declaration on energy security.",
        "agreement",
        {"Tom Reyes", "Mia Lund"},
    ),
    (
        "Talks between Halden Group, Norvex Corp and Calder Mining ended on Friday without agreement.",
        "meeting",
        {"Halden Group", "Norvex", "Calder Mining"},
    ),
    (
        "The agreement was signed by Halden Group, Norvex Corp and Calder Mining in Santiago on Monday.",
        "agreement",
        {"Halden Group", "Norvex", "Calder Mining"},
    ),
    (
        "India and Pakistan held talks in Islamabad. Both sides agreed to reopen their consulates.",
        "meeting",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_event_probe(text: str, etype: str, parties: set[str]):
    assert_probe(text, etype, parties)


def test_a_companion_is_only_who_comes_after_by():
    # "was accompanied by a business delegation and brought home deals ... persuading Y": Y did not travel
    text = (
        "During his visit to Japan last year, Karl Bremer was accompanied by a large business delegation and "
        "brought home several deals, even though he failed to persuade Prime Minister Lena Holt."
    )
    visits = [p for t, _s, p in events_of(text) if t == "visit"]
    assert visits and all("Lena Holt" not in p for p in visits), events_of(text)


def test_no_attendance_no_new_guest():
    # a guest who will not attend, and an attendance sentence with no gathering told before, add nobody
    text = (
        "Trade Minister Ali Karim met his Norwegian counterpart Eva Lind on Monday. Per Dahl was not "
        "expected to attend."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert meetings == [{"Ali Karim", "Eva Lind"}], events_of(text)
    text = "Halden Group reported higher profits. Its chairman Per Dahl is also expected to attend."
    assert not [e for e in events_of(text) if e[0] == "meeting"], events_of(text)
