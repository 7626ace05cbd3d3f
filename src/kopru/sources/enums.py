from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS/Atom feed")
    PAGE = "page", _("Press-release page")


class FetchOutcome(models.TextChoices):
    OK = "ok", _("New items")
    UNCHANGED = "unchanged", _("No new items")
    NOT_MODIFIED = "not_modified", _("Not modified")
    HTTP_ERROR = "http_error", _("HTTP error")
    TIMEOUT = "timeout", _("Timed out")
    BAD_FEED = "bad_feed", _("Unreadable feed")
    ROBOTS = "robots", _("Refused by robots.txt")
    TOO_LARGE = "too_large", _("Too large")
    ERROR = "error", _("Error")


FAILED_OUTCOMES = (
    FetchOutcome.HTTP_ERROR,
    FetchOutcome.TIMEOUT,
    FetchOutcome.BAD_FEED,
    FetchOutcome.ROBOTS,
    FetchOutcome.TOO_LARGE,
    FetchOutcome.ERROR,
)
