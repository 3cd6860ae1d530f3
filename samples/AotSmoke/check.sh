#!/usr/bin/env bash
# Publishes the AOT smoke app with Native AOT and checks it: no trim or AOT warning in the publish, and the native
# binary prints exactly expected-output.txt. Run from the repository root; .ci/run runs it. Takes about a minute.
set -euo pipefail
out=${1:-.ci-out/aot}
mkdir -p "$out"
dotnet publish samples/AotSmoke -c Release -o "$out" 2>&1 | tee "$out/publish.log"
if grep -E "warning (IL[0-9]+|AOT)" "$out/publish.log"; then
  echo "!! the Native AOT publish has trim or AOT warnings (above)"
  exit 1
fi
size=$(stat -c %s "$out/AotSmoke")
echo "native binary: $size bytes"
"$out/AotSmoke" > "$out/output.txt"
if ! diff -u samples/AotSmoke/expected-output.txt "$out/output.txt"; then
  echo "!! the native binary printed other numbers than samples/AotSmoke/expected-output.txt"
  exit 1
fi
echo "AOT smoke: the native binary printed the expected numbers"
