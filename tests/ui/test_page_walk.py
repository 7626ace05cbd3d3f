"""Walk the demo as every role in every language: no server error, no developer's view of the data.

The demo is loaded once for the module (inside a transaction rolled back at the end). From `/` each role
follows the same-host links breadth-first with GET only, and every page must answer below 500 and show
no Python repr (`None` as a value, a list of ids or quoted strings, `__init__`, a dict) and no raw
snake_case code in its visible text (tags, scripts, styles and attributes stripped). Detail pages are
sampled: at most a few per URL shape (digits replaced), so the walk stays well under three minutes.
"""

from __future__ import annotations

import io
import os
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.factories import PASSWORD

pytestmark = pytest.mark.integration

LANGUAGES = ["en", "tr", "zh-hans"]
ROLES = ["admin", "officer_a", "officer_b", "company", "reviewer", "anonymous"]
MAX_PAGES = 400
PER_SHAPE = 3
INVESTMENT = "/invest/"

# Paths that are not pages a person reads: the Django admin (a developer's tool), the JSON API, file
# downloads, and links that change state or session on GET.
SKIP_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/i18n/", "/accounts/logout")
SKIP_SUFFIXES = (".pdf", ".csv", ".xlsx", ".json", ".png", ".svg", ".ico", ".txt", ".zip")
SKIP_PARTS = ("/download", "/export", "/file/", "/raw/", "pdf")

# Proper names written with an underscore that people really use (none so far).
ALLOWED_WORDS: set[str] = set()

REPR_PATTERNS = [
    # "None yet." is a sentence; "None" alone on a line or after a label is a Python value.
    ("None shown as a value", re.compile(r"(?<![\w-])None(?![\w-]| [a-z]|\.)")),
    ("list repr", re.compile(r"\[\s*(?:\d+|'[^']*'|\"[^\"]*\")(?:\s*,\s*(?:\d+|'[^']*'|\"[^\"]*\"))*\s*\]")),
    ("dunder", re.compile(r"__\w+__")),
    ("dict repr", re.compile(r"\{'")),
]
SNAKE = re.compile(r"(?<![\w./@:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@-]|\.\w)")
# A table cell that holds only one lower-case word is a code when that word is a stored value: an enum
# value, a sector code or an extraction code (`solar`, `new`, `agency`). Checked on Turkish and Chinese
# pages, where no English word belongs in a cell ("new" is English for English readers).
ONE_WORD = re.compile(r"[a-z][a-z0-9]*")
EXTRACTION_CODES = {
    "new",
    "rank",
    "speed",
    "amount",
    "capacity",
    "jobs",
    "count",
    "share",
    "volume",
    "growth",
}


def stored_codes() -> set[str]:
    """Every enum value of the installed apps' models and every sector code."""
    from django.apps import apps

    from kopru.core.models import Sector

    codes = set(EXTRACTION_CODES) | set(Sector.objects.values_list("code", flat=True))
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not getattr(field, "choices", None):  # a relation's choices would read its whole table
                continue
            for value, _label in field.flatchoices:
                if isinstance(value, str) and ONE_WORD.fullmatch(value):
                    codes.add(value)
    return codes


