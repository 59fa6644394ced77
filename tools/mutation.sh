#!/usr/bin/env bash
# Mutation testing of the domain and the engine with Stryker.NET (a local tool, pinned in
# .config/dotnet-tools.json): each target mutates one project and runs the test projects that
# exercise it, then prints the score and every mutant no test killed.
#
# Usage: tools/mutation.sh [domain|conversations|all] [-- stryker options...]
#   domain         src/PlanBot.Domain against the Domain and Conversations tests
#   conversations  src/PlanBot.Conversations against the Conversations tests
#   all            both, one after the other (the default)
# Options after -- go to Stryker as they are, to scope a run while working on one file:
#   tools/mutation.sh domain -- --mutate '**/Plans/Plan.cs' --concurrency 1
#
# Settings live in tools/mutation/<target>.json; reports go to StrykerOutput/<target>/reports
# (mutation-report.html to browse, mutation-report.json read by tools/mutation/report.js).
# Not part of ./test.sh: a run takes many minutes (see docs/RELIABILITY.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

target="${1:-all}"
[ $# -gt 0 ] && shift
if [ "${1:-}" = "--" ]; then shift; fi

case "$target" in
  domain) targets=(domain) ;;
  conversations) targets=(conversations) ;;
  all) targets=(domain conversations) ;;
  *) echo "usage: tools/mutation.sh [domain|conversations|all] [-- stryker options...]" >&2; exit 2 ;;
esac

project_of() {
  case "$1" in
    domain) echo PlanBot.Domain ;;
    conversations) echo PlanBot.Conversations ;;
  esac
}

dotnet tool restore >/dev/null

for name in "${targets[@]}"; do
  project="$(project_of "$name")"
  output="$root/StrykerOutput/$name"
  rm -rf "$output"
  echo "== Mutating $project (settings: tools/mutation/$name.json)"
  started=$SECONDS
  # Stryker runs from the project under test, so that it may name several test projects.
  (cd "src/$project" && dotnet stryker --config-file "$root/tools/mutation/$name.json" --output "$output" --skip-version-check "$@")
  echo "== $project took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
  node tools/mutation/report.js "$output/reports/mutation-report.json" "$project"
done
