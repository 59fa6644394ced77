#!/usr/bin/env bash
# Runs every PlanBot test: installs the npm tools the tests use (from committed lockfiles), starts
# the local Cosmos DB server, runs `dotnet test` on the solution, and stops what it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"

for tool in tools/checks tools/playground tools/cosmos tools/tab; do
  if [ ! -d "$tool/node_modules" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules" ]; then
    echo "Installing $tool (npm ci)..."
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$tool/node_modules"
  fi
done

# The official Adaptive Card 1.5 JSON schema is in no package: the schema tests use it when
# ADAPTIVE_CARD_SCHEMA names it (or it lies in ../shared beside the clone) and are skipped, with the
# reason, otherwise. Teams' host config comes from the adaptivecards-designer package in tools/checks.
shared_schema="$root/../shared/schemas/adaptive-card-1.5.0.json"
if [ -z "${ADAPTIVE_CARD_SCHEMA:-}" ] && [ -f "$shared_schema" ]; then
  export ADAPTIVE_CARD_SCHEMA="$shared_schema"
fi
if [ -z "${ADAPTIVE_CARD_SCHEMA:-}" ]; then
  echo "ADAPTIVE_CARD_SCHEMA is not set: the Adaptive Card schema tests will be skipped (the other card checks run)."
fi

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

cosmos_log="$(mktemp)"
COSMOS_PORT=0 COSMOS_PARENT_PID=$$ node tools/cosmos/server.js >"$cosmos_log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q "listening on" "$cosmos_log" && break
  sleep 0.1
done
endpoint="$(grep -o 'https://127.0.0.1:[0-9]*' "$cosmos_log" | head -n 1 || true)"
if [ -z "$endpoint" ]; then
  echo "The local Cosmos DB server did not start:" >&2
  cat "$cosmos_log" >&2
  exit 1
fi
export PLANBOT_COSMOS_ENDPOINT="$endpoint/"
echo "Local Cosmos DB server at $PLANBOT_COSMOS_ENDPOINT"

dotnet test PlanBot.sln -c Release --nologo "$@"
