"""Shared fixtures for the extraction tests: the seed article and its extraction (computed once)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
# In CI the shared folder sits beside the clone (../shared); on a developer's machine too.
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"


def seed_path() -> Path:
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"seed article not found in {SEED_DIR}")
    return files[0]


@pytest.fixture(scope="session")
def seed_file() -> Path:
    return seed_path()


@pytest.fixture(scope="session")
def seed_result(seed_file) -> dict:
    from kopru.intel.extract import extract_path

    return extract_path(str(seed_file))


@pytest.fixture(scope="session")
def gaz():
    """The extraction's gazetteer (countries, places, sectors), loaded once."""
    from kopru.intel.extract.gazetteer import load

    return load()
