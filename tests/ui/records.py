"""Making one record of each registry type with a given visibility (for matrix and API tests)."""

from kopru.core.enums import Visibility
from tests import factories

FACTORIES = {
    "engagements": factories.EngagementFactory,
    "agreements": factories.AgreementFactory,
    "claims": factories.ClaimFactory,
    "areas": factories.AreaFactory,
    "actions": factories.ActionFactory,
    "people": factories.PersonFactory,
    "positions": factories.PositionFactory,
    "organisations": factories.OrganisationFactory,
    "documents": factories.DocumentFactory,
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
        extra["sector"] = factories.sector(next(_AREA_SECTORS))
    return FACTORIES[slug](visibility=visibility, owner_side=owner_side, **extra)
