"""The forms base (RecordForm) and the core floor's record forms. Internal records always belong to the
editing officer's side."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import partial

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kopru.core import access
from kopru.core.domain.documents import checksum_of
from kopru.core.enums import Visibility
from kopru.core.lru import Remembered
from kopru.core.models import Document, Organisation, Person, Position
from kopru.core.text import capfirst_localised
from kopru.ui.display import record_label
from kopru.ui.form_rendering import python_renderer


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploaded files in one field (Django's FileField takes one)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def wall_clock(moment: datetime.datetime, zone: str) -> datetime.datetime:
    """A stored (UTC) moment as the naive wall-clock time of `zone`: what a LocalDateTimeField shows."""
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)


def in_zone(local: datetime.datetime, zone: str) -> datetime.datetime:
    """A wall-clock time typed in `zone`, as an aware datetime (stored as UTC)."""
    return local.replace(tzinfo=None).replace(tzinfo=zoneinfo.ZoneInfo(zone))


class LocalDateTimeField(forms.DateTimeField):
    """A date and time read and shown as the wall clock of the zone the record declares.

    Every date-time form field of the project is one of these (a test checks): Django's own DateTimeField
    converts through the server's current time zone (UTC) both ways, so a form that labels the value with
    another zone shows one time and stores another. The form pairs the field with its zone: initial values
    come from `wall_clock(stored, zone)`, the cleaned value is naive and the form stores
    `in_zone(cleaned, zone)`.
    """

    widget = DATETIME_LOCAL_INPUT

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            raise TypeError("LocalDateTimeField shows wall-clock times: pass wall_clock(moment, zone)")
        return value

    def to_python(self, value):
        result = super().to_python(value)  # aware in the current time zone, same wall clock as typed
        if result is not None and timezone.is_aware(result):
            result = timezone.make_naive(result)
        return result


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class RecordMeta:
    formfield_callback = staticmethod(_formfield)


class AliasesField(forms.CharField):
    """Aliases typed one per line (or separated by semicolons) on a page, or given as a list (the API, and
    the stored value an API edit starts from): a list stays a list, never the text of one."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            chunks = [str(item) for item in value if item is not None]
        else:
            chunks = (super().to_python(value) or "").splitlines()
        items = [item.strip() for chunk in chunks for item in chunk.split(";")]
        return [item for item in dict.fromkeys(items) if item]


