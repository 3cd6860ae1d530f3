#!/usr/bin/env bash
# Issue 29's benchmark, in one run on one machine: lme4 (R, Debian's r-cran-lme4) and the library fit the same three
# models on the same generated data (generate.R), the script checks that both give the same estimates, and writes
# benchmarks/results/multilevel.md with the times and their ratios.
#   post ~ pre + (1 | therapist)                        10^6 episodes, 5,000 therapists
#   post ~ pre + (1 | site / therapist)                 the same episodes, 100 sites
#   ors ~ log(session) + (1 + log(session) | client)    10^5 clients x 12 sessions
# Usage: benchmarks/multilevel/run.sh [episodes] [clients] [library repetitions]   (defaults 1000000 100000 3)
# lme4 is timed once per model (each fit takes seconds to a minute), after a warm-up fit on a small sample.
set -euo pipefail
cd "$(dirname "$0")/../.."
episodes=${1:-1000000}
clients=${2:-100000}
reps=${3:-3}
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(lme4)' >/dev/null 2>&1; then
  echo "Installing R and lme4 (Debian packages)..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-lme4 >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Rscript benchmarks/multilevel/generate.R "$work" "$episodes" "$clients"
echo "data: $(wc -l < "$work/episodes.csv") episode rows, $(wc -l < "$work/sessions.csv") session rows" >&2
dotnet run -c Release benchmarks/multilevel/multilevel.cs -- "$work" "$reps" > "$work/library.txt"
Rscript benchmarks/multilevel/lme4-timing.R "$work" > "$work/lme4.txt"

python3 - "$work" "$episodes" "$clients" "$reps" <<'PY'
import sys, os, datetime, platform
work, episodes, clients, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def read(name):
    values = {}
    for line in open(os.path.join(work, name)):
        parts = line.split()
        if len(parts) == 3:
            values[(parts[0], parts[1])] = float(parts[2])
    return values
lib, r = read("library.txt"), read("lme4.txt")
models = [("therapist", "post ~ pre + (1 | therapist)", 20), ("site_therapist", "post ~ pre + (1 | site / therapist)", 20), ("growth", "ors ~ log(session) + (1 + log(session) | client)", 10)]
worst, failures = {}, []
for (model, name), expected in r.items():
    if name == "seconds":
        continue
    actual = lib.get((model, name))
    if actual is None:
        failures.append(f"{model} {name}: missing from the library's output")
        continue
    rel = abs(actual - expected) / max(abs(expected), 1e-12)
    worst[model] = max(worst.get(model, 0), rel)
    if rel > 1e-4:
        failures.append(f"{model} {name}: lme4 {expected!r}, library {actual!r} (relative {rel:.1e})")
cores = os.cpu_count()
lines = [
    "# Multilevel models: the library beside lme4",
    "",
    f"`benchmarks/multilevel/run.sh {episodes} {clients} {reps}` on {cores} cores, {datetime.date.today().isoformat()}, one run: R's lme4 (Debian's r-cran-lme4, `lmer` with its default optimiser) and the library fit each model on the same generated data (`generate.R`); the library's time is the median of {reps} fits after a warm-up fit, lme4's one fit after a warm-up fit on a small sample. \"Fit\" is what `lmer` returns (estimates, variance components, conditional modes); the library computes Satterthwaite's df when they are first read (lmerTest's summary does the same after `lmer`), timed apart as \"df\". Estimates are compared with lme4's (fixed effects, variance components, REML criterion): the largest relative difference is shown.",
    "",
    "| Model | Rows | lme4 fit (s) | library fit (s) | ratio | target | library df (s) | evaluations | largest relative difference from lme4 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
]
for model, formula, target in models:
    rows = episodes if model != "growth" else clients * 12
    ratio = r[(model, "seconds")] / lib[(model, "seconds")]
    met = "met" if ratio >= target else "**not met**"
    cell = formula.replace("|", "\\|")
    lines.append(f"| `{cell}` | {rows:,} | {r[(model, 'seconds')]:.2f} | {lib[(model, 'seconds')]:.3f} | {ratio:.1f}x | {target}x ({met}) | {lib[(model, 'df_seconds')]:.3f} | {lib[(model, 'evaluations')]:.0f} | {worst.get(model, float('nan')):.1e} |")
lines += ["", "Memory of the library's fit, beside the data it fits (the frame: its numeric columns and each row's label, measured as the live managed heap it adds):", "",
    "| Model | data (MB) | heap peak during the fit, above the data (MB) | ratio to the data | kept by the result (MB) | allocated per fit (MB) |",
    "| --- | --- | --- | --- | --- | --- |"]
for model, formula, target in models:
    cell = formula.replace("|", "\\|")
    data, peak = lib[(model, 'data_mb')], lib[(model, 'heap_peak_mb')]
    lines.append(f"| `{cell}` | {data:.0f} | {peak:.0f} | {peak / data:.1f}x | {lib[(model, 'retained_mb')]:.0f} | {lib[(model, 'allocated_mb')]:.0f} |")
lines += ["", f"The heap peak is sampled every millisecond during one fit and includes garbage not yet collected, so it bounds what the fit needs from above; \"kept by the result\" is what the fit object holds afterwards (fitted values and residuals, one per row, and the conditional modes); \"allocated\" is every byte allocated during a fit, an upper bound of both. Peak working set of the library's process (both datasets and all fits): {lib[('all', 'peak_working_set_mb')]:.0f} MB.", ""]
if failures:
    lines += ["Estimates that differ from lme4's by more than 1e-4 relative:", ""] + [f"- {f}" for f in failures] + [""]
open("benchmarks/results/multilevel.md", "w").write("\n".join(lines))
print("\n".join(lines))
sys.exit(1 if failures else 0)
PY
