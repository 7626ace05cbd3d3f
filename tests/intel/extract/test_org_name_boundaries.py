"""Names of bodies stop at a sentence break, and at a nationality that begins a second company after "and"."""

from kopru.intel.extract import extract_text
from kopru.intel.extract.entities import after_sentence_break


def org_names(text: str) -> set[str]:
    return {o["name"] for o in extract_text(text)["organizations"]}


def test_a_name_does_not_run_across_a_full_stop():
    names = org_names(
        "Zentor Motors Corp. opened a plant in Pune. The Sino-Varnian Chamber of Commerce welcomed it."
    )
    assert "Sino-Varnian Chamber of Commerce" in names
    assert not any("Pune" in name for name in names)


def test_an_abbreviation_is_no_sentence_break():
    text = "Acme Corp. Holdings"
    assert after_sentence_break(text, 0, len(text)) == 0
    text = "in Pune. The Varnian Trade Council"
    assert text[after_sentence_break(text, 3, len(text)) :] == "Varnian Trade Council"


def test_a_nationality_after_and_begins_a_second_company():
    names = org_names("The deal between Korean Air Lines and German Shell AG was signed on Monday.")
    assert names == {"Korean Air Lines", "Shell"}


def test_joined_words_of_one_company_stay_one_name():
    assert org_names("Marks and Spencer and Procter & Gamble Co. signed a supply deal.") == {
        "Marks and Spencer",
        "Procter & Gamble",
    }
