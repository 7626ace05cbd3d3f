"""Company deals in classic business-wire copy (helper deals10): datelines run into the first name, stock
tickers in angle brackets, bids and tender offers, offers to buy, headline infinitives, agreed passives and
stake changes. Every story is invented for these tests (fictional companies, no outside text).

Expectations follow the dev gold's conventions (docs/extraction-evaluation.md, manifests of the wire and BBC
sets): a completed purchase or stake change is an investment (held); an agreed, offered or pending one, a
hostile bid or tender offer an investment (planned) with bidder and target; a rejected or withdrawn bid is no
event."""

from __future__ import annotations

import re

import pytest

from kopru.intel.extract import extract_text

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


# --------------------------------------------------------------------------------------------- tickers


def test_a_purchase_after_a_ticker_in_angle_brackets_keeps_its_parties():
    text = (
        "CORVANT CORP <CRV> TO BUY STAKE IN DELMAR\n"
        "CHICAGO, April 2 - Corvant Corp <CRV> said it will buy a 25 pct stake in Delmar Chemical Co."
    )
    assert _events(text) == [("investment", "planned", ["Corvant", "Delmar Chemical"])]


# --------------------------------------------------------------------------------------------- status


def test_a_headline_infinitive_is_a_planned_purchase():
    text = (
        "ACME CORP <ACM> TO BUY BETA UNIT\n"
        "NEW YORK, March 3 - Acme Corp said it agreed to buy the valve unit of Beta Industries Inc."
    )
    # the reader writes the ticker as "(ACM)", the acronym the company's name then goes by
    assert _events(text) == [("investment", "planned", ["ACM", "Beta Industries"])]


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


# ------------------------------------------------------------------------- the whole probe suite (deals10)
# Forty invented wire stories with the events the guidelines ask for; the ones the rules still miss are
# expected failures with the reason, so a later round sees what is left.
_SUFFIX_RE = re.compile(r"\b(?:inc|corp|co|ltd|plc|ag|sa|gmbh|lp)\b\.?")


def _norm(name: str) -> str:
    name = _SUFFIX_RE.sub("", name.lower())
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", name).split())


