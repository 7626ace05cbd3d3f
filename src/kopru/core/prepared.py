"""Model instances read by a statement written once per database, for the reads every request makes.

The ORM builds and compiles a query on every call: about 0.3 ms of CPU for a one-row read by key, several
times what the database spends answering it (bench/load.py, the floor and layout rows). The session and the
signed-in user with their profile are read on every page, so their statements are written here once per
database alias and model, and the rows are turned into instances as the ORM does: the same columns, the
backend's and each field's converters (SQLite's dates and booleans), `Model.from_db`.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Model


class Columns:
    """A model's concrete columns under a table alias: the SELECT list, and how a row's slice of values
    becomes an instance (`instance`)."""

    def __init__(self, model: type[Model], alias: str, using: str):
        connection = connections[using]
        quote = connection.ops.quote_name
        self.model, self.using = model, using
        fields = model._meta.concrete_fields
        self.names = [field.attname for field in fields]
        self.select = ", ".join(f"{quote(alias)}.{quote(field.column)}" for field in fields)
        self.converters = []
        for index, field in enumerate(fields):
            column = field.get_col(alias)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if found:
                self.converters.append((index, column, found))
        self.width = len(fields)

    def instance(self, values, connection) -> Model:
        if self.converters:
            values = list(values)
            for index, column, converters in self.converters:
                value = values[index]
                for converter in converters:
                    value = converter(value, column, connection)
                values[index] = value
        return self.model.from_db(self.using, self.names, values)
