#!/usr/bin/env bash
# Runs every analysis script in samples/analyses (file-based apps) and fails when one fails: each checks its key
# numbers against R or the published example and exits with 1 when one differs. From the repository's root:
#   bash samples/analyses/run-all.sh [OUTPUT]     about 2 minutes (each script builds once)
set -uo pipefail
out=$(realpath -m "${1:-samples/analyses/out}")
status=0
for script in reliability agreement reliable-change sudden-gains ruptures multilevel linkage service-truth; do
  echo "==> $script"
  extra=()
  [ "$script" = service-truth ] && extra=(--replicates 20)   # the committed report (benchmarks/results/service-truth.md) has 100
  if ! dotnet run "samples/analyses/$script.cs" -- "$out/$script" "${extra[@]}"; then
    echo "!! $script failed"
    status=1
  fi
done
exit $status
