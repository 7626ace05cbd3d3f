"""Watching feeds and press-release pages, served by a local HTTP server: every way a fetch goes."""

from __future__ import annotations

import io
import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone

from kopru.core.enums import Visibility
from kopru.core.models import Document
from kopru.intel.models import IngestItem
from kopru.sources.domain.http import PoliteClient
from kopru.sources.domain.watching import fetch_source, text_checksum, watch
from kopru.sources.models import FetchLog, Source, SourceItem
from tests.sources.feedserver import FeedServer, Route

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ARTICLE_1 = (
    "<p>Minister of Industry and Technology Mehmet Fatih Kacır met Chinese Minister of Industry and "
    "Information Technology Li Lecheng in Beijing on Tuesday. The two ministers discussed cooperation in "
    "electric vehicles, batteries and semiconductors, and agreed to hold the next meeting of the joint "
    "committee in Ankara. Kacır said Türkiye offers opportunities to Chinese companies that invest in "
    "production and research.</p>"
)
ARTICLE_2 = (
    "<p>Farasis Energy will build a battery plant in Gemlik with an investment of 500 million dollars, "
    "the company announced. The plant will supply cells to Togg and employ 1,000 people. Officials from "
    "both countries attended the ceremony in Bursa and welcomed the investment as a step for the "
    "industrial cooperation between Türkiye and China in clean energy technologies.</p>"
)
ROBOTS_OK = Route(b"User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})


def rss(*items: tuple[str, str, str]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><description><![CDATA[{body}]]></description>"
        "<pubDate>Tue, 03 Sep 2024 09:00:00 GMT</pubDate></item>"
        for title, link, body in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ministry news</title>'
        f"<link>http://example.org/</link>{entries}</channel></rss>"
    ).encode()


def atom(*entries: tuple[str, str, str]) -> bytes:
    body = "".join(
        f'<entry><title>{title}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>2024-09-04T10:00:00Z</updated><summary>{summary}</summary></entry>"
        for title, link, summary in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Releases</title><id>urn:releases</id><updated>2024-09-04T10:00:00Z</updated>{body}</feed>"
    ).encode()


def article_page(title: str, body: str) -> Route:
    html = (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )
    return Route(html.encode(), headers={"Content-Type": "text/html; charset=utf-8"})


@pytest.fixture
def server():
    with FeedServer() as running:
        running.routes["/robots.txt"] = ROBOTS_OK
        yield running


@pytest.fixture
def client():
    # A generous timeout: under a loaded test run a local answer can take longer than half a second, and
    # only the timeout test below is about timing out (it uses its own short-timeout client).
    return PoliteClient(timeout=5, host_delay=0, max_bytes=200_000)


def source_for(server, path, **fields) -> Source:
    defaults = {
        "name": f"Source {path}",
        "kind": "feed",
        "publisher": "Ministry of Industry",
        "language": "en",
    }
    return Source.objects.create(url=server.url(path), **{**defaults, **fields})


def test_a_valid_rss_feed_stores_each_item_and_queues_its_extraction(
    server, client, immediate_tasks, django_capture_on_commit_callbacks
):
    server.routes["/rss.xml"] = Route(
        rss(
            ("Kacır meets Li Lecheng", server.url("/news/1"), ARTICLE_1),
            ("Farasis to build a plant in Gemlik", server.url("/news/2"), ARTICLE_2),
        ),
        headers={"Content-Type": "application/rss+xml"},
    )
    source = source_for(server, "/rss.xml")

    with django_capture_on_commit_callbacks(execute=True):
        log = fetch_source(source, client=client)

    assert (log.outcome, log.http_status, log.new_items, log.duplicates, log.item_errors) == (
        "ok",
        200,
        2,
        0,
        0,
    )
    items = list(SourceItem.objects.order_by("url"))
    assert [item.url for item in items] == [server.url("/news/1"), server.url("/news/2")]
    document = items[0].document
    assert (document.source_url, document.publisher, document.language, str(document.published_date)) == (
        server.url("/news/1"),
        "Ministry of Industry",
        "en",
        "2024-09-03",
    )
    assert "Li Lecheng in Beijing" in document.text
    assert document.visibility == Visibility.SHARED
    # The feed carried the full text: the article pages were never requested.
    assert "/news/1" not in server.paths_seen()
    # Extraction ran through intel's ingest (immediate task backend here).
    assert list(IngestItem.objects.order_by("pk").values_list("status", flat=True)) == ["done", "done"]
    assert document.suggestions.exists()


def test_an_atom_feed_of_teasers_fetches_each_article_page(server, client, immediate_tasks):
    server.routes["/atom.xml"] = Route(
        atom(("Farasis plant", server.url("/releases/farasis"), "A plant in Gemlik.")),
        headers={"Content-Type": "application/atom+xml"},
    )
    server.routes["/releases/farasis"] = article_page("Farasis to build a plant in Gemlik", ARTICLE_2)
    source = source_for(server, "/atom.xml")

    log = fetch_source(source, client=client)

    assert (log.outcome, log.new_items) == ("ok", 1)
    item = SourceItem.objects.get()
    assert "500 million dollars" in item.document.text
    assert str(item.document.published_date) == "2024-09-04"
    assert server.paths_seen() == ["/robots.txt", "/atom.xml", "/releases/farasis"]


def test_a_press_release_page_yields_its_article_links(server, client, immediate_tasks):
    listing = (
        "<html><body><nav><a href='/'>Home</a> <a href='/contact'>Contact</a></nav><ul>"
        "<li><a href='/press/2024/kacir-li'>Kacır meets Li Lecheng in Beijing</a></li>"
        "<li><a href='/press/2024/farasis'>Farasis to build a plant in Gemlik</a></li>"
        "<li><a href='https://elsewhere.example/press/1'>Another site's release about batteries</a></li>"
        "</ul></body></html>"
    )
    server.routes["/press/"] = Route(listing.encode(), headers={"Content-Type": "text/html"})
    server.routes["/press/2024/kacir-li"] = article_page("Kacır meets Li Lecheng", ARTICLE_1)
    server.routes["/press/2024/farasis"] = article_page("Farasis to build a plant in Gemlik", ARTICLE_2)
    source = source_for(server, "/press/", kind="page")

    log = fetch_source(source, client=client)

    assert (log.outcome, log.new_items) == ("ok", 2)
    assert sorted(SourceItem.objects.values_list("url", flat=True)) == [
        server.url("/press/2024/farasis"),
        server.url("/press/2024/kacir-li"),
    ]
    assert "/contact" not in server.paths_seen()


def test_malformed_xml_is_logged_as_an_unreadable_feed(server, client):
    server.routes["/broken.xml"] = Route(
        b"<rss><channel><item><title>Half", headers={"Content-Type": "text/xml"}
    )
    source = source_for(server, "/broken.xml")

    log = fetch_source(source, client=client)

    assert log.outcome == "bad_feed"
    assert log.message.startswith("Not a readable RSS or Atom feed")
    assert SourceItem.objects.count() == Document.objects.count() == 0


def test_a_conditional_get_answered_304_stores_nothing(server, client, immediate_tasks):
    server.routes["/rss.xml"] = Route(
        rss(("Kacır meets Li Lecheng", server.url("/news/1"), ARTICLE_1)),
        etag='"v1"',
        headers={"Last-Modified": "Tue, 03 Sep 2024 09:00:00 GMT"},
    )
    source = source_for(server, "/rss.xml")
    assert fetch_source(source, client=client).new_items == 1
    source.refresh_from_db()
    assert (source.etag, source.last_modified) == ('"v1"', "Tue, 03 Sep 2024 09:00:00 GMT")

    log = fetch_source(source, client=client)

    assert (log.outcome, log.http_status, log.new_items) == ("not_modified", 304, 0)
    second = server.seen[-1]
    assert (second.headers["If-None-Match"], second.headers["If-Modified-Since"]) == (
        '"v1"',
        "Tue, 03 Sep 2024 09:00:00 GMT",
    )
    assert SourceItem.objects.count() == 1


def test_a_source_that_does_not_answer_in_time_is_logged_as_a_timeout(server):
    client = PoliteClient(timeout=0.5, host_delay=0, max_bytes=200_000)
    server.routes["/slow.xml"] = Route(rss(), delay=2)
    source = source_for(server, "/slow.xml")

    log = fetch_source(source, client=client)

    assert log.outcome == "timeout"
    assert log.message == f"{server.url('/slow.xml')} did not answer within 0.5 s."


def test_a_missing_feed_is_logged_with_its_http_status(server, client):
    source = source_for(server, "/gone.xml")

    log = fetch_source(source, client=client)

    assert (log.outcome, log.http_status, log.message) == (
        "http_error",
        404,
        f"{server.url('/gone.xml')} answered HTTP 404.",
    )
    source.refresh_from_db()
    assert source.last_fetched_at == log.started_at


def test_robots_txt_that_disallows_the_feed_is_obeyed(server, client):
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n")
    server.routes["/private/rss.xml"] = Route(rss(("Secret", server.url("/private/1"), ARTICLE_1)))
    source = source_for(server, "/private/rss.xml")

    log = fetch_source(source, client=client)

    assert log.outcome == "robots"
    assert server.paths_seen() == ["/robots.txt"]


def test_an_item_seen_before_is_not_stored_again_by_url_or_by_text(server, client, immediate_tasks):
    server.routes["/rss.xml"] = Route(rss(("Kacır meets Li Lecheng", server.url("/news/1"), ARTICLE_1)))
    source = source_for(server, "/rss.xml")
    fetch_source(source, client=client)
    # The same feed again, plus the same article re-published under a second address.
    server.routes["/rss.xml"] = Route(
        rss(
            ("Kacır meets Li Lecheng", server.url("/news/1"), ARTICLE_1),
            ("Kacır meets Li Lecheng", server.url("/news/1-copy"), ARTICLE_1),
        )
    )

    log = fetch_source(source, client=client)

    assert (log.outcome, log.new_items, log.duplicates) == ("unchanged", 0, 2)
    assert Document.objects.count() == 1
    copy = SourceItem.objects.get(url=server.url("/news/1-copy"))
    assert (copy.ingest_item, copy.document) == (
        None,
        SourceItem.objects.get(url=server.url("/news/1")).document,
    )
    assert copy.checksum == text_checksum(copy.document.text)


def test_a_response_over_the_size_cap_is_refused(server):
    server.routes["/huge.xml"] = Route(b"<rss>" + b"x" * 300_000 + b"</rss>")
    source = source_for(server, "/huge.xml")

    log = fetch_source(source, client=PoliteClient(timeout=2, host_delay=0, max_bytes=100_000))

    assert (log.outcome, log.message) == ("too_large", "The response is larger than 97 KB.")


def test_requests_to_one_host_are_spaced_out(server):
    server.routes["/a.xml"] = Route(rss())
    server.routes["/b.xml"] = Route(rss())
    client = PoliteClient(timeout=2, host_delay=0.3)

    fetch_source(source_for(server, "/a.xml"), client=client)
    fetch_source(source_for(server, "/b.xml"), client=client)

    times = [seen.at for seen in server.seen]
    assert [seen.path for seen in server.seen] == ["/robots.txt", "/a.xml", "/b.xml"]
    # 0.3 s apart, less network jitter
    assert min(later - earlier for earlier, later in itertools.pairwise(times)) >= 0.25


def test_an_internal_source_makes_internal_documents_of_its_side(server, client, immediate_tasks):
    server.routes["/rss.xml"] = Route(rss(("Kacır meets Li Lecheng", server.url("/news/1"), ARTICLE_1)))
    source = source_for(server, "/rss.xml", visibility=Visibility.INTERNAL, owner_side="TR")

    fetch_source(source, client=client)

    document = SourceItem.objects.get().document
    assert (document.visibility, document.owner_side) == ("internal", "TR")


def test_watch_fetches_only_the_sources_that_are_due(server, client, immediate_tasks):
    server.routes["/rss.xml"] = Route(rss())
    due = source_for(server, "/rss.xml")
    recent = source_for(server, "/other.xml", last_fetched_at=timezone.now())
    source_for(server, "/off.xml", active=False)

    logs = watch(client=client)

    assert [log.source for log in logs] == [due]
    assert FetchLog.objects.filter(source=recent).count() == 0


def test_the_watch_command_reports_each_fetch_and_fails_when_one_did(server, immediate_tasks, monkeypatch):
    monkeypatch.setenv("KOPRU_WATCH_HOST_DELAY", "0")
    monkeypatch.setattr("kopru.sources.domain.http._client", None)
    server.routes["/rss.xml"] = Route(rss(("Kacır meets Li Lecheng", server.url("/news/1"), ARTICLE_1)))
    source_for(server, "/rss.xml", name="Ministry feed")
    source_for(server, "/gone.xml", name="Gone feed")
    output = io.StringIO()

    with pytest.raises(SystemExit) as exit_info:
        call_command("watch", stdout=output)

    assert exit_info.value.code == 1
    assert output.getvalue().splitlines() == [
        "Gone feed: HTTP error (0 new, 0 already seen, 0 item errors) — "
        f"{server.url('/gone.xml')} answered HTTP 404.",
        "Ministry feed: New items (1 new, 0 already seen, 0 item errors)",
    ]
