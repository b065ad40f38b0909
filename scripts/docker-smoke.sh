#!/usr/bin/env bash
# docker-smoke.sh: proves BlazeBench's Docker packaging on this machine, end to end, as root:
#
#   1. docker-ci-setup.sh: Docker engine, compose, base images built offline
#   2. the image, built by compose from the Dockerfile (the build fetches Maven Central)
#   3. `compose up --exit-code-from driver` in a quick mode: three servers, one driver running
#      `blazebench compare` against them
#   4. the run folder, its results.json and its report (index.html) in ./reports/out
#   5. the Testcontainers tests (integration-tests) against the image
#   6. docker-ci-teardown.sh, also when a step failed
#
# Prints each step's duration and the image sizes. Exit code: the first failing step's.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=blazebench:dev
RUN_NAME="smoke-$(date -u +%Y%m%dT%H%M%SZ)"
export RUN_NAME
# Quick mode: compare --quick's runs (0.5 s warm-up + 1 s each) but one round instead of two: it
# proves the wiring, not the speed, and must pass on a loaded 2-core CI machine.
export DRIVER_ROUNDS="${DRIVER_ROUNDS:-1}"
export COMPOSE_PROJECT_NAME=blazebench-smoke
# No registry here: Testcontainers must not try to pull its Ryuk reaper (the tests stop their
# containers themselves).
export TESTCONTAINERS_RYUK_DISABLED=true

timings=()
started=$SECONDS
timed() { # NAME COMMAND...
  local name="$1" t0=$SECONDS
  shift
  echo "== docker-smoke: $name"
  "$@"
  timings+=("$(printf '%-28s %4d s' "$name" $((SECONDS - t0)))")
}

compose=()
finish() {
  local code=$?
  set +e
  if [[ ${#compose[@]} -gt 0 ]]; then
    "${compose[@]}" down --remove-orphans --timeout 20 >/dev/null 2>&1
  fi
  scripts/docker-ci-teardown.sh
  echo "== docker-smoke: durations"
  printf '  %s\n' "${timings[@]}"
  printf '  %-28s %4d s\n' "total" $((SECONDS - started))
  if [[ $code -eq 0 ]]; then
    echo "== docker-smoke: OK"
  else
    echo "== docker-smoke: FAILED (exit $code)" >&2
  fi
  exit "$code"
}
trap finish EXIT

timed "setup (engine, base images)" scripts/docker-ci-setup.sh

# The v2 plugin when the docker CLI has it, else v1 (Debian 12 ships only docker-compose 1.29).
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  compose=(docker-compose)
fi
echo "== docker-smoke: compose is '${compose[*]}': $("${compose[@]}" version --short 2>/dev/null || true)"

# One service builds the image the four services share.
timed "image build" "${compose[@]}" build blaze

echo "== docker-smoke: image sizes"
# (docker's --format output loses leading blanks, hence the sed)
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' \
  | grep -E "^($IMAGE|eclipse-temurin:17-jre|eclipse-temurin:17-jdk|alpine:3.17) " | sed 's/^/  /'


mkdir -p reports/out
timed "compose up (quick)" "${compose[@]}" up --no-build --exit-code-from driver

run="reports/out/$RUN_NAME"
check_run_folder() {
  local file api missing=0
  for file in results.json index.html; do
    if [[ -s "$run/$file" ]]; then
      echo "  $run/$file ($(wc -c <"$run/$file") bytes)"
    else
      echo "docker-smoke: no $run/$file" >&2
      missing=1
    fi
  done
  # Every service answered: one of its APIs is in results.json.
  for api in grpc-blazebinary grpc-protobuf rest-json; do
    if ! grep -q "\"api\" *: *\"$api\"" "$run/results.json" 2>/dev/null; then
      echo "docker-smoke: $run/results.json has no result for $api" >&2
      missing=1
    fi
  done
  return $missing
}
timed "check run folder" check_run_folder

timed "integration-tests build" ./mvnw -B -q -pl integration-tests -am install -DskipTests
timed "Testcontainers tests" ./mvnw -B -pl integration-tests verify -Dblazebench.image="$IMAGE"
