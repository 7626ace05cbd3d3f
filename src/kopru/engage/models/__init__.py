from kopru.engage.models.actions import Action
from kopru.engage.models.agreements import Agreement
from kopru.engage.models.areas import AreaTransition, CooperationArea
from kopru.engage.models.claims import Claim
from kopru.engage.models.engagements import Engagement

__all__ = ["Action", "Agreement", "AreaTransition", "Claim", "CooperationArea", "Engagement"]
