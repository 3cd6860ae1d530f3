#!/usr/bin/env bash
# Side by side, in one run on one machine: R (psych::alpha, psych::ICC, rowSums), numpy and the library, on one
# generated dataset. Checks that all three produce the same numbers, then prints medians and ratios.
# Usage: benchmarks/compare/run.sh [rows] [icc-rows]   (defaults 100000 and 2000)
# Set KEEP to a folder to keep the three tools' raw outputs (r.txt, numpy.txt, lib.txt) there.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
icc_rows=${2:-2000}
reps=21        # repetitions of the fast tasks (scoring, alpha in numpy and the library, ICCs in the library)
slow_reps=5    # repetitions of psych::alpha and psych::ICC, which take seconds
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

# One dataset: WAI-SR-shaped responses (1-5, a common trait per row, 0.2% of answers missing, a few values off the
# scale) and a ratings matrix of 4 raters.
"$py" - "$rows" "$icc_rows" "$work" <<'PY'
import sys, numpy as np
rows, icc_rows, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(20261125)
trait = rng.normal(0, 0.8, size=(rows, 1))
x = np.clip(np.rint(3.6 + trait + rng.normal(0, 0.7, size=(rows, 12))), 1, 5)
x[rng.random(size=x.shape) < 0.002] = np.nan
x[rng.random(size=x.shape) < 0.0001] = 7
np.savetxt(f"{work}/responses.csv", x, fmt="%.0f", delimiter=",", header=",".join(f"item{i}" for i in range(1, 13)), comments="")
text = open(f"{work}/responses.csv").read().replace("nan", "NaN")  # the spelling R, numpy and .NET all read
open(f"{work}/responses.csv", "w").write(text)
target = rng.normal(50, 8, size=(icc_rows, 1))
y = np.round(target + rng.normal(0, 4, size=(icc_rows, 4)) + np.array([0, 1.5, -1, 0.5]), 1)
np.savetxt(f"{work}/icc.csv", y, fmt="%.1f", delimiter=",", header="r1,r2,r3,r4", comments="")
PY

# Build the library's console first and stop the build servers, so that nothing else runs while anything is timed.
echo "building the library's console..." >&2
dotnet build -c Release -v quiet -nologo benchmarks/TherapeuticAlliance.Compare >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true

echo "R..." >&2
Rscript - "$work" "$reps" "$slow_reps" > "$work/r.txt" <<'R'
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE); work <- args[1]; reps <- as.integer(args[2]); slow_reps <- as.integer(args[3])
x <- as.matrix(read.csv(file.path(work, "responses.csv"))); y <- as.matrix(read.csv(file.path(work, "icc.csv")))
med <- function(f, n) { f(); median(sapply(seq_len(n), function(i) system.time(f())[["elapsed"]] * 1000)) }
# The scoring job as an R user writes it: values must be whole numbers 1-5, a row with any other value is invalid,
# a row with a missing answer gets no score (complete only), and the total and the three subscales are row sums.
score <- function(x) {
  invalid <- rowSums(!(x == round(x) & x >= 1 & x <= 5), na.rm = TRUE) > 0
  s <- cbind(rowSums(x), rowSums(x[, c(1, 2, 10, 12)]), rowSums(x[, c(3, 5, 7, 9)]), rowSums(x[, c(4, 6, 8, 11)]))
  s[invalid | is.na(s[, 1]), ] <- NA  # a row without a total gets no subscale scores either, as in the library
  s
}
scores <- NULL; a <- NULL; icc <- NULL
s <- med(function() scores <<- score(x), reps)
# Listwise deletion, as the library does (psych itself would use pairwise covariances).
al <- med(function() a <<- psych::alpha(x[complete.cases(x), ], warnings = FALSE)$total$raw_alpha, slow_reps)
ic <- med(function() icc <<- psych::ICC(y, lmer = FALSE)$results, slow_reps)
sums <- colSums(scores, na.rm = TRUE)
cat(sprintf("scoring_ms %.17g\nalpha_ms %.17g\nicc_ms %.17g\ntotal_sum %.17g\ntask_sum %.17g\nbond_sum %.17g\ngoal_sum %.17g\nscored_rows %.17g\nalpha %.17g\nicc3k %.17g\nicc2 %.17g\n",
  s, al, ic, sums[1], sums[2], sums[3], sums[4], sum(!is.na(scores[, 1])), a, icc$ICC[6], icc$ICC[2]))
R

