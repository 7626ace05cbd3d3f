"""Event round ev17 (session 12): events in press releases, government readouts and fact sheets. A release
tells its deal in a title-case headline the parser cannot read and in a first sentence behind a wire dateline
("CITY, ST, date /Wire/ -- X, a maker of Y, is excited to announce ..."); a readout names its principal once
and then by office ("the Vice President's visit to ..."). Every sentence is invented for these tests
(fictional companies, bodies and people)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.releases import dateline_end, office_actors
from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- the dateline is no subject: the company after it announces the partnership
    (
        "CARMEL, IN, January 10, 2025 /24-7PressRelease/ -- Marlex Corp, a leading manufacturer of modular "
        "docks based in Indiana, is excited to announce a strategic partnership with Halden Group, the "
        "parent company of Poralu Marine.",
        "agreement",
        {"Marlex", "Halden Group"},
    ),
    # --- a venture formed by two companies
    (
        'CALGARY, AB, September 25, 2025 /PRNewswire/ -- Norvex Energy Inc. ("Norvex"), a Calgary-based '
        'reactor developer, and Halden Technology Inc. ("Halden"), a Canadian reactor technology company, '
        "announced today the formation of a partnership entity named NorHal.",
        "agreement",
        {"Norvex Energy", "Halden Technology"},
    ),
    (
        "Norvex Energy Inc. and Halden Technology Inc. are proud to announce the formation of Marlo, a "
        "strategic joint venture that combines decades of expertise.",
        "agreement",
        {"Norvex Energy", "Halden Technology"},
    ),
    # --- the headline's deal by its shape
    (
        "Norvex Robotics Partners with Halden Marine to Expand Presence in Europe\n\n"
        "OSLO, NORWAY, January 10, 2025 /24-7PressRelease/ -- Norvex Robotics, a maker of docks, said the "
        "work would start in May. Norvex Robotics and Halden Marine have worked together since 2019.",
        "agreement",
        {"Norvex Robotics", "Halden Marine"},
    ),
    (
        "Marlex Energy and Tavora Systems Sign MOU for Reactor Components\n\n"
        "Marlex Energy Inc. and Tavora Systems Inc. will work together on reactor parts, the companies said.",
        "agreement",
        {"Marlex Energy", "Tavora Systems"},
    ),
    (
        "Norvex Robotics and Halden Marine Forge New Partnership to Improve Shipping\n\n"
        "Norvex Robotics Inc. said on Monday that Halden Marine Ltd. would build its boats.",
        "agreement",
        {"Norvex Robotics", "Halden Marine"},
    ),
    (
        "Kestrel Systems Inc. Awarded $50M USDA Contract\n\n"
        "MCLEAN, VA, June 11, 2025 /24-7PressRelease/ -- Kestrel Systems Inc., a cybersecurity services "
        "provider, said it will continue providing services to the U.S. Department of Agriculture (USDA). "
        "Kestrel Systems has served USDA since 2015.",
        "agreement",
        {"Kestrel Systems", "U.S. Department of Agriculture"},
    ),
    (
        "Marlex Energy Corp Completes Acquisition of Tavora Systems Inc\n\n"
        "Marlex Energy Corp said Tavora Systems Inc will keep its brand.",
        "investment",
        {"Marlex Energy", "Tavora Systems"},
    ),
    (
        "Marlex Energy Invests in Tavora Systems to Drive Photonic Computing\n\n"
        "Tavora Systems Inc. said the money from Marlex Energy Inc. would fund its chips.",
        "investment",
        {"Marlex Energy", "Tavora Systems"},
    ),
    # --- a body announces whom it selected for a programme
    (
        "The Norland Space Agency today announced the selection of Marlex Aerospace, Tavora Robotics and "
        "Kestrel Systems to join its lunar delivery program.",
        "agreement",
        {"Norland Space Agency", "Marlex Aerospace", "Tavora Robotics", "Kestrel Systems"},
    ),
    # --- a funder's call without an opening verb the cue rules read
    (
        "The Norland Research Agency launched a $5 million grant round for battery research on Monday.",
        "call",
        {"Norland Research Agency"},
    ),
    (
        "The Norland Research Agency has opened applications for its 2025 innovation grant programme.",
        "call",
        {"Norland Research Agency"},
    ),
    (
        "Norland will invite architects to submit plans for a redesign of the building, the Norland Interior "
        "Ministry said in a statement.",
        "call",
        {"Norland Interior Ministry"},
    ),
    # --- a readout's principal meets a group nobody names
    (
        "Vice President Karla Benning today convened a group of Norlandic business executives for a "
        "discussion on investment.",
        "meeting",
        {"Karla Benning"},
    ),
    (
        "Vice President Karla Benning hosted a roundtable with Norlandic business executives on Monday.",
        "meeting",
        {"Karla Benning"},
    ),
    # --- a fact sheet's closing list of participants joins the meeting told before it
    (
        "On September 25, National Security Advisor Tom Reyes hosted an Infrastructure Investor Forum in New "
        "York. He was joined by Deputy Secretary of the Treasury Ann Lee.\n\nParticipants at the Investor "
        "Forum event included:\n\nPublic Sector Participants:\nTom Reyes, National Security Advisor\n"
        "Ann Lee, Deputy Secretary of the Treasury\n\nPrivate Sector Participants:\n"
        "Karl Bremer, Chairman and CEO, Norvex Capital\nMaria Olsen, President, Halden Partners\n",
        "meeting",
        {"Tom Reyes", "Ann Lee", "Karl Bremer", "Maria Olsen"},
    ),
    # --- a readout's principal named by office
    (
        "Today, Vice President Karla Benning met with President Tomas Verhal of Norland in Oslo. This is "
        "their fifth meeting, and builds on the Vice President's visit to Bergen in November 2022.",
        "visit",
        {"Karla Benning"},
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_probe(text, etype, parties):
    assert_probe(text, etype, parties)


@pytest.mark.parametrize(
    ("line", "story"),
    [
        ("CARMEL, IN, January 10, 2025 /24-7PressRelease/ -- Snap Co, a maker", "Snap Co, a maker"),
        ("OSLO, Norway (AP) — Marlex said", "Marlex said"),
        ("CARMEL, Ind.–(BUSINESS WIRE)–Marlex Ventures – the fund of Marlex – has", "Marlex Ventures – the"),
        ("BERGEN, NORWAY - Media Wire Newswire – 9 June 2026 – Marlex today", "Marlex today"),
    ],
)
def test_dateline_end(line, story):
    end = dateline_end(line)
    assert end is not None and line[end:].startswith(story)


@pytest.mark.parametrize(
    "line",
    [
        "NASA said the five companies — Blue Origin and others — will bid.",
        "GE Halden's mission is in its name – it keeps its legacy.",
        "Marlex Corp — a maker of docks — said on Monday it would buy Halden.",
    ],
)
def test_no_dateline(line):
    assert dateline_end(line) is None


class _Person:
    def __init__(self, name: str, title: str) -> None:
        self.name, self.positions = name, [{"title": title, "organization": None}]


def test_the_office_is_its_one_holder():
    text = "Vice President Karla Benning met President Tomas Verhal. The Vice President hosted him."
    people = [
        (15, 28, _Person("Karla Benning", "Vice President")),
        (43, 55, _Person("Tomas Verhal", "President")),
    ]
    assert office_actors(text, people) == [
        (text.index("Vice President", 60), text.index(" hosted"), "Karla Benning")
    ]


def test_two_holders_of_the_office_name_nobody():
    text = "President Tomas Verhal met President Karl Osen. The President hosted him."
    people = [(10, 22, _Person("Tomas Verhal", "President")), (37, 46, _Person("Karl Osen", "President"))]
    assert office_actors(text, people) == []


def test_partners_in_a_company_name_is_no_verb():
    text = "Halden Capital Partners said on Monday it had raised $200m for its third fund."
    assert not [e for e in events_of(text) if e[0] == "agreement"], events_of(text)


def test_a_countrys_signing_has_no_named_party():
    text = (
        "President Tomas Verhal also congratulated President Karl Osen for Angola's signing of the Artemis "
        "Accords, which advances space exploration."
    )
    assert [p for t, _s, p in events_of(text) if t == "agreement"] == [set()], events_of(text)


def test_meeting_nobody_is_still_no_meeting():
    text = "President Tomas Verhal met with reporters in Oslo on Tuesday."
    assert not [e for e in events_of(text) if e[0] == "meeting"], events_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marlo delivers high-quality evaluations that meet USAID's rigorous standards and provide insights.",
        "Norvex's transport subsidiary achieved full compliance within eight months, meeting Canada's strict "
        "hydrogen handling standards.",
        "Norvex LLC has partnered with Halden University to host Norvex's one-of-a-kind muscle research lab.",
    ],
)
def test_a_standard_met_or_a_lab_hosted_is_no_meeting(text):
    assert not [e for e in events_of(text) if e[0] == "meeting"], events_of(text)


def test_a_guest_hosted_is_still_a_meeting():
    text = "President Tomas Verhal will host Norland's prime minister Karl Osen in Oslo next week."
    assert_probe(text, "meeting", {"Tomas Verhal", "Karl Osen"})


def test_a_feed_footer_tells_no_second_event():
    text = (
        "Marlex Energy Corp Completes Acquisition of Tavora Systems Inc\n\n"
        "Marlex Energy Corp said Tavora Systems Inc will keep its brand.\n"
        "The post Marlex Energy Corp Completes Acquisition of Tavora Systems Inc appeared first on citynews."
    )
    footer = text.index("The post")
    events = extract_text(text)["events"]
    assert events and not [e for e in events if e["evidence"][0] >= footer], events


def test_a_funding_round_raised_is_no_call():
    text = "Marlex Corp raised $20 million in a funding round led by Tavora Capital."
    assert not [e for e in events_of(text) if e[0] == "call"], events_of(text)
