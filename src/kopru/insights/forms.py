from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from kopru.insights.models import FollowKind, SavedFilter
from kopru.ui.registry import RECORD_TYPES


class FollowForm(forms.Form):
    kind = forms.ChoiceField(choices=FollowKind.choices)
    target = forms.CharField(max_length=60)
    action = forms.ChoiceField(choices=[("follow", _("Follow")), ("unfollow", _("Unfollow"))], required=False)


class SavedFilterForm(forms.ModelForm):
    class Meta:
        model = SavedFilter
        fields = ["name", "slug", "query"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"] = forms.ChoiceField(
            label=_("list"),
            choices=[(slug, rt.label) for slug, rt in sorted(RECORD_TYPES.items()) if rt.has_visibility],
        )
        # Django writes help text unescaped, and the example's "&sectors" would show as "§ors".
        self.fields["query"].help_text = escape(self.fields["query"].help_text)

    def clean_query(self):
        query = (self.cleaned_data.get("query") or "").strip().lstrip("?")
        if len(query) > 500:
            raise forms.ValidationError(_("Too long."))
        return query
