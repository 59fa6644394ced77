#!/usr/bin/env bash
# Builds the Teams app package: a zip with manifest.json, color.png and outline.png at its root.
# The manifest in manifests/teams carries the all-zero GUID as a placeholder for the app id and
# the bot id; both are replaced by the bot's Microsoft App ID, then the result is validated
# against its schema (tools/checks/check-manifest.js) before anything is zipped.
#
# Usage: tools/teams-package.sh [MICROSOFT_APP_ID]
#   The app id comes from the argument, else from the environment variable MicrosoftAppId.
#   TEAMS_PACKAGE_OUT  output zip (default: artifacts/planbot-teams.zip under the repository root)
#   PLANBOT_HOST       the host's public name (planbot.contoso.com): the tabs' addresses and their
#                      single sign-on resource api://<host>/<app id>; without it they keep planbot.example
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest_dir="$repo_root/manifests/teams"
checks_dir="$repo_root/tools/checks"
out="${TEAMS_PACKAGE_OUT:-$repo_root/artifacts/planbot-teams.zip}"
placeholder="00000000-0000-0000-0000-000000000000"

die() { echo "teams-package: $*" >&2; exit 1; }

[[ $# -le 1 ]] || die "usage: tools/teams-package.sh [MICROSOFT_APP_ID]"
app_id="${1:-${MicrosoftAppId:-}}"
[[ -n "$app_id" ]] || die "no app id: pass it as the argument or set MicrosoftAppId"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] \
  || die "the app id must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got '$app_id'"
[[ "${app_id,,}" != "$placeholder" ]] || die "the app id is the placeholder GUID; give the bot's real Microsoft App ID"

host="${PLANBOT_HOST:-}"
[[ -z "$host" || "$host" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || die "PLANBOT_HOST must be a host name, got '$host'"
[[ -n "$host" ]] || echo "teams-package: PLANBOT_HOST is not set: the tabs point at planbot.example" >&2

command -v node >/dev/null || die "node is required"
for f in manifest.json color.png outline.png; do
  [[ -f "$manifest_dir/$f" ]] || die "missing $manifest_dir/$f"
done
if [[ ! -d "$checks_dir/node_modules" ]]; then
  (cd "$checks_dir" && npm ci --no-audit --no-fund >&2) || die "npm ci failed in tools/checks"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Replace the placeholder only where the manifest holds ids: the app id and each bot's id.
node - "$manifest_dir/manifest.json" "$work/manifest.json" "$app_id" "$placeholder" "$host" <<'EOF'
const fs = require('node:fs');
const [source, target, appId, placeholder, host] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(source, 'utf8').replace(/^\uFEFF/, ''));
const replace = (value) => (typeof value === 'string' && value.toLowerCase() === placeholder ? appId : value);
manifest.id = replace(manifest.id);
for (const bot of manifest.bots ?? []) bot.botId = replace(bot.botId);
// The tabs' single sign-on: tokens are asked for the bot's app registration, as api://<host>/<app id>.
if (manifest.webApplicationInfo) {
  manifest.webApplicationInfo.id = replace(manifest.webApplicationInfo.id);
  manifest.webApplicationInfo.resource = manifest.webApplicationInfo.resource.replace(placeholder, appId);
}
// The tabs are served by the host: its public name replaces the example host in their addresses.
if (host) {
  const swap = (value) => value.replace('https://planbot.example/', `https://${host}/`);
  for (const tab of manifest.staticTabs ?? []) { tab.contentUrl = swap(tab.contentUrl); tab.websiteUrl = swap(tab.websiteUrl); }
  for (const tab of manifest.configurableTabs ?? []) tab.configurationUrl = swap(tab.configurationUrl);
  manifest.validDomains = (manifest.validDomains ?? []).map((d) => (d === 'planbot.example' ? host : d));
  if (manifest.webApplicationInfo) manifest.webApplicationInfo.resource = manifest.webApplicationInfo.resource.replace('api://planbot.example/', `api://${host}/`);
}
const left = JSON.stringify(manifest).toLowerCase().includes(placeholder);
if (left) {
  process.stderr.write('teams-package: the placeholder GUID is still present outside id/botId\n');
  process.exit(1);
}
fs.writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
EOF
cp "$manifest_dir/color.png" "$manifest_dir/outline.png" "$work/"

node "$checks_dir/check-manifest.js" "$work/manifest.json" >&2 || die "the packaged manifest is not valid"

mkdir -p "$(dirname "$out")"
rm -f "$out"
if command -v python3 >/dev/null; then
  # Fixed timestamps make the zip reproducible for a given app id.
  python3 - "$work" "$out" <<'EOF'
import sys, zipfile
work, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(f"{work}/{name}", "rb") as f:
            z.writestr(info, f.read())
EOF
elif command -v zip >/dev/null; then
  (cd "$work" && zip -q -X -j "$out" manifest.json color.png outline.png)
else
  die "neither python3 nor zip is available to write the package"
fi

echo "$out"
