"""The one catalogue of the investment engine's explanations: message key → English template (translated
through gettext) and how each parameter is shown (a country's name, a percentage, a date in the reader's
locale, a parameter's or code's label, a nested explanation).

The engine (`kopru.invest.economics`) returns `Explanation(key, params)` and never a sentence; pages, the
report and the PDF call `render` (template filter `explain`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext

from kopru.core.models import Sector
from kopru.invest import l10n
from kopru.invest.economics.explanations import Explanation
from kopru.invest.economics.messages import TEMPLATES
from kopru.invest.labels import DONE_LABELS, REGION_LABELS, SEEKS_LABELS, code_label, parameter_label


def _shown(value: Any, how: str | None) -> str:
    if isinstance(value, Explanation):
        return render(value)
    if value is None:
        return "—"
    if how == "country":
        return l10n.country(str(value))
    if how == "percent":
        return l10n.percent(value, 1)
    if how == "percent0":
        return l10n.percent(value, 0)
    if how == "parameter":
        return parameter_label(str(value))
    if how == "code":
        return code_label(value)
    if how == "list":
        return l10n.listing(value)
    if how == "countries":
        return l10n.listing(l10n.country(code) for code in value)
    if how in ("sector", "sectors"):
        return _sector_names((value,) if how == "sector" else value)
    if how == "regions":
        return l10n.listing(str(REGION_LABELS.get(code, code)) for code in value)
    if how == "seeks":
        return str(SEEKS_LABELS.get(value, value))
    if how == "done":
        return l10n.listing(str(DONE_LABELS.get(code, code)) for code in value)
    if how == "musd":
        return gettext("USD %(amount)s million") % {"amount": l10n.number(value, 0 if value >= 1 else 1)}
    if how == "decimal2":
        return l10n.number(value, 2)
    if how == "text":
        return str(value)
    if isinstance(value, dt.date):
        return l10n.date(value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float):
        return l10n.number(value, 0 if float(value).is_integer() else 2)
    if isinstance(value, tuple | list):
        return l10n.listing(value)
    return str(value)


def _sector_names(codes) -> str:
    """Sector codes (`ev`, `battery`) as the sectors' names in the reader's language."""
    codes = [str(code) for code in codes]
    if not codes:
        return gettext("no sector")
    names = {sector.code: str(sector) for sector in Sector.objects.filter(code__in=codes)}
    return l10n.listing(names.get(code, code) for code in codes)


def render(explanation: Explanation | str | None) -> str:
    """The explanation as a sentence in the active language (a plain string passes through)."""
    if explanation is None:
        return ""
    if not isinstance(explanation, Explanation):
        return str(explanation)
    if explanation.key == "data.note":  # written in the rule data: shown as written
        return str(explanation.params.get("text", ""))
    template, formats = TEMPLATES[explanation.key]
    return gettext(template) % {
        name: _shown(value, formats.get(name)) for name, value in explanation.params.items()
    }
