"""Title shapes of round tt10 (probe suite first, then dev half A, checked on half B). Every sentence is
written for these tests (fictional names and bodies, or public figures in invented sentences; no outside
articles)."""

from __future__ import annotations

import pytest

from tests.intel.extract.title_checks import positions_of

pytestmark = pytest.mark.unit


def _titles(text: str, name: str) -> list[str]:
    return [t for t, _org in positions_of(text).get(name, [])]


# ------------------------------------------------------------- a lower-case office before a name


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "South African president Thabo Mbeki has attacked the report on Monday.",
            "Thabo Mbeki",
            "president",
        ),
        ("The plan was attacked by Norvanian president Ivo Laske on Monday.", "Ivo Laske", "president"),
        ("Ghanaian president John Kufuor has welcomed the plan on Friday.", "John Kufuor", "president"),
        ("Ukraine's president Leonid Kuchma said the vote was fair.", "Leonid Kuchma", "president"),
        (
            "The German chancellor Gerhard Schroeder arrived in Paris on Tuesday.",
            "Gerhard Schroeder",
            "chancellor",
        ),
        ("Britain's chancellor Gordon Brown presented the budget.", "Gordon Brown", "chancellor"),
        ("Influential senator John McCain visited Baghdad last week.", "John McCain", "senator"),
        ("Republican senator Bill Frist said the bill would pass.", "Bill Frist", "senator"),
        (
            "Sultan Ibrahim and queen Raja Zarith Sofiah were received in Beijing.",
            "Raja Zarith Sofiah",
            "queen",
        ),
        (
            "French foreign minister Michel Barnier met his counterpart on Friday.",
            "Michel Barnier",
            "foreign minister",
        ),
        (
            "The Italian prime minister Silvio Berlusconi rejected the claim.",
            "Silvio Berlusconi",
            "prime minister",
        ),
    ],
)
def test_a_lower_case_office_before_a_name_is_its_title(text, name, title):
    assert title in _titles(text, name)


def test_the_capitalised_office_still_works():
    assert _titles("South African President Thabo Mbeki has attacked the report.", "Thabo Mbeki") == [
        "President"
    ]


def test_a_lower_case_office_before_a_place_or_a_month_names_no_person():
    positions = positions_of("The president Monday said the mayor Paris would host the games.")
    assert "Paris" not in positions and "Monday" not in positions


# ------------------------------------------------------------- ex- offices


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The talks were led by ex-President Leonid Kuchma.", "Leonid Kuchma", "President"),
        ("Ex-President Ivo Laske denied the charges on Monday.", "Ivo Laske", "President"),
        (
            "The company's ex-chief executive, Mikhail Khodorkovsky, is in jail.",
            "Mikhail Khodorkovsky",
            "chief executive",
        ),
    ],
)
def test_an_ex_office_is_the_office_held(text, name, title):
    assert _titles(text, name) == [title]


