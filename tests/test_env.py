"""Settings are read once: the data folder comes from KOPRU_DATA_DIR through one function, and every data
path in the code starts from it (settings.DATA_DIR for Django code, the same default for the cores' CLIs)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

import kopru
from kopru.env import CHECKOUT, data_dir
from kopru.invest.economics.rule_tables import default_data_dir as economics_default
from kopru.invest.matching import loading
from kopru.invest.rule_data import economic_rules

SRC = Path(kopru.__file__).resolve().parent


def test_the_data_folder_follows_kopru_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("KOPRU_DATA_DIR", raising=False)
    monkeypatch.delenv("KOPRU_HOME", raising=False)
    assert data_dir() == CHECKOUT / "data"
    monkeypatch.setenv("KOPRU_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert loading.default_data_dir() == tmp_path / "matching"


def test_matching_files_are_read_from_kopru_data_dir(monkeypatch, tmp_path):
    (tmp_path / "matching").mkdir()
    (tmp_path / "matching" / "companies.yaml").write_text(
        "companies:\n- {id: c1, name: Only Company, hq_country: CN, sectors: [battery],"
        " description: cells}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KOPRU_DATA_DIR", str(tmp_path))
    assert [company.name for company in loading.load_companies()] == ["Only Company"]


def test_economics_cli_default_refuses_a_folder_without_rules(monkeypatch, tmp_path):
    monkeypatch.setenv("KOPRU_DATA_DIR", str(tmp_path))
    with pytest.raises(Exception, match="rule data not found"):
        economics_default()


@pytest.mark.django_db
def test_django_code_reads_the_rules_from_settings_data_dir(settings, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(CHECKOUT / "data" / "trade", copy / "trade")
    shutil.copytree(CHECKOUT / "data" / "incentives", copy / "incentives")
    shutil.copytree(CHECKOUT / "data" / "regions", copy / "regions")
    for extra in ("countries.csv", "sectors.yaml"):
        shutil.copy(CHECKOUT / "data" / extra, copy / extra)
    settings.DATA_DIR = copy
    assert economic_rules().data_dir == copy.resolve()


def test_no_module_resolves_a_data_folder_of_its_own():
    """Only kopru/env.py locates the checkout; everything else asks it (or settings.DATA_DIR)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name == "env.py" and path.parent == SRC:
            continue
        if re.search(r"Path\(__file__\)[^\n]*parents\[|/ \"data\"", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_settings_data_dir_is_the_env_folder():
    assert data_dir() == settings.DATA_DIR
