"""Events from the dependency parse: who signs, meets, visits, invests or buys, with whom, and when.

Cue words (``events.py``) find that something happened; the parse says who took part. A trigger is a verb
("signed", "met", "invested", "acquired", "visited", "struck a deal") or an event noun ("agreement",
"deal", "contract", "MoU", "joint venture", "stake", "acquisition", "talks", "visit"). Its parties are read
from the tree, never from word distance:

* the subject of the verb, or of the verb that governs the noun ("X struck a deal", "X is in talks"),
  climbing through "plans to", "is expected to", "agreed to" (xcomp) and coordination ("met and signed");
* the object and the "with" / "between" / "among" / "to" / "in" / "from" / "of" phrases of the verb and of
  the noun ("a deal between X and Y", "talks with Y", "a stake in Y from Z", "acquisition of Y");
* the possessor of a noun ("X's visit to Y"), names compounded into it ("the Fiat-GM deal"), the agent of a
  passive ("was signed by X and Y") and every conjunct ("X and Y", "X, Y and Z");
* pronouns and "the company" / "the two firms" through a callback the pipeline supplies.

Status from tense and modality: will / shall / would, "plans to", "is expected to", "aims to", "is set
to", a planned/proposed/upcoming noun -> planned; "in talks", "are negotiating", "during his visit" ->
ongoing; otherwise (past, perfect, headline present) -> held. A negated trigger ("did not sign") is no
event.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .releases import FORMATIONS, formed_venture, of_conjuncts, selection_announced

# verb forms (lower-case) -> event type
_VERBS = {
    **dict.fromkeys(
        [
            "sign",
            "signs",
            "signed",
            "signing",
            "ink",
            "inks",
            "inked",
            "seal",
            "seals",
            "sealed",
            "sealing",
            "conclude",
            "concludes",
            "concluded",
            "clinch",
            "clinched",
            "clinches",
        ],
        "agreement",
    ),
    **dict.fromkeys(
        ["merge", "merges", "merged", "merging", "partner", "partners", "partnered", "partnering"],
        "agreement",
    ),
    # "X licensed its technology to Y": a licence granted is a contract between two parties
    **dict.fromkeys(
        ["license", "licenses", "licensed", "licensing", "licence", "licences", "licenced"], "agreement"
    ),
    # a purchase order or a supply deal between two named parties is an agreement
    **dict.fromkeys(
        ["order", "orders", "ordered", "supply", "supplies", "supplied", "supplying"], "agreement"
    ),
    **dict.fromkeys(
        [
            "invest",
            "invests",
            "invested",
            "investing",
            "acquire",
            "acquires",
            "acquired",
            "acquiring",
            "purchase",
            "purchases",
            "purchased",
            "purchasing",
        ],
        "investment",
    ),
    **dict.fromkeys(["buy", "buys", "bought", "buying"], "investment"),
    **dict.fromkeys(
        ["meet", "meets", "met", "negotiate", "negotiates", "negotiated", "negotiating"], "meeting"
    ),
    **dict.fromkeys(
        ["visit", "visits", "visited", "visiting", "tour", "tours", "toured", "touring"], "visit"
    ),
    # "X, Y and Z attend the summit": a meeting when two named parties attend together (see events)
    **dict.fromkeys(["attend", "attends", "attended", "attending"], "meeting"),
}
# verbs that are events only with an event noun as object ("struck a deal", "reached an agreement")
_LIGHT_VERBS = {
    "strike",
    "strikes",
    "struck",
    "striking",
    "reach",
    "reaches",
    "reached",
    "reaching",
    "hold",
    "holds",
    "held",
    "holding",
    "form",
    "forms",
    "formed",
    "forming",
    "set",
    "sets",
    "establish",
    "establishes",
    "established",
    "win",
    "wins",
    "won",
    "award",
    "awards",
    "awarded",
    "agree",
    "agrees",
    "agreed",
    "announce",
    "announces",
    "announced",
    "take",
    "takes",
    "took",
    "taken",
}
_NOUNS = {
    **dict.fromkeys(
        [
            "agreement",
            "agreements",
            "deal",
            "deals",
            "contract",
            "contracts",
            "memorandum",
            "memoranda",
            "mou",
            "mous",
            "pact",
            "pacts",
            "accord",
            "accords",
            "partnership",
            "partnerships",
            "alliance",
            "alliances",
            "collaboration",
            "collaborations",
            "venture",
            "ventures",
            "merger",
            "mergers",
            "treaty",
            "tie-up",
        ],
        "agreement",
    ),
    **dict.fromkeys(
        [
            "investment",
            "investments",
            "stake",
            "stakes",
            "acquisition",
            "acquisitions",
            "takeover",
            "takeovers",
            # "MCI accepted a $6.75bn buyout from Verizon"
            "buyout",
            "buyouts",
            "purchase",
            # "raised its holding in Y to 9.8 pct": a stake (only as the object of a buying verb, see below)
            "holding",
        ],
        "investment",
    ),
    **dict.fromkeys(["talks", "negotiations", "meeting", "meetings", "summit"], "meeting"),
    # "held discussions with X", "bilateral discussions between X and Y"
    **dict.fromkeys(["discussions"], "meeting"),
    # "in a fireside chat with Y", "a telephone conversation with Y": two sides talking
    **dict.fromkeys(["chat", "conversation"], "meeting"),
    # gatherings two named parties attend together ("a joint news conference with X", "X and Y attended the
    # ceremony") are meetings; one party alone makes none (see events._add_syntax_events)
    **dict.fromkeys(["conference", "dialogue", "ceremony", "banquet", "forum", "consultations"], "meeting"),
    **dict.fromkeys(["visit", "visits", "trip", "trips", "tour"], "visit"),
}
_PARTY_PREPS = {
    "agreement": {"with", "between", "among", "by", "of", "to", "from"},
    "investment": {"in", "of", "from", "by", "with", "into"},
    "meeting": {"with", "between", "among", "by"},
    "visit": {"to", "by"},
}
_PLANNING = {
    "plan",
    "plans",
    "planned",
    "planning",
    "expect",
    "expects",
    "expected",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "aimed",
    "seek",
    "seeks",
    "sought",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "propose",
    "proposes",
    "proposed",
    "prepare",
    "prepares",
    "preparing",
    "ready",
    "likely",
    "due",
    "scheduled",
    "poised",
    "consider",
    "considers",
    "considering",
    "set",
    "going",
    "eyes",
    "eyeing",
    "mull",
    "mulls",
    "mulling",
}
_PLANNED_MODIFIERS = {
    "planned",
    "proposed",
    "upcoming",
    "expected",
    "future",
    "potential",
    "possible",
    "likely",
    "next",
}
_OFFER_VERBS = {"offer", "offers", "offered", "offering", "propose", "proposes", "proposed", "proposing"}
_MODALS_PLANNED = {"will", "shall", "'ll", "wo", "would", "could", "may", "might"}
_NOT_EVENT_HEADS = {
    # "GM is legally obliged to buy the rest": an obligation in dispute, not a purchase
    *("obliged", "obligated", "compelled"),
    "deny",
    "denies",
    "denied",
    "reject",
    "rejects",
    "rejected",
    "refuse",
    "refuses",
    "refused",
    "fail",
    "fails",
    "failed",
}
_NP_DEPS = {"compound", "flat", "appos", "nmod", "amod", "nn", "npadvmod", "dep"}
_GENERIC_OF = {
    "government",
    "ministry",
    "unit",
    "subsidiary",
    "division",
    "arm",
    "owner",
    "parent",
    "maker",
    "shares",
    "share",
    "branch",
    "office",
    # a part of a company stands for it: "two-thirds of X was bought by Y"
    *("half", "third", "thirds", "two-thirds", "quarter", "quarters", "majority", "rest", "remainder"),
}
# people sent by a body: "executives from X", "representatives of X" (see _np_names)
_ENVOYS = {
    *("executives", "officials", "representatives", "delegates", "delegation", "delegations", "negotiators"),
    *("envoys", "leaders", "heads", "chiefs", "bosses", "managers", "ministers", "diplomats", "members"),
}
_ANAPHORS = {
    *("manufacturer", "maker", "enterprise", "airline", "carrier", "brewer", "winemaker", "miner"),
    *("producer", "operator", "conglomerate", "lender", "supplier", "retailer", "developer", "startup"),
    "it",
    "its",
    "he",
    "his",
    "she",
    "her",
    "they",
    "their",
    "them",
    "company",
    "firm",
    "group",
    "carmaker",
    "automaker",
}


@dataclass
class SyntaxEvent:
    type: str
    status: str
    participants: list[str]
    trigger: tuple[int, int]
    anaphoric: bool = False  # "the agreement was signed by ...": may retell an event already told
    extra: dict = field(default_factory=dict)


@dataclass
class SyntaxInputs:
    doc: object  # spaCy Doc with a dependency parse
    actors: list  # (start, end, name) of people and organisations that can take part, text order
    resolve: Callable[[int, str], list[str]] | None = None  # (char position, pronoun/noun) -> names
    blocked: list = field(default_factory=list)  # (start, end) where no event may be read (credits)
    people: frozenset = frozenset()  # the names among the actors that are people


class _Actors:
    def __init__(self, actors: list) -> None:
        self.items = sorted(actors)
        self.starts = [s for s, _e, _n in self.items]

    def overlapping(self, s: int, e: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.starts, s)
        out = []
        j = i - 1
        while j >= 0 and self.items[j][1] > s:  # a name that starts before and reaches in
            out.append(self.items[j])
            j -= 1
        while i < len(self.items) and self.items[i][0] < e:
            out.append(self.items[i])
            i += 1
        return sorted(set(out))


_STAKE_VERBS = {
    *("buy", "buys", "bought", "buying", "acquire", "acquires", "acquired", "acquiring", "take", "takes"),
    *("took", "taken", "taking", "purchase", "purchased", "purchases", "raise", "raised", "raises"),
    *("increase", "increased", "sell", "sells", "sold", "selling", "secure", "secured", "hold", "holds"),
}
# "X cut its stake in Y to 4.2 pct": its own shares sold (not "a plan cut GM's stake", "should be cut")
_STAKE_CUTS = {
    *("cut", "cuts", "reduce", "reduces", "reduced", "lower", "lowers", "lowered"),
    *("trim", "trims", "trimmed"),
}
# "urged businessmen to invest", "appealed on X to invest": an appeal, not an event
_APPEAL_VERBS = {
    *("urge", "urges", "urged", "appeal", "appeals", "appealed", "ask", "asks", "asked", "call", "calls"),
    *("called", "encourage", "encourages", "encouraged", "invite", "invites", "invited", "welcome"),
    *("welcomes", "welcomed", "persuade", "persuades", "persuaded", "want", "wants", "wanted"),
}


_CONCLUDE = {"conclude", "concludes", "concluded", "concluding"}
_GATHERINGS = {
    *("talks", "dialogue", "meeting", "meetings", "visit", "trip", "tour", "negotiations", "session"),
    *("conference", "forum", "summit", "consultations", "round", "discussions"),
}


_NEEDS = {
    *("demand", "demands", "needs", "target", "targets", "goal", "goals", "requirement", "requirements"),
    *("standard", "standards", "criteria", "deadline", "deadlines", "expectations", "conditions"),
    *("obligations", "challenge", "challenges", "cost", "costs", "shortfall"),
}


_GATHERING_HEADS = {
    *("forum", "summit", "conference", "meeting", "session", "talks", "dialogue", "ceremony", "event"),
    *("seminar", "workshop", "congress", "assembly", "roundtable", "symposium", "banquet", "meetings"),
}


def _attends_a_gathering(verb) -> bool:
    """ "attend the summit", "attend the Belt and Road Forum": a gathering, named or not."""
    obj = _object(verb)
    return obj is not None and (obj.lower_ in _GATHERING_HEADS or bool(obj.ent_type_))


def _object(verb):
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


# what a buyer orders from a maker: buying these is a purchase order (an agreement), not an investment
_GOODS = {
    *("aircraft", "airplane", "aeroplane", "plane", "jet", "jetliner", "airliner", "helicopter", "vehicle"),
    *("car", "truck", "bus", "train", "locomotive", "wagon", "railcar", "ship", "vessel", "tanker"),
    *("battery", "cell", "chip", "semiconductor", "processor", "gpu", "turbine", "engine", "reactor"),
    *("satellite", "rocket", "launcher", "tank", "missile", "drone", "unit", "module", "panel", "server"),
    *("equipment", "machinery", "system", "fighter", "frigate", "submarine", "tram", "ferry"),
}
_WEIGHING = {
    *("consider", "considers", "considering", "considered", "mull", "mulls", "mulling", "weigh", "weighs"),
    *("weighing", "explore", "explores", "exploring", "study", "studies", "studying", "eye", "eyes"),
    "eyeing",
}
_SELL_VERBS = {
    *("sell", "sells", "sold", "selling", "offload", "offloads", "offloaded", "offloading"),
    *("divest", "divests", "divested", "divesting"),
}
_BUY_VERBS = {"buy", "buys", "bought", "buying", "purchase", "purchases", "purchased", "purchasing"}
# "agreed to cooperate with Y": the agreeing is the agreement
_COOPERATE = {
    *("cooperate", "co-operate", "collaborate", "work", "partner", "team", "join"),
}
_AGREE = {"agree", "agrees", "agreed", "agreeing"}
# "X is teaming up with Y", "X and Y are joining forces", "joined hands with Y": two parties join in a venture
_TEAM_UP = {"team", "teams", "teamed", "teaming", "tie", "ties", "tied", "tying", "link", "links", "linked"}
_JOIN = {"join", "joins", "joined", "joining"}


# "agreed to stay in touch", "agreed to continue consultations": to keep talking, no pact made
_TALK_NOUNS = {
    *(
        "contact",
        "touch",
        "talks",
        "discussions",
        "consultations",
        "consultation",
        "dialogue",
        "communication",
    ),
    *("communications", "coordination", "conversation", "conversations", "engagement"),
}


def _keeps_talking(verb) -> bool:
    if verb.lower_ in {"consult", "talk"}:
        return True
    if verb.lower_ not in {"remain", "stay", "keep", "continue", "maintain"}:
        return False
    return any(t.lower_ in _TALK_NOUNS for t in verb.subtree if 0 < t.i - verb.i <= 6)


def _agreed_together(tok) -> bool:
    """A finite "agree" with what is agreed (to do, that, a deal) or with whom: the parties' agreement (two
    named subjects, or one and a "with" partner; one subject alone agreeing is no pact, see events)."""
    if not tok.tag_.startswith("VB") or tok.tag_ == "VBG" or tok.dep_ in {"amod", "acl", "relcl", "pcomp"}:
        return False
    for c in tok.children:
        if c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children):
            return False  # "agreed not to disclose the terms"
        if c.dep_ == "xcomp" and _keeps_talking(c):
            return False  # "agreed to remain in close contact", "agreed to continue the talks"
        if c.dep_ == "dobj" and c.lower_ in _NOUNS and _NOUNS[c.lower_] != "agreement":
            return False  # "agreed a takeover by X": the takeover is the event
    return any(
        c.dep_ in {"xcomp", "dobj"} or (c.dep_ == "prep" and c.lower_ in {"with", "on"}) for c in tok.children
    )


_ALLY = {"ally", "allies", "allied", "allying", "team", "teams", "teamed", "teaming"}


def _allied_with(tok) -> bool:
    """ "X has allied itself with Y", "X teamed with Y on a new system": a verb of alliance with a named
    partner (an ORG or a person) after "with"."""
    return (
        tok.lower_ in _ALLY
        and tok.tag_.startswith("VB")
        and tok.dep_ not in {"amod", "compound"}
        and any(
            c.dep_ == "prep"
            and c.lower_ == "with"
            and any(o.dep_ == "pobj" and o.ent_type_ in {"ORG", "PERSON"} for o in c.children)
            for c in tok.children
        )
    )


# "X launched a new alarm system with Y", "X co-developed the drug with Y": a product made with a partner
_COMBINE = {"combine", "combines", "combined", "combining"}


def _sale_to(tok) -> bool:
    """ "the sale of its Corvane unit to Bellamy Group": a business sold to a named buyer (a proper noun after
    "to"; "sales to China" or "the sale of tickets to fans" are trade)."""
    if tok.tag_ != "NN" or tok.dep_ == "compound":
        return False
    of = [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    to = [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return (
        bool(of and to)
        and (
            of[0].lower_ in {"stake", "stakes", "unit", "business", "subsidiary", "division", "arm"}
            or of[0].tag_ == "NNP"
        )
        and to[0].tag_ == "NNP"
        and to[0].ent_type_ != "GPE"
    )


def _combined(tok) -> bool:
    """ "X and Y said they would combine (in a stock swap)", "X agreed to combine with Y": two companies
    merging (not "combined sales", "combine forces", "combine wind and solar": no object is combined)."""
    if not tok.tag_.startswith("VB") or tok.dep_ in {"amod", "compound", "acl"}:
        return False
    if any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        subj.lower_ in {"they", "both"} or any(c.dep_ == "conj" for c in subj.children)
    )


_MAKE_WITH = {
    *("launch", "launches", "launched", "unveil", "unveils", "unveiled", "introduce", "introduces"),
    *("introduced", "develop", "develops", "developed", "co-develop", "co-developed", "co-develops"),
    *("announce", "announces", "announced"),
}
_ANNOUNCE = {"announce", "announces", "announced"}


def _made_with(tok) -> bool:
    if not tok.tag_.startswith("VB") or tok.dep_ in {"amod", "compound", "acl", "relcl", "xcomp", "advcl"}:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    objects = [c for c in tok.children if c.dep_ == "dobj" and not _is_trigger(c)]
    if subj is None or subj.ent_type_ != "ORG" or not objects:
        return False
    if tok.lower_ in _ANNOUNCE and not any(
        d.dep_ == "det" and d.lower_ in {"a", "an"} for o in objects for d in o.children
    ):
        return False  # "announced a new system with Y"; not "announced its results with ..."
    if any(c.lower_ == "together" for c in tok.children) and any(c.dep_ == "conj" for c in subj.children):
        return True  # "X and Y launched a new alarm system together"
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in c.children)
        for t in [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        for c in t.children
    )


def _joins_forces(tok) -> bool:
    low = tok.lower_
    if low not in _TEAM_UP and low not in _JOIN:
        return False
    if not tok.tag_.startswith("VB"):
        # a headline's "X teams up with Y" read as a plural noun: "teams" with the particle "up" and a "with"
        return (
            tok.tag_ == "NNS"
            and low in _TEAM_UP
            and tok.dep_ == "ROOT"
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "with" for t in [tok, *tok.children] for c in t.children)
        )
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return True
    return low in _JOIN and any(c.dep_ == "dobj" and c.lower_ in {"forces", "hands"} for c in tok.children)


# "X will take over Y", "Y was taken over by X", "X bought out Y": a phrasal purchase of a company
_TAKE = {"take", "takes", "took", "taken", "taking"}
_BUY_OUT = {"buy", "buys", "bought", "buying"}


_SNAP_UP = {
    *("snap", "snaps", "snapped", "snapping", "swallow", "swallows", "swallowed", "gobble", "gobbled")
}


def _taken_over(tok) -> bool:
    if not tok.tag_.startswith("VB") or tok.dep_ in {"amod", "compound"}:
        return False
    low = tok.lower_
    prt = "over" if low in _TAKE else "out" if low in _BUY_OUT else "up" if low in _SNAP_UP else None
    if prt is None or not any(c.dep_ == "prt" and c.lower_ == prt for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if (
        subj is not None
        and subj.left_edge.i > 0
        and tok.doc[subj.left_edge.i - 1].lower_ in {"had", "should"}
    ):
        return False  # "the share it would have gained had it taken over Y": a counterfactual, no purchase
    # the company taken over is named: the object, or the passive subject ("Y was taken over by X")
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.tag_ in {"NNP", "NNPS"} for c in tok.children) or any(
        c.dep_ == "agent" for c in tok.children
    )


# "X won a contract", "X secured a $2bn deal": the winner holds a contract even when who awarded it is unnamed
_WIN_VERBS = {
    *("win", "wins", "won", "winning", "secure", "secures", "secured", "securing", "clinch", "clinches"),
    *("clinched", "land", "lands", "landed", "bag", "bags", "bagged"),
}
_WON_PACTS = {"contract", "contracts", "deal", "deals", "tender", "concession"}


def _won_contract(tok) -> bool:
    return tok.lower_ in _WON_PACTS and tok.dep_ == "dobj" and tok.head.lower_ in _WIN_VERBS


# money moved into a named company: "X paid $2bn for Y", "X injected $50m into Y", "Y raised $50m from X"
_MONEY_VERBS = {
    **dict.fromkeys(["pay", "pays", "paid", "paying"], "for"),
    **dict.fromkeys(["inject", "injects", "injected", "injecting", "pump", "pumps", "pumped"], "into"),
    **dict.fromkeys(["raise", "raises", "raised", "raising"], "from"),
    # "X secures $4m in seed funding from Y" (funding only, see _money_to_company)
    **dict.fromkeys(["secure", "secures", "secured", "securing"], "from"),
}
_SECURE = {"secure", "secures", "secured", "securing"}


def _funding_of(obj) -> list:
    """ "$4 million in seed funding from Y": the funding noun the amount is given in (where "from" hangs)."""
    return [
        o
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ in {"in", "of"}
        for o in c.children
        if o.dep_ == "pobj" and o.lower_ in _FUNDING_NOUNS
    ]


_FUNDING_NOUNS = {"funding", "financing", "investment", "capital", "equity", "round"}


def _money_object(verb) -> bool:
    obj = _object(verb)
    return obj is not None and any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in obj.subtree)


def _money_to_company(tok) -> bool:
    prep = _MONEY_VERBS.get(tok.lower_)
    if (
        prep is None
        or not tok.tag_.startswith("VB")
        or tok.dep_ in {"amod", "compound"}
        or not _money_object(tok)
    ):
        return False
    obj = _object(tok)
    if tok.lower_ in _SECURE and obj.lower_ not in _FUNDING_NOUNS and not _funding_of(obj):
        return False  # "secured a $14.5bn commitment from Y to buy aircraft": an order, not funding
    return any(
        c.dep_ == "prep"
        and c.lower_ == prep
        and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" and o.tag_ in {"NNP", "NNPS"} for o in c.children)
        # "paid [$2bn for Y]" as the parser may attach it, "raised [$4m in funding from Y]"
        for c in [*tok.children, *obj.children, *(c for f in _funding_of(obj) for c in f.children)]
    )


# "X has made a $2bn bid for Y", "X's offer for Y", "a takeover bid for Y": a proposed purchase of a company
_BIDS = {"bid", "bids", "offer", "offers"}
_BID_DROPPED = {
    *("withdraw", "withdraws", "withdrew", "withdrawn", "drop", "drops", "dropped", "abandon", "abandons"),
    *("abandoned", "reject", "rejects", "rejected", "rebuff", "rebuffed", "spurn", "spurned"),
}


_ANNOUNCE_INVEST = {
    *("announce", "announces", "announced", "unveil", "unveils", "unveiled", "pledge", "pledges", "pledged"),
    *("commit", "commits", "committed", "make", "makes", "made"),
}
# "X will sit down with Y on Friday": a meeting of the two
_SIT = {"sit", "sits", "sat", "sitting"}


def _sat_down_with(tok) -> bool:
    return (
        tok.tag_.startswith("VB")
        # "sat down with CNN for an interview": a talk to the press, no meeting
        and not any(t.lower_ in {"interview", "interviews", "podcast"} for t in tok.sent)
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
        and any(
            c.dep_ == "prep"
            and c.lower_ == "with"
            and any(o.dep_ == "pobj" and o.ent_type_ in {"PERSON", "ORG"} for o in c.children)
            for c in tok.children
        )
    )


# "X spoke to Y", "X talked with Y by phone", "X shook hands with Y", "had lunch with Y":
# two named sides talking together is a meeting (a phone call included: the guidelines' `call` is a call for
# proposals, and the real-text gold records leaders' calls as meetings)
_TALK_VERBS = {
    *("speak", "speaks", "spoke", "spoken", "speaking", "talk", "talks", "talked", "talking"),
    *("confer", "confers", "conferred", "conferring", "chat", "chats", "chatted", "chatting"),
}
_SHAKE = {"shake", "shakes", "shook", "shaken", "shaking"}
_HAVE = {"have", "has", "had", "having"}
_MEALS = {"lunch", "dinner", "breakfast", "luncheon", "meal", "tea", "coffee"}
_PHONES = {"phone", "telephone", "video", "videoconference", "videolink", "hotline"}
_PRESS = {"reporters", "journalists", "press", "media", "audience", "crowd", "students", "supporters"}


def _phone_prep(verb) -> bool:
    """ "by phone", "over the telephone", "on the phone", "via video link": a talk held at a distance."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"by", "over", "on", "via"}
        and any(o.lower_ in _PHONES or any(g.lower_ in _PHONES for g in o.children) for o in c.children)
        for c in verb.children
    )


