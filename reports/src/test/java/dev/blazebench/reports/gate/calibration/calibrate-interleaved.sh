#!/usr/bin/env bash
# calibrate-interleaved.sh: the interleaved gate's calibration on this machine (a benchmark, not a
# test).
#
# Runs one `blazebench compare --baseline-jar` in which both builds are this one (an A/A pair: the
# jar copied, so two server JVMs from two files), every API back to back on both servers in every
# round. Then writes each build's rounds as the CSV GateCalibration reads and resamples them as
# pairs (the interleaved gate) and as two separate samples (the two-run gate on the same rounds),
# and runs `blazebench gate --interleaved` on the whole run.
#
# Usage (from the repository root, on a machine doing nothing else):
#   reports/src/test/java/dev/blazebench/reports/gate/calibration/calibrate-interleaved.sh OUT_DIR [ROUNDS] [TRIALS]
# Defaults: 40 rounds on 4 server forks (each fork's servers fresh, after a 15 s warm-up round per
# API x scenario), 1,000 trials per cell: about 31 minutes with the default options. BASELINE_JAR=path uses another build's jar as the baseline instead (then the
# "A/A" rows measure the difference between the builds). Extra compare options in COMPARE_OPTIONS.
set -euo pipefail
out="${1:?usage: calibrate-interleaved.sh OUT_DIR [ROUNDS] [TRIALS]}"
rounds="${2:-40}"
trials="${3:-1000}"
options="${COMPARE_OPTIONS:---full --no-codec --scenarios fetch-1000,get-one --apis grpc-blazebinary,rest-json --warmup-round 15s --server-forks 4}"
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
mkdir -p "$out"

./mvnw -B -q -pl harness -am package -Dmaven.test.skip=true
./mvnw -B -q -pl reports test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
cp="reports/target/classes:reports/target/test-classes:$(cat reports/target/cp.txt)"
# The compare runs from copies, so a rebuild during the run cannot change its classes.
cp harness/target/blazebench.jar "$out/current.jar"
cp "${BASELINE_JAR:-harness/target/blazebench.jar}" "$out/baseline.jar"

echo "calibrate: interleaved compare ($rounds rounds): $options" >&2
uptime >"$out/load.txt"
# shellcheck disable=SC2086  # the options are words
java -jar "$out/current.jar" compare $options --rounds "$rounds" \
  --baseline-jar "$out/baseline.jar" --out "$out/run" >"$out/run.log" 2>&1
uptime >>"$out/load.txt"
for side in baseline current; do
  java -cp "$cp" dev.blazebench.reports.gate.RoundsFromCompareRun "$out/run" "$out/$side.csv" "$side"
done

calibration() {
  java -cp "$cp" dev.blazebench.reports.gate.GateCalibration "$out/baseline.csv" \
    --against "$out/current.csv" --skip-rounds 0 --trials "$trials" "$@"
}
sizes="10,15,20,25,30"
calibration --paired --sizes "$sizes" >"$out/paired.md"
calibration --sizes "$sizes" >"$out/separate.md"
java -jar "$out/current.jar" gate --interleaved "$out/run" --markdown "$out/gate.md" \
  >"$out/gate.log" 2>&1 && echo "calibrate: gate --interleaved passed" >&2 ||
  echo "calibrate: gate --interleaved exit $? (see $out/gate.md)" >&2
echo "calibrate: done; see $out/paired.md and $out/separate.md" >&2
