"""Title shapes of round tt14 (dev half A's misses read by class, checked on half B). Every sentence is
written for these tests (fictional names and bodies; no outside articles)."""

from __future__ import annotations

import pytest

from tests.intel.extract.title_checks import positions_of

pytestmark = pytest.mark.unit


def _titles(text: str, name: str) -> list[str]:
    return [t for t, _org in positions_of(text).get(name, [])]


# ------------------------------------------------ a release's dash apposition


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        (
            "Kestrel Robotics signed the deal on Monday. Anna Berg – Partner, Chief Business Development "
            'Officer & Investor Relations continued: "We are pleased."',
            "Anna Berg",
            ["Partner", "Chief Business Development Officer"],
        ),
        ('Tomas Reller – CEO Orvalis added: "This agreement is a milestone."', "Tomas Reller", ["CEO"]),
        (
            "Contact Orvalis: Peter Haldane - Managing Director: press@orvalis.com",
            "Peter Haldane",
            ["Managing Director"],
        ),
    ],
)
def test_dash_apposition(text: str, name: str, titles: list[str]) -> None:
    got = [t for person, posts in positions_of(text).items() if person.startswith(name) for t, _o in posts]
    for title in titles:
        assert title in got


def test_dash_apposition_part_without_head_is_no_post() -> None:
    text = 'Anna Berg – Partner & Investor Relations continued: "We are pleased."'
    got = _titles(text, "Anna Berg")
    assert "Partner" in got
    assert not any(t.startswith("Investor") for t in got)


# ------------------------------------------------ two posts joined beside a name


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        (
            "After R. Allen Hayward, the editor and publisher of the weekly Sparta Herald, noticed an "
            "article, he suggested a fix.",
            "R. Allen Hayward",
            ["editor", "publisher"],
        ),
        (
            '"We have lived in a culture of food scares," said Alan Wilby, an agronomist and organic food '
            "consultant for Orla Markets.",
            "Alan Wilby",
            ["agronomist", "organic food consultant"],
        ),
        (
            "Sadek Wahlberg, Chairman and Managing Partner, Orla Capital, attended the forum.",
            "Sadek Wahlberg",
            ["Chairman", "Managing Partner"],
        ),
        (
            "Mr. Hiro Fujimaki, Director and Senior Managing Executive Officer of Tenmoku Corporation, said "
            "the market had room to grow.",
            "Hiro Fujimaki",
            ["Director", "Senior Managing Executive Officer"],
        ),
        (
            "Craig Samson, an American who is founder and president of Whole Grain Foods in England, travels "
            "often.",
            "Craig Samson",
            ["founder", "president"],
        ),
        (
            "The company's founder and ex-chief executive, Mikhail Korsakov, is on trial for tax evasion.",
            "Mikhail Korsakov",
            ["founder", "chief executive"],
        ),
        (
            "The pact was signed at the summit, where Orla founder and legendary CEO Steve Jobling unveiled "
            "many products.",
            "Steve Jobling",
            ["founder", "CEO"],
        ),
    ],
)
def test_two_posts_joined_beside_a_name(text: str, name: str, titles: list[str]) -> None:
    got = _titles(text, name)
    for title in titles:
        assert title in got


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        # a sentence's first word, a body's name before an acronym, a demonym: none is part of the post
        (
            "After CEO and co-founder Adam Newham left the company in October, the bank stepped in.",
            "Adam Newham",
            "After CEO",
        ),
        (
            '"We are proud to partner," Asylux CEO and Co-Founder Damon Hendry said.',
            "Damon Hendry",
            "Asylux CEO",
        ),
        (
            "Chinese Vice-Premier and Foreign Minister Qian Qiwen made the comment here.",
            "Qian Qiwen",
            "Chinese Vice-Premier",
        ),
    ],
)
def test_joined_posts_take_no_word_before_the_post(text: str, name: str, wrong: str) -> None:
    assert wrong not in _titles(text, name)


def test_joined_post_keeps_the_former_post_once() -> None:
    text = (
        "Among those he met is General Olu Obafemi, former military leader (1976-1979) and presidential "
        "aspirant of the People's Democratic Party (PDP)."
    )
    got = _titles(text, "Olu Obafemi")
    assert "presidential aspirant" in got
    assert "military leader" not in got


def test_vague_head_with_a_remit_is_left_to_the_main_rules() -> None:
    text = "Alex Kimball, Managing Director & Head of APAC at Orvalis Capital, commented on the deal."
    assert "Head" not in _titles(text, "Alex Kimball")


