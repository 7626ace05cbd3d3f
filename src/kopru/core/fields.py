"""A derived column for diacritic-insensitive search that no code path can forget to refresh."""

from __future__ import annotations

from django.db import models
from django.db.models import Lookup
from django.db.models.lookups import Contains

from kopru.core.text import fold


class FoldedSearchField(models.TextField):
    """Holds `fold()` of the named source fields (strings or lists of strings), refreshed on every save.

    Deriving it in `pre_save` (instead of a `save()` override or a signal) means admin, forms, the API and
    bulk_create all keep it current.
    """

    def __init__(self, *args, sources: tuple[str, ...] = (), **kwargs):
        self.sources = tuple(sources)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["sources"] = self.sources
        for key in ("editable", "blank", "default"):
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        parts: list[str] = []
        for source in self.sources:
            value = getattr(model_instance, source)
            if isinstance(value, list | tuple):
                parts.extend(str(item) for item in value)
            elif value:
                parts.append(str(value))
        folded = " | ".join(fold(part) for part in parts if part)
        setattr(model_instance, self.attname, folded)
        return folded


@FoldedSearchField.register_lookup
class UnindexedContains(Lookup):
    """`contains` (the same rows) that PostgreSQL answers with `strpos` instead of `LIKE`, so the trigram
    index is not asked. For search's words under three letters: they have no trigram, so the index cannot
    narrow them, yet next to a word found in nearly every row ("meeting 12") the planner multiplied the two
    LIKEs' selectivities and took a bitmap scan that rechecked the whole table (23 ms against 13 ms for the
    sequential scan it now takes; docs/operations.md, Session 9). Other databases: `contains` itself."""

    lookup_name = "unindexed_contains"

    def as_sql(self, compiler, connection):
        return Contains(self.lhs, self.rhs).as_sql(compiler, connection)

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"strpos({lhs}, {rhs}) > 0", (*lhs_params, *rhs_params)
