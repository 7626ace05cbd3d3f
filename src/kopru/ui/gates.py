"""Names of the permissions that whole pages require, importable before the app registry is ready (an
AppConfig's `nav_items` names them at class level; `kopru.ui.views.access` checks them)."""

# What `require_staff` asks: the pages of government staff and administrators (exports, the kanban board,
# watched sources, imports).
STAFF_PERM = "kopru.export_records"