def _talks_together(tok) -> bool:
    """A finite (or planned) verb of talking whose other side is named: "spoke to Y", "talked with Y",
    "shook hands with Y", "had lunch with Y"; or two named subjects talking by phone ("X and Y spoke by
    phone"). Talking to reporters, an audience, or a purpose clause ("met Y to talk about ...") is none."""
    low = tok.lower_
    if not tok.tag_.startswith("VB") or tok.dep_ in {"amod", "acl", "relcl", "xcomp", "advcl", "pcomp"}:
        return False
    if tok.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in _MODALS_PLANNED for c in tok.children):
        return False  # "wants to talk to Y", "to speak with Y": an intention, not a talk
    heads = [tok]
    if low in _SHAKE:
        hands = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "hands"]
        if not hands:
            return False
        heads += hands
    elif low in _HAVE:
        meals = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in _MEALS]
        if not meals:
            return False
        heads += meals
    elif low not in _TALK_VERBS:
        return False
    preps = {"with"} if low in _HAVE else {"with", "to"}
    others = [
        o
        for h in heads
        for c in h.children
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if any(o.ent_type_ in {"PERSON", "ORG"} and o.lower_ not in _PRESS for o in others):
        return True
    if low in _SHAKE or (low in _TALK_VERBS and _phone_prep(tok)):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return (
            subj is not None
            and subj.ent_type_ in {"PERSON", "ORG"}
            and any(c.dep_ == "conj" for c in subj.children)
        )
    return False


_DEAL_NOUNS_AGREED = {"takeover", "acquisition", "purchase", "buyout", "sale"}
_OFFICIALS = {
    *("officials", "official", "counterparts", "counterpart", "delegation", "delegations", "leaders"),
    *("ministers", "representatives", "executives", "authorities", "lawmakers", "diplomats"),
}


def _country_side(tok) -> bool:
    """The other side of a meeting is a country ("talks with Iraq and Afghanistan") or its unnamed officials
    ("met Indonesian officials"): countries are no participants, so the one named side meets alone."""
    heads = [tok]
    if tok.dep_ in {"dobj", "pobj", "nsubj"} and tok.head.i != tok.i:
        heads.append(tok.head)
    sides = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in {"with", "between"}:
                sides += [o for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ == "dobj" and h.lower_ in {"meet", "meets", "met", "meeting"}:
                sides.append(c)
    sides += [cc for o in sides for cc in o.conjuncts]
    return bool(sides) and all(
        o.ent_type_ == "GPE"
        or (
            o.lower_ in _OFFICIALS
            and any(c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in o.children)
        )
        for o in sides
    )


def _subject_sides(tok) -> list:
    """The conjoined subject of a meeting verb, or of the verb that holds a meeting noun ("A and B held
    talks"), each conjunct once."""
    verb = tok
    if not tok.tag_.startswith("VB"):
        if tok.dep_ not in {"dobj", "pobj"} or tok.head.i == tok.i:
            return []
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head  # "are in talks": the preposition's verb
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return []
    return [subj, *subj.conjuncts]


def _countries_meet(tok) -> bool:
    """Only countries meet ("Japan and South Korea held talks", "Japan will meet South Korea", "talks between
    Japan and South Korea"): countries are no participants, so the meeting has none."""
    sides = _subject_sides(tok)
    between = False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"with", "between"}:
            sides += [o for o in c.children if o.dep_ == "pobj"]
            between = between or c.lower_ == "between"
        elif c.dep_ == "dobj" and tok.lower_ in {"meet", "meets", "met"}:
            sides.append(c)
    if not sides or not (between or _subject_sides(tok)):
        return False  # "talks with Russia and Saudi Arabia": whoever talks with them is not said
    sides += [cc for o in list(sides) for cc in o.conjuncts]
    sides = list({o.i: o for o in sides}.values())
    return len(sides) >= 2 and all(o.ent_type_ == "GPE" or _country_word(o) for o in sides)


def _country_word(tok) -> bool:
    """ "TOKYO, March 4 - Japan and the United States ...": a dateline may make the tagger read a country as
    part of the date; a one-word country name of the gazetteer is still a country."""
    from .gazetteer import load

    return (
        tok.text[:1].isupper()
        and tok.text in load().country_names
        and not any(c.dep_ in {"compound", "amod"} for c in tok.children)
    )


def _country_beside(tok, party: str) -> bool:
    """ "The European Union and Turkey have met": the one named side's fellow subject is a country."""
    sides = _subject_sides(tok)
    return len(sides) >= 2 and any(o.ent_type_ == "GPE" for o in sides) and party in tok.sent.text


_SPEND = {"spend", "spends", "spent", "spending"}
# "X won the takeover battle for Y", "the bidding war for Y": a contest to buy Y
_CONTESTS = {"battle", "fight", "war", "race", "tussle"}


def _bid_for_company(tok) -> bool:
    if tok.lower_ in _CONTESTS and tok.tag_ == "NN":
        if not any(
            c.dep_ in {"compound", "amod"} and c.lower_ in {"takeover", "bidding"} for c in tok.children
        ):
            return False
    elif tok.lower_ not in _BIDS or tok.tag_ not in {"NN", "NNS"}:
        return False
    if tok.head.i != tok.i and tok.head.lower_ in _BID_DROPPED:
        return False  # "withdrew its takeover offer for Y": no purchase any more
    if _bid_target(tok) is not None:
        return True
    # "X received a takeover offer from Y": Y bids for X
    return (
        any(c.dep_ in {"compound", "amod"} and c.lower_ in _TAKEOVER_MARKS for c in tok.children)
        and tok.dep_ == "dobj"
        and tok.head.lower_ in _RECEIVE
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
    )


_TAKEOVER_MARKS = {"takeover", "tender", "buyout", "acquisition", "merger"}
_RECEIVE = {"receive", "receives", "received", "receiving", "get", "gets", "got"}
_RECEIVE |= {"accept", "accepts", "accepted", "accepting"}  # "X accepted a takeover offer from Y"
_SHARE_NOUNS = {"shares", "share", "stock", "stocks", "stake", "equity"}


def _company_noun(o) -> bool:
    return o.dep_ == "pobj" and o.ent_type_ == "ORG" and o.tag_ in {"NNP", "NNPS"}


def _bid_parties(tok, actors, inp) -> list[str]:
    """Who else a bid names: the target ("for Y", "for all shares of Y") and a bidder "from" whom it came."""
    names = _prep_objects(tok, {"for", "from"}, actors, inp)
    target = _bid_target(tok)
    if target is not None and target.head.head.lower_ in _SHARE_NOUNS:
        names += _np_names(target, actors, inp)
    return names


def _bid_target(tok):
    """The company a bid is for: "a bid for Y", "a tender offer for all outstanding shares of Y"."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        for o in c.children:
            if _company_noun(o):
                return o
            if o.dep_ == "pobj" and o.lower_ in _SHARE_NOUNS:
                for p in o.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for q in p.children:
                            if _company_noun(q):
                                return q
    return None


# nouns of a purchase order ("received orders from Tesla", "secured an order from BYD")
_ORDER_NOUNS = {"order", "orders"}
_ORDER_VERBS = {
    *("receive", "receives", "received", "win", "wins", "won", "secure", "secures", "secured", "land"),
    *("lands", "landed", "book", "books", "booked", "place", "places", "placed", "award", "awards"),
    *("awarded", "get", "gets", "got", "bag", "bags", "bagged", "clinch", "clinches", "clinched"),
}


def _singular(word: str) -> str:
    """The parse carries no lemmas (the lemmatiser is off): "cells" -> "cell", "buses" -> "bus"."""
    if word.endswith("es") and word[:-2] in _GOODS:
        return word[:-2]
    return word[:-1] if word.endswith("s") and word[:-1] in _GOODS else word


def _goods_bought(verb) -> bool:
    """ "is to buy 10 A320 aircraft from Airbus": goods from their maker, not a stake."""
    obj = _object(verb)
    return (
        verb.lower_ in _BUY_VERBS
        and obj is not None
        and _singular(obj.lower_) in _GOODS
        and obj.ent_type_ != "ORG"
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in [*verb.children, *obj.children])
    )


def _visiting_title(tok, actors, people) -> str | None:
    """The person a subjectless "visiting" + capitalised title ends with ("visiting Israeli Director of ...
    Joseph Nowarski said"), else None."""
    if tok.lower_ != "visiting" or tok.tag_ != "VBG":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
        return None  # "Li is visiting Jakarta"
    obj = _object(tok)
    if obj is None and tok.text == "Visiting" and tok.dep_ == "csubj":
        # "Visiting Chinese Premier X said today": at the head of a sentence the parser makes "Visiting" the
        # verb's clausal subject and the titled name its subject; the name right after is the visitor
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i > tok.i), None)
        between = tok.doc[tok.i + 1 : subj.i] if subj is not None else ()
        if subj is None or len(between) > 12 or any(t.pos_ in {"VERB", "AUX"} for t in between):
            return None
        span = actors.overlapping(tok.idx + len(tok), subj.idx + len(subj))
        names = [n for _s, _e, n in span if n in people]
        return names[-1] if names else None
    if (
        obj is None
        or obj.ent_type_
        or not obj.text[:1].isupper()
        or obj.i != tok.i + 1 + sum(1 for t in tok.doc[tok.i + 1 : obj.i] if t.dep_ == "amod")
    ):
        return None  # the title comes right after (its demonym allowed): "visiting Canadian Minister"
    end = tok.right_edge  # "Visiting Director of X in the Ministry of Y Joseph Z": the parse splits the title
    names = [name for _s, _e, name in actors.overlapping(obj.idx, end.idx + len(end)) if name in people]
    return names[0] if names else None


