#!/usr/bin/env bash
# Fuzzes every parser with SharpFuzz and Debian's afl++ for a fixed time each, from the repository's root:
#   tests/TherapeuticAlliance.Fuzz/run.sh [SECONDS_PER_TARGET] [OUTPUT]     (default 60 s, .ci-out/fuzz)
# Targets: instrument JSON, report JSON, FHIR QuestionnaireResponse to Assessment, Parquet (the preflight and Parquet.Net, which is instrumented too), Arrow record batches built from the bytes (every encoding, zones, dictionaries), the CLI's CSV reader (score and
# analyze), a site's mergeable partial (read, written back, merged with its copy, summarised), a mixed-model partial
# (read, written back, merged, fitted, profiled) and a service partial (read, written back, merged, analysed). Seeds: tests/TherapeuticAlliance.Fuzz/seeds (valid inputs, extreme numbers, deep nesting, duplicate keys).
# Writes OUTPUT/summary.md (executions, paths, crashes, hangs per target) and fails when anything crashed or hung;
# the inputs that did are copied to OUTPUT/crashes/TARGET/ to commit under tests/TherapeuticAlliance.Fuzz/regressions/TARGET/,
# where FuzzRegressionTests replays them as ordinary tests.
set -euo pipefail
seconds=${1:-60}
out=${2:-.ci-out/fuzz}
here=tests/TherapeuticAlliance.Fuzz

if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi

rm -rf "$out"
mkdir -p "$out"
dotnet tool restore >/dev/null
dotnet publish "$here" -c Release -o "$out/bin" -nologo -v q
# Instrument the code under test (not the harness, not the framework or third-party assemblies).
for dll in TherapeuticAlliance.dll TherapeuticAlliance.Fhir.dll TherapeuticAlliance.Columnar.dll Parquet.dll alliance.dll; do
  dotnet sharpfuzz "$out/bin/$dll" >/dev/null
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
failed=0
{
  echo "| Target | Seconds | Executions | Executions per second | Paths (corpus) | Crashes | Hangs |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > "$out/summary.md"
for target in instrument-json report-json fhir-questionnaire-response cli-csv partial-json mixed-partial-json case-mix-csv service-partial-json parquet arrow expected-response-json; do
  echo "==> fuzzing $target for $seconds s"
  afl-fuzz -i "$here/seeds/$target" -o "$out/$target" -V "$seconds" -t 5000 -m none -- dotnet "$out/bin/TherapeuticAlliance.Fuzz.dll" "$target" > "$out/$target.log" 2>&1 || {
    echo "!! afl-fuzz stopped with an error on $target (see $out/$target.log)"; tail -20 "$out/$target.log"; failed=1; continue; }
  stats="$out/$target/default/fuzzer_stats"
  value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  execs=$(value execs_done); speed=$(value execs_per_sec); paths=$(value corpus_count); crashes=$(value saved_crashes); hangs=$(value saved_hangs)
  echo "| $target | $seconds | $execs | $speed | $paths | $crashes | $hangs |" >> "$out/summary.md"
  if [ "${crashes:-0}" != "0" ] || [ "${hangs:-0}" != "0" ]; then
    mkdir -p "$out/crashes/$target"
    cp "$out/$target"/default/crashes/id* "$out/$target"/default/hangs/id* "$out/crashes/$target/" 2>/dev/null || true
    echo "!! $target: $crashes crash(es), $hangs hang(s); inputs in $out/crashes/$target"
    failed=1
  fi
done
cat "$out/summary.md"
exit $failed
