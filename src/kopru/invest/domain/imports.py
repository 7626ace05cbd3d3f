"""CSV/XLSX import of company profiles and opportunities: parse and check into a preview, write on confirm.

Nothing is written to the record until an officer confirms; confirming writes every accepted row or none
(one transaction). Rows that match an existing record (by folded name, ignoring legal suffixes, or for
opportunities by folded title and province) are shown on a merge screen: merge into it, create a new one,
or skip.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import JSONField, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from simple_history.utils import bulk_create_with_history

from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.jobs import enqueue_on_commit
from kopru.core.models import Country, Organisation, Sector
from kopru.core.text import fold
from kopru.invest.domain.companies import _core_name
from kopru.invest.enums import CapacityUnit, CompanySize, OpportunityKind, SchemeType
from kopru.invest.matching.vocab import COUNTRY_REGION, KINDS, REGIONS
from kopru.invest.models import CompanyProfile, ImportBatch, Opportunity
from kopru.invest.validators import province_rows

MAX_ROWS = 100_000
BACKGROUND_ROWS = 2_000  # larger confirmed imports run as a background task
MAX_BYTES = 50 * 1024 * 1024
PREVIEW_ROWS = 200

COLUMNS = {
    ImportBatch.Kind.COMPANIES: {
        "required": ["name", "hq_country"],
        "optional": [
            "aliases",
            "sectors",
            "capabilities",
            "tags",
            "size",
            "employees",
            "revenue_musd",
            "plants",
            "export_markets",
            "investment_modes",
            "website",
            "visibility",
        ],
    },
    ImportBatch.Kind.OPPORTUNITIES: {
        "required": ["title", "kind"],
        "optional": [
            "sectors",
            "province",
            "in_oiz",
            "capex_musd",
            "capacity_value",
            "capacity_unit",
            "jobs",
            "scheme_type",
            "description",
            "tags",
            "target_markets",
            "visibility",
        ],
    },
}


class ImportFileError(Exception):
    pass


# -- reading ---------------------------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise ImportFileError(
            _(
                "The file is not UTF-8 text (bad byte on line %(line)d). "
                "Save it as “CSV UTF-8” and upload it again."
            )
            % {"line": line}
        ) from None


MAX_COLUMNS = 64  # far more than any import needs; cells further right are not read
CSV_FIELD_LIMIT = 131_072  # Python's csv default, kept: a longer field is a row error, not a 500


@dataclass(frozen=True)
class TableRow:
    """One data row as read: its cells as text, or the reason it could not be read."""

    cells: list[str]
    error: str = ""


def read_table(file_name: str, content: bytes) -> tuple[list[str], Iterator[TableRow]]:
    """(header, rows) from a CSV or XLSX file, every cell as text. The rows are read one at a time as the
    caller iterates (memory stays flat whatever the file declares); blank rows are skipped; more than
    MAX_ROWS data rows raise ImportFileError while iterating."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 50 MB."))
    name = file_name.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    elif name.endswith((".csv", ".txt")):
        rows = _csv_rows(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    rows = (row for row in rows if row.error or any(cell.strip() for cell in row.cells))
    first = next(rows, None)
    if first is None:
        raise ImportFileError(_("The file is empty."))
    cells = list(first.cells)
    while cells and not cells[-1].strip():  # a sheet's trailing empty header cells are not columns
        cells.pop()
    header = [fold(cell).replace(" ", "_").replace("-", "_") for cell in cells]
    return header, _at_most(rows, MAX_ROWS)


def _at_most(rows: Iterator[TableRow], limit: int) -> Iterator[TableRow]:
    for count, row in enumerate(rows, start=1):
        if count > limit:
            raise ImportFileError(
                _("The file has more than %(max)s rows; split it into several files.") % {"max": f"{limit:,}"}
            )
        yield row


def _xlsx_rows(content: bytes) -> Iterator[TableRow]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as error:  # a corrupt zip or XML raises anything from KeyError to zlib.error
        raise ImportFileError(
            _("This is not a readable XLSX workbook (%(error)s).") % {"error": error}
        ) from None
    # The <dimension> a file declares is not trusted (A1:XFD1048576 in 31 KB made every row 16,384 cells
    # wide and grew the server by hundreds of MB): read only the rows and cells that are there.
    sheet.reset_dimensions()
    return _workbook_rows(workbook, sheet)


def _workbook_rows(workbook, sheet) -> Iterator[TableRow]:
    try:
        for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            cells = ["" if value is None else _cell_text(value) for value in values]
            while cells and cells[-1] == "":
                cells.pop()
            yield TableRow(cells)
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(
            _("This is not a readable XLSX workbook (%(error)s).") % {"error": error}
        ) from None
    finally:
        workbook.close()


def _lines(text: str) -> Iterator[str]:
    """The text's lines, newline kept, one at a time (a StringIO would hold 4 bytes per character)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end == -1:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _csv_rows(content: bytes) -> Iterator[TableRow]:
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(_lines(text), dialect)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" not in str(error):
                raise ImportFileError(
                    _("Line %(line)d cannot be read as CSV (%(error)s).")
                    % {"line": reader.line_num, "error": error}
                ) from None
            yield TableRow(
                [],
                _("A cell is longer than %(max)s characters; shorten it or leave it out.")
                % {"max": f"{CSV_FIELD_LIMIT:,}"},
            )
            continue
        yield TableRow(values[:MAX_COLUMNS])


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


# -- checking --------------------------------------------------------------------------------------------


@dataclass
class _Context:
    countries: set[str]
    sectors: dict[str, int]


def _list(text: str) -> list[str]:
    return list(dict.fromkeys(item.strip() for item in text.replace(";", ",").split(",") if item.strip()))


def _number(text: str, field: str, errors: dict, *, integer: bool = False):
    if not text:
        return None
    try:
        value = float(text.replace(",", "").replace(" ", "").replace("_", ""))
    except ValueError:
        errors[field] = _("“%(value)s” is not a number.") % {"value": text}
        return None
    if not math.isfinite(value) or value < 0:
        errors[field] = _("“%(value)s” must be zero or more.") % {"value": text}
        return None
    if integer:
        if not value.is_integer():
            errors[field] = _("“%(value)s” must be a whole number.") % {"value": text}
            return None
        return int(value)
    return value


def _codes(text, field, errors, allowed, what):
    items = [item.upper() for item in _list(text)]
    bad = [item for item in items if item not in allowed]
    if bad:
        errors[field] = _("Unknown %(what)s: %(bad)s.") % {"what": what, "bad": ", ".join(bad)}
    return items


def _choice(text, field, errors, choices):
    if not text:
        return ""
    value = text.strip().lower()
    by_label = {str(label).lower(): key for key, label in choices}
    keys = {key.lower(): key for key, _label in choices}
    if value in keys:
        return keys[value]
    if value in by_label:
        return by_label[value]
    errors[field] = _("“%(value)s” is not one of: %(choices)s.") % {
        "value": text,
        "choices": ", ".join(key for key, _label in choices),
    }
    return ""


def _common(raw, errors, context):
    sectors = [code.lower() for code in _list(raw.get("sectors", ""))]
    unknown = [code for code in sectors if code not in context.sectors]
    if unknown:
        errors["sectors"] = _("Unknown sector code(s): %(codes)s.") % {"codes": ", ".join(unknown)}
    visibility = (
        _choice(
            raw.get("visibility", ""),
            "visibility",
            errors,
            [(Visibility.PUBLIC, "public"), (Visibility.SHARED, "shared")],
        )
        or Visibility.SHARED
    )
    return {"sectors": sectors, "visibility": visibility, "tags": _list(raw.get("tags", ""))}


def _check_company(raw, context):
    errors: dict[str, str] = {}
    values = _common(raw, errors, context)
    name = raw.get("name", "").strip()
    if not name:
        errors["name"] = _("The company name is missing.")
    country = raw.get("hq_country", "").strip().upper()
    if country not in context.countries:
        errors["hq_country"] = _("“%(value)s” is not an ISO country code such as CN.") % {"value": country}
    markets = _codes(
        raw.get("export_markets", ""),
        "export_markets",
        errors,
        set(REGIONS) | set(COUNTRY_REGION),
        _("markets"),
    )
    values.update(
        name=name[:200],
        aliases=_list(raw.get("aliases", "")),
        hq_country=country,
        capabilities=raw.get("capabilities", "").strip(),
        size=_choice(raw.get("size", ""), "size", errors, CompanySize.choices),
        employees=_number(raw.get("employees", ""), "employees", errors, integer=True),
        revenue_musd=_number(raw.get("revenue_musd", ""), "revenue_musd", errors),
        plants=_codes(raw.get("plants", ""), "plants", errors, context.countries, _("country codes")),
        export_markets=markets,
        investment_modes=[
            m.lower()
            for m in _codes(
                raw.get("investment_modes", ""),
                "investment_modes",
                errors,
                {k.upper() for k in KINDS},
                _("kinds"),
            )
        ],
        website=raw.get("website", "").strip(),
    )
    return values, errors, _core_name(name)


def _check_opportunity(raw, context):
    errors: dict[str, str] = {}
    values = _common(raw, errors, context)
    title = raw.get("title", "").strip()
    if not title:
        errors["title"] = _("The title is missing.")
    province = raw.get("province", "").strip()
    rows = province_rows(province) if province else []
    if province and not rows:
        errors["province"] = _("“%(value)s” is not one of Türkiye's 81 provinces.") % {"value": province}
    capacity = _number(raw.get("capacity_value", ""), "capacity_value", errors)
    unit = _choice(raw.get("capacity_unit", ""), "capacity_unit", errors, CapacityUnit.choices)
    if (capacity is None) != (not unit) and "capacity_value" not in errors and "capacity_unit" not in errors:
        errors["capacity_unit"] = _("Give the capacity and its unit together.")
    in_oiz = raw.get("in_oiz", "").strip().lower()
    if in_oiz not in ("", "yes", "no", "true", "false", "1", "0", "y", "n", "evet", "hayır", "hayir"):
        errors["in_oiz"] = _("Write yes or no.")
    kind = _choice(raw.get("kind", ""), "kind", errors, OpportunityKind.choices)
    if not kind and "kind" not in errors:
        errors["kind"] = _("The kind is missing.")
    values.update(
        title=title[:300],
        kind=kind,
        province=rows[0].name if rows else "",
        in_oiz=in_oiz in ("yes", "true", "1", "y", "evet"),
        capex_musd=_number(raw.get("capex_musd", ""), "capex_musd", errors),
        capacity_value=capacity,
        capacity_unit=unit,
        jobs=_number(raw.get("jobs", ""), "jobs", errors, integer=True),
        scheme_type=_choice(raw.get("scheme_type", ""), "scheme_type", errors, SchemeType.choices),
        description=raw.get("description", "").strip(),
        target_markets=_codes(
            raw.get("target_markets", ""),
            "target_markets",
            errors,
            set(REGIONS) | set(COUNTRY_REGION),
            _("markets"),
        ),
    )
    return values, errors, f"{fold(title)}|{fold(values['province'])}"


def _existing_keys(kind) -> dict[str, int]:
    if kind == ImportBatch.Kind.COMPANIES:
        keys = {}
        for pk, name, aliases in Organisation.objects.values_list("pk", "name", "aliases").order_by("pk"):
            for item in (name, *(aliases or [])):
                keys.setdefault(_core_name(item), pk)
        return keys
    return {
        f"{fold(title)}|{fold(province)}": pk
        for pk, title, province in Opportunity.objects.values_list("pk", "title", "province").order_by("-pk")
    }


@transaction.atomic
def preview_import(kind: str, file_name: str, content: bytes, *, user) -> ImportBatch:
    """Read and check the file into an ImportBatch (status preview); the record itself is not touched.

    Rows are read, checked and serialised one at a time, and the checked rows are written as one JSON
    text: 100,000 rows never exist as Python objects all at once (bench/import_memory.py). The returned
    batch loads its rows only when they are used."""
    batch = ImportBatch(kind=kind, file_name=file_name[:300], created_by=user)
    rows_json = "[]"
    try:
        header, rows = read_table(file_name, content)
        batch.file_errors = _header_errors(kind, header)
        if not batch.file_errors:
            rows_json, counts = _checked_rows(kind, header, rows)
            spec = COLUMNS[kind]
            ignored = [c for c in header if c and c not in spec["required"] + spec["optional"]]
            batch.summary = {**counts, "ignored_columns": ignored}
    except ImportFileError as error:
        batch.file_errors, rows_json = [str(error)], "[]"
    batch.save()
    ImportBatch.objects.filter(pk=batch.pk).update(rows=Cast(Value(rows_json), output_field=JSONField()))
    del rows_json
    return ImportBatch.objects.defer("rows").get(pk=batch.pk)


def _header_errors(kind: str, header: list[str]) -> list[str]:
    spec = COLUMNS[kind]
    errors = []
    missing = [column for column in spec["required"] if column not in header]
    if missing:
        errors.append(
            _("Missing column(s): %(missing)s. Expected columns: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ", ".join(spec["required"] + spec["optional"])}
        )
    named = [column for column in header if column]
    if len(set(named)) != len(named):
        errors.append(_("Some column names appear twice."))
    return errors


def _checked_rows(kind: str, header: list[str], rows: Iterator[TableRow]) -> tuple[str, dict]:
    """The rows checked as they are read, as one JSON array text, and their counts."""
    context = _Context(
        countries=set(Country.objects.values_list("code", flat=True)),
        sectors=dict(Sector.objects.values_list("code", "pk")),
    )
    check = _check_company if kind == ImportBatch.Kind.COMPANIES else _check_opportunity
    existing = _existing_keys(kind)
    seen: dict[str, int] = {}
    encoded: list[str] = []
    counts = {"rows": 0, "errors": 0, "duplicates": 0}
    for offset, row in enumerate(rows):
        line = offset + 2
        if row.error:
            checked = {"line": line, "values": {}, "errors": {"_row": row.error}, "duplicate_of": None}
        else:
            raw = {
                column: (row.cells[i].strip() if i < len(row.cells) else "")
                for i, column in enumerate(header)
                if column
            }
            cleaned, errors, key = check(raw, context)
            if not errors and key in seen:
                errors["_row"] = _("Same record as line %(line)d of this file.") % {"line": seen[key]}
            seen.setdefault(key, line)
            checked = {"line": line, "values": cleaned, "errors": errors, "duplicate_of": existing.get(key)}
        counts["rows"] += 1
        counts["errors"] += bool(checked["errors"])
        counts["duplicates"] += bool(checked["duplicate_of"] and not checked["errors"])
        # ASCII escapes keep every piece one byte per character (a non-ASCII piece would take two or four)
        encoded.append(json.dumps(checked, separators=(",", ":")))
    text = "[" + ",".join(encoded) + "]"
    return text, counts


# -- confirming ------------------------------------------------------------------------------------------


class ImportRefused(Exception):
    pass


@transaction.atomic
def confirm_import(batch: ImportBatch, *, user, decisions: dict[str, str], skip_errors: bool = False) -> dict:
    """Write the batch: every accepted row or none. `decisions` maps a duplicate row's line to
    merge | create | skip (default merge). Returns counts."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status not in (ImportBatch.Status.PREVIEW, ImportBatch.Status.QUEUED):
        raise ImportRefused(_("This import was already confirmed or cancelled."))
    if batch.file_errors:
        raise ImportRefused(_("The file has errors; upload a corrected file."))
    if batch.error_rows and not skip_errors:
        raise ImportRefused(
            _("%(n)d row(s) have errors: correct the file, or choose to skip those rows.")
            % {"n": len(batch.error_rows)}
        )
    for value in decisions.values():
        if value not in ("merge", "create", "skip"):
            raise ImportRefused(_("Unknown choice “%(value)s”.") % {"value": value})
    counts = {"created": 0, "merged": 0, "skipped": 0, "errors_skipped": len(batch.error_rows)}
    to_create, to_merge = [], []
    for row in batch.rows:
        if row["errors"]:
            continue
        decision = decisions.get(str(row["line"]), "merge") if row["duplicate_of"] else "create"
        if decision == "skip":
            counts["skipped"] += 1
        elif decision == "merge":
            to_merge.append(row)
        else:
            to_create.append(row)
    writer = _write_companies if batch.kind == ImportBatch.Kind.COMPANIES else _write_opportunities
    counts["created"], counts["merged"] = writer(to_create, to_merge, user=user, source=batch.file_name)
    batch.status = ImportBatch.Status.CONFIRMED
    batch.confirmed_at = timezone.now()
    batch.decisions = decisions
    batch.summary = {**batch.summary, **counts}
    batch.save()
    return counts


@transaction.atomic
def queue_import(batch: ImportBatch, *, user, decisions: dict[str, str], skip_errors: bool = False) -> None:
    """Check what confirm_import would refuse now, then confirm in a background task after commit."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise ImportRefused(_("This import was already confirmed or cancelled."))
    if batch.file_errors or (batch.error_rows and not skip_errors):
        raise ImportRefused(_("The file has errors: correct the file, or choose to skip those rows."))
    batch.status = ImportBatch.Status.QUEUED
    batch.decisions = {"choices": decisions, "skip_errors": skip_errors, "user_id": user.pk}
    batch.save(update_fields=["status", "decisions"])

    enqueue_on_commit("invest.confirm_import", batch_id=batch.pk)


def _sector_ids(codes):
    return list(Sector.objects.filter(code__in=codes).values_list("pk", flat=True))


def _profile_fields(values):
    return {
        "capabilities": values["capabilities"],
        "tags": values["tags"],
        "size": values["size"],
        "employees": values["employees"],
        "revenue_musd": values["revenue_musd"],
        "plants": values["plants"],
        "export_markets": values["export_markets"],
        "investment_modes": values["investment_modes"],
    }


def _union(current, new) -> list:
    """The current list with the new items appended, each once, in order."""
    return list(dict.fromkeys([*(current or []), *new]))


def _merge_values(record, values: dict, empty: tuple) -> None:
    """Merge imported values into an existing record: lists gain the new items; other fields take the
    imported value unless it is one of `empty`."""
    for field, value in values.items():
        if isinstance(value, list):
            setattr(record, field, _union(getattr(record, field), value))
        elif value not in empty:
            setattr(record, field, value)


def _add_sectors(through, link: str, created, rows, sectors: dict[str, int]) -> None:
    """The imported rows' sector codes as `through` rows for the records created from them."""
    through.objects.bulk_create(
        [
            through(**{link: record.pk}, sector_id=sectors[code])
            for record, row in zip(created, rows, strict=True)
            for code in row["values"]["sectors"]
        ],
        batch_size=1000,
    )


def _write_companies(to_create, to_merge, *, user, source):
    sectors = dict(Sector.objects.values_list("code", "pk"))
    organisations = [
        Organisation(
            name=row["values"]["name"],
            kind=OrganisationKind.COMPANY,
            country_id=row["values"]["hq_country"],
            aliases=row["values"]["aliases"],
            website=row["values"]["website"],
            visibility=row["values"]["visibility"],
        )
        for row in to_create
    ]
    for organisation in organisations:  # country codes were checked against the table in the preview
        _validate(organisation, exclude=["search_text", "country", "parent"])
    created = bulk_create_with_history(organisations, Organisation, batch_size=500, default_user=user)
    if not all(o.pk for o in created):  # backends without RETURNING: fetch the ids back
        raise ImportRefused(_("The database did not return the new ids."))
    profiles = [
        CompanyProfile(
            organisation=organisation,
            visibility=row["values"]["visibility"],
            source=source[:200],
            **_profile_fields(row["values"]),
        )
        for organisation, row in zip(created, to_create, strict=True)
    ]
    for profile in profiles:
        _validate(profile, exclude=["organisation", "id"])
    bulk_create_with_history(profiles, CompanyProfile, batch_size=500, default_user=user)
    _add_sectors(Organisation.sectors.through, "organisation_id", created, to_create, sectors)
    for row in to_merge:
        organisation = Organisation.objects.get(pk=row["duplicate_of"])
        values = row["values"]
        if not organisation.country_id:
            organisation.country_id = values["hq_country"]
        organisation.aliases = _union(organisation.aliases, values["aliases"])
        if values["website"] and not organisation.website:
            organisation.website = values["website"]
        organisation._change_reason = _("merged from an import")
        _validate(organisation)
        organisation.save()
        organisation.sectors.add(*_sector_ids(values["sectors"]))
        profile = CompanyProfile.objects.filter(organisation=organisation).first() or CompanyProfile(
            organisation=organisation, visibility=values["visibility"], source=source[:200]
        )
        _merge_values(profile, _profile_fields(values), empty=(None, ""))
        _validate(profile)
        profile.save()
    return len(created), len(to_merge)


def _write_opportunities(to_create, to_merge, *, user, source):
    columns = COLUMNS[ImportBatch.Kind.OPPORTUNITIES]
    fields = [*columns["required"], *(c for c in columns["optional"] if c != "sectors")]  # sectors: m2m
    host = settings.KOPRU_SIDE_A
    records = [
        Opportunity(host_country_id=host, **{f: row["values"][f] for f in fields}) for row in to_create
    ]
    for record in records:
        _validate(record, exclude=["search_text", "host_country"])
    created = bulk_create_with_history(records, Opportunity, batch_size=500, default_user=user)
    sectors = dict(Sector.objects.values_list("code", "pk"))
    _add_sectors(Opportunity.sectors.through, "opportunity_id", created, to_create, sectors)
    for row in to_merge:
        record = Opportunity.objects.get(pk=row["duplicate_of"])
        kept = {field: row["values"][field] for field in fields if field not in ("title", "visibility")}
        _merge_values(record, kept, empty=(None, "", False))
        record._change_reason = _("merged from an import")
        _validate(record)
        record.save()
        record.sectors.add(*_sector_ids(row["values"]["sectors"]))
    return len(created), len(to_merge)


def _validate(obj, exclude=None):
    try:
        obj.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        raise ImportRefused(
            _("%(record)s: %(error)s") % {"record": obj, "error": "; ".join(error.messages)}
        ) from None
