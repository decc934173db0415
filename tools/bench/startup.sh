#!/usr/bin/env bash
# Start-up time and peak memory of HB Flow against a vanilla Camunda starter (benchmarks/vanilla-starter).
#
#   bash tools/bench/startup.sh            # builds both jars, then RUNS starts of each, alternately
#   RUNS=7 JAVA_OPTS="-Xmx1g" MVN="mvn -o -q" SKIP_BUILD=1 bash tools/bench/startup.sh
#
# Each start: a fresh working directory (so a fresh H2 database under ./data/), the same JVM flags, a free port.
#   ready    = from the fork of `java -jar` to the first HTTP 200 of /camunda/app/tasklist/default/ (polled every 50 ms)
#   started  = what Spring Boot logs ("Started ... in X seconds"), for comparison
#   peak RSS = VmHWM of /proc/<pid>/status after ready, one Tasklist page, one REST task query as demo, and 5 s more
#              (HB Flow seeds its groups, filters and demo users once ready: they are inside the window)
# Prints every run, then medians and the ratios HB Flow / vanilla. Run it in a copy of the project, not in a shared
# working tree: it builds there (target/).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
MVN=${MVN:-mvn -q}
SKIP_BUILD=${SKIP_BUILD:-0}
SETTLE=${SETTLE:-5}
OUT=${OUT:-$ROOT/target/startup-bench}

if [[ "$SKIP_BUILD" != 1 ]]; then
  echo "building HB Flow and the vanilla starter..."
  (cd "$ROOT" && $MVN -DskipTests package)
  (cd "$ROOT/benchmarks/vanilla-starter" && $MVN -DskipTests package)
fi
HB_JAR=$(ls "$ROOT"/target/hb-flow-*.jar | grep -v '\.original$' | head -1)
VANILLA_JAR=$(ls "$ROOT"/benchmarks/vanilla-starter/target/vanilla-starter-*.jar | grep -v '\.original$' | head -1)
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

run_one() { # name jar run
  local name=$1 jar=$2 run=$3
  local dir port pid t0 ready hwm status started
  dir=$(mktemp -d "/tmp/startup-$name-XXXX")
  port=$(free_port)
  t0=$(now_ms)
  (cd "$dir" && exec java $JAVA_OPTS -jar "$jar" --server.port="$port" > "$dir/app.log" 2>&1) &
  pid=$!
  while true; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/camunda/app/tasklist/default/" || true)
    [[ "$status" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name did not start, see $dir/app.log" >&2; tail -30 "$dir/app.log" >&2; exit 1; fi
    if (( $(now_ms) - t0 > 300000 )); then echo "$name not ready in 300 s" >&2; kill "$pid"; exit 1; fi
    sleep 0.05
  done
  ready=$(( $(now_ms) - t0 ))
  # one visit of Tasklist and one task query (HB Flow needs basic auth on /engine-rest; the vanilla one ignores it)
  curl -s -o /dev/null "http://localhost:$port/camunda/app/tasklist/default/"
  curl -s -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/task?maxResults=15"
  sleep "$SETTLE"
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$dir/app.log" | grep -o '[0-9.]* seconds' | cut -d' ' -f1 || echo "?")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%s\t%d\t%s\t%d\t%s\n' "$name" "$ready" "$started" "$hwm" "$dir" >> "$RESULTS"
  printf '  %-8s run %d: ready %6d ms, Spring "Started in" %6s s, peak RSS %7.1f MB\n' "$name" "$run" "$ready" "$started" "$(echo "$hwm/1024" | bc -l)"
  rm -rf "$dir/data"
}

echo "machine: $(nproc) CPUs, $(free -g | awk '/^Mem/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
echo "JVM flags (both): $JAVA_OPTS;  load before: $(cat /proc/loadavg)"
for ((i = 1; i <= RUNS; i++)); do
  # alternate which one goes first, so that neither always follows the other's page cache
  if (( i % 2 )); then
    run_one vanilla "$VANILLA_JAR" "$i"; run_one hbflow "$HB_JAR" "$i"
  else
    run_one hbflow "$HB_JAR" "$i"; run_one vanilla "$VANILLA_JAR" "$i"
  fi
done
echo "load after: $(cat /proc/loadavg)"

python3 - "$RESULTS" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
def med(name, col, conv=float):
    vals = [conv(r[col]) for r in rows if r[0] == name and r[col] not in ("?", "")]
    return statistics.median(vals) if vals else float("nan")
print()
print("| median of %d runs | vanilla starter | HB Flow | ratio | target |" % (len(rows) // 2))
print("|---|---:|---:|---:|---:|")
for label, col, scale, unit, target in (("time to ready (HTTP 200)", 1, 1000, "s", "≤ 1.5"),
                                        ("Spring 'Started in'", 2, 1, "s", ""),
                                        ("peak RSS (VmHWM)", 3, 1024, "MB", "≤ 1.3")):
    v, h = med("vanilla", col) / scale, med("hbflow", col) / scale
    print("| %s | %.2f %s | %.2f %s | %.2f | %s |" % (label, v, unit, h, unit, h / v, target))
PY
