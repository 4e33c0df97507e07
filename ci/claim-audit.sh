#!/usr/bin/env bash
# claim-audit in a pull_request job of Gitea Actions (or GitHub Actions): audits the pull request,
# keeps one comment on it up to date (edited in place on every push, found by its hidden marker),
# posts a commit status with the one-line summary, and exits with the audit's exit code, so that
# a blocking verdict fails the job. Posting is best effort: a fork's read-only token, or an API
# that is down, gives a warning in the log and never changes the exit code.
#
# The workflows in ci/gitea/ and ci/github/ call this script; it needs bash, curl and jq.
#
# Read from the runner:  GITHUB_EVENT_PATH, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY,
#                        GITHUB_RUN_ID, GITEA_ACTIONS
# Settings:              CLAIM_AUDIT_TOKEN (else GITEA_TOKEN, else GITHUB_TOKEN): the API token
#                        CLAIM_AUDIT_BIN      the audit command (default: bin/audit if present, else claim-audit)
#                        CLAIM_AUDIT_ARGS     more arguments for the audit, e.g. "--fail-on warn"
#                        CLAIM_AUDIT_OUT      where the reports go (default: claim-audit-report)
#                        CLAIM_AUDIT_CONTEXT  the commit status context (default: claim-audit)
#                        CLAIM_AUDIT_COMMENT  set to "never" to post no comment
# Exit status: the audit's (0 pass or warn, 1 block, 2 bad input, 3 internal error); 2 when this
# script is started without what it needs.

set -uo pipefail

marker='<!-- claim-audit -->'
out=${CLAIM_AUDIT_OUT:-claim-audit-report}
context=${CLAIM_AUDIT_CONTEXT:-claim-audit}
token=${CLAIM_AUDIT_TOKEN:-${GITEA_TOKEN:-${GITHUB_TOKEN:-}}}
api=${GITHUB_API_URL:-}
api=${api%/}

warn() {
  printf '::warning title=claim-audit::%s\n' "$1"
}

fail_setup() {
  printf '::error title=claim-audit::%s\n' "$1"
  exit 2
}

for tool in curl jq; do
  command -v "$tool" >/dev/null 2>&1 || fail_setup "$tool is required on the runner (apt-get install -y $tool)"
done
event=${GITHUB_EVENT_PATH:-}
[ -n "$event" ] && [ -f "$event" ] || fail_setup "GITHUB_EVENT_PATH does not name the event payload; run this in a pull_request job"

audit=${CLAIM_AUDIT_BIN:-}
if [ -z "$audit" ]; then
  if [ -x bin/audit ]; then audit=bin/audit; else audit=claim-audit; fi
fi
extra=()
if [ -n "${CLAIM_AUDIT_ARGS:-}" ]; then
  read -r -a extra <<<"$CLAIM_AUDIT_ARGS"
fi

mkdir -p "$out" || fail_setup "cannot create the report directory $out"
rm -f "$out/verdict.json" "$out/comment.md" "$out/summary.txt" "$out/claim-audit.sarif" "$out/claim-audit.rdjson"

# The audit: annotations into the job log, every other report into $out.
"$audit" --event "$event" --format annotations \
  --report "json=$out/verdict.json" --report "markdown=$out/comment.md" --report "summary=$out/summary.txt" \
  --report "sarif=$out/claim-audit.sarif" --report "rdjson=$out/claim-audit.rdjson" \
  "${extra[@]}" 2>"$out/stderr.txt"
code=$?
cat "$out/stderr.txt" >&2

gitea=false
[ "${GITEA_ACTIONS:-}" = true ] && gitea=true

if [ -f "$out/verdict.json" ] && { [ "$code" = 0 ] || [ "$code" = 1 ]; }; then
  verdict=$(jq -r '.verdict' "$out/verdict.json")
  description=$(head -n 1 "$out/summary.txt")
  case "$verdict" in
    pass) state=success ;;
    warn) if $gitea; then state=warning; else state=success; fi ;;
    *) state=failure ;;
  esac
else
  reason=$(grep -v '^[[:space:]]*$' "$out/stderr.txt" | tail -n 1 | sed 's/^audit: //')
  [ -n "$reason" ] || reason="the audit exited with status $code"
  description=$(printf 'claim-audit could not audit: %s' "$reason" | cut -c 1-140)
  state=error
  {
    printf '%s\n### ❗ claim-audit could not audit this pull request\n\n' "$marker"
    printf 'The audit stopped with exit status %s, so this pull request has no verdict yet:\n\n' "$code"
    printf '```text\n%s\n```\n\n' "$(printf '%s' "$reason" | sed 's/```/` ` `/g')"
    printf 'A history too shallow to reach the merge base is the usual cause: check out with `fetch-depth: 0`.\n'
  } >"$out/comment.md"
