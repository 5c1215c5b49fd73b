#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server: installed if missing, started as a
# non-root user in a temporary folder on a free loopback port, stopped afterwards.
#   scripts/with_postgres.sh make test
# The command sees DATABASE_URL pointing at an empty database its user may create test
# databases beside.
set -euo pipefail

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PG_BIN=$(find_pg_bin)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "== installing the PostgreSQL server" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(find_pg_bin)
fi

PG_USER=postgres
id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"
PG_TMP=$(mktemp -d /tmp/quantri-pg.XXXXXX)
chown "$PG_USER" "$PG_TMP"
PG_PORT=${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
as_pg() { runuser -u "$PG_USER" -- "$@"; }

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
trap cleanup EXIT

echo "== PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT" >&2
as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q \
  -c "CREATE ROLE quantri LOGIN CREATEDB PASSWORD 'quantri'" \
  -c "CREATE DATABASE quantri OWNER quantri"

DATABASE_URL="postgres://quantri:quantri@127.0.0.1:$PG_PORT/quantri" "$@"
