#!/usr/bin/env bash
# Checks that two builds of the auditor give the same verdicts: runs BEFORE and AFTER (auditor
# commands) on every acceptance scenario and, with --repo, on the kafka workloads, and compares
# their exit codes and JSON outputs with `jq -S`, the check timings and the build's version left out
# (and the catalog's version with --ignore-catalog-version, for a catalog rewritten to match the same).
#
# Usage: bench/compare-outputs.sh "java -jar old.jar" "bin/audit" [--repo KAFKA] [--only W1,W2] [--ignore-catalog-version]
set -uo pipefail
[ $# -ge 2 ] || { sed -n '2,8p' "$0"; exit 2; }
BEFORE=$1
AFTER=$2
shift 2
REPO=""
ONLY=W1,W2
LEFT_OUT='del(.checks[]?.millis, .inputs.toolVersion?)'
while [[ $# -gt 0 ]]; do
  case $1 in
    --repo) REPO=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --ignore-catalog-version) LEFT_OUT='del(.checks[]?.millis, .inputs.toolVersion?, .inputs.catalogVersion?)'; shift ;;
    *) echo "compare-outputs.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SCENARIOS=${SCENARIOS:-$(cd "$(dirname "$0")/.." && pwd)/../shared/scenarios}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/claim-audit-compare.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
same=0
different=0

compare() {
  local name=$1
  shift
  bash -c "$BEFORE"' "$@"' audit "$@" >"$TMP/before.json" 2>"$TMP/before.err" </dev/null
  local before_rc=$?
  bash -c "$AFTER"' "$@"' audit "$@" >"$TMP/after.json" 2>"$TMP/after.err" </dev/null
  local after_rc=$?
  if [ "$before_rc" = "$after_rc" ] \
      && cmp -s <(jq -S "$LEFT_OUT" "$TMP/before.json" 2>/dev/null || cat "$TMP/before.json") \
                <(jq -S "$LEFT_OUT" "$TMP/after.json" 2>/dev/null || cat "$TMP/after.json") \
      && cmp -s "$TMP/before.err" "$TMP/after.err"; then
    echo "SAME      $name (exit $after_rc)"
    same=$((same + 1))
  else
    echo "DIFFERENT $name (exit $before_rc -> $after_rc)"
    different=$((different + 1))
  fi
}

for build in "$SCENARIOS"/*/build.sh; do
  dir=$(dirname "$build")
  repo=$TMP/repo-$(basename "$dir")
  bash "$build" "$repo" >/dev/null 2>&1 || { echo "build failed: $dir" >&2; continue; }
  range=main..feature
  [ -f "$dir/range" ] && range=$(head -n 1 "$dir/range")
  body=$dir/pr-body.md
  if [ -f "$dir/body-path" ]; then
    body=$(head -n 1 "$dir/body-path")
    [[ $body == /* ]] || body=$dir/$body
  fi
  compare "$(basename "$dir")" --repo "$repo" --range "$range" --pr-body-file "$body" --no-llm --format json
done

if [ -n "$REPO" ]; then
  while read -r name base head; do
    [[ ,$ONLY, == *,$name,* ]] || continue
    compare "kafka $name" --repo "$REPO" --range "$base..$head" --no-llm --format json
  done <<'EOF_W'
W1 5311839bd567e565376a86352010f9593285ca5f 1eb7644349cb07139d6a3c1ad1986979647cac99
W2 8107bda69574b85cab1b811597770aa5136d8703 1eb7644349cb07139d6a3c1ad1986979647cac99
W3 60e845626d8a465a8cfe68bb2d7d4b88d622634e dd5272687e8adf9e79e3e329b1b3d2524afb6020
W4 642da2f28c9bc6e373603d6d9119ce33684090f5 1eb7644349cb07139d6a3c1ad1986979647cac99
EOF_W
fi
echo "$same same, $different different"
[ "$different" = 0 ]
