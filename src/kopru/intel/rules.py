"""django-rules permissions of the review queue: government staff and admins review documents."""

import rules

from kopru.core.rules import can_create_records

rules.add_perm("intel.review_documents", can_create_records)
