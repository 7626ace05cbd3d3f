"""'they' and 'their' right after two names joined by 'and' stand for that pair, not for the parties of the
last event told before (invented wire copy)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def test_their_after_a_coordinated_pair_of_companies_is_that_pair():
    text = (
        "Treasury Secretary James Baker met Finance Minister Gerhard Stoltenberg on Friday. General Motors "
        "Corp and Toyota Motor Corp said they would expand their joint venture in Fremont, California."
    )
    events = [(e["type"], sorted(e["participants"])) for e in extract_text(text)["events"]]
    assert events == [
        ("meeting", ["Gerhard Stoltenberg", "James Baker"]),
        ("agreement", ["General Motors", "Toyota Motor"]),
    ]
