"""The main menu, grouped by pillar, showing each user only the pages they may open.

Apps declare their entries as `nav_items` on their AppConfig (a list of `NavItem`); the kit never names a
higher floor. Each entry carries the gate its page checks — the django-rules permission the view passes to
`require_perm` / `require_staff` (`kopru.ui.views.access`), or `login=True` for pages that only ask for a
signed-in user — and the menu evaluates it through `may_open`, the same function the views' checks use. No
role is named here. `tests/ui/test_navigation.py` requests every menu link as every role of the standard
cast (each must answer 200) and every section page (each one the role may open must be in its menu).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kopru.core.lru import Remembered

# Drawn menus (`menu_html`): a few dozen variants in a real installation; the bound only guards memory.
_drawn = Remembered(256)

# The five pillars, in menu order.
PILLARS: dict[str, Promise] = {
    "record": _("Record"),
    "intelligence": _("Intelligence"),
    "investment": _("Investment"),
    "calls": _("Calls"),
    "insights": _("Insights"),
}


@dataclass(frozen=True)
class NavItem:
    pillar: str
    label: Promise | str
    url_name: str
    args: tuple = ()
    perm: str | None = None  # the permission the page's view requires; None: anyone may open it
    login: bool = False  # the page asks only for a signed-in user
    order: int = 100

    def __post_init__(self):
        if self.pillar not in PILLARS:
            raise ValueError(f"Unknown pillar {self.pillar!r}; one of {', '.join(PILLARS)}")

    def url(self, where: tuple[str, str] | None = None) -> str | None:
        # Reversing ~25 entries cost 2.5 ms on every page; an address only changes with the URLconf or the
        # script prefix, so it is kept per (entry, URLconf, prefix) for the life of the process. `where`
        # (`_where()`, read once per menu) spares each entry its own look-ups of the two.
        urlconf, prefix = where or _where()
        key = (self.url_name, self.args, urlconf, prefix)
        if key not in _REVERSED:
            try:
                _REVERSED[key] = reverse(self.url_name, args=self.args)
            except NoReverseMatch:  # the app that serves it is not installed
                _REVERSED[key] = None
        return _REVERSED[key]


_REVERSED: dict[tuple, str | None] = {}


def _where() -> tuple[str, str]:
    return get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


@dataclass
class MenuGroup:
    key: str
    label: Promise | str
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url)
    current: bool = False


def declared_items() -> list[NavItem]:
    """Every entry the installed apps declare, pillar by pillar in each pillar's order."""
    items = [item for config in apps.get_app_configs() for item in getattr(config, "nav_items", [])]
    pillar_order = list(PILLARS)
    return sorted(items, key=lambda item: (pillar_order.index(item.pillar), item.order))


def _open_entries(user) -> tuple[tuple[NavItem, str], ...]:
    """(entry, address) of the declared entries `user` may open and that this installation serves, in
    menu order."""
    from kopru.ui.views.access import may_open  # imports models: not before the app registry is ready

    where = _where()
    entries = ((item, item.url(where)) for item in declared_items())
    # ~30 entries ask a handful of distinct questions (most "staff?" or "signed in?"): each asked once here
    answers: dict[tuple[str | None, bool], bool] = {}

    def opens(item: NavItem) -> bool:
        question = (item.perm, item.login)
        answer = answers.get(question)
        if answer is None:
            answer = answers[question] = may_open(user, item.perm, login=item.login)
        return answer

    return tuple((item, url) for item, url in entries if url is not None and opens(item))


def _current_pillar(entries: tuple[tuple[NavItem, str], ...], path: str) -> str | None:
    """The pillar of the longest menu address that starts `path` ("/" only matches "/")."""
    best: tuple[int, str | None] = (0, None)
    for item, url in entries:
        matches = path == url if url == "/" else path.startswith(url)
        if matches and len(url) > best[0]:
            best = (len(url), item.pillar)
    return best[1]


def _groups(entries: tuple[tuple[NavItem, str], ...], path: str) -> list[MenuGroup]:
    groups = {key: MenuGroup(key, label) for key, label in PILLARS.items()}
    for item, url in entries:
        groups[item.pillar].links.append((str(item.label), url))
    current = _current_pillar(entries, path)
    if current is not None:
        groups[current].current = True
    return [group for group in groups.values() if group.links]


def menu_for(user, path: str = "") -> list[MenuGroup]:
    """The pillars with the entries `user` may open (pillars left empty are dropped); the group holding
    the page at `path` is marked current."""
    return _groups(_open_entries(user), path)


def menu_html(user, path: str = "") -> SafeString:
    """The menu's list items as HTML, drawn in Python rather than by the template (its loops over five
    groups and ~25 links cost about half a millisecond on every page, bench/load.py's layout row).

    The permissions are asked on every request; only the drawing is remembered, per set of entries the user
    may open (with their addresses), language, current pillar and current address — a few dozen variants per
    installation, none of which depends on data, so nothing can go stale."""
    entries = _open_entries(user)
    addresses = tuple(url for _item, url in entries)
    key = (addresses, get_language(), _current_pillar(entries, path), path if path in addresses else None)
    return _drawn.get_or_compute(key, lambda: _draw(_groups(entries, path), path))


def _draw(groups: list[MenuGroup], path: str) -> SafeString:
    items = []
    for group in groups:
        css = "pillar current" if group.current else "pillar"
        if len(group.links) == 1:
            label, url = group.links[0]
            items.append(
                format_html(
                    '<li class="{}"><a class="pillar-link" href="{}"{}>{}</a></li>',
                    css,
                    url,
                    _current(url, path),
                    label,
                )
            )
            continue
        links = format_html_join(
            "",
            '<li><a href="{}"{}>{}</a></li>',
            ((url, _current(url, path), label) for label, url in group.links),
        )
        items.append(
            format_html(
                '<li class="{}"><details data-menu><summary>{}</summary><ul>{}</ul></details></li>',
                css,
                group.label,
                links,
            )
        )
    return mark_safe("\n".join(items))  # each part is escaped by format_html


def _current(url: str, path: str) -> SafeString:
    return mark_safe(' aria-current="page"') if url == path else mark_safe("")  # constant markup
