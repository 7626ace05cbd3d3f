from pathlib import Path

import pytest

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


@pytest.fixture
def seed_paths():
    paths = sorted(str(path) for path in SEED_DIR.glob("*.txt"))
    assert paths, f"the seed article is expected in {SEED_DIR}"
    return paths


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
