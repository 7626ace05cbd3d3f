"""Import: preview with per-row errors, nothing written until confirmed, duplicates merged, all or nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from kopru.core.models import Organisation
from kopru.invest.domain.imports import ImportRefused, confirm_import, preview_import
from kopru.invest.models import CompanyProfile, ImportBatch, Opportunity
from tests.factories import OrganisationFactory
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

COMPANIES_CSV = (
    "Name,HQ country,Sectors,Tags,Employees,Export markets\n"
    "Ningtai Battery,CN,battery,LFP; gigafactory,120000,EU;MENA\n"
    "Dragonway Auto Co. Ltd.,CN,ev;automotive,BEV,600000,EU\n"
    "Hanil Energy,KR,battery,NMC,40000,EU\n"
)


def test_a_preview_writes_nothing_and_shows_duplicates(cast):
    dragonway = OrganisationFactory(name="Dragonway Auto", country_id="CN")
    batch = preview_import(ImportBatch.Kind.COMPANIES, "leads.csv", COMPANIES_CSV.encode(), user=cast.staff_a)
    assert batch.file_errors == []
    assert batch.summary == {"rows": 3, "errors": 0, "duplicates": 1, "ignored_columns": []}
    assert [row["duplicate_of"] for row in batch.rows] == [None, dragonway.pk, None]
    assert CompanyProfile.objects.count() == 0
    assert Organisation.objects.count() == 2  # the cast's company and Dragonway


def test_confirming_creates_merges_and_records_history(cast):
    dragonway = OrganisationFactory(name="Dragonway Auto", country_id="CN")
    batch = preview_import(ImportBatch.Kind.COMPANIES, "leads.csv", COMPANIES_CSV.encode(), user=cast.staff_a)
    counts = confirm_import(batch, user=cast.staff_a, decisions={"3": "merge"})
    assert counts == {"created": 2, "merged": 1, "skipped": 0, "errors_skipped": 0}
    ningtai = CompanyProfile.objects.get(organisation__name="Ningtai Battery")
    assert (ningtai.tags, ningtai.employees, ningtai.export_markets) == (
        ["LFP", "gigafactory"],
        120000,
        ["EU", "MENA"],
    )
    assert [s.code for s in ningtai.organisation.sectors.order_by("code")] == ["battery"]
    assert ningtai.history.first().history_user == cast.staff_a
    merged = CompanyProfile.objects.get(organisation=dragonway)
    assert sorted(s.code for s in dragonway.sectors.all()) == ["automotive", "ev"]
    assert merged.employees == 600000
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CONFIRMED
    with pytest.raises(ImportRefused):
        confirm_import(batch, user=cast.staff_a, decisions={})


def test_skip_and_create_decisions(cast):
    OrganisationFactory(name="Dragonway Auto", country_id="CN")
    batch = preview_import(ImportBatch.Kind.COMPANIES, "leads.csv", COMPANIES_CSV.encode(), user=cast.staff_a)
    assert confirm_import(batch, user=cast.staff_a, decisions={"3": "skip"})["skipped"] == 1
    assert not CompanyProfile.objects.filter(organisation__name__startswith="Dragonway").exists()


def test_row_errors_name_the_line_and_field_and_block_the_import(cast):
    content = (
        b"name,hq_country,sectors,employees,export_markets\n"
        b"Ningtai Battery,CN,battery,many,EU\n"
        b",XX,batery,10,ATLANTIS\n"
        b"Ningtai Battery,CN,battery,5,EU\n"
        b"Hanil Energy,KR,battery,40000,EU\n"
    )
    batch = preview_import(ImportBatch.Kind.COMPANIES, "bad.csv", content, user=cast.staff_a)
    errors = {row["line"]: row["errors"] for row in batch.rows if row["errors"]}
    assert errors == {
        2: {"employees": "“many” is not a number."},
        3: {
            "sectors": "Unknown sector code(s): batery.",
            "name": "The company name is missing.",
            "hq_country": "“XX” is not an ISO country code such as CN.",
            "export_markets": "Unknown markets: ATLANTIS.",
        },
        4: {"_row": "Same record as line 2 of this file."},
    }
    with pytest.raises(ImportRefused):
        confirm_import(batch, user=cast.staff_a, decisions={})
    assert CompanyProfile.objects.count() == 0
    assert confirm_import(batch, user=cast.staff_a, decisions={}, skip_errors=True)["created"] == 1
    assert list(CompanyProfile.objects.values_list("organisation__name", flat=True)) == ["Hanil Energy"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("x.csv", b"company,country\nA,CN\n", "Missing column(s): name, hq_country."),
        (
            "x.csv",
            "name,hq_country\nKırıkkale Cells,TR\n".encode("cp1254"),
            "The file is not UTF-8 text (bad byte on line 2).",
        ),
        ("x.xlsx", b"not a zip", "This is not a readable XLSX workbook"),
        ("x.pdf", b"%PDF", "Upload a .csv or .xlsx file."),
        ("x.csv", b"", "The file is empty."),
    ],
)
def test_file_errors(cast, name, content, message):
    batch = preview_import(ImportBatch.Kind.COMPANIES, name, content, user=cast.staff_a)
    assert len(batch.file_errors) == 1 and batch.file_errors[0].startswith(message)
    assert batch.rows == []


def test_too_many_rows_are_refused(cast, monkeypatch):
    monkeypatch.setattr("kopru.invest.domain.imports.MAX_ROWS", 3)
    content = ("name,hq_country\n" + "".join(f"Company {i},CN\n" for i in range(5))).encode()
    batch = preview_import(ImportBatch.Kind.COMPANIES, "big.csv", content, user=cast.staff_a)
    assert batch.file_errors == ["The file has more than 3 rows; split it into several files."]


def test_opportunities_from_xlsx(cast):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Title", "Kind", "Sectors", "Province", "In OIZ", "Capex MUSD", "Capacity value", "Capacity unit"]
    )
    sheet.append(["Cell plant site", "greenfield", "battery", "manisa", "yes", 1500, 20, "GWh/yr"])
    sheet.append(["Nowhere site", "castle", "battery", "Atlantis", "maybe", -1, 5, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = preview_import(ImportBatch.Kind.OPPORTUNITIES, "sites.xlsx", buffer.getvalue(), user=cast.staff_a)
    assert batch.rows[0]["errors"] == {}
    assert set(batch.rows[1]["errors"]) == {"province", "in_oiz", "kind", "capex_musd", "capacity_unit"}
    confirm_import(batch, user=cast.staff_a, decisions={}, skip_errors=True)
    site = Opportunity.objects.get()
    assert (site.title, site.province, site.in_oiz, site.capacity_unit) == (
        "Cell plant site",
        "Manisa",
        True,
        "GWh/yr",
    )
    assert [s.code for s in site.sectors.all()] == ["battery"]


def test_the_upload_preview_and_confirm_pages(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(client, cast, "staff_a")
    upload = SimpleUploadedFile("leads.csv", COMPANIES_CSV.encode(), content_type="text/csv")
    response = client.post("/invest/import/", {"kind": "companies", "file": upload})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/invest/import/{batch.pk}/"
    page = client.get(f"/invest/import/{batch.pk}/")
    assert "3 rows: 0 with errors, 0 matching existing records." in page.content.decode()
    response = client.post(f"/invest/import/{batch.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    assert CompanyProfile.objects.count() == 3


IMMEDIATE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
}


def test_a_large_import_is_confirmed_in_the_background(
    client, cast, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr("kopru.invest.views.imports.BACKGROUND_ROWS", 2)
    batch = preview_import(ImportBatch.Kind.COMPANIES, "leads.csv", COMPANIES_CSV.encode(), user=cast.staff_a)
    client = client_as(client, cast, "staff_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/invest/import/{batch.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CONFIRMED
    assert batch.summary["created"] == 3
    assert CompanyProfile.objects.count() == 3


def test_a_failed_background_import_writes_nothing_and_says_why(cast, settings):
    from kopru.invest.domain.imports import queue_import
    from kopru.invest.tasks import confirm_import_task

    batch = preview_import(ImportBatch.Kind.COMPANIES, "leads.csv", COMPANIES_CSV.encode(), user=cast.staff_a)
    queue_import(batch, user=cast.staff_a, decisions={})
    batch.rows[2]["values"]["export_markets"] = ["ATLANTIS"]  # a value the model refuses at write time
    ImportBatch.objects.filter(pk=batch.pk).update(rows=batch.rows)
    with pytest.raises(ImportRefused):  # the worker logs it; the batch records it
        confirm_import_task.call(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert batch.summary["failure"] != ""
    assert CompanyProfile.objects.count() == 0
