"""A record's audit log, newest first, each entry beside the one before it."""

from __future__ import annotations


def history_pairs(obj, limit: int) -> list[tuple]:
    """Up to `limit` (historical record, its previous record or None) pairs, newest first, in one query.

    One more record than shown is read, so every shown record's predecessor is the next in the list; asking
    each record for simple-history's `prev_record` cost one query per entry (100 on a long history)."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    return list(zip(records[:limit], [*records[1:], None], strict=False))
