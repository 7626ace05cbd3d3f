"""The session engine (settings.SESSION_ENGINE): Django's database sessions, read by a statement written once.

Every signed-in page reads its session; Django's store builds and compiles
`Session.objects.get(session_key=…, expire_date__gt=now)` each time, about 0.25 ms of CPU against the
statement's few microseconds in the database (bench/load.py, the layout row). The statement here asks the
same (the row's columns by key, unexpired; `kopru.core.prepared`); writing, expiry and clearing
are Django's."""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone

from kopru.core.prepared import Columns
from kopru.core.statements import prepared_cursor

# database alias -> (the statement, the session's columns)
_READS: dict[str, tuple[str, Columns]] = {}


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        model = self.model
        using = router.db_for_read(model)
        connection = connections[using]
        read = _READS.get(using)
        if read is None:
            quote = connection.ops.quote_name
            meta, columns = model._meta, Columns(model, model._meta.db_table, using)
            key, expiry = (quote(meta.get_field(name).column) for name in ("session_key", "expire_date"))
            sql = f"SELECT {columns.select} FROM {quote(meta.db_table)} WHERE {key} = %s AND {expiry} > %s"
            read = _READS[using] = (sql, columns)
        sql, columns = read
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with prepared_cursor(using) as cursor:  # prepared on PostgreSQL: every signed-in page asks it
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:  # no such session, or it expired: Django's store forgets the key
            self._session_key = None
            return None
        return columns.instance(row, connection)
