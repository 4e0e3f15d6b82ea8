#!/usr/bin/env bash
# Times the Compose exporter on a generated manifest of 1,000 resources (target: at most 1 s per run,
# .NET start-up included). Prints figures only; nothing here passes or fails on speed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-5}"

dotnet build "$root/ComposeExport/AspireWorkshop.ComposeExport.csproj" -c Release -o "$work/bin" --nologo -v quiet >/dev/null

# The same shape as LargeManifestTests: 250 groups of a Postgres container, its generated password,
# a database and an app that references it and the previous group's app.
python3 - "$work/manifest.json" <<'PY'
import json, sys
resources = {}
for i in range(250):
    resources[f"pg{i}"] = {
        "type": "container.v0", "image": "docker.io/library/postgres:18.3",
        "connectionString": f"Host={{pg{i}.bindings.tcp.host}};Port={{pg{i}.bindings.tcp.port}};"
                            f"Username=postgres;Password={{pg{i}-password.value}}",
        "env": {"POSTGRES_PASSWORD": f"{{pg{i}-password.value}}"},
        "bindings": {"tcp": {"scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432}},
    }
    resources[f"pg{i}-password"] = {
        "type": "parameter.v0", "value": f"{{pg{i}-password.inputs.value}}",
        "inputs": {"value": {"type": "string", "secret": True, "default": {"generate": {"minLength": 22}}}},
    }
    resources[f"db{i}"] = {"type": "value.v0", "connectionString": f"{{pg{i}.connectionString}};Database=db{i}"}
    env = {"ConnectionStrings__db": f"{{db{i}.connectionString}}"}
    if i > 0:
        env["PREVIOUS"] = f"{{app{i - 1}.bindings.http.url}}"
    resources[f"app{i}"] = {
        "type": "container.v0", "image": "localhost/app:1", "env": env,
        "bindings": {"http": {"scheme": "http", "protocol": "tcp", "transport": "http", "targetPort": 8080, "external": True}},
    }
json.dump({"resources": resources}, open(sys.argv[1], "w"))
PY

echo "manifest: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["resources"]))' "$work/manifest.json") resources"
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    dotnet "$work/bin/AspireWorkshop.ComposeExport.dll" convert "$work/manifest.json" --output "$work/out-$run" >/dev/null
    end=$(date +%s%N)
    printf 'run %d: %d ms (whole process, including .NET start-up)\n' "$run" $(( (end - start) / 1000000 ))
done
echo "compose.yaml: $(wc -l < "$work/out-1/compose.yaml") lines, .env: $(wc -l < "$work/out-1/.env") lines"
