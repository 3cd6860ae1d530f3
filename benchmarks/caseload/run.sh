#!/usr/bin/env bash
# The caseload's trends side by side with numpy, in one run (issue 18, part 5), from the repository's root:
#   bash benchmarks/caseload/run.sh [EPISODES] [SESSIONS] [REPS]     defaults 100000 30 7; about 1 minute
# numpy_trends.py generates the scores (float64) and times its vectorised computation; caseload.cs times
# CaseloadTrends.Scan on the same bytes, measures its allocation, checks both give the same results and writes
# benchmarks/results/caseload.md. Needs Debian's python3-numpy (installed when missing, as root).
set -euo pipefail
episodes=${1:-100000}
sessions=${2:-30}
reps=${3:-7}
py=/usr/bin/python3
if ! "$py" -c 'import numpy' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" benchmarks/caseload/numpy_trends.py generate "$work/scores.f64" "$episodes" "$sessions"
dotnet build-server shutdown >/dev/null 2>&1 || true
dotnet build -c Release benchmarks/caseload/caseload.cs -nologo -v quiet >/dev/null 2>&1 || true
"$py" benchmarks/caseload/numpy_trends.py time "$work/scores.f64" "$episodes" "$sessions" "$reps" > "$work/numpy.json"
dotnet run -c Release benchmarks/caseload/caseload.cs -- "$work/scores.f64" "$episodes" "$sessions" "$reps" "$work/numpy.json"