class _VisibleText(HTMLParser):
    # A form field's current value (textarea) is what a person typed, and <code> marks notation a person
    # types (JSON keys in a help text): neither is text the application wrote for the reader.
    HIDDEN = {"script", "style", "template", "noscript", "head", "textarea", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.parts: list[str] = []
        self.cells: list[str] = []  # the visible text of each table cell
        self._hidden = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag in ("td", "th"):
            self._cell = []
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(" ".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(data.strip())
            if self._cell is not None:
                self._cell.append(data.strip())


def _follow(href: str) -> str | None:
    href, _ = urldefrag(href)
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    path = parts.path
    if path.startswith(SKIP_PREFIXES) or path.endswith(SKIP_SUFFIXES):
        return None
    if any(part in path for part in SKIP_PARTS):
        return None
    # Filters and sort orders multiply pages without new templates; keep only the first page of lists.
    return path


def _shape(path: str) -> str:
    return re.sub(r"\d+", "<n>", path)


def findings_in(text: str) -> list[str]:
    found = []
    for label, pattern in REPR_PATTERNS:
        for match in pattern.finditer(text):
            found.append(f"{label}: {text[max(0, match.start() - 40) : match.end() + 40]!r}")
    for match in SNAKE.finditer(text):
        if match.group(0) not in ALLOWED_WORDS:
            found.append(
                f"raw code {match.group(0)!r}: {text[max(0, match.start() - 40) : match.end() + 40]!r}"
            )
    return found


def codes_in_cells(cells: list[str], codes: set[str]) -> list[str]:
    return [f"code in a table cell {cell!r}" for cell in cells if ONE_WORD.fullmatch(cell) and cell in codes]


def walk(client: Client, codes: set[str] = frozenset()) -> tuple[int, list[str]]:
    """`codes`: the stored values a cell may not show alone (empty for English walks)."""
    seen: set[str] = {"/"}
    per_shape: dict[str, int] = {}
    queue = deque(["/"])
    problems: list[str] = []
    pages = 0
    while queue and pages < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        pages += 1
        if response.status_code >= 500:
            problems.append(f"{path}: HTTP {response.status_code}")
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _VisibleText()
        parser.feed(response.content.decode(response.charset or "utf-8", "replace"))
        text = "\n".join(parser.parts)
        problems.extend(f"{path}: {finding}" for finding in findings_in(text))
        problems.extend(f"{path}: {finding}" for finding in codes_in_cells(parser.cells, codes))
        for href in parser.links:
            target = _follow(href)
            if target is None or target in seen:
                continue
            shape = _shape(target)
            if shape != target and per_shape.get(shape, 0) >= PER_SHAPE:
                continue
            per_shape[shape] = per_shape.get(shape, 0) + 1
            seen.add(target)
            queue.append(target)
    return pages, problems


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", password=PASSWORD, verbosity=0, stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def _username(role: str) -> str | None:
    return {
        "admin": "admin",
        "officer_a": f"officer.{settings.KOPRU_SIDE_A.lower()}",
        "officer_b": f"officer.{settings.KOPRU_SIDE_B.lower()}",
        "company": "company",
        "reviewer": "reviewer",
        "anonymous": None,
    }[role]


_WALKS: dict[tuple[str, str], tuple[int, list[str]]] = {}


def walked(role: str, language: str) -> tuple[int, list[str]]:
    """The walk of one role in one language, done once and shared by the tests below."""
    if (role, language) not in _WALKS:
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        username = _username(role)
        if username:
            client.force_login(get_user_model().objects.get(username=username))
        pages, problems = walk(client, set() if language == "en" else stored_codes())
        _WALKS[role, language] = pages, list(dict.fromkeys(problems))
        if os.environ.get("KOPRU_WALK_DUMP"):
            with open(os.environ["KOPRU_WALK_DUMP"], "a") as dump:
                dump.writelines(f"{role} {language} {line}\n" for line in _WALKS[role, language][1])
    return _WALKS[role, language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_speaks_to_people(demo, db, role, language):
    pages, problems = walked(role, language)
    assert pages >= (1 if role == "anonymous" else 10)
    assert not problems, f"{len(problems)} findings on {pages} pages:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_investment_pages_speak_to_people(demo, db, role, language):
    """The investment pages (pipeline, deals, calculator, report, rules) were walked too, and said nothing
    a person did not write for a person (the walk is shared with the test above)."""
    _pages, problems = walked(role, language)
    invest_pages = [line for line in problems if line.startswith(INVESTMENT)]
    assert not invest_pages, f"{len(invest_pages)} findings:\n" + "\n".join(invest_pages[:80])


def test_the_detector_finds_what_it_should():
    assert findings_in("Status: None") != []
    assert findings_in("date\nNone\nplace") != []
    assert findings_in("None yet.") == []
    assert findings_in("People: ['Liu Yang', 'Wang Fang']") != []
    assert findings_in("Ids [306, 551]") != []
    assert findings_in("PlantInputs.__init__() missing") != []
    assert findings_in("[{'deal': 3}]") != []
    assert findings_in("work_plan") != []
    assert findings_in("Work plan, large scale, officer.tr, a@b_c.org") == []


def test_the_cell_detector_finds_lone_codes_only():
    codes = {"new", "solar", "agency"}
    assert codes_in_cells(
        ["new", "solar", "Yeni", "Güneş enerjisi", "TR", "new (a similar name)", "0,70"], codes
    ) == [
        "code in a table cell 'new'",
        "code in a table cell 'solar'",
    ]
