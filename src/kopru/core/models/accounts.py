import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kopru.core.enums import Role


class Profile(models.Model):
    """What a user is in the programme: role, government side, company."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.PositiveSmallIntegerField(_("role"), choices=Role.choices, default=Role.COMPANY)
    side = models.CharField(
        _("side"),
        max_length=2,
        blank=True,
        help_text=_("ISO code of the government a staff member works for."),
    )
    organisation = models.ForeignKey(
        "core.Organisation", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return f"{self.user}: {self.get_role_display()}"

    def clean(self):
        sides = {settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B}
        if self.role == Role.STAFF and self.side not in sides:
            raise ValidationError({"side": _("Government staff must belong to one side.")})
        if self.role == Role.COMPANY and not self.organisation_id:
            raise ValidationError({"organisation": _("A company user must belong to an organisation.")})


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API; only its hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user}: {self.name}"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        raw = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, key_hash=hash_token(raw)), raw
