#!/usr/bin/env bash
# The recorded runs of docs/BENCHMARKS.md, each repeated. By default PlanBot against the peer on
# the official Bot Framework SDK (bench/peer), concurrency 32 and 1,000 conversations, for each
# store: the peer on MemoryStorage beside SQLite, on CosmosDbPartitionedStorage beside Cosmos.
# With GROWTH set, the growth table instead: PlanBot alone, after seeding each number of plans in
# the tenant, 320 measured conversations and list timed 20 times.
# Before each run it waits (at most WAIT_MAX seconds) for the 1-minute load average to drop below
# LOAD_MAX, since other work on the machine shares its cores. Figures go to bench/results/*.json
# and a summary to stdout.
#   bench/run-matrix.sh [repeats] [stores...]        e.g. bench/run-matrix.sh 3 sqlite cosmos
#   SHAPES="1 100,32 1000" bench/run-matrix.sh 1     other concurrency × conversations
#   GROWTH="100 1000 10000" bench/run-matrix.sh 1 sqlite
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPEATS="${1:-3}"; shift || true
STORES=("${@:-sqlite cosmos}"); STORES=(${STORES[*]})
LOAD_MAX="${LOAD_MAX:-1.5}"; WAIT_MAX="${WAIT_MAX:-120}"
SHAPES="${SHAPES:-32 1000}"; GROWTH="${GROWTH:-}"; SEED_LIMIT="${SEED_LIMIT:-600}"
mkdir -p bench/results
dotnet build bench/PlanBot.Bench -c Release -nologo -v q -clp:ErrorsOnly
dotnet build src/PlanBot.Host/PlanBot.Host.csproj -c Release --artifacts-path bench/.artifacts -nologo -v q -clp:ErrorsOnly

wait_for_quiet() {
  local waited=0
  while awk -v max="$LOAD_MAX" '{ exit !($1 >= max) }' /proc/loadavg && [ "$waited" -lt "$WAIT_MAX" ]; do
    sleep 5; waited=$((waited + 5))
  done
}

# One run: a name for its JSON file, then the benchmark's options.
run() {
  local name="$1"; shift
  wait_for_quiet
  local out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$name.json"
  echo "== $name (load $(cut -d' ' -f1-3 /proc/loadavg)): $*"
  dotnet run -c Release --project bench/PlanBot.Bench --no-build -- "$@" --no-build --json "$out" \
    | sed -n '/^PlanBot on/,$p' || true
}

for store in "${STORES[@]}"; do
  for i in $(seq 1 "$REPEATS"); do
    if [ -n "$GROWTH" ]; then
      for plans in $GROWTH; do
        run "$store-plans$plans" --store "$store" --peer none --concurrency 32 --conversations 320 \
          --plans "$plans" --seed-time-limit "$SEED_LIMIT"
      done
    else
      IFS=',' read -ra shapes <<< "$SHAPES"
      for shape in "${shapes[@]}"; do
        set -- $shape
        run "$store-c$1-n$2" --store "$store" --concurrency "$1" --conversations "$2"
      done
    fi
  done
done
