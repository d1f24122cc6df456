#!/usr/bin/env bash
# The browser test: the HL7 CDS Hooks Sandbox, in headless Chromium, against the sample CDS Hooks host and a fake
# FHIR server, all on 127.0.0.1. Not part of .ci/run (it needs Debian's chromium, npm, and a built sandbox).
#
#   SANDBOX_DIST=/path/to/built/sandbox bash tests/browser/run.sh        (MODES="open jwt fetch" by default)
#
# SANDBOX_DIST is the sandbox's build output folder (index.html, app.bundle.js, ...), built beforehand outside this
# repository from the sandbox's own repository as its README says; no sandbox code is kept here. See README.md.
# Runs three times: with JWT off (the sample's default), with JWT required (the sandbox's own ES384 test key,
# trusted by the sample in Development), and with the host allowed to read the fake FHIR server (AllowedFhirServers),
# so it fetches what the sandbox left out of prefetch. Screenshots and every exchange go to tests/browser/out/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

: "${SANDBOX_DIST:?set SANDBOX_DIST to the built CDS Hooks Sandbox folder (see tests/browser/README.md)}"
[ -f "$SANDBOX_DIST/index.html" ] || { echo "no index.html in SANDBOX_DIST=$SANDBOX_DIST" >&2; exit 2; }
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || { echo "no Chromium at $CHROMIUM: apt-get install -y chromium" >&2; exit 2; }
export CHROMIUM

CDS_PORT="${CDS_PORT:-5080}" FHIR_PORT="${FHIR_PORT:-5081}" STATIC_PORT="${STATIC_PORT:-5082}"
out="$here/out"
rm -rf "$out" && mkdir -p "$out"

# playwright-core only (never a browser download): the lock file pins it.
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

dotnet build "$repo/samples/CdsHooksService" -c Release -f net10.0 -nologo -v quiet
host_dll="$repo/samples/CdsHooksService/bin/Release/net10.0/CdsHooksService.dll"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

node fake-fhir-server.mjs --fhir-port "$FHIR_PORT" --static-port "$STATIC_PORT" --static-dir "$SANDBOX_DIST" \
  --log "$out/fhir-requests.log" > "$out/fake-fhir-server.out" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.3; done; echo "no answer at $1" >&2; return 1; }

status=0
for mode in ${MODES:-open jwt fetch}; do
  jwt=false; flag=(); fetch=()
  if [ "$mode" = jwt ]; then jwt=true; flag=(--jwt); fi
  if [ "$mode" = fetch ]; then flag=(--fetch --fhir-log "$out/fhir-requests.log"); fetch=("--CdsHooks:AllowedFhirServers:0=http://127.0.0.1:$FHIR_PORT/fhir"); fi
  # The sample's Development environment (as `dotnet run` sets it): any origin, the sandbox's key trusted.
  ASPNETCORE_ENVIRONMENT=Development dotnet "$host_dll" --urls "http://127.0.0.1:$CDS_PORT" \
    --contentRoot "$repo/samples/CdsHooksService" --CdsHooks:RequireJwt=$jwt "${fetch[@]}" > "$out/host-$mode.out" 2>&1 &
  host=$!
  pids+=($host)
  wait_for "http://127.0.0.1:$CDS_PORT/"
  wait_for "http://127.0.0.1:$FHIR_PORT/fhir/metadata"
  node sandbox-test.mjs --sandbox "http://127.0.0.1:$STATIC_PORT/" --fhir "http://127.0.0.1:$FHIR_PORT/fhir" \
    --cds "http://127.0.0.1:$CDS_PORT/cds-services" --out "$out" "${flag[@]}" | tee "$out/result-$mode.txt" || status=1
  kill "$host" 2>/dev/null || true
  wait "$host" 2>/dev/null || true
done
exit $status
