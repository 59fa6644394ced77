#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground (an offline Teams emulator) on loopback only.
#
#   tools/playground/start.sh [-e BOT_ENDPOINT] [-p PORT] [-w WORKDIR] [-- extra playground args]
#
# Defaults (also settable through the environment):
#   PLAYGROUND_BOT_ENDPOINT  http://127.0.0.1:3978/api/messages
#   PLAYGROUND_PORT          56150 (0 = any free port; the playground prints "Listening on N")
#   PLAYGROUND_WORKDIR       this folder. The playground reads .m365agentsplayground.yml from it and
#                            logs to devTools/m365agentsplayground.log under it; a workdir without a
#                            config gets a copy of the one committed here.
#
# The process runs behind loopback-guard.js: it listens on 127.0.0.1 only, cannot connect or resolve
# names off this machine, and exits within a second of the process that started this script dying
# (the script execs node, so stopping the pid this script got stops the playground).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
endpoint="${PLAYGROUND_BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}"
port="${PLAYGROUND_PORT:-56150}"
workdir="${PLAYGROUND_WORKDIR:-$here}"

usage() { sed -n "2,/^set -euo/p" "${BASH_SOURCE[0]}" | grep "^#" | sed "s/^# \{0,1\}//"; }

while [ $# -gt 0 ]; do
  case "$1" in
    -e|--endpoint) endpoint="$2"; shift 2 ;;
    -p|--port) port="$2"; shift 2 ;;
    -w|--workdir) workdir="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) echo "start.sh: unknown argument '$1' (use -- to pass arguments to the playground)" >&2; exit 2 ;;
  esac
done

package_dir="$here/node_modules/@microsoft/m365agentsplayground"
if [ ! -f "$package_dir/package.json" ]; then
  # Serialise installs: several test runs may start at once on a fresh clone.
  lock="${TMPDIR:-/tmp}/planbot-playground-npm-ci.lock"
  (
    flock -w 300 9 || { echo "start.sh: timed out waiting for $lock" >&2; exit 1; }
    if [ ! -f "$package_dir/package.json" ]; then
      echo "start.sh: installing the playground (npm ci)" >&2
      cd "$here" && npm ci --no-audit --no-fund --loglevel=error 1>&2
    fi
  ) 9>"$lock"
fi

cli_rel="$(node -p 'const b = require(process.argv[1]).bin; typeof b === "string" ? b : b.agentsplayground' "$package_dir/package.json")"
cli="$package_dir/$cli_rel"

mkdir -p "$workdir"
if [ ! -f "$workdir/.m365agentsplayground.yml" ]; then
  cp "$here/.m365agentsplayground.yml" "$workdir/.m365agentsplayground.yml"
fi
cd "$workdir"

# The playground ends with whoever started this script, even if that dies during `npm ci`.
export LOOPBACK_GUARD_PARENT_PID="${LOOPBACK_GUARD_PARENT_PID:-$PPID}"
export TEAMSAPPTESTER_BROWSER=none
export APPLICATION_INSIGHTS_NO_STATSBEAT=true
export APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL=true

exec node -r "$here/loopback-guard.js" "$cli" start --disable-telemetry \
  -e "$endpoint" -p "$port" -c msteams "$@"
