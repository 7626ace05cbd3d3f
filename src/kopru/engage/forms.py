"""Forms of the engagement records: engagements, agreements, claims, cooperation areas and actions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kopru.engage.enums import AreaStatus
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement
from kopru.ui.forms import DATE_INPUT, VISIBILITY_FIELDS, RecordForm, RecordMeta


class EngagementForm(RecordForm):
    class Meta(RecordMeta):
        model = Engagement
        fields = [
            "kind",
            "title",
            "status",
            "start_date",
            "end_date",
            "place",
            "country",
            "people",
            "organisations",
            "sectors",
            "summary",
            *VISIBILITY_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.title_is_generated:
            # Shown in the editor's language; saved unchanged, it stays generated (Engagement.save).
            self.initial["title"] = self.instance.get_title_display()


class AgreementForm(RecordForm):
    class Meta(RecordMeta):
        model = Agreement
        fields = [
            "kind",
            "title",
            "status",
            "signed_date",
            "valid_until",
            "parties",
            "signatories",
            "sectors",
            "engagement",
            "summary",
            *VISIBILITY_FIELDS,
        ]


class ClaimForm(RecordForm):
    class Meta(RecordMeta):
        model = Claim
        fields = [
            "subject",
            "text",
            "speaker",
            "subject_country",
            "subject_organisation",
            "sector",
            "metric",
            "value",
            "unit",
            "scope",
            "stated_on",
            "engagement",
            *VISIBILITY_FIELDS,
        ]


class CooperationAreaForm(RecordForm):
    class Meta(RecordMeta):
        model = CooperationArea
        fields = [
            "country_a",
            "country_b",
            "sector",
            "summary",
            "engagements",
            "agreements",
            "claims",
            *VISIBILITY_FIELDS,
        ]


class ActionForm(RecordForm):
    class Meta(RecordMeta):
        model = Action
        fields = [
            "title",
            "description",
            "owner",
            "due_date",
            "status",
            "engagement",
            "agreement",
            "area",
            *VISIBILITY_FIELDS,
        ]


class AreaTransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("new status"))
    on_date = forms.DateField(label=_("date"), widget=DATE_INPUT)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = AreaStatus.choices
