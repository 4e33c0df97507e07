#!/usr/bin/env bash
# Runs the performance workloads and writes bench/RESULTS.md: the machine, the date, and per
# workload the auditor beside the floor (bench/floor: a bare JVM and JGit that only write the net
# diff), beside the `git diff | rg` pipeline (both through ../shared/bench/run.sh, medians, peak
# RSS) and beside leasot over the same changed files (hyperfine, medians), all in one run; W1 once
# more per JDK (the default java, and JDK25 when it exists) with and without the start-up cache;
# then the JMH scanner benchmark. With --baseline REV, the auditor as it was at revision REV (built
# from this repository by its own bin/audit) is timed on the same workloads in the same run.
#
# Usage: bench/run.sh [--repo DIR] [--runs N] [--only W1,W3] [--baseline REV] [--no-jmh] [--out FILE]
# Needs : git, rg, hyperfine, jq, leasot (LEASOT=path, else `leasot` on PATH), Maven for the jars.
# JDK25 : a JDK 25 home for the per-JDK W1 rows (default /usr/lib/jvm/temurin-25-jdk-amd64);
#         the rows are left out, with a note, when it has no bin/java.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)

REPO=${REPO:-../kafka}
RUNS=${RUNS:-5}
ONLY=${ONLY:-W1,W2,W3,W4}
OUT=bench/RESULTS.md
JMH=1
BASELINE=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --repo) REPO=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    --no-jmh) JMH=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SHARED=${SHARED:-../shared/bench/run.sh}
LEASOT=${LEASOT:-$(command -v leasot || true)}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in git rg hyperfine jq; do
  command -v $tool >/dev/null || { echo "run.sh: $tool not found" >&2; exit 2; }
done
[ -x "$LEASOT" ] || { echo "run.sh: leasot not found (npm install leasot; LEASOT=path/to/leasot)" >&2; exit 2; }
[ -f "$SHARED" ] || { echo "run.sh: $SHARED not found" >&2; exit 2; }
REPO=$(cd "$REPO" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/claim-audit-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# the workloads of ../shared/bench/run.sh: name, base, head
WORKLOADS=(
  "W1 5311839bd567e565376a86352010f9593285ca5f 1eb7644349cb07139d6a3c1ad1986979647cac99"
  "W2 8107bda69574b85cab1b811597770aa5136d8703 1eb7644349cb07139d6a3c1ad1986979647cac99"
  "W3 60e845626d8a465a8cfe68bb2d7d4b88d622634e dd5272687e8adf9e79e3e329b1b3d2524afb6020"
  "W4 642da2f28c9bc6e373603d6d9119ce33684090f5 1eb7644349cb07139d6a3c1ad1986979647cac99"
)

W1_RANGE=5311839bd567e565376a86352010f9593285ca5f..1eb7644349cb07139d6a3c1ad1986979647cac99
HAVE_JDK25=0
[ -x "$JDK25/bin/java" ] && HAVE_JDK25=1

# The bench jar holds the floor (bench/src/main/java/dev/claimaudit/bench/NetDiffFloor.java) and
# the JMH benchmarks.
bench_jar=target/bench/claim-audit-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find src/main bench/src pom.xml -newer "$bench_jar" -print -quit)" ]; then
  echo "run.sh: building the bench jar" >&2
  mvn -B -q -Pbench -Dmaven.test.skip package >&2
fi

# bin/audit writes its class-data sharing archive (its AOT cache on Java 24+) at the end of the
# first run after a build: make that run a real audit, so that it holds the classes an audit
# loads. bench/floor does the same for the floor.
echo "run.sh: building bin/audit and training its start-up archives" >&2
rm -f target/claim-audit*.jsa target/claim-audit-jdk*.aot target/bench/floor-jdk*
bin/audit --repo "$REPO" --range "$W1_RANGE" --no-llm --format json >/dev/null || true
bench/floor --repo "$REPO" --range "$W1_RANGE" >/dev/null
if [ "$HAVE_JDK25" = 1 ]; then
  JAVA_HOME=$JDK25 bin/audit --repo "$REPO" --range "$W1_RANGE" --no-llm --format json >/dev/null || true
  JAVA_HOME=$JDK25 bench/floor --repo "$REPO" --range "$W1_RANGE" >/dev/null
