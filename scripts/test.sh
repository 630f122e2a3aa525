#!/usr/bin/env bash
# Runs every Almanac test: unit, SQLite and PostgreSQL integration, and CLI tests.
# PostgreSQL is started on 127.0.0.1 (installed from Debian packages if missing) unless
# ALMANAC_TEST_POSTGRES already names a server.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ALMANAC_TEST_POSTGRES:-}" ]; then
  ALMANAC_TEST_POSTGRES="$(bash scripts/postgres.sh)"
  export ALMANAC_TEST_POSTGRES
fi

dotnet test Almanac.sln --configuration Release --logger "console;verbosity=normal" "$@"
