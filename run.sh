#!/usr/bin/env bash
# Starts PlanBot on http://127.0.0.1:3978 (SQLite store in ./data) and the Microsoft 365 Agents
# Playground, an offline Teams emulator, on http://127.0.0.1:56150. Ctrl+C stops both.
#
#   ./run.sh                 build, start both, print the URL to open
#   PLANBOT_PORT=3979 PLAYGROUND_PORT=56151 ./run.sh   other ports
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bot_port="${PLANBOT_PORT:-3978}"
playground_port="${PLAYGROUND_PORT:-56150}"
mkdir -p data

# The Teams tab serves the Teams JavaScript library from tools/tab, built into the host.
if [ ! -d tools/tab/node_modules ] || [ tools/tab/package-lock.json -nt tools/tab/node_modules ]; then
  echo "Installing tools/tab (npm ci)..."
  (cd tools/tab && npm ci --no-audit --no-fund --loglevel=error)
  touch tools/tab/node_modules
fi

echo "Building PlanBot..."
dotnet build src/PlanBot.Host -c Release -nologo -v quiet

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

ASPNETCORE_ENVIRONMENT=Development dotnet src/PlanBot.Host/bin/Release/net10.0/PlanBot.Host.dll \
  --urls "http://127.0.0.1:${bot_port}" --Storage:Sqlite:Path="$PWD/data/planbot.db" &
pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:${bot_port}/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:${bot_port}/healthz" >/dev/null || { echo "PlanBot did not start; see the log above." >&2; exit 1; }

PLAYGROUND_WORKDIR="$PWD/data/playground" tools/playground/start.sh \
  -e "http://127.0.0.1:${bot_port}/api/messages" -p "${playground_port}" &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:${playground_port}/" >/dev/null 2>&1 && break
  sleep 0.5
done

cat <<MSG

PlanBot is running on http://127.0.0.1:${bot_port}/api/messages (store: data/planbot.db).
Open the Teams emulator:  http://127.0.0.1:${playground_port}
In the personal chat, type:  plan Contoso.Web 2.4
Press Ctrl+C to stop.
MSG
wait
