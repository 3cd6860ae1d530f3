#!/usr/bin/env bash
# Issue 30's benchmark, in one run on one machine: the service view of 10^6 closed episodes (therapist and site
# effects on the outcome with their share intervals, the alliance's, the benchmarks per caseload/site/therapist/month,
# the dependability of alliance scores), beside R doing the outcome's part the same way (lme4's lmer and devfun for the
# profile intervals, base R's tapply for the benchmarks), on two caseload shapes: 5,000 therapists with 200 clients each
# and 20,000 with 50 each (100 sites). Writes benchmarks/results/service.md.
# Usage: benchmarks/service/run.sh [episodes] [library repetitions]   (defaults 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
episodes=${1:-1000000}
reps=${2:-3}
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(lme4)' >/dev/null 2>&1; then
  echo "Installing R and lme4 (Debian packages)..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-lme4 >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for per in 200 50; do
  mkdir -p "$work/$per"
  Rscript benchmarks/service/generate.R "$work/$per" "$episodes" "$per"
  dotnet run -c Release benchmarks/service/service.cs -- "$work/$per" "$reps" > "$work/$per/library.txt"
  Rscript benchmarks/service/r-timing.R "$work/$per" > "$work/$per/r.txt"
done

python3 - "$work" "$episodes" "$reps" <<'PY'
import sys, os, datetime
work, episodes, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def read(path):
    values = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 2:
            try: values[parts[0]] = float(parts[1])
            except ValueError: pass
    return values
out = ["# Service view at scale: the library beside R", "",
       f"`benchmarks/service/run.sh {episodes} {reps}` on 2 cores, {datetime.date.today()}, one run. Data: `generate.R` ({episodes:,} closed episodes, 100 sites, planted therapist and site shares of 5 % and 2 %). The library's times are medians of {reps} runs after a warm-up; R's (Debian's r-base-core and r-cran-lme4) one run after a warm-up fit on 20,000 rows. R does the outcome's part as the library does: `lmer(post ~ pre + (1 | site) + (1 | therapist))`, the shares' profile-likelihood intervals from lme4's `devfun` with `optimize` and `uniroot`, and the benchmark figures per caseload, site, therapist and month with `tapply`.", "",
       "| Therapists (clients each) | Part | library (s) | R (s) | ratio |", "| --- | --- | --- | --- | --- |"]
checks = []
for per in (200, 50):
    lib, r = read(os.path.join(work, str(per), "library.txt")), read(os.path.join(work, str(per), "r.txt"))
    therapists = episodes // per
    label = f"{therapists:,} ({per})"
    rows = [("outcome model: fit and share intervals", lib["outcome_effects_seconds"], r["fit_seconds"] + r["profile_seconds"]),
            ("benchmarks (caseload, sites, therapists, months)", lib["benchmarks_seconds"], r["benchmarks_seconds"]),
            ("**therapist and site effects and every benchmark (target < 2 s)**", lib["target_parts_seconds"], r["fit_seconds"] + r["profile_seconds"] + r["benchmarks_seconds"]),
            ("alliance model: fit and share intervals", lib["alliance_effects_seconds"], None),
            ("dependability of alliance scores", lib["dependability_seconds"], None)]
    for name, a, b in rows:
        out.append(f"| {label} | {name} | {a:.2f} | {'' if b is None else f'{b:.1f}'} | {'' if b is None else f'{b / a:.0f}x'} |")
    for key in ("icc_therapist", "icc_low_therapist", "icc_high_therapist", "icc_site", "icc_low_site", "icc_high_site", "effect_size_all", "reliable_recovery_all"):
        if key in r:
            checks.append((label, key, lib[key], r[key]))
    out.append(f"| {label} | peak working set of the library's process | {lib['peak_working_set_mb']:.0f} MB | | |")
out += ["", "Estimates beside R's (the shares and their interval bounds, the caseload's effect size and reliable recovery):", "", "| Therapists | Figure | library | R | relative difference |", "| --- | --- | --- | --- | --- |"]
for label, key, a, b in checks:
    out.append(f"| {label} | {key} | {a:.8g} | {b:.8g} | {abs(a - b) / max(abs(b), 1e-12):.1e} |")
open("benchmarks/results/service.md", "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
