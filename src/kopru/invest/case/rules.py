"""Object permissions for saved cases: the core visibility rules, as django-rules permissions.

The calculator itself (public rule data) needs no permission.
"""

import rules

from kopru.core.rules import can_change_record, can_create_records, can_view_record

rules.add_perm("invest_case.view_case", can_view_record)
rules.add_perm("invest_case.add_case", can_create_records)
rules.add_perm("invest_case.change_case", can_change_record)
rules.add_perm("invest_case.delete_case", can_change_record & can_create_records)
