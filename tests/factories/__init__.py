"""The one place tests get their data from: factory_boy factories for rows, and small builder functions
where a domain rule must run (a submitted proposal goes through `submit_proposal`, not a bare row).

Import every name from here (`from tests.factories import CallFactory, submitted`); the modules mirror
the floors they build for: core, engage, invest, calls, and `records` (one record of each registry type).
"""

from tests.factories.calls import (
    ELIGIBILITY,
    PDF,
    RUBRIC,
    CallFactory,
    call_form_data,
    draft,
    move,
    organisation,
    past_deadline,
    reviewer,
    submitted,
)
from tests.factories.core import (
    PASSWORD,
    DocumentFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    ProfileFactory,
    UserFactory,
    country,
    sector,
)
from tests.factories.engage import (
    ActionFactory,
    AgreementFactory,
    AreaFactory,
    ClaimFactory,
    EngagementFactory,
)
from tests.factories.invest import CompanyProfileFactory, DealFactory, OpportunityFactory, default_stage
from tests.factories.records import RECORD_FACTORIES, make_record

__all__ = [
    "ELIGIBILITY",
    "PASSWORD",
    "PDF",
    "RECORD_FACTORIES",
    "RUBRIC",
    "ActionFactory",
    "AgreementFactory",
    "AreaFactory",
    "CallFactory",
    "ClaimFactory",
    "CompanyProfileFactory",
    "DealFactory",
    "DocumentFactory",
    "EngagementFactory",
    "OpportunityFactory",
    "OrganisationFactory",
    "PersonFactory",
    "PositionFactory",
    "ProfileFactory",
    "UserFactory",
    "call_form_data",
    "country",
    "default_stage",
    "draft",
    "make_record",
    "move",
    "organisation",
    "past_deadline",
    "reviewer",
    "sector",
    "submitted",
]
