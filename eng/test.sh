#!/usr/bin/env bash
# Runs every test: prepares the machine with Chromium for the browser tests and the image registry
# the share tests push to (eng/setup.sh --browser --registry), then `dotnet test` in Release with TRX results in artifacts/test-results/.
# Extra arguments go to dotnet test (e.g. --filter). Ends with a one-line summary counted from the
# TRX files and exits with dotnet test's status.
set -euo pipefail

cd "$(dirname "$0")/.."

eng/setup.sh --browser --registry
# The stand-in images setup.sh chose, if any; the tests' AppHost reads these variables.
# shellcheck source=/dev/null
source artifacts/workshop-images.env

results_dir=artifacts/test-results
# Results of an earlier run would be counted again.
rm -rf "$results_dir"

solution=AspireWorkshop.sln

# Build with every core, then run the test projects one at a time: each starts AppHosts, Compose
# deployments or a registry, and on a small machine running them all at once only makes every
# bounded wait more likely to run out.
test_status=0
dotnet build "$solution" --configuration Release || test_status=$?
if [[ $test_status -eq 0 ]]; then
    dotnet test "$solution" --configuration Release --no-build -m:1 \
        --logger trx --results-directory "$results_dir" "$@" || test_status=$?
fi

# Each test project writes one TRX file whose <Counters .../> element holds its totals.
# A sum over attributes picked out by name, so their order in the element does not matter.
count_outcome() {
    local attribute=$1 file total=0 value
    while IFS= read -r -d '' file; do
        value="$(grep -o "<Counters [^>]*" "$file" | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
        total=$((total + ${value:-0}))
    done < <(find "$results_dir" -name '*.trx' -print0 2>/dev/null)
    echo "$total"
}

passed="$(count_outcome passed)"
failed="$(count_outcome failed)"
# TRX has no skipped counter, and skipped tests are not counted as notExecuted either: they are
# the ones in the total that never executed.
skipped=$(($(count_outcome total) - $(count_outcome executed)))
echo "Tests: $passed passed, $failed failed, $skipped skipped"

exit "$test_status"