echo "numpy..." >&2
"$py" - "$work" "$reps" > "$work/numpy.txt" <<'PY'
import sys, time, numpy as np
work, reps = sys.argv[1], int(sys.argv[2])
x = np.loadtxt(f"{work}/responses.csv", delimiter=",", skiprows=1)
task, bond, goal = [0, 1, 9, 11], [2, 4, 6, 8], [3, 5, 7, 10]
def med(f):
    f(); t = []
    for _ in range(reps):
        s = time.perf_counter(); r = f(); t.append((time.perf_counter() - s) * 1000)
    return sorted(t)[len(t) // 2], r
# The same scoring job, vectorised: whole numbers 1-5 or the row is invalid; any missing answer, no score.
def score():
    invalid = (~np.isnan(x) & ~((x == np.floor(x)) & (x >= 1) & (x <= 5))).any(axis=1)
    s = np.stack([x.sum(axis=1), x[:, task].sum(axis=1), x[:, bond].sum(axis=1), x[:, goal].sum(axis=1)])
    s[:, invalid | np.isnan(s[0])] = np.nan  # no total, no subscale scores, as in the library
    return s
def alpha():
    c = x[~np.isnan(x).any(axis=1)]
    k = c.shape[1]
    return k / (k - 1) * (1 - c.var(axis=0, ddof=1).sum() / c.sum(axis=1).var(ddof=1))
s, scores = med(score)
a_ms, a = med(alpha)
sums = np.nansum(scores, axis=1)
print(f"scoring_ms {s!r}\nalpha_ms {a_ms!r}\ntotal_sum {sums[0]!r}\ntask_sum {sums[1]!r}\nbond_sum {sums[2]!r}\ngoal_sum {sums[3]!r}\nscored_rows {float((~np.isnan(scores[0])).sum())!r}\nalpha {a!r}")
PY

echo "library..." >&2
dotnet benchmarks/TherapeuticAlliance.Compare/bin/Release/net10.0/TherapeuticAlliance.Compare.dll "$work/responses.csv" "$work/icc.csv" "$reps" > "$work/lib.txt"
if [ -n "${KEEP:-}" ]; then cp "$work"/*.txt "$KEEP"/; fi

"$py" - "$work" "$rows" "$icc_rows" <<'PY'
import sys
work, rows, icc_rows = sys.argv[1], sys.argv[2], sys.argv[3]
def load(name):
    return {k: float(v) for k, v in (line.split() for line in open(f"{work}/{name}.txt") if line.strip())}
r, n, lib = load("r"), load("numpy"), load("lib")
ok = True
def same(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a))
for name in ("total_sum", "task_sum", "bond_sum", "goal_sum", "scored_rows", "alpha"):
    for other, values in (("R", r), ("numpy", n)):
        if not same(lib[name], values[name]):
            ok = False; print(f"MISMATCH {name}: library {lib[name]!r} vs {other} {values[name]!r}")
for name in ("icc3k", "icc2"):
    if not same(lib[name], r[name]):
        ok = False; print(f"MISMATCH {name}: library {lib[name]!r} vs R {r[name]!r}")
print(f"Same numbers in all three: {'yes' if ok else 'NO'} (sums of the totals and of each subscale, rows scored, alpha, to 1e-9; ICC(3,k) and ICC(2,1) against R)")
print()
print(f"| Task | R (ms) | numpy (ms) | library (ms) | R / library | numpy / library |")
print(f"|---|---:|---:|---:|---:|---:|")
def row(task, key, lib_key=None):
    lr, ln, ll = r.get(key), n.get(key), lib[lib_key or key]
    fr = f"{lr:.2f}" if lr is not None else "—"
    fn = f"{ln:.2f}" if ln is not None else "—"
    rr = f"{lr / ll:.1f}×" if lr else "—"
    rn = f"{ln / ll:.1f}×" if ln else "—"
    print(f"| {task} | {fr} | {fn} | {ll:.2f} | {rr} | {rn} |")
row(f"scoring {rows} × 12: check values, total + 3 subscales, complete only (R rowSums; numpy; library BatchScorer.Score)", "scoring_ms")
row(f"Cronbach's alpha {rows} × 12, listwise (psych::alpha; numpy formula; library with item statistics)", "alpha_ms")
row(f"the same scoring into a reused buffer (library BatchScorer.ScoreInto; R and numpy as above)", "scoring_ms", "scoring_into_ms")
row(f"six ICCs {icc_rows} × 4 (psych::ICC lmer = FALSE; library with F, p and bounds)", "icc_ms")
sys.exit(0 if ok else 1)
PY
