"""An investment officer drags a deal to the next stage on the board and finds the move in its history;
a move the rules refuse snaps back with the reason."""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.factories import DealFactory

pytestmark = [pytest.mark.e2e]


def _login(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.record button[type=submit]")
    expect(page.locator("header.top")).to_contain_text(user.username)


def _drag(page, source, target):
    """Press, move in steps (SortableJS follows the pointer) and release over the target column."""
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + 20, start["y"] + 10)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 20, steps=25)
    page.mouse.up()


def test_drag_a_deal_to_the_next_stage_and_see_it_in_the_history(live_server, page, reference_data, cast):
    deal = DealFactory(title="Ningtai – Manisa cell gigafactory")
    page.set_viewport_size({"width": 2200, "height": 900})  # every column on screen
    _login(page, live_server, cast.staff_a)
    page.goto(f"{live_server.url}/invest/board/")
    card = page.locator(f"#deal-{deal.pk}")
    expect(page.locator("ol[data-stage-code=lead]")).to_contain_text("Ningtai")

    _drag(page, card, page.locator("ol[data-stage-code=contacted]"))
    expect(page.locator("#board-status")).to_contain_text("Moved.")  # the server saved it
    page.reload()
    expect(page.locator("ol[data-stage-code=contacted]")).to_contain_text("Ningtai")

    # a refused move: straight to "operating" without a signed agreement snaps back, with the reason
    _drag(page, page.locator(f"#deal-{deal.pk}"), page.locator("ol[data-stage-code=operating]"))
    expect(page.locator("#board-status")).to_contain_text("needs a signed agreement")
    expect(page.locator("ol[data-stage-code=contacted]")).to_contain_text("Ningtai")

    page.click(f"#deal-{deal.pk} a")
    history = page.locator("#stage-history")
    expect(history).to_contain_text("Lead")
    expect(history).to_contain_text("Contacted")
    expect(history).to_contain_text(cast.staff_a.username)
    expect(page.locator("#deal-stage")).to_contain_text("Contacted")


def test_keyboard_move_with_the_card_menu(live_server, page, reference_data, cast):
    deal = DealFactory(title="Sinoblade – İzmir blades")
    _login(page, live_server, cast.staff_a)
    page.goto(f"{live_server.url}/invest/board/")
    page.focus(f"#move-{deal.pk}")
    page.keyboard.press("Enter")  # "Move…" brings the board's one stage menu to this card
    expect(page.locator(f"#deal-{deal.pk} #board-move-stage")).to_be_focused()
    page.select_option("#board-move-stage", label="Site visit")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#deal-stage")).to_contain_text("Site visit")
    expect(page.locator("#stage-history")).to_contain_text("Site visit")


def test_the_board_fits_1280_pixels_and_scrolls_inside_its_frame(live_server, page, reference_data, cast):
    for index in range(30):
        DealFactory(title=f"Lead {index:02d} – a long enough deal title to wrap in its card")
    page.set_viewport_size({"width": 1280, "height": 800})
    _login(page, live_server, cast.staff_a)
    page.goto(f"{live_server.url}/invest/board/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    board = page.locator(".kanban")
    assert board.evaluate("element => element.scrollWidth > element.clientWidth")  # the last columns: inside
    lead = page.locator("ol[data-stage-code=lead]")
    expect(lead.locator("li.deal-card")).to_have_count(25)
    lead.locator("li.more a").click()  # htmx: the next cards of this column only
    expect(lead.locator("li.deal-card")).to_have_count(30)
    expect(lead.locator("li.more")).to_have_count(0)
