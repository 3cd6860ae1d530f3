#!/usr/bin/env bash
# Issue 31's benchmark, in one run on one machine: alliance and outcome linked over CLIENTS clients x 12 sessions
# (pairing at lag 1, person-mean centring and the variance shares, the repeated-measures correlation, and the lagged
# within-person model lmer(outcome_next ~ outcome + alliance_within + alliance_between + (1 | client))), beside R doing
# the pairing, centring and model the same way (base R and lme4). Writes benchmarks/results/linkage.md.
# Usage: benchmarks/linkage/run.sh [clients] [library repetitions]   (defaults 100000 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-100000}
reps=${2:-3}
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(lme4)' >/dev/null 2>&1; then
  echo "Installing R and lme4 (Debian packages)..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-lme4 >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Rscript benchmarks/linkage/generate.R "$work" "$clients"
dotnet run -c Release benchmarks/linkage/linkage.cs -- "$work" "$reps" > "$work/library.txt"
Rscript benchmarks/linkage/r-timing.R "$work" > "$work/r.txt"

python3 - "$work" "$clients" "$reps" <<'PY'
import sys, os, datetime
work, clients, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def read(path):
    values = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 2:
            try: values[parts[0]] = float(parts[1])
            except ValueError: pass
    return values
lib, r = read(os.path.join(work, "library.txt")), read(os.path.join(work, "r.txt"))
rows = [("pairing (next session's outcome) and person-mean centring", lib["pairing_seconds"] + lib["decomposition_seconds"], r["r_pairing_and_centring_seconds"]),
        ("lagged within-person model (fit)", lib["lagged_model_seconds"], r["r_lagged_model_seconds"]),
        ("**pairing, centring and the lagged model (target < 2 s)**", lib["pairing_seconds"] + lib["decomposition_seconds"] + lib["lagged_model_seconds"], r["r_pairing_and_centring_seconds"] + r["r_lagged_model_seconds"]),
        ("repeated-measures correlation", lib["rmcorr_seconds"], None)]
out = ["# Alliance and outcome linked: the library beside R", "",
       f"`benchmarks/linkage/run.sh {clients} {reps}` on 2 cores, {datetime.date.today()}, one run. Data: `generate.R` ({clients:,} clients x 12 sessions of an SRS-like alliance and an ORS-like outcome, 20 clients per therapist, a planted lagged within-person effect of 0.3). The library's times are medians of {reps} runs after a warm-up, from clients' series already in memory (`Episode`s); R's (Debian's r-base-core and r-cran-lme4) one run after a warm-up fit on 200 clients, from a data frame already in memory: the pairing with `order` and a shifted column, the centring with `ave` and `tapply`, and `lmer` on the same formula. The library's decomposition also computes both measures' variance shares, which R's side does not.", "",
       "| Part | library (s) | R (s) | ratio |", "| --- | --- | --- | --- |"]
for name, a, b in rows:
    out.append(f"| {name} | {a:.3f} | {'' if b is None else f'{b:.3f}'} | {'' if b is None else f'{b / a:.1f}x'} |")
d = abs(lib["within_estimate"] - r["r_within_estimate"]) / abs(r["r_within_estimate"])
c = abs(lib["reml_criterion"] - r["r_reml_criterion"]) / abs(r["r_reml_criterion"])
out += ["", "On this machine the total varies from run to run between about 1.6 and 2.3 s (five runs on 2026-12-07), so the 2 s target is met only sometimes: a third to a half of the time is the kernel committing fresh memory for the rows, the model's columns and the engine's work arrays (the same calls take about 1.0 s once the process has that memory), and most of the rest is the engine's fit of 100,000 client intercepts.", "", f"Same model, same answer: the within-person effect is {lib['within_estimate']:.6f} in the library and {r['r_within_estimate']:.6f} in lme4 (relative difference {d:.1e}; planted 0.3), the REML criterion differs by {c:.1e} relative; {int(lib['pairs']):,} pairs."]
open("benchmarks/results/linkage.md", "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
