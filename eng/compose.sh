#!/usr/bin/env bash
# Runs Docker Compose with all arguments passed through: the `docker compose` plugin (v2) where it
# exists, else the standalone docker-compose that eng/setup.sh installs from Debian.
set -euo pipefail

if docker compose version >/dev/null 2>&1; then
    exec docker compose "$@"
fi
if command -v docker-compose >/dev/null; then
    exec docker-compose "$@"
fi
echo "error: no Docker Compose CLI found; run eng/setup.sh (as root it installs one)" >&2
exit 1
