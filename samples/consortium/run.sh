#!/usr/bin/env bash
# The consortium recipe's CI test (issue 18, part 3), from the repository's root:
#   bash samples/consortium/run.sh [OUTPUT]      about 2 minutes
# Publishes the CLI self-contained, generates a partitioned dataset (6 sites x 40 clients, long layout), runs the
# Dask recipe on a LocalCluster (one 'alliance stats --partial' task per partition, then 'alliance merge'), runs
# 'alliance stats' on the whole dataset in one process, and fails unless the two agree to 1e-9.
# Needs Debian's python3-dask and python3-distributed (installed when missing, as root).
set -euo pipefail
out=$(realpath -m "${1:-samples/consortium/out}")
python=/usr/bin/python3
if ! "$python" -c 'import dask.distributed' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-dask python3-distributed >/dev/null
fi
rm -rf "$out"
mkdir -p "$out"
rid=linux-x64
[ "$(uname -m)" = aarch64 ] && rid=linux-arm64
dotnet publish src/TherapeuticAlliance.Cli -c Release -r "$rid" --self-contained -o "$out/cli" -nologo -v quiet
dotnet run samples/consortium/generate.cs -- "$out/dataset" 6 40
"$python" samples/consortium/dask_recipe.py --cli "$out/cli/alliance" --dataset "$out/dataset" --out "$out/merged.json" --partials "$out/partials" --workers 2
"$out/cli/alliance" stats "$out/dataset" --input-format parquet --json --allow-partial > "$out/single.json"
"$python" samples/consortium/compare.py "$out/single.json" "$out/merged.json"
