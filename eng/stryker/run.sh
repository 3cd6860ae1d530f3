#!/usr/bin/env bash
# Mutation testing of the core with Stryker.NET (a local tool: dotnet tool restore), one folder at a time, from the
# repository's root:
#   eng/stryker/run.sh Statistics [OUTPUT]      about 15 min on 2 cores (Scoring about 11, Trends about 30)
# Uses eng/stryker/stryker-config.json (Release, net10.0, the core's unit tests, per-test coverage). It writes
# OUTPUT/reports/mutation-report.{md,json,html} and fails when the folder's score is below the break threshold (85 %).
# CI runs eng/stryker/ci.sh (the files changed since the measured commit) instead; see docs/quality.md.
set -euo pipefail
folder=${1:?give a folder of src/TherapeuticAlliance, such as Statistics}
out=$(realpath -m "${2:-.ci-out/stryker/$folder}")
dotnet tool restore >/dev/null
cd src/TherapeuticAlliance
# The HTML renderings (*.Html.cs) are presentation, tested by the rendering tests, not part of the mutation score.
dotnet stryker -f ../../eng/stryker/stryker-config.json -m "$folder/**/*.cs" -m '!**/*.Html.cs' -O "$out"
