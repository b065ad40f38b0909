#!/bin/bash
# blazebench-healthcheck grpc:PORT | http:PORT ... : exit 0 when every listed port of the
# BlazeBench server in this container answers, 1 otherwise. Installed in the Docker image as
# /usr/local/bin/blazebench-healthcheck; docker-compose.yml's health checks call it.
#
# Bash and coreutils only (the image has no curl or grpc_health_probe):
#   grpc: speaks just enough HTTP/2 to call grpc.health.v1.Health/Check for the server as a whole
#         (service ""): the client preface, an empty SETTINGS frame, a HEADERS frame of literal
#         header fields (HPACK without Huffman or indexing) and a DATA frame holding the empty
#         request; wants the answer's DATA frame to be HealthCheckResponse{status: SERVING}
#         (00 00000002 0801). NOT_SERVING (a stop begun, the store failed), a reset, GOAWAY or no
#         answer in 3 s fail.
#   http: GET /health wants "HTTP/1.1 200": the REST server answers and its store takes writes
#         (503 once the store has failed).
# The server opens its ports only after seeding, so an answer means ready.
set -u

hex() { od -An -tx1 | tr -d ' \n'; }

# One HPACK literal header field without indexing, new name (RFC 7541 6.2.2), as printf escapes;
# names and values here are shorter than 127 bytes, so each length is one byte.
literal() { printf '\\x00\\x%02x%s\\x%02x%s' "${#1}" "$1" "${#2}" "$2"; }

probe_grpc() { # PORT
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  local block length
  block="$(literal :method POST)$(literal :scheme http)$(literal :path /grpc.health.v1.Health/Check)"
  block+="$(literal :authority localhost)$(literal content-type application/grpc)$(literal te trailers)"
  length=$(printf "$block" | wc -c)
  {
    printf 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'
    printf '\x00\x00\x00\x04\x00\x00\x00\x00\x00' # SETTINGS, empty
    # HEADERS, END_HEADERS, stream 1; then its header block.
    printf "\\x00\\x00\\x$(printf %02x "$length")\\x01\\x04\\x00\\x00\\x00\\x01"
    printf "$block"
    # DATA, END_STREAM, stream 1: a gRPC message of 0 bytes (uncompressed), the empty request.
    printf '\x00\x00\x05\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00'
  } >&3
  local frames=0 header size payload
  while ((frames++ < 20)); do
    header="$(timeout 3 head -c 9 <&3 | hex)"
    [[ ${#header} -eq 18 ]] || break
    size=$((16#${header:0:6}))
    payload=""
    if ((size > 0)); then payload="$(timeout 3 head -c "$size" <&3 | hex)"; fi
    case "${header:6:2}" in
      00) # DATA: the answer
        exec 3<&-
        [[ "$payload" == "00000000020801" ]]
        return
        ;;
      03 | 07) break ;; # RST_STREAM, GOAWAY
    esac
  done
  exec 3<&-
  return 1
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
    grpc:*) probe_grpc "${check#grpc:}" || { echo "gRPC port ${check#grpc:}: health not SERVING, or no answer" >&2; exit 1; } ;;
    http:*) probe_http "${check#http:}" || { echo "HTTP port ${check#http:}: /health not 200, or no answer" >&2; exit 1; } ;;
    *) echo "blazebench-healthcheck: unknown check '$check' (grpc:PORT or http:PORT)" >&2; exit 1 ;;
  esac
done
