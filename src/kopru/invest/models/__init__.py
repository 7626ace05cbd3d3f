from kopru.invest.models.companies import CompanyProfile
from kopru.invest.models.deals import Deal, Pipeline, Stage, StageChange
from kopru.invest.models.imports import ImportBatch
from kopru.invest.models.opportunities import Opportunity

__all__ = ["CompanyProfile", "Deal", "ImportBatch", "Opportunity", "Pipeline", "Stage", "StageChange"]
