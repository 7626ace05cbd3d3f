"""The main menu: grouped by pillar, and for every role exactly the pages that role may open.

Each entry's visibility comes from the permission its view checks (`NavItem.perm` through
`kopru.ui.views.access.may_open`); these tests request the pages themselves, so an entry whose view
asks for something else than its menu entry fails here.
"""

import re

import pytest
from django.test import Client
from django.utils import translation

from kopru.core.enums import Role
from kopru.ui.navigation import PILLARS, NavItem, declared_items, menu_for, menu_html
from tests.conftest import client_for
from tests.factories import default_stage

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _language_restored():
    # A request in another language leaves that language active in the thread; later tests expect English.
    with translation.override(translation.get_language()):
        yield


@pytest.fixture(autouse=True)
def _a_pipeline(db):
    # The kanban board shows a pipeline; without one it is "not found" for everybody, menu or not.
    default_stage("lead")


# Every section's entry page: each one a role may open must be in that role's menu (reference data,
# /countries/ and /sectors/, included).
SECTION_PAGES = [
    "/engagements/",
    "/engagements/timeline/",
    "/agreements/",
    "/areas/board/",
    "/claims/",
    "/actions/",
    "/people/",
    "/positions/",
    "/organisations/",
    "/sectors/",
    "/countries/",
    "/documents/",
    "/documents/upload/",
    "/intel/queue/",
    "/sources/",
    "/invest/",
    "/invest/board/",
    "/invest/deals/",
    "/invest/opportunities/",
    "/invest/companies/",
    "/invest/pipelines/",
    "/invest/import/",
    "/invest/case/",
    "/invest/case/cases/",
    "/calls/",
    "/calls/reviews/",
    "/calls/reviewers/",
    "/insights/",
    "/insights/commitments/",
    "/insights/graph/",
    "/insights/map/",
    "/insights/calls/",
    "/insights/following/",
]
STAFF_ONLY = {
    "/documents/upload/",
    "/intel/queue/",
    "/sources/",
    "/invest/board/",
    "/invest/pipelines/",
    "/invest/import/",
    "/calls/reviewers/",
}
SIGNED_IN_ONLY = {page for page in SECTION_PAGES if page.startswith("/insights/")}
NAV = re.compile(r'<nav class="main"[^>]*>(.*?)</nav>', re.S)


def menu_links(client) -> list[str]:
    page = client.get("/").content.decode()
    return re.findall(r'href="([^"]+)"', NAV.search(page).group(1))


@pytest.mark.parametrize("role", ["admin", "staff_a", "staff_b", "company", "reviewer", "anonymous"])
def test_every_menu_link_opens_and_every_page_the_role_may_open_is_in_its_menu(client, cast, role):
    client = client_for(client, cast.by_role()[role])
    links = menu_links(client)
    assert len(links) == len(set(links))
    refused = {link: client.get(link).status_code for link in links}
    assert {link: status for link, status in refused.items() if status != 200} == {}
    opens = {page for page in SECTION_PAGES if client.get(page).status_code == 200}
    assert opens - set(links) == set()
    assert set(links) - opens == set()  # no entry outside the section pages: add new ones above


def test_each_role_sees_what_its_permissions_allow(cast):
    seen = {role: set(menu_links(client_for(Client(), user))) for role, user in cast.by_role().items()}
    everyone = set(SECTION_PAGES) - STAFF_ONLY - SIGNED_IN_ONLY - {"/calls/reviews/"}
    assert seen["anonymous"] == everyone
    assert seen["company"] == everyone | SIGNED_IN_ONLY
    assert seen["reviewer"] == everyone | SIGNED_IN_ONLY | {"/calls/reviews/"}
    assert seen["staff_a"] == seen["staff_b"] == everyone | SIGNED_IN_ONLY | STAFF_ONLY
    assert seen["admin"] == everyone | SIGNED_IN_ONLY | STAFF_ONLY


def test_the_menu_is_grouped_by_pillar_and_marks_the_current_one(cast):
    menu = menu_for(cast.staff_a, "/invest/deals/3/")
    assert [group.key for group in menu] == list(PILLARS)
    assert [group.key for group in menu if group.current] == ["investment"]
    assert [group.key for group in menu_for(cast.staff_a, "/") if group.current] == []
    calls = next(group for group in menu_for(cast.company, "/calls/") if group.key == "calls")
    assert (calls.current, calls.links) == (True, [("R&D calls", "/calls/")])


def test_an_entry_names_one_of_the_five_pillars():
    with pytest.raises(ValueError, match="Unknown pillar 'investments'"):
        NavItem("investments", "Deals", "invest:deal-list")
    assert {item.pillar for item in declared_items()} == set(PILLARS)


def test_the_menu_speaks_the_readers_language(client, cast, settings):
    client = client_for(client, cast.staff_a)
    expected = {
        "en": ["Record", "Intelligence", "Investment", "Calls", "Insights", "Menu"],
        "tr": ["Kayıt", "Belge analizi", "Yatırım", "Ar-Ge çağrıları", "İçgörüler", "Menü"],
        "zh-hans": ["记录", "文档智能分析", "投资", "研发征集", "洞察", "菜单"],
    }
    for language, labels in expected.items():
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        header = client.get("/").content.decode().split("</header>")[0]
        for label in labels:
            assert f">{label}<" in header, (language, label)


def test_a_changed_role_changes_the_menu_at_once_although_drawn_menus_are_remembered(cast):
    officer_menu = menu_html(cast.staff_a, "/invest/")
    assert menu_html(cast.staff_a, "/invest/") is officer_menu  # the same drawing, not drawn again
    assert 'href="/invest/board/"' in officer_menu

    cast.staff_a.profile.role = Role.COMPANY
    cast.staff_a.profile.save()

    company_menu = menu_html(cast.staff_a, "/invest/")
    assert 'href="/invest/board/"' not in company_menu
    assert 'aria-current="page"' in company_menu  # "/invest/" is an entry of both menus
    assert 'aria-current="page"' not in menu_html(cast.staff_a, "/invest/deals/3/")
