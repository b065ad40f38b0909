#!/bin/bash
# blazebench-drive: the docker-compose driver (installed in the image as
# /usr/local/bin/blazebench-drive). Loads every target in DRIVER_TARGETS in turn with the same
# scenario and rate, one `blazebench load` each, into one run folder:
#
#   reports/out/<RUN_NAME>/<api>/<driver host name>/results.json (+ .hlog files)
#
# The host-name level keeps drivers scaled with `--scale driver=N` apart; `blazebench merge`
# adds their histograms afterwards. Exit code: the first failing load's (2: a call failed or a
# check did not hold), else 0; every target is loaded even after a failure.
set -u

targets="${DRIVER_TARGETS:-blaze://blaze:50051 proto://proto:50051 rest://rest:8080}"
scenario="${DRIVER_SCENARIO:-fetch-1000}"
rate="${DRIVER_RATE:-20/s}"
duration="${DRIVER_DURATION:-30s}"
warmup="${DRIVER_WARMUP:-10s}"
run="reports/out/${RUN_NAME:-$(date -u +%Y%m%dT%H%M%SZ)-compose}"
driver="$(hostname)"

start_at=()
if [[ -n "${DRIVER_START_AT:-}" ]]; then
  start_at=(--start-at "$DRIVER_START_AT")
fi

status=0
for target in $targets; do
  api="${target%%://*}"
  out="$run/$api/$driver"
  echo "blazebench-drive: $scenario at $rate against $target for $duration (warm-up $warmup) -> $out"
  blazebench load --target "$target" --scenario "$scenario" --rate "$rate" \
    --duration "$duration" --warmup "$warmup" "${start_at[@]}" --out "$out"
  code=$?
  if [[ $code -ne 0 ]]; then
    echo "blazebench-drive: load against $target exited with $code" >&2
    [[ $status -eq 0 ]] && status=$code
  fi
done
echo "blazebench-drive: run folder $run (exit $status)"
exit "$status"
