from django import forms
from django.utils.translation import gettext_lazy as _

from kopru.sources.models import Source


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "url", "kind", "language", "publisher", "interval_minutes", "visibility", "active"]
        help_texts = {
            "url": _("The feed's address, or the page that lists the press releases."),
            "language": _("Language code of the articles, such as en, tr or zh."),
        }