_VISITOR_TITLES = {
    *("minister", "president", "premier", "secretary", "chancellor", "counterpart", "envoy", "ambassador"),
    *("chairman", "official", "king", "queen", "prince", "delegation", "governor", "mayor", "leader"),
}


def _visiting_appositive(tok, actors, people) -> str | None:
    """ "met Y, visiting Mongolian minister of external relations": a "visiting" + title set after a
    person's name and a comma describes that person, on a visit (the parser may hang it on the verb)."""
    if tok.lower_ != "visiting" or tok.i < 2 or tok.nbor(-1).text != ",":
        return None
    obj = _object(tok)
    if obj is None or obj.lower_ not in _VISITOR_TITLES:
        return None
    before = tok.nbor(-2)
    names = [
        name for _s, _e, name in actors.overlapping(before.idx, before.idx + len(before)) if name in people
    ]
    return names[0] if names else None


_INVEST_VERBS = {"invest", "invests", "invested", "investing"}
# what a named investment builds or buys: a company (a named actor), a facility, or a place
_VENTURES = {
    *("plant", "plants", "factory", "factories", "gigafactory", "facility", "facilities", "refinery"),
    *("terminal", "port", "campus", "site", "center", "centre", "hub", "line", "mine", "park", "farm"),
    "station",
    *("project", "projects", "venture", "company", "firm", "stake", "shares", "startup", "start-up"),
}


