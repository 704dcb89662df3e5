#!/usr/bin/env bash
# Runs RedYifang locally: Azurite on its standard ports (data kept in .azurite/), the function app on
# http://localhost:7071 through the repository's local host, and the demo district on an empty store.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

install_tools
settings=functions/RedYifang.Functions/local.settings.json
if [ ! -f "$settings" ]; then
  echo "Creating $settings from local.settings.sample.json (with a fresh random signing key)"
  key=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
  sed "s/\"Auth__SigningKey\": \"\"/\"Auth__SigningKey\": \"$key\"/" local.settings.sample.json > "$settings"
fi

echo "Building…"
dotnet build functions/RedYifang.LocalHost --nologo -v quiet -clp:ErrorsOnly

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if port_open 10002; then
  echo "Storage emulator already listening on 10000-10002; using it."
else
  mkdir -p .azurite
  start_azurite .azurite 10000 10001 10002 .azurite/azurite.log
  pids+=("$AZURITE_PID")
fi

dotnet run --no-build --project functions/RedYifang.LocalHost -- --settings "$settings" --urls http://localhost:7071 &
pids+=($!)
wait_for_url http://localhost:7071/api/health 120

cat <<'MSG'

RedYifang is running.
  Health:        http://localhost:7071/api/health
  API document:  http://localhost:7071/api/openapi.json
  API base:      http://localhost:7071/api/v1/
  Storage:       Azurite on 127.0.0.1:10000 (blobs), 10001 (queues), 10002 (tables); data in .azurite/

Sign in as the demo district admin and look at yourself:
  token=$(curl -s -X POST http://localhost:7071/api/v1/auth/dev -H 'Content-Type: application/json' \
            -d '{"openId":"dev-admin"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -s http://localhost:7071/api/v1/me -H "Authorization: Bearer $token"
Other demo users: dev-street, dev-community, dev-liaison, dev-resident.   Ctrl+C stops everything.
MSG
wait "${pids[@]}"
