from django.db import models


class DataVersion(models.Model):
    """One row per table whose figures are kept per data version (kopru.core.versions): `version` changes in
    the same transaction as every write to that table (a database trigger, whatever wrote it: the ORM, a
    bulk update, raw SQL, a migration, psql)."""

    name = models.CharField(max_length=63, primary_key=True)  # the table's name
    version = models.BigIntegerField()

    class Meta:
        db_table = "core_dataversion"

    def __str__(self) -> str:
        return f"{self.name} @ {self.version}"
