#!/usr/bin/env bash
# Runs RedYifang locally: Azurite on its standard ports (data kept in .azurite/), the function app on
# http://localhost:7071, and the demo district on an empty store.
#   ./run.sh              the repository's local host (fast to start; see README for what it does not emulate)
#   ./run.sh --real-host  the real Azure Functions host built from ../shared/tools/functions-host, over a Release build
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

real_host=false
case "${1:-}" in
  --real-host) real_host=true ;;
  "") ;;
  *) echo "usage: ./run.sh [--real-host]" >&2; exit 2 ;;
esac

install_tools
settings=functions/RedYifang.Functions/local.settings.json
if [ ! -f "$settings" ]; then
  echo "Creating $settings from local.settings.sample.json (with a fresh random signing key)"
  key=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
  sed "s/\"Auth__SigningKey\": \"\"/\"Auth__SigningKey\": \"$key\"/" local.settings.sample.json > "$settings"
else
  add_missing_settings local.settings.sample.json "$settings"
fi

build_console
echo "Building…"
dotnet build functions/RedYifang.LocalHost --nologo -v quiet -clp:ErrorsOnly
if $real_host; then
  kit=$(functions_host_kit) || { echo "No Functions host kit at ../shared/tools/functions-host." >&2; exit 1; }
  echo "Building the Functions host (cached after the first time) and the app in Release…"
  host=$(bash "$kit/build.sh" | tail -n 1)
  dotnet build -c Release functions/RedYifang.Functions --nologo -v quiet -clp:ErrorsOnly
fi

pids=()
# Stops what was started, last first: the app's host stops its listeners while storage still answers.
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; wait "${pids[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

if port_open 10002; then
  echo "Storage emulator already listening on 10000-10002; using it."
else
  mkdir -p .azurite
  start_azurite .azurite 10000 10001 10002 .azurite/azurite.log
  pids+=("$AZURITE_PID")
fi

if $real_host; then
  # The app's settings reach the host as environment variables, as app settings do in Azure.
  while IFS= read -r -d '' setting; do export "$setting"; done < <(settings_as_env "$settings")
  bash "$kit/run.sh" "$host" "$PWD/functions/RedYifang.Functions/bin/Release/net10.0" 7071 &
  pids+=($!)
  wait_for_url http://localhost:7071/api/health 120
  echo "Loading the demo district (once, on an empty store)…"
  dotnet run --no-build --project functions/RedYifang.LocalHost -- --settings "$settings" --seed-demo-only
  which="the real Azure Functions host"
else
  dotnet run --no-build --project functions/RedYifang.LocalHost -- --settings "$settings" --urls http://localhost:7071 &
  pids+=($!)
  wait_for_url http://localhost:7071/api/health 120
  which="the repository's local host"
fi

cat <<MSG

RedYifang is running on $which.
  Console:       http://localhost:7071/console/   (sign in as one of the demo users)
  Health:        http://localhost:7071/api/health
  API document:  http://localhost:7071/api/openapi.json
  API base:      http://localhost:7071/api/v1/
  Storage:       Azurite on 127.0.0.1:10000 (blobs), 10001 (queues), 10002 (tables); data in .azurite/

Sign in as the demo district admin and look at yourself:
  token=\$(curl -s -X POST http://localhost:7071/api/v1/auth/dev -H 'Content-Type: application/json' \\
            -d '{"openId":"dev-admin"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -s http://localhost:7071/api/v1/me -H "Authorization: Bearer \$token"
Other demo users: dev-street, dev-community, dev-liaison, dev-resident.   Ctrl+C stops everything.
The demo (loaded in the background on an empty store, about a minute) also holds co-building; as dev-admin try
  /api/v1/agreements?orgId=org_demo-district&expiringWithinDays=30     /api/v1/activities?orgId=org_demo-s1-c1
  /api/v1/party-member-reports?communityId=org_demo-s1-c1   /api/v1/communities/org_demo-s1-c1/points-ranking?period=$(date +%Y)
MSG
wait "${pids[@]}"
