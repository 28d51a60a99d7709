#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + Redis on loopback, for tests and CI.
#
#   eval "$(scripts/services.sh start)"   # starts both (idempotent), prints the export lines
#   scripts/services.sh stop              # stops both
#   scripts/services.sh status            # exit 0 when both answer
#   scripts/services.sh start|stop pg     # only PostgreSQL (or `redis`): the fault tests restart
#                                         # one service of a private pair under a running app
#
# Only the `export ...` lines go to stdout; everything else goes to stderr.
# Environment: PG_PORT (54329), REDIS_PORT (63799), PG_DIR (/tmp/bazaar-pg),
# REDIS_DIR (/tmp/bazaar-redis).
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT="${PG_PORT:-54329}"
PG_DIR="${PG_DIR:-/tmp/bazaar-pg}"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
REDIS_PORT="${REDIS_PORT:-63799}"
REDIS_DIR="${REDIS_DIR:-/tmp/bazaar-redis}"

log() { echo "services: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y --no-install-recommends "$@" >&2; then
    $sudo apt-get update >&2 || $sudo apt-get update >&2
    $sudo apt-get install -y --no-install-recommends "$@" >&2
  fi
}

# Running = postmaster.pid names a live (not zombie) `postgres` process. Checked through
# /proc rather than `pg_ctl status`, which is fooled by a killed postmaster that is not yet
# reaped and by a stale pid file whose PID was reused (e.g. after a reboot).
pg_running() {
  local pid comm state _
  pid="$(sed -n 1p "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  read -r _ comm state _ <"/proc/$pid/stat" || return 1
  [ "$comm" = "(postgres)" ] && [ "$state" != Z ]
}

pg_ready() {
  as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2 >/dev/null 2>&1
}

# The port a running cluster actually listens on (line 4 of postmaster.pid).
pg_running_port() {
  sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true
}

redis_running() {
  [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || true)" = "PONG" ]
}

start_pg() {
  [ -x "$PG_BIN/postgres" ] || apt_install postgresql-15
  if [ "$(id -u)" = 0 ] && ! id -u postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  if pg_running; then
    PG_PORT="$(pg_running_port)"
    for _ in $(seq 1 30); do
      if pg_ready "$PG_PORT"; then
        log "PostgreSQL already running on 127.0.0.1:$PG_PORT ($PG_DATA)"
        return
      fi
      sleep 1
    done
    die "PostgreSQL ($PG_DATA) is running but does not answer on 127.0.0.1:$PG_PORT; see $PG_LOG"
  fi
  # Not running. A postmaster killed a moment ago may still be an unreaped zombie, which
  # the new postmaster would take for a live one: wait for it to go. Then drop the leftover
  # pid file (crash, kill -9, reboot), which would block the start.
  local pid
  pid="$(sed -n 1p "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  for _ in $(seq 1 30); do
    [ -n "$pid" ] && grep -q '^[^)]*) Z' "/proc/$pid/stat" 2>/dev/null || break
    sleep 0.5
  done
  rm -f "$PG_DATA/postmaster.pid"

  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  chmod 700 "$PG_DIR"

  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    rm -rf "$PG_DATA"
    log "initdb $PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
      --auth-local=trust --auth-host=scram-sha-256 >&2
    echo "include_if_exists = 'bazaar.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi

  # Rewritten on every start so PG_PORT / PG_DIR changes take effect.
  as_pg tee "$PG_DATA/bazaar.conf" >/dev/null <<EOF
# Written by scripts/services.sh: a throwaway test cluster, tuned for speed, not durability.
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  log "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >&2; then
    tail -n 50 "$PG_LOG" >&2 || true
    die "PostgreSQL did not start"
  fi

  # Role and database (idempotent), over the unix socket as the superuser.
  as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt >&2 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bazaar') THEN
    CREATE ROLE bazaar LOGIN SUPERUSER PASSWORD 'bazaar';
  END IF;
END $$;
SELECT 'CREATE DATABASE bazaar OWNER bazaar'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'bazaar') \gexec
SQL
}

start_redis() {
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  if redis_running; then
    log "Redis already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  mkdir -p "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT (log: $REDIS_DIR/redis.log)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
    --save "" --appendonly no --dir "$REDIS_DIR" \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >&2
  for _ in $(seq 1 100); do
    redis_running && return
    sleep 0.1
  done
  tail -n 50 "$REDIS_DIR/redis.log" >&2 || true
  die "Redis did not start"
}

stop_pg() {
  if pg_running; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >&2
  else
    log "PostgreSQL not running"
  fi
}

stop_redis() {
  if redis_running; then
    log "stopping Redis"
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >&2 || true
  else
    log "Redis not running"
  fi
}

which="${2:-all}"
case "$which" in
  all | pg | redis) ;;
  *)
    echo "usage: $0 start|stop [pg|redis]" >&2
    exit 2
    ;;
esac
want() { [ "$which" = all ] || [ "$which" = "$1" ]; }

case "${1:-}" in
  start)
    if want pg; then
      start_pg
      echo "export DATABASE_URL=postgres://bazaar:bazaar@127.0.0.1:$PG_PORT/bazaar"
    fi
    if want redis; then
      start_redis
      echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    fi
    ;;
  stop)
    rc=0
    if want pg; then stop_pg || rc=$?; fi
    if want redis; then stop_redis || rc=$?; fi
    exit "$rc"
    ;;
  status)
    rc=0
    if pg_running; then log "PostgreSQL running on 127.0.0.1:$(pg_running_port)"; else log "PostgreSQL not running"; rc=1; fi
    if redis_running; then log "Redis running on 127.0.0.1:$REDIS_PORT"; else log "Redis not running"; rc=1; fi
    exit "$rc"
    ;;
  *)
    echo "usage: $0 start|stop|status [pg|redis]" >&2
    exit 2
    ;;
esac
