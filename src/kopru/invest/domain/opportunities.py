"""Writing opportunities (the page and the API share it)."""

from __future__ import annotations

from django.db import transaction

from kopru.invest.models import Opportunity


@transaction.atomic
def save_opportunity(form) -> Opportunity:
    """A valid OpportunityForm (new or bound to an opportunity), with its sectors and contacts."""
    return form.save()
