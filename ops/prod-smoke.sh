#!/usr/bin/env bash
# The production stack on one machine, end to end: PostgreSQL, gunicorn (2 processes), two RQ workers on
# Redis, collected static files; then scripts/prod_smoke.py drives it over HTTP, and a backup taken from
# the live database is restored into a second one and compared. Everything it starts is stopped and its
# databases dropped on the way out, whatever happened (trap).
#
#   make prod-smoke                      # or: ops/prod-smoke.sh
#   KOPRU_SMOKE_PORTS=8100-8199 KOPRU_SMOKE_REDIS_URL=redis://127.0.0.1:6379/5 PG_URL=postgres://postgres@127.0.0.1:5432/kopru
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
# This tree's code, even when the virtual environment is an editable install of another checkout.
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/kopru}"
PG_SERVER="${PG_URL%/*}"
REDIS_URL="${KOPRU_SMOKE_REDIS_URL:-redis://127.0.0.1:6379/5}"
PORTS="${KOPRU_SMOKE_PORTS:-8100-8199}"
DB="kopru_prod_smoke_$$"
DB_RESTORE="${DB}_restore"
VAR="$(mktemp -d -t kopru-prod-smoke.XXXXXX)"
pids=()

log() { printf '== %s\n' "$*"; }

cleanup() {
  status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ]; then
    for f in "$VAR"/*.log; do [ -f "$f" ] && { echo "---- $f (last lines)"; tail -n 40 "$f"; }; done
  fi
  for db in "$DB" "$DB_RESTORE"; do
    "$BIN/python" - "$PG_SERVER" "$db" <<'PY' || true
import sys, psycopg
with psycopg.connect(sys.argv[1] + "/postgres", autocommit=True, connect_timeout=5) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
PY
  done
  "$BIN/python" -c "import redis,sys; redis.Redis.from_url(sys.argv[1]).flushdb()" "$REDIS_URL" 2>/dev/null || true
  rm -rf "$VAR"
  exit "$status"
}
trap cleanup EXIT INT TERM

PORT="$("$BIN/python" - "$PORTS" <<'PY'
import socket, sys
low, high = map(int, sys.argv[1].split("-"))
for port in range(low, high + 1):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit(f"no free port in {sys.argv[1]}")
PY
)"

export KOPRU_DATABASE_URL="$PG_SERVER/$DB"
export KOPRU_VAR_DIR="$VAR"
export KOPRU_TASKS_BACKEND="django_tasks_rq.RQBackend"
export KOPRU_REDIS_URL="$REDIS_URL"
export KOPRU_SECRET_KEY="smoke-$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(40))')"
export KOPRU_ALLOWED_HOSTS="127.0.0.1,localhost"
export KOPRU_DB_CONN_MAX_AGE="${KOPRU_DB_CONN_MAX_AGE:-60}"
export SMOKE_USER="smoke.officer"
export SMOKE_PASSWORD="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(16))')"

log "Redis at $REDIS_URL (emptied for this run)"
"$BIN/python" -c "import redis,sys; r=redis.Redis.from_url(sys.argv[1]); r.ping(); r.flushdb()" "$REDIS_URL"
log "PostgreSQL database $DB"
"$BIN/python" - "$PG_SERVER" "$DB" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1] + "/postgres", autocommit=True, connect_timeout=5) as c:
    c.execute(f'CREATE DATABASE "{sys.argv[2]}"')
PY
"$BIN/kopru" migrate --noinput -v0
"$BIN/kopru" collectstatic --noinput -v0
static_files="$(find "$VAR/static" -type f | wc -l)"
[ "$static_files" -gt 0 ] || { echo "collectstatic wrote nothing" >&2; exit 1; }
log "collected $static_files static files"
"$BIN/kopru" shell --no-imports -c "$(cat ops/smoke_setup.py)"

log "gunicorn (2 processes) on 127.0.0.1:$PORT; two RQ workers"
"$BIN/gunicorn" kopru.wsgi:application --workers 2 --worker-class gthread --threads 4 --bind "127.0.0.1:$PORT" --timeout 60 \
  --access-logfile "$VAR/gunicorn-access.log" >"$VAR/gunicorn.log" 2>&1 &
pids+=($!)
for n in 1 2; do
  "$BIN/kopru" rqworker default --name "smoke-worker-$n-$$" >"$VAR/worker-$n.log" 2>&1 &
  pids+=($!)
done
"$BIN/python" - "http://127.0.0.1:$PORT/accounts/login/" <<'PY'
import sys, time, urllib.request
for _ in range(120):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=2)
        break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit("gunicorn did not answer within a minute")
PY

log "driving the stack over HTTP"
"$BIN/python" scripts/prod_smoke.py --base "http://127.0.0.1:$PORT" --user "$SMOKE_USER" \
  --password="$SMOKE_PASSWORD" --document data/gold/extraction/seed_trt_kacir_china.txt \
  --call-title "Smoke test call" --redis-url "$REDIS_URL"

log "backup of the live database, restored into a second one and checked against its manifest"
"$BIN/kopru" backup "$VAR/backup.tar"
"$BIN/python" - "$PG_SERVER" "$DB_RESTORE" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1] + "/postgres", autocommit=True, connect_timeout=5) as c:
    c.execute(f'CREATE DATABASE "{sys.argv[2]}"')
PY
mkdir -p "$VAR/restored"
KOPRU_DATABASE_URL="$PG_SERVER/$DB_RESTORE" KOPRU_VAR_DIR="$VAR/restored" "$BIN/kopru" restore "$VAR/backup.tar"
log "prod-smoke passed"
