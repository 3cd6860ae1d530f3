#!/usr/bin/env bash
# Side by side, in one run on one machine: R (psych::alpha, psych::ICC, rowSums), numpy and the library, on one
# generated dataset. Checks that all three produce the same numbers, then prints medians and ratios.
# Usage: benchmarks/compare/run.sh [rows] [icc-rows]   (defaults 100000 and 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
icc_rows=${2:-2000}
reps=5
# Debian's numpy belongs to Debian's python3, which another python3 earlier on PATH can shadow.
py=/usr/bin/python3
[ -x "$py" ] || py=python3

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(psych)' >/dev/null 2>&1 || ! "$py" -c 'import numpy' >/dev/null 2>&1; then
  echo "Installing R, psych and numpy (Debian packages)..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-psych python3-numpy >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One dataset: WAI-SR-shaped responses (1-5, a common trait per row) and a ratings matrix of 4 raters.
"$py" - "$rows" "$icc_rows" "$work" <<'PY'
import sys, numpy as np
rows, icc_rows, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(20261125)
trait = rng.normal(0, 0.8, size=(rows, 1))
x = np.clip(np.rint(3.6 + trait + rng.normal(0, 0.7, size=(rows, 12))), 1, 5)
np.savetxt(f"{work}/responses.csv", x, fmt="%d", delimiter=",", header=",".join(f"item{i}" for i in range(1, 13)), comments="")
target = rng.normal(50, 8, size=(icc_rows, 1))
y = np.round(target + rng.normal(0, 4, size=(icc_rows, 4)) + np.array([0, 1.5, -1, 0.5]), 1)
np.savetxt(f"{work}/icc.csv", y, fmt="%.1f", delimiter=",", header="r1,r2,r3,r4", comments="")
PY

echo "R..." >&2
Rscript - "$work" "$reps" > "$work/r.txt" <<'R'
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE); work <- args[1]; reps <- as.integer(args[2])
x <- as.matrix(read.csv(file.path(work, "responses.csv"))); y <- as.matrix(read.csv(file.path(work, "icc.csv")))
med <- function(f) { f(); median(sapply(seq_len(reps), function(i) system.time(f())[["elapsed"]] * 1000)) }
total <- NULL; a <- NULL; icc <- NULL
s <- med(function() total <<- sum(rowSums(x)))
al <- med(function() a <<- psych::alpha(x, warnings = FALSE)$total$raw_alpha)
ic <- med(function() icc <<- psych::ICC(y, lmer = FALSE)$results)
cat(sprintf("scoring_ms %.17g\nalpha_ms %.17g\nicc_ms %.17g\ntotal_sum %.17g\nalpha %.17g\nicc3k %.17g\nicc2 %.17g\n",
  s, al, ic, total, a, icc$ICC[6], icc$ICC[2]))
R

echo "numpy..." >&2
"$py" - "$work" "$reps" > "$work/numpy.txt" <<'PY'
import sys, time, numpy as np
work, reps = sys.argv[1], int(sys.argv[2])
x = np.loadtxt(f"{work}/responses.csv", delimiter=",", skiprows=1)
def med(f):
    f(); t = []
    for _ in range(reps):
        s = time.perf_counter(); r = f(); t.append((time.perf_counter() - s) * 1000)
    return sorted(t)[len(t) // 2], r
def alpha():
    k = x.shape[1]
    return k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))
s, total = med(lambda: x.sum(axis=1).sum())
a_ms, a = med(alpha)
print(f"scoring_ms {s!r}\nalpha_ms {a_ms!r}\ntotal_sum {total!r}\nalpha {a!r}")
PY

echo "library..." >&2
dotnet run -c Release --project benchmarks/TherapeuticAlliance.Compare -- "$work/responses.csv" "$work/icc.csv" "$reps" > "$work/lib.txt"

"$py" - "$work" "$rows" "$icc_rows" <<'PY'
import sys
work, rows, icc_rows = sys.argv[1], sys.argv[2], sys.argv[3]
def load(name):
    return {k: float(v) for k, v in (line.split() for line in open(f"{work}/{name}.txt") if line.strip())}
r, n, lib = load("r"), load("numpy"), load("lib")
ok = True
def same(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a))
for name in ("total_sum", "alpha"):
    for other, values in (("R", r), ("numpy", n)):
        if not same(lib[name], values[name]):
            ok = False; print(f"MISMATCH {name}: library {lib[name]!r} vs {other} {values[name]!r}")
for name in ("icc3k", "icc2"):
    if not same(lib[name], r[name]):
        ok = False; print(f"MISMATCH {name}: library {lib[name]!r} vs R {r[name]!r}")
print(f"Same numbers in all three: {'yes' if ok else 'NO'} (sum of totals, alpha to 1e-9; ICC(3,k) and ICC(2,1) against R)")
print()
print(f"| Task | R (ms) | numpy (ms) | library (ms) | R / library | numpy / library |")
print(f"|---|---:|---:|---:|---:|---:|")
def row(task, key):
    lr, ln, ll = r.get(key), n.get(key), lib[key]
    fr = f"{lr:.2f}" if lr is not None else "—"
    fn = f"{ln:.2f}" if ln is not None else "—"
    rr = f"{lr / ll:.1f}×" if lr else "—"
    rn = f"{ln / ll:.1f}×" if ln else "—"
    print(f"| {task} | {fr} | {fn} | {ll:.2f} | {rr} | {rn} |")
row(f"scoring {rows} × 12 (R rowSums; numpy sum; library BatchScorer totals + 3 subscales)", "scoring_ms")
row(f"Cronbach's alpha {rows} × 12 (psych::alpha; numpy formula; library with item statistics)", "alpha_ms")
row(f"six ICCs {icc_rows} × 4 (psych::ICC lmer = FALSE; library with F, p and bounds)", "icc_ms")
sys.exit(0 if ok else 1)
PY
