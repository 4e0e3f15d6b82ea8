#!/usr/bin/env bash
# Shares the workshop's images, as step "Share the application" of Docker's getting-started
# workshop does: builds the Api and Web images from their Dockerfiles, tags them for a registry and
# pushes them. The Compose exporter's `--no-build` then writes a compose.yaml that pulls these images,
# so another machine needs only compose.yaml, .env and access to the registry; the command to run is
# printed at the end.
#
# Image names: [REGISTRY/]PREFIXSERVICE:TAG, e.g. 127.0.0.1:5000/aspireworkshop/api:1a2b3c4, or
# alice/aspireworkshop-api:1a2b3c4 on Docker Hub (--prefix alice/aspireworkshop-, no --registry).
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: eng/share.sh [--registry HOST[:PORT]] [--prefix PREFIX] [--tag TAG] [--push-timeout SECONDS]

  --registry HOST[:PORT]    registry to push to (default: none, i.e. Docker Hub's user/name:tag)
  --prefix PREFIX           put before the service name (default: aspireworkshop/); for Docker Hub
                            give your account, e.g. alice/aspireworkshop-
  --tag TAG                 image tag (default: the commit, git rev-parse --short HEAD, plus -dirty
                            when the work tree has changes)
  --push-timeout SECONDS    give up on a push after this long (default: 600)

Log in first where the registry asks for it (docker login HOST). The Dockerfiles build FROM
$DOTNET_SDK_IMAGE and $ASPNET_IMAGE when set, as in artifacts/workshop-images.env (eng/setup.sh).
USAGE
}

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root"

registry=""
prefix="aspireworkshop/"
tag=""
push_timeout_seconds=600

fail() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

while (($# > 0)); do
    case "$1" in
        --registry | --prefix | --tag | --push-timeout)
            if (($# < 2)); then
                usage >&2
                exit 2
            fi
            case "$1" in
                --registry) registry=${2%/} ;;
                --prefix) prefix=$2 ;;
                --tag) tag=$2 ;;
                --push-timeout) push_timeout_seconds=$2 ;;
            esac
            shift 2
            ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

if [[ -z "$tag" ]]; then
    tag="$(git rev-parse --short HEAD)"
    # Untracked files count too: the build context may pick them up.
    if [[ -n "$(git status --porcelain)" ]]; then
        tag+="-dirty"
    fi
fi
if [[ ! "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]]; then
    fail "'$tag' is not a valid image tag (letters, digits, _ . -; at most 128)"
fi
if [[ ! "$push_timeout_seconds" =~ ^[1-9][0-9]*$ ]]; then
    fail "--push-timeout needs a number of seconds"
fi

images_env_file="$repo_root/artifacts/workshop-images.env"
if [[ -f "$images_env_file" ]]; then
    # shellcheck source=/dev/null
    source "$images_env_file"
fi

image_prefix="${registry:+$registry/}$prefix"
build_args=()
for variable in DOTNET_SDK_IMAGE ASPNET_IMAGE; do
    if [[ -n "${!variable:-}" ]]; then
        build_args+=(--build-arg "$variable=${!variable}")
    fi
done

# The Compose service each image runs as, and the Dockerfile it is built from (repo-root context).
services=(api web)
declare -A dockerfiles=([api]=Api/Dockerfile [web]=Web/Dockerfile)

build_log="$(mktemp)"
push_log="$(mktemp)"
trap 'rm -f "$build_log" "$push_log"' EXIT

for service in "${services[@]}"; do
    image="$image_prefix$service:$tag"
    printf '==> building %s from %s\n' "$image" "${dockerfiles[$service]}"
    # The classic builder takes FROM images from the engine's own store, where local stand-ins live.
    if ! DOCKER_BUILDKIT=0 docker build "${build_args[@]}" --file "${dockerfiles[$service]}" --tag "$image" . \
        >"$build_log" 2>&1; then
        tail -n 30 "$build_log" >&2
        fail "building $image from ${dockerfiles[$service]} failed"
    fi
    grep -E '^Successfully built' "$build_log" || true
done

for service in "${services[@]}"; do
    image="$image_prefix$service:$tag"
    printf '==> pushing %s\n' "$image"
    status=0
    timeout "$push_timeout_seconds" docker push "$image" >"$push_log" 2>&1 || status=$?
    if ((status == 124)); then
        fail "pushing $image did not finish within ${push_timeout_seconds}s: is ${registry:-Docker Hub} reachable?"
    elif ((status != 0)); then
        fail "pushing $image to ${registry:-Docker Hub} failed: $(tail -n 1 "$push_log")
       Is the registry running and reachable, and are you logged in where it asks (docker login)?"
    fi
    tail -n 1 "$push_log"
done

cat <<DONE
==> shared: ${services[*]} as $image_prefix<service>:$tag
To run them elsewhere, export a Compose file that pulls these images instead of building them:
  dotnet run --project ComposeExport -- export --apphost AppHost/AspireWorkshop.AppHost.csproj \\
      --output deploy --image-prefix $image_prefix --tag $tag --no-build
then copy deploy/compose.yaml and deploy/.env to that machine and run: docker compose up -d
DONE
