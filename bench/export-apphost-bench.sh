#!/usr/bin/env bash
# Times exporting this repository's AppHost to Compose once everything is built (target: at most 2 s for
# the whole export). The export of the built AppHost assembly is what the target is about; the export of
# the project is timed too, split into its two steps: the AppHost writing its manifest (`dotnet run` of
# the AppHost with the manifest publisher, the build already up to date) and the conversion of that
# manifest. Prints figures only; nothing here passes or fails on speed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-3}"
apphost="$root/AppHost/AspireWorkshop.AppHost.csproj"

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# Built once, outside the timings: the exporter in Release, the AppHost as `dotnet run` builds it (Debug).
dotnet build "$root/ComposeExport/AspireWorkshop.ComposeExport.csproj" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
dotnet build "$apphost" --nologo -v quiet >/dev/null
exporter=(dotnet "$work/bin/AspireWorkshop.ComposeExport.dll")

assembly="$root/AppHost/bin/Debug/net10.0/AspireWorkshop.AppHost.dll"

for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "${exporter[@]}" export --apphost "$assembly" --output "$work/export-built-$run" >/dev/null
    built_ms=$(ms_since "$start")

    start=$(date +%s%N)
    dotnet run --project "$apphost" -- --publisher manifest --output-path "$work/manifest-$run.json" >/dev/null
    manifest_ms=$(ms_since "$start")

    start=$(date +%s%N)
    "${exporter[@]}" convert "$work/manifest-$run.json" --output "$work/convert-$run" >/dev/null
    convert_ms=$(ms_since "$start")

    start=$(date +%s%N)
    "${exporter[@]}" export --apphost "$apphost" --output "$work/export-$run" >/dev/null
    export_ms=$(ms_since "$start")

    printf 'run %d: export of the built AppHost.dll %d ms (target <= 2000 ms)\n' "$run" "$built_ms"
    printf '       export of the project %d ms (its manifest %d ms + conversion %d ms)\n' \
        "$export_ms" "$manifest_ms" "$convert_ms"
done
