import csv
import io

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from kopru.core.enums import Visibility
from tests.factories import EngagementFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_csv_export_follows_the_list_filters_and_visibility(client, cast):
    EngagementFactory(title="Meeting in Beijing", kind="meeting")
    EngagementFactory(title='=HYPERLINK("evil")', kind="meeting")
    EngagementFactory(title="Visit to Jiangxi", kind="visit")
    EngagementFactory(
        title="Our internal prep", kind="meeting", visibility=Visibility.INTERNAL, owner_side="TR"
    )
    client.force_login(cast.staff_b)
    response = client.get("/engagements/export.csv?kind=meeting&sort=title")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["id", "title", "kind", "status", "date", "place", "participants"]
    assert [row[1] for row in rows[1:]] == ['\'=HYPERLINK("evil")', "Meeting in Beijing"]


def test_xlsx_export_has_the_same_rows(client, cast):
    PersonFactory(name="Mehmet Fatih Kacır")
    PersonFactory(name="尹合君")
    client.force_login(cast.staff_a)
    response = client.get("/people/export.xlsx?sort=name")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["id", "name", "country", "positions"]
    assert [row[1] for row in values[1:]] == ["Mehmet Fatih Kacır", "尹合君"]


def test_icalendar_feed_of_engagements(client, cast):
    import datetime

    EngagementFactory(title="Ministerial meeting", start_date=datetime.date(2024, 5, 20), place="Beijing")
    EngagementFactory(title="Planned visit", status="planned", start_date=None)
    client.force_login(cast.staff_a)
    calendar = Calendar.from_ical(client.get("/engagements/calendar.ics").content)
    events = list(calendar.walk("VEVENT"))
    assert [(str(e["summary"]), e["dtstart"].dt, str(e["location"])) for e in events] == [
        ("Ministerial meeting", datetime.date(2024, 5, 20), "Beijing")
    ]
