"""Who may watch sources, as django-rules permissions: government staff and admins watch; a source is seen
and changed like any record with a visibility (internal ones only by their side)."""

import rules

from kopru.core.rules import can_change_record, can_view_record, is_admin, is_government_staff

is_watcher = is_admin | is_government_staff

rules.add_perm("sources.watch", is_watcher)
rules.add_perm("sources.view_source", is_watcher & can_view_record)
rules.add_perm("sources.change_source", is_watcher & can_change_record)
