"""The import reads rows one at a time with a memory ceiling: a hostile XLSX declaring A1:XFD1048576 does
not grow memory, a CSV cell over 131,072 characters is a row error (not a 500)."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest

from kopru.invest.domain.imports import preview_import, read_table
from kopru.invest.models import ImportBatch
from tests.matrix import client_as

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from import_memory import company_xlsx, declared_whole_sheet_xlsx

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_declared_whole_sheet_is_read_as_the_cells_it_has():
    content = declared_whole_sheet_xlsx(rows=300)
    assert len(content) < 40_000
    tracemalloc.start()
    try:
        header, rows = read_table("hostile.xlsx", content)
        widths = {len(row.cells) for row in rows}
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert header == ["name", "hq_country", "sectors", "capabilities", "employees", "revenue_musd"]
    assert widths == {6}
    assert peak < 20 * 1024 * 1024


def test_a_declared_whole_sheet_previews_its_rows(cast):
    batch = preview_import(
        ImportBatch.Kind.COMPANIES, "hostile.xlsx", declared_whole_sheet_xlsx(3), user=cast.staff_a
    )
    assert batch.file_errors == []
    assert batch.summary["rows"] == 3
    assert [row["values"]["name"] for row in batch.rows] == [f"Company {i} Co Ltd" for i in range(3)]


def test_rows_are_read_lazily():
    header, rows = read_table("c.xlsx", company_xlsx(50))
    assert header[0] == "name"
    assert next(rows).cells[0] == "Company 0 Co Ltd"  # a generator: nothing read ahead into a list
    assert not isinstance(rows, list)


def test_a_csv_cell_over_the_field_limit_is_a_row_error_and_the_rest_is_read(cast):
    long = "x" * 131_073
    content = (
        f"name,hq_country,capabilities\nFirst Co,CN,cells\nLong Co,CN,{long}\nThird Co,CN,packs\n".encode()
    )
    batch = preview_import(ImportBatch.Kind.COMPANIES, "long.csv", content, user=cast.staff_a)
    assert batch.file_errors == []
    assert [(row["line"], row["errors"]) for row in batch.rows if row["errors"]] == [
        (3, {"_row": "A cell is longer than 131,072 characters; shorten it or leave it out."})
    ]
    assert [row["values"]["name"] for row in batch.rows if not row["errors"]] == ["First Co", "Third Co"]


def test_the_upload_page_answers_a_long_cell_with_the_preview_not_a_500(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = ("name,hq_country,capabilities\nLong Co,CN," + "y" * 200_000 + "\n").encode()
    client = client_as(client, cast, "staff_a")
    response = client.post(
        "/invest/import/", {"kind": "companies", "file": SimpleUploadedFile("long.csv", content)}, follow=True
    )
    assert response.status_code == 200
    assert "A cell is longer than 131,072 characters" in response.content.decode()


def test_the_header_ignores_a_sheets_trailing_empty_cells(cast):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "hq_country", None, None])
    sheet.cell(row=1, column=40, value=None)
    sheet.append(["Ningtai", "CN"])
    out = io.BytesIO()
    workbook.save(out)
    batch = preview_import(ImportBatch.Kind.COMPANIES, "c.xlsx", out.getvalue(), user=cast.staff_a)
    assert batch.file_errors == []
    assert batch.summary["rows"] == 1
