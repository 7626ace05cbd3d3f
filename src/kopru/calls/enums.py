"""Choices of the calls app. The order of CALL_ORDER is the call's lifecycle."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    IN_REVIEW = "in_review", _("In review")
    PANEL = "panel", _("Panel")
    DECIDED = "decided", _("Decided")
    ARCHIVED = "archived", _("Archived")


CALL_ORDER = [status.value for status in CallStatus]


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    FUNDED = "funded", _("Funded")
    NOT_FUNDED = "not_funded", _("Not funded")


class PartnerRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")


class BudgetCategory(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel")
    EQUIPMENT = "equipment", _("Equipment")
    CONSUMABLES = "consumables", _("Consumables")
    TRAVEL = "travel", _("Travel")
    SUBCONTRACTING = "subcontracting", _("Subcontracting")
    OTHER = "other", _("Other")


class AttachmentKind(models.TextChoices):
    WORK_PLAN = "work_plan", _("Work plan")
    BUDGET_TABLE = "budget_table", _("Budget table")
    CONSORTIUM_AGREEMENT = "consortium_agreement", _("Consortium agreement")
    CV = "cv", _("CV")
    LETTER = "letter", _("Letter of support")
    OTHER = "other", _("Other")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    OPTIMAL = "optimal", _("Optimal")
    INFEASIBLE = "infeasible", _("Infeasible")
    REFUSED = "refused", _("Refused")
    SUPERSEDED = "superseded", _("Not applied: another run")
    FAILED = "failed", _("Failed")


class AssignmentSource(models.TextChoices):
    SOLVER = "solver", _("Solver")
    MANUAL = "manual", _("Manual")


# Time zones in which a deadline is shown (and may be entered).
DEADLINE_ZONES = [("Europe/Istanbul", _("Istanbul")), ("Asia/Shanghai", _("Beijing")), ("UTC", "UTC")]
