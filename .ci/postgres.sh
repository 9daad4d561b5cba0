#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 server on loopback for the PostGIS
# plugin tests (plugins/postgis). Installs nothing: the packages
# postgresql-15 postgresql-15-postgis-3 libpq-dev come from .ci/common.sh.
#
# Source it (`source .ci/postgres.sh`) so that the exports reach ctest, or run
# it (`bash .ci/postgres.sh`) to start the server and print the exports.
# Idempotent: a second run reuses the running cluster. Works as root on a
# fresh Debian 12 without systemd (initdb into a private folder, run as the
# `postgres` user, pg_ctl start on a free port) and as an ordinary user.
#
# Exports (PostgreSQL conventions, no password in any project file):
#   PGSERVICEFILE      service file with [vnland_test] host/port/dbname/user
#   PGPASSFILE         pgpass file (mode 0600) holding the generated password
#   VNLAND_PG_SERVICE  the service name the tests connect with (vnland_test)
# `vnland publish PROJECT --to "service=vnland_test"` then works in that shell.
# Stop:  bash .ci/postgres.sh stop
__vnland_pg_main() {
  set -euo pipefail
  local state="${VNLAND_PG_DIR:-${TMPDIR:-/tmp}/vnland-pg}"
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)"
  [ -n "$bindir" ] && [ -x "$bindir/pg_ctl" ] || {
    echo "postgres.sh: PostgreSQL 15 is not installed (apt-get install postgresql-15 postgresql-15-postgis-3)" >&2
    return 1
  }
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || {
    echo "postgres.sh: PostGIS 3 for PostgreSQL 15 is not installed (apt-get install postgresql-15-postgis-3)" >&2
    return 1
  }
  # Run server tools as `postgres` when we are root (the server refuses to run as root).
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    as=(runuser -u postgres --)
  fi
  mkdir -p "$state"
  chmod 755 "$state"
  local data="$state/data" sock="$state/socket" logdir="$state/log" port_file="$state/port"
  if [ "${1:-}" = "stop" ]; then
    [ -f "$data/PG_VERSION" ] && "${as[@]}" "$bindir/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
    echo "postgres.sh: stopped ($state)"
    return 0
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data" "$sock" "$logdir"
    mkdir -p "$data" "$sock" "$logdir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data" "$sock" "$logdir"; fi
    chmod 700 "$data" "$sock" # the socket trusts local connections: only the server's user may reach it
    "${as[@]}" "$bindir/initdb" -D "$data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$state/initdb.log" 2>&1 || {
      cat "$state/initdb.log" >&2
      return 1
    }
    rm -f "$port_file"
  fi
  if ! "${as[@]}" "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # A free loopback port, from 55432 up.
    local port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
      port=$((port + 1))
    done
    echo "$port" >"$port_file"
    "${as[@]}" "$bindir/pg_ctl" -D "$data" -l "$logdir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB" \
      start >/dev/null || {
      tail -20 "$logdir/server.log" >&2
      return 1
    }
  fi
  local port
  port="$(cat "$port_file")"
  # Test role and database, PostGIS in it; the password is generated once and lives in pgpass only.
  local pw_file="$state/password"
  if [ ! -s "$pw_file" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$pw_file")
  fi
  local pw
  pw="$(cat "$pw_file")"
  local psql=("${as[@]}" "$bindir/psql" -X -q -h "$sock" -p "$port" -U postgres -v ON_ERROR_STOP=1)
  "${psql[@]}" -d postgres -v pw="$pw" >/dev/null <<'SQL' || return 1
SELECT 'CREATE ROLE vnland_test LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vnland_test')
\gexec
ALTER ROLE vnland_test PASSWORD :'pw';
SELECT 'CREATE DATABASE vnland_test OWNER vnland_test' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'vnland_test')
\gexec
SQL
  "${psql[@]}" -d vnland_test >/dev/null <<'SQL' || return 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS postgis;
SQL
  (umask 077 && printf '127.0.0.1:%s:vnland_test:vnland_test:%s\n' "$port" "$pw" >"$state/pgpass")
  cat >"$state/pg_service.conf" <<CONF
[vnland_test]
host=127.0.0.1
port=$port
dbname=vnland_test
user=vnland_test
connect_timeout=10
CONF
  export PGSERVICEFILE="$state/pg_service.conf"
  export PGPASSFILE="$state/pgpass"
  export VNLAND_PG_SERVICE=vnland_test
  echo "postgres.sh: PostgreSQL 15 + PostGIS on 127.0.0.1:$port (service vnland_test, $state)" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  __vnland_pg_main "$@"
  if [ "${1:-}" != "stop" ]; then
    echo "export PGSERVICEFILE='$PGSERVICEFILE'"
    echo "export PGPASSFILE='$PGPASSFILE'"
    echo "export VNLAND_PG_SERVICE=vnland_test"
  fi
else
  # Sourced: keep the caller's shell options (errexit, nounset, pipefail).
  __vnland_pg_flags="$-"
  __vnland_pg_pipefail=0
  if shopt -qo pipefail; then __vnland_pg_pipefail=1; fi
  __vnland_pg_rc=0
  __vnland_pg_main "$@" || __vnland_pg_rc=$?
  case "$__vnland_pg_flags" in *e*) set -e ;; *) set +e ;; esac
  case "$__vnland_pg_flags" in *u*) set -u ;; *) set +u ;; esac
  if [ "$__vnland_pg_pipefail" -eq 1 ]; then set -o pipefail; else set +o pipefail; fi
  unset __vnland_pg_flags __vnland_pg_pipefail
  if [ "$__vnland_pg_rc" -ne 0 ]; then
    unset __vnland_pg_rc
    echo "postgres.sh: could not start the PostgreSQL test server; test_postgis will fail" >&2
    return 1
  fi
  unset __vnland_pg_rc
fi
