"""Choices of the investment desk. Kinds and units use the matching engine's vocabulary so that records
map onto `kopru.invest.matching` without translation tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OpportunityKind(models.TextChoices):
    GREENFIELD = "greenfield", _("Greenfield plant")
    EXPANSION = "expansion", _("Expansion")
    JV_PARTNER = "jv_partner", _("Joint venture / partner")
    SUPPLIER = "supplier", _("Supplier")
    RD_CENTRE = "rd_centre", _("R&D centre")
    ACQUISITION = "acquisition", _("Acquisition")


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    TAKEN = "taken", _("Taken")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CapacityUnit(models.TextChoices):
    VEHICLES = "vehicles/yr", _("vehicles/yr")
    GWH = "GWh/yr", _("GWh/yr")
    MW = "MW", _("MW")
    MW_YR = "MW/yr", _("MW/yr")
    UNITS = "units/yr", _("units/yr")
    DOSES = "doses/yr", _("doses/yr")
    TONNES = "tonnes/yr", _("tonnes/yr")
    RACKS = "racks", _("racks")


class SchemeType(models.TextChoices):
    """Incentive scheme types of the investment-case engine (kopru.invest.economics.incentives)."""

    LARGE_SCALE = "large_scale", _("Large-scale investment")
    REGIONAL = "regional", _("Regional investment")
    STRATEGIC = "strategic", _("Strategic investment")
    PROJECT_BASED = "project_based", _("Project-based (Law 6745)")
    HIT30 = "hit30", _("HIT-30 high technology")


class CompanySize(models.TextChoices):
    SMALL = "small", _("Small (< 50 employees)")
    MEDIUM = "medium", _("Medium (50–249)")
    LARGE = "large", _("Large (250–4,999)")
    GROUP = "group", _("Group (5,000+)")


class StagePhase(models.TextChoices):
    """Where a stage sits relative to the signed agreement; the stage-move rules read this."""

    OPEN = "open", _("Before an agreement")
    SIGNED = "signed", _("Agreement signed")
    DELIVERY = "delivery", _("After signing (construction, operation)")
    LOST = "lost", _("Lost")


class LostReason(models.TextChoices):
    COMPETING_LOCATION = "competing_location", _("Chose another country or site")
    FINANCING = "financing", _("Financing fell through")
    STRATEGY = "strategy", _("Company changed strategy")
    REGULATION = "regulation", _("Regulatory or trade obstacle")
    NO_RESPONSE = "no_response", _("No response")
    OTHER = "other", _("Other")


# The default pipeline: (code, name, phase, probability %).
DEFAULT_STAGES: list[tuple[str, str, str, int]] = [
    ("lead", _("Lead"), StagePhase.OPEN, 5),
    ("contacted", _("Contacted"), StagePhase.OPEN, 10),
    ("site_visit", _("Site visit"), StagePhase.OPEN, 20),
    ("proposal", _("Proposal"), StagePhase.OPEN, 35),
    ("negotiation", _("Negotiation"), StagePhase.OPEN, 55),
    ("agreement_signed", _("Agreement signed"), StagePhase.SIGNED, 80),
    ("under_construction", _("Under construction"), StagePhase.DELIVERY, 90),
    ("operating", _("Operating"), StagePhase.DELIVERY, 100),
    ("lost", _("Lost"), StagePhase.LOST, 0),
]
