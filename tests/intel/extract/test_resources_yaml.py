"""Every YAML resource of the extractor reads as strings: YAML 1.1 turns NO (Norway), ON, Y into booleans."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from kopru.intel.extract.gazetteer import StringsLoader, load, read_resource, read_resource_text

pytestmark = pytest.mark.unit

RESOURCE_NAMES = sorted(
    f.name
    for f in resources.files("kopru.intel.extract").joinpath("resources").iterdir()
    if f.name.endswith((".yaml", ".yml"))
)


def _scalars(value, path="$"):
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.<key {key!r}>", key
            yield from _scalars(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _scalars(item, f"{path}[{i}]")
    else:
        yield path, value


def test_there_are_resources_to_guard():
    assert "countries.yaml" in RESOURCE_NAMES and len(RESOURCE_NAMES) >= 5


@pytest.mark.parametrize("name", RESOURCE_NAMES)
def test_no_resource_holds_a_boolean_or_a_number(name):
    bad = [(path, v) for path, v in _scalars(read_resource(name)) if isinstance(v, bool | int | float)]
    assert bad == []


@pytest.mark.parametrize("name", RESOURCE_NAMES)
def test_a_plain_safe_load_reads_the_same(name):
    # so that any other reader of these files (a script, a notebook) cannot fall into the trap either
    assert yaml.safe_load(read_resource_text(name)) == read_resource(name)


def test_the_loader_keeps_yaml_1_1_booleans_as_strings():
    data = yaml.load("[NO, no, Yes, ON, off, Y, n, true, false]", Loader=StringsLoader)
    assert data == ["NO", "no", "Yes", "ON", "off", "Y", "n", True, False]


def test_every_country_code_is_two_capital_letters_and_norway_is_no():
    gaz = load()
    assert all(isinstance(c, str) and len(c) == 2 and c.isupper() for c in gaz.countries)
    assert gaz.countries["NO"].name == "Norway"
    assert gaz.places["Oslo"].country == "NO"
    assert all(isinstance(p.country, str) for p in gaz.places.values())


def test_norway_is_emitted_as_a_string():
    from kopru.intel.extract import extract_text

    result = extract_text("Norwegian and Turkish officials met in Oslo on Monday to discuss wind power.")
    assert "NO" in result["countries"]
    assert all(isinstance(c, str) for c in result["countries"])
