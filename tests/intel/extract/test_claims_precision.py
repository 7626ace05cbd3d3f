"""Claims, precision first: spec tables, prices and restated conversions are no claims; continental number
formats read right. Texts written for these tests."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.claims import numbers_view, spec_blocks

pytestmark = pytest.mark.unit


def _claims(text: str) -> list[tuple[str, float, str | None]]:
    return [(c["metric"], c["value"], c["unit"]) for c in extract_text(text)["claims"]]


def test_a_spec_table_states_no_claims():
    text = (
        "Volta Motors will build a factory with an annual production capacity of 200.000 vehicles.\n\n"
        "Volta V5 standard version\nLength: 4.455 mm\nMotor: 150 kW and 310 N.m of torque\n"
        "Max speed: 160 km/h\nBattery capacity: 50,12 kWh\nFast charging: 70 kW (peak)\n"
    )
    assert _claims(text) == [("capacity", 200000, "vehicles/yr")]
    assert len(spec_blocks(text)) == 1


def test_continental_numbers_keep_their_length_and_value():
    text = "a capacity of 200.000 vehicles, 6,8 seconds and $1.125 billion"
    view = numbers_view(text)
    assert len(view) == len(text)
    assert "200,000 vehicles" in view and "6.8 seconds" in view and "$1.125 billion" in view


def test_restated_conversions_prices_and_fees_are_not_claims():
    text = (
        "Kiran Motors said it was looking for a further 540bn yen ($5.2bn; £2.77bn) in fresh financing. "
        "Its shares closed at $185.25, and the offer of $16.50 a share was rejected. "
        "The Tarsus plant will cost Rp 650 billion (approximately $39.9 million)."
    )
    assert _claims(text) == [("amount", 540000000000, "JPY"), ("amount", 650000000000, "IDR")]


def test_annual_amounts_stay_claims():
    assert _claims("Türkiye spends about $3 billion a year on imported medical devices.") == [
        ("amount", 3000000000, "USD")
    ]
