"""Small helpers shared by the investment views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError


def report_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def form_status(request) -> int:
    """400 for a re-rendered form after a failed POST, 200 otherwise."""
    return 400 if request.method == "POST" else 200
