#!/usr/bin/env python3
"""The consortium recipe on Dask: run `alliance stats --partial` on every partition of a partitioned Parquet dataset,
one task per partition on a Dask cluster, then merge the partials with `alliance merge`.

Every task runs the CLI as a separate process (built self-contained or native AOT, so a worker needs no .NET), reads
one partition and writes one partial: counts, means and co-moments only (no row, identifier, date or free text).
The merge is exact: the merged statistics equal those of the pooled data up to floating-point rounding.

    python3 dask_recipe.py --cli PATH/alliance --dataset FOLDER --out merged.json [--scheduler tcp://host:8786 --partials SHARED]

Without --scheduler a LocalCluster of --workers processes stands in for a real cluster (as in CI). With a real
cluster, the CLI, the dataset and --partials must be on a file system every worker sees, at the same paths (the
recipe passes absolute paths). Partition by client: an episode split across partitions loses the session-to-session
changes at the split.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

from dask.distributed import Client, LocalCluster


def partial(cli, partition, name, out_dir, minimum_rows):
    """One task: the partial of one partition. Runs on a worker; returns the partial's path (a shared file system)."""
    out = os.path.join(out_dir, name + ".json")
    result = subprocess.run(
        # --allow-partial: a partition's reported problems (left-out administrations) do not fail the task; the notes
        # of the partial say what was withheld, and exit 3 (partial) would otherwise stop the recipe.
        [cli, "stats", partition, "--input-format", "parquet", "--partial", out, "--minimum-rows", str(minimum_rows), "--allow-partial"],
        capture_output=True, text=True)
    if result.returncode != 0:
        # The CLI's messages name files, rows and columns, never a cell: safe to pass on.
        raise RuntimeError(f"alliance stats failed on {partition} (exit {result.returncode}):\n{result.stderr}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="the alliance executable (self-contained or native AOT)")
    parser.add_argument("--dataset", required=True, help="a folder of Parquet partitions (*.parquet at any depth)")
    parser.add_argument("--out", required=True, help="where to write the merged statistics (JSON)")
    parser.add_argument("--partials", help="where to keep the partials, a folder the workers share (default: a temporary folder; required with --scheduler); it should hold no other .json file")
    parser.add_argument("--scheduler", help="a Dask scheduler's address; default: a LocalCluster")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--minimum-rows", type=int, default=10, help="the sites' small-cell threshold (default 10)")
    args = parser.parse_args()

    if args.scheduler and not args.partials:
        sys.exit("--scheduler needs --partials: a folder on a file system the workers and this machine share")
    dataset = os.path.abspath(args.dataset)
    partitions = sorted(glob.glob(os.path.join(dataset, "**", "*.parquet"), recursive=True))
    if not partitions:
        sys.exit(f"no .parquet file under {dataset}")
    # Each partial is named after its partition's whole path under the dataset, so no two partitions share a name.
    names = [os.path.relpath(p, dataset).replace(os.sep, "__") for p in partitions]
    cli = os.path.abspath(args.cli)
    partials_dir = os.path.abspath(args.partials or tempfile.mkdtemp(prefix="alliance-partials-"))
    os.makedirs(partials_dir, exist_ok=True)

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(partial, [cli] * len(partitions), partitions, names, [partials_dir] * len(partitions),
                             [args.minimum_rows] * len(partitions), pure=False)
        paths = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # The folder stands for its partials, so thousands of partitions need no long command line.
    merged = subprocess.run([cli, "merge", partials_dir, "--json"], capture_output=True, text=True)
    if merged.returncode != 0:
        sys.exit(f"alliance merge failed (exit {merged.returncode}):\n{merged.stderr}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(merged.stdout)
    print(f"Merged {len(paths)} partials from {len(partitions)} partitions into {args.out}.")


if __name__ == "__main__":
    main()
