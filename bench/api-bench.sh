#!/usr/bin/env bash
# Load-tests the todo Api under the AppHost (http profile, Release build) and sets it beside two
# references on the same machine: pgbench running the Api's own SQL against the same Postgres
# container, and bench/InMemoryItems serving the same 20 items from memory. Prints figures only;
# nothing here passes or fails on speed. Needs wrk and pgbench (Debian: wrk, postgresql-client-15).
#
#   bench/api-bench.sh            # 3 rounds of 10 s runs at 32 connections
#   ROUNDS=5 DURATION=20s bench/api-bench.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
connections=32
work="$(mktemp -d)"
volume="aspireworkshop-bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
password="Bench$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
apphost_pid=""
in_memory_pid=""

for tool in wrk pgbench psql curl docker; do
    command -v "$tool" >/dev/null || { echo "api-bench: $tool is missing (apt-get install wrk postgresql-client-15)" >&2; exit 1; }
done

cleanup() {
    [[ -n "$in_memory_pid" ]] && kill "$in_memory_pid" 2>/dev/null || true
    if [[ -n "$apphost_pid" ]]; then
        # SIGTERM lets the AppHost stop its projects and containers before it exits (a background
        # job of a script ignores SIGINT, and dotnet run does not pass SIGTERM on to its child).
        pkill -TERM -P "$apphost_pid" 2>/dev/null || true
        timeout 60 tail --pid="$apphost_pid" -f /dev/null || kill -KILL "$apphost_pid" 2>/dev/null || true
    fi
    # DCP removes the container shortly after the AppHost exits; the volume is free only then.
    for _ in $(seq 1 30); do docker volume rm --force "$volume" >/dev/null 2>&1 && break; sleep 1; done
    rm -rf "$work"
}
trap cleanup EXIT

# waits up to $2 seconds for URL $1 to answer 2xx
wait_for_url() {
    for _ in $(seq 1 "$2"); do
        curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null && return 0
        sleep 1
    done
    echo "api-bench: $1 did not answer within $2 s" >&2
    return 1
}

# the value of variable $2 in the environment of process $1
process_env() { tr '\0' '\n' < "/proc/$1/environ" | sed -n "s/^$2=//p"; }

# a field of an Npgsql connection string: connection_field "Port" "$connection_string"
connection_field() { tr ';' '\n' <<< "$2" | sed -n "s/^$1=//p"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "== building (Release)"
# shellcheck disable=SC1091
[[ -f "$root/artifacts/workshop-images.env" ]] && source "$root/artifacts/workshop-images.env"
dotnet build "$root/AppHost/AspireWorkshop.AppHost.csproj" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/bench/InMemoryItems/InMemoryItems.csproj" -c Release --nologo -v quiet -o "$work/in-memory" >/dev/null

echo "== starting the AppHost (http profile; Api on its launch URL http://localhost:5280 behind DCP's proxy)"
# A fixed password and a fresh volume, so pgbench can log in and every run starts from an empty table.
dotnet run --project "$root/AppHost" --launch-profile http -c Release --no-build -- \
    "--Parameters:postgres-password=$password" "--WorkshopVolumes:PostgresData=$volume" \
    > "$work/apphost.log" 2>&1 &
apphost_pid=$!
wait_for_url http://localhost:5280/health 240

# DCP puts a proxy in front of every endpoint; the Api process itself listens on ASPNETCORE_URLS.
# Measure the process directly, and read its connection string so pgbench takes the Api's path
# to Postgres (through DCP's proxy of the container port).
api_pid="$(pgrep -f "$root/Api/bin/Release/net10.0/AspireWorkshop.Api" | head -n 1)"
api_url="$(process_env "$api_pid" ASPNETCORE_URLS | cut -d ';' -f 1 | sed 's#//localhost#//127.0.0.1#')"
connection="$(process_env "$api_pid" ConnectionStrings__todos)"
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=todos PGPASSWORD="$password"
PGPORT="$(connection_field Port "$connection")"
export PGPORT
container="$(docker ps --filter "volume=$volume" --format '{{.ID}}')"
container_port="$(docker port "$container" 5432/tcp | head -n 1 | sed 's/.*://')"
echo "Api pid $api_pid at $api_url; Postgres via DCP proxy :$PGPORT, container port :$container_port"
echo "Api environment: $(process_env "$api_pid" ASPNETCORE_ENVIRONMENT); OTLP export to $(process_env "$api_pid" OTEL_EXPORTER_OTLP_ENDPOINT)"

echo "== seeding 20 items"
for n in $(seq 1 20); do
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench item $n\"}" "$api_url/items"
done
seeded_position="$(psql -Atqc 'SELECT max(position) FROM todo_items')"

# The statements the Api sends (Api/Todos/TodoItemRepository.cs), as pgbench scripts.
cat > "$work/select.sql" <<'SQL'
SELECT id, name, completed FROM todo_items ORDER BY position;
SQL
cat > "$work/insert.sql" <<'SQL'
INSERT INTO todo_items (id, name, completed, idempotency_key)
VALUES (gen_random_uuid(), 'bench item', false, NULL)
ON CONFLICT (idempotency_key) DO NOTHING
RETURNING id, name, completed;
SQL
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"bench item"}'
LUA

in_memory_port="$(free_port)"
in_memory_url="http://127.0.0.1:$in_memory_port"
# Development, like the Api under the AppHost's http profile.
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$in_memory_url" \
    dotnet "$work/in-memory/InMemoryItems.dll" > "$work/in-memory.log" 2>&1 &
