"""Forms of the calls app. Cross-field rules live in the domain; forms turn its errors into field errors."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kopru.calls.domain.calls import check_call, parse_rubric
from kopru.calls.domain.reviewing import reviewers_for_choice
from kopru.calls.enums import CALL_ORDER, DEADLINE_ZONES, CallStatus, ProposalStatus
from kopru.calls.models import Attachment, BudgetLine, Call, Partner, Proposal, ReviewerProfile
from kopru.core.access import visible_to
from kopru.core.models import Organisation, Sector
from kopru.ui.forms import LocalDateTimeField, in_zone, wall_clock

# What a new call's rubric starts as: English labels with their Turkish and Chinese versions.
NEW_CALL_RUBRIC = [
    {"key": "excellence", "label": "Excellence", "label_tr": "Mükemmellik", "label_zh": "卓越性",
     "weight": 0.4, "min": 0, "max": 5},
    {"key": "impact", "label": "Impact", "label_tr": "Etki", "label_zh": "影响", "weight": 0.3,
     "min": 0, "max": 5},
    {"key": "implementation", "label": "Implementation", "label_tr": "Uygulama", "label_zh": "实施",
     "weight": 0.3, "min": 0, "max": 5},
]  # fmt: skip
JSON_AREA = forms.Textarea(attrs={"rows": 6, "class": "code"})


class PrettyJSONField(forms.JSONField):
    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        return json.dumps(value, indent=2, ensure_ascii=False)


def _json_help(intro, example: str, outro=""):
    """A help text whose JSON example is marked as notation (<code>), the prose translated around it."""
    return lazy(lambda: format_html("{} <code>{}</code> {}", intro, example, outro), SafeString)()


# The keys are notation a person types (<code>), the sentence around them is translated.
_LABEL_KEYS_HELP = lazy(
    lambda: format_html(
        str(_("{label} is the English name; {tr} and {zh} (Turkish, Chinese) are optional.")),
        label=format_html("<code>{}</code>", "label"),
        tr=format_html("<code>{}</code>", "label_tr"),
        zh=format_html("<code>{}</code>", "label_zh"),
    ),
    SafeString,
)()


class CallForm(forms.ModelForm):
    deadline_local = LocalDateTimeField(label=_("deadline"))
    deadline_zone = forms.ChoiceField(label=_("deadline time zone"), choices=DEADLINE_ZONES)
    eligibility = PrettyJSONField(
        label=_("eligibility rules"),
        widget=JSON_AREA,
        help_text=_json_help(
            _("JSON, for example:"),
            '{"allowed_kinds": ["company", "research"], "max_duration_months": 36, '
            '"max_budget_per_side": {"TR": {"max_amount": 2000000, "currency": "TRY"}}, '
            '"required_documents": ["work_plan"]}',
            _("Partners from both countries are always required."),
        ),
    )
    rubric = PrettyJSONField(
        label=_("review rubric"),
        required=False,
        widget=JSON_AREA,
        help_text=_json_help(
            _("JSON list, for example:"),
            '[{"key": "excellence", "label": "Excellence", "label_tr": "Mükemmellik", "label_zh": "卓越性", '
            '"weight": 0.5, "min": 0, "max": 5}]',
            _LABEL_KEYS_HELP,
        ),
    )
    topic_minimums = PrettyJSONField(
        label=_("minimum funded per topic"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    class Meta:
        model = Call
        fields = [
            "title",
            "description",
            "agency_a",
            "budget_a",
            "currency_a",
            "agency_b",
            "budget_b",
            "currency_b",
            "topics",
            "eligibility",
            "rubric",
            "reviews_per_proposal",
            "max_reviewer_load",
            "quality_threshold",
            "topic_minimums",
            "blind",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        side_a, side_b = settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B
        organisations = visible_to(Organisation.objects.all(), user) if user else Organisation.objects.none()
        self.fields["agency_a"].queryset = organisations.filter(country_id=side_a)
        self.fields["agency_b"].queryset = organisations.filter(country_id=side_b)
        self.fields["agency_a"].label = _("agency (%(side)s)") % {"side": side_a}
        self.fields["agency_b"].label = _("agency (%(side)s)") % {"side": side_b}
        self.fields["topics"].queryset = Sector.objects.filter(parent__isnull=False)
        if self.instance.pk and self.instance.deadline:
            # Shown in the zone the call declares, so saving unchanged stores the same moment.
            self.initial["deadline_zone"] = self.instance.deadline_zone
            self.initial["deadline_local"] = wall_clock(self.instance.deadline, self.instance.deadline_zone)
        if not self.instance.pk:
            self.initial.setdefault("eligibility", {"min_partners_per_country": 1})
            self.initial.setdefault(
                "rubric",
                NEW_CALL_RUBRIC,
            )
            self.initial.setdefault("topic_minimums", {})

    def clean_topic_minimums(self):
        return self.cleaned_data.get("topic_minimums") or {}

    def clean(self):
        cleaned = super().clean()
        local, zone = cleaned.get("deadline_local"), cleaned.get("deadline_zone")
        if local and zone:
            self.instance.deadline = in_zone(local, zone)
            self.instance.deadline_zone = zone
        if self.errors:
            return cleaned
        for name in self._meta.fields:
            if name in cleaned and name != "topics":
                setattr(self.instance, name, cleaned[name])
        try:
            check_call(self.instance)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned


class AdvanceCallForm(forms.Form):
    """The status form. Shown with `options` (the domain's `status_options`), it offers only the statuses
    allowed now; posted, it takes any known status and leaves the refusal, with its reason, to the domain."""

    to_status = forms.ChoiceField(
        label=_("new status"), choices=[(s, CallStatus(s).label) for s in CALL_ORDER]
    )
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, options=None, **kwargs):
        super().__init__(*args, **kwargs)
        if options is not None:
            allowed = [(option.status, option.label) for option in options if option.allowed]
            self.fields["to_status"].choices = allowed
            if allowed:
                self.initial.setdefault("to_status", allowed[0][0])


class ProposalForm(forms.ModelForm):
    principal_investigator = forms.CharField(
        label=_("principal investigator (your organisation)"), max_length=200, required=False
    )

    class Meta:
        model = Proposal
        fields = ["title", "acronym", "topic", "keywords", "duration_months", "abstract", "work_plan"]
        widgets = {
            "abstract": forms.Textarea(attrs={"rows": 6}),
            "work_plan": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        call = call or self.instance.call
        self.fields["topic"].queryset = call.topics.all()
        self.fields["topic"].required = True
        if self.instance.pk:
            own = self.instance.partners.filter(organisation=self.instance.organisation).first()
            self.initial["principal_investigator"] = own.principal_investigator if own else ""


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["organisation", "country", "principal_investigator", "role"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_to(Organisation.objects.all(), user)
        self.fields["country"].queryset = self.fields["country"].queryset.filter(
            code__in=[settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B]
        ) | self.fields["country"].queryset.filter(code__in=Organisation.objects.values("country_id"))


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["partner", "category", "description", "amount"]

    def __init__(self, *args, proposal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = proposal.partners.select_related("organisation")


class AttachmentForm(forms.ModelForm):
    file = forms.FileField(
        label=_("PDF file"), widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})
    )

    class Meta:
        model = Attachment
        fields = ["kind"]


class ManualAssignmentForm(forms.Form):
    proposal = forms.ModelChoiceField(label=_("proposal"), queryset=Proposal.objects.none())
    reviewer = forms.ModelChoiceField(label=_("reviewer"), queryset=reviewers_for_choice().none())

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = call.proposals.filter(status=ProposalStatus.SUBMITTED)
        self.fields["proposal"].label_from_instance = lambda p: f"{p.code} {p.title}"
        self.fields["reviewer"].queryset = reviewers_for_choice()


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ReviewForm(forms.Form):
    comment_to_applicant = forms.CharField(
        label=_("comments for the applicants"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    comment_to_panel = forms.CharField(
        label=_("confidential comments for the panel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = parse_rubric(call.rubric)
        for criterion in reversed(self.criteria):
            self.fields = {
                f"score_{criterion.key}": forms.DecimalField(
                    label=f"{criterion.label} ({criterion.low:g}–{criterion.high:g}, ×{criterion.weight:g})",
                    required=False,
                    widget=forms.NumberInput(
                        attrs={"step": "0.5", "min": criterion.low, "max": criterion.high}
                    ),
                ),
                **self.fields,
            }

    def scores(self) -> dict:
        return {c.key: self.cleaned_data.get(f"score_{c.key}") for c in self.criteria}


class OverrideForm(forms.Form):
    CHOICES = [("fund", _("Fund")), ("reject", _("Do not fund")), ("lift", _("Lift the override"))]
    proposal = forms.ModelChoiceField(label=_("proposal"), queryset=Proposal.objects.none())
    decision = forms.ChoiceField(label=_("decision"), choices=CHOICES)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = call.proposals.exclude(
            status__in=[ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN]
        )
        self.fields["proposal"].label_from_instance = lambda p: f"{p.code} {p.title}"

    def fund(self) -> bool | None:
        return {"fund": True, "reject": False, "lift": None}[self.cleaned_data["decision"]]


class ReviewerProfileForm(forms.ModelForm):
    class Meta:
        model = ReviewerProfile
        fields = [
            "display_name",
            "organisation",
            "country",
            "sectors",
            "keywords",
            "expertise",
            "max_load",
            "active",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_to(Organisation.objects.all(), user)
        self.fields["sectors"].queryset = Sector.objects.filter(parent__isnull=False)
