#!/bin/bash
# blazebench-drive: the docker-compose driver (installed in the image as
# /usr/local/bin/blazebench-drive). Two modes, DRIVER_MODE:
#
#   compare (default): one `blazebench compare --quick --no-codec` against the three services by
#     name, every API in interleaved rounds, into reports/out/<RUN_NAME>/ with results.json,
#     index.html and summary.md (the report) and the rounds' load runs.
#   load: one `blazebench load` per target in DRIVER_TARGETS, same scenario and rate, into
#     reports/out/<RUN_NAME>/<api>/<driver host name>/results.json (+ .hlog files); the host-name
#     level keeps drivers scaled with `--scale driver=N` apart, `blazebench merge` adds them up.
#
# Exit code: compare's (1 bad input, 2 a call failed; the report is still written), or in load
# mode the first failing load's, every target being loaded even after a failure.
set -u

mode="${DRIVER_MODE:-compare}"
run="reports/out/${RUN_NAME:-$(date -u +%Y%m%dT%H%M%SZ)-compose}"

if [[ "$mode" == compare ]]; then
  # Realtime is left out by default: its subscribers must follow the store the writer writes to,
  # and each service here has a store of its own (WebSocket and REST polling are on `rest`, the
  # blaze:// writer on `blaze`).
  targets="${DRIVER_COMPARE_TARGETS:-grpc-blazebinary=blaze://blaze:50051 grpc-native=blaze-native://blaze:50051 grpc-protobuf=proto://proto:50051 rest-json=rest://rest:8080 rest-json-gzip=rest+gzip://rest:8080}"
  args=(compare --quick --no-codec --scenarios "${DRIVER_SCENARIOS:-insert-100,fetch-1000}")
  for target in $targets; do
    args+=(--target "$target")
  done
  [[ -n "${DRIVER_WRITER:-}" ]] && args+=(--writer "$DRIVER_WRITER")
  [[ -n "${DRIVER_ROUNDS:-}" ]] && args+=(--rounds "$DRIVER_ROUNDS")
  [[ -n "${DRIVER_DELAY:-}" ]] && args+=(--delay "$DRIVER_DELAY")
  [[ -n "${DRIVER_DURATION:-}" ]] && args+=(--duration "$DRIVER_DURATION")
  [[ -n "${DRIVER_WARMUP:-}" ]] && args+=(--warmup "$DRIVER_WARMUP")
  args+=(--out "$run")
  echo "blazebench-drive: blazebench ${args[*]}"
  blazebench "${args[@]}"
  status=$?
  echo "blazebench-drive: run folder $run (exit $status)"
  exit "$status"
elif [[ "$mode" != load ]]; then
  echo "blazebench-drive: DRIVER_MODE '$mode' is neither compare nor load" >&2
  exit 1
fi

targets="${DRIVER_TARGETS:-blaze://blaze:50051 proto://proto:50051 rest://rest:8080}"
scenario="${DRIVER_SCENARIO:-fetch-1000}"
rate="${DRIVER_RATE:-20/s}"
duration="${DRIVER_DURATION:-30s}"
warmup="${DRIVER_WARMUP:-10s}"
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