# ------------------------------------------------------------- an office that refers back to a person


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Gordon Brown has said the era of aid is over. The chancellor, speaking in Tanzania, said debt "
            "relief was vital.",
            "Gordon Brown",
            "chancellor",
        ),
        (
            "Mr Straw and his counterpart met in London. The foreign secretary said the talks were useful.",
            "Straw",
            "foreign secretary",
        ),
        (
            "Tony Blair arrived in Ghana on Friday. The prime minister said Africa needed help.",
            "Tony Blair",
            "prime minister",
        ),
        (
            "Tony Blair is urging leaders to wake up over President Bush's re-election.\n"
            '"America has spoken," the prime minister said in an interview.',
            "Tony Blair",
            "prime minister",
        ),
        (
            "Ann Lee joined Zentrix in 2001. The chief executive said sales would grow.",
            "Ann Lee",
            "chief executive",
        ),
        (
            "Talks begin at Jack Straw's residence on Wednesday. Officials at the foreign secretary's "
            "official house will plan a forum. Mr Straw will open it.",
            "Jack Straw",
            "foreign secretary",
        ),
    ],
)
def test_an_office_with_the_refers_to_the_one_person_just_named(text, name, title):
    assert _titles(text, name) == [title]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # two people could be meant
        ("Ann Lee met Ole Berg in Oslo. The president said it was fine.", ["Ann Lee", "Ole Berg"]),
        # the office has a holder of its own
        (
            "Italian Prime Minister Ivo Laske met Tony Blair. The prime minister said it was fine.",
            ["Tony Blair"],
        ),
        # a body's office, not a person's reference
        ("Ann Lee criticised the plan on Monday. The president of the union said it was fine.", ["Ann Lee"]),
        # the one person named has another post
        ("Ann Lee, a lawyer, criticised the plan. The president said it was fine.", []),
    ],
)
def test_an_office_with_the_gives_nothing_when_the_reference_is_unclear(text, names):
    positions = positions_of(text)
    for name in names:
        assert not any(t.lower() in {"president", "prime minister"} for t, _org in positions.get(name, []))


# ------------------------------------------------------------- appositions and copulas after a name


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ann Lee, Zentrix's chief executive, said sales rose.", "Ann Lee", "chief executive"),
        ('"We are growing," said Ann Lee, Zentrix\'s chief executive.', "Ann Lee", "chief executive"),
        (
            '"Sales are up," said Trevor Hale, Kestrel\'s chief financial officer.',
            "Trevor Hale",
            "chief financial officer",
        ),
        (
            "Joseph Park, Kozmo's chief executive, said his business model works.",
            "Joseph Park",
            "chief executive",
        ),
        ("John Rogers, an analyst for D.A. Davidson & Co. in Portland, agreed.", "John Rogers", "analyst"),
        ("Simon Perry is the editor of the Digital Lifestyles website.", "Simon Perry", "editor"),
        ("Ann Lee is the chief executive of Zentrix, a software firm.", "Ann Lee", "chief executive"),
        (
            "Kestrel and Volta set up a venture. Masayoshi Son will be the chairman.",
            "Masayoshi Son",
            "chairman",
        ),
    ],
)
def test_an_office_after_a_name(text, name, title):
    assert title in _titles(text, name)


# ------------------------------------------------------------- more offices before a name


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Judge Thomas Penfield Jackson has told both sides to settle.", "Thomas Penfield Jackson", "Judge"),
        ("The case was heard by Chief Judge Ann Lee in Boston.", "Ann Lee", "Chief Judge"),
        (
            "The delegation included State Secretary Heiko Thoms, Federal Ministry of Finance; and State "
            "Secretary Udo Philipp.",
            "Udo Philipp",
            "State Secretary",
        ),
        (
            "Government spokesman Chai Wacharonke on Monday provided a summary.",
            "Chai Wacharonke",
            "government spokesman",
        ),
        (
            "Shadow chancellor Oliver Letwin said the figures were wrong.",
            "Oliver Letwin",
            "shadow chancellor",
        ),
        (
            "Work and Pensions Secretary Alan Johnson unveiled the plan.",
            "Alan Johnson",
            "Work and Pensions Secretary",
        ),
        (
            "But European Union ambassador to the WTO, Carlo Trojan, said the bid was weak.",
            "Carlo Trojan",
            "ambassador to the WTO",
        ),
        (
            "Japan's ambassador to the UN, Ivo Laske, said the vote was close.",
            "Ivo Laske",
            "ambassador to the UN",
        ),
    ],
)
def test_more_offices_before_a_name(text, name, title):
    assert title in _titles(text, name)


def test_a_former_envoy_keeps_one_reading_of_the_post():
    text = "Another diplomat, former special envoy to Ukraine Kurt Volker, shifted his account."
    assert _titles(text, "Kurt Volker") == ["special envoy to Ukraine"]


