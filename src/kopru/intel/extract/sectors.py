"""Sectors from a lexicon (resources/sectors.yaml), each with its evidence spans.

Matches inside facts-free zones (photo credits, bylines), inside titles of office ("Minister of Science
and Technology") and inside government/international organisation names ("Ministry of Trade") are not
evidence of what the document is about.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer


def find_sectors(text: str, gaz: Gazetteer, excluded: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, code) for every lexicon hit outside ``excluded`` spans, in text order."""
    hits = []
    excluded = sorted(excluded)
    tail = boilerplate_start(text)
    for m in gaz.sector_re.finditer(text):
        s, e = m.start(), m.end()
        if any(xs <= s and e <= xe for xs, xe in excluded):
            continue
        if s and ((text[s - 1] == "." and text[s - 2 : s - 1].isalnum()) or text[s - 1] == "@"):
            continue  # a part of a name or address: "ADVANCE.AI", "Newswriter.ai", "@ai-sdk/xai"
        if m.group().lower() == "train" and re.search(
            r"\b(?:will|to|would|can|and|also)\s+$", text[max(0, s - 12) : s]
        ):
            continue  # "will train 200 technicians" is a verb, not rolling stock
        if _NOT_THE_SECTOR_WORD_RE.match(text, s) and _not_the_sector(text, s, e):
            continue
        code = gaz.sector_group_codes[m.lastgroup]
        if s >= tail:
            continue
        weak = m.lastgroup in gaz.sector_weak_groups
        if weak and code == "investment" and _acquires_no_business(text, s, e):
            continue  # "to acquire nuclear weapons", "acquired the technology", "acquired muscle myopathies"
        if not weak and code == "investment" and _PAIRED_WITH_TRADE_RE.search(text, max(0, s - 12), e + 12):
            weak = True  # "trade and investment" is one topic of a trade story, named by its pair
        elif weak and code == "trade" and _PAIRED_WITH_TRADE_RE.search(text, max(0, s - 16), e + 16):
            weak = False  # ... and that topic is trade
        if weak and code == "investment" and _no_capital_spent(text, s, e):
            continue  # "investing in training and skills", "invest in our people"
        if weak and code == "investment" and _consumer_credit(text, s, e):
            continue  # "a new vehicle loan", "lower financing rates", "financed vehicles": a buyer's credit
        if weak and code == "investment" and _public_money(text, s, e):
            continue  # "school funding", "the funding Congress added to the bill", "a compensation fund"
        if weak and code == "investment" and _with_its_sum(text, s, e):
            weak = False  # "will invest $500 billion", "loans amounting to $5 billion": money with its sum
        hits.append((s, e, code, weak))
    if _UTILITY_TARIFF_RE.search(text) and not _TRADE_TARIFF_RE.search(text):
        # one sense per story: where tariffs are a utility's prices ("water tariffs", "a tariff rise to fund
        # water-supply improvements"), every "tariff" of the story is that price, not a duty on imports
        hits = [h for h in hits if not text[h[0] : h[1]].lower().startswith("tariff")]
    if gaz.sector_body_re is not None:
        # "the World Trade Organisation", "WTO talks": a body whose business is the sector, named again and
        # again, says what the text is about even though it is an organisation's mention
        for m in gaz.sector_body_re.finditer(text):
            hits.append((m.start(), m.end(), gaz.sector_body_codes[m.lastgroup], True))
        hits.sort()
    # a code known only from weak words needs two of them
    strong = {code for _s, _e, code, weak in hits if not weak}
    weak_count: dict[str, int] = {}
    for _s, _e, code, weak in hits:
        if weak:
            weak_count[code] = weak_count.get(code, 0) + 1
    found = strong | {code for code, n in weak_count.items() if n >= 2}
    if "research" in found - strong and not any(
        code == "research" and _research_together(text, s, e) for s, e, code, _weak in hits
    ):
        # "our independent research", "a research process", "frontier research": a body's own work; the
        # sector is research done together ("plans to work together on research", "a research MoU")
        found.discard("research")
    # "automakers" in a story about electric cars or their batteries is that story's word, not a second
    # topic: a code known only from weak words yields to the codes that cover it
    kept = {code for code in found if code in strong or not gaz.sector_yields.get(code, frozenset()) & found}
    # ... or is read as the code it means there: car words in a battery story are about electric cars
    read_as = {
        code: target
        for code in found - strong
        for beside, target in gaz.sector_becomes.get(code, {}).items()
        if beside in found
    }
    return [(s, e, read_as.get(code, code)) for s, e, code, _weak in hits if code in kept or code in read_as]


