"""Production settings and headers: check --deploy clean, debug refused, CSP, HSTS, secure cookies, login
throttling, Argon2 hashing and the queue decision's `next=` (issue 14, item 6)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from tests.factories import PASSWORD, DealFactory

pytestmark = [pytest.mark.integration]

SRC = Path(__file__).resolve().parents[2] / "src"
PRODUCTION_ENV = {
    "KOPRU_PRODUCTION": "1",
    "KOPRU_SECRET_KEY": "x7Qm2-very-long-and-random-secret-key-for-the-deploy-check-9fZ4pL0sVbN3kR8tW1yE6uA",
    "KOPRU_ALLOWED_HOSTS": "kopru.example.gov",
    "DJANGO_SETTINGS_MODULE": "kopru.settings",
}


def _python(code: str, **env) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("KOPRU_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(PRODUCTION_ENV, PYTHONPATH=str(SRC), **env)
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production_mode():
    result = _python(
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n"
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_debug_is_refused_together_with_production():
    result = _python("import django; django.setup()", KOPRU_DEBUG="1")
    assert result.returncode != 0
    assert "ConfigurationError: KOPRU_DEBUG cannot be on together with KOPRU_PRODUCTION" in result.stderr


def test_production_sends_hsts_and_secure_cookies_behind_the_proxy():
    result = _python(
        "import django; django.setup()\n"
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "s = settings\n"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)\n"
        "c = Client(HTTP_HOST='kopru.example.gov')\n"
        "plain = c.get('/accounts/login/')\n"
        "print(plain.status_code, plain['Location'])\n"
        "secure = c.get('/accounts/login/', HTTP_X_FORWARDED_PROTO='https')\n"
        "print(secure.status_code, secure['Strict-Transport-Security'])\n"
        "print(secure.cookies['csrftoken']['secure'])\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True True ('HTTP_X_FORWARDED_PROTO', 'https')",
        "301 https://kopru.example.gov/accounts/login/",
        "200 max-age=31536000; includeSubDomains; preload",
        "True",
    ]


@pytest.mark.django_db
def test_every_page_has_a_strict_content_security_policy(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


TEMPLATES = sorted((SRC / "kopru").rglob("templates/**/*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/invest/", "/invest/board/", "/invest/deals/", "/invest/case/", "/invest/case/report/"],
)
def test_investment_pages_carry_the_policy_and_no_inline_script(client, cast, path):
    DealFactory()  # the desk's charts and the board render only with a pipeline holding a deal
    client.force_login(cast.staff_a)
    response = client.get(path)
    assert response.status_code == 200
    directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert directives["script-src"] == "'self'"
    html = response.content.decode()
    assert "<canvas" in html or path != "/invest/"
    inline = [m.group(0) for m in INLINE_SCRIPT.finditer(html)]
    assert (inline, re.findall(r"\son[a-z]+\s*=", html)) == ([], [])


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(SRC / "kopru")))
def test_no_template_has_an_inline_script_or_handler(template):
    html = template.read_text(encoding="utf-8")
    inline = [m.group(0) for m in INLINE_SCRIPT.finditer(html)]
    handlers = re.findall(r"\son[a-z]+\s*=", html)
    assert (inline, handlers, "javascript:" in html) == ([], [], False)


@pytest.mark.django_db
def test_thirty_wrong_passwords_lock_the_user_name_out(client, cast):
    statuses = [
        client.post("/accounts/login/", {"username": "officer.a", "password": f"wrong-{n}"}).status_code
        for n in range(30)
    ]
    assert statuses == [200] * 9 + [429] * 21
    locked = client.post("/accounts/login/", {"username": "officer.a", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # another user name from the same address is not locked
    assert client.post("/accounts/login/", {"username": "officer.b", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_argon2_first_and_pbkdf2_hashes_are_upgraded_at_login(client, cast, settings):
    from kopru import settings as project_settings

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    user = get_user_model().objects.get(username="officer.a")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()
    response = client.post("/accounts/login/", {"username": "officer.a", "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://evil.example.com/", "/intel/queue/"),
        ("//evil.example.com/x", "/intel/queue/"),
        ("/intel/queue/?document=3", "/intel/queue/?document=3"),
    ],
)
def test_queue_decision_never_redirects_off_site(client, cast, target, expected):
    client.force_login(cast.staff_a)
    response = client.post("/intel/queue/decide/", {"action": "accept", "ids": [], "next": target})
    assert response.status_code == 302
    assert response["Location"] == expected
