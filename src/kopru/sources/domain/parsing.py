"""What a fetched source contains: the entries of an RSS/Atom feed, or the article links of a page."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html

from kopru.sources.domain.http import without_fragment

MAX_ITEMS = 50
# A feed entry whose own text is at least this long is stored as is; shorter ones are teasers, and the
# article page is fetched instead.
FULL_TEXT_CHARS = 300


class BadFeed(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    url: str
    title: str = ""
    body_html: str = ""  # the feed's own text of the entry, when it carries one
    published: datetime.date | None = None

    @property
    def has_full_text(self) -> bool:
        text = lxml.html.fromstring(self.body_html).text_content() if self.body_html.strip() else ""
        return len(text.strip()) >= FULL_TEXT_CHARS

    def as_html(self, publisher: str = "") -> bytes:
        """A small HTML document of the entry, read by the same reader as an uploaded page."""
        date = self.published.isoformat() if self.published else ""
        return (
            "<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>{html.escape(self.title)}</title>"
            f"<meta property='article:published_time' content='{date}'>"
            f"<meta property='og:site_name' content='{html.escape(publisher)}'>"
            f"</head><body><article><h1>{html.escape(self.title)}</h1>{self.body_html}</article></body></html>"
        ).encode()


def _date(parsed) -> datetime.date | None:
    return datetime.date(*parsed[:3]) if parsed else None


def parse_feed(content: bytes, base_url: str) -> list[Entry]:
    feed = feedparser.parse(content)
    entries = []
    for entry in feed.entries[:MAX_ITEMS]:
        link = entry.get("link") or entry.get("id") or ""
        if not link.startswith(("http://", "https://")):
            link = urljoin(base_url, link) if link else ""
        if not link:
            continue
        body = ""
        if entry.get("content"):
            body = max((part.get("value", "") for part in entry.content), key=len)
        body = body if len(body) > len(entry.get("summary", "")) else entry.get("summary", "")
        entries.append(
            Entry(
                url=without_fragment(link),
                title=(entry.get("title") or "").strip()[:500],
                body_html=body,
                published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            )
        )
    # A feed with small flaws still yields its entries; one that yields none and is broken is reported.
    if not entries and (feed.bozo or not feed.version):
        reason = feed.get("bozo_exception") or "no RSS or Atom structure"
        raise BadFeed(f"Not a readable RSS or Atom feed: {reason}")
    return entries


def article_links(content: bytes, page_url: str) -> list[Entry]:
    """Links from a press-release page to articles on the same site, in page order, each once.

    An article link stays on the page's host, leaves the page itself, and carries a headline (a text of a
    few words) or sits in an <article>, a list item or a heading, the way release lists are marked up.
    """
    try:
        tree = lxml.html.fromstring(content, base_url=page_url)
    except (ValueError, lxml.etree.ParserError) as error:
        raise BadFeed(f"The page cannot be read as HTML: {error}") from None
    tree.make_links_absolute(page_url)
    page = without_fragment(page_url)
    host = urlsplit(page_url).netloc.lower()
    seen, entries = set(), []
    for anchor in tree.iter("a"):
        href = anchor.get("href") or ""
        if not href.startswith(("http://", "https://")):
            continue
        url = without_fragment(href)
        parts = urlsplit(url)
        if parts.netloc != host or url == page or parts.path in ("", "/") or url in seen:
            continue
        title = " ".join(anchor.text_content().split())
        in_listing = any(a.tag in ("article", "li", "h2", "h3", "h4") for a in anchor.iterancestors())
        if len(title.split()) < 3 and not in_listing:
            continue  # navigation ("Home", "Contact") rather than a headline
        seen.add(url)
        entries.append(Entry(url=url, title=title[:500]))
        if len(entries) >= MAX_ITEMS:
            break
    return entries