fi
# The baseline: the tree of REV with its own bin/audit, built and trained on W1 like the auditor.
if [ -n "$BASELINE" ]; then
  baseline_commit=$(git rev-parse --verify -q "$BASELINE^{commit}") || { echo "run.sh: --baseline $BASELINE is not a revision of this repository" >&2; exit 2; }
  echo "run.sh: building the baseline ${baseline_commit:0:12}" >&2
  mkdir -p "$TMP/baseline"
  git archive "$baseline_commit" | tar -x -C "$TMP/baseline"
  "$TMP/baseline/bin/audit" --repo "$REPO" --range "$W1_RANGE" --no-llm --format json >/dev/null 2>"$TMP/baseline.build" || true
  [ -f "$TMP/baseline/target/claim-audit.jar" ] || { echo "run.sh: the baseline did not build:" >&2; cat "$TMP/baseline.build" >&2; exit 2; }
fi
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Each workload is timed for the auditor, the baseline and the floor in turn, one right after the
# other, before the next workload: this machine's speed moves from minute to minute, and a ratio
# of two tools timed minutes apart (every workload of one, then every workload of the other)
# moved with it by ±15 % between runs of the same hour. The floor takes the auditor's command
# line, so the shared script times it with the same timer, runs and pipeline as the auditor.
: >"$TMP/shared.txt"
: >"$TMP/floor.txt"
: >"$TMP/baseline.txt"
for workload in ${ONLY//,/ }; do
  echo "run.sh: $workload: auditor and pipeline ($SHARED)" >&2
  REPO=$REPO AUDIT="$project/bin/audit" RUNS=$RUNS ONLY=$workload bash "$SHARED" | tee -a "$TMP/shared.txt" >&2
  if [ -n "$BASELINE" ]; then
    echo "run.sh: $workload: baseline ${baseline_commit:0:12} and pipeline ($SHARED)" >&2
    REPO=$REPO AUDIT="$TMP/baseline/bin/audit" RUNS=$RUNS ONLY=$workload bash "$SHARED" | tee -a "$TMP/baseline.txt" >&2
  fi
  echo "run.sh: $workload: floor and pipeline ($SHARED)" >&2
  REPO=$REPO AUDIT="$project/bench/floor" RUNS=$RUNS ONLY=$workload bash "$SHARED" | tee -a "$TMP/floor.txt" >&2
done

# W1 per JDK, all in one hyperfine run: bin/audit and bench/floor with their start-up archive or
# cache, and the same JVM options without one (bin/audit's options, the JDK's own archive only).
echo "run.sh: W1 per JDK" >&2
w1_args="--repo $(printf '%q' "$REPO") --range $W1_RANGE --no-llm --format json"
jvm_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -XX:MaxRAM=1g -Xms200m -Xmx200m -XX:-UsePerfData -Xlog:cds=off -Xlog:cds+dynamic=off"
java_default=java
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java_default=$JAVA_HOME/bin/java
jdk_cmds=(-n "default-cached-audit" "bin/audit $w1_args"
  -n "default-cached-floor" "bench/floor $w1_args"
  -n "default-none-audit" "GIT_CONFIG_NOSYSTEM=1 $java_default $jvm_opts -Xshare:auto -jar target/claim-audit.jar $w1_args"
  -n "default-none-floor" "GIT_CONFIG_NOSYSTEM=1 $java_default $jvm_opts -Xshare:auto -cp $bench_jar dev.claimaudit.bench.NetDiffFloor $w1_args")
if [ "$HAVE_JDK25" = 1 ]; then
  jdk_cmds+=(-n "jdk25-cached-audit" "JAVA_HOME=$JDK25 bin/audit $w1_args"
    -n "jdk25-cached-floor" "JAVA_HOME=$JDK25 bench/floor $w1_args"
    -n "jdk25-none-audit" "GIT_CONFIG_NOSYSTEM=1 $JDK25/bin/java $jvm_opts -Xlog:aot=off -jar target/claim-audit.jar $w1_args"
    -n "jdk25-none-floor" "GIT_CONFIG_NOSYSTEM=1 $JDK25/bin/java $jvm_opts -Xlog:aot=off -cp $bench_jar dev.claimaudit.bench.NetDiffFloor $w1_args")
fi
if [[ ,$ONLY, == *,W1,* ]]; then
  hyperfine --style basic --ignore-failure --warmup 1 --runs "$RUNS" --export-json "$TMP/jdk.json" "${jdk_cmds[@]}" >"$TMP/jdk.txt" 2>&1
fi

echo "run.sh: leasot over the changed files" >&2
declare -A LEASOT_S
for row in "${WORKLOADS[@]}"; do
  read -r name base head <<<"$row"
  [[ ,$ONLY, == *,$name,* ]] || continue
  tree=$TMP/tree-${head:0:12}
  if [ ! -d "$tree" ]; then
    mkdir -p "$tree"
    git -C "$REPO" archive "$head" | tar -x -C "$tree"
  fi
  mb=$(git -C "$REPO" merge-base "$base" "$head")
  git -C "$REPO" diff --name-only --diff-filter=AMRC "$mb" "$head" >"$TMP/$name.files"
  printf '#!/bin/sh\ncd %q && exec %q --exit-nicely --skip-unsupported --reporter json $(cat %q) >/dev/null 2>&1\n' \
    "$tree" "$LEASOT" "$TMP/$name.files" >"$TMP/$name.leasot.sh"
  hyperfine --style basic --ignore-failure --warmup 1 --runs "$RUNS" --export-json "$TMP/$name.leasot.json" \
    -n leasot "sh $TMP/$name.leasot.sh" >/dev/null 2>&1
  LEASOT_S[$name]=$(jq -r '.results[0].median' "$TMP/$name.leasot.json")
  echo "$name leasot median ${LEASOT_S[$name]} s over $(wc -l <"$TMP/$name.files") files" >&2
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "$JMH" = 1 ]; then
  echo "run.sh: JMH scanner benchmark" >&2
  "$java_default" -jar "$bench_jar" ScannerBenchmark \
    -f 1 -wi 2 -w 1s -i 3 -r 1s -rf json -rff "$TMP/jmh.json" >"$TMP/jmh.log" 2>&1
