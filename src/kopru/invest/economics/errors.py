"""The one error type for bad input: it names the field so a CLI or form can point at it."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input or a question the rules cannot answer (never answered with a silent zero)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