def _invests_in_no_venture(verb, actors, inp) -> bool:
    """ "We're investing in training", "have invested in investigative reporting", "invest in gas fields",
    "invest only in charging stations": the verb names no company, facility or place it goes into."""
    if verb.lower_ not in _INVEST_VERBS:
        return False
    objs = [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"in", "into", "through"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if not objs or any(c.dep_ == "dobj" for c in verb.children):
        return False  # "invested $1bn in X": the amount tells a concrete investment
    for o in objs:
        if _np_names(o, actors, inp) or o.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
            return False
        if o.lower_ in _VENTURES or any(t.lower_ in _VENTURES for t in o.subtree):
            return False
    return True


_FACILITIES = {"plant", "factory", "gigafactory", "refinery"}
_BUILT = {"built", "constructed"}
_WORKS = {
    *("railway", "railroad", "rail", "line", "port", "pipeline", "plant", "factory", "bridge", "road"),
    *("highway", "airport", "terminal", "dam", "station", "tunnel", "refinery", "campus", "gigafactory"),
}


def _built_by(verb) -> bool:
    """A work (railway, port, pipeline, plant) built or constructed by a named builder (passive with "by")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return (
        verb.tag_ == "VBN"
        and subj is not None
        and subj.lower_ in _WORKS
        and any(c.dep_ == "agent" for c in verb.children)
    )


_FUTURE_RE = re.compile(r"\b(?:will|expected|plans?|planned|scheduled|set to|due to|to start|to begin)\b")


def _owned_new_facility(tok) -> bool:
    """ "BYD's fifth car factory ... is expected to start production", "X, CATL's first plant outside China,
    has kicked off production": a named company's new plant (an ordinal or "new" says it is being added)."""
    return (
        tok.tag_ == "NN"
        and any(c.dep_ == "poss" and c.tag_.startswith("NNP") for c in tok.children)
        and any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ == "new") for c in tok.children)
    )


def _headline_partner(tok) -> bool:
    """ "X and Y partner to launch ...", "X invests in and partners with Y": a headline's verb the tagger
    read as a noun (no determiner, "with" or a to-clause after it, names before it or a verb it joins)."""
    if tok.tag_ not in {"NN", "NNS"} or tok.dep_ not in {"ROOT", "nsubj", "conj"}:
        return False
    if any(c.dep_ in {"det", "poss", "amod"} for c in tok.children):
        return False
    if tok.dep_ == "conj" and not tok.head.tag_.startswith("VB"):
        return False
    named_before = tok.dep_ == "conj" or any(
        c.dep_ in {"nmod", "compound"} and c.i < tok.i and c.tag_.startswith("NNP") for c in tok.children
    )
    after = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
        c.dep_ in {"relcl", "acl"} and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
        for c in tok.children
    )
    return named_before and after


_DISCUSS = {"discuss", "discusses", "discussed", "discussing"}
_CALL = {"call", "calls", "called", "calling"}
_SPEAK_AT = {
    *("speak", "speaks", "spoke", "speaking", "address", "addresses", "addressed", "addressing", "tell"),
    *("tells", "told", "telling"),
}


