"""Company profiles: finding the Organisation behind a name, and creating or updating profiles."""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Q

from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.models import Organisation
from kopru.core.text import fold
from kopru.invest.models import CompanyProfile

_LEGAL_WORDS = frozenset(
    [
        "co",
        "ltd",
        "inc",
        "llc",
        "gmbh",
        "ag",
        "sa",
        "plc",
        "corporation",
        "corp",
        "company",
        "limited",
        "group",
        "holding",
        "holdings",
    ]
)
_PUNCTUATION = re.compile(r"[.,()]+")


def _core_name(name: str) -> str:
    """“Dragonway Auto Co., Ltd.” and “dragonway auto” share the core name “dragonway auto”."""
    words = _PUNCTUATION.sub(" ", fold(name)).split()
    while len(words) > 1 and (words[-1] in _LEGAL_WORDS or words[-2:] == ["a", "s"]):
        words = words[:-2] if words[-2:] == ["a", "s"] else words[:-1]
    return " ".join(words)


def find_organisation(name: str, aliases=()) -> Organisation | None:
    """An existing organisation known by this name or one of its aliases (diacritic- and case-insensitive,
    ignoring legal suffixes such as “Co., Ltd.” or “A.Ş.”)."""
    wanted = {_core_name(item) for item in (name, *aliases) if item and item.strip()}
    if not wanted:
        return None
    query = Q()
    for item in wanted:
        query |= Q(search_text__icontains=item)
    candidates = Organisation.objects.filter(query).order_by("pk")
    for organisation in candidates:
        known = {_core_name(organisation.name), *(_core_name(alias) for alias in organisation.aliases or [])}
        if known & wanted:
            return organisation
    return None


@transaction.atomic
def resolve_company(name: str, *, country: str | None = None, aliases=(), source: str = "", user=None):
    """(organisation, profile, created): reuse an organisation by folded name/aliases, else create one;
    make sure it has an investor profile."""
    organisation = find_organisation(name, aliases)
    created = organisation is None
    if created:
        organisation = Organisation(
            name=name.strip(),
            kind=OrganisationKind.COMPANY,
            country_id=country or None,
            aliases=[alias for alias in aliases if alias and alias != name],
            visibility=Visibility.SHARED,
        )
        organisation.full_clean()
        organisation.save()
    elif country and not organisation.country_id:
        organisation.country_id = country
        organisation.save(update_fields=["country", "updated_at"])
    profile = CompanyProfile.objects.filter(organisation=organisation).first()
    if profile is None:
        profile = CompanyProfile(
            organisation=organisation, visibility=Visibility.SHARED, owner_side="", source=source or ""
        )
        profile.full_clean()
        profile.save()
    return organisation, profile, created


@transaction.atomic
def save_company_profile(form) -> CompanyProfile:
    """Save a valid CompanyProfileForm: the profile, and name, HQ country and sectors on its Organisation."""
    data = form.cleaned_data
    profile = form.save(commit=False)
    organisation = profile.organisation if profile.pk else data.get("organisation")
    name = (data.get("name") or "").strip()
    if organisation is None:
        organisation = find_organisation(name)
        if organisation is not None and CompanyProfile.objects.filter(organisation=organisation).exists():
            organisation = None
        if organisation is None:
            organisation = Organisation(
                name=name,
                kind=OrganisationKind.COMPANY,
                visibility=profile.visibility,
                owner_side=profile.owner_side,
            )
    if (
        organisation.pk is None or "name" in form.fields
    ):  # not when the organisation is hidden from the editor
        if name:
            organisation.name = name
        if data.get("hq_country") is not None:
            organisation.country = data["hq_country"]
        organisation.full_clean()
        organisation.save()
        organisation.sectors.set(data.get("sectors") or [])
    profile.organisation = organisation
    profile.full_clean()
    profile.save()
    form.save_m2m()
    return profile
