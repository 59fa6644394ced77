#!/usr/bin/env bash
# The four recorded runs of docs/BENCHMARKS.md, each repeated: SQLite and the local Cosmos server,
# at concurrency 1 (100 conversations) and 32 (1,000 conversations). Before each run it waits (at
# most WAIT_MAX seconds) for the 1-minute load average to drop below LOAD_MAX, since other work on
# the machine shares its cores. Figures go to bench/results/*.json and a summary to stdout.
#   bench/run-matrix.sh [repeats] [stores...]      e.g. bench/run-matrix.sh 3 sqlite cosmos
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPEATS="${1:-3}"; shift || true
STORES=("${@:-sqlite cosmos}"); STORES=(${STORES[*]})
LOAD_MAX="${LOAD_MAX:-1.5}"; WAIT_MAX="${WAIT_MAX:-120}"
mkdir -p bench/results
dotnet build bench/PlanBot.Bench -c Release -nologo -v q -clp:ErrorsOnly
dotnet build src/PlanBot.Host/PlanBot.Host.csproj -c Release --artifacts-path bench/.artifacts -nologo -v q -clp:ErrorsOnly

wait_for_quiet() {
  local waited=0
  while awk -v max="$LOAD_MAX" '{ exit !($1 >= max) }' /proc/loadavg && [ "$waited" -lt "$WAIT_MAX" ]; do
    sleep 5; waited=$((waited + 5))
  done
}

for store in "${STORES[@]}"; do
  for shape in "1 100" "32 1000"; do
    set -- $shape
    for i in $(seq 1 "$REPEATS"); do
      wait_for_quiet
      out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$store-c$1-n$2.json"
      echo "== $store concurrency $1, $2 conversations, run $i (load $(cut -d' ' -f1-3 /proc/loadavg))"
      dotnet run -c Release --project bench/PlanBot.Bench --no-build -- \
        --concurrency "$1" --conversations "$2" --store "$store" --no-build --json "$out" | sed -n '/^PlanBot load benchmark/,$p' || true
    done
  done
done
