from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EngagementKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    CALL = "call", _("Call")
    SIGNING = "signing", _("Signing")
    CONFERENCE = "conference", _("Conference")


class EngagementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    ONGOING = "ongoing", _("Ongoing")
    CANCELLED = "cancelled", _("Cancelled")


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    AGREEMENT = "agreement", _("Intergovernmental agreement")
    CONTRACT = "contract", _("Contract")
    PROTOCOL = "protocol", _("Protocol")
    JOINT_DECLARATION = "joint_declaration", _("Joint declaration")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    NEGOTIATING = "negotiating", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class AreaStatus(models.TextChoices):
    """The lifecycle of a cooperation area, in order."""

    PROPOSED = "proposed", _("Proposed")
    DISCUSSED = "discussed", _("Discussed")
    AGREED = "agreed", _("Agreed")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")


AREA_ORDER = [status.value for status in AreaStatus]


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action status", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ACTION_STATUSES = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


# The measures a claim can carry (the extraction contract's `metric`), as a reviewer reads them.
CLAIM_METRIC_LABELS = {
    "rank": _("rank"),
    "speed": _("speed"),
    "amount": _("amount"),
    "capacity": _("capacity"),
    "jobs": _("jobs"),
    "count": _("count"),
    "share": _("share"),
    "volume": _("volume"),
    "duration": _("duration"),
    "growth": _("growth"),
    "area": _("area"),
}

# Units a claim's extraction writes as English words (the others are symbols: GW, km/h, USD).
CLAIM_UNIT_LABELS = {
    "jobs": pgettext_lazy("claim unit", "jobs"),
    "years": pgettext_lazy("claim unit", "years"),
    "months": pgettext_lazy("claim unit", "months"),
    "days": pgettext_lazy("claim unit", "days"),
}
