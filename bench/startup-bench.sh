#!/usr/bin/env bash
# Times start-up: from the run command to the first successful load of the todo page, under the
# AppHost (dotnet run --no-build, http profile) and under docker-compose from the Compose export,
# with everything built and every image present beforehand. Prints figures only.
#
#   bench/startup-bench.sh          # 3 runs of each, alternating
#   RUNS=5 bench/startup-bench.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d)"
project="aspireworkshop-startup-bench-$$"
apphost_pid=""
volumes=()

# shellcheck disable=SC1091
[[ -f "$root/artifacts/workshop-images.env" ]] && source "$root/artifacts/workshop-images.env"
compose() { "$root/eng/compose.sh" -p "$project" -f "$work/export/compose.yaml" "$@"; }

stop_apphost() {
    [[ -z "$apphost_pid" ]] && return 0
    # SIGTERM to the AppHost itself: dotnet run does not pass it on, and a script's background job ignores SIGINT.
    pkill -TERM -P "$apphost_pid" 2>/dev/null || true
    timeout 60 tail --pid="$apphost_pid" -f /dev/null || kill -KILL "$apphost_pid" 2>/dev/null || true
    apphost_pid=""
}

cleanup() {
    stop_apphost
    [[ -f "$work/export/compose.yaml" ]] && compose down --volumes --timeout 10 >/dev/null 2>&1 || true
    for volume in "${volumes[@]}"; do docker volume rm --force "$volume" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# Milliseconds from $1 (date +%s%N) until $2 serves the todo page (its heading), polling every 100 ms for 300 s.
time_until_page() {
    local start="$1" url="$2"
    for _ in $(seq 1 3000); do
        if curl -fsS -m 2 "$url" 2>/dev/null | grep -q 'Todo'; then
            echo $(( ($(date +%s%N) - start) / 1000000 ))
            return 0
        fi
        sleep 0.1
    done
    echo "startup-bench: $url did not serve the page within 300 s" >&2
    return 1
}

echo "== building and exporting (not timed)"
dotnet build "$root/AppHost/AspireWorkshop.AppHost.csproj" --nologo -v quiet >/dev/null
dotnet run --project "$root/ComposeExport" -- export --apphost "$root/AppHost/AspireWorkshop.AppHost.csproj" \
    --output "$work/export" > "$work/export.log"
compose build > "$work/compose-build.log" 2>&1
web_port="$(sed -n 's/.*"127.0.0.1:\([0-9]*\):8080".*/\1/p' "$work/export/compose.yaml" | head -n 1)"
echo "Compose health checks: $(grep -m1 'interval:' "$work/export/compose.yaml" | tr -d ' "') per service" \
    "(postgres pg_isready, api and web GET /health); web waits for api healthy, api for postgres healthy"

results="$work/results.tsv"
for run in $(seq 1 "$runs"); do
    echo "== run $run of $runs (load average: $(cut -d ' ' -f 1-3 /proc/loadavg))"

    volume="aspireworkshop-startup-bench-$$-$run"
    volumes+=("$volume")
    start=$(date +%s%N)
    dotnet run --project "$root/AppHost" --launch-profile http --no-build -- \
        "--WorkshopVolumes:PostgresData=$volume" > "$work/apphost-$run.log" 2>&1 &
    apphost_pid=$!
    printf 'apphost\t%s\n' "$(time_until_page "$start" http://localhost:5180/)" >> "$results"
    stop_apphost

    start=$(date +%s%N)
    compose up -d --no-build > "$work/compose-up-$run.log" 2>&1
    printf 'compose\t%s\n' "$(time_until_page "$start" "http://127.0.0.1:$web_port/")" >> "$results"
    compose down --volumes --timeout 10 > /dev/null 2>&1
done

echo
printf '%-9s %s\n' "run" "ms from the run command to the first page load, per run"
for kind in apphost compose; do
    printf '%-9s %s\n' "$kind" "$(awk -F '\t' -v k="$kind" '$1 == k { printf "%s ", $2 }' "$results")"
done
median() { awk -F '\t' -v k="$1" '$1 == k { print $2 }' "$results" | sort -n \
    | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
apphost_median="$(median apphost)"
compose_median="$(median compose)"
echo "median: AppHost ${apphost_median} ms, Compose ${compose_median} ms," \
    "ratio $(awk -v a="$apphost_median" -v c="$compose_median" 'BEGIN { printf "%.2f", a / c }') (target <= 1.5)"
