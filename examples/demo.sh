#!/usr/bin/env bash
# claim-audit demo: builds a small repository whose change says "done" while a function still
# raises NotImplementedError, shows the audit block it, writes the function, and shows the pass.
#
# Usage: examples/demo.sh [--keep DIR]
#   --keep DIR   build the repository in DIR (must not exist) and keep it; default: a temporary
#                directory, removed at the end
# Environment: CLAIM_AUDIT_BIN, the audit command (default: bin/audit of this project).
# Exit status: 0 when the audit blocked the first version and passed the fixed one, 1 otherwise.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
audit=${CLAIM_AUDIT_BIN:-$here/../bin/audit}
keep=
if [ "${1:-}" = --keep ]; then
  [ -n "${2:-}" ] || { echo "usage: examples/demo.sh [--keep DIR]" >&2; exit 2; }
  [ ! -e "$2" ] || { echo "demo: $2 exists already; name a new directory" >&2; exit 2; }
  keep=$2
fi
if [ -n "$keep" ]; then
  repo=$keep
  mkdir -p "$repo"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  repo=$work/textkit
  mkdir -p "$repo"
fi

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Demo Author" GIT_AUTHOR_EMAIL=demo@example.com GIT_AUTHOR_DATE=2024-05-01T10:00:00Z
export GIT_COMMITTER_NAME="Demo Author" GIT_COMMITTER_EMAIL=demo@example.com GIT_COMMITTER_DATE=2024-05-01T10:00:00Z
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
put() { mkdir -p "$(dirname "$repo/$1")"; cat >"$repo/$1"; }

say "A small Python library on main"
git -C "$repo" init -q -b main
put textkit/words.py <<'PY'
def count_words(text):
    return len(text.split())
PY
put README.md <<'MD'
# textkit
Small text helpers.
MD
git -C "$repo" add -A && git -C "$repo" commit -q -m "Start textkit with count_words"
git -C "$repo" log --oneline main

say "A feature branch that says it is done, while slugify() still raises NotImplementedError"
git -C "$repo" checkout -q -b feature
put textkit/slug.py <<'PY'
def slugify(text):
    raise NotImplementedError


def deslugify(slug):
    return slug.replace("-", " ")
PY
put tests/test_slug.py <<'PY'
from textkit.slug import deslugify, slugify


def test_slugify_lowercases_and_joins_words():
    assert slugify("Hello World") == "hello-world"


def test_deslugify_splits_on_hyphens():
    assert deslugify("hello-world") == "hello world"
PY
git -C "$repo" add -A && git -C "$repo" commit -q -F - <<'MSG'
Add slugify and deslugify, done

New files:
- textkit/slug.py
- tests/test_slug.py

Adds 2 tests in tests/test_slug.py
MSG
git -C "$repo" log --format='%h %s' main..feature

say "audit --range main..feature  (expect: block, exit 1)"
set +e
"$audit" --repo "$repo" --range main..feature --no-llm
first=$?
set -e
echo "exit status: $first"

say "The fix: write slugify(), and commit"
put textkit/slug.py <<'PY'
import re


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def deslugify(slug):
    return slug.replace("-", " ")
PY
git -C "$repo" add -A && git -C "$repo" commit -q -m "Write slugify"
git -C "$repo" log --format='%h %s' main..feature

say "audit --range main..feature  (expect: pass, exit 0)"
set +e
"$audit" --repo "$repo" --range main..feature --no-llm
second=$?
set -e
echo "exit status: $second"

say "The one-line summary a commit status would show"
"$audit" --repo "$repo" --range main..feature --no-llm --format summary

if [ -n "$keep" ]; then
  echo
  echo "The repository is kept in $repo"
fi
if [ "$first" = 1 ] && [ "$second" = 0 ]; then
  echo
  echo "demo: blocked the claim that was not backed (exit 1), passed the fixed change (exit 0)"
  exit 0
fi
echo "demo: expected exit 1 then 0, got $first then $second" >&2
exit 1
