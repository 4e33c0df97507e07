#!/usr/bin/env bash
# claim-audit in a pull_request job of Gitea Actions (or GitHub Actions): audits the pull request,
# keeps one comment on it up to date (edited in place on every push), posts a commit status with
# the one-line summary, and exits with the audit's exit code, so that a blocking verdict fails the
# job. Posting is best effort: a fork's read-only token, or an API that is down, gives a warning in
# the log and never changes the exit code.
#
# It needs bash, curl and Java 17 or newer, nothing else: no jq, no Maven, not even coreutils.
# The claim-audit jar reads and writes every JSON document, and is downloaded from the Gitea
# instance's package registry (see ci/README.md) and cached by version.
#
# Read from the runner:  GITHUB_EVENT_PATH, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY,
#                        GITHUB_RUN_ID, GITHUB_RUN_NUMBER, GITHUB_REF, GITHUB_SHA, GITEA_ACTIONS,
#                        RUNNER_TOOL_CACHE
# Settings:              CLAIM_AUDIT_TOKEN (else GITEA_TOKEN, else GITHUB_TOKEN): the API token
#                        CLAIM_AUDIT_VERSION  the release to download: <server>/api/packages/
#                                             <CLAIM_AUDIT_PACKAGE_OWNER>/generic/claim-audit/<version>/claim-audit.jar
#                        CLAIM_AUDIT_PACKAGE_OWNER  who published it (default: the repository's owner)
#                        CLAIM_AUDIT_PACKAGE_TOKEN  a token that may read that package (default: the API token)
#                        CLAIM_AUDIT_JAR      a claim-audit.jar already on the runner, instead of a download
#                        CLAIM_AUDIT_BIN      an audit command instead of the jar (e.g. a source checkout's bin/audit)
#                        CLAIM_AUDIT_CACHE    where downloads are kept (default: $RUNNER_TOOL_CACHE/claim-audit)
#                        CLAIM_AUDIT_ARGS     more arguments for the audit, e.g. "--fail-on warn"
#                        CLAIM_AUDIT_OUT      where the reports go (default: claim-audit-report)
#                        CLAIM_AUDIT_CONTEXT  the commit status context (default: claim-audit)
#                        CLAIM_AUDIT_COMMENT  set to "never" to post no comment
#                        CLAIM_AUDIT_COMMENT_AUTHOR  the login our comments are written by (default: the
#                                             token's user, else gitea-actions or github-actions[bot])
# Exit status: the audit's (0 pass or warn, 1 block, 2 bad input, 3 internal error); 2 when this
# script is started without an event, 3 when there is no Java or no claim-audit to run.

set -uo pipefail

marker='<!-- claim-audit -->'
out=${CLAIM_AUDIT_OUT:-claim-audit-report}
context=${CLAIM_AUDIT_CONTEXT:-claim-audit}
token=${CLAIM_AUDIT_TOKEN:-${GITEA_TOKEN:-${GITHUB_TOKEN:-}}}
api=${GITHUB_API_URL:-}
api=${api%/}
server=${GITHUB_SERVER_URL:-}
server=${server%/}
gitea=false
[ "${GITEA_ACTIONS:-}" = true ] && gitea=true

# Gitea's log viewer shows workflow commands as they are, so on Gitea the log gets plain lines.
warn() {
  if $gitea; then
    printf 'claim-audit: warning: %s\n' "$1"
  else
    printf '::warning title=claim-audit::%s\n' "$1"
  fi
}

# json_string TEXT: TEXT as a JSON string literal.
json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  s=${s//[$'\001'-$'\037']/ }
  printf '"%s"' "$s"
}

# make_dir DIR: curl creates the directories of the file it writes, so no mkdir is needed.
make_dir() {
  [ -d "$1" ] || curl -sS --create-dirs -o "$1/.claim-audit" "file:///dev/null"
}

event=${GITHUB_EVENT_PATH:-}
if [ -z "$event" ] || [ ! -f "$event" ]; then
  printf 'claim-audit: GITHUB_EVENT_PATH does not name the event payload; run this in a pull_request job\n' >&2
  exit 2
fi
make_dir "$out" || { printf 'claim-audit: cannot create the report directory %s\n' "$out" >&2; exit 2; }

