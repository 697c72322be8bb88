#!/usr/bin/env bash
# Builds authvet for the GitHub Action (action.yml) from the action's own
# checkout ($GITHUB_ACTION_PATH) with the runner's Go.
#   action-build.sh key     writes the build's cache key to $GITHUB_OUTPUT
#   action-build.sh build   builds $AUTHVET_BIN_DIR/authvet
set -euo pipefail
src=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this from action.yml}
case "${1:-}" in
key)
  # The Go version and every file the build reads: a new release of the
  # action or a new Go builds afresh, anything else reuses the binary.
  sum=$(cd "$src" && find . -name testdata -prune -o -name .git -prune -o \
          -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print |
        LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
  echo "key=authvet-${RUNNER_OS:-local}-$(go env GOVERSION)-${sum}" >> "${GITHUB_OUTPUT:?}"
  ;;
build)
  out=${AUTHVET_BIN_DIR:?AUTHVET_BIN_DIR is not set}
  mkdir -p "$out"
  (cd "$src" && go build -trimpath -o "$out/authvet" ./cmd/authvet)
  "$out/authvet" version
  ;;
*)
  echo "usage: $0 key|build" >&2
  exit 2
  ;;
esac
