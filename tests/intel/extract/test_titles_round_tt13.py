"""Title shapes of round tt13 (probe suite first, then dev half A, checked on half B). Every sentence is
written for these tests (fictional names and bodies; no outside articles)."""

from __future__ import annotations

import pytest

from tests.intel.extract.title_checks import positions_of

pytestmark = pytest.mark.unit


def _titles(text: str, name: str) -> list[str]:
    return [t for t, _org in positions_of(text).get(name, [])]


# ------------------------------------------------ a post told in the next sentence, after "He/She"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Kestrel Robotics said on Monday it had hired Ann Lorimer. She most recently served as chief "
            "financial officer at Orla Systems.",
            "Ann Lorimer",
            "chief financial officer",
        ),
        (
            "Harlow Bank has appointed Peter Quillan to its board. He previously served as chief "
            "executive of Denby Mutual.",
            "Peter Quillan",
            "chief executive",
        ),
        (
            "The board welcomed Maria Ostrander on Tuesday. She was named chief operating officer in 2019.",
            "Maria Ostrander",
            "chief operating officer",
        ),
    ],
)
def test_role_verb_after_pronoun(text: str, name: str, title: str) -> None:
    assert title in _titles(text, name)


def test_role_verb_after_pronoun_needs_one_person_before() -> None:
    text = (
        "Ann Lorimer met Peter Quillan in Leeds on Monday. She most recently served as chief "
        "financial officer at Orla Systems."
    )
    assert "chief financial officer" not in _titles(text, "Ann Lorimer")
    assert "chief financial officer" not in _titles(text, "Peter Quillan")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Kestrel Robotics hired Ann Lorimer on Monday. She was previously chief financial "
            "officer of Orla Systems.",
            "Ann Lorimer",
            "chief financial officer",
        ),
        (
            "Harlow Bank named Peter Quillan to its board. He is also chairman of Denby Mutual.",
            "Peter Quillan",
            "chairman",
        ),
    ],
)
def test_copula_after_pronoun_with_a_body(text: str, name: str, title: str) -> None:
    assert title in _titles(text, name)


def test_copula_after_pronoun_needs_a_body() -> None:
    assert (
        _titles(
            "Harlow Bank named Peter Quillan to its board. He is a keen sailor of Denby.", "Peter Quillan"
        )
        == []
    )


# ------------------------------------------------ appositions: a body with "of", a seat, a participle


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "The plan was backed by Ann Lorimer, a University of Leeds librarian working with the firm.",
            "Ann Lorimer",
            "librarian",
        ),
        ("Tom Fairley, the Leeds Central MP, has pledged to fight the takeover.", "Tom Fairley", "MP"),
        (
            "The plan was backed by Ann Lorimer, a Kestrel University analyst working with the firm.",
            "Ann Lorimer",
            "analyst",
        ),
    ],
)
def test_apposition_shapes(text: str, name: str, title: str) -> None:
    assert _titles(text, name) == [title]


def test_role_verb_after_pronoun_with_an_acronym() -> None:
    text = "Kestrel Robotics said on Monday it had hired Ann Lorimer. She was most recently CFO at Orla."
    assert "CFO" in _titles(text, "Ann Lorimer")


# ------------------------------------------------------------- occupations in appositions


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            '"Prices will fall," said Tom Wexley, a Kestrel State University sociologist who tracks prices.',
            "Tom Wexley",
            "sociologist",
        ),
        ("Tom Wexley, the commander of Harlow district, said so.", "Tom Wexley", "commander"),
        (
            "The error was blamed on Ann Lorimer, producer of the segment.",
            "Ann Lorimer",
            "producer of the segment",
        ),
    ],
)
def test_occupations_in_appositions(text: str, name: str, title: str) -> None:
    assert _titles(text, name) == [title]


def test_producer_of_goods_is_no_person() -> None:
    assert positions_of("The oil producer Kestrel Petroleum said it would cut output.") == {}
