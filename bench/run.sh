#!/usr/bin/env bash
# Runs the performance workloads and writes bench/RESULTS.md: the machine, the date, and per
# workload the auditor beside the `git diff | rg` pipeline (../shared/bench/run.sh, medians,
# peak RSS) and beside leasot over the same changed files (hyperfine, medians), all in one run;
# then the JMH scanner benchmark.
#
# Usage: bench/run.sh [--repo DIR] [--runs N] [--only W1,W3] [--no-jmh] [--out FILE]
# Needs : git, rg, hyperfine, jq, leasot (LEASOT=path, else `leasot` on PATH), Maven for the jars.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)

REPO=${REPO:-../kafka}
RUNS=${RUNS:-5}
ONLY=${ONLY:-W1,W2,W3,W4}
OUT=bench/RESULTS.md
JMH=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --repo) REPO=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-jmh) JMH=0; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SHARED=${SHARED:-../shared/bench/run.sh}
LEASOT=${LEASOT:-$(command -v leasot || true)}
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

# bin/audit writes its class-data sharing archive at the end of the first run after a build:
# make that run a real audit, so that the archive holds the classes an audit loads.
echo "run.sh: building bin/audit and writing its class-data sharing archive" >&2
rm -f target/claim-audit.jsa
bin/audit --repo "$REPO" --range 5311839bd567e565376a86352010f9593285ca5f..1eb7644349cb07139d6a3c1ad1986979647cac99 --no-llm --format json >/dev/null || true
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

echo "run.sh: auditor and pipeline ($SHARED)" >&2
REPO=$REPO AUDIT="$project/bin/audit" RUNS=$RUNS ONLY=$ONLY bash "$SHARED" | tee "$TMP/shared.txt" >&2

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
  mvn -B -q -Pbench -Dmaven.test.skip package >&2
  java -jar target/bench/claim-audit-bench.jar ScannerBenchmark \
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
  echo "comes from this one run). Targets: W1 ≤ 0.30 s; W3, W4 ≤ 1.5 × the pipeline; peak RSS ≤ 300 MB;"
  echo "faster than leasot on W3 and W4."
  echo
  echo "- command: \`bench/run.sh --repo $REPO --runs $RUNS --only $ONLY\` (\`SHARED=$SHARED\`, \`LEASOT=$LEASOT\`)"
  echo "- date: $started"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(uname -sr)"
  echo "- load average (1, 5, 15 min): $load_start at the start, $load_end at the end of the timed part"
  echo "- java: $(java -version 2>&1 | head -1); git $(git --version | cut -d' ' -f3); $(rg --version | head -1); $(hyperfine --version); leasot $("$LEASOT" --version)"
  echo "- repository: apache/kafka at $REPO"
  echo
  echo "| | commits | diff MB | added lines | auditor s | pipeline s | auditor / pipeline | leasot s | auditor / leasot | auditor peak RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk '$1 ~ /^W[0-9]$/ {print}' "$TMP/shared.txt" | while read -r name commits mb added auditor pipeline ratio rss; do
    leasot=${LEASOT_S[$name]:-}
    vs=$(awk -v a="$auditor" -v l="$leasot" 'BEGIN {if (l > 0) printf "%.2f", a/l; else print "–"}')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$commits" "$mb" "$added" "$auditor" "$pipeline" "$ratio" \
      "$(awk -v l="$leasot" 'BEGIN {if (l > 0) printf "%.3f", l; else print "–"}')" "$vs" "$rss"
  done
  echo
  echo '```'
  cat "$TMP/shared.txt"
  echo '```'
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
