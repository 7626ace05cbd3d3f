"""What insights stores of its own: what users follow, the list filters they saved, and the digests sent."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    SECTOR = "sector", _("Sector")
    DEAL = "deal", _("Deal")
    CALL = "call", _("R&D call")


class Follow(models.Model):
    """A user follows one thing; `target` is a primary key, or a sector code for sectors."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(_("kind"), max_length=20, choices=FollowKind.choices)
    target = models.CharField(_("what"), max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "target"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "target"], name="insights_follow_once"),
        ]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self):
        return f"{self.user}: {self.kind} {self.target}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class SavedFilter(models.Model):
    """A list page's filters, saved under a name; its Atom feed is read with a secret token."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("list"), max_length=40)
    query = models.CharField(
        _("filters"), max_length=500, blank=True, help_text=_("e.g. status=held&sectors=ev")
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")

    def __str__(self):
        return self.name


class SentDigest(models.Model):
    """One row per user and period: `send_digests` sends each period's digest at most once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("period"), max_length=10)  # ISO week, e.g. 2026-W49
    items = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="insights_one_digest_per_period")
        ]
        verbose_name = _("sent digest")
        verbose_name_plural = _("sent digests")

    def __str__(self):
        return f"{self.user}: {self.period}"


class DataChange(models.Model):
    """One row per write to a record insights reads (kopru.insights.domain.memo): the highest id is the data
    version that remembered results are keyed on. Written by signals, read by one index lookup."""

    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("data change")

    def __str__(self) -> str:
        return f"change {self.pk} at {self.at:%Y-%m-%d %H:%M:%S}"
