"""The case report as a PDF (fpdf2, pure Python): inputs, routes duty by duty, origin risk, incentives,
plant metrics, Monte Carlo, tornado and the sources table — the same figures as the HTML report.

A Unicode TrueType font (DejaVu Sans) is used where the system has one, so Turkish names print as
written; without it the built-in Helvetica is used and letters outside Latin-1 are transliterated
(ğ → g), which the PDF's footer then says.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kopru.invest.case.domain.evaluate import CaseResult
from kopru.invest.economics.catalogue import RuleRow

# fontTools reports every subsetting step at INFO; the server log has no use for it
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)
_FOLD = str.maketrans(
    {
        "ğ": "g",
        "Ğ": "G",
        "ş": "s",
        "Ş": "S",
        "ı": "i",
        "İ": "I",
        "→": "->",
        "–": "-",
        "—": "-",
        "≥": ">=",
        "≤": "<=",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "€": "EUR",
        "²": "2",
        "Δ": "d",
    }
)


def _pct(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not known"
    return f"{value * 100:.1f} %"


def _num(value, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not known"
    return f"{value:,.{digits}f}"


class _Report(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.report_title = title
        font = next((path for path in FONT_CANDIDATES if path.is_file()), None)
        self.unicode = font is not None
        if font is not None:
            self.add_font("Body", "", str(font))
            bold = font.with_name("DejaVuSans-Bold.ttf")
            self.add_font("Body", "B", str(bold if bold.is_file() else font))
            self.family = "Body"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(True, margin=15)
        self.set_margins(12, 12, 12)

    def text_of(self, value) -> str:
        text = str(value)
        return text if self.unicode else text.translate(_FOLD).encode("latin-1", "replace").decode("latin-1")

    def footer(self):
        self.set_y(-12)
        self.set_font(self.family, "", 7)
        note = "" if self.unicode else " · non-Latin-1 letters transliterated"
        self.cell(0, 5, self.text_of(f"Köprü · {self.report_title} · page {self.page_no()}{note}"), align="C")

    def heading(self, text: str, size: int = 12):
        self.ln(2)
        self.set_font(self.family, "B", size)
        self.multi_cell(0, 6, self.text_of(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 8)

    def paragraph(self, text: str, size: int = 8):
        self.set_font(self.family, "", size)
        self.multi_cell(0, 4, self.text_of(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def table(self, header: list[str], rows: Iterable[list[str]], widths: tuple[int, ...]):
        self.set_font(self.family, "", 7)
        with super().table(col_widths=widths, text_align="LEFT", line_height=3.6) as table:
            row = table.row()
            for cell in header:
                row.cell(self.text_of(cell))
            for values in rows:
                row = table.row()
                for cell in values:
                    row.cell(self.text_of(cell))
        self.ln(1)


def render_pdf(result: CaseResult, title: str, cited: list[RuleRow], generated: str) -> bytes:
    pdf = _Report(title)
    pdf.add_page()
    pdf.heading(title, 15)
    pdf.paragraph(f"Generated {generated} · every figure cites its rule row (see Sources)")
    inputs = result.inputs
    pdf.heading("Inputs")
    pdf.table(
        ["input", "value"],
        [
            [
                "product / producer / model",
                f"{inputs.product} / {inputs.producer or '-'} / {inputs.model or '-'}",
            ],
            ["made in (vs TR) / destinations", f"{inputs.made_in} / {', '.join(inputs.destinations)}"],
            ["date / local value share", f"{inputs.date} / {_pct(inputs.local_value_share)}"],
            [
                "ex-works / freight / insurance",
                f"{_num(inputs.ex_works)} / {_num(inputs.freight_origin)} (TR {_num(inputs.freight_tr)}) / "
                f"{_num(inputs.insurance_origin)} (TR {_num(inputs.insurance_tr)})"
                f" {inputs.ex_works_currency}",
            ],
            [
                "exchange rates",
                f"1 {inputs.fx.base} = "
                + ", ".join(f"{rate} {code}" for code, rate in inputs.fx.rates.items())
                + f" ({inputs.fx.as_of}; {inputs.fx.source})"
                if inputs.fx
                else "-",
            ],
        ],
        (50, 136),
    )
    if result.destinations:
        pdf.heading("Landed cost per unit")
        pdf.table(
            ["destination", "route", "ad valorem duties", "landed cost", "origin", "origin risk"],
            [
                [
                    destination.code,
                    f"made in {route.made_in} → {destination.code}",
                    _pct(route.access.ad_valorem_total),
                    f"{_num(route.cost.total)} {route.cost.currency}" if route.cost else "-",
                    route.access.origin.assessed,
                    route.access.origin.risk.level if route.access.origin.risk else "-",
                ]
                for destination in result.destinations
                for route in destination.routes
            ],
            (22, 40, 30, 36, 20, 38),
        )
        for destination in result.destinations:
            for route in destination.routes:
                pdf.heading(f"Made in {route.made_in} → {destination.code}", 10)
                pdf.paragraph(f"Origin: {route.access.origin.assessed} — {route.access.origin.basis}")
                risk = route.access.origin.risk
                if risk is not None:
                    pdf.paragraph(f"Origin risk: {risk.level}. {risk.explanation} [{risk.model.ref.row_id}]")
                rows = [
                    [
                        line.kind + (f" · {line.producer_group}" if line.producer_group else ""),
                        _pct(line.rate)
                        + (
                            f" ({line.specific.basis} {line.specific.per_unit:g} {line.specific.currency}"
                            f"/{line.specific.unit})"
                            if line.specific
                            else ""
                        ),
                        line.ref.reference,
                        f"{line.ref.effective_from} – {line.ref.effective_to or 'open'}",
                        line.ref.row_id,
                    ]
                    for line in route.access.duties
                ]
                if rows:
                    pdf.table(
                        ["duty", "rate", "legal reference", "in force", "row"], rows, (30, 26, 70, 30, 30)
                    )
                if route.cost is not None:
                    pdf.table(
                        ["per unit", route.cost.currency, "row"],
                        [
                            [line.label, _num(line.amount.amount), line.row_id or "input"]
                            for line in route.cost.lines
                        ]
                        + [
                            ["customs value (CIF)", _num(route.cost.customs_value), ""],
                            ["landed cost", _num(route.cost.total), ""],
                        ],
                        (70, 46, 70),
                    )
    if result.incentives is not None:
        estimate = result.incentives
        pdf.heading(f"Incentives: {estimate.province}, {estimate.scheme_type}, {estimate.date}")
        pdf.paragraph(
            f"Scheme {estimate.scheme_id}" + (f", region {estimate.region}" if estimate.region else "")
        )
        pdf.table(
            ["instrument", "rate", "amount", "status", "row"],
            [
                [
                    line.description or line.instrument,
                    _pct(line.rate)
                    if line.value is None or line.rate is not None
                    else ("yes" if line.value else "no"),
                    f"{_num(line.amount.amount)} {line.amount.currency}" if line.amount else "-",
                    line.status,
                    line.row_id,
                ]
                for line in estimate.lines
            ],
            (70, 22, 40, 20, 34),
        )
    if result.plant is not None:
        plant, ccy = result.plant, result.plant.inputs.currency
        pdf.heading(f"Plant cash flows ({ccy}, nominal)")
        pdf.paragraph(
            f"NPV at {_pct(plant.inputs.discount_rate)}: {_num(plant.npv)} {ccy}"
            f" · IRR {_pct(plant.irr)} · payback "
            + (
                f"{plant.payback_years:.1f} years"
                if plant.payback_years is not None
                else "never within the horizon"
            )
            + f" · tax reduction {_pct(plant.inputs.tax_reduction_rate)}, contribution "
            f"{_pct(plant.inputs.investment_contribution_rate)}"
        )
        for note in result.notes:
            pdf.paragraph(f"• {note}", 7)
        pdf.table(
            ["year", "units", "revenue", "EBITDA", "tax", "capex", "free cash flow"],
            [
                [
                    f"{year['year']:.0f}",
                    _num(year["units"]),
                    _num(year["revenue"]),
                    _num(year["ebitda"]),
                    _num(year["tax"]),
                    _num(year["capex"]),
                    _num(year["free_cash_flow"]),
                ]
                for year in plant.years
            ],
            (14, 24, 32, 30, 26, 28, 32),
        )
    if result.monte_carlo is not None:
        mc = result.monte_carlo
        pdf.heading(f"Uncertainty ({mc.draws} draws, seed {mc.seed})")
        pct = mc.percentiles
        pdf.table(
            ["", "P10", "P50", "P90"],
            [
                [f"NPV ({mc.currency})", *(_num(pct["npv"][k]) for k in ("p10", "p50", "p90"))],
                ["IRR", *(_pct(pct["irr"][k]) for k in ("p10", "p50", "p90"))],
                ["payback (years)", *(_num(pct["payback_years"][k], 1) for k in ("p10", "p50", "p90"))],
            ],
            (46, 46, 46, 48),
        )
        pdf.paragraph(f"Probability that NPV < 0: {_pct(mc.probability_npv_negative)}")
        pdf.table(
            ["input (tornado)", "range", "NPV at min", "NPV at max", "swing"],
            [
                [
                    bar.parameter,
                    f"{bar.low_value:g} – {bar.high_value:g}",
                    _num(bar.npv_at_low),
                    _num(bar.npv_at_high),
                    _num(bar.swing),
                ]
                for bar in mc.tornado
            ],
            (44, 44, 34, 34, 30),
        )
    if cited:
        pdf.heading("Sources")
        pdf.table(
            ["row", "legal reference", "source", "in force"],
            [
                [
                    row.row_id,
                    row.ref.reference,
                    row.ref.source,
                    f"{row.effective_from} – {row.effective_to or 'open'}",
                ]
                for row in cited
            ],
            (36, 64, 58, 28),
        )
    pdf.paragraph(
        "Origin risk is a screening model, not a legal determination of origin. "
        "Rates shown as 'not known' are "
        "not recorded in the rule data and were not guessed."
    )
    return bytes(pdf.output())
