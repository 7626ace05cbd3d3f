"""Settings for bench/load.py's gunicorn: the project's, with the bench-only floor URLconf mounted first."""

from pathlib import Path

from kopru.settings import *  # noqa: F403

ROOT_URLCONF = "load_urls"
# bench/templates: the layout page (load_urls.layout) that shows what the shared page chrome costs.
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], str(Path(__file__).parent / "templates")]  # noqa: F405