def _speaks_at_gathering(verb) -> bool:
    """ "Speaking at a recent forum", "addresses business leaders during the Business Forum", "told the
    conference": a speaker at a forum, conference or summit takes part in it (not a news conference)."""
    if not verb.tag_.startswith("VB"):
        return False
    places = [
        c for c in verb.children if c.dep_ == "dobj" and verb.lower_ not in {"speak", "speaks", "spoke"}
    ]
    places += [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"at", "during", "to"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return any(
        o.lower_ in _GATHERING_HEADS - {"event", "talks", "session", "meeting", "meetings"}
        and not any(c.lower_ in {"news", "press"} for c in o.children)
        for o in places
    )


def _calls_on_someone(verb) -> bool:
    """ "Velayati will also call on Italian President X": a courtesy call is a meeting with X ("calls on Thais
    to back the scheme", "called on X to resign" is an appeal)."""
    if not verb.tag_.startswith("VB") or any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} or (c.dep_ == "aux" and c.lower_ == "to" and c.i > verb.i)
        for c in verb.children
    ):
        return False
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    if on is None or any(
        t.lower_ == "to" and t.i > on.i for t in verb.doc[on.i : on.i + 12] if t.tag_ == "TO"
    ):
        return False
    obj = next((o for o in on.children if o.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ == "PERSON"


_AWARD = {"award", "awards", "awarded", "awarding", "grant", "grants", "granted", "granting"}


def _discussed_together(verb) -> bool:
    """ "X discussed the extension with Y", "X and Y discussed bilateral ties": a meeting when the verb is
    finite (not the purpose of a meeting told by its own verb: "met Y to discuss ...") and names the other
    side after "with" or two subjects."""
    if verb.dep_ in {"xcomp", "advcl", "acl", "relcl", "pcomp", "amod"} or verb.tag_ in {"VBG", "VBN"}:
        return False
    if verb.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in _MODALS_PLANNED for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.dep_ == "prep" and c.lower_ == "with" for t in [verb, *objects] for c in t.children):
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_.startswith("NNP") and any(c.dep_ == "conj" for c in subj.children)


def _sold_to(verb):
    """The "to" phrase of a sale ("sold Rover to the consortium"), else None."""
    return next((c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"), None)


def _sale(verb, actors, inp) -> tuple[str, list[str]] | None:
    """ "BMW sold Rover to the Phoenix consortium", "the unit that BMW sold to Ford": the buyer's purchase of
    what is sold, the seller taking part; "is to sell 10 of its jets to Air Europe", "sold 23 planes to X":
    goods or a number of them sold to a buyer are an order (an agreement of seller and buyer)."""
    to = _sold_to(verb)
    buyers = [n for o in to.children if o.dep_ == "pobj" for n in _np_names(o, actors, inp)] if to else []
    if not buyers:
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    sold = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if sold is not None and sold.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" and verb.head.i != verb.i:
        sold = verb.head  # "the Rover unit that BMW sold to Ford"
    sellers = _prep_objects(verb, {"by"}, actors, inp) if passive else _subjects(verb, actors, inp)
    if sold is None:
        return None
    business = sold.lower_ in {"stake", "stakes", "unit", "business", "subsidiary", "division", "arm"}
    if not business and (sold.tag_ == "CD" or _singular(sold.lower_) in _GOODS):
        return ("agreement", [*sellers, *buyers]) if sellers else None
    if business or sold.tag_ in {"PRP", "NNP", "NNPS"}:
        names = [] if sold.i == verb.head.i and passive else _np_names(sold, actors, inp)
        names += _prep_objects(sold, {"in", "of"}, actors, inp)
        parties = [*buyers, *names, *sellers]
        return ("investment", list(dict.fromkeys(parties))) if len(parties) >= 2 else None
    return None


def _order_verb(noun):
    """The verb of "received orders from X" / "secured an order of 10 GWh ... from X", else None."""
    t = noun
    for _ in range(3):
        if t.head.i == t.i:
            return None
        if t.dep_ in {"dobj", "nsubjpass"} and t.head.lower_ in _ORDER_VERBS:
            return t.head
        if t.dep_ not in {"pobj", "prep", "dobj"}:
            return None
        t = t.head
    return None


def _web_visit(verb) -> bool:
    after = verb.doc[verb.i + 1 : verb.i + 5]
    return (verb.i > 0 and verb.nbor(-1).lower_ == "please") or any(
        t.like_url or t.lower_.startswith(("http", "www")) or "www." in t.lower_ for t in after
    )


# an organisation's formal reaction ("the Arab League condemned the move", "the ministry said it strongly
# opposes the measures") is a statement by that body
_REACT_VERBS = {
    *("condemn", "condemns", "condemned", "denounce", "denounces", "denounced", "deplore", "deplores"),
    *("deplored", "criticise", "criticises", "criticised", "criticize", "criticizes", "criticized"),
    *("welcome", "welcomes", "welcomed", "oppose", "opposes", "opposed", "reiterate", "reiterates"),
    *("reiterated", "regret", "regrets", "regretted", "reject", "rejects", "rejected", "protest"),
    *("protests", "protested", "hail", "hails", "hailed", "slam", "slams", "slammed", "applaud"),
    *("applauds", "applauded"),
}
# welcomed guests are a visit, not a reaction
_GUESTS = {"delegation", "delegations", "guests", "visitors", "guest", "visitor", "participants", "customers"}


def _reaction(tok) -> bool:
    """A finite reaction verb with an object (what is reacted to) that is no person, body or guest."""
    if tok.lower_ not in _REACT_VERBS or tok.tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
        return False
    if tok.dep_ in {"amod", "acl", "relcl", "xcomp", "pcomp", "compound"}:
        return False
    if tok.dep_ == "advcl" and not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # "..., while the League condemned the move" has its own subject; "welcoming ..." none
    if tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in tok.children):
        return False  # "the criticised decision", "was rejected by": no one reacting as subject
    obj = _object(tok)
    if obj is None and not any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
        return False
    return obj is None or (
        obj.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"} and obj.lower_ not in _GUESTS
    )


def _is_trigger(tok) -> str | None:
    low = tok.lower_
    if low in _REACT_VERBS:
        return "statement" if _reaction(tok) else None
    if low not in _VERBS and low not in _NOUNS:
        if _joins_forces(tok):
            return "agreement"
        if (low in FORMATIONS and formed_venture(tok)) or selection_announced(tok):
            return "agreement"  # "X and Y announced the formation of a joint venture", "the selection of Y"
        if low in _FACILITIES and _owned_new_facility(tok):
            return "investment"
        if low in _BUILT and _built_by(tok):
            return (
                "investment"  # "The railway was partly built by X and Y", "the pipeline will be built by Z"
            )
        if low in _AWARD and tok.tag_.startswith("VB") and _sold_to(tok) is not None:
            return "agreement"  # "awarding lander missions to companies X, Y and Z": a contract award
        if low in _SPEAK_AT and _speaks_at_gathering(tok):
            return "meeting"  # "Speaking at a recent forum, X noted", "X told the conference": X took part
        if low in _CALL and _calls_on_someone(tok):
            return "meeting"
        if low in _DISCUSS and _discussed_together(tok):
            return "meeting"
        if low in _SELL_VERBS and tok.tag_.startswith("VB") and _sold_to(tok) is not None:
            return "investment"  # "X sold Y to Z": Z's purchase ("sold 10 planes to Z": an order, see there)
        if low in _SIT and _sat_down_with(tok):
            return "meeting"
        if (low in _TALK_VERBS or low in _SHAKE or low in _HAVE) and _talks_together(tok):
            return "meeting"
        if _taken_over(tok) or (low in _MONEY_VERBS and _money_to_company(tok)):
            return "investment"
        if (low in _BIDS or low in _CONTESTS) and _bid_for_company(tok):
            return "investment"
        if (low in _ALLY and _allied_with(tok)) or (low in _MAKE_WITH and _made_with(tok)):
            return "agreement"  # "X allied itself with Y", "X launched a new system with Y"
        if low == "sale" and _sale_to(tok):
            return "investment"  # "completed the sale of its X unit to Y": Y's purchase
        if low in _COMBINE and _combined(tok):
            return "agreement"  # "X and Y said they would combine", "X will combine with Y": a merger
        if low in _AGREE and _agreed_together(tok):
            return "agreement"  # "A and B have agreed to launch a fund", "X agreed a loan with the IMF"
        if (
            low in _COOPERATE
            and tok.dep_ == "xcomp"
            and tok.head.lower_ in _AGREE
            and any(c.dep_ == "prep" and c.lower_ in {"with", "on"} for c in tok.children)
        ):
            return "agreement"
        return None  # most tokens: one set lookup
    if low in _ORDER_NOUNS and tok.tag_ in {"NN", "NNS"}:
        return "agreement" if _order_verb(tok) is not None else None
    if low in {"partner", "partners"} and tok.tag_ in {"NN", "NNS"}:
        return "agreement" if _headline_partner(tok) else None
    if tok.pos_ == "VERB" or tok.tag_.startswith("VB"):
        if low.startswith(("sign", "seal")) and any(
            c.dep_ == "prt" and c.lower_ in {"up", "off"} for c in tok.children
        ):
            return None  # "signing up" for a newsletter, "sealed off" a street
        if low in _CONCLUDE and (obj := _object(tok)) is not None and obj.lower_ in _GATHERINGS:
            # "concluded the dialogue with X": the meeting ended, nothing was signed
            return "meeting" if obj.lower_ not in _NOUNS or _NOUNS[obj.lower_] == "meeting" else None
        if low in _VERBS:
            # "bought a stake", "bought into X", "was bought by X": something bought
            if low in {"buy", "buys", "bought", "buying"} and not any(
                c.dep_ in {"dobj", "prep", "agent"} for c in tok.children
            ):
                return None
            if low in {"partner", "partners"} and not any(
                c.dep_ in {"dobj", "prep"} or (c.dep_ == "xcomp" and c.tag_ == "VB") for c in tok.children
            ):
                return None
            if low.startswith("attend") and not _attends_a_gathering(tok):
                return None
            if _VERBS[low] == "visit" and _web_visit(tok):
                return None  # "please visit https://www.example.com": a reader's click, no visit
            if low in {"meet", "meets", "met"} and (obj := _object(tok)) is not None and obj.lower_ in _NEEDS:
                return None  # "to meet the demand"
            if low.startswith(("order", "suppl")) and not any(
                c.dep_ in {"dobj", "dative"} for c in tok.children
            ):
                return None  # "in order to", "supply chains"
            if low.startswith("licen") and (
                tok.tag_ not in {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"}
                or any(c.dep_ == "auxpass" for c in tok.children)
                or not any(c.dep_ == "dobj" for c in tok.children)
            ):
                return None  # "was licensed by the regulator": a permit, no pact; "licensing revenue"
            return _VERBS[low]
        if low in _TALK_VERBS and _talks_together(tok):
            return "meeting"  # "X talks to Y" (a verb spelled like the noun "talks")
        return None
    if (
        tok.tag_ in {"NN", "NNS", "NNP"}
        and low in _NOUNS
        and (not tok.ent_type_ or _named_pact(tok))
        and (
            tok.text[:1].islower()
            or (tok.i > 0 and tok.nbor(-1).text[:1].isupper())  # "a State Visit"
            # "Talks between A and B ended": a sentence's first word is capitalised anyway ("Investments by X
            # have risen" retells no event with its parties)
            or (
                tok.i == tok.sent.start
                and any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in tok.children)
            )
        )
    ):
        if tok.dep_ == "compound":
            return None  # "agreement" in "agreement talks"
        if low == "venture" and not any(c.lower_ == "joint" for c in tok.children):
            return None
        if low in {"stake", "stakes", "holding"} and not (
            tok.head.lower_ in _STAKE_VERBS
            or (tok.head.dep_ in {"xcomp", "pcomp"} and tok.head.head.lower_ in _STAKE_VERBS)
            or (
                tok.head.lower_ in _STAKE_CUTS
                and tok.dep_ == "dobj"
                and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)
            )
        ):
            return None  # "Turkcell's stake in Irancell": a holding, not a purchase
        return _NOUNS[low]
    return None


_PACT_NAMES = {"partnership", "agreement", "accord", "pact", "treaty", "compact"}


def _named_pact(tok) -> bool:
    """ "launched the U.S.-Germany Climate and Energy Partnership": a named partnership launched or signed
    by its parties is their agreement (the name's last word, object of a verb)."""
    return (
        tok.lower_ in _PACT_NAMES
        and tok.ent_iob_ in {"I", "B"}
        and (tok.i + 1 >= len(tok.doc) or tok.nbor(1).ent_iob_ != "I")
        and tok.dep_ in {"dobj", "nsubjpass"}
        and tok.head.tag_.startswith("VB")
    )


_NEGOTIATED_PACTS = {
    *("contract", "contracts", "deal", "deals", "agreement", "agreements", "accord", "settlement"),
}


def find_syntax_events(inp: SyntaxInputs) -> Iterator[SyntaxEvent]:
    """Events in text order, lazily: the resolver may look at what the caller made of earlier ones."""
    doc = inp.doc
    if doc is None or not doc.has_annotation("DEP"):
        return
    actors = _Actors(inp.actors)
    for tok in doc:
        etype = _is_trigger(tok)
        if etype is None:
            continue
        if (
            etype == "meeting"
            and tok.lower_ == "negotiated"
            and tok.dep_ in {"relcl", "acl"}
            and tok.head.lower_ in _NEGOTIATED_PACTS
        ):
            etype = "agreement"  # "the contract the union negotiated with X": the pact made, no meeting told
        if any(bs <= tok.idx < be for bs, be in inp.blocked):
            continue
        if _negated(tok):
            continue
        between: list[str] = []
        if etype == "statement":
            # a body's reaction: the organisations that react (people's opinions are not formal statements)
            parties = [n for n in _subjects(tok, actors, inp) if n not in inp.people]
            if any(c.dep_ == "nsubj" and c.lower_ in _ENVOYS for c in tok.children):
                parties = []  # "executives from X hailed the deal": people's words, not X's formal statement
            speakers = [_speaker_of_own_clause(c) for c in tok.children if c.dep_ == "nsubj"]
            if any(sp is not None and not _np_names(sp, actors, inp) for sp in speakers):
                parties = []  # "the diplomatic mission said it opposes ...": an unnamed speaker, no party
            if parties:
                yield SyntaxEvent(
                    "statement", "held", list(dict.fromkeys(parties)), (tok.idx, tok.idx + len(tok))
                )
            continue
        # a headline's "X teams up with Y" read as a plural noun still has a verb's subject and "with" partner
        if tok.tag_.startswith("VB") or (
            tok.tag_ == "NNS" and _joins_forces(tok) and any(c.dep_ == "nsubj" for c in tok.children)
        ):
            if tok.dep_ in {"amod", "compound"}:
                if tok.lower_ == "visiting" and tok.head != tok:
                    # "said visiting Canadian Minister X": X is on a visit (unless told elsewhere)
                    parties = _np_names(tok.head, actors, inp)
                    if not parties and tok.head.dep_ in {"nmod", "compound"} and tok.head.head != tok.head:
                        # "visiting Canadian Minister of Natural Resources X": the title modifies the name
                        parties = [n for n in _np_names(tok.head.head, actors, inp) if n in inp.people][:1]
                    if parties:
                        yield SyntaxEvent(
                            "visit",
                            "ongoing",
                            parties,
                            (tok.idx, tok.idx + len(tok)),
                            extra={"adjectival": True},
                        )
                continue
            if (
                visitor := _visiting_title(tok, actors, inp.people)
                or _visiting_appositive(tok, actors, inp.people)
            ) is not None:
                # "said visiting Canadian Minister of Natural Resources X": the parser reads the title as
                # what is visited; the named holder is on a visit (unless told elsewhere)
                yield SyntaxEvent(
                    "visit", "ongoing", [visitor], (tok.idx, tok.idx + len(tok)), extra={"adjectival": True}
                )
                continue
            if tok.lower_.startswith("attend") or (tok.lower_ in _SPEAK_AT and _speaks_at_gathering(tok)):
                # who attends together meets; the attended event ("the Partnership ... event") is no party
                parties = _subjects(tok, actors, inp)
                for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                    # "Prime Minister X and Chinese Ambassador to Bangladesh Y attended": a coordination the
                    # parser attached as a preposition still names who attended
                    span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
                    parties += [n for _s, _e, n in actors.overlapping(*span) if n not in parties]
                obj = _object(tok)
                told = obj is not None and any(  # "X attended the meeting": the meeting told before
                    c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in obj.children
                )
                if parties:
                    yield SyntaxEvent(
                        etype,
                        _status(tok),
                        parties,
                        (tok.idx, tok.idx + len(tok)),
                        anaphoric=told and obj.lower_ in {"meeting", "talks", "session", "meetings"},
                        extra={"attend": True},
                    )
                continue
            if tok.lower_ in _SELL_VERBS:
                sale = _sale(tok, actors, inp)
                if sale is not None:
                    yield SyntaxEvent(sale[0], _status(tok), sale[1], (tok.idx, tok.idx + len(tok)))
                continue
            if (
                etype == "investment"
                and tok.dep_ == "pcomp"
                and tok.head.lower_ in {"about", "over", "on", "regarding", "concerning"}
                # "X is to spend 578m euros on buying out Y's minority shareholders": money spent on it
                and not (tok.head.lower_ == "on" and tok.head.head.lower_ in _SPEND)
            ):
                continue  # "talks on Tuesday about buying a stake": what is discussed, not a purchase
            if etype == "investment" and _goods_bought(tok):
                if tok.dep_ == "xcomp" and tok.head.lower_ in _WEIGHING:
                    continue  # "is considering buying aircraft from either X or Y": no order yet
                etype = "agreement"  # "Kingfisher is to buy 10 aircraft from Airbus": an order
            if etype == "investment" and _invests_in_no_venture(tok, actors, inp):
                continue  # "have invested in investigative reporting", "invest in oil fields": no venture
            if tok.lower_ in _BUILT:
                # the builder is a company (a person "by" whom a line is built is a mis-read name)
                builders = [n for n in _prep_objects(tok, {"by"}, actors, inp) if n not in inp.people]
                if builders:
                    yield SyntaxEvent(etype, _status(tok), builders, (tok.idx, tok.idx + len(tok)))
                continue
            if etype == "investment" and not _buyer(tok, actors, inp):
                continue  # "retail investors may buy Air China shares": no named buyer, no investment
            parties = _verb_parties(tok, etype, actors, inp)
            if _MONEY_VERBS.get(tok.lower_) in {"for", "from"} and (obj := _object(tok)) is not None:
                for t in (tok, obj, *_funding_of(obj)):  # "paid $2bn for Y", "raised $50m from X"
                    parties += _prep_objects(t, {_MONEY_VERBS[tok.lower_]}, actors, inp)
            if tok.lower_ in _CALL:
                parties += _prep_objects(tok, {"on"}, actors, inp)  # "will call on President X"
            if tok.lower_ in _TALK_VERBS:
                parties += _prep_objects(tok, {"to"}, actors, inp)  # "X spoke to Y", "had talked to Y"
            noun = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and _is_trigger(c)), None)
        elif tok.lower_ in _ORDER_NOUNS and (verb := _order_verb(tok)) is not None:
            # "BYD received 10 GWh of orders from Tesla": the receiver and whom the order is from
            parties = _subjects(verb, actors, inp)
            parties += _prep_objects(verb, {"from", "to", "with", "by"}, actors, inp)
            t = tok
            for _ in range(4):  # tokens are views: compare positions, not objects
                if t.i == verb.i:
                    break
                parties += _prep_objects(t, {"from", "to", "with", "by"}, actors, inp)
                t = t.head
            for t in tok.subtree:  # "an order of 10 GWh worth of cells from BYD"
                if t.i != tok.i and t.dep_ == "prep" and t.lower_ in {"from", "by"}:
                    parties += _prep_objects(t.head, {t.lower_}, actors, inp)
            parties += _goods_makers(tok, actors, inp)
            noun = tok
        else:
            own = _noun_own_parties(tok, etype, actors, inp)
            if (
                tok.lower_ in {"stake", "stakes"}
                and tok.head.lower_ in _SELL_VERBS
                and not _prep_objects(tok.head, {"to"}, actors, inp)
                and not _prep_objects(tok, {"to"}, actors, inp)
            ):
                continue  # "may sell a 25% stake to an investor": an investment of a named buyer only
            if tok.lower_ in {"acquisition", "purchase"} and any(
                c.dep_ == "prep"
                and c.lower_ == "of"
                and any(_singular(o.lower_) in _GOODS for o in c.children)
                for c in tok.children
            ):
                continue  # "the acquisition of a quantum system": equipment bought, not a company
            if tok.lower_ in {"stake", "stakes"} and tok.dep_ == "dobj":
                own = own or _subjects(tok.head, actors, inp)  # "X will hold a 25% stake in the venture"
            if tok.lower_ in _BIDS or tok.lower_ in _CONTESTS:
                own = own + _bid_parties(tok, actors, inp)  # "a bid for Y": Y is to be bought
            if (
                etype == "investment"
                and not own
                and tok.lower_ in {"investment", "investments"}
                and tok.dep_ == "dobj"
                and tok.head.lower_ in _ANNOUNCE_INVEST
                and any(t.ent_type_ == "MONEY" for t in tok.subtree)
            ):
                own = _subjects(tok.head, actors, inp)  # "X has announced investments worth $1bn in Y"
            if etype == "investment" and not own:
                continue  # "the largest investment in its history": no one named as investing
            if tok.lower_ in {"investment", "investments"} and not _investor(tok, actors, inp):
                continue  # "a UK investment in the Indian brewer": the target alone invests nothing
            between = []
            if etype == "meeting":
                between = _prep_objects(tok, {"between"}, actors, inp)
                if not between and tok.dep_ in {"dobj", "nsubj"} and tok.head != tok:
                    # "mentioned the talks yesterday between A and B"
                    between = _prep_objects(tok.head, {"between"}, actors, inp)
            # "the talks yesterday between Premier A and B": A and B talked, not whoever mentions it
            parties = between if len(between) >= 2 else _noun_parties(tok, etype, actors, inp)
            if tok.lower_ in _BIDS or tok.lower_ in _CONTESTS:
                if not parties:
                    continue  # "to fund a bid for Y": no bidder named, no purchase of anyone's
                parties = parties + _bid_parties(tok, actors, inp)
            noun = tok
            partners = _listed_partners(tok, actors, inp) if etype == "agreement" else []
            later = {n for _s, _e, n in actors.overlapping(tok.idx, tok.sent.end_char)} if partners else set()
            actor = [p for p in dict.fromkeys(parties) if p not in partners and p not in later]
            if partners and not actor:
                # "agreements that X has with A, B and C": X, the subject of the relative clause
                for c in tok.children:
                    if c.dep_ == "relcl":
                        actor = [p for p in _subjects(c, actors, inp) if p not in partners]
            if partners and not actor and inp.resolve is not None:
                actor = [p for p in inp.resolve(tok.idx, "we") if p not in partners]  # a company's own post
            if len(partners) >= 2 and actor:
                # "our partnerships with Le Monde and Prisa Media": one agreement per partner
                status = _status(tok)
                for partner in partners:
                    trigger = (tok.idx, tok.idx + len(tok))
                    yield SyntaxEvent(etype, status, [*actor, partner], trigger, extra={"split": tok.i})
                continue
        parties = list(dict.fromkeys(parties))
        if etype == "agreement" and tok.ent_type_:  # a named pact is no party to itself
            own_name = {name for _s, _e, name in actors.overlapping(tok.idx, tok.idx + len(tok))}
            parties = [p for p in parties if p not in own_name]
        if not parties and etype in {"meeting", "agreement"} and _countries_meet(tok):
            # "Japan and South Korea held talks on fisheries", "Japan and the United States reached agreement
            # on a chip pact": a meeting or pact of countries, no named participant
            yield SyntaxEvent(
                etype, _status(tok), [], (tok.idx, tok.idx + len(tok)), extra={"countries": True}
            )
            continue
        if not parties:
            continue
        anaphoric = noun is not None and any(
            (c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"})
            or (c.dep_ == "poss" and c.tag_ == "PRP$")
            for c in noun.children
        )
        if etype == "agreement" and noun is None:
            # "The Treaty was signed by X and Y": whatever the parser made of the name, "the" retells it
            anaphoric = any(
                c.dep_ == "nsubjpass"
                and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in c.children)
                for c in tok.children
            )
        status = _status(tok)
        if etype == "investment" and (tok.lower_ in _BIDS or tok.lower_ in _CONTESTS):
            status = "planned"  # a bid is an offer to buy: the purchase is still to come
        elif (
            etype == "investment"
            and tok.lower_ in {"investment", "investments"}
            and tok.dep_ == "dobj"
            and tok.head.lower_ in _ANNOUNCE_INVEST - {"make", "makes", "made"}
        ):
            status = "planned"  # "X announced investments worth $1bn in Y": money pledged, still to be spent
        elif (
            etype == "investment"
            and tok.lower_ in _DEAL_NOUNS_AGREED
            and tok.dep_ == "dobj"
            and tok.head.lower_ in _AGREE
            and status == "held"
        ):
            status = "planned"  # "Y said it had agreed a $2bn takeover by X": agreed, not yet completed
        elif etype == "investment" and tok.dep_ in {"xcomp", "advcl"} and tok.head.lower_ in {"bid", "bids"}:
            status = "planned"  # "X has bid $800m to buy Y": an offer, the purchase still to come
        elif tok.dep_ == "pcomp" and tok.head.lower_ == "on" and tok.head.head.lower_ in _SPEND:
            # "is to spend $1bn on buying Y": as the spending is told
            status = _verb_status(tok.head.head)
        if etype == "investment" and tok.lower_ in _FACILITIES and noun is not None and noun.i == tok.i:
            status = "planned" if _FUTURE_RE.search(tok.sent.text) else "held"
        if etype == "agreement" and status == "ongoing" and _joins_forces(tok):
            status = "held"  # "X and Y are joining forces": the tie-up is made
        if etype == "agreement" and status == "planned" and _agreed_before(tok):
            status = "held"  # "X and Y agreed to form a partnership": the agreeing is the event, done
        elif etype == "agreement" and status == "planned" and _contracted_supply(tok):
            status = "held"  # "X will supply batteries to Y": the supply deal is made, the deliveries to come
        elif etype == "meeting" and status == "held" and _going_on_since(tok):
            status = "ongoing"  # "has been negotiating with Time Inc. for six weeks"
        extra = {"arrival": True} if etype == "visit" and _arrival_for_visit(tok) else {}
        if etype == "agreement" and noun is not None and noun.i == tok.i and _won_contract(tok):
            extra["won"] = True  # "X won a contract to build ...": X's contract, whoever awarded it
            if any(c.dep_ == "acl" and c.tag_ == "VB" for c in tok.children):
                anaphoric = False  # "won the contract to build the airport": the contract told here
        if (
            etype == "meeting"
            and len(parties) == 1
            and parties[0] in tok.sent.text
            and (_country_side(tok) or _country_beside(tok, parties[0]))
        ):
            extra["country_side"] = (
                True  # "X held talks with Turkey", "X met Indonesian officials": X's meeting
            )
        if noun is not None and noun.i == tok.i and etype == "meeting" and len(between) >= 2:
            extra["between"] = True
        yield SyntaxEvent(
            etype, status, parties, (tok.idx, tok.idx + len(tok)), anaphoric=anaphoric, extra=extra
        )


