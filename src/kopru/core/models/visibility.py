from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kopru.core.enums import Visibility


def side_choices():
    return [(settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_A), (settings.KOPRU_SIDE_B, settings.KOPRU_SIDE_B)]


class VisibleRecord(models.Model):
    """Every record is public, shared by both governments' staff, or internal to one side."""

    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.SHARED
    )
    owner_side = models.CharField(
        _("owner side"),
        max_length=2,
        blank=True,
        help_text=_("ISO code of the government side that owns an internal record."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        sides = {settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B}
        if self.visibility == Visibility.INTERNAL and self.owner_side not in sides:
            raise ValidationError(
                {
                    "owner_side": _("An internal record must name its side (%(sides)s).")
                    % {"sides": ", ".join(sorted(sides))}
                }
            )
        if self.owner_side and self.owner_side not in sides:
            raise ValidationError({"owner_side": _("Unknown side.")})
