"""What the engine says about a result, as a message key and its parameters, never as an English sentence.

The Django layer (`kopru.invest.explanations`) holds one catalogue of templates for these keys and renders
them in the reader's language, with numbers, percentages, dates and country names in the reader's locale.
A parameter may itself be an `Explanation` (a consequence inside a risk statement); `text` parameters of
the key `data.note` carry notes written in the rule data files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Explanation:
    key: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "params": {name: _plain(value) for name, value in self.params.items()}}

    def __str__(self) -> str:
        # a developer's view (CLI text output): the key and its parameters, not a sentence
        if not self.params:
            return self.key
        return f"{self.key}: " + ", ".join(f"{name}={_shown(value)}" for name, value in self.params.items())


def explain(key: str, **params: Any) -> Explanation:
    return Explanation(key, params)


def data_note(text: str | None) -> Explanation | None:
    """A note written in the rule data (kept as written), or None when there is none."""
    return Explanation("data.note", {"text": text}) if text else None


def _plain(value: Any) -> Any:
    if isinstance(value, Explanation):
        return value.to_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _shown(value: Any) -> str:
    if isinstance(value, Explanation):
        return f"({value})"
    if isinstance(value, tuple | list):
        return "[" + "; ".join(_shown(item) for item in value) + "]"
    return str(value)