# the closing notices of a press release: the wire's own "About" paragraph ("About InvestorWire"), the
# issuer's legal notices ("Forward-Looking Statements", "Safe Harbor Statement"), the sponsor's notice
# ("This post contains sponsored content") and the contacts. They speak to investors and readers in general
# ("Investors should consult ...", "the investment community"), not about what the release reports. The
# issuers' own "About X" paragraphs stay evidence: they say what the parties do, which annotators read as the
# topic (measured: dropping them lost five true codes on half A, three on half B, and removed no false one).
_BOILERPLATE_RE = re.compile(
    r"^[^\S\n]*(?:#{1,4}[^\S\n]*|\*\*)?(?:"
    r"About[^\S\n]+[A-Z][\w.-]*(?:Wire|News|Newswire|Newsroom|PR|Press|Media)\b"
    r"|(?:Cautionary[^\S\n]+(?:Note|Statement)[^\S\n]+(?:Regarding|on|about)[^\S\n]+)?"
    r"Forward[- ]Looking[^\S\n]+Statements?\b"
    r"|Safe[^\S\n]+Harbou?r[^\S\n]+Statement"
    r"|This[^\S\n]+(?:post|article|release)[^\S\n]+(?:contains|is)[^\S\n]+sponsored"
    r"|(?:Investor[^\S\n]+Relations|Media|Press)[^\S\n]+Contacts?(?:\b|(?=[A-Z]))"  # "Media ContactTelvantis"
    r"|Contact[^\S\n]+Details"
    r")",
    re.MULTILINE | re.IGNORECASE,
)


