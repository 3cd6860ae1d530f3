#!/usr/bin/env bash
# The mutation-testing gate of .ci/run, from the repository's root:
#   eng/stryker/ci.sh [OUTPUT]
# A full run of Scoring/, Trends/ and Statistics/ takes about an hour on 2 cores, so CI mutates only what changed
# since the full run recorded in docs/quality.md: the files of those folders changed since the commit in
# eng/stryker/measured-at, plus ReliableChangeDetector.cs every time (the file issue 16 measured first), so the gate
# always runs and can always fail. It fails when the score of the mutated files is below 85 % (the configuration's
# break threshold) or when the run does not finish within its budget of 30 minutes (15 until 2026-12-07, when the run of
# ReliableChangeDetector.cs's 119 mutants no longer finished within it on a clean clone); then run eng/stryker/run.sh per
# folder, add tests or mark equivalent mutants, update docs/quality.md and move eng/stryker/measured-at forward.
# Stryker runs in a clone of the committed HEAD, so the checkout's own build outputs are never overwritten by
# mutated assemblies.
set -euo pipefail
out=$(realpath -m "${1:-.ci-out/stryker}")
budget=${TA_STRYKER_BUDGET:-30m}
always=Trends/ReliableChangeDetector.cs
root=$(pwd)
base=$(tr -d '[:space:]' < eng/stryker/measured-at)

files=("$always")
if git cat-file -e "$base^{commit}" 2>/dev/null; then
  while IFS= read -r f; do
    rel=${f#src/TherapeuticAlliance/}
    [ "$rel" = "$always" ] || files+=("$rel")
  done < <(git diff --name-only --diff-filter=AMR "$base" HEAD -- 'src/TherapeuticAlliance/Scoring/*.cs' 'src/TherapeuticAlliance/Trends/*.cs' 'src/TherapeuticAlliance/Statistics/*.cs' | grep -v '\.Html\.cs$')
else
  echo "warning: the measured commit $base is not in this clone's history; mutating $always only"
fi

echo "Mutating ${#files[@]} file(s) changed since $base (budget $budget):"
printf '  %s\n' "${files[@]}"
mutate=()
for f in "${files[@]}"; do
  mutate+=(-m "$f")
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/repo"
cd "$work/repo"
dotnet tool restore >/dev/null
cd src/TherapeuticAlliance
set +e
# The multilevel, service and linkage tests and the mixed expected-response model's are left out: they test no mutated
# folder, and their model fits run far slower under the mutants' instrumentation (the coverage pass of 2026-12-07 did
# not end within the budget with the multilevel tests; with the service partials' tests it took 9 of the 15 minutes;
# with the linkage and mixed-model tests in, the whole step took 13 minutes for 119 mutants).
timeout "$budget" dotnet stryker -f ../../eng/stryker/stryker-config.json "${mutate[@]}" --test-case-filter "FullyQualifiedName!~TherapeuticAlliance.Tests.Multilevel&FullyQualifiedName!~TherapeuticAlliance.Tests.Service&FullyQualifiedName!~TherapeuticAlliance.Tests.Linkage&FullyQualifiedName!~TherapeuticAlliance.Tests.ExpectedResponse.MixedExpectedResponseModelTests" -O "$out" --reporter progress --reporter json --reporter markdown --reporter cleartext
rc=$?
set -e
if [ "$rc" -eq 124 ]; then
  echo "!! mutation testing did not finish within $budget: the change is too large for CI's budget. Run eng/stryker/run.sh per folder, update docs/quality.md and eng/stryker/measured-at."
fi
exit "$rc"
