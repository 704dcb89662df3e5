# Shared by run.sh and test.sh.

# Installs what the scripts need: Azurite from package.json (pinned in package-lock.json).
install_tools() {
  if [ ! -x node_modules/.bin/azurite ]; then
    echo "Installing Azurite (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# The Bicep CLI, from NuGet (infra/tools/bicep.csproj downloads it into the NuGet package folder).
install_bicep() {
  dotnet restore infra/tools/bicep.csproj --nologo -v quiet
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_azurite DIR BLOB_PORT QUEUE_PORT TABLE_PORT LOG → sets AZURITE_PID once all three ports answer.
start_azurite() {
  local dir=$1 blob=$2 queue=$3 table=$4 log=$5
  # One node process (not npx, which leaves a child behind); --disableTelemetry keeps SIGTERM prompt,
  # --skipApiVersionCheck accepts the current SDKs' newer API version.
  ./node_modules/.bin/azurite --location "$dir" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" \
    --skipApiVersionCheck --disableTelemetry --silent >"$log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 60); do
    if port_open "$blob" && port_open "$queue" && port_open "$table"; then return 0; fi
    sleep 0.5
  done
  echo "Azurite did not start; see $log" >&2
  return 1
}

# wait_for_url URL SECONDS
wait_for_url() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "$url did not answer within ${seconds}s" >&2
  return 1
}
