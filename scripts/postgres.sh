#!/usr/bin/env bash
# Starts a local PostgreSQL server on 127.0.0.1 for Almanac's server-mode tests and prints the
# connection string to use. Installs Debian's postgresql package first when it is missing
# (needs root). Safe to run again: it reuses a running server and an existing role.
set -euo pipefail

port="${ALMANAC_PG_PORT:-5432}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: PostgreSQL server is not installed; run as root or 'apt-get install postgresql'" >&2
    exit 1
  fi
  echo "postgres.sh: installing PostgreSQL from Debian packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main -p "$port" >&2
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start -- -o "-c listen_addresses=127.0.0.1 -p $port" >&2 \
    || pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 30); do
  if runuser -u postgres -- psql -h 127.0.0.1 -p "$port" -qtAc "SELECT 1" postgres >/dev/null 2>&1 \
     || runuser -u postgres -- psql -p "$port" -qtAc "SELECT 1" postgres >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

runuser -u postgres -- psql -p "$port" -qtAc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'almanac') THEN CREATE ROLE almanac LOGIN SUPERUSER PASSWORD 'almanac'; END IF; END \$\$;" postgres >&2
if ! runuser -u postgres -- psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'almanac'" postgres | grep -q 1; then
  runuser -u postgres -- createdb -p "$port" -O almanac almanac >&2
fi

echo "Host=127.0.0.1;Port=$port;Username=almanac;Password=almanac;Database=almanac"
