#!/usr/bin/env bash
# Compiles and lints the infrastructure (infra/main.bicep and every module it uses, plus any other
# .bicep file under infra/) with the pinned Bicep command line, and fails on any error or warning.
# Bicep exits 0 on warnings (BCP081 unknown API version, BCP037 unknown property, linter rules),
# so the output is checked too.
#
# Usage: tools/bicep/check.sh        exit 0: clean; exit 1: an error or a warning (printed)
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bicep_sh="$repo_root/tools/bicep/bicep.sh"
cd "$repo_root"

if ! bicep="$("$bicep_sh" --path)"; then
  echo "check: the Bicep command line is not available" >&2
  exit 1
fi
echo "check: $("$bicep" --version)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0

# Runs one Bicep command; fails on a non-zero exit or on "Warning"/"Error" anywhere in its output.
run() {
  local label="$1"; shift
  local output rc
  output="$("$bicep" "$@" 2>&1)"
  rc=$?
  if [[ $rc -ne 0 ]] || grep -qE 'Warning|Error' <<<"$output"; then
    echo "check: FAILED $label (exit $rc)"
    [[ -n "$output" ]] && echo "$output"
    failed=1
  else
    echo "check: ok $label"
  fi
}

run "build infra/main.bicep" build infra/main.bicep --outfile "$work/main.json"
# One run lints every file (a file's diagnostics include the modules it uses).
run "lint infra/**/*.bicep" lint --pattern 'infra/**/*.bicep'

if [[ $failed -ne 0 ]]; then
  echo "check: Bicep reported errors or warnings"
  exit 1
fi
echo "check: clean"
