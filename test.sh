#!/usr/bin/env bash
# Installs what the tests need (Azurite from package.json, the Bicep CLI from NuGet, the real Functions host from
# ../shared/tools/functions-host) and runs every test tier: the rules in memory (RedYifang.Rules.Tests), the Azurite
# slices and end-to-end on the local host, end-to-end on the real Functions host, the Bicep checks of infra/. Each test
# assembly that needs storage starts its own Azurite on free ports with a temporary folder, so nothing else need be
# running. The admins' console is built and driven in Debian's Chromium (installed with apt-get when missing). Prints the tests passed per assembly (tier), then the total. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

install_tools
install_bicep
install_browser
build_console
dotnet build RedYifang.sln --nologo -v quiet -clp:ErrorsOnly

filter=()
mkdir -p TestResults
export REALHOST_LOG="$PWD/TestResults/functions-host.log"
rm -f "$REALHOST_LOG"
if kit=$(functions_host_kit); then
  echo "Building the Functions host from $kit (cached after the first time) and the app in Release…"
  FUNCTIONS_HOST_DIR=$(bash "$kit/build.sh" | tail -n 1)
  export FUNCTIONS_HOST_DIR
  dotnet build -c Release functions/RedYifang.Functions --nologo -v quiet -clp:ErrorsOnly
else
  echo "Real-host tier skipped: no Functions host kit at ../shared/tools/functions-host (a clone outside this workspace)."
  filter=(--filter "FullyQualifiedName!~RedYifang.RealHost.Tests")
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test RedYifang.sln --no-build --nologo "${filter[@]}" 2>&1 | tee "$log" || status=$?

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 357, Skipped: 0, Total: 357, … - X.Tests.dll (net10.0)".
summaries=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" || true)
echo "tests per tier:"
sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+),.* - ([^ ]+)\.dll.*/\4 \2 \1 \3/' <<<"$summaries" |
  awk 'NF == 4 {printf "  %-28s %5d passed  %3d failed  %3d skipped\n", $1, $2, $3, $4}'
passed=$(grep -oE 'Passed: +[0-9]+' <<<"$summaries" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' <<<"$summaries" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] && [ -s "$REALHOST_LOG" ] && grep -q 'RedYifang.RealHost.Tests.*\[FAIL\]' "$log"; then
  echo "The Functions host's log is kept at $REALHOST_LOG; its last lines:"
  tail -n 60 "$REALHOST_LOG"
elif [ "$status" -eq 0 ]; then
  rm -f "$REALHOST_LOG"
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
