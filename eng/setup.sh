#!/usr/bin/env bash
# Makes a machine ready to run and test the workshop, from bare Debian if need be: a Docker engine,
# a Compose CLI, Chromium and an image registry when asked, and the container images the app needs. An upstream image is
# used when it is present or can be pulled; where no image registry answers, an honestly named local
# stand-in is built once from Debian packages instead (see eng/images/).
#
# Records the stand-ins in use in artifacts/workshop-images.env as `export` lines, which eng/run.sh
# and eng/test.sh source; the file is empty when every upstream image is available.
# Safe to run again: what is already in place is only checked, which takes seconds.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: eng/setup.sh [--browser] [--registry]

  --browser   also install Chromium, which the browser tests drive
  --registry  also install Debian's docker-registry, which the share tests push to
USAGE
}

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
images_dir="$repo_root/eng/images"
artifacts_dir="$repo_root/artifacts"
logs_dir="$artifacts_dir/setup-logs"
images_env_file="$artifacts_dir/workshop-images.env"

dockerd_log=/var/log/dockerd.log
# Debian's bundle of every CA the host trusts; the SDK stand-in trusts the same for NuGet restores.
host_ca_bundle=/etc/ssl/certs/ca-certificates.crt
base_image=localhost/aspireworkshop/debian:bookworm
# Stand-ins carry a hash of what they were built from; equal hashes mean nothing needs rebuilding.
inputs_label=org.aspireworkshop.inputs

# How long a registry gets to start answering a pull. Here one either refuses at once or hangs, so
# this bounds the hang; a registry that does answer may then take minutes to deliver the image.
registry_answer_seconds=20
pull_limit_seconds=1800
dockerd_start_seconds=60

install_browser=false
install_registry=false
for argument in "$@"; do
    case "$argument" in
        --browser) install_browser=true ;;
        --registry) install_registry=true ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

# ---------------------------------------------------------------------------------------------
# Output and helpers
# ---------------------------------------------------------------------------------------------

fail() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

note() {
    printf '      %s\n' "$*"
}

is_root() {
    [[ "$(id -u)" == 0 ]]
}

step_number=0
step_count=7
if [[ $install_browser == true ]]; then
    step_count=$((step_count + 1))
fi
if [[ $install_registry == true ]]; then
    step_count=$((step_count + 1))
fi

# Runs one named step of the set-up and says how long it took.
step() {
    local title=$1 started=$SECONDS
    shift
    step_number=$((step_number + 1))
    printf '==> [%d/%d] %s\n' "$step_number" "$step_count" "$title"
    "$@"
    printf '      done in %ds\n' $((SECONDS - started))
}

# Runs a long command with its output in a log file. A heartbeat every 15 s shows the first run's
# minutes of downloading and building progressing; on failure the end of the log is shown.
run_logged() {
    local description=$1 log_file=$2 started=$SECONDS
    shift 2
    note "$description (log: ${log_file#"$repo_root"/})"

    # Installing docker.io may start a daemon, which must not inherit the set-up lock.
    "$@" >"$log_file" 2>&1 {setup_lock}>&- &
    local pid=$! next_heartbeat=$((SECONDS + 15)) status=0
    while kill -0 "$pid" 2>/dev/null; do
        sleep 1
        if ((SECONDS >= next_heartbeat)); then
            note "  ${description}: $((SECONDS - started))s, $(tail -n 1 "$log_file" | tr -d '\r' | cut -c 1-90)"
            next_heartbeat=$((SECONDS + 15))
        fi
    done
    wait "$pid" || status=$?

    if ((status != 0)); then
        tail -n 40 "$log_file" >&2
        fail "$description failed (exit $status); full log: $log_file"
    fi
    note "  ${description}: finished in $((SECONDS - started))s"
}

apt_updated=false

