"""Event round ev14 (session 11): statements and investments. A statement told at a press conference, in a
press release or on a conference call; a ministry spokesperson speaking for the ministry; a statement from /
issued by a body; the body of a speaker's post named beside the speaker. Every sentence is invented for these
tests (fictional companies, bodies and people).

The lenient scorer asks every gold party among the predicted participants, so a probe names every party the
event must have."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- a formal venue of speech: press conference, news conference, press release, conference call
    (
        '"We have no agreement with Norland on turbines," Foreign Minister Karl Bremer said at a press '
        "conference on Monday.",
        "statement",
        {"Karl Bremer"},
    ),
    (
        "Exports of grain will resume next month, the Ministry of Agriculture of Veldia said in a press "
        "release on Saturday.",
        "statement",
        {"Ministry of Agriculture of Veldia"},
    ),
    (
        '"We saw a need for more providers," Tom Reyes, deputy administrator at Halden Space Agency, said '
        "in a conference call with reporters.",
        "statement",
        {"Tom Reyes", "Halden Space Agency"},
    ),
    # --- a ministry's spokesperson speaks for the ministry
    (
        "The sanctions are unlawful, Foreign Ministry spokesman Omar Diaz said on Tuesday.",
        "statement",
        {"Omar Diaz", "Foreign Ministry"},
    ),
    # --- a statement from / issued by a body
    (
        "According to a Veldian Foreign Ministry statement, the talks will resume in March.",
        "statement",
        {"Veldian Foreign Ministry"},
    ),
    (
        "A statement issued by Norvex Corp on Sunday said the plant would reopen in May.",
        "statement",
        {"Norvex"},
    ),
    # --- a second speaker quoted "in the statement" told before joins it
    (
        'The building will house police offices, the Interior Ministry said in a statement. "It sends a '
        'clear signal," Interior Minister Karl Bremer, who leads a caretaker cabinet, said in the statement.',
        "statement",
        {"Interior Ministry", "Karl Bremer"},
    ),
    # --- already read before this round; kept as guards of the shapes the new rules touch
    (
        "The plant will reopen in May, Norvex Corp said in a statement.",
        "statement",
        {"Norvex"},
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_event_probe(text: str, etype: str, parties: set[str]):
    assert_probe(text, etype, parties)


def test_told_a_news_conference_is_no_statement_of_a_company_spokeswoman():
    # a company's spokeswoman answering questions is reporting, not a formal statement
    text = "Mia Lund, a spokeswoman for Halden Group, said the company had been working with the regulator."
    assert not [e for e in events_of(text) if e[0] == "statement"], events_of(text)


def test_in_the_statement_without_a_statement_told_adds_none():
    text = 'Trade grew. "It is a clear signal," Interior Minister Karl Bremer said in the statement.'
    assert not [e for e in events_of(text) if e[0] == "statement"], events_of(text)
