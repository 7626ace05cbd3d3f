"""People: name mentions, clustering into persons, surname/diacritic coreference and pronouns.

* A full name ("Mehmet Fatih Kacır") founds a person; a shorter name that is a part of it ("Fatih Kacır")
  joins it.
* A lone surname joins the person whose surname it is, diacritics ignored ("Kacır", "Kacir"). Chinese
  names put the family name first ("Yin Hejun" -> "Yin").
* The canonical name keeps the original diacritics; aliases are the other surface forms seen.
* Pronouns ("he said", "his visit") resolve to the last salient person: the first person named in the
  nearest sentence that names one (the subject, in news prose), or earlier in the same sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .gazetteer import fold

# Common Chinese family names (pinyin), for "family name first" order.
CHINESE_SURNAMES = frozenset(
    [
        "Wang",
        "Li",
        "Zhang",
        "Liu",
        "Chen",
        "Yang",
        "Huang",
        "Zhao",
        "Wu",
        "Zhou",
        "Xu",
        "Sun",
        "Ma",
        "Zhu",
        "Hu",
        "Guo",
        "He",
        "Gao",
        "Lin",
        "Luo",
        "Zheng",
        "Liang",
        "Xie",
        "Song",
        "Tang",
        "Han",
        "Feng",
        "Deng",
        "Cao",
        "Peng",
        "Zeng",
        "Xiao",
        "Tian",
        "Dong",
        "Pan",
        "Yuan",
        "Cai",
        "Jiang",
        "Yu",
        "Du",
        "Ye",
        "Cheng",
        "Wei",
        "Su",
        "Lu",
        "Ding",
        "Ren",
        "Yao",
        "Shen",
        "Jin",
        "Yin",
        "Fu",
        "Zhong",
        "Wen",
        "Xi",
        "Qin",
        "Lei",
        "Bai",
        "Hou",
        "Kong",
        "Qiu",
        "Shi",
        "Meng",
        "Long",
        "Wan",
        "Duan",
        "Hao",
        "Yan",
        "Gu",
        "Mao",
        "Qian",
        "Dai",
        "Fan",
        "Fang",
        "Tan",
        "Zou",
        "Xiong",
        "Jia",
        "Xue",
        "Lyu",
        "Wan",
        "Zhuang",
        "Ning",
        "Ou",
        "Kang",
        "Ni",
        "Niu",
        "Hong",
        "Bao",
        "Ji",
        "Geng",
        "Shao",
        "Yi",
        "Chang",
        "Mu",
        "Xiang",
        "Lai",
        "Qi",
        "Sheng",
        "Liao",
        "Zhan",
        "Ai",
        "Qu",
        "Zuo",
        "Shu",
        "An",
        "Che",
        "Ge",
        "Pang",
        "Yue",
        "Zhai",
    ]
)


def span_key(item: tuple) -> tuple[int, int]:
    """Sort key of a (start, end, record) item: by offsets only. Two names read at the same offsets (an
    organisation found twice) must not fall back to comparing the records, which have no order."""
    return item[0], item[1]


_PRONOUNS = re.compile(r"\b(?:he|He|she|She|his|His|her|Her|him|Him)\b")


@dataclass
class Person:
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    country: str | None = None
    positions: list[dict] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions)

    def key_tokens(self) -> set[str]:
        words = self.name.split()
        if len(words) < 2:
            return {fold(w) for w in words}
        keys = {fold(words[-1])}
        if words[0] in CHINESE_SURNAMES and len(words) in (2, 3):
            keys.add(fold(words[0]))
        return keys


def cluster_people(text: str, mentions: list[tuple[int, int]]) -> list[Person]:
    """Group name mentions (sorted or not) into persons."""
    mentions = sorted(set(mentions))
    people: list[Person] = []
    by_full: dict[str, Person] = {}
    singles: list[tuple[int, int]] = []
    # full names first, longest first, so shorter forms join the longer
    multi = sorted((m for m in mentions if len(text[m[0] : m[1]].split()) >= 2), key=lambda m: -(m[1] - m[0]))
    for s, e in multi:
        surface = text[s:e]
        words = [fold(w) for w in surface.split()]
        target = None
        for person in people:
            pwords = [fold(w) for w in person.name.split()]
            if _is_subsequence(words, pwords):
                target = person
                break
        if target is None:
            target = Person(name=surface)
            people.append(target)
            by_full[fold(surface)] = target
        _add_mention(target, text, s, e)
    for m in mentions:
        if len(text[m[0] : m[1]].split()) < 2:
            singles.append(m)
    for s, e in singles:
        surface = text[s:e]
        key = fold(surface)
        candidates = [p for p in people if key in p.key_tokens()]
        if not candidates:
            candidates = [
                p for p in people if key in {fold(w) for w in p.name.split()} and len(p.name.split()) > 1
            ]
        if candidates:
            # the most recently mentioned candidate before this mention
            target = max(candidates, key=lambda p: max((ms for ms, _ in p.mentions if ms < s), default=-1))
        else:
            target = next((p for p in people if fold(p.name) == key), None)
            if target is None:
                target = Person(name=surface)
                people.append(target)
        _add_mention(target, text, s, e)
    people.sort(key=lambda p: p.first)
    return people


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _add_mention(person: Person, text: str, s: int, e: int) -> None:
    if (s, e) not in person.mentions:
        person.mentions.append((s, e))
    surface = text[s:e]
    if surface != person.name and surface not in person.surfaces:
        person.surfaces.append(surface)


def extra_surname_mentions(text: str, people: list[Person], taken: list[tuple[int, int]]) -> None:
    """Add every capitalised occurrence of a person's surname (any diacritics) that NER missed."""
    keys: dict[str, Person] = {}
    for p in people:
        if len(p.name.split()) < 2:
            continue
        for k in p.key_tokens():
            if len(k) >= 3:
                keys.setdefault(k, p)
    if not keys:
        return
    taken_sorted = sorted(taken)
    for m in re.finditer(r"(?<![\w-])[^\W\d_][\w'’-]*", text):
        word = m.group()
        if not word[0].isupper():
            continue
        base = re.sub(r"['’]s$", "", word)
        person = keys.get(fold(base))
        if person is None:
            continue
        span = (m.start(), m.start() + len(base))
        i = bisect.bisect_right(taken_sorted, (span[1], span[1]))
        if any(s < span[1] and span[0] < e for s, e in taken_sorted[max(0, i - 8) : i + 1]):
            continue
        _add_mention(person, text, *span)


