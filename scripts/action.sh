#!/usr/bin/env bash
# The shell steps of the brieflint GitHub Action (action.yml), kept in a file so that the tests
# run this very script (test/adoption/action.test.ts).
#
# The action runs the brieflint of its own checkout: $GITHUB_ACTION_PATH is this repository at
# the ref of `uses: OWNER/brieflint@<ref>`, so that ref pins the code. Nothing is fetched from
# the npm registry under the name brieflint (only brieflint's own dependencies, by its lockfile).
#
#   scripts/action.sh build   npm ci in the action's checkout (its prepare script builds dist/)
#   scripts/action.sh run     brieflint check on the workspace; writes the step outputs
#
# Inputs come from the environment (never from ${{ }} in the script text, so a path or an
# argument cannot inject shell code): BRIEFLINT_PATHS, BRIEFLINT_CONFIG, BRIEFLINT_ARGS,
# BRIEFLINT_SARIF, BRIEFLINT_SUMMARY, BRIEFLINT_VERSION (deprecated, see below).
set -euo pipefail

action_path=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this script as a step of the brieflint action}

build() {
  local version
  version=$(node -p 'require(process.argv[1]).version' "$action_path/package.json")
  # `version` used to name the npm version to run with npx. brieflint is not on the npm
  # registry: the ref in `uses:` decides which brieflint runs. Said, not silently ignored.
  case "${BRIEFLINT_VERSION:-}" in
    '' | latest | "$version" | "v$version") ;;
    *) echo "::warning title=brieflint::the 'version' input is deprecated and ignored: this action runs brieflint ${version}, the code at the ref in 'uses: …/brieflint@<ref>'. Pin the version there, e.g. @v${BRIEFLINT_VERSION#v}." ;;
  esac
  cd "$action_path"
  if [ -f dist/bundle/cli.js ] && [ -d node_modules ]; then
    echo "brieflint ${version}: already built in ${action_path}"
    return
  fi
  echo "Building brieflint ${version} in ${action_path}"
  npm ci --no-audit --no-fund
  # prepare builds dist/; unless the runner's npm config ignores scripts.
  if [ ! -f dist/bundle/cli.js ]; then npm run build; fi
}

run() {
  local sarif=${BRIEFLINT_SARIF:-brieflint.sarif}
  local summary=${BRIEFLINT_SUMMARY:-${RUNNER_TEMP:-/tmp}/brieflint-summary.md}
  set -f # paths may be globs: brieflint expands them itself
  local cmd=(node "$action_path/bin/brieflint.js" check)
  # shellcheck disable=SC2206  # word splitting on purpose: space-separated lists
  cmd+=(${BRIEFLINT_PATHS:-.})
  if [ -n "${BRIEFLINT_CONFIG:-}" ]; then cmd+=(--config "$BRIEFLINT_CONFIG"); fi
  cmd+=(--format github --report "sarif=${sarif}" --report "markdown=${summary}")
  # shellcheck disable=SC2206
  cmd+=(${BRIEFLINT_ARGS:-})
  set +f
  rm -f "$summary"
  local code=0
  "${cmd[@]}" || code=$?
  echo "exit-code=$code" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
  echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
  if [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$summary" >>"$GITHUB_STEP_SUMMARY"; fi
}

case "${1:-}" in
  build) build ;;
  run) run ;;
  *)
    echo "usage: $0 build|run" >&2
    exit 2
    ;;
esac
