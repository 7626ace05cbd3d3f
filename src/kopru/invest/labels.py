"""Names, in the reader's language, for the codes the investment engine returns: duty kinds, risk levels,
number statuses, scheme types, instruments, regimes, plant parameters and the items of a landed cost."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CODE_LABELS = {
    "low": _("low"),
    "medium": _("medium"),
    "high": _("high"),
    "unknown": _("unknown"),
    "verified": _("verified"),
    "unverified": _("unverified"),
    "not_known": _("not known"),
    "mfn": _("MFN duty"),
    "customs_union": _("Customs Union"),
    "countervailing": _("countervailing duty"),
    "anti_dumping": _("anti-dumping duty"),
    "anti_dumping_extension": _("anti-dumping duty (extension)"),
    "additional": _("additional duty"),
    "fta": _("free trade agreement"),
    "provisional": _("provisional"),
    "definitive": _("definitive"),
    "minimum": _("at least"),
    # incentive scheme types, instruments, capacity units and regimes
    "large_scale": _("large-scale investment"),
    "regional": _("regional investment"),
    "strategic": _("strategic investment"),
    "project_based": _("project-based investment"),
    "hit30": _("HIT-30 technology programme"),
    "customs_duty_exemption": _("customs duty exemption"),
    "vat_exemption": _("VAT exemption"),
    "capacity_grant": _("capacity grant"),
    "battery_mwh": _("battery capacity (MWh)"),
    "solar_cell_mw": _("solar-cell capacity (MW)"),
    "incentive_certificate": _("investment incentive certificate"),
    "non_eu_non_fta": _("countries outside the EU without a free trade agreement with Türkiye"),
    # the items of a landed cost
    "ex_works": _("ex-works price"),
    "freight": _("freight"),
    "insurance": _("insurance"),
    # distributions of the Monte Carlo ranges
    "triangular": _("triangular"),
    "uniform": _("uniform"),
}

PARAMETER_LABELS = {
    "currency": _("plant currency"),
    "horizon_years": _("horizon (years)"),
    "discount_rate": _("discount rate"),
    "capex": _("capital expenditure"),
    "capex_phasing": _("capex phasing"),
    "first_production_year": _("first production year"),
    "ramp_up": _("ramp-up"),
    "capacity_units_per_year": _("capacity (units per year)"),
    "price_per_unit": _("price per unit"),
    "variable_cost_per_unit": _("variable cost per unit"),
    "fixed_cost_per_year": _("fixed cost per year"),
    "corporate_tax_rate": _("corporate tax rate"),
    "depreciation_years": _("depreciation (years)"),
    "working_capital_share": _("working capital (share of revenue)"),
    "tax_reduction_rate": _("tax reduction rate"),
    "investment_contribution_rate": _("investment contribution rate"),
    "grant": _("grant"),
    "price_escalation": _("price escalation per year"),
    "cost_escalation": _("cost escalation per year"),
    "terminal_growth": _("terminal growth"),
}


# the product catalogue's keys (data/trade/products), as the calculator's product field accepts them
PRODUCT_LABELS = {
    "bev": _("battery electric car"),
    "phev": _("plug-in hybrid car"),
    "ice_car": _("petrol car"),
    "hybrid_car": _("hybrid car"),
    "li_ion_battery": _("lithium-ion battery"),
    "pv_cell": _("photovoltaic cell"),
    "pv_module": _("photovoltaic module"),
    "wind_turbine_set": _("wind turbine"),
    "electric_locomotive": _("electric locomotive"),
    "electric_railcar": _("electric railcar"),
    "medical_device_9018": _("medical instrument"),
    "syringe": _("syringe"),
    "ct_scanner": _("X-ray scanner"),
    "vaccine": _("vaccine"),
}


# matchmaking: what an opportunity seeks, what a company has done, and export regions
SEEKS_LABELS = {
    "greenfield": _("a greenfield investor"),
    "expansion": _("an expansion"),
    "jv_partner": _("a joint-venture partner"),
    "supplier": _("a supplier"),
    "rd_centre": _("an R&D centre"),
    "acquisition": _("an acquirer"),
}
DONE_LABELS = {
    "greenfield": _("greenfield plants"),
    "expansion": _("expansions"),
    "jv_partner": _("joint ventures"),
    "supplier": _("supply contracts"),
    "rd_centre": _("R&D centres"),
    "acquisition": _("acquisitions"),
}
REGION_LABELS = {
    "EU": _("the EU"),
    "EUROPE_OTHER": _("non-EU Europe"),
    "TR": _("Türkiye"),
    "MENA": _("the Middle East and North Africa"),
    "CIS": _("Russia, the Caucasus and Central Asia"),
    "SSA": _("sub-Saharan Africa"),
    "NORTH_AMERICA": _("North America"),
    "LATAM": _("Latin America"),
    "SOUTH_ASIA": _("South Asia"),
    "EAST_ASIA": _("East Asia"),
    "SOUTHEAST_ASIA": _("Southeast Asia"),
    "OCEANIA": _("Oceania"),
}


def product_label(key: str) -> str:
    """A product key (`li_ion_battery`) as its name; an HS code or unknown key is shown as typed."""
    label = PRODUCT_LABELS.get(str(key).strip().casefold())
    return str(label) if label is not None else str(key)


def code_label(code) -> str:
    """A code's name; a code nobody named yet is shown with spaces rather than underscores."""
    if code is None:
        return ""
    label = CODE_LABELS.get(code) or PARAMETER_LABELS.get(code)
    return str(label) if label is not None else str(code).replace("_", " ")


def parameter_label(name: str) -> str:
    label = PARAMETER_LABELS.get(name) or CODE_LABELS.get(name)
    return str(label) if label is not None else name.replace("_", " ")


def cost_item_label(label: str) -> str:
    """A landed-cost line: `ex_works`, `duty:mfn` or `component:li_ion_battery:duty:additional`."""
    parts = label.split(":")
    if parts[0] == "duty" and len(parts) == 2:
        return code_label(parts[1])
    if parts[0] == "component" and len(parts) >= 4:
        return str(_("%(duty)s on the component %(component)s")) % {
            "duty": code_label(parts[-1]),
            "component": product_label(parts[1]),
        }
    return code_label(label)
