#!/usr/bin/env bash
# Installs what the tests need (Azurite from package.json, the Bicep CLI from NuGet) and runs every test —
# including the Bicep build, lint and security checks of infra/. Each test assembly starts
# its own Azurite on free ports with a temporary folder, so nothing else may be running. Exits non-zero on
# any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

install_tools
install_bicep
dotnet build RedYifang.sln --nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test RedYifang.sln --no-build --nologo 2>&1 | tee "$log" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
