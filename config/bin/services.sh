#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer (idempotent): starts whatever is installed locally, else the
# docker-compose services, else installs them with apt. Prints one line per service; exits non-zero
# with a reason when one does not come up within SERVICES_WAIT_SECONDS (default 30).
# TEST_DISRUPTIVE=0 (the developer's quick run, `npm run test:dev`) installs nothing: a service
# missing altogether is then an error that says to run `npm run services` once.
set -uo pipefail

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
# The PostgreSQL superuser that checks (and creates) the database; the engine's own roles are set up
# by `cli.js db-roles` (the demo, the tests and `npm start` run it).
PG_SUPERUSER=${PG_SUPERUSER:-postgres}
PG_DATABASE=${PG_DATABASE:-test}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
WAIT_SECONDS=${SERVICES_WAIT_SECONDS:-30}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PGPASSWORD=${PG_SUPERUSER_PASSWORD:-${PGPASSWORD:-}}
export PG_PORT REDIS_PORT # docker-compose.yml maps these ports

have() { command -v "$1" >/dev/null 2>&1; }
note() { echo "services: $*" >&2; }
die() { echo "services: ERROR: $*" >&2; exit 1; }
is_local() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

# apt-get only when this run allows installing (every run but the developer's quick one).
apt_allowed() {
  [[ ${TEST_DISRUPTIVE:-1} != 0 ]] || die "$1 is not installed and the quick run (TEST_DISRUPTIVE=0) installs nothing: run 'npm run services' once"
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; elif have sudo; then sudo -n "$@"; else return 1; fi; }

compose() {
  if docker compose version >/dev/null 2>&1; then (cd "$ROOT" && docker compose "$@")
  elif have docker-compose; then (cd "$ROOT" && docker-compose "$@")
  else return 1; fi
}
docker_ready() { have docker && docker info >/dev/null 2>&1 && { docker compose version >/dev/null 2>&1 || have docker-compose; }; }

pg_up() {
  if have pg_isready; then pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2
  else timeout 2 bash -c "exec 3<>/dev/tcp/$PG_HOST/$PG_PORT" 2>/dev/null; fi
}
redis_up() {
  if have redis-cli; then [[ $(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; return; fi
  timeout 2 bash -c "exec 3<>/dev/tcp/$REDIS_HOST/$REDIS_PORT; printf 'PING\r\n' >&3; read -r line <&3; [[ \$line == +PONG* ]]" 2>/dev/null
}

wait_for() { # name check-function
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$2"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.5
  done
}

# Newest installed cluster named "main", if any.
pg_cluster_version() {
  [[ -d /etc/postgresql ]] || return 1
  local v
  v=$(ls /etc/postgresql | sort -V | tail -n 1)
  [[ -n $v && -d /etc/postgresql/$v/main ]] && echo "$v"
}

# A fresh apt cluster asks for passwords over TCP; the engine's defaults expect trust for local use.
pg_trust_local() {
  local hba="/etc/postgresql/$1/main/pg_hba.conf"
  [[ -f $hba ]] || return 0
  as_root sed -i -E 's/^(local|host)(\s+\S+\s+\S+.*\s)(peer|md5|scram-sha-256)\s*$/\1\2trust/' "$hba"
}

start_postgres() {
  local v
  if v=$(pg_cluster_version) && have pg_ctlcluster; then
    note "starting PostgreSQL cluster $v/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start || note "pg_ctlcluster failed"
  elif docker_ready; then
    note "starting PostgreSQL with docker compose"
    compose up -d postgres || note "docker compose up postgres failed"
  else
    apt_allowed PostgreSQL
    note "installing PostgreSQL with apt-get"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || die "could not install postgresql (need root or sudo)"
    v=$(pg_cluster_version) || die "postgresql installed but no cluster under /etc/postgresql"
    pg_trust_local "$v"
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main reload || true
  fi
}

start_redis() {
  if have redis-server; then
    note "starting redis-server"
    redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  elif docker_ready; then
    note "starting Redis with docker compose"
    compose up -d redis || note "docker compose up redis failed"
  else
    apt_allowed Redis
    note "installing Redis with apt-get"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
      || die "could not install redis-server (need root or sudo)"
    redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  fi
}

# psql on this machine, or inside the compose container when the client is not installed.
run_psql() {
  if have psql; then psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -v ON_ERROR_STOP=1 -qtA "$@"
  elif docker_ready; then compose exec -T postgres psql -U "$PG_SUPERUSER" -v ON_ERROR_STOP=1 -qtA "$@"
  else die "no psql client to check database $PG_DATABASE"; fi
}

ensure_database() {
  local exists
  exists=$(run_psql -d postgres -c "select 1 from pg_database where datname = '$PG_DATABASE'") \
    || die "PostgreSQL answers but user $PG_SUPERUSER cannot connect (trust auth expected, or set PG_SUPERUSER_PASSWORD)"
  if [[ $exists != 1 ]]; then
    note "creating database $PG_DATABASE"
    run_psql -d postgres -c "create database \"$PG_DATABASE\"" >/dev/null || die "could not create database $PG_DATABASE"
  fi
}

if ! pg_up; then
  is_local "$PG_HOST" || die "PostgreSQL at $PG_HOST:$PG_PORT does not answer (not local, so not started here)"
  start_postgres
  wait_for postgres pg_up || die "PostgreSQL did not answer at $PG_HOST:$PG_PORT within ${WAIT_SECONDS}s"
fi
ensure_database
echo "postgres: ready at $PG_HOST:$PG_PORT (superuser $PG_SUPERUSER, database $PG_DATABASE)"

if ! redis_up; then
  is_local "$REDIS_HOST" || die "Redis at $REDIS_HOST:$REDIS_PORT does not answer (not local, so not started here)"
  start_redis
  wait_for redis redis_up || die "Redis did not answer at $REDIS_HOST:$REDIS_PORT within ${WAIT_SECONDS}s"
fi
echo "redis: ready at $REDIS_HOST:$REDIS_PORT"
