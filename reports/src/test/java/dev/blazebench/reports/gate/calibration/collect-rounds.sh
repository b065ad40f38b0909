#!/usr/bin/env bash
# collect-rounds.sh: real round-level samples for the gate's calibration (GateCalibration).
#
# Starts the reference server, then runs ROUNDS rounds; each round runs every scenario against
# every API, interleaved (A B A B ...) so that drift on the machine hits both alike, each as its
# own `blazebench load` process. Writes one CSV line per round x api x scenario with the figures
# the gate compares: p50/p99 (corrected, µs), throughput (successes/s), server CPU per operation
# (µs, from /proc/<server pid>/stat around the run) and the driver's CPU per call.
#
# Usage: collect-rounds.sh JAR OUT_DIR [ROUNDS]   (e.g. harness/target/blazebench.jar /tmp/rounds 40)
set -euo pipefail
jar="$1"; out="$2"; rounds="${3:-40}"
grpc_port=51151; http_port=18181
mkdir -p "$out"
java -jar "$jar" serve --grpc-port "$grpc_port" --http-port "$http_port" >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT
until grep -q 'ready grpc=' "$out/server.log"; do
  kill -0 "$server_pid" 2>/dev/null || { echo "server died (see $out/server.log)" >&2; exit 1; }
  sleep 1
done
clk_tck=$(getconf CLK_TCK)
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

csv="$out/rounds.csv"
echo "round,api,scenario,operation,startedAt,count,errorCount,throughputPerSec,p50Micros,p99Micros,serverCpuMicrosPerOp,clientCpuMicrosPerOp,loadAvg1" >"$csv"
# scenario:rate pairs; rates kept low enough for a shared 2-core machine.
scenarios=("fetch-1000:10/s" "get-one:50/s")
apis=("grpc-blazebinary:blaze://127.0.0.1:$grpc_port" "rest-json:rest://127.0.0.1:$http_port")
for ((r = 1; r <= rounds; r++)); do
  for s in "${scenarios[@]}"; do
    scenario="${s%%:*}"; rate="${s#*:}"
    for a in "${apis[@]}"; do
      api="${a%%:*}"; target="${a#*:}"
      dir="$out/r$(printf %02d "$r")/$api--$scenario"
      mkdir -p "$(dirname "$dir")"
      started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
      before=$(server_cpu_ticks)
      # A loaded machine can miss the driver's 3 s connect window: try again, up to 3 times.
      for attempt in 1 2 3; do
        java -jar "$jar" load --target "$target" --scenario "$scenario" --rate "$rate" \
          --duration 5s --warmup 2s --drain 2s --out "$dir" >"$dir.log" 2>&1 || true
        [[ -f "$dir/results.json" ]] && break
        echo "round $r $api $scenario: no results (attempt $attempt), see $dir.log" >&2
      done
      [[ -f "$dir/results.json" ]] || continue
      after=$(server_cpu_ticks)
      load1=$(cut -d' ' -f1 /proc/loadavg)
      python3 - "$dir/results.json" "$r" "$started" "$((after - before))" "$clk_tck" "$load1" >>"$csv" <<'PY'
import json, sys
path, rnd, started, ticks, clk, load1 = sys.argv[1:]
d = json.load(open(path))
dur = d["run"]["durationSec"]
for res in d["results"]:
    for op in res["operations"]:
        c = op["latencyMicros"]["corrected"]
        n = op["count"]
        # Server CPU includes the warm-up and drain too (the counter is read around the whole
        # process), so it is per measured success, an over-estimate by the same share each round.
        server = (int(ticks) * 1e6 / int(clk)) / n if n else ""
        client = op.get("clientCpuMicrosPerCall")
        print(",".join(str(x) for x in [rnd, res["api"], res["scenario"], op["operation"], started,
              n, op["errorCount"], n / dur, c["p50"], c["p99"], server,
              "" if client is None else client, load1]))
PY
      echo "round $r $api $scenario done $(tail -1 "$csv")" >&2
    done
  done
done
