"""The layout's constant parts are drawn once per language (`{% per_language %}`, kopru.ui.templatetags):
every page is the characters the layout drew without it, and nothing of a request enters what is kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, engines
from django.test import RequestFactory
from django.utils import translation

import kopru.ui

pytestmark = pytest.mark.django_db

BASE = Path(kopru.ui.__file__).parent / "templates" / "ui" / "base.html"
CSRF = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')


def _without_tag(source: str) -> str:
    return source.replace("{% per_language %}", "").replace("{% endper_language %}", "")


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
@pytest.mark.parametrize("who", ["staff_a", "company", None])
def test_the_layout_is_the_same_characters_as_without_the_tag(client, cast, language, who):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage import default_storage
    from django.middleware.csrf import get_token

    source = BASE.read_text()
    assert "{% per_language %}" in source
    kept, plain = (engines["django"].from_string(text) for text in (source, _without_tag(source)))
    for path in ("/", '/search/?q=<b>"x"</b>&y=1', "/engagements/"):
        request = RequestFactory().get(path)
        request.user = getattr(cast, who) if who else AnonymousUser()
        request.session = client.session
        request._messages = default_storage(request)
        get_token(request)
        with translation.override(language):
            for _ in range(2):  # drawn, then kept
                drawn = [CSRF.sub(r"\1X", template.render({}, request)) for template in (kept, plain)]
                assert drawn[0] == drawn[1]
        assert f'<html lang="{language}">' in drawn[0]


def test_what_is_kept_holds_nothing_of_the_page():
    template = Template(
        "{% load kopru i18n %}{% per_language %}[{{ secret }}|{{ LANGUAGE_CODE }}|{% translate 'Search' %}]"
        "{% endper_language %}{{ secret }}"
    )
    with translation.override("tr"):
        assert template.render(Context({"secret": "A"})) == "[|tr|Ara]A"
        assert template.render(Context({"secret": "B"})) == "[|tr|Ara]B"
    with translation.override("en"):
        assert template.render(Context({"secret": "C"})) == "[|en|Search]C"
    assert settings.LANGUAGE_CODE
