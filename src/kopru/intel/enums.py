from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Extracting")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


FINISHED_ITEM_STATUSES = (ItemStatus.DONE, ItemStatus.FAILED)


class SuggestionKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    SECTOR = "sector", _("Sector")
    EVENT = "event", _("Event")
    INVESTMENT = "investment", _("Investment")
    CLAIM = "claim", _("Claim")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
