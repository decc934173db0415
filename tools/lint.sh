#!/usr/bin/env bash
# Lint BPMN files with bpmnlint and the rules in <repo>/.bpmnlintrc.
# Usage: tools/lint.sh [file.bpmn...]   (default: every processes/*.bpmn; works from any directory)
# Exits non-zero when any file has an error (warnings are shown but do not fail).
set -euo pipefail

tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$tools")"

# Install the tools on a fresh clone, or again after package-lock.json changed.
if [ ! -x "$tools/node_modules/.bin/bpmnlint" ] ||
   [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  echo "lint: installing tools (npm ci in tools/)"
  if [ -f "$tools/package-lock.json" ]; then cmd=ci; else cmd=install; fi
  if ! log="$(cd "$tools" && npm "$cmd" --no-audit --no-fund --loglevel=error 2>&1)"; then
    echo "$log" >&2
    echo "lint: npm $cmd failed" >&2
    exit 2
  fi
fi

files=()
for f in "$@"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
cd "$root"
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=(processes/*.bpmn)
  if [ ${#files[@]} -eq 0 ]; then
    echo "lint: no processes/*.bpmn to lint"
    exit 0
  fi
fi

# bpmnlint loads plugins relative to the working directory; point it at tools/node_modules.
rc=0
out="$(NODE_PATH="$tools/node_modules" "$tools/node_modules/.bin/bpmnlint" --config "$root/.bpmnlintrc" "${files[@]}" 2>&1)" || rc=$?
if [ -n "${out//[[:space:]]/}" ]; then printf '%s\n' "$out" | sed -e 's/[[:space:]]*$//' -e '/./,$!d'; fi
if [ "$rc" -ne 0 ]; then
  echo "lint: FAILED (errors above)" >&2
  exit 1
fi
echo "lint: ${#files[@]} BPMN file(s), no errors"