# Installs Debian packages, which needs root: a CI machine or a fresh VM runs this as root.
apt_install() {
    if ! is_root; then
        fail "Debian packages missing: $*. Install them (sudo apt-get install $*) or run this script as root."
    fi
    if [[ $apt_updated == false ]]; then
        run_logged "apt-get update" "$logs_dir/apt-get-update.log" apt-get update
        apt_updated=true
    fi
    run_logged "apt-get install $*" "$logs_dir/apt-get-install-$1.log" \
        env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# ---------------------------------------------------------------------------------------------
# Docker engine and Compose
# ---------------------------------------------------------------------------------------------

ensure_engine() {
    local engine_answer=""
    if command -v docker >/dev/null && engine_answer="$(docker info --format '{{.ServerVersion}}' 2>&1)"; then
        note "Docker Engine $engine_answer is running"
        return
    fi

    if ! is_root; then
        # docker's own message spans lines and starts blank; it reads better as one line.
        engine_answer="$(tr -s '[:space:]' ' ' <<<"$engine_answer" | sed 's/^ *//; s/ *$//')"
        fail "no Docker engine answers${engine_answer:+:
       $engine_answer}
       Start Docker Desktop, or start the daemon (e.g. 'sudo systemctl start docker'); if it runs
       but refuses you, add yourself to the docker group. Run as root, this script installs
       Debian's docker.io and starts dockerd itself."
    fi

    if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
        apt_install docker.io
        # Where an init system is active, installing the package may have started the daemon.
        if docker info >/dev/null 2>&1; then
            note "Docker Engine $(docker info --format '{{.ServerVersion}}') is running"
            return
        fi
    fi
    start_dockerd
}

# Starts dockerd in a session of its own, so it outlives this script and a Ctrl-C in eng/run.sh:
# other shells and the tests keep using it.
start_dockerd() {
    note "starting dockerd (log: $dockerd_log)"
    setsid dockerd >>"$dockerd_log" 2>&1 </dev/null {setup_lock}>&- &
    local dockerd_pid=$! deadline=$((SECONDS + dockerd_start_seconds))

    until docker info >/dev/null 2>&1; do
        if ! kill -0 "$dockerd_pid" 2>/dev/null; then
            tail -n 20 "$dockerd_log" >&2
            fail "dockerd stopped while starting; see $dockerd_log"
        fi
        if ((SECONDS >= deadline)); then
            tail -n 20 "$dockerd_log" >&2
            fail "dockerd did not answer within ${dockerd_start_seconds}s; see $dockerd_log"
        fi
        sleep 1
    done
    note "Docker Engine $(docker info --format '{{.ServerVersion}}') is running (pid $dockerd_pid)"
}

# eng/compose.sh runs whichever Compose CLI this finds or installs.
ensure_compose() {
    if docker compose version >/dev/null 2>&1; then
        note "$(docker compose version)"
        return
    fi
    if ! command -v docker-compose >/dev/null; then
        apt_install docker-compose
    fi
    note "$(docker-compose --version)"
}

ensure_chromium() {
    if ! command -v chromium >/dev/null; then
        apt_install chromium
    fi
    note "$(chromium --version 2>/dev/null || echo "chromium at $(command -v chromium)")"
}

# Only installed: the share tests start their own registry on a loopback port with a throw-away
# config, since the package's config asks for htpasswd logins.
ensure_registry() {
    if ! command -v docker-registry >/dev/null; then
        apt_install docker-registry
    fi
    note "$(docker-registry --version 2>/dev/null || echo "docker-registry at $(command -v docker-registry)")"
}

# ---------------------------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------------------------

# The `export` lines for artifacts/workshop-images.env: one per stand-in in use.
images_env_lines=()
# Registries that did not answer in this run, so that a hanging one costs its wait only once.
silent_registries=" "
# The image the last use_image settled on, upstream or stand-in: later stand-ins build on it.
chosen_image=""

image_label() {
    docker image inspect --format "{{ index .Config.Labels \"$inputs_label\" }}" "$1" 2>/dev/null || true
}

registry_of() {
    local image=$1
    case "${image%%/*}" in
        *.* | *:* | localhost) echo "${image%%/*}" ;;
        *) echo docker.io ;;
    esac
}

# Pulls an image if its registry starts answering within registry_answer_seconds. A pull prints
# "Pulling from" once the registry has answered with the manifest; only then is it given longer.
pull_upstream() {
    local image=$1 registry pull_log
    registry="$(registry_of "$image")"
    if [[ "$silent_registries" == *" $registry "* ]]; then
        note "cannot pull $image: $registry did not answer earlier in this run"
        return 1
    fi

    pull_log="$(mktemp)"
    timeout "$pull_limit_seconds" docker pull "$image" >"$pull_log" 2>&1 &
    local pull_pid=$! deadline=$((SECONDS + registry_answer_seconds)) status=0
    local failure="no answer from $registry within ${registry_answer_seconds}s"
    while kill -0 "$pull_pid" 2>/dev/null && ! grep -q 'Pulling from' "$pull_log"; do
        if ((SECONDS >= deadline)); then
            kill "$pull_pid" 2>/dev/null || true
            break
        fi
        sleep 1
    done
    wait "$pull_pid" || status=$?

    if ((status != 0)); then
        if [[ -s "$pull_log" ]]; then
            failure="$(tail -n 1 "$pull_log" | cut -c 1-120)"
        fi
        note "cannot pull $image: $failure"
        silent_registries+="$registry "
    fi
    rm -f "$pull_log"
    return "$status"
}

