#!/usr/bin/env bash
# Issue 32's benchmark, in one run on one machine: the mixed expected-response model
# lmer(ors ~ intake + log_session + (1 + log_session | client)) fitted on CLIENTS clients x 12 sessions and predicted
# for every client, beside lme4 doing the same. Writes benchmarks/results/expected-response.md.
# Usage: benchmarks/expected-response/run.sh [clients] [library repetitions]   (defaults 100000 3)
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
Rscript benchmarks/expected-response/generate.R "$work" "$clients"
dotnet run -c Release benchmarks/expected-response/expected-response.cs -- "$work" "$reps" > "$work/library.txt"
Rscript benchmarks/expected-response/r-timing.R "$work" > "$work/r.txt"

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
def ratio(a, b): return f"{b / a:.1f}x" if a > 0 and b else "—"
rows = [("**mixed model fit (target < 2 s)**", lib["mixed_fit_seconds"], r["r_fit_seconds"]),
        ("**predictions for every client, current-level update (target < 0.5 s)**", lib["predict_current_level_seconds"], r["r_predict_conditional_seconds"]),
        ("predictions for every client, next-score update", lib["predict_next_score_seconds"], r["r_predict_conditional_seconds"]),
        ("predictions for a new client at session 12, every intake", lib["predict_new_client_seconds"], r["r_predict_population_seconds"]),
        ("regression fit (intake-log-session)", lib["regression_fit_seconds"], None)]
out = ["# Expected response: the mixed model beside lme4", "",
       f"`benchmarks/expected-response/run.sh {clients} {reps}` on 2 cores, {datetime.date.today()}, one run. Data: `generate.R` ({clients:,} clients x 12 ORS-like sessions from the mixed model itself). The library's times are medians of {reps} runs after a warm-up, from clients' series already in memory (`Episode`s); R's (Debian's r-base-core and r-cran-lme4) one run after a warm-up fit on 200 clients, from a data frame already in memory. R's prediction column is `predict(fit, newdata)` for each client's session-12 row (with `re.form = NULL`, the clients' BLUPs from all their rows; with `re.form = NA`, the fixed part): what lme4 offers, not the same computation as the library's update from the sessions so far.", "",
       "| Step | Library (s) | R (s) | R / library |", "| --- | --- | --- | --- |"]
for name, a, b in rows:
    out.append(f"| {name} | {a:.3f} | {'' if b is None else f'{b:.3f}'} | {ratio(a, b) if b is not None else '—'} |")
out += ["", f"Same estimates: β(intake) {lib['beta_intake']:.10f} here, {r['r_beta_intake']:.10f} in lme4; β(log session) {lib['beta_log_session']:.10f} here, {r['r_beta_log_session']:.10f} in lme4."]
open("benchmarks/results/expected-response.md", "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
