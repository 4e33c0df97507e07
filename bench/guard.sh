#!/usr/bin/env bash
# Speed regression guard, for CI: a short JMH run of the placeholder scanner (ScannerBenchmark.scan)
# that fails when its throughput, in added lines per second on one core, drops below a floor.
# The floors sit well under the figures in bench/RESULTS.md, so that a slower CI machine passes
# and only a real regression (say, a prefilter that stops filtering) fails. About 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."

# language=floor in added lines per second (RESULTS.md: 150k-400k on a loaded 2-core machine)
FLOORS=(java=40000 python=30000 typescript=30000)

command -v jq >/dev/null || { echo "guard: jq is needed to read the JMH results" >&2; exit 2; }
# The bench profile builds the benchmarks together with the tool's sources, into target/bench/.
bench_jar=target/bench/claim-audit-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find src/main bench/src pom.xml -newer "$bench_jar" -print -quit)" ]; then
  mvn -B -q -Pbench -Dmaven.test.skip package
fi

languages=$(printf '%s\n' "${FLOORS[@]}" | cut -d= -f1 | paste -sd, -)
results=target/bench-guard.json
java -jar "$bench_jar" 'ScannerBenchmark.scan$' \
  -p language="$languages" -f 1 -wi 1 -w 2s -i 3 -r 1s -rf json -rff "$results" >target/bench-guard.log 2>&1 \
  || { tail -20 target/bench-guard.log >&2; echo "guard: the benchmark did not run" >&2; exit 2; }

failed=0
for entry in "${FLOORS[@]}"; do
  language=${entry%%=*}
  floor=${entry#*=}
  score=$(jq -r --arg l "$language" '.[] | select(.params.language == $l) | .primaryMetric.score' "$results")
  if [ -z "$score" ]; then
    echo "guard: no result for $language" >&2
    failed=1
  elif awk -v s="$score" -v f="$floor" 'BEGIN {exit !(s < f)}'; then
    printf 'guard: FAIL %-10s %9.0f lines/s, floor %s\n' "$language" "$score" "$floor"
    failed=1
  else
    printf 'guard: ok   %-10s %9.0f lines/s, floor %s\n' "$language" "$score" "$floor"
  fi
done
exit $failed