fi

repository=$(jq -r '.repository.full_name // empty' "$event" 2>/dev/null)
[ -n "$repository" ] || repository=${GITHUB_REPOSITORY:-}
number=$(jq -r '.pull_request.number // .number // empty' "$event" 2>/dev/null)
sha=$(jq -r '.pull_request.head.sha // empty' "$event" 2>/dev/null)

# api METHOD PATH [BODY_FILE]: calls the API, leaves the response in $out/response.json and
# prints the HTTP status (000 when the server could not be reached).
api() {
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -o "$out/response.json" -w '%{http_code}' --max-time 30 -X "$method"
    -H "Authorization: token $token" -H 'Accept: application/json' -H 'User-Agent: claim-audit')
  if [ -n "$body" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "@$body")
  fi
  curl "${args[@]}" "$api$path" 2>"$out/curl.txt" || true
}

ok() {
  case "$1" in 2??) return 0 ;; *) return 1 ;; esac
}

# The comment this job posted before: the first one that starts with the marker, left in
# $existing. GitHub pages by 50 here; Gitea ignores paging and returns every comment at once, so
# pages are read until one is short, empty, or repeats one read before.
find_comment() {
  local page=1 first seen=' ' status
  existing=
  while [ "$page" -le 50 ]; do
    status=$(api GET "/repos/$repository/issues/$number/comments?page=$page&limit=50&per_page=50")
    if ! ok "$status"; then
      warn "cannot list the pull request's comments (HTTP $status)"
      return
    fi
    first=$(jq -r 'if type == "array" and length > 0 then .[0].id | tostring else "" end' "$out/response.json")
    [ -n "$first" ] || return
    case "$seen" in *" $first "*) return ;; esac
    seen="$seen$first "
    existing=$(jq -r --arg marker "$marker" \
      'map(select((.body | type) == "string" and (.body | startswith($marker)))) | .[0].id // empty' "$out/response.json")
    [ -z "$existing" ] || return
    [ "$(jq -r 'length' "$out/response.json")" -ge 50 ] || return
    page=$((page + 1))
  done
}

post_comment() {
  jq -n --rawfile body "$out/comment.md" '{body: $body}' >"$out/comment.json"
  local status
  find_comment
  if [ -n "$existing" ]; then
    status=$(api PATCH "/repos/$repository/issues/comments/$existing" "$out/comment.json")
    if ok "$status"; then
      echo "claim-audit: updated the pull request comment $existing"
      return
    fi
    warn "cannot edit comment $existing (HTTP $status); posting a new one"
  fi
  status=$(api POST "/repos/$repository/issues/$number/comments" "$out/comment.json")
  if ok "$status"; then
    echo "claim-audit: commented on pull request #$number"
  else
    warn "cannot comment on pull request #$number (HTTP $status; a fork's token is read-only)"
  fi
}

post_status() {
  local target=
  if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_RUN_ID:-}" ]; then
    target="${GITHUB_SERVER_URL%/}/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
  fi
  jq -n --arg state "$state" --arg target "$target" --arg description "$description" --arg context "$context" \
    '{state: $state, target_url: $target, description: $description, context: $context}' >"$out/status.json"
  local status
  status=$(api POST "/repos/$repository/statuses/$sha" "$out/status.json")
  if ok "$status"; then
    echo "claim-audit: commit status $state: $description"
  else
    warn "cannot post the commit status (HTTP $status; a fork's token is read-only)"
  fi
}

if [ -z "$token" ] || [ -z "$api" ]; then
  warn "no API token or GITHUB_API_URL, so no comment and no commit status are posted"
elif [ -z "$repository" ] || [ -z "$number" ] || ! [[ $number =~ ^[0-9]+$ ]]; then
  warn "the event names no repository or pull request number, so nothing is posted"
else
  [ "${CLAIM_AUDIT_COMMENT:-}" = never ] || post_comment
  if [[ $sha =~ ^[0-9a-f]{40}([0-9a-f]{24})?$ ]]; then
    post_status
  else
    warn "the event names no head commit, so no commit status is posted"
  fi
fi

exit "$code"
