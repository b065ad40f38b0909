#!/bin/bash
# blazebench-healthcheck grpc:PORT | http:PORT ... : exit 0 when every listed port of the
# BlazeBench server in this container answers, 1 otherwise. Installed in the Docker image as
# /usr/local/bin/blazebench-healthcheck; docker-compose.yml's health checks call it.
#
# Bash and coreutils only (the image has no curl or grpc_health_probe):
#   grpc: sends the HTTP/2 client preface and an empty SETTINGS frame and wants the server's
#         SETTINGS frame back, so Netty's HTTP/2 server answers, not only the TCP port.
#   http: GET /health wants "HTTP/1.1 200": the REST server answers and its store takes writes
#         (503 once the store has failed; the gRPC probe cannot ask gRPC health without a client).
# The server opens its ports only after seeding, so an answer means ready.
set -u

probe_grpc() { # PORT
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\000\000\000\004\000\000\000\000\000' >&3
  local frame_header
  frame_header="$(timeout 3 head -c 9 <&3 | od -An -tx1 | tr -d ' \n')"
  exec 3<&-
  # Frame header: 3 bytes length, 1 byte type (0x04 = SETTINGS), flags, stream id.
  [[ "${frame_header:6:2}" == "04" ]]
}

probe_http() { # PORT
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
  local status_line
  status_line="$(timeout 3 head -n 1 <&3)"
  exec 3<&-
  [[ "$status_line" == "HTTP/1.1 200"* ]]
}

if [[ $# -eq 0 ]]; then
  echo "usage: blazebench-healthcheck grpc:PORT|http:PORT ..." >&2
  exit 1
fi
for check in "$@"; do
  case "$check" in
    grpc:*) probe_grpc "${check#grpc:}" || { echo "gRPC port ${check#grpc:} not answering" >&2; exit 1; } ;;
    http:*) probe_http "${check#http:}" || { echo "HTTP port ${check#http:} not answering" >&2; exit 1; } ;;
    *) echo "blazebench-healthcheck: unknown check '$check' (grpc:PORT or http:PORT)" >&2; exit 1 ;;
  esac
done