def boilerplate_start(text: str) -> int:
    """Where the closing notices of a release begin (len(text) when there are none): the first notice
    heading after the opening sixth of the text."""
    for m in _BOILERPLATE_RE.finditer(text, len(text) // 6):
        return m.start()
    return len(text)


# words of a sector used in another sense: a verb ("certain to cloud relations", "allowed to trade in its
# shares"), a body or a gathering ("trade union", "trade show"), a city's area ("metro Atlanta"), a power
# station's machine ("gas turbines"), a wire service's notice to its readers ("NOTE TO INVESTORS",
# "before making an investment decision", "a wide audience of investors"), a publisher ("Proactive Investors")
# ... and a car's specification ("Battery capacity: 50 kWh", "a 52 kWh LFP battery"): a line of an electric
# car's data sheet, not the battery business
_NOT_THE_SECTOR_WORD_RE = re.compile(
    r"(?i:cloud|trade|metro|turbines?|investors?|investment|battery|imports?|acquisition|research)\b"
)
# "research" that is a study or an analyst's note, not R&D: "a research report", "the research firm Oanda",
# "research commissioned by", "research from X shows", "academic research", "independent research"
_RESEARCH_NOTE_AFTER_RE = re.compile(
    r"(?i:[ \t]+(?:reports?|notes?|firms?|house|analysts?"
    r"|(?:by|from|commissioned|published|shows?|showed|found|finds|suggests?|suggested)\b))"
)
_RESEARCH_NOTE_BEFORE_RE = re.compile(
    r"(?i:\b(?:market|equity|investment|consumer|opinion|academic|independent)[ \t]+$)"
)
_VERB_BEFORE_RE = re.compile(r"\b(?:to|will|would|could|can|may|might)\s+(?:only\s+|also\s+|not\s+)?$")
_CLOUD_NOUN_AFTER_RE = re.compile(
    r"\s+(?:computing|services?|platforms?|infrastructure|storage|regions?|providers?)\b"
)
_TRADE_OTHER_RE = re.compile(
    r"\s+(?:in\s+(?:its|their|the|[A-Z])[\w-]*\s+shares|in\s+[A-Z][\w-]*(?:\s+(?:via|through|on)\b|[.,;])|union|unions|unionists?|shows?|group|publications?|press"
    r"|magazines?|journals?)\b|[.,;]"
)


_PAIRED_WITH_TRADE_RE = re.compile(
    r"(?i:\btrade\s+(?:and|&)\s+investments?\b|\binvestments?\s+(?:and|&)\s+trade\b)"
)
_OTHER_TURBINE_RE = re.compile(
    r"(?i:\b(?:nuclear|reactors?|hydro\w*|jet|aircraft|engines?|steam|gas-fired)\b)"
)


_UTILITY_TARIFF_RE = re.compile(
    r"(?i:\b(?:water|electricity|power|utilit(?:y|ies)|energy|feed-in|gas|heating|household|retail|consumer)"
    r"\s+tariffs?\b)"
)
_TRADE_TARIFF_RE = re.compile(
    r"(?i:\btariffs?\s+(?:on|against)\b|\b(?:import|export|customs|retaliatory|punitive|trade)\s+tariffs?\b"
    r"|\btariff[- ](?:free|barriers?)\b)"
)


# investors of a kind a story is about: "foreign investors", "Chinese investors", "lead investors", "existing
# investors"; bare "investors" are the market's readers ("weighing on investors", "reasons investors
# shouldn't fret", "analysts and investors")
_INVESTOR_KIND_RE = re.compile(
    r"(?:\b(?i:foreign|overseas|strategic|institutional|lead|new|existing|potential|prospective|private"
    r"|global|major|international|local|domestic|outside|key|anchor|venture|angel)"
    r"|\b[A-Z][a-z]+(?:an|ese|ish|ic|i|ch))[ \t]+$"
)


# ... or named by where they come from or what they put money into: "investors from Norland", "investors in
# the Kestrel project"
_INVESTOR_ORIGIN_RE = re.compile(r"[ \t]+(?:from|in|into)[ \t]+(?:the[ \t]+)?[A-Z]")


def _not_the_sector(text: str, s: int, e: int) -> bool:
    word = text[s:e].lower()
    before = text[max(0, s - 12) : s]
    if word == "cloud":
        return bool(_VERB_BEFORE_RE.search(before)) and not _CLOUD_NOUN_AFTER_RE.match(text, e)
    if word == "trade":
        if re.match(r"\s+(?:unions?|unionists?|shows?)\b", text[e : e + 14]):
            return True
        return bool(_VERB_BEFORE_RE.search(before)) and bool(_TRADE_OTHER_RE.match(text, e))
    if word == "metro":
        return bool(re.match(r" [A-Z][a-z]", text[e : e + 3]))  # "metro Atlanta", "Metro Manila"
    if word in {"investor", "investors", "investment"}:
        if word == "investment" and re.search(r"(?i:\breturn\s+on\s+)$", before):
            return True  # "return on investment" is a measure of any outlay
        if (
            word == "investors"
            and not _INVESTOR_KIND_RE.search(text, max(0, s - 20), s)
            and not _INVESTOR_ORIGIN_RE.match(text, e)
        ):
            return True  # "weighing on investors", "good news for investors": the market's readers, no deal
        return _investor_notice(text, s, e)
    if word == "battery":
        return _spec_sheet(text, s, e)
    if word in {"turbine", "turbines"}:
        # a power station's machine: "gas turbines", "turbines for its nuclear reactors"
        return bool(re.search(r"\b(?:gas|steam)\s+$", before)) or bool(
            _OTHER_TURBINE_RE.search(text, max(0, s - 80), min(len(text), e + 80))
        )
    if word in {"import", "imports"}:
        # a line of program code: "import { xai } from ...", "import os"
        line_start = text.rfind("\n", 0, s) + 1
        return not text[line_start:s].strip(" \t`") and bool(
            re.match(r"[ \t]+(?:[{*]|[\w.]+[ \t]*(?:$|\n| from\b))", text[e:])
        )
    if word == "research":
        return bool(
            _RESEARCH_NOTE_AFTER_RE.match(text, e) or _RESEARCH_NOTE_BEFORE_RE.search(text, max(0, s - 20), s)
        )
    if word == "acquisition":
        return bool(re.match(r"(?i:[ \t]+(?:corp|company|companies|vehicle)\b)", text[e : e + 12])) and bool(
            re.search(r"(?i:special[ \t]+purpose[ \t]+)$", before + " ")
            or re.search(r"(?i:purpose\s+)$", before)
        )  # a "special purpose acquisition company" is a listed shell, not a deal
    return False


# what a buyer acquires: a named body ("acquires Kestrel", "to acquire kestrel.ai", "acquired the Machine
# Learning company Ocurate"), a share of one ("a majority stake", "its 40% interest", "the shares") or a
# business by its noun
_ACQUIRED_BUSINESS_RE = re.compile(
    r"[ \t]+(?:(?:a|an|the|its|their|his|her|our|all|some|two|three|several|rival|smaller)[ \t]+)?"
    r"(?:[A-Z0-9]|[\w-]+\.(?:ai|com|io|net|co)\b|(?:[\w-]+[ \t]+){0,3}?(?:stakes?|shares?|interests?|equity"
    r"|compan(?:y|ies)|firms?|business(?:es)?"
    r"|assets|subsidiar(?:y|ies)|units?|divisions?|brands?|rivals?|startups?|start-ups?|teams?|operators?"
    r"|makers?|chains?|banks?|insurers?|holdings?|networks?|stations?|newspapers?|papers?|studios?|groups?)\b)"
)


# money of a budget, a welfare scheme or a settlement, not of a business or a project: "school funding", "the
# funding Congress added to the bill", "unemployment funds", "a fund to compensate victims", "pension fund"
_PUBLIC_MONEY_RE = re.compile(
    r"(?i:\b(?:budgets?|bill|Congress|appropriations?|schools?|teachers|welfare|unemployment|pensions?|compensat\w*"
    r"|victims|charit(?:y|ies)|stipends?|campaign)\b)"
)


# credit to a household: "a new vehicle loan", "home loans", "lower financing rates", "financed vehicles"
_CONSUMER_CREDIT_BEFORE_RE = re.compile(
    r"(?i:\b(?:car|auto|vehicle|home|house|student|consumer|personal|payday|mortgage|credit[ \t]+card)"
    r"[ \t]+$)"
)
_CONSUMER_CREDIT_AFTER_RE = re.compile(r"(?i:[ \t]+(?:rates?|vehicles?|cars?|purchases?)\b)")


def _consumer_credit(text: str, s: int, e: int) -> bool:
    word = text[s:e].lower()
    if not word.startswith(("loan", "credit", "financ")):
        return False
    before = _CONSUMER_CREDIT_BEFORE_RE.search(text, max(0, s - 20), s)
    return bool(before or _CONSUMER_CREDIT_AFTER_RE.match(text, e))


# money spent on people's skills, not on a business: "investing in training, technical support and capacity
# building", "invest in our people" (credits as allowances, "API credits", "tax credits", were tried: half B
# gives investment to tax-credit stories)
_HUMAN_CAPITAL_AFTER_RE = re.compile(
    r"(?i:[ \t]+in[ \t]+(?:the[ \t]+|our[ \t]+|their[ \t]+|its[ \t]+)?(?:training|skills?|education|people"
    r"|talent|workforce|staff|employees|capacity[ \t]+building)\b)"
)


def _no_capital_spent(text: str, s: int, e: int) -> bool:
    return text[s:e].lower().startswith("invest") and bool(_HUMAN_CAPITAL_AFTER_RE.match(text, e))


# research done by two or more: "work together on research", "a research MoU with the university", "joint"
_RESEARCH_TOGETHER_RE = re.compile(
    r"(?i:\b(?:joint\w*|together|co-?operat\w*|collaborat\w*|partner\w*|universit(?:y|ies)|institutes?"
    r"|academ(?:y|ies|ic)|laborator(?:y|ies)|labs?|MoUs?|memorand\w+)\b)"
)


def _research_together(text: str, s: int, e: int) -> bool:
    if not text[s:e].lower().startswith("research"):
        return True  # "scientists" keep their weight
    start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
    ends = [x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0]
    return bool(_RESEARCH_TOGETHER_RE.search(text, start, min(ends) if ends else len(text)))


def _public_money(text: str, s: int, e: int) -> bool:
    if not text[s:e].lower().startswith("fund"):
        return False
    left = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), s - 60)
    right_stop = [x for x in (text.find(". ", e), text.find("\n", e), text.find(", ", e)) if x >= 0]
    right = min([*right_stop, e + 40])
    return bool(_PUBLIC_MONEY_RE.search(text, left + 1, right))