_SUPPLY_VERBS = {"supply", "supplies", "supplying", "deliver", "delivers", "provide", "provides"}


def _contracted_supply(verb) -> bool:
    """ "X will supply cells to Y", "X is to supply Y with planes": a plain future of a supply is a
    contract already made; "may supply", "plans to supply", "is in talks to supply" are not."""
    if verb.lower_ not in _SUPPLY_VERBS or not verb.tag_.startswith("VB"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & {"will", "shall", "'ll"}:
        return not (aux & {"may", "might", "could", "would"})
    head = verb.head
    return "to" in aux and verb.dep_ == "xcomp" and head.i != verb.i and head.lower_ in {"is", "are"}


def _going_on_since(verb) -> bool:
    """ "has been negotiating", "have been meeting": begun and not over."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and "been" in aux and bool(aux & {"has", "have", "'s", "'ve"})


_PLURAL_PACTS = {"partnerships", "agreements", "deals", "contracts", "collaborations", "mous", "alliances"}


def _listed_partners(noun, actors, inp) -> list[str]:
    """The partners listed after a plural pact noun: "partnerships with X, Y and Z", "collaborations with
    leading companies, including X and Y". A singular noun ("a partnership with X and Y") is one pact."""
    if noun.lower_ not in _PLURAL_PACTS:
        return []
    names: list[str] = []
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"]
    for c in noun.children:
        if c.dep_ == "relcl" and c.lower_ in {"has", "have", "had", "signed"}:
            # "agreements that X has with A, B and C": the partners hang off the relative clause
            preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            names += _np_names(obj, actors, inp)
            for c in obj.children:  # "companies ..., including X, Y and Z"
                if c.dep_ == "prep" and c.lower_ in {"including", "like"}:
                    names += [n for o in c.children if o.dep_ == "pobj" for n in _np_names(o, actors, inp)]
    return list(dict.fromkeys(names))


def _agreed_before(tok) -> bool:
    t = tok
    for _ in range(3):
        if t.head == t:
            return False
        t = t.head
        if (t.lower_ == "agreed" and t.tag_ in {"VBD", "VBN"}) or (t.lower_ == "agrees" and t.tag_ == "VBZ"):
            # "agreed", "has agreed", a headline's "agrees": done; "will have agreed" is told by its modal
            return not any(c.dep_ == "aux" and c.lower_ in _MODALS_PLANNED for c in t.children)
    return False


# ------------------------------------------------------------------------------------------------ parties


def _np_names(tok, actors: _Actors, inp: SyntaxInputs, depth: int = 0) -> list[str]:
    """Names a noun phrase headed by ``tok`` stands for (conjuncts included)."""
    if depth > 4:
        return []
    names: list[str] = []
    if (
        tok.tag_ in {"PRP", "PRP$"}
        or (
            tok.lower_ in _ANAPHORS
            and tok.text[:1].islower()
            and not tok.ent_type_
            # "the company", "the European bus manufacturer" point back; "a Chinese firm" is someone new
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children)
            and not any(c.dep_ in {"compound", "appos"} and c.text[:1].isupper() for c in tok.children)
        )
    ):
        speaker = _speaker_of_own_clause(tok)
        if speaker is not None and depth == 0:
            names.extend(_np_names(speaker, actors, inp, depth + 1))
            if not names:
                # "Seoul — South Korea's flag carrier Korean Air said it had bought ...": a long appositive
                # chain; the last name inside the speaker's phrase speaks
                edge = speaker.right_edge
                inside = actors.overlapping(speaker.left_edge.idx, edge.idx + len(edge))
                names.extend(n for _s, _e, n in inside[-1:])
        if not names and inp.resolve is not None:
            names.extend(inp.resolve(tok.idx, tok.lower_))
    else:
        tokens = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                # a long list of names ("including A, B, C, D, E, F and G") may hang its tail far off
                reach = 24 if c.dep_ == "appos" and c.ent_type_ in {"ORG", "PERSON"} else 8
                np_dep = c.dep_ in _NP_DEPS or (c.dep_ == "poss" and t.ent_type_ == "PERSON")
                if np_dep and c.i < tok.i + reach:
                    # "GM's Rick Wagoner" speaks for GM
                    tokens.append(c)
                    stack.append(c)
                elif c.dep_ == "prep" and c.lower_ == "of" and t.lower_ in _GENERIC_OF:
                    tokens.extend(c.children)
                elif c.dep_ == "prep" and c.lower_ in {"from", "of"} and t.i == tok.i and t.lower_ in _ENVOYS:
                    # "executives from A, B and C are to meet Y", "negotiators of X": those sent stand for the
                    # bodies that send them (the whole list)
                    for o in c.children:
                        if o.dep_ == "pobj":
                            names.extend(_np_names(o, actors, inp, depth + 1))
                elif c.dep_ == "conj" and t.i != tok.i and not _with_object(tok):
                    # "electronics makers X and Y are joining forces", "the merger of the chains X and Y",
                    # "to companies X, Y and Z": the parser hangs Y off the appositive or modifier X
                    # ("partnered with organisations X and Y" names the partners one by one)
                    tokens.append(c)
                    stack.append(c)
        if tok.text[:1].isupper():
            tokens += of_conjuncts(tok)  # "The Government of X and Y (Z)": Y is named beside the first body
        spans = sorted((t.idx, t.idx + len(t)) for t in tokens)
        for s, e in spans:
            for a_s, a_e, name in actors.overlapping(s, e):
                names.append(name)
                person = _affiliated_person(tok.doc.text, a_s, a_e, name, actors, inp)
                if person:
                    names.append(person)
        if not names and tok.lower_ in _GOVERNING_BODIES and inp.resolve is not None:
            # "X said its board approved a merger with Y": the company acts through its board
            for c in tok.children:
                if c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ in {"its", "their"}:
                    names.extend(inp.resolve(c.idx, c.lower_))
                elif c.dep_ == "poss" and c.tag_ != "PRP$":
                    names.extend(_np_names(c, actors, inp, depth + 1))  # "Y's shareholders approved"
        if not names and tok.lower_ in _LED_GROUPS:
            # "a consortium led by X won the contract": X stands for the group it leads
            for c in tok.children:
                if c.dep_ == "acl" and c.lower_ in {"led", "headed"}:
                    names.extend(_prep_objects(c, {"by"}, actors, inp))
        if (
            not names
            and tok.lower_ in {"firms", "companies", "sides", "partners", "parties", "groups", "pair", "duo"}
            and any(
                (c.dep_ == "det" and c.lower_ in {"the", "both"})
                or (c.dep_ == "nummod" and c.lower_ == "two")
                for c in tok.children
            )
            and inp.resolve is not None
        ):
            names.extend(inp.resolve(tok.idx, "the " + tok.lower_))  # "the two firms", "both sides"
    for c in tok.children:
        if c.dep_ == "conj":
            # a chain of conjuncts ("A, B, C, D, E, F and G") is one list, however long
            names.extend(_np_names(c, actors, inp, max(depth, 1)))
    return list(dict.fromkeys(names))


