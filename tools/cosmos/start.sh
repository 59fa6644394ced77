#!/usr/bin/env bash
# Starts the local Cosmos DB server (see README.md). Installs its npm packages on first use.
# Prints "Cosmos server listening on https://127.0.0.1:<port>" on stdout when ready.
# Environment: COSMOS_PORT (default 8081), COSMOS_HTTP=1, COSMOS_CERT_OUT, COSMOS_PARENT_PID, COSMOS_LOG=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ ! -d node_modules/@vercel/cosmosdb-server ]; then
  npm ci --no-audit --no-fund --loglevel=error 1>&2
fi
exec node server.js "$@"
