"""The one error type for bad input: it names the field so a CLI or form can point at it.

The problem itself is an `Explanation` (a message key of `messages.TEMPLATES` and its parameters), so the
Django layer can say it in the reader's language; `message` and `str(error)` stay the plain English sentence
that the command-line tools print."""

from __future__ import annotations

from kopru.invest.economics.explanations import Explanation, explain
from kopru.invest.economics.messages import english


class InputError(ValueError):
    """Bad input or a question the rules cannot answer (never answered with a silent zero).

    `problem` is an `Explanation`; a plain string (a parser's own text, a file path) is kept as written
    under the key `error.text`."""

    def __init__(self, field: str, problem: Explanation | str) -> None:
        self.field = field
        self.explanation = (
            problem if isinstance(problem, Explanation) else explain("error.text", text=problem)
        )
        self.message = english(self.explanation)
        super().__init__(f"{field}: {self.message}")

    def __reduce__(self):
        return (type(self), (self.field, self.explanation))


def bad_input(field: str, key: str, **params) -> InputError:
    """`raise bad_input("plant.capex", "error.not_negative", value=-3)`: the error for a message key."""
    return InputError(field, explain(key, **params))
