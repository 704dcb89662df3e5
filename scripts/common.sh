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

# functions_host_kit → prints the folder of the kit that builds the real Functions host, or fails where there is none
# (a clone outside this workspace).
functions_host_kit() {
  local kit
  kit=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && cd .. && pwd)/shared/tools/functions-host
  [ -f "$kit/build.sh" ] && echo "$kit"
}

# add_missing_settings SAMPLE SETTINGS → adds to SETTINGS' Values every key of SAMPLE's it lacks (a setting added since
# the file was made, such as a timer schedule the host needs to index its functions); changes no existing value.
add_missing_settings() {
  node -e '
    const fs = require("fs");
    const [sample, target] = process.argv.slice(1);
    const s = JSON.parse(fs.readFileSync(sample, "utf8")), t = JSON.parse(fs.readFileSync(target, "utf8"));
    const added = Object.keys(s.Values).filter(k => !(k in t.Values));
    for (const k of added) t.Values[k] = s.Values[k];
    if (added.length) {
      fs.writeFileSync(target, JSON.stringify(t, null, 2) + "\n");
      console.log("Added to " + target + " from the sample: " + added.join(", "));
    }' "$1" "$2"
}

# settings_as_env SETTINGS → prints each of SETTINGS' Values as NAME=VALUE, NUL-terminated (safe for any value).
settings_as_env() {
  node -e '
    const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).Values;
    for (const [k, x] of Object.entries(v)) process.stdout.write(k + "=" + x + "\0");' "$1"
}
