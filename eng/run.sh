#!/usr/bin/env bash
# Runs the workshop app: prepares the machine (eng/setup.sh), then starts the AppHost, which brings
# up Postgres, the Api and the Web front end. Extra arguments go to the AppHost.
set -euo pipefail

cd "$(dirname "$0")/.."

eng/setup.sh
# The stand-in images setup.sh chose, if any; the AppHost and the Dockerfiles read these variables.
# shellcheck source=/dev/null
source artifacts/workshop-images.env

# The http profile needs no developer certificate, which a fresh machine lacks.
exec dotnet run --project AppHost/AspireWorkshop.AppHost.csproj --launch-profile http "$@"