_LED_GROUPS = {"group", "consortium", "team", "coalition", "alliance", "venture"}
_GOVERNING_BODIES = {"board", "directors", "shareholders", "stockholders"}
# "EC External Relations Commissioner ", "World Bank President ": title words after an organisation
_TITLE_AFTER_ORG_RE = re.compile(r"(?:\s+[A-Z][\w.&'’-]*){1,5}\s+")


def _affiliated_person(
    text: str, s: int, e: int, name: str, actors: _Actors, inp: SyntaxInputs
) -> str | None:
    """ "talks between Minister A and EC External Relations Commissioner B": the parser may hang B off
    elsewhere and keep only "EC"; an organisation followed by a title and a person's name is that person's
    affiliation, and the person takes part (the organisation stays: a company acts through its chief)."""
    if name in inp.people or not inp.people:
        return None
    for b_s, _b_e, other in actors.overlapping(e, e + 70):
        if b_s < e:
            continue
        if other in inp.people and _TITLE_AFTER_ORG_RE.fullmatch(text, e, b_s):
            return other
        return None
    return None


_SAY = {
    *("say", "says", "said", "announce", "announces", "announced", "confirm", "confirms", "confirmed"),
    *("state", "states", "stated", "add", "adds", "added", "report", "reports", "reported", "reveal"),
    *("reveals", "revealed", "disclose", "discloses", "disclosed", "indicate", "indicates", "indicated"),
}


def _speaker_of_own_clause(tok):
    """ "X said it was buying Y", "X announced it would invest": the pronoun subject of what X says is X."""
    if tok.dep_ != "nsubj" or tok.lower_ not in {"it", "he", "she", "they"}:
        return None
    verb = tok.head
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.lower_ not in _SAY:
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ in {"PRP", "WP", "WDT"}:
        return None
    return subj


def _with_object(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.i != tok.i and tok.head.lower_ == "with"


def _prep_objects(tok, preps: set[str], actors, inp) -> list[str]:
    names: list[str] = []
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            for obj in c.children:
                if obj.dep_ in {"pobj", "pcomp"} and not _is_trigger(obj):
                    names.extend(_np_names(obj, actors, inp))
    return names


_GLAD = {"pleased", "delighted", "excited", "proud", "happy", "thrilled", "honored", "honoured", "glad"}
_PLAN_NOUNS = {"plan", "plans", "intention", "intentions", "decision", "proposal", "proposals"}


def _subjects(verb, actors, inp, depth: int = 0) -> list[str]:
    if depth > 3:
        return []
    names: list[str] = []
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            if c.dep_ == "nsubjpass" and _is_trigger(c):
                continue  # "an agreement was signed": the noun is the event, not a party
            names.extend(_np_names(c, actors, inp))
    if names or any(
        c.dep_ in {"nsubj", "csubj"} and c.tag_ not in {"WP", "WDT", "PRP"} and c.lower_ != "that"
        for c in verb.children
    ):
        return names  # "Xi offered loans and the countries signed": the countries' own subject, unnamed
    if verb.dep_ in {"xcomp", "advcl"} and verb.head != verb and verb.head.lower_ in _APPEAL_VERBS:
        return []  # "urged Kuwaiti businessmen to invest": whoever appeals does not invest
    if verb.dep_ == "xcomp" and verb.head != verb:
        # object control: "encourages Chinese firms to invest" -> the firms, not who encourages
        objects = [c for c in verb.head.children if c.dep_ in {"dobj", "dative"}]
        if objects:
            return [n for o in objects for n in _np_names(o, actors, inp)]
        return _subjects(verb.head, actors, inp, depth + 1)
    if verb.dep_ in {"conj", "advcl"} and verb.head != verb and verb.head.tag_.startswith("VB"):
        # "said ... that X signed" is not climbed (ccomp): the speaker is no party
        return _subjects(verb.head, actors, inp, depth + 1)
    if verb.dep_ == "acomp" and verb.lower_ in _GLAD and verb.head.i != verb.i and verb.head.tag_[:2] == "VB":
        # "X is pleased to announce a partnership with Y", "X is proud to sign": the adjective's subject is
        # the copula's (not "was willing to buy", "is close to striking a deal": no act yet)
        return _subjects(verb.head, actors, inp, depth + 1)
    if (
        verb.dep_ == "acl"
        and verb.head != verb
        and verb.head.lower_ in _PLAN_NOUNS
        and verb.head.dep_ == "dobj"
        and verb.head.head.tag_.startswith("VB")
    ):
        # "X and Y announced plans to form a joint venture": who has the plans does it
        return _subjects(verb.head.head, actors, inp, depth + 1)
    if verb.dep_ in {"relcl", "acl"} and verb.head != verb and not _is_trigger(verb.head):
        return _np_names(verb.head, actors, inp)  # "the company, which signed ..."
    if verb.dep_ == "pcomp" and verb.head.head != verb.head:
        return _subjects(verb.head.head, actors, inp, depth + 1)  # "after signing ..."
    return names


def _verb_parties(verb, etype: str, actors, inp) -> list[str]:
    names = _subjects(verb, actors, inp)
    if (
        verb.dep_ in {"advcl", "acl"}
        and any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
        and verb.head.dep_ == "dobj"
        and verb.head.head.i != verb.head.i
    ):
        # "reached an agreement with Y to buy its unit", read as "with Y to buy": who made the agreement buys
        names = _subjects(verb.head.head, actors, inp) + names
    names += _prep_objects(verb, _PARTY_PREPS[etype] | {"by"}, actors, inp)
    for c in verb.children:
        if c.dep_ == "dative" and c.lower_ in _PARTY_PREPS[etype]:
            # "is to supply engines to Y", the "to" read as a dative: Y is the other side
            names += [n for o in c.children if o.dep_ == "pobj" for n in _np_names(o, actors, inp)]
            continue
        if c.dep_ in {"dobj", "dative", "attr"}:
            if _is_trigger(c):
                names += _noun_own_parties(c, _is_trigger(c) or etype, actors, inp)
            else:
                names += _np_names(c, actors, inp)
                names += _prep_objects(c, _PARTY_PREPS[etype], actors, inp)
                if etype == "investment" and c.dep_ == "dobj":
                    # "will buy Y's valve unit": the owner of what is bought takes part
                    names += [n for cc in c.children if cc.dep_ == "poss" for n in _np_names(cc, actors, inp)]
                if etype == "investment" and c.lower_ in _PERCENT_WORDS:
                    names += _shares_owner(c, actors, inp)
    return names


_PERCENT_WORDS = {"pct", "percent", "%", "per", "cent"}


def _shares_owner(amount, actors, inp) -> list[str]:
    """ "acquired 6.2 pct of Y's common stock", "bought 5 pct of Y's shares": whose shares they are."""
    names: list[str] = []
    for p in amount.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj" and o.lower_ in _SHARE_NOUNS | _HOLDINGS:
                    for c in o.children:
                        if c.dep_ == "poss":
                            names += _np_names(c, actors, inp)
    return names


def _buyer(verb, actors, inp) -> list[str]:
    """Who buys or invests: the active subject, or the agent of a passive ("was acquired by X")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return _prep_objects(verb, {"by"}, actors, inp)
    return _subjects(verb, actors, inp)


def _investor(noun, actors, inp) -> list[str]:
    """Who invests, as the noun phrase says it ("X's investment", "the Fosters investment", "investment
    by X") or as the clause does ("X announced an investment")."""
    names: list[str] = []
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in {"compound", "nmod", "amod"} and c.i < noun.i):
            names += _np_names(c, actors, inp)
    names += _prep_objects(noun, {"by", "from"}, actors, inp)
    if noun.dep_ in {"dobj", "attr"} and noun.head != noun:
        names += _subjects(noun.head, actors, inp)
    return names


_ACQUIRE_VERBS = {"acquire", "acquires", "acquired", "acquiring", "order", "orders", "ordered", "ordering"}


def _makers_of(obj, actors, inp) -> list[str]:
    """ "a deal to purchase 30 of Boeing's 787-9 jets", "to buy Aerion's A950 jets": the maker whose goods are
    bought is the seller."""
    heads = [obj, *(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)]
    return [
        n
        for h in heads
        if _singular(h.lower_) in _GOODS or h.tag_ == "CD" or h.dep_ == "pobj"
        for c in h.children
        if c.dep_ == "poss"
        for n in _np_names(c, actors, inp)
    ]


_HOLDINGS = {"stake", "stakes", "holding", "holdings", "share", "shares", "interest"}


def _noun_own_parties(noun, etype: str, actors, inp) -> list[str]:
    names: list[str] = []
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in {"compound", "nmod", "amod"} and c.i < noun.i):
            names += _np_names(c, actors, inp)
        elif c.dep_ in {"acl", "relcl"} and c.tag_.startswith("VB"):
            # "a deal to supply Peugeot", "an agreement to build a plant with X"
            for cc in c.children:
                if cc.dep_ in {"dobj", "dative"}:
                    names += _np_names(cc, actors, inp)
                    if c.lower_ in _BUY_VERBS or c.lower_ in _ACQUIRE_VERBS:
                        names += _makers_of(cc, actors, inp)
            names += _prep_objects(c, {"with", "between", "in", "from"}, actors, inp)
        elif c.dep_ == "prt" and noun.tag_ == "NNS":
            names += _prep_objects(c, {"with"}, actors, inp)  # "X teams up with Y" read as a noun
    names += _prep_objects(noun, _PARTY_PREPS[etype], actors, inp)
    if etype == "investment" and noun.lower_ == "sale":
        names += _prep_objects(noun, {"to"}, actors, inp)  # "the sale of its unit to Y": Y buys
    if etype == "investment":
        # "the purchase of a 40% stake in Y": the company whose stake is bought
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj" and o.lower_ in _HOLDINGS:
                        names += _prep_objects(o, {"in", "of"}, actors, inp)
    if noun.lower_ in _ORDER_NOUNS:
        names += _goods_makers(noun, actors, inp)
    return names


