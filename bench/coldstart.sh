#!/usr/bin/env bash
# Cold start per function, a baseline commit and this checkout measured in the same run (issue 14):
#
#   bench/coldstart.sh [--baseline REF] [--repetitions N]
#
# Builds this checkout's function jars and the harness, and the baseline's function jars from `git archive REF`
# (nothing is installed; BASELINE_CHECKOUT=dir reuses a checkout whose functions/*/target/function.jar are built),
# starts the embedded AWS stack once and runs every sampled function's jar in a fresh JVM per run, alternating the
# builds. Writes bench/report/data/coldstart.json, which BenchReport renders into bench/report/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=69d303d   # main before the jar diet, explicit credentials and priming
repetitions=5
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline=$2; shift 2 ;;
    --repetitions) repetitions=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
function_modules=functions/orders,functions/buyers,functions/webhooks,functions/tracking,functions/events,functions/notifications,functions/delays,functions/trackingpage,functions/sellerwebhooks

echo "== building this checkout: function jars and the harness"
./mvnw -B -ntp -q -pl bench -am package -DskipTests

if [ -z "${BASELINE_CHECKOUT:-}" ]; then
  BASELINE_CHECKOUT=bench/target/coldstart-baseline-src
  echo "== building the function jars of $baseline in $BASELINE_CHECKOUT (git archive; nothing is installed)"
  rm -rf "$BASELINE_CHECKOUT" && mkdir -p "$BASELINE_CHECKOUT"
  git archive "$baseline" | tar -x -C "$BASELINE_CHECKOUT"
  (cd "$BASELINE_CHECKOUT" && ./mvnw -B -ntp -q -pl "$function_modules" -am package -DskipTests)
fi

# A fresh JVM's first response is sensitive to other load (the builds above, a throughput run just before): wait up
# to 3 min for the 1-minute load average to fall below 1 where Linux reports it.
if [ -r /proc/loadavg ]; then
  for i in $(seq 36); do
    awk '{exit !($1 < 1.0)}' /proc/loadavg && break
    [ "$i" = 36 ] && echo "== still busy after 3 min (load $(cut -d' ' -f1 /proc/loadavg)); measuring anyway"
    sleep 5
  done
fi
echo "== load before: $(uptime)"
"$java_bin" -cp "$(cat bench/target/classpath.txt):bench/target/classes" \
    com.ordertracking.bench.coldstart.ColdStartBenchmark \
    --build "before=$BASELINE_CHECKOUT" --build after=. --repetitions "$repetitions" \
    --out bench/report/data/coldstart.json --workdir bench/target/coldstart
echo "== load after: $(uptime)"
