"""Choices shared by every app. Role values have gaps so that new roles can slot in between."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    SHARED = "shared", _("Shared (both governments)")
    INTERNAL = "internal", _("Internal to one side")


class Role(models.IntegerChoices):
    ADMIN = 100, _("Administrator")
    STAFF = 200, _("Government staff")
    COMPANY = 400, _("Company user")
    REVIEWER = 600, _("Reviewer")


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    COMPANY = "company", _("Company")
    AGENCY = "agency", _("Agency")
    RESEARCH = "research", _("Research")
    MEDIA = "media", _("Media")
    INTERNATIONAL = "international", _("International")
    OTHER = "other", _("Other")
