import os
import shutil

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop here; Django's ORM refuses to run beside one unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def reference_data(transactional_db):
    # Transactional tests flush the database after each test, so the reference data is loaded per test.
    call_command("load_reference", verbosity=0)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath) and not os.path.exists(CHROMIUM):
            item.add_marker(pytest.mark.skip(reason="Debian's chromium is not installed (make browsers)"))
