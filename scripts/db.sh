#!/usr/bin/env bash
# Project-local PostgreSQL 15 + PostGIS 3 cluster under .local/ (dev and CI only; production
# runs PostGIS under an operator, see deploy/). Usage: scripts/db.sh up|down|reset|status
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${SOCMAP_DB_PORT:-55432}
DB_NAME=${SOCMAP_DB_NAME:-socmap}
DB_USER=${SOCMAP_DB_USER:-socmap}
PGDATA=$ROOT/.local/pgdata
SOCKDIR=$ROOT/.local/run
LOGFILE=$ROOT/.local/postgresql.log
PG_PACKAGES="postgresql-15 postgresql-15-postgis-3 hunspell-pl"

log() { printf 'db: %s\n' "$*"; }

find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

have_postgis() {
  local sharedir
  sharedir=$("$1/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)
  ls "$sharedir"/extension/postgis.control >/dev/null 2>&1
}

have_all() {
  local bindir
  bindir=$(find_bindir) || return 1
  have_postgis "$bindir" && [ -f /usr/share/hunspell/pl_PL.dic ]
}

install_packages() {
  if have_all; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $PG_PACKAGES from the OS packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $PG_PACKAGES >/dev/null
    # Debian's postinst creates and starts a default cluster we do not use.
    if command -v pg_ctlcluster >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q '^15 main .* online'; then
      pg_ctlcluster 15 main stop || true
    fi
  fi
  if ! have_all; then
    cat >&2 <<MSG
db: PostgreSQL 15 with PostGIS 3 and the Polish Hunspell dictionary are required.
    Install them as root with:
      apt-get update && apt-get install -y $PG_PACKAGES
    (or set SOCMAP_DB_HOST/SOCMAP_DB_PORT to an existing PostGIS 3 server).
MSG
    exit 1
  fi
}

# As root, the cluster belongs to the postgres user; as anyone else, to that user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_reachable_by_postgres() {
  [ "$(id -u)" = 0 ] || return 0
  # Temporary checkouts (mktemp -d) are 0700: let the postgres user traverse to .local/.
  local dir=$ROOT
  while [ "$dir" != / ]; do
    if ! runuser -u postgres -- test -x "$dir"; then
      log "granting traverse permission on $dir to the postgres user"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

is_running() {
  [ -f "$PGDATA/postmaster.pid" ] && as_owner "$BINDIR/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

psql_admin() {
  "$BINDIR/psql" -h "$SOCKDIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

init_cluster() {
  mkdir -p "$ROOT/.local"
  ensure_reachable_by_postgres
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "creating cluster in .local/pgdata (port $PORT)"
    mkdir -p "$PGDATA" "$SOCKDIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA" "$SOCKDIR"
    as_owner "$BINDIR/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >/dev/null
    cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKDIR'
max_connections = 200
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 32MB
maintenance_work_mem = 256MB
fsync = on
synchronous_commit = off
CONF
  fi
  mkdir -p "$SOCKDIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$SOCKDIR"
  touch "$LOGFILE"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$LOGFILE"
  return 0
}

install_polish_dictionary() {
  # Full-text search with the Polish Hunspell dictionary (catalog): PostgreSQL reads
  # <sharedir>/tsearch_data/polish.{affix,dict,stop} as UTF-8.
  local tsdata
  tsdata="$("$BINDIR/pg_config" --sharedir)/tsearch_data"
  [ -f "$tsdata/polish.dict" ] && return 0
  if [ ! -w "$tsdata" ]; then
    log "warning: cannot write $tsdata; the Polish search dictionary is not installed"
    return 0
  fi
  log "$(bash "$ROOT/scripts/install-polish-dictionary.sh" "$tsdata")"
}

start() {
  if is_running; then log "already running on port $PORT"; return 0; fi
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  rm -f "$PGDATA/postmaster.pid" 2>/dev/null || true
  if ! as_owner "$BINDIR/pg_ctl" -D "$PGDATA" -l "$LOGFILE" -w -t 60 start >/dev/null; then
    log "PostgreSQL did not start; the end of .local/postgresql.log says why:"
    tail -n 5 "$LOGFILE" >&2
    exit 1
  fi
}

create_database() {
  psql_admin <<SQL
SELECT 'CREATE ROLE $DB_USER LOGIN SUPERUSER'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') \gexec
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL
}

cmd_up() {
  install_packages
  BINDIR=$(find_bindir)
  install_polish_dictionary
  init_cluster
  start
  create_database
  log "ready: postgresql://$DB_USER@127.0.0.1:$PORT/$DB_NAME"
}

cmd_down() {
  BINDIR=$(find_bindir) || { log "PostgreSQL binaries not found; nothing to stop"; return 0; }
  if is_running; then
    as_owner "$BINDIR/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

cmd_reset() {
  cmd_down
  log "removing .local/pgdata"
  rm -rf "$PGDATA"
  cmd_up
}

cmd_status() {
  BINDIR=$(find_bindir) || { log "PostgreSQL binaries not found"; exit 1; }
  if is_running; then log "running on port $PORT"; else log "not running"; exit 1; fi
}

case "${1:-up}" in
  up) cmd_up ;;
  down) cmd_down ;;
  reset) cmd_reset ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|reset|status" >&2; exit 2 ;;
esac