def _acquires_no_business(text: str, s: int, e: int) -> bool:
    """The verb "acquire" with no business as its object: weapons, a skill, a right, a disease."""
    if not text[s:e].lower().startswith("acquir"):
        return False
    m = _ACQUIRED_BUSINESS_RE.match(text, e)
    return not m or bool(re.match(r"[ \t]+\d+[ \t]+[a-z]", text[e : e + 8]) and "%" not in m.group())


def _spec_sheet(text: str, s: int, e: int) -> bool:
    line_start = text.rfind("\n", 0, s) + 1
    if re.match(r"\s*$", text[line_start:s]) and re.match(r"[^\n.]{0,30}:", text[e:]):
        return True  # "Battery capacity: 50,12 kWh", "Battery: 52 kWh" at the head of a line
    if re.match(r"(?i:[ \t]*batter(?:y|ies)\b[^\n:.]{0,30}:)", text[line_start:s]):
        return True  # the rest of that line: "Battery chemistry: LFP (LiFePO4) Blade battery by BYD"
    if re.match(r"(?i:[ \t]+capacity)\b", text[e:]):
        return True  # "a smaller battery capacity"
    return bool(
        re.search(r"\d[\d.,]*\s?kWh\b[^.\n]{0,40}$", text[max(0, s - 60) : s])
    )  # "a 52 kWh LFP battery"


