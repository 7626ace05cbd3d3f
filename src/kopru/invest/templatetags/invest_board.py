"""The board's cards, drawn in Python: a column of 25 cards through the template language cost about 130 µs
a card (variable lookups, a URL reversal, two translations), the board 90 ms of CPU; here the address is
reversed once, the sentences translated once per column, and each card is one format string."""

from __future__ import annotations

from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kopru.invest import l10n
from kopru.ui.display import record_label

register = template.Library()

_PLACEHOLDER = 987654321  # a pk no deal has; replaced by each card's own

_CARD = (
    '\n<li class="deal-card" data-deal="{pk}" id="deal-{pk}">\n  <a href="{url}">{title}</a><br>\n'
    '  <span class="muted">{details}</span>\n'
    '  <a class="move-open" id="move-{pk}" href="{url}#move" data-deal="{pk}" data-stage="{stage}"'
    ' aria-label="{label}">{move}</a>\n'
    "</li>"
)


def _card_rows(deals, user):
    """Each card's HTML. The text is escaped with the standard library's `html.escape` (what Django's
    `escape` does, without its lazy-string wrapper: format_html_join's 11 escapes a card were 2 ms of the
    board), the amounts formatted with one Babel pattern, and a company named once per page.

    `html.escape` replaces character by character, so escaping the parts gives what escaping the whole did:
    the address and the sentences are escaped once a column, a title once a card (it is in the link and in
    the move label), a company's label once a page, and the digits of ids and amounts not at all."""
    head, tail = escape(reverse("invest:deal-detail", args=[_PLACEHOLDER])).split(str(_PLACEHOLDER))
    move_label = escape(_("Move “%(title)s” to another stage"))
    move = escape(_("Move…"))
    number = l10n.number_format(0)
    companies: dict[int, str] = {}
    currencies: dict[str, str] = {}
    for deal in deals:
        pk = int(deal.pk)
        title = escape(str(deal.title))
        details = "—"
        if deal.company_id:
            company = companies.get(deal.company_id)
            if company is None:
                company = companies[deal.company_id] = escape(record_label(deal.company, user)) or "—"
            details = company
        if deal.announced_amount:
            currency = currencies.get(deal.currency)
            if currency is None:
                currency = currencies[deal.currency] = escape(str(deal.currency))
            details = f"{details} · {currency} {escape(number(deal.announced_amount))}m"
        yield _CARD.format(
            pk=pk,
            url=f"{head}{pk}{tail}",
            title=title,
            details=details,
            stage=int(deal.stage_id),
            label=move_label % {"title": title},
            move=move,
        )


@register.simple_tag(takes_context=True)
def board_cards(context, column):
    """The `<li>` cards of one column, as `invest/_board_cards.html` drew them."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    # every value is escaped in _card_rows
    return mark_safe("".join(_card_rows(column.deals, user)))


_COLUMN = (
    '\n  <section class="column" aria-labelledby="stage-{pk}">\n'
    '    <h2 id="stage-{pk}">{label} <span class="muted count" data-total="{total}">({total})</span></h2>\n'
    '    <ol class="cards-list" data-stage="{pk}" data-stage-code="{code}" data-lost="{lost}">{cards}{more}\n'
    "</ol>\n  </section>\n"
)
_MORE = (
    '\n<li class="more"><a class="button secondary" href="{url}?offset={offset}"'
    ' hx-get="{url}?offset={offset}" hx-target="closest li" hx-swap="outerHTML">{text}</a></li>\n'
)


def _more(column) -> str:
    """`invest/_board_cards.html`'s "show more" item after a column's cards ("" when none is left)."""
    left = column.more
    if not left:
        return ""
    # {% blocktranslate count n=column.more %}: the sentence of the count's plural form, the count as the
    # template language writes a value (localised, escaped)
    sentence = ngettext("Show %(n)s more", "Show more (%(n)s left)", left) % {"n": _written(left)}
    return _MORE.format(
        url=escape(reverse("invest:board-column", args=[column.stage.pk])),
        offset=_written(column.next_offset),
        text=sentence,
    )


def _written(value) -> str:
    """A value as `{{ value }}` writes it: localised, then escaped."""
    return escape(str(localize(value)))


@register.simple_tag(takes_context=True)
def board_kanban(context, columns):
    """Every column of the board: what `invest/board.html`'s loop drew per column (its section, heading and
    list, the cards and "show more" of `invest/_board_cards.html`), in Python: the loop's include and
    variables cost about 0.2 ms a column besides its cards. `columns` may be the drawn columns already
    (`kanban_html`'s, kept by the board view)."""
    if isinstance(columns, str):
        return mark_safe(columns)  # drawn by kanban_html
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return kanban_html(columns, user)


def kanban_html(columns, user) -> str:
    """The board's columns drawn for `user` in the active language (`board_kanban`)."""
    parts = []
    for column in columns:
        stage = column.stage
        pk = _written(stage.pk)
        parts.append(
            _COLUMN.format(
                pk=pk,
                label=_written(stage.label),
                total=_written(column.total),
                code=_written(stage.code),
                lost="1" if stage.is_lost else "0",
                cards="".join(_card_rows(column.deals, user)),
                more=_more(column),
            )
        )
    # every value is escaped above (and in _card_rows)
    return mark_safe("".join(parts))
