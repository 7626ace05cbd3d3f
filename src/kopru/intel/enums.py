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


class CorrectionKind(models.TextChoices):
    NOT_A_PERSON = "not_a_person", _("Not a person")
    NOT_AN_ORGANISATION = "not_an_organisation", _("Not an organisation")
    NOT_A_PLACE = "not_a_place", _("Not a place")
    ALIAS_OF = "alias_of", _("Another name of")
    NOT_A_CLAIM = "not_a_claim", _("Not a claim")


class CorrectedEntity(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    PLACE = "place", _("Place")
    CLAIM = "claim", _("Claim")
