"""Company deals in classic business-wire copy (helper deals10): datelines run into the first name, stock
tickers in angle brackets, bids and tender offers, offers to buy, headline infinitives, agreed passives and
stake changes. Every story is invented for these tests (fictional companies, no outside text).

Expectations follow the dev gold's conventions (docs/extraction-evaluation.md, manifests of the wire and BBC
sets): a completed purchase or stake change is an investment (held); an agreed, offered or pending one, a
hostile bid or tender offer an investment (planned) with bidder and target; a rejected or withdrawn bid is no
event."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.nlp import prepare
from kopru.intel.extract.reading import normalise_text

pytestmark = pytest.mark.unit


def _events(text: str) -> list[tuple[str, str, list[str]]]:
    return [(e["type"], e["status"], sorted(e["participants"])) for e in extract_text(text)["events"]]


def _orgs(text: str) -> list[str]:
    return [o["name"] for o in extract_text(text)["organizations"]]


# ------------------------------------------------------------------------------------------- datelines


def test_a_dated_dateline_with_one_dash_does_not_swallow_the_first_company():
    text = "DALLAS, May 5 - Ridley Petroleum Corp said it completed its acquisition of Cranmore Energy Inc."
    assert _orgs(text) == ["Ridley Petroleum", "Cranmore Energy"]
    assert _events(text) == [("investment", "held", ["Cranmore Energy", "Ridley Petroleum"])]


def test_the_dateline_dash_is_read_as_an_em_dash_and_keeps_the_length():
    text = "HOUSTON, July 17 - Sabine Drilling Co said it would buy Lockhart Pipe Inc."
    prepared = prepare(text)
    assert prepared == text.replace(" - ", " \u2014 ", 1)
    assert _events(text) == [("investment", "planned", ["Lockhart Pipe", "Sabine Drilling"])]
    text = "HOUSTON, July 17 -- Sabine Drilling Co said it would buy Lockhart Pipe Inc."
    assert prepare(text) == text.replace(" -- ", " \u2014  ", 1)
    text = "HOUSTON, July 17 (Gulf Wire) - Sabine Drilling Co said it would buy Lockhart Pipe Inc."
    assert prepare(text) == text  # a credited dateline is the zones' own


def test_a_lower_case_line_with_a_dash_is_no_dateline():
    text = "Note, May 5 - Sabine Drilling Co said it would buy Lockhart Pipe Inc."
    assert prepare(text) == text


# --------------------------------------------------------------------------------------------- tickers


def test_a_ticker_in_angle_brackets_is_no_name_and_no_part_of_one():
    text = (
        "CORVANT CORP <CRV> TO BUY STAKE IN DELMAR\n"
        "CHICAGO, April 2 - Corvant Corp <CRV> said it will buy a 25 pct stake in Delmar Chemical Co."
    )
    assert _orgs(text) == ["Corvant", "Delmar Chemical"]
    assert _events(text) == [("investment", "planned", ["Corvant", "Delmar Chemical"])]


def test_a_marked_company_name_still_loses_only_its_brackets():
    text = "NEW YORK, Feb 26 - <Stamford Brands Inc> said it acquired Oakridge Candles Inc for 12 mln dlrs."
    assert _orgs(text) == ["Stamford Brands", "Oakridge Candles"]


# --------------------------------------------------------------------------------------------- status


def test_a_headline_infinitive_is_a_planned_purchase():
    text = (
        "ACME CORP <ACM> TO BUY BETA UNIT\n"
        "NEW YORK, March 3 - Acme Corp said it agreed to buy the valve unit of Beta Industries Inc."
    )
    assert _events(text) == [("investment", "planned", ["Acme", "Beta Industries"])]


def test_an_offer_to_buy_is_a_planned_purchase():
    text = "NEW YORK, Sept 9 - Dredge Group Inc said it offered to buy Calloway Textiles Inc for 14 dlrs."
    assert _events(text) == [("investment", "planned", ["Calloway Textiles", "Dredge Group"])]


def test_agreeing_to_be_acquired_is_a_planned_purchase():
    text = (
        "PITTSBURGH, June 9 - Galloway Glass Co said it agreed in principle to be acquired by Stratton "
        "Holdings Inc for 75 mln dlrs."
    )
    assert _events(text) == [("investment", "planned", ["Galloway Glass", "Stratton Holdings"])]


# ------------------------------------------------------------------------------------------------ bids


def test_a_tender_offer_for_the_shares_of_a_company_is_a_bid_for_it():
    text = (
        "NEW YORK, March 12 - Kelso Partners said it began a tender offer for all outstanding shares of "
        "Marwick Electronics Inc at 18 dlrs a share."
    )
    assert _events(text) == [("investment", "planned", ["Kelso Partners", "Marwick Electronics"])]


def test_a_takeover_offer_received_is_the_bidders_planned_purchase():
    text = (
        "TORONTO, Aug 4 - Lindqvist Mining Ltd said it received a takeover offer from Castellan Resources "
        "Inc valued at 200 mln dlrs."
    )
    assert _events(text) == [("investment", "planned", ["Castellan Resources", "Lindqvist Mining"])]


def test_a_plain_offer_received_is_no_bid():
    text = "TORONTO, Aug 4 - Lindqvist Mining Ltd said it received an offer of help from Castellan Resources."
    assert _events(text) == []


def test_rejected_and_withdrawn_bids_are_no_events():
    assert _events("Dunmore Mills Inc rejected Harcastle Foods Corp's bid of 30 dlrs a share.") == []
    assert _events("NEW YORK, Nov 11 - Brantley Corp said it withdrew its offer for Haskett Mills Inc.") == []


# ---------------------------------------------------------------------------------------------- stakes


def test_a_percentage_of_a_companys_stock_names_the_company():
    text = "DENVER, April 4 - Coldwater Capital said it acquired 6.2 pct of Branford Airlines Inc's stock."
    assert _events(text) == [("investment", "held", ["Branford Airlines", "Coldwater Capital"])]


def test_cutting_its_own_stake_is_a_sale_of_shares():
    text = "NEW YORK, April 9 - Trask Holdings Inc said it cut its stake in Bellamy Corp to 4.2 pct."
    assert _events(text) == [("investment", "held", ["Bellamy", "Trask Holdings"])]


def test_a_stake_cut_by_someone_else_or_only_proposed_is_no_sale():
    assert _events("A share issue in 2003 cut Trask Holdings' stake in Bellamy Corp to 10 pct.") == []
    assert _events("Lawmakers say Trask Holdings' stake in Bellamy Corp should be cut to 49 pct.") == []


def test_a_ticker_after_a_lower_case_word_is_a_name():
    assert normalise_text("Acme Corp <ACM> said shares of <IBM> rose") == "Acme Corp said shares of IBM rose"
