"""The session engine reads a session by a statement written once (kopru.core.sessions): the same answers
as Django's database store."""

import datetime

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from kopru.core.sessions import SessionStore


def test_the_project_uses_it():
    assert settings.SESSION_ENGINE == "kopru.core.sessions"


def test_a_saved_session_reads_back_as_djangos_store_reads_it(db, django_assert_num_queries):
    stored = SessionStore()
    stored["colour"], stored["when"] = "blue", "2026-12-04"
    stored.save()
    with django_assert_num_queries(1):
        loaded = SessionStore(stored.session_key).load()
    assert loaded == DjangoStore(stored.session_key).load() == {"colour": "blue", "when": "2026-12-04"}
    row = SessionStore(stored.session_key)._get_session_from_db()
    expected = Session.objects.get(session_key=stored.session_key)
    assert (row.session_key, row.session_data, row.expire_date) == (
        expected.session_key,
        expected.session_data,
        expected.expire_date,
    )


def test_an_expired_or_unknown_session_is_empty_and_its_key_forgotten(db):
    stored = SessionStore()
    stored["colour"] = "blue"
    stored.save()
    Session.objects.filter(session_key=stored.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    for key in (stored.session_key, "nosuchsessionkeynosuchsessionkey"):
        ours, django = SessionStore(key), DjangoStore(key)
        assert ours.load() == django.load() == {}
        assert ours._session_key is None and django._session_key is None


def test_signing_in_and_out_still_works(cast, client):
    client.force_login(cast.staff_a)
    assert client.get("/").wsgi_request.user == cast.staff_a
    assert client.post("/accounts/logout/").status_code == 302
    assert not client.get("/").wsgi_request.user.is_authenticated
