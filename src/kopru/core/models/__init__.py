from kopru.core.models.accounts import ApiToken, Profile
from kopru.core.models.actors import Organisation, Person, Position
from kopru.core.models.documents import Document, Evidence
from kopru.core.models.notes import Note
from kopru.core.models.reference import Country, Sector
from kopru.core.models.versions import DataVersion
from kopru.core.models.visibility import VisibleRecord

__all__ = [
    "ApiToken",
    "Country",
    "DataVersion",
    "Document",
    "Evidence",
    "Note",
    "Organisation",
    "Person",
    "Position",
    "Profile",
    "Sector",
    "VisibleRecord",
]
