#!/usr/bin/env bash
# Offline validation of everything under deploy/: the compose stack, the services' Dockerfiles and the
# Kubernetes manifests. No Docker engine, cluster or network is needed (npm only on first run).
#   deploy/validate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
compose_file="$here/compose/compose.yaml"
example_env="$here/compose/.env.example"
errors="$(mktemp)"
empty_env="$(mktemp)"
trap 'rm -f "$errors" "$empty_env"' EXIT

# 1. The Compose CLI must parse the file with the example environment, and refuse an empty one.
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
  echo "note  docker compose (v2 plugin) not found; parsing with docker-compose $(docker-compose version --short)"
else
  compose=()
  echo "note  no Compose CLI found; skipping its parse (the schema check below still runs)"
fi
if [ "${#compose[@]}" -gt 0 ]; then
  env -i PATH="$PATH" HOME="$HOME" "${compose[@]}" -f "$compose_file" --env-file "$example_env" config --quiet
  echo "ok    ${compose[*]} config: compose.yaml parses with .env.example"
  if env -i PATH="$PATH" HOME="$HOME" "${compose[@]}" -f "$compose_file" --env-file "$empty_env" config --quiet \
      >/dev/null 2>"$errors"; then
    echo "FAIL  ${compose[*]} config: compose.yaml accepted an empty environment"
    exit 1
  fi
  if ! grep -q 'set [A-Z_]*' "$errors"; then
    echo "FAIL  ${compose[*]} config failed for another reason than a missing secret:"
    cat "$errors"
    exit 1
  fi
  echo "ok    ${compose[*]} config: refused without secrets: $(grep -o 'set [A-Z_]*' "$errors" | head -n 1)"
fi

# 2. Node checks: compose semantics and Dockerfiles, then every Kubernetes manifest.
cd "$here/k8s/validate"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node compose.mjs
node validate.mjs
