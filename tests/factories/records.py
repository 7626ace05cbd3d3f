"""Making one record of each registry type with a given visibility (for matrix and API tests)."""

from kopru.core.enums import Visibility
from tests.factories import core, engage

RECORD_FACTORIES = {
    "engagements": engage.EngagementFactory,
    "agreements": engage.AgreementFactory,
    "claims": engage.ClaimFactory,
    "areas": engage.AreaFactory,
    "actions": engage.ActionFactory,
    "people": core.PersonFactory,
    "positions": core.PositionFactory,
    "organisations": core.OrganisationFactory,
    "documents": core.DocumentFactory,
}

_AREA_SECTORS = iter(
    [
        "battery",
        "solar",
        "wind",
        "nuclear",
        "rail",
        "ev",
        "vaccines",
        "medicines",
        "telecom",
        "cloud",
        "automotive",
        "medical_devices",
        "research",
        "trade",
        "investment",
    ]
    * 100
)


def make_record(slug: str, visibility: str = Visibility.SHARED, owner_side: str = "", **extra):
    if slug == "areas" and "sector" not in extra:
        extra["sector"] = core.sector(next(_AREA_SECTORS))
    return RECORD_FACTORIES[slug](visibility=visibility, owner_side=owner_side, **extra)