# ------------------------------------------------------------- the time of a post, appointments, regions


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ann Lee, Kestrel's outgoing chairman, will retire in May.", "Ann Lee", "chairman"),
        ("Ann Lee, the outgoing chairman of Kestrel, will retire in May.", "Ann Lee", "chairman"),
        ("Kestrel's new chief executive, Ann Lee, starts in May.", "Ann Lee", "chief executive"),
        ("Kestrel appointed Ann Lee chief executive last week.", "Ann Lee", "chief executive"),
        ("Ann Lee, Kestrel's head of Asia, said demand was strong.", "Ann Lee", "head of Asia"),
    ],
)
def test_the_time_of_a_post_is_no_part_of_it(text, name, title):
    assert _titles(text, name) == [title]


def test_a_capitalised_office_with_the_refers_back_too_but_a_body_named_after_it_does_not():
    text = "Ann Lee arrived in Oslo on Monday. The Prime Minister said the talks were useful."
    assert _titles(text, "Ann Lee") == ["Prime Minister"]
    text = (
        "Ann Lee met Ole Berg, an executive, on Monday. Ann Lee also met members of the President's Export "
        "Council."
    )
    assert _titles(text, "Ann Lee") == []


# ------------------------------------------------------------- verbs of taking or holding a post


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ann Lee serves as Kestrel's chief technology officer.", "Ann Lee", "chief technology officer"),
        (
            "Ann Lee, who joined Kestrel as chief operating officer in 2019, will lead the unit.",
            "Ann Lee",
            "chief operating officer",
        ),
        ("Ann Lee has been named chief financial officer of Kestrel.", "Ann Lee", "chief financial officer"),
        ("Ann Lee will succeed Ole Berg as chief executive.", "Ann Lee", "chief executive"),
        ("Ann Lee takes over as chief executive from Ole Berg.", "Ann Lee", "chief executive"),
        (
            "US secretary of state Colin Powell said the talks were useful.",
            "Colin Powell",
            "secretary of state",
        ),
    ],
)
def test_a_verb_of_taking_or_holding_a_post(text, name, title):
    assert title in _titles(text, name)


def test_the_body_one_joins_gets_no_post_and_a_part_played_is_no_post():
    positions = positions_of(
        "Ann Lee, who joined Kestrel as chief operating officer in 2019, will lead the unit."
    )
    assert "Kestrel" not in positions
    assert _titles(
        "Judge Ann Lee chairs the panel. Ann Lee is serving as a mediator in the talks.", "Ann Lee"
    ) == ["Judge"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The talks were attended by Senior Advisor Amos Hochstein.", "Amos Hochstein", "Senior Advisor"),
        ("Chief Economic Adviser Ann Lee said growth would slow.", "Ann Lee", "Chief Economic Adviser"),
        (
            "The forum hosted Senior Advisor to the President for Energy and Investment Amos Hochstein.",
            "Amos Hochstein",
            "Senior Advisor to the President for Energy and Investment",
        ),
    ],
)
def test_advisers_before_a_name(text, name, title):
    assert _titles(text, name) == [title]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ann Lee is Kestrel's chief executive.", "Ann Lee", "chief executive"),
        ("Ann Lee was chief executive of Kestrel until 2003.", "Ann Lee", "chief executive"),
        ("Ann Lee, then chief executive of Kestrel, signed the deal.", "Ann Lee", "chief executive"),
        ("Ann Lee, Norvan's president-elect, opened the plant.", "Ann Lee", "president-elect"),
    ],
)
def test_copulas_and_the_time_of_a_post(text, name, title):
    assert _titles(text, name) == [title]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "He met Nyam-Osorin Tuyaa, visiting Mongolian minister of external relations.",
            marks=pytest.mark.xfail(reason="a name NER misses, followed by a participle before its title"),
        ),
    ],
)
def test_shapes_left_open(text):
    assert any(positions_of(text).values())