_PROBES = [
    # 1 agreed to acquire
    (
        "NEW YORK, March 3 - Halvorsen Industries Inc said it agreed to acquire Brixley Foods Corp for "
        "120 mln dlrs in cash.",
        [("investment", "planned", {"Halvorsen Industries", "Brixley Foods"})],
    ),
    # 2 headline with ticker, to buy stake
    (
        "CORVANT CORP <CRV> TO BUY 25 PCT STAKE IN DELMAR\nCHICAGO, April 2 - Corvant Corp said it will "
        "buy a 25 pct stake in Delmar Chemical Co for 40 mln dlrs.",
        [("investment", "planned", {"Corvant", "Delmar Chemical"})],
    ),
    # 3 agreed to merge
    (
        "DALLAS, May 5 - Pemberton Oil Co and Arcadia Gas Corp said they agreed to merge in a stock swap "
        "valued at 300 mln dlrs.",
        [
            ("agreement", "held", {"Pemberton Oil", "Arcadia Gas"}),
            ("investment", "planned", {"Pemberton Oil", "Arcadia Gas"}),
        ],
    ),
    # 4 completed acquisition
    (
        "BOSTON, June 1 - Trelawny Systems Inc said it completed its acquisition of Quillon Software Inc.",
        [("investment", "held", {"Trelawny Systems", "Quillon Software"})],
    ),
    # 5 raised stake
    (
        "WASHINGTON, Feb 9 - Ostrander Group Inc said it raised its stake in Velmore Corp to 12.5 pct "
        "from 9.8 pct.",
        [("investment", "held", {"Ostrander Group", "Velmore"})],
    ),
    # 6 tender offer
    (
        "NEW YORK, March 12 - Kelso Partners said it began a tender offer for all outstanding shares of "
        "Marwick Electronics Inc at 18 dlrs a share.",
        [("investment", "planned", {"Kelso Partners", "Marwick Electronics"})],
    ),
    # 7 sold unit
    (
        "LOS ANGELES, July 7 - Fenwick Holdings Corp said it sold its Apex Tools unit to Granger "
        "Manufacturing Co for 55 mln dlrs.",
        [("investment", "held", {"Fenwick Holdings", "Granger Manufacturing", "Apex Tools"})],
    ),
    # 8 received takeover offer -> proposal to board: investment planned
    (
        "TORONTO, Aug 4 - Lindqvist Mining Ltd said it received a takeover offer from Castellan "
        "Resources Inc valued at 200 mln dlrs.",
        [("investment", "planned", {"Lindqvist Mining", "Castellan Resources"})],
    ),
    # 9 joint venture
    (
        "TOKYO, Sept 3 - Hoshiro Electric Co and Bramwell Instruments Inc said they formed a joint "
        "venture to make sensors in Osaka.",
        [("agreement", "held", {"Hoshiro Electric", "Bramwell Instruments"})],
    ),
    # 10 won contract
    (
        "SEATTLE, Oct 8 - Norcastle Aerospace Corp said it won a 50 mln dlr contract from Tavistock "
        "Airlines to service its fleet.",
        [("agreement", "held", {"Norcastle Aerospace", "Tavistock Airlines"})],
    ),
    # 11 talks terminated
    (
        "HOUSTON, Nov 2 - Ridley Petroleum Corp said talks with Cranmore Energy Inc on a merger were "
        "terminated.",
        [("meeting", "held", {"Ridley Petroleum", "Cranmore Energy"})],
    ),
    # 12 in talks to buy
    (
        "LONDON, Dec 1 - Ashcombe Plc is in talks to buy Wexford Brewing Co, the company said.",
        [("meeting", "ongoing", {"Ashcombe", "Wexford Brewing"})],
    ),
    # 13 rejected bid -> no event
    (
        "MINNEAPOLIS, Jan 5 - Dunmore Mills Inc rejected Harcastle Foods Corp's bid of 30 dlrs a share "
        "as inadequate.",
        [],
    ),
    # 14 headline ticker to buy unit
    (
        "ACME CORP <ACM> TO BUY BETA UNIT\nNEW YORK, March 3 - Acme Corp said it agreed to buy the valve "
        "unit of Beta Industries Inc for 22 mln dlrs.",
        [("investment", "planned", {"Acme", "Beta Industries"})],
    ),
    # 15 ticker in parentheses
    (
        "CHICAGO, May 7 - Morland Steel Corp (MSC) said it acquired Tarrant Cable Co for 15 mln dlrs.",
        [("investment", "held", {"Morland Steel", "Tarrant Cable"})],
    ),
    # 16 agreed in principle
    (
        "PITTSBURGH, June 9 - Galloway Glass Co said it agreed in principle to be acquired by Stratton "
        "Holdings Inc for 75 mln dlrs.",
        [("investment", "planned", {"Galloway Glass", "Stratton Holdings"})],
    ),
    # 17 acquired pct of
    (
        "DENVER, April 4 - Coldwater Capital said it acquired 6.2 pct of Branford Airlines Inc's common "
        "stock.",
        [("investment", "held", {"Coldwater Capital", "Branford Airlines"})],
    ),
    # 18 signed definitive agreement
    (
        "ATLANTA, Feb 2 - Marchetti Foods Inc said it signed a definitive agreement to sell its snack "
        "division to Pelham Brands Corp.",
        [
            ("agreement", "held", {"Marchetti Foods", "Pelham Brands"}),
            ("investment", "planned", {"Marchetti Foods", "Pelham Brands"}),
        ],
    ),
    # 19 to acquire in headline, body with "will acquire"
    (
        "ORTHWAY <ORW> TO ACQUIRE KEMBLE LABS\nSAN DIEGO, March 8 - Orthway Medical Inc said it will "
        "acquire Kemble Labs Inc for about 90 mln dlrs in stock.",
        [("investment", "planned", {"Orthway Medical", "Kemble Labs"})],
    ),
    # 20 bought
    (
        "PHOENIX, Jan 30 - Saltash Realty Corp bought the Larkspur Hotel chain from Venning Leisure Inc "
        "for 60 mln dlrs.",
        [("investment", "held", {"Saltash Realty", "Venning Leisure"})],
    ),
    # 21 merger completed
    (
        "CLEVELAND, Aug 1 - Whitby Bancorp said it completed its merger with Farrow Savings Bank.",
        [("investment", "held", {"Whitby Bancorp", "Farrow Savings Bank"})],
    ),
    # 22 offer to buy
    (
        "NEW YORK, Sept 9 - Dredge Group Inc said it offered to buy Calloway Textiles Inc for 14 dlrs a "
        "share, or about 110 mln dlrs.",
        [("investment", "planned", {"Dredge Group", "Calloway Textiles"})],
    ),
    # 23 hostile bid launched
    (
        "LONDON, Oct 2 - Penrose Holdings Plc launched a hostile bid for Carlow Engineering Plc worth "
        "400 mln stg.",
        [("investment", "planned", {"Penrose Holdings", "Carlow Engineering"})],
    ),
    # 24 withdrew offer -> no event
    ("NEW YORK, Nov 11 - Brantley Corp said it withdrew its offer for Haskett Mills Inc.", []),
    # 25 talks on merger ongoing
    (
        "CHICAGO, Dec 4 - Calder Foods Inc and Morrow Dairy Co said they are holding talks on a possible "
        "merger.",
        [("meeting", "ongoing", {"Calder Foods", "Morrow Dairy"})],
    ),
    # 26 contract awarded by
    (
        "WASHINGTON, March 20 - Breckon Defense Systems Inc was awarded a 210 mln dlr contract by the "
        "Navy to build patrol boats.",
        [("agreement", "held", {"Breckon Defense Systems"})],
    ),
    # 27 two-sentence story, stake then tender
    (
        "NEW YORK, April 15 - Harlan Investors LP said it holds an 8.1 pct stake in Pruett Industries "
        "Inc. Harlan said it may seek control of Pruett.",
        [("investment", "held", {"Harlan Investors", "Pruett Industries"})],
    ),
    # 28 license agreement
    (
        "BOSTON, May 21 - Quorra Pharmaceuticals Inc said it signed a licensing agreement with Delacroix "
        "Laboratories SA for its arthritis drug.",
        [("agreement", "held", {"Quorra Pharmaceuticals", "Delacroix Laboratories"})],
    ),
    # 29 agreed to sell stake
    (
        "SYDNEY, June 3 - Wallaroo Minerals Ltd agreed to sell a 40 pct stake in its copper mine to "
        "Kanto Trading Co for 85 mln dlrs.",
        [("investment", "planned", {"Wallaroo Minerals", "Kanto Trading"})],
    ),
    # 30 said it would buy (reported)
    (
        "HOUSTON, July 17 - Sabine Drilling Co said it would buy Lockhart Pipe Inc for 33 mln dlrs.",
        [("investment", "planned", {"Sabine Drilling", "Lockhart Pipe"})],
    ),
    # 31 headline "IN TALKS"
    (
        "BRISTOL HOMES <BHI> IN TALKS ON SALE\nNEW YORK, Aug 19 - Bristol Homes Inc said it is in talks "
        "with Carrick Builders Corp on the sale of the company.",
        [("meeting", "ongoing", {"Bristol Homes", "Carrick Builders"})],
    ),
    # 32 merger agreement signed
    (
        "DETROIT, Sept 23 - Alden Motor Parts Inc and Keswick Axle Corp signed a merger agreement valued "
        "at 150 mln dlrs.",
        [
            ("agreement", "held", {"Alden Motor Parts", "Keswick Axle"}),
            ("investment", "planned", {"Alden Motor Parts", "Keswick Axle"}),
        ],
    ),
    # 33 took over
    (
        "FRANKFURT, Oct 27 - Weissach AG took over Kornmann Druck GmbH, the printing group said.",
        [("investment", "held", {"Weissach", "Kornmann Druck"})],
    ),
    # 34 lowercase-ish: purchase of
    (
        "MIAMI, Nov 30 - Tolland Cruise Lines Inc said it completed the purchase of Seaview Resorts Inc.",
        [("investment", "held", {"Tolland Cruise Lines", "Seaview Resorts"})],
    ),
    # 35 plans to acquire
    (
        "SAN FRANCISCO, Dec 14 - Calvert Data Corp plans to acquire Norling Software Inc, the company said.",
        [("investment", "planned", {"Calvert Data", "Norling Software"})],
    ),
    # 36 supply agreement
    (
        "TAIPEI, Jan 21 - Fengyuan Semiconductor Co signed a supply agreement with Marlowe Computer Corp.",
        [("agreement", "held", {"Fengyuan Semiconductor", "Marlowe Computer"})],
    ),
    # 37 sign-off and reuter
    (
        "NEW YORK, Feb 26 - Stamford Brands Inc said it acquired Oakridge Candles Inc for 12 mln dlrs.\n "
        "Reuter",
        [("investment", "held", {"Stamford Brands", "Oakridge Candles"})],
    ),
    # 38 all-caps headline plus passive
    (
        "GRESHAM FOODS <GRF> ACQUIRED\nCHICAGO, March 5 - Gresham Foods Inc was acquired by Hollis "
        "Capital Partners for 48 mln dlrs.",
        [("investment", "held", {"Gresham Foods", "Hollis Capital Partners"})],
    ),
    # 39 reduced stake (sale)
    (
        "NEW YORK, April 9 - Trask Holdings Inc said it cut its stake in Bellamy Corp to 4.2 pct.",
        [("investment", "held", {"Trask Holdings", "Bellamy"})],
    ),
    # 40 agreed to buy assets
    (
        "VANCOUVER, May 13 - Kinross Timber Ltd said it agreed to buy the sawmill assets of Pacheco "
        "Lumber Co for 19 mln dlrs.",
        [("investment", "planned", {"Kinross Timber", "Pacheco Lumber"})],
    ),
]
_STILL_MISSED = {
    7: "the sold unit is not found as an organisation",
    18: "a signed sale agreement: the planned investment besides the agreement (gold practice mixed)",
    20: "the seller of a bought asset ('from Y') is not a party",
    21: "'Whitby Bancorp' loses its first word; a completed merger is read as an agreement",
    25: "'Morrow Dairy Co' is not found by the model",
    26: "an unnamed awarding body ('the Navy') leaves the contract without an event",
    27: "'holds an 8.1 pct stake in Y' loses the target",
}


