#!/usr/bin/env bash
# calibrate.sh: the gate's calibration on this machine, end to end (a benchmark, not a test).
#
# Runs `blazebench compare` twice, one after the other, as a CI job would make a baseline and a
# current run of the same build (two servers, two driver JVMs), turns each run's rounds into the
# CSV GateCalibration reads, and runs GateCalibration three ways: resampling the rounds of the
# first run, of the second, and the first run against the second.
#
# Usage (from the repository root, on a machine doing nothing else):
#   reports/src/test/java/dev/blazebench/reports/gate/calibration/calibrate.sh OUT_DIR [ROUNDS] [TRIALS]
# Defaults: 20 rounds per run, 1,000 trials per cell. About 8 minutes per run with 20 rounds.
# Extra compare options can be given in COMPARE_OPTIONS (default below: two APIs, two scenarios,
# the full profile's 3 s runs, a 30 s warm-up round).
set -euo pipefail
out="${1:?usage: calibrate.sh OUT_DIR [ROUNDS] [TRIALS]}"
rounds="${2:-20}"
trials="${3:-1000}"
options="${COMPARE_OPTIONS:---full --no-codec --scenarios fetch-1000,get-one --apis grpc-blazebinary,rest-json --warmup-round 30s}"
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
mkdir -p "$out"

./mvnw -B -q -pl reports -am install -DskipTests
./mvnw -B -q -pl reports test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
cp="reports/target/classes:reports/target/test-classes:$(cat reports/target/cp.txt)"

for run in a b; do
  echo "calibrate: compare run $run ($rounds rounds): $options" >&2
  # shellcheck disable=SC2086  # the options are words
  ./blazebench compare $options --rounds "$rounds" --out "$out/run-$run" >"$out/run-$run.log" 2>&1
  java -cp "$cp" dev.blazebench.reports.gate.RoundsFromCompareRun "$out/run-$run" "$out/run-$run.csv"
  uptime >>"$out/load.txt"
done

calibration() {
  java -cp "$cp" dev.blazebench.reports.gate.GateCalibration "$@" --skip-rounds 0 --trials "$trials"
}
half=$((rounds / 2))
calibration "$out/run-a.csv" --sizes "5,8,$half" >"$out/within-a.md"
calibration "$out/run-b.csv" --sizes "5,8,$half" >"$out/within-b.md"
calibration "$out/run-a.csv" --against "$out/run-b.csv" --sizes "5,10,$rounds" >"$out/between.md"
# The gate itself on the two runs (an A/A pair: exit 0 expected, 2 is a false alarm).
./blazebench gate --baseline "$out/run-a" --current "$out/run-b" --markdown "$out/gate-a-b.md" \
  >"$out/gate-a-b.log" 2>&1 && echo "calibrate: gate a -> b passed" >&2 ||
  echo "calibrate: gate a -> b exit $? (see $out/gate-a-b.md)" >&2
echo "calibrate: done; see $out/within-a.md, within-b.md, between.md" >&2
