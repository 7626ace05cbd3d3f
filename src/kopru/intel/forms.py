from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kopru.core import access
from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.text import single_line
from kopru.ui.forms import DATE_INPUT, MultipleFileField

EVENT_TYPES = [
    ("meeting", _("Meeting")),
    ("visit", _("Visit")),
    ("call", _("Call")),
    ("agreement", _("Agreement")),
]
EVENT_STATUSES = [("held", _("Held")), ("planned", _("Planned")), ("ongoing", _("Ongoing"))]


class PersonEdit(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    country = forms.CharField(label=_("country (ISO code)"), max_length=2, required=False)


class OrganisationEdit(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    kind = forms.ChoiceField(label=_("kind"), choices=OrganisationKind.choices)
    country = forms.CharField(label=_("country (ISO code)"), max_length=2, required=False)


class EventEdit(forms.Form):
    type = forms.ChoiceField(label=_("kind"), choices=EVENT_TYPES)
    status = forms.ChoiceField(label=_("status"), choices=EVENT_STATUSES)
    date = forms.DateField(label=_("date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("place"), max_length=200, required=False)


class ClaimEdit(forms.Form):
    subject = forms.CharField(label=_("subject"), max_length=200)
    text = forms.CharField(label=_("claim"), widget=forms.Textarea(attrs={"rows": 2}))
    metric = forms.CharField(label=_("metric"), max_length=50, required=False)
    value = forms.DecimalField(label=_("value"), required=False)
    unit = forms.CharField(label=_("unit"), max_length=30, required=False)
    scope = forms.CharField(label=_("scope"), max_length=100, required=False)


class InvestmentEdit(forms.Form):
    """An investment suggestion before it becomes a deal (the investment desk accepts it)."""

    company = forms.CharField(label=_("company"), max_length=200)
    company_country = forms.CharField(label=_("company's country (ISO code)"), max_length=2, required=False)
    status = forms.ChoiceField(
        label=_("status"),
        choices=[
            ("planned", _("Announced")),
            ("held", _("Decided or signed")),
            ("ongoing", _("Being built")),
        ],
    )
    date = forms.DateField(label=_("date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    location = forms.CharField(label=_("province or place"), max_length=200, required=False)
    amount_value = forms.DecimalField(label=_("amount"), required=False, min_value=0)
    amount_currency = forms.CharField(label=_("currency"), max_length=3, required=False)
    capacity_value = forms.DecimalField(label=_("capacity"), required=False, min_value=0)
    capacity_unit = forms.CharField(label=_("capacity unit"), max_length=30, required=False)
    jobs = forms.IntegerField(label=_("jobs"), required=False, min_value=0)
    opportunity = forms.IntegerField(
        label=_("opportunity number"),
        required=False,
        min_value=0,
        help_text=_("Blank: the best matching open opportunity is linked; 0: none."),
    )

    @staticmethod
    def initial_from(payload: dict) -> dict:
        amount = payload.get("amount") if isinstance(payload.get("amount"), dict) else {}
        capacity = payload.get("capacity") if isinstance(payload.get("capacity"), dict) else {}
        return {
            "company": payload.get("company"),
            "company_country": payload.get("company_country"),
            "status": payload.get("status"),
            "date": payload.get("date"),
            "location": payload.get("location") or payload.get("place"),
            "amount_value": amount.get("value"),
            "amount_currency": amount.get("currency"),
            "capacity_value": capacity.get("value"),
            "capacity_unit": capacity.get("unit"),
            "jobs": payload.get("jobs"),
            "opportunity": payload.get("opportunity"),
        }


class SectorEdit(forms.Form):
    code = forms.SlugField(label=_("sector code"), max_length=40)


EDIT_FORMS = {
    "person": PersonEdit,
    "organisation": OrganisationEdit,
    "event": EventEdit,
    "claim": ClaimEdit,
    "sector": SectorEdit,
    "investment": InvestmentEdit,
}


def edits_from(form: forms.Form) -> dict:
    """Form data as payload overrides (dates as ISO strings, numbers as floats, like the extractor's JSON)."""
    edits = {}
    for key, value in form.cleaned_data.items():
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is not None and key in ("value", "amount_value", "capacity_value"):
            value = float(value)
        if key in ("country", "company_country", "amount_currency") and value:
            value = value.upper()
        edits[key] = value if value != "" else None
    return edits


class DocumentUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("files"),
        required=False,
        help_text=_("Text, Markdown, HTML or PDF; several at once are fine."),
    )
    text = forms.CharField(
        label=_("or paste the text"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    title = forms.CharField(label=_("title"), max_length=500, required=False)
    publisher = forms.CharField(label=_("publisher"), max_length=200, required=False)
    published_date = forms.DateField(label=_("published"), required=False, widget=DATE_INPUT)
    source_url = forms.URLField(label=_("source URL"), required=False, assume_scheme="https")
    visibility = forms.ChoiceField(
        label=_("visibility"), choices=Visibility.choices, initial=Visibility.SHARED
    )

    owner_side = forms.ChoiceField(
        label=_("owner side"),
        required=False,
        help_text=_("The side whose internal document this is."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user_side = access.side_of(user) if user is not None else ""
        if self.user_side:
            del self.fields["owner_side"]  # an officer's internal documents are their side's
        else:
            sides = (settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B)
            self.fields["owner_side"].choices = [("", "—"), *((side, side) for side in sides)]

    def clean_title(self):
        return single_line(self.cleaned_data.get("title") or "")

    def clean_publisher(self):
        return single_line(self.cleaned_data.get("publisher") or "")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("files") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(_("Upload a file or paste the text."))
        if (
            cleaned.get("visibility") == Visibility.INTERNAL
            and not self.user_side
            and not cleaned.get("owner_side")
        ):
            self.add_error("owner_side", _("Choose the side whose internal document this is."))
        return cleaned
