#!/usr/bin/env bash
# Checks docker-compose.yml and Dockerfile. With Docker Compose at hand, `docker compose config -q` validates the file
# too; the structural check (tools/check-compose.mjs) runs always, as no Docker engine is needed for it.
set -euo pipefail
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$tools")"

if docker compose version >/dev/null 2>&1; then
  echo "compose: docker compose config -q"
  (cd "$root" && HBFLOW_DB_PASSWORD=check HBFLOW_ADMIN_PASSWORD=check docker compose -f docker-compose.yml config -q)
else
  echo "compose: no Docker Compose here; structural check only"
fi

if [ ! -d "$tools/node_modules/yaml" ]; then
  echo "compose: installing tools (npm ci in tools/)"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
node "$tools/check-compose.mjs"
