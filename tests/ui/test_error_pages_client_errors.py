"""Styled 403 and 404 pages that say what happened and what to do, in the reader's language."""

import pytest
from django.utils import translation

from tests.conftest import client_for
from tests.factories import default_stage

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _language_restored():
    # A request in another language leaves that language active in the thread; later tests expect English.
    with translation.override(translation.get_language()):
        yield


NOT_FOUND = {
    "en": ("Page not found", "There is no page at this address"),
    "tr": ("Sayfa bulunamadı", "Bu adreste bir sayfa yok"),
    "zh-hans": ("页面不存在", "此网址没有页面"),
}
FORBIDDEN = {
    "en": ("You may not do this", "You are signed in as company (Company user)", "ask a desk officer"),
    "tr": (
        "Bunu yapma yetkiniz yok",
        "company (Şirket kullanıcısı) olarak giriş yaptınız",
        "masa sorumlusundan",
    ),
    "zh-hans": ("您无权执行此操作", "您以 company（企业用户）身份登录", "对接官员"),
}


@pytest.mark.parametrize("language", list(NOT_FOUND))
def test_an_unknown_address_answers_a_styled_404_that_says_what_to_do(client, cast, settings, language):
    client = client_for(client, cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/engagements/999999/", HTTP_REFERER="http://testserver/engagements/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'class="error-page"' in page and '<nav class="main"' in page  # the menu stays, to go on
    for text in NOT_FOUND[language]:
        assert text in page
    assert 'href="http://testserver/engagements/" data-history-back' in page
    assert "/accounts/login/" not in page.split("</header>")[1]  # signed in: no "sign in" button


def test_an_anonymous_404_offers_to_sign_in_and_ignores_a_foreign_referer(client):
    response = client.get("/no-such-section/", HTTP_REFERER="https://elsewhere.example/x")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'href="/accounts/login/?next=/no-such-section/">Sign in</a>' in page
    assert "elsewhere.example" not in page
    assert 'href="/" data-history-back' in page
    assert "sign in and open the link again" in page


@pytest.mark.parametrize("language", list(FORBIDDEN))
def test_a_page_the_role_may_not_open_answers_a_styled_403_naming_the_role(client, cast, settings, language):
    default_stage("lead")
    client = client_for(client, cast.company)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/invest/board/")
    page = response.content.decode()
    assert response.status_code == 403
    assert 'class="error-page"' in page
    for text in FORBIDDEN[language]:
        assert text in page


def test_the_api_keeps_answering_json(client, cast):
    client = client_for(client, cast.company)
    response = client.get("/api/no-such-endpoint/")
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json() == {"detail": "Not found."}


def test_the_favicon_is_served_from_static_files(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<link rel="icon" href="/static/kopru/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="icon" href="/static/kopru/favicon-32.png" type="image/png" sizes="32x32">' in page
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/kopru/favicon.ico")