@dataclass
class MentionIndex:
    """Person mentions in text order, for pronoun resolution and participants."""

    starts: list[int]
    items: list[tuple[int, int, Person]]

    @classmethod
    def build(cls, people: list[Person]) -> MentionIndex:
        items = sorted(((s, e, p) for p in people for s, e in p.mentions), key=span_key)
        return cls([s for s, _, _ in items], items)

    def in_range(self, start: int, end: int) -> list[tuple[int, int, Person]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            out.append(self.items[i])
            i += 1
        return out


def resolve_pronoun(pos: int, sentences: list[tuple[int, int]], index: MentionIndex) -> Person | None:
    """The person a pronoun at ``pos`` refers to: the first person named earlier in the same sentence, or
    else the first person named in the nearest earlier sentence that names one."""
    si = bisect.bisect_right([s for s, _ in sentences], pos) - 1
    if si < 0:
        return None
    s_start, _ = sentences[si]
    here = index.in_range(s_start, pos)
    if here:
        return here[0][2]
    for j in range(si - 1, max(-1, si - 6), -1):
        found = index.in_range(*sentences[j])
        if found:
            return found[0][2]
    return None


def pronoun_positions(text: str, start: int, end: int) -> list[int]:
    return [start + m.start() for m in _PRONOUNS.finditer(text[start:end])]
