# Shared by run.sh and test.sh.

# Installs what the scripts need from package.json (pinned in package-lock.json): Azurite, and the admins' console's
# build tools and browser driver (Vite, Preact, Chart.js, uqr, TypeScript, playwright-core). A node_modules installed before
# a package was added lacks it, so each is looked for.
install_tools() {
  if [ ! -x node_modules/.bin/azurite ] || [ ! -x node_modules/.bin/vite ] || [ ! -x node_modules/.bin/tsc ] \
    || [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/chart.js/package.json ] \
    || [ ! -f node_modules/uqr/package.json ]; then
    echo "Installing Azurite and the console's tools (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Builds the admins' console (functions/RedYifang.Console) into its dist/, which the function app's build copies to console/.
build_console() {
  echo "Building the admins' console…"
  npm run --silent console:build -- --logLevel warn
}

# The browser the console's tests drive: Debian's Chromium, and a Chinese font for the screenshots; installed when missing.
install_browser() {
  if command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "wenquanyi micro hei"; then return 0; fi
  echo "Installing Chromium and fonts-wqy-microhei (apt-get)…"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
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
