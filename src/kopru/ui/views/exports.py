"""CSV and XLSX of every list (with the list's filters), and an iCalendar feed of engagements."""

from __future__ import annotations

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event
from openpyxl import Workbook

from kopru.core.access import visible_to
from kopru.engage.models import Engagement
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
        [obj.pk, *[cell_text(obj, column.path) for column in record_type.columns]]
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


def xlsx_response(file_name: str, sheet_title: str, header: list, rows) -> HttpResponse:
    """An XLSX download of one sheet; every cell is neutralised (spreadsheet formulas stay inert)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title)
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise_formula(value) for value in row])
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


def engagements_ical(request):
    require_staff(request)
    calendar = Calendar()
    calendar.add("prodid", "-//Köprü//engagements//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Köprü engagements")
    engagements = visible_to(Engagement.objects.filter(start_date__isnull=False), request.user)
    host = request.get_host()
    for engagement in engagements[:5000]:
        event = Event()
        event.add("uid", f"engagement-{engagement.pk}@{host}")
        event.add("summary", engagement.title)
        event.add("dtstart", engagement.start_date)
        event.add("dtend", (engagement.end_date or engagement.start_date) + datetime.timedelta(days=1))
        event.add("dtstamp", engagement.updated_at)
        if engagement.place:
            event.add("location", engagement.place)
        event.add(
            "status",
            "CANCELLED"
            if engagement.status == "cancelled"
            else "TENTATIVE"
            if engagement.status == "planned"
            else "CONFIRMED",
        )
        event.add("description", engagement.summary)
        event.add("url", request.build_absolute_uri(engagement.get_absolute_url()))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kopru-engagements.ics"'
    return response