in_memory_pid=$!
wait_for_url "$in_memory_url/items" 60

results="$work/results.tsv"

# wrk's latency percentiles are printed with units; convert to milliseconds.
to_ms() { awk '{ v = $1; if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000 }'; }

run_wrk() { # name url [lua script]
    local out="$work/wrk-${1//[^a-zA-Z0-9]/_}.txt" script=()
    [[ $# -ge 3 ]] && script=(-s "$3")
    wrk -t2 -c"$connections" -d"$duration" --latency "${script[@]}" "$2" > "$out"
    local rps p50 p99 non2xx
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
    p50="$(awk '$1 == "50%" { print $2 }' "$out" | to_ms)"
    p99="$(awk '$1 == "99%" { print $2 }' "$out" | to_ms)"
    non2xx="$(awk '/Non-2xx/ { print $5 }' "$out")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" >> "$results"
}

run_pgbench() { # name script
    local log="$work/pgbench-${1//[^a-zA-Z0-9]/_}"
    rm -f "$log".[0-9]*
    pgbench -M prepared -c "$connections" -j 2 -T "${duration%s}" -n -f "$2" \
        --log --log-prefix="$log" > "$log.txt" 2>&1
    local tps
    tps="$(awk '/^tps = / { print $3 }' "$log.txt")"
    # Per-transaction log: the third field is the latency in microseconds.
    cat "$log".[0-9]* | awk '{ print $3 / 1000 }' | sort -n > "$work/latencies.txt"
    local count p50 p99
    count="$(wc -l < "$work/latencies.txt")"
    p50="$(sed -n "$(( count * 50 / 100 + 1 ))p" "$work/latencies.txt")"
    p99="$(sed -n "$(( count * 99 / 100 + 1 ))p" "$work/latencies.txt")"
    printf '%s\t%s\t%s\t%s\t%s\t0\n' "$round" "$1" "$tps" "$p50" "$p99" >> "$results"
}

# Inserted rows would make every later GET slower; each round starts from the 20 seeded items.
reset_items() { psql -Atqc "DELETE FROM todo_items WHERE position > $seeded_position" >/dev/null; psql -Atqc 'VACUUM ANALYZE todo_items' >/dev/null; }

# Alternating the runs within each round spreads the machine's noise over every kind of run.
for round in $(seq 1 "$rounds"); do
    echo "== round $round of $rounds (load average: $(cut -d ' ' -f 1-3 /proc/loadavg))"
    run_wrk "api GET /items" "$api_url/items"
    run_pgbench "pgbench SELECT" "$work/select.sql"
    run_wrk "in-memory GET /items" "$in_memory_url/items"
    run_wrk "api POST /items" "$api_url/items" "$work/post.lua"
    reset_items
    run_pgbench "pgbench INSERT" "$work/insert.sql"
    reset_items
done
# Through DCP's proxy once, as a browser or the Web reaches the Api under the AppHost.
round="proxy"
run_wrk "api GET /items via :5280" http://localhost:5280/items
# pgbench straight to the container's published port once, to show what DCP's proxy costs.
round="direct"
PGPORT="$container_port" run_pgbench "pgbench SELECT direct" "$work/select.sql"

peak_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$api_pid/status")"
# No response caching: an item written a moment ago is in the very next list.
fresh_id="$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"name":"written last"}' "$api_url/items" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/')"
curl -fsS -D "$work/list-headers.txt" "$api_url/items" | grep -q "$fresh_id" && fresh="yes" || fresh="NO"
cache_headers="$(grep -ci '^cache-control\|^age:\|^etag' "$work/list-headers.txt" || true)"

echo
echo "Every run: ${duration} at ${connections} connections (wrk -t2, pgbench -j 2 -M prepared); $(nproc) cores."
printf '%-26s %-7s %10s %9s %9s %7s\n' run round "req/s" "p50 ms" "p99 ms" non-2xx
awk -F '\t' '{ printf "%-26s %-7s %10.0f %9.2f %9.2f %7s\n", $2, $1, $3, $4, $5, $6 }' "$results"

echo
echo "Medians over $rounds rounds:"
median() { awk -F '\t' -v name="$1" -v col="$2" '$2 == name && $1 ~ /^[0-9]+$/ { print $col }' "$results" \
    | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-22s %10s %9s %9s\n' run "req/s" "p50 ms" "p99 ms"
for name in "api GET /items" "pgbench SELECT" "in-memory GET /items" "api POST /items" "pgbench INSERT"; do
    printf '%-22s %10.0f %9.2f %9.2f\n' "$name" "$(median "$name" 3)" "$(median "$name" 4)" "$(median "$name" 5)"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
echo
echo "Api GET  / pgbench SELECT : $(ratio "$(median "api GET /items" 3)" "$(median "pgbench SELECT" 3)")  (target >= 80%)"
echo "Api GET  / in-memory GET  : $(ratio "$(median "api GET /items" 3)" "$(median "in-memory GET /items" 3)")"
echo "Api POST / pgbench INSERT : $(ratio "$(median "api POST /items" 3)" "$(median "pgbench INSERT" 3)")  (target >= 80%)"
echo "Api peak memory (VmHWM)   : $(( peak_kb / 1024 )) MB  (target <= 150 MB)"
echo "Write then read           : the new item is in the next GET /items: $fresh; caching headers: $cache_headers"