# ------------------------------------------------ plural titles before a list of names


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        (
            "The two other candidates in the race — Sens. Cory Brandt and Kamala Hollis — have struggled.",
            ["Cory Brandt", "Kamala Hollis"],
            "senator",
        ),
        (
            "At the Justice Department, two Miami area mayors, Alex Perales of Dade County and Joseph "
            "Caruso of Miami, met with the attorney general.",
            ["Joseph Caruso"],
            "mayor",
        ),
        (
            "The settlement included agreements with three other ex-managers, Peter Marlow, Erik Gundersen "
            "and Joseph Pallas, who paid penalties.",
            ["Peter Marlow", "Erik Gundersen", "Joseph Pallas"],
            "manager",
        ),
        (
            "The delegation included National Security Council Senior Directors Tarun Chawla and Sarah "
            "Ludlow.",
            ["Tarun Chawla", "Sarah Ludlow"],
            "Senior Director",
        ),
        (
            "The chairman attended with subsidiary CEOs, including Mr Prasit Boonmee (Orla Foods).",
            ["Prasit Boonmee"],
            "CEO",
        ),
    ],
)
def test_plural_title_before_a_list(text: str, names: list[str], title: str) -> None:
    people = positions_of(text)
    for name in names:
        assert title in [t for t, _o in people.get(name, [])]


# ------------------------------------------------ appositions the main rules did not reach


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            '"We are excited," said Jonas Brandt, zentrix\'s new Chief Strategy Officer.',
            "Jonas Brandt",
            "Chief Strategy Officer",
        ),
        (
            "The lab will be headed by Oskar Lind, MD/PhD, Orvalis's Chief Scientific Officer, a leading "
            "researcher.",
            "Oskar Lind",
            "Chief Scientific Officer",
        ),
        (
            '"Growth will continue," said Lena Harrow, Ph. D., President of the Analytics Group for Orvalis.',
            "Lena Harrow",
            "President of the Analytics Group",
        ),
        (
            "The upgrade will include a security dimension, Mr Jon Abler, the US principal deputy national "
            "security adviser, told reporters.",
            "Jon Abler",
            "principal deputy national security adviser",
        ),
        (
            "Cmdr. Sean Robbins, a spokesperson for the coalition, told reporters that the claim was false.",
            "Sean Robbins",
            "commander",
        ),
    ],
)
def test_apposition_shapes(text: str, name: str, title: str) -> None:
    assert title in _titles(text, name)


def test_spokesman_for_a_titled_person() -> None:
    text = (
        "The proposals were ruled out, said Andrew Tollis, a spokesman for Agriculture Secretary Dan Mercer."
    )
    people = positions_of(text)
    assert "spokesman" in [t for t, _o in people["Andrew Tollis"]]
    assert "spokesman" not in [t for t, _o in people["Dan Mercer"]]
    assert "Agriculture Secretary" in [t for t, _o in people["Dan Mercer"]]


def test_senior_advisor_to_a_titled_person_keeps_its_own_holder() -> None:
    text = (
        "He was joined by Deputy Secretary of the Treasury Wally Adeyemi, Senior Advisor to the President "
        "for Energy and Investment Amos Hochberg, and World Bank President Ajay Bangar."
    )
    assert not any(t.lower() == "advisor" for t in _titles(text, "Wally Adeyemi"))


# ------------------------------------------------ an institution inside a parent body; more heads


def test_lower_case_title_of_an_institution_at_its_parent() -> None:
    text = (
        "There is no evidence that is true, said Christine Brunn, director of the Center for Consumer "
        "Research at the University of Linden."
    )
    assert positions_of(text)["Christine Brunn"] == [("director", "Center for Consumer Research")]


def test_a_remit_at_a_body_stays_in_the_title() -> None:
    text = (
        "Ann Lorimer, vice president of Advanced Orbit Programs at Kestrel Space, said the launch went well."
    )
    assert "vice president of Advanced Orbit Programs" in _titles(text, "Ann Lorimer")


@pytest.mark.parametrize(
    ("name", "title"),
    [("Prayoon Insak", "permanent-secretary"), ("Vanna Ketsuda", "inspector-general")],
)
def test_hyphenated_civil_service_heads(name: str, title: str) -> None:
    text = (
        "Present were Agriculture and Cooperatives Ministry permanent-secretary Prayoon Insak, and Commerce "
        "Ministry inspector-general Vanna Ketsuda."
    )
    assert title in _titles(text, name)


def test_title_loses_a_trailing_comma_or_dash() -> None:
    text = (
        "Mr Marchetti becomes the fourth head of the business - which is expected to make a loss - in years."
    )
    assert not any(t.endswith(("-", ",")) for posts in positions_of(text).values() for t, _o in posts)


def test_name_after_a_quote_with_a_lower_case_title() -> None:
    text = (
        '"The card issuer will not need any more aid after this," Laah Min-gyu, executive director of Orla '
        "Development Bank, said."
    )
    assert "executive director" in _titles(text, "Laah Min-gyu")


def test_third_post_after_an_acronym_in_brackets() -> None:
    text = (
        "Under the patronage of His Highness Sheikh Rashid Al Nuaimi, Vice President and Prime Minister of "
        "the United Arab Emirates (UAE) and Ruler of Dubai, the ministry held a summit."
    )
    assert "Ruler of Dubai" in _titles(text, "Sheikh Rashid Al Nuaimi")


def test_executive_after_a_body_named_with_its_co() -> None:
    text = (
        "Walt Disney Co. executive Kevin Maynard said demand led to widespread problems last week at Walt "
        "Disney."
    )
    assert "executive" in _titles(text, "Kevin Maynard")
