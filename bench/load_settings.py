"""Settings for bench/load.py's gunicorn: the project's, with the bench-only floor URLconf mounted first."""

from kopru.settings import *  # noqa: F403

ROOT_URLCONF = "load_urls"
