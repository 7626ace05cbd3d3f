"""Rules data sanity: YAML turns an unquoted NO (Norway) into False; every country code must stay a string."""

import pytest
import yaml
from django.conf import settings

pytestmark = pytest.mark.unit

DATA = settings.DATA_DIR


def _codes(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("partners", "origins", "origin", "countries", "excluded_origins", "members"):
                yield from value if isinstance(value, list) else [value]
            else:
                yield from _codes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _codes(item)


@pytest.mark.parametrize(
    "path",
    sorted((DATA / "trade").glob("*.yaml")) + sorted((DATA / "incentives").glob("*.yaml")),
    ids=lambda p: p.name,
)
def test_country_codes_are_strings(path):
    codes = list(_codes(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert [code for code in codes if not isinstance(code, str)] == []