def _investor_notice(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    if word.isupper():
        return True  # a heading of the notice: "NOTE TO INVESTORS:"
    if re.match(r"\s+decisions?\b", text[e : e + 12]):
        return True  # "... in making an investment decision"
    if re.search(r"\b(?:audiences?|network|community) of\s+$", text[max(0, s - 20) : s]):
        return True  # a wire service's reach: "a wide audience of investors, influencers, consumers"
    # a name: "Proactive Investors" (not the headline's "Investors don't ...", nor a title-case headline's
    # "Foreign Investors Flock to ...")
    return (
        word[0].isupper()
        and bool(re.search(r"[A-Z][a-z]+[ \t]+$", text[max(0, s - 20) : s]))
        and not re.match(r"[ \t]+[A-Z]", text[e : e + 2])
    )


# the headline and the opening lines: what a document is about is said there
LEAD_CHARS = 400


# a sentence that names fields of cooperation as its topic ("can cooperate in vaccines, medicine and medical
# devices", "discussed investment in cloud services", "promoting economic and trade relations")
_TOPIC_RE = re.compile(
    r"\b(?:co-?operat\w*|collaborat\w*|partnership|discuss\w*|talks|fields?|areas? of|relations|promot\w*"
    r"|bolster\w*)\b",
    re.IGNORECASE,
)


def summarise(hits: list[tuple[int, int, str]], lead_end: int = 0, text: str = "") -> list[dict]:
    """Contract form: one entry per code, ordered by first evidence.

    With ``lead_end`` (> 0), a sector the document mentions once, outside its lead and outside a sentence
    about fields of cooperation, is a passing mention ("since the nuclear tests", "solar panels on their
    roofs"), not a topic: it is left out."""
    by_code: dict[str, list[list[int]]] = {}
    for s, e, code in hits:
        by_code.setdefault(code, []).append([s, e])
    return [
        {"code": code, "evidence": spans}
        for code, spans in by_code.items()
        if (
            not lead_end
            or len(spans) >= 2
            or spans[0][0] < lead_end
            or _topic_sentence(text, *spans[0])
            or (code == "investment" and _with_its_sum(text, *spans[0]))
        )
        and not (text and len(spans) < _THIN_MIN and all(_thin(text[a:b]) for a, b in spans))
    ]


# words that name a field only when a text keeps returning to them: "AI" in a story about a newspaper's
# content deal is a passing word, in a story about data centres one of many
_THIN_WORDS = frozenset({"ai", "artificial intelligence"})
# ... "AI" three or four times in a story about an ad platform's new officer, a newspaper's licensing deal or
# a start-up's seed round is the vocabulary of the day; a story about AI platforms and compute returns to it
# again and again, or names the platforms and data centres themselves
_THIN_MIN = 5


def _thin(word: str) -> bool:
    return word.lower() in _THIN_WORDS


# a sum of money: "$500 billion", "1.8 billion Euro", "561 million U.S. dollars", "€40m"
_SUM_RE = re.compile(
    r"(?:US|U\.S\.|A|C|HK|S)?[$€£¥]\s?\d[\d.,]*(?:\s?(?:billion|million|bn|mn|m|trillion)\b)?"
    r"|\b\d[\d.,]*\s?(?:billion|million|trillion|bn|mn)\s+(?:U\.S\.\s+|US\s+)?(?:dollars?|euros?|Euros?|yuan|yen"
    r"|pounds?|rupees?|ringgit|baht|won|rupiah|lira|dirhams?|riyals?)\b"
)


def _with_its_sum(text: str, s: int, e: int) -> bool:
    """Money words named in one clause with their sum: "a total investment of up to 1.8 billion Euro",
    "intends to invest $500 billion", "loans amounting to $5 billion"."""
    window = text[max(0, s - 60) : s]
    stops = [m.end() for m in _SENTENCE_STOP_RE.finditer(window)]
    left = max(0, s - 60) + (stops[-1] if stops else 0)
    stop = _SENTENCE_STOP_RE.search(text, e, e + 40)
    right = stop.start() if stop else min(len(text), e + 40)
    return bool(_SUM_RE.search(text, left, right))


# a sentence's end, not an abbreviation's stop ("561 million U.S. dollars, which will be financed by ...")
_SENTENCE_STOP_RE = re.compile(r"(?<!\b[A-Z])\.[ \t]|\n")


def _topic_sentence(text: str, s: int, e: int) -> bool:
    start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
    ends = [x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0]
    return bool(_TOPIC_RE.search(text, start, min(ends) if ends else len(text)))
