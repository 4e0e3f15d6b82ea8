#!/usr/bin/env bash
# Entrypoint of the Postgres stand-in. It honours the official postgres image's contract:
#   POSTGRES_PASSWORD          superuser password; required unless POSTGRES_HOST_AUTH_METHOD=trust
#   POSTGRES_USER              superuser name (default postgres)
#   POSTGRES_DB                database created on first start (default: the superuser's name)
#   POSTGRES_INITDB_ARGS       extra initdb arguments, split on whitespace
#   POSTGRES_HOST_AUTH_METHOD  pg_hba method for connections from other hosts (default scram-sha-256)
#   /docker-entrypoint-initdb.d/*.sh, *.sql, *.sql.gz   run once, in name order, on first start
# Any command other than the server (`docker run image sh -c ...`) runs as given.
set -Eeuo pipefail

if [[ "${1:-}" == -* ]]; then
    set -- postgres "$@"
fi
if [[ "${1:-}" != postgres ]]; then
    exec "$@"
fi

# Root only prepares directories a freshly mounted volume leaves owned by root, then the server
# runs as postgres, which Postgres insists on anyway.
if [[ "$(id -u)" == 0 ]]; then
    mkdir -p "$PGDATA"
    find "$PGDATA" ! -user postgres -exec chown postgres:postgres {} +
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups \
        env HOME=/var/lib/postgresql "${BASH_SOURCE[0]}" "$@"
fi

superuser="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$superuser}"
host_auth_method="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

# Same session options as the official image's scripts: stop at the first error, ignore ~/.psqlrc.
run_psql() {
    psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$superuser" "$@"
}

initialize_cluster() {
    if [[ -z "${POSTGRES_PASSWORD:-}" && "$host_auth_method" != trust ]]; then
        cat >&2 <<'MESSAGE'
error: the database is uninitialized and POSTGRES_PASSWORD is not set.
       Set POSTGRES_PASSWORD (e.g. docker run -e POSTGRES_PASSWORD=...) or, only for local
       experiments, POSTGRES_HOST_AUTH_METHOD=trust to allow connections without a password.
MESSAGE
        exit 1
    fi

    local initdb_args
    read -r -a initdb_args <<<"${POSTGRES_INITDB_ARGS:-}"
    initdb_args+=(--username="$superuser")

    # initdb reads the password from a pipe, so it never appears in a command line, in the
    # process list or in SQL text, whatever characters it contains.
    if [[ -n "${POSTGRES_PASSWORD:-}" ]]; then
        initdb "${initdb_args[@]}" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD")
    else
        initdb "${initdb_args[@]}"
    fi

    # Inside the container, the socket and loopback stay trusted (initdb's default), as upstream;
    # every other host must authenticate with the chosen method.
    printf '\nhost all all all %s\n' "$host_auth_method" >>"$PGDATA/pg_hba.conf"
    printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
    if [[ "$host_auth_method" == md5 ]]; then
        printf 'password_encryption = md5\n' >>"$PGDATA/postgresql.conf"
    fi

    # Until initialisation ends the server listens on its Unix socket only, so that a client
    # waiting for TCP port 5432 cannot connect to a half-initialised database.
    pg_ctl --pgdata="$PGDATA" --wait --silent --options="-c listen_addresses=''" start
    # POSTGRES_INITDB_ARGS may demand a password on the socket too (Aspire passes
    # --auth-local=scram-sha-256): psql here and in init scripts then takes it from the environment.
    export PGPASSWORD="${PGPASSWORD:-${POSTGRES_PASSWORD:-}}"

    # The name travels as a psql variable, quoted by psql itself (:'name' and %I), never spliced
    # into SQL by the shell.
    run_psql --dbname postgres --set database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'database')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')
\gexec
SQL

    run_init_scripts

    pg_ctl --pgdata="$PGDATA" --wait --silent --mode=fast stop
    unset PGPASSWORD
    echo "PostgreSQL init process complete; ready for start up."
}

run_init_scripts() {
    local script
    shopt -s nullglob
    for script in /docker-entrypoint-initdb.d/*; do
        case "$script" in
            *.sh)
                # Executable scripts run on their own; others are sourced, as upstream does.
                echo "running $script"
                if [[ -x "$script" ]]; then
                    "$script"
                else
                    # shellcheck source=/dev/null
                    source "$script"
                fi
                ;;
            *.sql)
                echo "running $script"
                run_psql --dbname "$database" --file "$script"
                ;;
            *.sql.gz)
                echo "running $script"
                gzip --decompress --stdout "$script" | run_psql --dbname "$database"
                ;;
            *)
                echo "ignoring $script"
                ;;
        esac
    done
    shopt -u nullglob
}

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    # Init scripts see the same variables as under the official image.
    export POSTGRES_USER="$superuser" POSTGRES_DB="$database"
    initialize_cluster
fi

exec "$@"
