#!/usr/bin/env bash
# One command for the issue-14 benchmark report: builds this checkout and a baseline commit, runs the throughput
# harness against both, back to back, then the cold-start harness (bench/coldstart.sh), and writes bench/report/
# (README.md + SVG charts + data/*.json).
#
#   bench/run.sh [--baseline REF] [--orders N] [--clients N] [--idle-seconds N]
#
# BASELINE_JAR=path/to/order-tracking-local.jar skips building the baseline (use a jar built from REF).
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=817be03   # main before the issue-14 runtime changes
orders=1000
clients=32
idle=30
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline=$2; shift 2 ;;
    --orders) orders=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --idle-seconds) idle=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=bench/target/run
mkdir -p "$work/before" "$work/after" bench/report/data

echo "== building this checkout"
./mvnw -B -ntp -q -pl local/runtime,bench -am package -DskipTests
after_jar=local/target/order-tracking-local.jar
cp "$after_jar" "$work/after.jar" # the harness runs from a copy, so a rebuild meanwhile cannot change it

if [ -z "${BASELINE_JAR:-}" ]; then
  echo "== building baseline $baseline (git archive into $work/baseline-src; nothing is installed)"
  rm -rf "$work/baseline-src" && mkdir -p "$work/baseline-src"
  git archive "$baseline" | tar -x -C "$work/baseline-src"
  (cd "$work/baseline-src" && ./mvnw -B -ntp -q -pl local/runtime -am package -DskipTests)
  BASELINE_JAR=$work/baseline-src/local/target/order-tracking-local.jar
fi

classpath="$work/after.jar:bench/target/classes"
run() { # label description jar
  # An empty working directory: each jar serves the template.yaml it was built with (its bundled copy).
  "$java_bin" -cp "$classpath" com.ordertracking.bench.ThroughputBenchmark --label "$1" --description "$2" \
      --jar "$3" --workdir "$work/$1" --out bench/report/data --log "$work/$1/runtime.log" \
      --orders "$orders" --clients "$clients" --idle-seconds "$idle"
}
echo "== load before: $(uptime)"
run before "main @ $(git rev-parse --short "$baseline")" "$BASELINE_JAR" || echo "before: verification failed (see report)"
run after "$(git rev-parse --abbrev-ref HEAD) @ $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- local bench template.yaml ':!bench/report' || echo ' + uncommitted changes')" \
    "$work/after.jar" || echo "after: verification failed (see report)"
echo "== load after: $(uptime)"
# Cold start per function (its own baseline: main before the jar diet; see bench/coldstart.sh).
bench/coldstart.sh || echo "cold start: a function failed (see above)"
"$java_bin" -cp "$classpath" com.ordertracking.bench.BenchReport bench/report before after