def _goods_makers(noun, actors, inp) -> list[str]:
    """ "placed an order for 10 Airbus A380 jets", "an order for 30 of Boeing's jets": the maker named in the
    goods ordered (a name compounded into them or their possessor) is the seller."""
    names: list[str] = []
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ != "for":
            continue
        for obj in p.children:
            if obj.dep_ != "pobj" or not (
                _singular(obj.lower_) in _GOODS or any(c.dep_ == "nummod" for c in obj.children)
            ):
                continue
            for c in obj.children:
                if c.dep_ in {"compound", "nmod", "amod"} and c.i < obj.i:
                    names += _np_names(c, actors, inp)
            names += _makers_of(obj, actors, inp)
    return names


def _headline_subject(tok) -> bool:
    """A proper name that heads a verbless headline ("Fiat and GM in talks over takeover"): the root of its
    sentence, or a name set beside the root ("X, Y in talks")."""
    if tok.tag_ not in {"NNP", "NNPS"}:
        return False
    while tok.dep_ in {"appos", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ROOT" and tok.tag_ in {"NNP", "NNPS"}


def _noun_parties(noun, etype: str, actors, inp) -> list[str]:
    names = _noun_own_parties(noun, etype, actors, inp)
    head = noun.head
    if noun.dep_ in {"dobj", "attr", "oprd"} and head != noun:
        if head.lower_ in _VERBS and _VERBS[head.lower_] == etype:
            return []  # "signed an agreement": the verb is the trigger, its parties are read there
        names = _subjects(head, actors, inp) + names
        names += _prep_objects(head, _PARTY_PREPS[etype], actors, inp)
        for c in noun.children:
            if c.dep_ == "acl" and c.lower_ in {"valued", "worth", "priced"}:
                # "was awarded a contract valued at $8m by Y": the parser hangs the agent on "valued"
                names += _prep_objects(c, {"by"}, actors, inp)
        for c in noun.children:
            if c.dep_ in {"advcl", "acl"} and any(
                m.dep_ == "mark" and m.lower_ == "with" for m in c.children
            ):
                # "an agreement in principle with Y to buy ...", read as "with Y to buy": Y is the partner
                names += [n for s in c.children if s.dep_ == "nsubj" for n in _np_names(s, actors, inp)]
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head != head:
        verb = head.head
        if head.lower_ in {"in", "into"} and verb.tag_.startswith("VB"):
            names = _subjects(verb, actors, inp) + names  # "X is in talks with Y", "entered into talks"
            if any(c.dep_ == "agent" for c in verb.children):
                names = (
                    _prep_objects(verb, {"by"}, actors, inp) + names
                )  # "the pattern set by X in deals with Y"
        elif head.lower_ == "in" and _headline_subject(verb):
            # a headline without its verb: "X and Y in $6bn gas deal", "X, Y in talks over merger"
            root = verb
            while root.dep_ in {"appos", "conj"} and root.head.i != root.i:
                root = root.head
            names = _np_names(root, actors, inp) + names
        elif head.lower_ == "at" and verb.tag_.startswith("VB") and etype == "meeting":
            names = _subjects(verb, actors, inp) + names  # "X, speaking at a news conference with Y"
        elif _arrival_for_visit(noun):
            names = _subjects(verb, actors, inp) + names  # "Jasray, who arrived today for a visit"
        elif head.lower_ in {"during", "on", "at"} and verb.tag_.startswith("VB"):
            names = names or _subjects(verb, actors, inp)
        elif (
            head.lower_ in {"through", "via", "under"}
            and verb.tag_.startswith("VB")
            and etype == "agreement"
            and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
        ):
            # "X will open stores through a joint venture with Y", "under a new partnership with Y": X is a
            # party ("Under the agreement, it will supply ..." retells a pact told before)
            names = _subjects(verb, actors, inp) + names
    elif (
        noun.dep_ == "nsubj"
        and head.dep_ in {"ccomp", "xcomp"}
        and head.head != head
        and head.head.tag_.startswith("VB")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    ):
        # "X and Y announced a partnership to develop batteries", parsed as the subject of "to develop": the
        # pact is the object of "announced"
        verb = head.head
        names = _subjects(verb, actors, inp) + names + _prep_objects(verb, _PARTY_PREPS[etype], actors, inp)
    elif noun.dep_ in {"nsubjpass", "nsubj"}:
        names += _prep_objects(head, {"by", "between", "with"}, actors, inp)  # "was signed by X and Y"
    elif noun.dep_ == "appos" and noun.lower_ in _FACILITIES and head != noun:
        names = _np_names(head, actors, inp) + names  # "CATT, CATL's first plant outside China, has ..."
    elif noun.dep_ == "conj" and head.tag_.startswith("VB") and noun.lower_ in {"partner", "partners"}:
        names = _subjects(head, actors, inp) + names  # "X invests in and partners with Y"
    for c in noun.children:
        if c.dep_ == "compound" and c.tag_ in {"VBP", "VBZ", "VBD"}:
            # a headline's "X and Y announce partnership to ...", the verb read as a modifier of the noun
            # with its own subject: who announces makes the pact
            names = _subjects(c, actors, inp) + names
    return names


# ------------------------------------------------------------------------------------------------ status


_BACKGROUND_MARKS = {"since", "because", "although", "though", "if", "unless", "until", "whether", "once"}


def _negated(tok) -> bool:
    """No event: negated ("did not sign"), denied, conditional or background ("since they signed", "if
    they sign"), or only what someone should do ("GM should invest")."""
    if any(c.dep_ == "aux" and c.lower_ in {"should", "must", "ought"} for c in tok.children):
        return True
    if tok.tag_.startswith("VB") and any(
        c.dep_ == "aux" and c.lower_ in {"could", "might", "may"} for c in tok.children
    ):
        return True  # "ONGC could invest in gas fields", "a period WATL might purchase": only possible
    if tok.dep_ in {"xcomp", "ccomp", "pcomp"} and tok.head.lower_ in _WEIGHING:
        return True  # "is considering investing in Turkey", "is exploring buying a stake": only weighed
    chain = [tok, tok.head] if tok.dep_ in {"dobj", "pobj", "xcomp", "nsubjpass", "nsubj"} else [tok]
    if tok.dep_ == "pobj":
        chain.append(tok.head.head)
    for t in chain:
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children):
            return True
        if t.lower_ in _NOT_EVENT_HEADS:
            return True
    if _standing_relation(tok):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


# the parse carries no lemmas: every form of the verbs of weighing a step
_WEIGHING = {
    *("consider", "considers", "considered", "considering", "mull", "mulls", "mulled", "mulling"),
    *("weigh", "weighs", "weighed", "weighing", "explore", "explores", "explored", "exploring"),
    *("contemplate", "contemplates", "contemplated", "contemplating", "eyeing", "eyes", "eyed"),
}
_RELATION_NOUNS = {
    "partnership",
    "partnerships",
    "collaboration",
    "collaborations",
    "cooperation",
    "alliance",
}
_RELATION_VERBS = {
    *("deepen", "deepens", "deepened", "deepening", "strengthen", "strengthens", "strengthened", "enhance"),
    *("enhances", "enhanced", "bolster", "bolsters", "bolstered", "elevate", "elevates", "elevated"),
    *("reaffirm", "reaffirms", "reaffirmed", "upgrade", "upgrades", "upgraded"),
}


def _standing_relation(tok) -> bool:
    """A partnership as a manner or a standing tie, not as something made: "is being advanced in
    partnership with X", "committed to deepen our Major Defense Partnership"."""
    if tok.lower_ not in _RELATION_NOUNS or not tok.tag_.startswith("NN"):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "in" and not any(c.dep_ == "det" for c in tok.children):
        return True  # "in partnership with", "in collaboration with"
    return tok.dep_ == "dobj" and head.lower_ in _RELATION_VERBS


_ARRIVE = {"arrive", "arrives", "arrived", "arriving", "come", "comes", "came", "flew", "flies", "landed"}


def _arrival_for_visit(noun) -> bool:
    """ "arrived in Beijing today for a four-day visit", "came to China on an official visit": the
    visitor is whoever arrived."""
    head = noun.head
    return (
        noun.lower_ in {"visit", "trip", "tour"}
        and noun.dep_ == "pobj"
        and head.lower_ in {"for", "on"}
        and head.head.i != head.i
        and head.head.lower_ in _ARRIVE
    )


def _status(tok) -> str:
    if tok.tag_.startswith("NN") and _arrival_for_visit(tok):
        # written while the visitor is there: ongoing, unless the arrival is still to come
        return "planned" if _verb_status(tok.head.head) == "planned" else "ongoing"
    if tok.tag_.startswith("NN"):
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_ in _PLANNED_MODIFIERS:
                return "planned"
            if c.dep_ in {"amod", "compound"} and c.lower_ in {"ongoing", "continuing"}:
                return "ongoing"
        head = tok.head
        if (
            tok.dep_ == "pobj"
            and head.lower_ in {"in", "during", "amid"}
            and tok.lower_
            in {
                "talks",
                "negotiations",
                "visit",
                "trip",
                "tour",
            }
        ):
            return "ongoing" if not _past(head.head) or head.lower_ == "in" else "held"
        verb = head if tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} else None
        if verb is None and tok.dep_ == "pobj":
            verb = head.head
        return _verb_status(verb) if verb is not None and verb.tag_.startswith("VB") else "held"
    return _verb_status(tok)


def _past(verb) -> bool:
    return verb.tag_ in {"VBD", "VBN"}


def _verb_status(verb, depth: int = 0) -> str:
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in _MODALS_PLANNED for a in aux):
        return "planned"
    if verb.tag_ == "VBG" and any(a.lower_ in {"is", "are", "am", "'s", "'re"} for a in aux):
        return "ongoing"
    # "agreed to buy", "agreed to be acquired by X": an infinitive, active or passive
    if (verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(a.lower_ == "be" for a in aux))) and any(
        a.lower_ == "to" for a in aux
    ):
        head = verb.head
        if head != verb and head.lower_ in {"is", "are", "am"} and verb.dep_ == "xcomp":
            return "planned"  # "S&N is to buy 37.5% of United"
        if head != verb and head.lower_ in _OFFER_VERBS:
            return "planned"  # "X offered to buy Y": an offer, the purchase still to come
        if head == verb and any(
            c.dep_ == "nsubj" and c.text[:1].isupper() and _is_trigger(c) is None for c in verb.children
        ):
            # a headline's "Acme Corp to buy Beta unit" (not "X partners with Y to provide ...", the verb
            # read as a noun subject: the partnership is made)
            return "planned"
        if (
            verb.dep_ in {"acl", "relcl"}
            and head.dep_ == "ROOT"
            and head.tag_ in {"NNP", "NNPS"}
            and _is_trigger(head) is None
        ):
            return "planned"  # "Acme Corp (ACM) to buy Beta unit": the name heads the headline
        if head != verb and (head.lower_ in _PLANNING or head.lower_ in {"agreed", "agree", "agrees"}):
            if head.lower_ in {"agreed"} and depth == 0:
                return "planned"
            return (
                "planned" if _verb_status(head, depth + 1) != "held" or head.lower_ in _PLANNING else "held"
            )
        if head != verb and head.tag_ in {"NN", "NNS"}:
            return "planned"  # "plans to invest", "a deal to supply" is told by the head noun's verb
    if verb.lower_ in _PLANNING and depth > 0:
        return "planned"
    if verb.dep_ in {"xcomp", "ccomp"} and depth < 2 and verb.head != verb and verb.head.lower_ in _PLANNING:
        return "planned"
    return "held"
