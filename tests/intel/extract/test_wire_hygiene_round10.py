"""Round wire10: classic business and economic wire copy (1980s-90s agency style).

Every snippet below was written for this test (invented companies and people; real countries, cities and
public bodies). Each probe states what the annotation guidelines (docs/extraction-evaluation.md and the wire
sets' manifest notes) expect:
- organisations: every listed body once (matched on its name or an alias, folded as the scorer folds) and no
  other body; a ticker after a name ("<HWK>", "(NYSE: LFS)") is an alias of the company, not a second body;
- people: exactly the named human beings ("Reuter" and "Reuters" are the agency);
- countries: exactly the listed codes (never from a city alone);
- claims: money, volumes, stakes and rate levels are claims; percentage changes of economic indicators and
  per-share figures are not (comparison baselines, "to 7.5 pct from 7.75 pct", are left alone: the wire and
  BBC sets count them, the web-page sets do not).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.evaluate import entity_keys, name_key, title_key
from kopru.intel.extract.reading import normalise_text

pytestmark = pytest.mark.unit


@dataclass(frozen=True)
class Probe:
    pid: str
    shape: str
    text: str
    orgs: tuple[str, ...] | None = None  # exactly these bodies (None: not checked)
    orgs_not: tuple[str, ...] = ()  # no body may carry one of these names or aliases
    people: tuple[str, ...] | None = None  # exactly these people
    countries: tuple[str, ...] | None = None
    places: tuple[str, ...] | None = None  # exactly these places
    titles: tuple[tuple[str, str], ...] = ()  # (person, title) that must be there
    person_countries: tuple[tuple[str, str], ...] = ()
    claims: tuple[tuple[str, float], ...] = ()  # (metric, value) that must be there
    claims_not: tuple[float, ...] = ()  # values that must not be claims
    claims_exact: bool = False  # the listed claims are all the claims
    extra: dict[str, Any] = field(default_factory=dict)


PROBES: tuple[Probe, ...] = (
    # --- tickers ------------------------------------------------------------------------------------------
    Probe(
        "ticker_angle",
        "ticker",
        "HARWICK INDUSTRIES <HWK> TO SELL PUMP UNIT\n\n"
        "CHICAGO, March 3 - Harwick Industries Inc <HWK> said it agreed to sell its pump unit to "
        "Delmont Corp "
        "for 45 mln dlrs in cash.\n    Harwick said the sale would be completed by June.\n Reuter\n",
        orgs=("Harwick Industries Inc", "Delmont Corp", "Reuters"),
        orgs_not=("Harwick Industries Hwk",),
        people=(),
        countries=(),
        places=("Chicago",),
        claims=(("amount", 45_000_000),),
    ),
    Probe(
        "ticker_angle_mid",
        "ticker",
        "NEW YORK, April 7 - Corwin Electronics Corp <CWN> said it agreed to buy Pelham Devices Inc "
        "<PLHM> for 18 dlrs a share, or about 210 mln dlrs.\n Reuter\n",
        orgs=("Corwin Electronics", "Pelham Devices", "Reuters"),
        orgs_not=("Cwn", "Plhm", "Corwin Electronics Corp Cwn", "Pelham Devices Inc Plhm"),
        people=(),
        claims=(("amount", 210_000_000),),
        claims_not=(18,),
    ),
    Probe(
        "ticker_paren_exchange",
        "ticker",
        "Lanford Systems Inc (NYSE: LFS) said on Tuesday it would cut 400 jobs. Brenner Medical Corp "
        "(NASDAQ: BRMC) said it would buy Lanford's imaging unit for 60 million dollars.",
        orgs_not=("LFS", "BRMC", "NYSE LFS", "NASDAQ BRMC"),
        people=(),
        claims=(("jobs", 400), ("amount", 60_000_000)),
        extra={"orgs_has": ("Lanford Systems", "Brenner Medical")},
    ),
    Probe(
        "ticker_paren_plain",
        "ticker",
        "Mercer Foods Co (MFC) said its board approved a plan to buy back up to two mln of its shares. "
        "Mercer Foods also said it raised its quarterly dividend.",
        orgs=("Mercer Foods Co",),
        people=(),
    ),
    Probe(
        "ticker_headline_only",
        "ticker",
        "OSTRANDER <OSTR> SEES LOWER FIRST QUARTER\n\n"
        "DALLAS, April 2 - Ostrander Petroleum Corp said it expects a lower first quarter because "
        "of weak oil "
        "prices.\n Reuter\n",
        orgs=("Ostrander Petroleum", "Reuters"),
        orgs_not=("Ostr",),
        people=(),
        places=("Dallas",),
    ),
    # --- ampersands and company forms ---------------------------------------------------------------------
    Probe(
        "ampersand_inc",
        "ampersand",
        "Smith & Jones Inc said it acquired Barlow & Grant Co, a maker of valves, for 12 mln dlrs.",
        orgs=("Smith & Jones", "Barlow & Grant"),
        orgs_not=("Smith", "Barlow", "Smith &", "Barlow &"),
        people=(),
        claims=(("amount", 12_000_000),),
    ),
    Probe(
        "ampersand_headline",
        "ampersand",
        "PELLMAN & SONS TO BUY STAKE IN TRISTRAM\n\n"
        "BOSTON, May 12 - Pellman & Sons Inc said it will buy a 20 pct stake in Tristram Corp from "
        "its founders.\n"
        " Reuter\n",
        orgs=("Pellman & Sons", "Tristram Corp", "Reuters"),
        orgs_not=("Pellman",),
        people=(),
        claims=(("share", 20),),
    ),
    Probe(
        "ampersand_person_chairman",
        "ampersand",
        "The offer was rejected, said J. Peter Harland, chairman of Harland & Webb Inc, the Ohio-based "
        "insurer.",
        orgs=("Harland & Webb",),
        people=("J. Peter Harland",),
        titles=(("J. Peter Harland", "chairman"),),
    ),
    Probe(
        "european_forms",
        "company_form",
        "AMSTERDAM, June 2 - Tarvex NV said it sold its chemicals arm to Kessler Brandt AG of West "
        "Germany for "
        "350 mln guilders. Banque Orlane SA advised Tarvex, and Northam Mining Plc bought the arm's "
        "Canadian mines.\n Reuter\n",
        orgs=("Tarvex", "Kessler Brandt", "Banque Orlane", "Northam Mining", "Reuters"),
        countries=("DE", "CA"),
        people=(),
        claims=(("amount", 350_000_000),),
    ),
    Probe(
        "co_ltd_of_country",
        "company_form",
        "Fujiwa Trading Co Ltd of Japan said it would open a Los Angeles office. Fujiwa, which has sales of "
        "1.2 billion yen, did not give the cost.",
        orgs=("Fujiwa Trading",),
        countries=("JP",),
        people=(),
        claims=(("amount", 1_200_000_000),),
    ),
    Probe(
        "possessive_company",
        "company_form",
        "Delmont Corp's board approved the merger, and Harwick Inc's shareholders will vote on it in May.",
        orgs=("Delmont Corp", "Harwick"),
        orgs_not=("Delmont Corp's", "Harwick Inc's"),
        people=(),
    ),
    # --- central banks and public bodies ------------------------------------------------------------------
    Probe(
        "bundesbank_boj",
        "central_bank",
        "FRANKFURT, March 5 - The Bundesbank left its discount rate unchanged at 3.0 pct, a Bundesbank "
        "spokesman said. Economists had expected the West German central bank to follow the Bank of Japan, "
        "which cut its discount rate to 2.5 pct last month.\n Reuter\n",
        orgs=("Bundesbank", "Bank of Japan", "Reuters"),
        people=(),
        countries=("DE", "JP"),
        places=("Frankfurt",),
        claims=(("share", 3.0), ("share", 2.5)),
    ),
    Probe(
        "fed_one_body",
        "central_bank",
        "WASHINGTON, Feb 26 - The Fed added temporary reserves to the banking system, economists said. "
        "Federal Reserve Board Chairman Martin Hale told Congress the Federal Reserve would keep policy "
        "steady.\n Reuter\n",
        orgs_not=("Fed Martin Hale",),
        people=("Martin Hale",),
        titles=(("Martin Hale", "Chairman"),),
        extra={"one_of": (("Fed", "Federal Reserve", "Federal Reserve Board"),)},
    ),
    Probe(
        "bank_of_england_the_bank",
        "central_bank",
        "LONDON, March 9 - The Bank of England said it provided the money market with 215 mln stg of "
        "assistance in the morning session. The Bank also bought bills outright.\n Reuter\n",
        orgs=("Bank of England", "Reuters"),
        people=(),
        countries=("GB",),
        claims=(("amount", 215_000_000),),
    ),
    Probe(
        "opec_gatt_ec",
        "intl_body",
        "OPEC oil ministers will meet in Vienna next month, while GATT talks on farm trade resume in Geneva. "
        "The EC said it would not cut its farm subsidies.",
        orgs=("OPEC", "GATT", "EC"),
        people=(),
        countries=(),
        places=("Vienna", "Geneva"),
    ),
    Probe(
        "imf_world_bank",
        "intl_body",
        "WASHINGTON, April 9 - The International Monetary Fund (IMF) approved a 300 mln dlr "
        "standby credit for "
        "Ecuador, and the World Bank said it would lend a further 120 mln dlrs. The IMF said the programme "
        "aims to cut inflation.\n Reuter\n",
        orgs=("International Monetary Fund", "World Bank", "Reuters"),
        people=(),
        countries=("EC",),
        claims=(("amount", 300_000_000), ("amount", 120_000_000)),
    ),
    Probe(
        "us_departments",
        "government_body",
        "WASHINGTON, March 2 - The U.S. Agriculture Department said farm exports fell in January. The "
        "Commerce Department said on Friday that factory orders rose 1.8 pct in January.\n Reuter\n",
        orgs=("U.S. Agriculture Department", "Commerce Department", "Reuters"),
        people=(),
        countries=("US",),
        claims_not=(1.8,),
    ),
    Probe(
        "miti_acronym",
        "government_body",
        "TOKYO, March 6 - The Ministry of International Trade and Industry (MITI) will ask "
        "Japanese car makers "
        "to curb exports to the United States, MITI officials said.\n Reuter\n",
        orgs=("Ministry of International Trade and Industry", "Reuters"),
        people=(),
        countries=("JP", "US"),
        places=("Tokyo",),
    ),
    Probe(
        "finance_ministry_official",
        "government_body",
        "TOKYO, March 3 - Japan will not intervene to support the dollar, a Ministry of Finance official "
        "said. Japanese Finance Minister Kenji Moriyama said on Monday the yen was stable.\n Reuter\n",
        orgs=("Ministry of Finance", "Reuters"),
        people=("Kenji Moriyama",),
        titles=(("Kenji Moriyama", "Finance Minister"),),
        person_countries=(("Kenji Moriyama", "JP"),),
        countries=("JP",),
    ),
    Probe(
        "sec_filing_stake",
        "government_body",
        "An investor group led by Carl Brennan said in a filing with the Securities and Exchange Commission "
        "that it holds 6.2 pct of Lanford Systems Inc's common stock.",
        orgs=("Securities and Exchange Commission", "Lanford Systems"),
        people=("Carl Brennan",),
        claims=(("share", 6.2),),
    ),
    Probe(
        "stock_exchange",
        "intl_body",
        "Shares of Ostrander Petroleum rose 1-1/2 to 34-3/8 on the New York Stock Exchange, where 1.2 mln "
        "shares changed hands.",
        orgs=("Ostrander Petroleum", "New York Stock Exchange"),
        people=(),
        claims_not=(34, 34.375, 1.5),
    ),
    Probe(
        "group_of_seven",
        "intl_body",
        "PARIS, Feb 22 - Finance ministers of the Group of Seven agreed to stabilise currencies, a French "
        "official said.\n Reuter\n",
        people=(),
        countries=("FR",),
        places=("Paris",),
        extra={"one_of": (("Group of Seven", "G7", "G-7"),)},
    ),
    # --- officials' titles --------------------------------------------------------------------------------
    Probe(
        "treasury_secretary",
        "title",
        "WASHINGTON, March 4 - U.S. Treasury Secretary Harlan Voss said the dollar's fall had gone far "
        "enough. Voss told reporters the Treasury would watch markets.\n Reuter\n",
        people=("Harlan Voss",),
        titles=(("Harlan Voss", "Treasury Secretary"),),
        person_countries=(("Harlan Voss", "US"),),
        countries=("US",),
        extra={"orgs_has": ("Treasury",)},
    ),
    Probe(
        "caps_headline_person",
        "caps_headline",
        "VOSS SAYS DOLLAR DECLINE HAS GONE FAR ENOUGH\n\n"
        "WASHINGTON, March 4 - Treasury Secretary Harlan Voss said the dollar had fallen far enough against "
        "the yen and the mark.\n Reuter\n",
        people=("Harlan Voss",),
        orgs_not=("VOSS", "Voss Says"),
        titles=(("Harlan Voss", "Treasury Secretary"),),
    ),
    Probe(
        "oil_minister_country",
        "title",
        "Saudi Oil Minister Khalid Bin Rashed said OPEC would defend its price of 18 dlrs a "
        "barrel. Venezuelan "
        "Energy Minister Arturo Salcedo agreed.",
        people=("Khalid Bin Rashed", "Arturo Salcedo"),
        titles=(("Khalid Bin Rashed", "Oil Minister"), ("Arturo Salcedo", "Energy Minister")),
        person_countries=(("Khalid Bin Rashed", "SA"), ("Arturo Salcedo", "VE")),
        countries=("SA", "VE"),
        orgs=("OPEC",),
        claims_not=(18,),
    ),
    Probe(
        "west_german_minister",
        "title",
        "BONN, March 10 - West German Economics Minister Gerhard Stolberg said growth would slow this year. "
        "Bundesbank Vice-President Dieter Kranz said money supply growth was too fast.\n Reuter\n",
        people=("Gerhard Stolberg", "Dieter Kranz"),
        titles=(("Gerhard Stolberg", "Economics Minister"), ("Dieter Kranz", "Vice-President")),
        person_countries=(("Gerhard Stolberg", "DE"),),
        countries=("DE",),
        orgs=("Bundesbank", "Reuters"),
        places=("Bonn",),
    ),
    Probe(
        "agriculture_secretary",
        "title",
        "Agriculture Secretary Thomas Garvey said the department would offer export subsidies on "
        "wheat to the "
        "Soviet Union. Garvey spoke to farm leaders in Kansas City.",
        people=("Thomas Garvey",),
        titles=(("Thomas Garvey", "Agriculture Secretary"),),
        countries=("SU",),
        places=("Kansas City",),
    ),
    Probe(
        "appointment_age",
        "title",
        "Calder Corp said it named Frances Whitby, 48, president and chief operating officer, succeeding "
        "Arnold Penn, who retired.",
        orgs=("Calder Corp",),
        people=("Frances Whitby", "Arnold Penn"),
        titles=(("Frances Whitby", "president"),),
        claims_not=(48,),
    ),
    Probe(
        "said_name_vice_president",
        "title",
        "The company expects higher earnings, said Harold Winch, a vice president of Kessler Brandt AG.",
        orgs=("Kessler Brandt",),
        people=("Harold Winch",),
        titles=(("Harold Winch", "vice president"),),
    ),
    Probe(
        "spokesman_no_person",
        "title",
        "A spokesman for the Agriculture Department said the agency had not received the request. "
        "Commerce Department officials declined comment.",
        orgs=("Agriculture Department", "Commerce Department"),
        people=(),
    ),
    # --- Reuter sign-offs and credits ---------------------------------------------------------------------
    Probe(
        "reuters_credit",
        "reuter",
        "SYDNEY, May 3 - Australia will keep its wheat export target, Trade Minister Ian Colbeck "
        "told Reuters "
        "in an interview.\n Reuter\n",
        people=("Ian Colbeck",),
        orgs=("Reuters",),
        countries=("AU",),
        places=("Sydney",),
        titles=(("Ian Colbeck", "Trade Minister"),),
        person_countries=(("Ian Colbeck", "AU"),),
    ),
    Probe(
        "reuter_signoff_only",
        "reuter",
        "ROME, June 8 - Italian car sales rose 4.1 pct in May from a year earlier, the industry association "
        "said.\n REUTER\n",
        people=(),
        countries=("IT",),
        places=("Rome",),
        claims_not=(4.1,),
    ),
    # --- economic and commodity figures -------------------------------------------------------------------
    Probe(
        "soviet_corn_tonnes",
        "figures",
        "WASHINGTON, March 6 - The Soviet Union has bought 1.5 mln tonnes of U.S. corn for delivery this "
        "year, the U.S. Agriculture Department said. Soviet purchases of U.S. grain rose 12 pct from a year "
        "earlier.\n Reuter\n",
        people=(),
        countries=("SU", "US"),
        claims=(("volume", 1_500_000),),
        claims_not=(12,),
        orgs=("U.S. Agriculture Department", "Reuters"),
    ),
    Probe(
        "output_pct_change",
        "figures",
        "West German industrial output rose 2.3 pct in January after falling 1.1 pct in December, the "
        "Economics Ministry said.",
        people=(),
        countries=("DE",),
        orgs=("Economics Ministry",),
        claims_not=(2.3, 1.1),
    ),
    Probe(
        "rate_cut_baseline",
        "figures",
        "PARIS, March 9 - The Bank of France cut its intervention rate to 7.5 pct from 7.75 pct, effective "
        "tomorrow.\n Reuter\n",
        orgs=("Bank of France", "Reuters"),
        people=(),
        countries=("FR",),
        claims=(("share", 7.5),),
    ),
    Probe(
        "trade_surplus_billion",
        "figures",
        "TOKYO, March 9 - Japan's trade surplus widened to 8.14 billion dlrs in February from 6.03 "
        "billion in "
        "January, the Finance Ministry said.\n Reuter\n",
        orgs=("Finance Ministry", "Reuters"),
        people=(),
        countries=("JP",),
        claims=(("amount", 8_140_000_000),),
    ),
    Probe(
        "unemployment_rate",
        "figures",
        "OTTAWA, March 6 - Canada's unemployment rate fell to 9.6 pct in February from 9.7 pct in January, "
        "Statistics Canada said.\n Reuter\n",
        orgs=("Statistics Canada", "Reuters"),
        people=(),
        countries=("CA",),
        claims=(("share", 9.6),),
    ),
    Probe(
        "caps_headline_tonnes",
        "figures",
        "INDIA TO BUY 500,000 TONNES OF SOYBEAN OIL\n\n"
        "NEW DELHI, April 1 - India's state trading company will buy 500,000 tonnes of soybean oil for "
        "delivery by September, trade sources said.\n Reuter\n",
        people=(),
        countries=("IN",),
        places=("New Delhi",),
        claims=(("volume", 500_000),),
        extra={"claim_count": (500_000, 1)},
    ),
    Probe(
        "currencies",
        "figures",
        "Kessler Brandt AG said it would invest 20 mln Swiss francs in a plant near Basel and 1.5 "
        "billion yen "
        "in a venture with Fujiwa Trading Co Ltd.",
        orgs=("Kessler Brandt", "Fujiwa Trading"),
        people=(),
        claims=(("amount", 20_000_000), ("amount", 1_500_000_000)),
    ),
    Probe(
        "earnings_table",
        "figures",
        "CALDER CORP <CDR> 4TH QTR NET\n\n"
        "    Shr 1.20 dlrs vs 1.05 dlrs\n    Net 12.5 mln vs 10.1 mln\n    Revs 250.3 mln vs 220.1 mln\n"
        "    Year\n    Shr 4.10 dlrs vs 3.75 dlrs\n Reuter\n",
        orgs=("Calder Corp", "Reuters"),
        orgs_not=("Shr", "Revs", "Net", "Qtr", "CDR"),
        people=(),
        places=(),
        claims_not=(1.2, 1.05, 4.1, 3.75),
    ),
    # --- capitals and datelines ---------------------------------------------------------------------------
    Probe(
        "caps_dateline_brussels",
        "dateline",
        "EC FARM MINISTERS FAIL TO AGREE PRICES\n\n"
        "BRUSSELS, March 31 - European Community farm ministers failed to agree on farm prices for "
        "the coming "
        "season, diplomats said.\n Reuter\n",
        orgs=("European Community", "Reuters"),
        people=(),
        countries=(),
        places=("Brussels",),
    ),
    Probe(
        "caps_first_words",
        "caps_headline",
        "NORTHAM MINING SEES LOWER GOLD OUTPUT\n\n"
        "JOHANNESBURG, May 4 - NORTHAM MINING PLC said its gold output would fall to 12 tonnes this year "
        "because of a strike at one of its mines.\n Reuter\n",
        orgs=("Northam Mining", "Reuters"),
        people=(),
        places=("Johannesburg",),
        claims=(("volume", 12),),
    ),
)


def _orgs_failures(result: dict[str, Any], probe: Probe) -> list[str]:
    failures: list[str] = []
    orgs = result["organizations"]
    keys = [entity_keys(org) for org in orgs]
    names = [org["name"] for org in orgs]
    expected = list(probe.orgs or ()) + list(probe.extra.get("orgs_has", ()))
    for wanted in expected:
        if not any(name_key(wanted) in k for k in keys):
            failures.append(f"org missing: {wanted}")
    for group in probe.extra.get("one_of", ()):
        hits = [n for n, k in zip(names, keys, strict=True) if any(name_key(g) in k for g in group)]
        if len(hits) != 1:
            failures.append(f"one body expected for {group}: {hits}")
    if probe.orgs is not None:
        extra = [n for n, k in zip(names, keys, strict=True) if not any(name_key(w) in k for w in probe.orgs)]
        if extra:
            failures.append(f"orgs extra: {extra}")
    for unwanted in probe.orgs_not:
        bad = [n for n in names if name_key(n) == name_key(unwanted)]
        if bad:
            failures.append(f"org should not be: {unwanted} -> {bad}")
    return failures


def _person(result: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((p for p in result["people"] if name_key(name) in entity_keys(p)), None)


def failures_of(result: dict[str, Any], probe: Probe) -> list[str]:
    failures = _orgs_failures(result, probe)
    if probe.people is not None:
        got = sorted(p["name"] for p in result["people"])
        if sorted(name_key(n) for n in got) != sorted(name_key(n) for n in probe.people):
            failures.append(f"people {got} != {sorted(probe.people)}")
    if probe.countries is not None and sorted(result["countries"]) != sorted(probe.countries):
        failures.append(f"countries {sorted(result['countries'])} != {sorted(probe.countries)}")
    if probe.places is not None:
        got = [entity_keys(p) for p in result["places"]]
        matched = all(any(name_key(n) in k for k in got) for n in probe.places)
        if not matched or len(got) != len(probe.places):
            failures.append(f"places {[p['name'] for p in result['places']]} != {sorted(probe.places)}")
    for name, title in probe.titles:
        person = _person(result, name)
        held = {title_key(pos["title"]) for pos in (person or {}).get("positions", [])}
        if title_key(title) not in held:
            failures.append(f"title missing: {name} / {title} (has {sorted(held)})")
    for name, code in probe.person_countries:
        person = _person(result, name)
        if (person or {}).get("country") != code:
            failures.append(f"person country: {name} -> {(person or {}).get('country')} != {code}")
    claims = [(c["metric"], float(c["value"])) for c in result["claims"] if c.get("value") is not None]
    for metric, value in probe.claims:
        if (metric, float(value)) not in claims:
            failures.append(f"claim missing: {metric} {value} (has {claims})")
    for value in probe.claims_not:
        if any(v == float(value) for _, v in claims):
            failures.append(f"claim should not be: {value}")
    if "claim_count" in probe.extra:
        value, count = probe.extra["claim_count"]
        if sum(1 for _, v in claims if v == float(value)) != count:
            failures.append(f"claim {value} should appear {count}x: {claims}")
    return failures


# probes this round did not fix (see the round's notes): each must still fail, so a fix shows up here
OPEN: dict[str, str] = {
    "treasury_secretary": "'the Treasury' on its own is no organisation yet (only inside titles on dev)",
    "reuters_credit": "a minister's country is not read from the country that is the sentence's subject",
}


@pytest.mark.parametrize(
    "probe",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=OPEN[p.pid])) if p.pid in OPEN else p
        for p in PROBES
    ],
    ids=[p.pid for p in PROBES],
)
def test_wire_probe(probe: Probe) -> None:
    assert failures_of(extract_text(probe.text), probe) == []


def _places(text: str) -> dict[str, str | None]:
    return {p["name"]: p["country"] for p in extract_text(text)["places"]}


def test_a_wire_dateline_in_capitals_is_a_place():
    assert _places("ULAN BATOR, May 2 (Xinhua) -- Mongolia opened a copper mine on Friday.") == {
        "Ulan Bator": "MN"
    }
    assert _places("HARARE, June 4 (Xinhua) -- Zimbabwe raised tobacco prices.") == {"Harare": "ZW"}
    assert _places("Elevator Fire\n\nBRANTWOOD FALLS, Minn. (AP) -- A grain elevator burned on Tuesday.") == {
        "Brantwood Falls": None
    }
    assert _places("CORVALE, KENYA, May 07, 2024 /24-7PressRelease/ -- Tellant Labs opened an office.") == {
        "Corvale": "KE"
    }
    assert _places("BONN, March 10 - West German growth will slow.") == {"Bonn": None}
    assert _places("LAGOS - Nigeria and Ghana agreed to widen trade.") == {"Lagos": "NG"}


def test_a_country_a_caption_word_or_a_headline_in_capitals_is_no_dateline_place():
    assert _places("MEXICO -- Gold output rose last year, officials said.") == {}
    assert _places("FILE - Cargo ships wait at anchor.") == {}
    assert _places("OPEC - OIL MINISTERS TO MEET\n\nOil ministers will meet next week.") == {}


if __name__ == "__main__":  # pragma: no cover - a report by shape for the round's notes
    from collections import Counter

    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for probe in PROBES:
        fails = failures_of(extract_text(probe.text), probe)
        total[probe.shape] += 1
        if not fails:
            passed[probe.shape] += 1
        else:
            print(f"FAIL {probe.pid} [{probe.shape}]")
            for f in fails:
                print("    ", f)
    for shape in total:
        print(f"{shape:16} {passed[shape]}/{total[shape]}")
    print(f"total {sum(passed.values())}/{sum(total.values())}")


def test_a_dateline_hyphen_is_read_as_a_dash_and_keeps_the_length():
    from kopru.intel.extract.casing import dateline_dashes

    text = "TOKYO, March 3 - Japan Air Lines said it would buy six jets - and lease two."
    out = dateline_dashes(text)
    assert out == "TOKYO, March 3 — Japan Air Lines said it would buy six jets - and lease two."
    assert len(out) == len(text)
    assert dateline_dashes("Prices rose 3 - 4 pct. WASHINGTON - The Fed said.") == (
        "Prices rose 3 - 4 pct. WASHINGTON - The Fed said."
    )


def test_a_ticker_in_angle_brackets_after_a_name_is_read_in_brackets():
    assert normalise_text("Harwick Industries Inc <HWK> said") == "Harwick Industries Inc (HWK) said"
    assert normalise_text("OSTRANDER <OSTR> SEES") == "OSTRANDER (OSTR) SEES"
    assert normalise_text("shares of <IBM> rose") == "shares of IBM rose"
    assert normalise_text("<Harlow Industries Plc> said") == "Harlow Industries Plc said"


def test_the_first_company_after_a_wire_dateline_is_found():
    orgs = {
        o["name"]: o["aliases"]
        for o in extract_text(
            "DALLAS, April 2 - Ostrander Petroleum Corp said it expects a lower first quarter."
        )["organizations"]
    }
    assert orgs == {"Ostrander Petroleum": ["Ostrander Petroleum Corp"]}


def test_a_word_starting_with_cent_after_a_demonym_names_the_country():
    assert extract_text("Economists expected the German central bank to cut rates.")["countries"] == ["DE"]
    assert extract_text("The fund holds 3 mln US dollars in cash.")["countries"] == []