# Uses the upstream image when present or pullable, otherwise builds (or reuses) the stand-in and
# records it for the env file.
use_image() {
    local upstream=$1 standin=$2 env_key=$3
    shift 3

    chosen_image=$upstream
    if docker image inspect "$upstream" >/dev/null 2>&1; then
        note "using $upstream (present)"
        return
    fi
    if pull_upstream "$upstream"; then
        note "using $upstream (pulled)"
        return
    fi

    note "using the stand-in $standin"
    "$@" "$standin"
    chosen_image=$standin
    images_env_lines+=("export $env_key=$standin")
}

# Prints the first URI the host's apt sources use for a suite, from deb822 (*.sources) and one-line
# (*.list) files alike. Reading it at run time keeps the stand-ins on whatever mirror the host uses.
host_apt_uri() {
    local suite=$1 file
    local deb822_files=() one_line_files=()
    for file in /etc/apt/sources.list.d/*.sources; do
        if [[ -f "$file" ]]; then
            deb822_files+=("$file")
        fi
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        if [[ -f "$file" ]]; then
            one_line_files+=("$file")
        fi
    done

    {
        if ((${#deb822_files[@]} > 0)); then
            awk -v suite="$suite" '
                BEGIN { RS = ""; FS = "\n" }
                {
                    types = uris = suites = ""
                    for (i = 1; i <= NF; i++) {
                        if ($i ~ /^Types:/) types = $i " "
                        else if ($i ~ /^URIs:/) uris = $i
                        else if ($i ~ /^Suites:/) suites = $i " "
                    }
                    if (types ~ /[ \t]deb[ \t]/ && suites ~ ("[ \t]" suite "[ \t]")) {
                        split(uris, fields, /[ \t]+/)
                        print fields[2]
                    }
                }' "${deb822_files[@]}"
        fi
        if ((${#one_line_files[@]} > 0)); then
            awk -v suite="$suite" '
                $1 == "deb" {
                    i = 2
                    if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
                    if ($(i + 1) == suite) print $i
                }' "${one_line_files[@]}"
        fi
    } | head -n 1
}

base_image_checked=false

# The Debian base every stand-in starts from: debootstrap's minimal bookworm from the host's own
# mirror, imported as an image. Rebuilt only when the mirror or the host's apt settings change.
ensure_base_image() {
    if [[ $base_image_checked == true ]]; then
        return
    fi

    local mirror updates_mirror security_mirror apt_trust fingerprint
    mirror="$(host_apt_uri bookworm)"
    if [[ -z "$mirror" ]]; then
        fail "no image registry answers and the host's apt sources name no Debian bookworm mirror to
       build stand-in images from. Make the upstream images available (docker pull or docker load)."
    fi
    updates_mirror="$(host_apt_uri bookworm-updates)"
    security_mirror="$(host_apt_uri bookworm-security)"
    # A mirror serving a dated snapshot has expired Release files, which the host's apt is told to
    # accept; apt inside the image must be told the same.
    apt_trust="$(apt-config dump | grep -E '^Acquire::Check-(Valid-Until|Date) ' || true)"
    fingerprint="$(printf '%s\n' minbase bookworm "$mirror" "$updates_mirror" "$security_mirror" "$apt_trust" |
        sha256sum | cut -d ' ' -f 1)"

    if [[ "$(image_label "$base_image")" == "$fingerprint" ]]; then
        note "$base_image is up to date"
    else
        # Without Debian's keyring debootstrap could not check the mirror's signatures.
        if ! command -v debootstrap >/dev/null; then
            apt_install debootstrap debian-archive-keyring
        fi
        run_logged "building $base_image with debootstrap" "$logs_dir/debian-base.log" \
            build_base_image "$mirror" "$updates_mirror" "$security_mirror" "$apt_trust" "$fingerprint"
    fi
    base_image_checked=true
}

# Runs in run_logged's background subshell, so its EXIT trap cleans up only this build.
build_base_image() {
    local mirror=$1 updates_mirror=$2 security_mirror=$3 apt_trust=$4 fingerprint=$5 rootfs
    rootfs="$(mktemp -d "${TMPDIR:-/var/tmp}/aspireworkshop-rootfs.XXXXXX")"
    # --one-file-system: never reach into anything debootstrap may have left mounted inside.
    trap 'rm -rf --one-file-system "$rootfs"' EXIT

    debootstrap --variant=minbase bookworm "$rootfs" "$mirror"

    {
        echo "deb $mirror bookworm main"
        if [[ -n "$updates_mirror" ]]; then
            echo "deb $updates_mirror bookworm-updates main"
        fi
        if [[ -n "$security_mirror" ]]; then
            echo "deb $security_mirror bookworm-security main"
        fi
    } >"$rootfs/etc/apt/sources.list"
    if [[ -n "$apt_trust" ]]; then
        printf '%s\n' "$apt_trust" >"$rootfs/etc/apt/apt.conf.d/90host-mirror"
    fi
    # Docker provides these per container; the host's copies do not belong in an image.
    rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

    # PATH is set explicitly: an imported image has no environment, and the Dockerfiles extend it.
    tar --one-file-system --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
        -C "$rootfs" -c . |
        docker import \
            --change "LABEL $inputs_label=$fingerprint" \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["bash"]' \
            - "$base_image"
}

# Builds a stand-in from eng/images/<name>/ unless one built from the same inputs exists.
# The context comes from a function that writes a tar stream holding the Dockerfile; extra_inputs
# names whatever else goes into the image (the host's .NET versions, say). It builds FROM the Debian
# base image unless from_image names another.
build_standin() {
    local name=$1 extra_inputs=$2 write_context=$3 tag=$4 from_image=${5:-$base_image} fingerprint
    ensure_base_image

    fingerprint="$(
        {
            docker image inspect --format '{{.Id}}' "$from_image"
            printf '%s\n' "$extra_inputs"
            cd "$images_dir/$name" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
        } | sha256sum | cut -d ' ' -f 1
    )"
    if [[ "$(image_label "$tag")" == "$fingerprint" ]]; then
        note "$tag is up to date"
        return
    fi

    local previous_id
    previous_id="$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)"
    run_logged "building $tag" "$logs_dir/$name.log" \
        build_from_context "$write_context" "$tag" "$fingerprint" "$from_image"

    # The image this one replaces is now untagged; it holds hundreds of megabytes. One still used
    # by a container stays.
    if [[ -n "$previous_id" ]]; then
        docker image rm "$previous_id" >/dev/null 2>&1 || true
    fi
}

# The classic builder always takes FROM images from the engine's own store, where the local-only
# base image lives; BuildKit with a container driver would try to pull it. The Dockerfiles need
# nothing BuildKit adds, and Debian's Engine 20.10 ships without buildx.
build_from_context() {
    local write_context=$1 tag=$2 fingerprint=$3 from_image=$4
    "$write_context" |
        DOCKER_BUILDKIT=0 docker build \
            --build-arg BASE_IMAGE="$from_image" \
            --label "$inputs_label=$fingerprint" \
            --tag "$tag" \
            --file Dockerfile \
            -
}

host_dotnet_root() {
    if [[ -n "${DOTNET_ROOT:-}" ]]; then
        echo "$DOTNET_ROOT"
    elif command -v dotnet >/dev/null; then
        dirname "$(readlink -f "$(command -v dotnet)")"
    else
        fail "the .NET SDK is not installed: the .NET stand-ins copy the host's installation"
    fi
}

# What the .NET stand-ins copy, by version; a new SDK or runtime on the host changes the list.
host_dotnet_versions() {
    (cd "$dotnet_root" && ls -d sdk/* shared/*/* host/fxr/*)
}

postgres_context() {
    tar -C "$images_dir/postgres" -c .
}

# The whole host installation lands under dotnet/ beside the Dockerfile and the host's CA bundle.
dotnet_sdk_context() {
    tar -c -C "$dotnet_root" --transform 's,^\./,dotnet/,S' . \
        -C "$images_dir/dotnet-sdk" Dockerfile \
        -C "$(dirname "$host_ca_bundle")" "$(basename "$host_ca_bundle")"
}

# Only the muxer and the runtimes: no SDK, like the official runtime image.
aspnet_context() {
    tar -c -C "$dotnet_root" --transform 's,^\./,dotnet/,S' ./dotnet ./host ./shared \
        -C "$images_dir/aspnet" Dockerfile
}

# The dashboard the AppHost runs comes in a NuGet package, unpacked under tools/ in the package
# folder. Restoring the AppHost brings the package on a fresh machine. Files go in world-readable:
# the dashboard runs as the image's non-root user, and a chmod layer would copy 90 MB again.
dashboard_context() {
    tar -c --mode='a+rX' -C "$dashboard_tools" --transform 's,^\./,dashboard/,S' . \
        -C "$images_dir/aspire-dashboard" Dockerfile
}

build_dashboard_standin() {
    local aspire_version packages
    aspire_version="$(sed -n 's:.*<AspireVersion>\(.*\)</AspireVersion>.*:\1:p' "$repo_root/Directory.Packages.props")"
    packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
    dashboard_tools="$packages/aspire.dashboard.sdk.linux-x64/$aspire_version/tools"
    if [[ ! -x "$dashboard_tools/Aspire.Dashboard" ]]; then
        run_logged "restoring the AppHost for the dashboard package" "$logs_dir/apphost-restore.log" \
            dotnet restore "$repo_root/AppHost/AspireWorkshop.AppHost.csproj"
    fi
    if [[ ! -x "$dashboard_tools/Aspire.Dashboard" ]]; then
        fail "restoring the AppHost did not bring $dashboard_tools/Aspire.Dashboard"
    fi
    build_standin aspire-dashboard "$aspire_version" dashboard_context "$1" "$aspnet_image"
}

build_postgres_standin() {
    build_standin postgres "" postgres_context "$1"
}

build_dotnet_sdk_standin() {
    dotnet_root="$(host_dotnet_root)"
    if [[ ! -f "$host_ca_bundle" ]]; then
        fail "$host_ca_bundle is missing: install ca-certificates (apt-get install ca-certificates)"
    fi
    build_standin dotnet-sdk "$(host_dotnet_versions; sha256sum "$host_ca_bundle")" dotnet_sdk_context "$1"
}

build_aspnet_standin() {
    dotnet_root="$(host_dotnet_root)"
    build_standin aspnet "$(host_dotnet_versions)" aspnet_context "$1"
}

# Written whole on every run, so that a stand-in chosen earlier never lingers once upstream
# images are available.
write_images_env() {
    local line
    {
        for line in "${images_env_lines[@]}"; do
            printf '%s\n' "$line"
        done
    } >"$images_env_file.tmp"
    mv "$images_env_file.tmp" "$images_env_file"

    if ((${#images_env_lines[@]} == 0)); then
        note "${images_env_file#"$repo_root"/}: empty, every upstream image is available"
    else
        note "${images_env_file#"$repo_root"/}:"
        for line in "${images_env_lines[@]}"; do
            note "  $line"
        done
    fi
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

mkdir -p "$artifacts_dir" "$logs_dir"

# eng/run.sh and eng/test.sh may start together; one set-up at a time keeps them from starting
# two daemons or building the same image twice. Long-lived processes started from here close this
# descriptor, or they would hold the lock after the set-up ends.
exec {setup_lock}>"$artifacts_dir/setup.lock"
if command -v flock >/dev/null; then
    if ! flock --nonblock "$setup_lock"; then
        note "another eng/setup.sh is running; waiting for it to finish"
        flock "$setup_lock"
    fi
fi

setup_started=$SECONDS

step "Docker engine" ensure_engine
step "Compose CLI" ensure_compose
if [[ $install_browser == true ]]; then
    step "Chromium for the browser tests" ensure_chromium
fi
if [[ $install_registry == true ]]; then
    step "Image registry for the share tests" ensure_registry
fi
# Aspire's own default for AddPostgres (Aspire.Hosting.PostgreSQL 13), which the AppHost uses
# unless WorkshopImages__Postgres names another image.
step "Postgres image" use_image docker.io/library/postgres:18.3 \
    localhost/aspireworkshop/postgres:15-standin WorkshopImages__Postgres build_postgres_standin
# The Api and Web Dockerfiles build FROM these, through their DOTNET_SDK_IMAGE and ASPNET_IMAGE args.
step ".NET SDK image" use_image mcr.microsoft.com/dotnet/sdk:10.0 \
    localhost/aspireworkshop/dotnet-sdk:10.0-standin DOTNET_SDK_IMAGE build_dotnet_sdk_standin
step "ASP.NET runtime image" use_image mcr.microsoft.com/dotnet/aspnet:10.0 \
    localhost/aspireworkshop/aspnet:10.0-standin ASPNET_IMAGE build_aspnet_standin
aspnet_image=$chosen_image
# `export --dashboard` writes `${ASPIRE_DASHBOARD_IMAGE:-upstream}` into compose.yaml; the stand-in
# runs the same dashboard build the AppHost runs, on the ASP.NET image chosen above.
step "Aspire dashboard image" use_image mcr.microsoft.com/dotnet/aspire-dashboard:13.6 \
    localhost/aspireworkshop/aspire-dashboard:13.6.5-standin ASPIRE_DASHBOARD_IMAGE build_dashboard_standin
step "Image choices" write_images_env

printf '==> set-up complete in %ds\n' $((SECONDS - setup_started))