# The audit command, in $audit; when there is none, $setup_error says why.
audit=()
setup_error=
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
  elif command -v java >/dev/null 2>&1; then
    java=java
  else
    setup_error="java was not found on the runner: claim-audit needs Java 17 or newer (actions/setup-java, or an image that has it)"
    return 1
  fi
}

download_jar() {
  local version=${CLAIM_AUDIT_VERSION:-}
  if [ -z "$version" ]; then
    setup_error="no claim-audit to run: set CLAIM_AUDIT_VERSION (the release in this instance's package registry), CLAIM_AUDIT_JAR or CLAIM_AUDIT_BIN"
    return 1
  fi
  local owner=${CLAIM_AUDIT_PACKAGE_OWNER:-${GITHUB_REPOSITORY%%/*}}
  local cache=${CLAIM_AUDIT_CACHE:-${RUNNER_TOOL_CACHE:-${HOME:-/tmp}/.cache}/claim-audit}
  jar=$cache/$version/claim-audit.jar
  local magic=
  [ -s "$jar" ] && read -r -n 2 magic <"$jar"
  if [ "$magic" = PK ]; then
    return 0
  fi
  local url=$server/api/packages/$owner/generic/claim-audit/$version/claim-audit.jar
  local args=(-sS -L --fail --max-time 120 --create-dirs -o "$jar" -w '%{http_code}')
  local package_token=${CLAIM_AUDIT_PACKAGE_TOKEN:-$token}
  [ -n "$package_token" ] && args+=(-H "Authorization: token $package_token")
  local status
  status=$(curl "${args[@]}" "$url" 2>"$out/curl.txt")
  magic=
  [ -s "$jar" ] && read -r -n 2 magic <"$jar"
  if [ "$magic" != PK ]; then
    # Never leave a page of HTML or half a jar in the cache for the next job to trust.
    [ -f "$jar" ] && : >"$jar"
    setup_error="cannot download claim-audit $version from $url (HTTP ${status:-000}): upload it as ci/README.md shows, or set CLAIM_AUDIT_PACKAGE_OWNER"
    return 1
  fi
  printf 'claim-audit: downloaded claim-audit %s from %s\n' "$version" "$url"
}

if [ -n "${CLAIM_AUDIT_BIN:-}" ]; then
  audit=("$CLAIM_AUDIT_BIN")
elif find_java; then
  jar=${CLAIM_AUDIT_JAR:-}
  if [ -n "$jar" ] || download_jar; then
    audit=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar")
  fi
fi

# The pull request: from the event, read by the jar; without one, from the runner's variables.
repository=- number=- sha=-
if [ ${#audit[@]} -gt 0 ]; then
  read -r repository number sha < <("${audit[@]}" ci event --event "$event" 2>>"$out/stderr.txt")
fi
[ "${repository:--}" != - ] || repository=${GITHUB_REPOSITORY:-}
if [ "${number:--}" = - ] && [[ ${GITHUB_REF:-} =~ ^refs/pull/([0-9]+)/ ]]; then
  number=${BASH_REMATCH[1]}
fi
if [ "${sha:--}" = - ] && $gitea; then
  # Gitea runs a pull request's job on its head commit: there is no test merge.
  sha=${GITHUB_SHA:-}
fi

extra=()
if [ -n "${CLAIM_AUDIT_ARGS:-}" ]; then
  read -r -a extra <<<"$CLAIM_AUDIT_ARGS"
fi

for report in verdict.json comment.md comment.json summary.txt claim-audit.sarif claim-audit.rdjson stderr.txt; do
  : >"$out/$report"
done

if [ ${#audit[@]} -gt 0 ]; then
  # The findings go into the job log: plain text on Gitea, workflow commands on GitHub.
  if $gitea; then format=text; else format=annotations; fi
  "${audit[@]}" --event "$event" --format "$format" --no-color \
    --report "json=$out/verdict.json" --report "markdown=$out/comment.md" --report "gitea-comment=$out/comment.json" \
    --report "summary=$out/summary.txt" --report "sarif=$out/claim-audit.sarif" --report "rdjson=$out/claim-audit.rdjson" \
    "${extra[@]}" 2>"$out/stderr.txt"
  code=$?
  [ -s "$out/stderr.txt" ] && printf '%s\n' "$(<"$out/stderr.txt")" >&2
else
  printf 'audit: %s\n' "$setup_error" >"$out/stderr.txt"
  printf 'claim-audit: %s\n' "$setup_error" >&2
  code=3
fi

summary=
[ -s "$out/summary.txt" ] && read -r summary <"$out/summary.txt"
if [ -n "$summary" ] && [ -s "$out/comment.json" ] && { [ "$code" = 0 ] || [ "$code" = 1 ]; }; then
  description=$summary
  verdict=${summary#claim-audit: }
  verdict=${verdict%% *}
  case "$verdict" in
    pass) state=success ;;
    warn) if $gitea; then state=warning; else state=success; fi ;;
    *) state=failure ;;
  esac
else
  reason=
  while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ [^[:space:]] ]] && reason=$line
  done <"$out/stderr.txt"
  reason=${reason#audit: }
  [ -n "$reason" ] || reason="the audit exited with status $code"
  description="claim-audit could not audit: $reason"
  description=${description:0:140}
  state=error
  case "$reason" in
    *shallow*) hint='The history is too shallow to reach the merge base: check out with `fetch-depth: 0`.' ;;
    *java*) hint='The runner has no Java 17: add `actions/setup-java` before this step, or pick a runner image that has Java (ci/README.md lists them).' ;;
    *download*|*CLAIM_AUDIT_VERSION*) hint='The claim-audit jar is not where the workflow looks for it: see the one-time upload in ci/README.md.' ;;
    *) hint='The job log has the details.' ;;
  esac
  fenced=${reason//\`\`\`/\` \` \`}
  comment="$marker"$'\n'"### ❗ claim-audit could not audit this pull request"$'\n\n'"The audit stopped with exit status $code, so this pull request has no verdict yet:"$'\n\n'"\`\`\`text"$'\n'"$fenced"$'\n'"\`\`\`"$'\n\n'"$hint"$'\n'
  printf '%s' "$comment" >"$out/comment.md"
  printf '{"body":%s}\n' "$(json_string "$comment")" >"$out/comment.json"
fi

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

# The login our comments are written by: set, else the token's user, else the Actions bot's.
comment_author() {
  author=${CLAIM_AUDIT_COMMENT_AUTHOR:-}
  [ -n "$author" ] && return
  if [ ${#audit[@]} -gt 0 ] && ok "$(api GET /user)"; then
    author=$("${audit[@]}" ci user "$out/response.json" 2>/dev/null)
  fi
  if [ -z "$author" ]; then
    if $gitea; then author=gitea-actions; else author='github-actions[bot]'; fi
  fi
}

# The comment this workflow posted before, left in $existing: it starts with the marker and its
# author is ours. GitHub pages by 50 here; Gitea ignores paging and returns every comment at once,
# so pages are read until one is short, empty, or repeats one read before. Without the jar nothing
# can read the list, and a new comment is posted.
find_comment() {
  local page=1 seen=' ' status count first match
  existing=
  [ ${#audit[@]} -gt 0 ] || return
  comment_author
  while [ "$page" -le 50 ]; do
    status=$(api GET "/repos/$repository/issues/$number/comments?page=$page&limit=50&per_page=50")
    if ! ok "$status"; then
      warn "cannot list the pull request's comments (HTTP $status)"
      return
    fi
    read -r count first match < <("${audit[@]}" ci comment --author "$author" "$out/response.json" 2>/dev/null)
    [ -n "${first:-}" ] && [ "$first" != - ] || return
    case "$seen" in *" $first "*) return ;; esac
    seen="$seen$first "
    if [ "$match" != - ]; then
      existing=$match
      return
    fi
    [ "$count" -ge 50 ] || return
    page=$((page + 1))
  done
}

post_comment() {
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

# The job's page: Gitea links a run by its number (GITHUB_RUN_ID is no page there), GitHub by its id.
target_url() {
  local run
  if $gitea; then run=${GITHUB_RUN_NUMBER:-}; else run=${GITHUB_RUN_ID:-}; fi
  if [ -n "$server" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "$run" ]; then
    printf '%s/%s/actions/runs/%s' "$server" "$GITHUB_REPOSITORY" "$run"
  fi
}

post_status() {
  printf '{"state":%s,"target_url":%s,"description":%s,"context":%s}\n' "$(json_string "$state")" "$(json_string "$(target_url)")" \
    "$(json_string "$description")" "$(json_string "$context")" >"$out/status.json"
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
elif [ -z "$repository" ] || ! [[ $number =~ ^[0-9]+$ ]]; then
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
