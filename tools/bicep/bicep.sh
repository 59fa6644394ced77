#!/usr/bin/env bash
# Runs the Bicep command line pinned by BicepTool.csproj (Azure.Bicep.CommandLine.linux-x64).
# The first run restores that project with `dotnet restore`, which puts the package in the NuGet
# global packages folder; later runs, and runs offline once the package is there, use it directly.
#
# Usage: tools/bicep/bicep.sh <bicep arguments>      e.g. tools/bicep/bicep.sh build --stdout infra/main.bicep
#        tools/bicep/bicep.sh --path                  prints the binary's path
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="azure.bicep.commandline.linux-x64"
version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$here/BicepTool.csproj")"
[[ -n "$version" ]] || { echo "bicep: no pinned version in $here/BicepTool.csproj" >&2; exit 1; }

packages_folder() {
  if [[ -n "${NUGET_PACKAGES:-}" ]]; then
    echo "${NUGET_PACKAGES%/}"
  else
    # Prints "global-packages: /path/"; works offline.
    dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p' | sed 's:/*$::'
  fi
}

binary_in() { echo "$1/$package/$version/tools/bicep"; }

# Fast path: the default folder, without starting dotnet.
bicep="$(binary_in "${NUGET_PACKAGES:-$HOME/.nuget/packages}")"
if [[ ! -f "$bicep" ]]; then
  bicep="$(binary_in "$(packages_folder)")"
fi
if [[ ! -f "$bicep" ]]; then
  echo "bicep: restoring $package $version from NuGet..." >&2
  (
    # One restore at a time when several callers start together.
    if command -v flock >/dev/null; then
      mkdir -p "$here/obj"
      exec 9>"$here/obj/restore.lock"
      flock 9
    fi
    [[ -f "$bicep" ]] || dotnet restore "$here/BicepTool.csproj" --nologo --verbosity quiet >&2
  )
  bicep="$(binary_in "$(packages_folder)")"
  [[ -f "$bicep" ]] || { echo "bicep: $bicep is missing after the restore" >&2; exit 1; }
fi
# NuGet does not always keep the executable bit of the files it extracts.
[[ -x "$bicep" ]] || chmod +x "$bicep"

if [[ "${1:-}" == "--path" ]]; then
  echo "$bicep"
  exit 0
fi
exec "$bicep" "$@"
