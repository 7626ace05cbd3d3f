"""Deals suggested by documents: the intelligence app calls this when an officer accepts an investment
event."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import Visibility
from kopru.core.models import Document, Sector
from kopru.core.text import fold
from kopru.invest.domain.companies import resolve_company
from kopru.invest.domain.deals import create_deal
from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.enums import CapacityUnit
from kopru.invest.models import Deal
from kopru.invest.validators import province_rows

# Extraction-contract event status -> stage code of the default pipeline. A "held" investment event is
# one that happened (an agreement signed, a plant announced as decided); "ongoing" is being built.
STAGE_FOR_STATUS = {"held": "agreement_signed", "ongoing": "under_construction", "planned": "negotiation"}
_UNITS = {unit.value.lower(): unit.value for unit in CapacityUnit}
_UNIT_ALIASES = {
    "vehicles/year": "vehicles/yr",
    "vehicles per year": "vehicles/yr",
    "gwh/year": "GWh/yr",
    "gwh": "GWh/yr",
    "units/year": "units/yr",
    "doses/year": "doses/yr",
    "tonnes/year": "tonnes/yr",
}


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(
            {"date": _("“%(value)s” is not a YYYY-MM-DD date.") % {"value": value}}
        ) from None


def _amount(raw) -> tuple[Decimal | None, str]:
    if not raw:
        return None, "USD"
    try:
        value = float(raw["value"])
        currency = str(raw.get("currency") or "USD").upper()
    except (KeyError, TypeError, ValueError):
        raise ValidationError(
            {"amount": _("Expected {value, currency}, got %(raw)s.") % {"raw": raw}}
        ) from None
    if value < 0 or len(currency) != 3:
        raise ValidationError({"amount": _("Expected a positive amount and a currency code.")})
    return (Decimal(str(round(value / 1e6, 2))), currency)


def _capacity(raw) -> tuple[float | None, str]:
    if not raw:
        return None, ""
    try:
        value = float(raw["value"])
        unit = str(raw.get("unit") or "").strip().lower()
    except (KeyError, TypeError, ValueError):
        return None, ""
    unit = _UNIT_ALIASES.get(unit, unit)
    return (value, _UNITS[unit.lower()]) if unit.lower() in _UNITS and value > 0 else (None, "")


_SIGNING = re.compile(r"\b(signed|signing|inked|imzala\w*)\b|签署|签约", re.IGNORECASE)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{1,2}), (\d{4})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


def _first_date(text: str) -> dt.date | None:
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        match = pattern.search(text)
        if match:
            parts = match.groups()
            day, month, year = parts[order[0]], parts[order[1]], parts[order[2]]
            try:
                return dt.date(int(year), _MONTHS.index(month.lower()) + 1, int(day))
            except ValueError:
                continue
    return None


def signing_in_document(document: Document, company: str) -> tuple[str, dt.date | None] | None:
    """(sentence, date) when the document says `company` signed an agreement; the date is the one in that
    sentence, else the dateline (first 200 characters). None when no such sentence exists."""
    if not company:
        return None
    wanted = fold(company)
    for sentence in _SENTENCE_END.split(document.text or ""):
        if wanted in fold(sentence) and _SIGNING.search(sentence):
            return " ".join(sentence.split()), _first_date(sentence) or _first_date(
                (document.text or "")[:200]
            )
    return None


def _title(company: str, location: str, sectors: list[Sector]) -> str:
    what = sectors[0].name.lower() if sectors else _("investment")
    parts = [company or _("Unnamed investor"), f"{what} {_('plant')}"]
    if location:
        parts.append(location)
    return " – ".join(parts)


@transaction.atomic
def create_deal_from_investment_event(event: dict, *, document: Document, user) -> Deal:
    """Turn an accepted extraction-contract event of type "investment" into a deal with evidence.

    Resolves (or creates) the company's Organisation by folded name/aliases and gives it an investor
    profile; the deal goes into the default pipeline at the stage the event's status implies, with the
    announced amount, capacity, jobs and place; the evidence span is attached to the deal.
    """
    if event.get("type") != "investment":
        raise ValidationError({"type": _("Only investment events become deals.")})
    company_name = (event.get("company") or "").strip()
    location = (event.get("location") or event.get("place") or "").strip()
    announced, currency = _amount(event.get("amount"))
    capacity_value, capacity_unit = _capacity(event.get("capacity"))
    jobs = event.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0):
        raise ValidationError({"jobs": _("Jobs must be a whole number.")})
    on = _date(event.get("date"))
    sectors = list(Sector.objects.filter(code__in=event.get("sectors") or []))
    profile = None
    if company_name:
        _organisation, profile, _created = resolve_company(
            company_name, source=_("suggested from “%(doc)s”") % {"doc": document.title}, user=user
        )
    pipeline = ensure_default_pipeline()
    status = event.get("status") or "planned"
    signing = signing_in_document(document, company_name) if status != "ongoing" else None
    if signing is not None:
        # "X and Türkiye signed an agreement for a plant": the plant is planned, the agreement is signed.
        status = "held"
        on = on or signing[1]
    stage = pipeline.stages.get(code=STAGE_FOR_STATUS.get(status, "negotiation"))
    rows = province_rows(location) if location else []
    deal = Deal(
        title=_title(company_name, location, sectors)[:300],
        company=profile,
        pipeline=pipeline,
        stage=stage,
        province=rows[0].name if rows else "",
        currency=currency,
        announced_amount=announced,
        capacity_value=capacity_value,
        capacity_unit=capacity_unit,
        jobs=jobs,
        announced_on=on or document.published_date,
        agreement_signed_on=on if status == "held" else None,
        summary=_evidence_text(event, document),
        visibility=Visibility.SHARED,
    )
    if profile is None and stage.phase != "open":
        deal.stage = pipeline.stages.get(code="negotiation")
        deal.agreement_signed_on = None
    participants = ", ".join(event.get("participants") or [])
    note = _("Suggested from “%(doc)s”.") % {"doc": document.title}
    if signing is not None:
        note += " " + _("Agreement signed according to the document: “%(sentence)s”") % {
            "sentence": signing[0]
        }
    if participants:
        note += " " + _("Participants: %(names)s.") % {"names": participants}
    if location and not rows:
        note += " " + _("Location: %(place)s.") % {"place": location}
    create_deal(deal, user=user, sectors=sectors, note=note)
    deal.attachments.add(document)
    span = event.get("evidence")
    if span:
        start, end = int(span[0]), int(span[1])
        if not (0 <= start < end <= len(document.text)):
            raise ValidationError({"evidence": _("The evidence span lies outside the document.")})
        attach_evidence(deal, document, start, end)
    return deal


def _evidence_text(event: dict, document: Document) -> str:
    span = event.get("evidence")
    if span and 0 <= span[0] < span[1] <= len(document.text):
        return document.text[span[0] : span[1]].strip()
    return ""