@pytest.mark.parametrize(
    "number",
    [
        pytest.param(i, marks=pytest.mark.xfail(reason=_STILL_MISSED[i], strict=True))
        if i in _STILL_MISSED
        else i
        for i in range(1, len(_PROBES) + 1)
    ],
)
def test_wire_deal_probe(number):
    text, expected = _PROBES[number - 1]
    result = extract_text(text)
    want = sorted((t, s, tuple(sorted(_norm(p) for p in ps))) for t, s, ps in expected)
    wanted = {p for _t, _s, ps in want for p in ps}
    alias = {}
    for o in result["organizations"] + result["people"]:
        forms = [_norm(o["name"])] + [_norm(a) for a in o.get("aliases", [])]
        alias[o["name"]] = next((f for f in forms if f in wanted), forms[0])
    got = sorted(
        (e["type"], e["status"], tuple(sorted(alias.get(p, _norm(p)) for p in e["participants"])))
        for e in result["events"]
    )
    assert got == want
    for o in result["organizations"]:  # a ticker is no organisation of its own and no part of a name
        assert not re.search(r"[<>()]", o["name"])
        assert not (re.fullmatch(r"[A-Z]{2,4}", o["name"]) and not o.get("aliases"))


def _parsed(words, tags, heads, deps):
    from spacy.tokens import Doc

    from kopru.intel.extract.nlp import get_nlp

    return Doc(get_nlp().vocab, words=words, tags=tags, heads=heads, deps=deps)


