"""Deals suggested by documents: the intelligence app calls this when an officer accepts an investment
event."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import Visibility
from kopru.core.models import Document, Sector
from kopru.core.text import fold
from kopru.invest.domain.companies import resolve_company
from kopru.invest.domain.deals import create_deal
from kopru.invest.domain.matchmaking import opportunities_for_company
from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.enums import CapacityUnit
from kopru.invest.models import Deal, Opportunity
from kopru.invest.validators import province_rows

# The stage an extracted investment starts at: an announcement is a lead; "agreement signed" only when the
# document says the company signed; a plant being built is under construction (issue 12: a press
# announcement arrived at "Negotiation (55 %)").
SIGNED_STAGE, BUILDING_STAGE, ANNOUNCED_STAGE = "agreement_signed", "under_construction", "lead"
# Sector codes that say what kind of cooperation this is, not what the plant makes.
GENERIC_SECTORS = {"investment", "trade", "research"}
OPEN_STATUSES = ("open", "in_discussion")
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
    """ "BYD – electric vehicles plant – Manisa": the product sector, not the generic "investment" one."""
    products = [sector for sector in sectors if sector.code not in GENERIC_SECTORS]
    what = (products or sectors)[0].name.lower() if sectors else _("investment")
    parts = [company or _("Unnamed investor"), _("%(what)s plant") % {"what": what}]
    if location:
        parts.append(location)
    return " – ".join(parts)


def _flat(event: dict, key: str, nested: str, field: str):
    """An edited flat value (`amount_value`) wins over the extracted nested one (`amount.value`)."""
    if key in event:
        return event[key]
    inner = event.get(nested)
    return inner.get(field) if isinstance(inner, dict) else None


def _edited_amount(event: dict) -> tuple[Decimal | None, str]:
    value = _flat(event, "amount_value", "amount", "value")
    if value in (None, ""):
        return None, str(_flat(event, "amount_currency", "amount", "currency") or "USD").upper()
    currency = _flat(event, "amount_currency", "amount", "currency") or "USD"
    return _amount({"value": value, "currency": currency})


def _edited_capacity(event: dict) -> tuple[float | None, str]:
    value = _flat(event, "capacity_value", "capacity", "value")
    if value in (None, ""):
        return None, ""
    return _capacity({"value": value, "unit": _flat(event, "capacity_unit", "capacity", "unit") or ""})


def _company_country(event: dict, company: str) -> str | None:
    """The HQ country the extraction found for the company (or the officer typed)."""
    if event.get("company_country"):
        return str(event["company_country"]).upper()[:2]
    wanted = fold(company)
    for detail in event.get("participant_details") or []:
        if detail.get("entity") == "organisation" and fold(detail.get("name") or "") == wanted:
            return (detail.get("country") or "").upper()[:2] or None
    return None


def _province(location: str, evidence: str) -> tuple[str, bool]:
    """(province, found): the location when it is a province, else the first province the evidence names."""
    if location:
        rows = province_rows(location)
        if rows:
            return rows[0].name, True
    for word in re.findall(r"[A-ZÇĞİÖŞÜ][\wçğıöşü]+", evidence or ""):
        rows = province_rows(word)
        if rows and rows[0].name.casefold() == word.casefold():
            return rows[0].name, True
    return "", False


def _give_sectors(profile, sectors: list[Sector]) -> None:
    """A company the record knew nothing about makes what the document says (so matchmaking can place it)."""
    organisation = profile.organisation
    products = [sector for sector in sectors if sector.code not in GENERIC_SECTORS]
    if products and not organisation.sectors.exists():
        organisation.sectors.add(*products)
        organisation.save(update_fields=["updated_at"])  # the matchmaking index notices the change


def _stage_code(status: str, signing) -> str:
    if signing is not None:
        return SIGNED_STAGE
    return BUILDING_STAGE if status == "ongoing" else ANNOUNCED_STAGE


def _jobs(event: dict) -> int | None:
    jobs = event.get("jobs")
    if jobs in (None, ""):
        return None
    if isinstance(jobs, float) and jobs.is_integer():
        jobs = int(jobs)
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ValidationError({"jobs": _("Jobs must be a whole number.")})
    return jobs


def _opportunity(event: dict, profile, user):
    """The opportunity to link: the officer's choice (an id, or 0 for none), else the best open match from
    the matchmaking engine for the company."""
    chosen = event.get("opportunity")
    if chosen not in (None, ""):
        try:
            pk = int(chosen)
        except (TypeError, ValueError):
            raise ValidationError({"opportunity": _("Give an opportunity number, or 0 for none.")}) from None
        if pk == 0:
            return None
        found = access.visible_to(Opportunity.objects.filter(pk=pk), user).first()
        if found is None:
            raise ValidationError({"opportunity": _("No opportunity %(pk)s that you may see.") % {"pk": pk}})
        return found
    if profile is None:
        return None
    matches, _note = opportunities_for_company(profile, user, k=5)
    return next((match.record for match in matches if match.record.status in OPEN_STATUSES), None)


@dataclass(frozen=True)
class _Reading:
    """What the accepted event says, edits applied, before anything is written."""

    company: str
    location: str
    province: str
    province_found: bool
    amount: Decimal | None
    currency: str
    capacity: tuple[float | None, str]
    jobs: int | None
    on: dt.date | None
    status: str
    signing: tuple[str, dt.date | None] | None
    sectors: list[Sector]


def _read_event(event: dict, document: Document) -> _Reading:
    if event.get("type") != "investment":
        raise ValidationError({"type": _("Only investment events become deals.")})
    company = (event.get("company") or "").strip()
    location = (event.get("location") or event.get("place") or "").strip()
    amount, currency = _edited_amount(event)
    status = event.get("status") or "planned"
    on = _date(event.get("date"))
    signing = signing_in_document(document, company) if status != "ongoing" else None
    if signing is not None:
        on = on or signing[1]
    province, found = _province(location, _evidence_text(event, document))
    return _Reading(
        company=company,
        location=location,
        province=province,
        province_found=found,
        amount=amount,
        currency=currency,
        capacity=_edited_capacity(event),
        jobs=_jobs(event),
        on=on,
        status=status,
        signing=signing,
        sectors=list(Sector.objects.filter(code__in=event.get("sectors") or [])),
    )


def _note(event: dict, reading: _Reading, document: Document, opportunity) -> str:
    note = _("Suggested from “%(doc)s”.") % {"doc": document.title}
    if reading.signing is not None:
        note += " " + _("Agreement signed according to the document: “%(sentence)s”") % {
            "sentence": reading.signing[0]
        }
    participants = ", ".join(event.get("participants") or [])
    if participants:
        note += " " + _("Participants: %(names)s.") % {"names": participants}
    if reading.location and not reading.province_found:
        note += " " + _("Location: %(place)s.") % {"place": reading.location}
    if opportunity is not None:
        note += " " + _("Linked to the opportunity “%(title)s”.") % {"title": opportunity.title}
    return note


@transaction.atomic
def create_deal_from_investment_event(event: dict, *, document: Document, user) -> Deal:
    """Turn an accepted extraction-contract event of type "investment" into a deal with evidence.

    Stages: read the event (with the officer's edits), resolve the company (with the HQ country the
    extraction found), choose the stage from the wording, propose the best open opportunity, write the
    deal with its note, attach the document and the evidence span.
    """
    reading = _read_event(event, document)
    profile = None
    if reading.company:
        _organisation, profile, _created = resolve_company(
            reading.company,
            country=_company_country(event, reading.company),
            source=_("suggested from “%(doc)s”") % {"doc": document.title},
            user=user,
        )
        _give_sectors(profile, reading.sectors)
    pipeline = ensure_default_pipeline()
    stage = pipeline.stages.get(code=_stage_code(reading.status, reading.signing))
    if profile is None and stage.phase != "open":
        stage = pipeline.stages.get(code=ANNOUNCED_STAGE)
    opportunity = _opportunity(event, profile, user)
    deal = Deal(
        title=_title(reading.company, reading.province or reading.location, reading.sectors)[:300],
        company=profile,
        opportunity=opportunity,
        pipeline=pipeline,
        stage=stage,
        province=reading.province,
        currency=reading.currency,
        announced_amount=reading.amount,
        capacity_value=reading.capacity[0],
        capacity_unit=reading.capacity[1],
        jobs=reading.jobs,
        announced_on=reading.on or document.published_date,
        agreement_signed_on=reading.on if stage.code == SIGNED_STAGE else None,
        summary=_evidence_text(event, document),
        visibility=Visibility.SHARED,
    )
    create_deal(deal, user=user, sectors=reading.sectors, note=_note(event, reading, document, opportunity))
    deal.attachments.add(document)
    _attach_span(deal, event, document)
    return deal


def _attach_span(deal: Deal, event: dict, document: Document) -> None:
    span = event.get("evidence")
    if span:
        start, end = int(span[0]), int(span[1])
        if not (0 <= start < end <= len(document.text)):
            raise ValidationError({"evidence": _("The evidence span lies outside the document.")})
        attach_evidence(deal, document, start, end)


def _evidence_text(event: dict, document: Document) -> str:
    span = event.get("evidence")
    if span and 0 <= span[0] < span[1] <= len(document.text):
        return document.text[span[0] : span[1]].strip()
    return ""
