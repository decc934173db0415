#!/usr/bin/env bash
# CI's browser test: starts the built application jar (target/hb-flow-*.jar, from `mvn verify` or `mvn package`) on
# H2 in a temporary data directory with the demo users on a free port, waits until it answers, runs
# tools/e2e/tasklist-e2e.mjs against it in Debian's Chromium, and always stops the application.
# Screenshots and summary.md: target/e2e-screenshots/; the application's log: target/e2e-app.log.
# Exit code: the test's (0 = passed); 1 also when the application does not start.
# Environment: E2E_PORT (default: a free port), E2E_START_TIMEOUT_S (default 240), E2E_TIMEOUT_S (default 900).
set -euo pipefail

e2e="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$(dirname "$e2e")"
root="$(dirname "$tools")"
cd "$root"

say() { echo "e2e: $*"; }
die() { echo "E2E FAILED [$1] $2" >&2; exit 1; }

jar="$(ls target/hb-flow-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)"
[ -n "$jar" ] || die "setup" "no target/hb-flow-*.jar: run mvn -B verify (or package) first"
jar="$root/$jar"

bash "$e2e/install-browser.sh" || die "setup" "Chromium could not be installed"
if [ ! -f "$tools/node_modules/playwright-core/package.json" ] ||
   [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  say "installing tools (npm ci in tools/)"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) || die "setup" "npm ci in tools/ failed"
fi

port="${E2E_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
base="http://127.0.0.1:$port"
data="$(mktemp -d "${TMPDIR:-/tmp}/hbflow-e2e.XXXXXX")"
shots="$root/target/e2e-screenshots"
applog="$root/target/e2e-app.log"
rm -rf "$shots"
mkdir -p "$shots"

app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    say "stopping the application (pid $app_pid)"
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop_app EXIT
trap 'exit 130' INT TERM

say "starting $(basename "$jar") on port $port (H2 in $data, demo users; log: target/e2e-app.log)"
(cd "$data" && exec java -Xmx1g -jar "$jar" \
  --server.port="$port" \
  --server.address=127.0.0.1 \
  "--spring.datasource.url=jdbc:h2:file:$data/hbflow;DB_CLOSE_ON_EXIT=FALSE" \
  --hbflow.demo-users.enabled=true) >"$applog" 2>&1 &
app_pid=$!

# Ready = the process definitions are deployed and the demo administrator can read them over REST.
started=$(date +%s)
limit="${E2E_START_TIMEOUT_S:-240}"
until node -e "
  fetch(process.argv[1], { headers: { Authorization: 'Basic ' + Buffer.from('demo:demo').toString('base64') } })
    .then(async (r) => process.exit(r.ok && (await r.json()).id ? 0 : 1), () => process.exit(1));
  " "$base/engine-rest/process-definition/key/hb-palveluprosessi" 2>/dev/null; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    tail -n 40 "$applog" >&2
    die "application start" "the application exited during start-up (log above, whole log: target/e2e-app.log)"
  fi
  if [ $(( $(date +%s) - started )) -ge "$limit" ]; then
    tail -n 40 "$applog" >&2
    die "application start" "the application did not answer within ${limit} s (log above)"
  fi
  sleep 2
done
say "application answers after $(( $(date +%s) - started )) s; running the browser test"

rc=0
BASE_URL="$base" SHOTS_DIR="$shots" E2E_TIMEOUT_S="${E2E_TIMEOUT_S:-900}" \
  timeout --kill-after=30 "$(( ${E2E_TIMEOUT_S:-900} + 60 ))" node "$e2e/tasklist-e2e.mjs" || rc=$?
if [ "$rc" -ne 0 ]; then
  [ "$rc" -eq 124 ] && echo "E2E FAILED [browser test] killed after $(( ${E2E_TIMEOUT_S:-900} + 60 )) s" >&2
  # the refusals the test provokes on purpose are logged as errors too ("Lomaketta ei voitu tallentaa"): left out
  errors="$(grep -E '^[0-9-]+T[0-9:.]+Z +ERROR ' "$applog" | grep -v 'Lomaketta ei voitu tallentaa' | head -n 20 || true)"
  if [ -n "$errors" ]; then
    echo "e2e: other errors in the application's log (first 20; whole log: target/e2e-app.log):" >&2
    echo "$errors" >&2
  fi
  echo "e2e: FAILED (screenshots and summary.md: target/e2e-screenshots/)" >&2
  exit 1
fi
say "passed (screenshots and summary.md: target/e2e-screenshots/)"