class RecordForm(forms.ModelForm):
    """The forms base: choices list only records the user may read; links to records the user may not read
    are kept as they are (an edit never drops what the editor cannot see); internal records always belong to
    the editing officer's side, and only a record's own side (or an admin) may change its visibility."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.hidden_links: dict[str, list[int]] = {}
        language = get_language()
        for name, field in list(self.fields.items()):
            model_field = next((f for f in self._meta.model._meta.get_fields() if f.name == name), None)
            if model_field is not None and hasattr(model_field, "verbose_name"):
                # Django's capfirst turns Turkish "iş" into "Iş"; labels are capitalised per language.
                field.label = capfirst_localised(model_field.verbose_name, language)
            if isinstance(field.widget, forms.DateInput):
                field.widget = DATE_INPUT
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "visibility"):
                # Choices must not leak the names of records the user may not read.
                field.queryset = access.visible_to(queryset, user)
                # and a choice is named only by what the user may read (a profile by its organisation)
                field.label_from_instance = partial(record_label, user=user)
                self._keep_hidden_links(name, model_field, field.queryset)
        if "owner_side" in self.fields:
            self.fields["owner_side"] = forms.ChoiceField(
                label=_("owner side"),
                required=False,
                choices=[
                    ("", "—"),
                    (settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_A),
                    (settings.KOPRU_SIDE_B, settings.KOPRU_SIDE_B),
                ],
            )
        if "owner_side" in self.fields and access.is_government_staff(user):
            # Staff cannot file records as the other side's internal notes: the side is theirs.
            self.fields["owner_side"].disabled = True
            self.fields["owner_side"].required = False
            self.initial["owner_side"] = self.instance.owner_side if self._editing else access.side_of(user)

    @property
    def _editing(self) -> bool:
        return self.instance.pk is not None

    def _keep_hidden_links(self, name, model_field, visible) -> None:
        """Links of the edited record to records the user may not read: a hidden many-to-many entry is left
        out of the submitted data and put back on save; a hidden single link takes the field off the form."""
        if not self._editing or model_field is None:
            return
        if isinstance(model_field, models.ManyToManyField):
            current = set(getattr(self.instance, name).values_list("pk", flat=True))
            hidden = sorted(current - set(visible.filter(pk__in=current).values_list("pk", flat=True)))
            if hidden:
                self.hidden_links[name] = hidden
                if self.is_bound:
                    self._strip_from_data(name, hidden)
        elif isinstance(model_field, models.ForeignKey):
            current = getattr(self.instance, model_field.attname)
            if current is not None and not visible.filter(pk=current).exists():
                del self.fields[name]

    def _strip_from_data(self, name, hidden) -> None:
        hidden_text = {str(pk) for pk in hidden}
        data = self.data.copy()
        if hasattr(data, "getlist"):
            data.setlist(name, [v for v in data.getlist(name) if str(v) not in hidden_text])
        elif isinstance(data.get(name), list | tuple):
            data[name] = [v for v in data[name] if str(getattr(v, "pk", v)) not in hidden_text]
        self.data = data

    def clean(self):
        cleaned = super().clean()
        if "owner_side" in self.fields:
            if self._editing and not access.is_admin(self.user):
                self._check_visibility_change(cleaned)
            elif access.is_government_staff(self.user):
                cleaned["owner_side"] = access.side_of(self.user)
            if cleaned.get("visibility") != Visibility.INTERNAL and not access.is_government_staff(self.user):
                cleaned.setdefault("owner_side", "")
        return cleaned

    def _check_visibility_change(self, cleaned) -> None:
        instance = self.instance
        if access.is_government_staff(self.user):
            cleaned["owner_side"] = instance.owner_side  # an edit never moves a record to another side
        wanted = cleaned.get("visibility")
        if wanted and wanted != instance.visibility and not access.may_change_visibility(self.user, instance):
            if instance.owner_side:
                message = _(
                    "Only side %(side)s, whose record this is, or an administrator may change its visibility."
                ) % {"side": instance.owner_side}
            else:
                message = _("Only an administrator may change this record's visibility.")
            self.add_error("visibility", message)

    def _post_clean(self):
        if "owner_side" in self.cleaned_data:
            self.instance.owner_side = self.cleaned_data["owner_side"] or ""
        super()._post_clean()

    def _save_m2m(self):
        super()._save_m2m()
        for name, hidden in self.hidden_links.items():
            getattr(self.instance, name).add(*hidden)


VISIBILITY_FIELDS = ["visibility", "owner_side"]


class OrganisationForm(RecordForm):
    aliases = AliasesField(required=False, label=_("aliases"), help_text=_("One per line."))

    class Meta(RecordMeta):
        model = Organisation
        fields = [
            "name",
            "kind",
            "country",
            "parent",
            "aliases",
            "website",
            "sectors",
            "description",
            *VISIBILITY_FIELDS,
        ]


class PersonForm(RecordForm):
    aliases = AliasesField(required=False, label=_("aliases"), help_text=_("One per line."))

    class Meta(RecordMeta):
        model = Person
        fields = ["name", "aliases", "country", "biography", *VISIBILITY_FIELDS]


class PositionForm(RecordForm):
    class Meta(RecordMeta):
        model = Position
        fields = ["person", "title", "organisation", "start_date", "end_date", *VISIBILITY_FIELDS]


class DocumentForm(RecordForm):
    """A document is its text: it is required on creation and fixed afterwards (evidence points into it),
    and the checksum of the text keeps the same document from being stored twice."""

    write_only_fields = ("text",)  # the API takes the text but does not answer it in every list row

    class Meta(RecordMeta):
        model = Document
        fields = [
            "title",
            "publisher",
            "published_date",
            "language",
            "source_url",
            "text",
            *VISIBILITY_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = not self._editing
        self.fields["text"].disabled = self._editing
        self.fields["text"].error_messages["required"] = _("A document needs its text.")

    def clean_text(self):
        text = self.cleaned_data.get("text") or ""
        if self._editing:
            return self.instance.text
        if not text.strip():
            raise forms.ValidationError(_("A document needs its text."), code="required")
        existing = Document.objects.filter(checksum=checksum_of(text.encode("utf-8"))).first()
        if existing is not None:
            raise forms.ValidationError(_("This text is already stored as another document."), code="unique")
        return text

    def _post_clean(self):
        super()._post_clean()
        if not self._editing and self.instance.text:
            self.instance.checksum = checksum_of(self.instance.text.encode("utf-8"))


class NoteForm(forms.Form):
    default_renderer = python_renderer  # drawn on every detail page: Django's templates in Python
    text = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 3}))
    visibility = forms.ChoiceField(
        label=_("visibility"),
        choices=[
            (Visibility.SHARED, Visibility.SHARED.label),
            (Visibility.INTERNAL, _("Internal to my side")),
        ],
    )


@dataclass(frozen=True)
class DrawnForm:
    """A blank form as its paragraphs (`{{ form.as_p }}` in a template), drawn once (`blank_form`)."""

    as_p: SafeString


_BLANK_FORMS = Remembered(64)


def blank_form(form_class: type[forms.Form]) -> DrawnForm:
    """`form_class()` as a page shows it before anything is typed (`as_p`), drawn once per form class and
    language: an unbound form without initial values has the same characters on every page (the note form
    was about 0.5 ms of a detail page's CPU, bench/load.py, engagement detail). Only for forms whose fields
    and choices do not depend on the reader or the data."""
    return _BLANK_FORMS.get_or_compute((form_class, get_language()), lambda: DrawnForm(form_class().as_p()))
