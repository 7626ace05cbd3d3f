from django import forms
from django.utils.translation import gettext_lazy as _

from kopru.core.access import side_of
from kopru.core.enums import Visibility
from kopru.sources.models import Source


class SourceForm(forms.ModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=1000,
        assume_scheme="https",
        help_text=_("The feed's address, or the page that lists the press releases."),
    )

    class Meta:
        model = Source
        fields = ["name", "url", "kind", "language", "publisher", "interval_minutes", "visibility", "active"]
        help_texts = {
            "language": _("Language code of the articles, such as en, tr or zh."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        # An internal source belongs to the side of the officer who adds it (the model checks the side).
        if cleaned.get("visibility") == Visibility.INTERNAL and not self.instance.owner_side:
            side = side_of(self.user)
            if not side:
                self.add_error("visibility", _("Only government staff of one side can add internal sources."))
            self.instance.owner_side = side
        return cleaned
