# Köprü — the two commands of the quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/kopru
# Two workers: the machines have two cores; the suite takes about 4 minutes per database this way.
PYTEST_ARGS ?= -n 2

.PHONY: install demo serve test test-sqlite test-postgres lint format browsers messages bench clean prod-smoke schemathesis

install: $(STAMP)

# Reinstall only when the dependency list changes; `make install` is cheap when nothing did.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The demo serves with one background task worker (extraction, reviewer assignment, letters) beside it.
demo: install
	mkdir -p var
	$(BIN)/kopru migrate --noinput
	$(BIN)/kopru demo
	$(BIN)/kopru db_worker --no-startup-delay >var/worker.log 2>&1 & worker=$$!; \
	  $(BIN)/python scripts/wait_for_server.py $(HOST) & waiter=$$!; \
	  trap 'kill $$worker $$waiter 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/kopru runserver --insecure $(HOST)

serve: install
	KOPRU_DEBUG=1 $(BIN)/kopru runserver $(HOST)

# Browser tests drive Debian's Chromium (Playwright's own browser download is not reachable offline).
# Briefing-pack and investment-case PDFs (WeasyPrint) need Pango and the Noto CJK fonts for Chinese glyphs.
browsers:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@fc-list 2>/dev/null | grep -q "Noto Sans CJK" || { \
	  echo "Installing Debian's fonts-noto-cjk for the PDFs (briefing packs, investment cases)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

test: install browsers lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== test suite on SQLite =="
	$(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

# CI must run on PostgreSQL too; on a developer machine without it the run says so and is skipped.
test-postgres:
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)'.rsplit('/',1)[0]+'/postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== test suite on PostgreSQL =="; \
	  KOPRU_DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS); \
	elif [ -n "$$CI" ]; then \
	  echo "PostgreSQL is unreachable at $(PG_URL) and CI requires it" >&2; exit 1; \
	else \
	  echo "== PostgreSQL unreachable at $(PG_URL): skipped the PostgreSQL run (CI requires it) =="; \
	fi

# Schemathesis over the OpenAPI schema as a signed-in officer (no 5xx, responses as documented); part of
# the suite (tests/ui/test_api_schemathesis.py), runnable alone.
schemathesis: install
	$(BIN)/pytest -p no:cacheprovider -q tests/ui/test_api_schemathesis.py

# The production stack (PostgreSQL, gunicorn, RQ workers on Redis) started and driven over HTTP; see
# docs/operations.md. CI runs it after the test suites.
prod-smoke: install
	BIN=$(BIN) PG_URL=$(PG_URL) ops/prod-smoke.sh

messages: install
	cd src/kopru && ../../$(BIN)/django-admin makemessages -l tr -l zh_Hans && ../../$(BIN)/django-admin compilemessages

bench: install
	for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var build *.egg-info src/*.egg-info