def test_a_headline_infinitive_is_planned_only_for_a_named_subject():
    from kopru.intel.extract.syntax import _verb_status

    # "Acme Corp to buy Beta": the company is the subject of the infinitive (whatever tag the name gets)
    doc = _parsed(
        ["Acme", "Corp", "to", "buy", "Beta"],
        ["NNP", "NNP", "TO", "VB", "NNP"],
        [1, 3, 3, 3, 3],
        ["compound", "nsubj", "aux", "ROOT", "dobj"],
    )
    assert _verb_status(doc[3]) == "planned"
    # "Kestrel partners with Volta to provide support", the verb read as a noun subject: a partnership made
    doc = _parsed(
        ["Kestrel", "partners", "with", "Volta", "to", "provide", "support"],  # "partners" NNS
        ["NN", "NNS", "IN", "NNP", "TO", "VB", "NN"],
        [1, 5, 1, 2, 5, 5, 5],
        ["compound", "nsubj", "prep", "pobj", "aux", "ROOT", "dobj"],
    )
    assert _verb_status(doc[5]) == "held"
    doc = _parsed(
        ["Brixley", "to", "buy", "Chalone"],
        ["NNS", "TO", "VB", "NNP"],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj"],
    )
    assert _verb_status(doc[2]) == "planned"