fi

# The hand-kept part of the file (from "## Measurement log" on) survives a rewrite.
kept=""
if [ -f "$OUT" ]; then
  kept=$(awk '/^## Measurement log/ {keep = 1} keep' "$OUT")
fi

{
  echo "# Performance results"
  echo
  echo "Written by \`bench/run.sh\` (medians of $RUNS runs after one warm-up; wall seconds; everything below"
  echo "comes from this one run). Targets: W1 ≤ floor + 0.05 s; W3 ≤ 2 × the pipeline; W4 ≤ 3 × the"
  echo "pipeline; peak RSS ≤ 300 MB."
  echo
  echo "The floor (\`bench/floor\`, \`bench/src/main/java/dev/claimaudit/bench/NetDiffFloor.java\`) is a bare"
  echo "JVM with JGit and no picocli that finds the merge base and writes the net diff as text (\`-U0\`,"
  echo "histogram, renames), no claims and no scan, started with bin/audit's JVM options and a start-up"
  echo "archive of its own; \`../shared/bench/run.sh\` times it as it times the auditor, workload by workload"
  echo "right after the auditor (and the baseline, when there is one)."
  echo "\"auditor − floor\" is what the audit itself costs."
  echo
  echo "- command: \`bench/run.sh --repo $REPO --runs $RUNS --only $ONLY$([ -n "$BASELINE" ] && echo " --baseline $BASELINE")$([ "$JMH" = 1 ] || echo ' --no-jmh')\` (\`SHARED=$SHARED\`, \`LEASOT=$LEASOT\`, \`JDK25=$JDK25\`)"
  echo "- date: $started"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(uname -sr)"
  echo "- load average (1, 5, 15 min): $load_start at the start, $load_end at the end of the timed part"
  echo "- java: $("$java_default" -version 2>&1 | head -1)$([ "$HAVE_JDK25" = 1 ] && echo " (JDK25: $("$JDK25/bin/java" -version 2>&1 | head -1))"); git $(git --version | cut -d' ' -f3); $(rg --version 2>/dev/null | head -1); $(hyperfine --version); leasot $("$LEASOT" --version)"
  echo "- repository: apache/kafka at $REPO"
  echo
  echo "| | commits | diff MB | added lines | auditor s | floor s | auditor − floor s | auditor / floor | pipeline s | auditor / pipeline | leasot s | auditor / leasot | auditor peak RSS MB | floor peak RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk '$1 ~ /^W[0-9]$/ {print}' "$TMP/shared.txt" | while read -r name commits mb added auditor pipeline ratio rss; do
    leasot=${LEASOT_S[$name]:-}
    floor="" floor_rss=""
    read -r floor floor_rss < <(awk -v w="$name" '$1 == w {print $5, $8}' "$TMP/floor.txt") || true
    vs=$(awk -v a="$auditor" -v l="$leasot" 'BEGIN {if (l > 0) printf "%.2f", a/l; else print "–"}')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$commits" "$mb" "$added" "$auditor" \
      "${floor:-–}" "$(awk -v a="$auditor" -v f="$floor" 'BEGIN {if (f > 0) printf "%.3f", a-f; else print "–"}')" \
      "$(awk -v a="$auditor" -v f="$floor" 'BEGIN {if (f > 0) printf "%.2f", a/f; else print "–"}')" \
      "$pipeline" "$ratio" "$(awk -v l="$leasot" 'BEGIN {if (l > 0) printf "%.3f", l; else print "–"}')" "$vs" "$rss" "${floor_rss:-–}"
  done
  echo
  echo '```'
  cat "$TMP/shared.txt"
  echo '```'
  echo
  echo "The floor through the same script (its ratio column is floor / pipeline):"
  echo
  echo '```'
  cat "$TMP/floor.txt"
  echo '```'
  if [ -n "$BASELINE" ]; then
    echo
    echo "## Against the baseline"
    echo
    echo "The auditor as it was at \`$BASELINE\` (${baseline_commit:0:12}), built from that revision's tree by its own"
    echo "bin/audit and trained on W1 like the auditor, timed through the same script in this run, each workload"
    echo "right after the auditor's timing of it."
    echo
    echo "| | auditor s | baseline s | auditor / baseline | auditor peak RSS MB | baseline peak RSS MB |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    awk 'FNR == 1 {file++} $1 ~ /^W[0-9]$/ {if (file == 1) {a[$1] = $5; ra[$1] = $8; order[++n] = $1} else {b[$1] = $5; rb[$1] = $8}}
      END {for (i = 1; i <= n; i++) {w = order[i]; if (w in b) printf "| %s | %.3f | %.3f | %.2f | %s | %s |\n", w, a[w], b[w], a[w] / b[w], ra[w], rb[w]}}' \
      "$TMP/shared.txt" "$TMP/baseline.txt"
    echo
    echo '```'
    cat "$TMP/baseline.txt"
    echo '```'
  fi
  if [ -f "$TMP/jdk.json" ]; then
    echo
    echo "## W1 per JDK"
    echo
    echo "One hyperfine run (medians of $RUNS runs after one warm-up). \"cached\": bin/audit and bench/floor as they"
    echo "are, with the class-data archive they train (Java 17 to 23: \`-XX:DumpLoadedClassList\`, \`-Xshare:dump\`,"
    echo "then \`-XX:SharedArchiveFile\`) or the AOT cache (Java 24 and newer: \`-XX:AOTMode=record\` and \`create\`,"
    echo "then \`-XX:AOTCache\`), each trained on W1 before the timed part. \"none\": java with bin/audit's"
    echo "options and the JDK's own class-data archive only."
    echo
    echo "| JDK | start-up | auditor W1 s | floor W1 s | auditor − floor s | auditor / floor |"
    echo "| --- | --- | ---: | ---: | ---: | ---: |"
    for jdk in default jdk25; do
      if [ "$jdk" = default ]; then label=$("$java_default" -version 2>&1 | head -1 | sed -n 's/^[^"]*"\([^"]*\)".*/\1/p'); else label=$("$JDK25/bin/java" -version 2>&1 | head -1 | sed -n 's/^[^"]*"\([^"]*\)".*/\1/p'); fi
      for mode in cached none; do
        a=$(jq -r --arg n "$jdk-$mode-audit" '.results[] | select(.command == $n) | .median' "$TMP/jdk.json")
        f=$(jq -r --arg n "$jdk-$mode-floor" '.results[] | select(.command == $n) | .median' "$TMP/jdk.json")
        [ -n "$a" ] || continue
        if [ "$mode" = cached ]; then
          kind="class-data archive"; [ "${label%%.*}" -ge 24 ] 2>/dev/null && kind="AOT cache"
        else
          kind="none"
        fi
        awk -v j="$label" -v k="$kind" -v a="$a" -v f="$f" 'BEGIN {printf "| %s | %s | %.3f | %.3f | %.3f | %.2f |\n", j, k, a, f, a - f, a / f}'
      done
    done
    if [ "$HAVE_JDK25" = 0 ]; then
      echo
      echo "No JDK 25 row: \`$JDK25/bin/java\` does not exist (set JDK25 to a JDK 25 home)."
    fi
    echo
    echo '```'
    grep -v '^ *$' "$TMP/jdk.txt"
    echo '```'
  fi
  echo
  echo "## Targets against this run"
  echo
  echo "| target | result in this run | met |"
  echo "| --- | --- | --- |"
  awk 'FNR == 1 {file++} $1 ~ /^W[0-9]$/ {if (file == 1) {a[$1] = $5; p[$1] = $6; r[$1] = $7; rss[$1] = $8} else f[$1] = $5}
    function yes(c) {return c ? "yes" : "no"}
    END {
      if ("W1" in a) printf "| W1 ≤ floor + 0.05 s | %.3f s against a floor of %.3f s (+%.3f s) | %s |\n", a["W1"], f["W1"], a["W1"] - f["W1"], yes(a["W1"] <= f["W1"] + 0.05)
      if ("W3" in a) printf "| W3 ≤ 2 × the pipeline | %.2f × (%.3f s against %.3f s) | %s |\n", r["W3"], a["W3"], p["W3"], yes(a["W3"] <= 2 * p["W3"])
      if ("W4" in a) printf "| W4 ≤ 3 × the pipeline | %.2f × (%.3f s against %.3f s) | %s |\n", r["W4"], a["W4"], p["W4"], yes(a["W4"] <= 3 * p["W4"])
      max = 0; list = ""
      for (w = 1; w <= 4; w++) if (("W" w) in rss) {list = list (list == "" ? "" : " / ") rss["W" w]; if (rss["W" w] + 0 > max) max = rss["W" w] + 0}
      printf "| peak RSS ≤ 300 MB | %s MB (W1 to W4 as run) | %s |\n", list, yes(max <= 300)
    }' "$TMP/shared.txt" "$TMP/floor.txt"
  if [ -n "$BASELINE" ]; then
    awk -v rev="$BASELINE" 'FNR == 1 {file++} $1 ~ /^W[13]$/ {if (file == 1) a[$1] = $5; else b[$1] = $5}
      END {for (w = 1; w <= 3; w += 2) if (("W" w) in a && ("W" w) in b)
        printf "| W%d ≤ 1.2 × the baseline (%s) | %.2f × (%.3f s against %.3f s) | %s |\n", w, rev, a["W" w] / b["W" w], a["W" w], b["W" w], a["W" w] <= 1.2 * b["W" w] ? "yes" : "no"}' \
      "$TMP/shared.txt" "$TMP/baseline.txt"
  fi
  if [ "$JMH" = 0 ]; then
    echo
    echo "The JMH scanner benchmark was not run (\`--no-jmh\`)."
  fi
  if [ "$JMH" = 1 ]; then
    echo
    echo "## Scanner benchmark (JMH, one core, added lines per second)"
    echo
    echo "\`ScannerBenchmark\`: \`scan\` is the scanner as the audit runs it; \`prefilterOff\` runs every rule on"
    echo "every line of the lexed file; \`keywordsByIndex\` and \`keywordsByContains\` are the literal prefilter"
    echo "alone, with the keyword automaton and with lower-casing and \`contains\` per keyword."
    echo
    echo "| language | scan | prefilterOff | keywordsByIndex | keywordsByContains |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    jq -r '[.[] | {b: (.benchmark | split(".") | last), l: .params.language, s: .primaryMetric.score}]
      | group_by(.l)[] | [.[0].l, (map({(.b): .s}) | add)]
      | "| \(.[0]) | \(.[1].scan | floor) | \(.[1].prefilterOff | floor) | \(.[1].keywordsByIndex | floor) | \(.[1].keywordsByContains | floor) |"' "$TMP/jmh.json"
  fi
  if [ -n "$kept" ]; then
    echo
    echo "$kept"
  fi
} >"$OUT"
echo "run.sh: wrote $OUT" >&2
