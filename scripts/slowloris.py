#!/usr/bin/env python3
"""Slowloris probe for the REST listener's --header-timeout.

Opens N connections to 127.0.0.1:PORT, each sending a request head of about 1 KB one byte a
second (so never idle for long, never done). With --keep-alive each connection first sends one
request at once and reads its answer, so that the slow head is its second. With --slow-body each
sends a whole POST head at once, then its 1 KB body one byte a second. With --http2-pings each
connection speaks HTTP/2 (prior knowledge) and sends only a PING a second, never a request; with
--http2-slow-body it sends a POST's headers at once (stream 1), then its body one byte a second;
with --unknown-length too, its headers carry no content-length.
Prints every 2 s how many connections are still open, and after SECONDS whether a new request is
served (a POST of a record in the slow-body modes, else GET /health). Stops by itself.

    python3 scripts/slowloris.py [--keep-alive | --slow-body | --http2-pings |
        --http2-slow-body [--unknown-length]] PORT N SECONDS

Against `blazebench serve --api rest --http-port PORT --idle-timeout 8s --max-connections 3000`:
with the default --header-timeout 10s every slow head is closed at 10-12 s; with --header-timeout
0s they are all still open at the end, past the idle timeout. A slow body is closed once it is
10 s old (the header timeout) and slower than 240 bytes a second. The HTTP/2 connections are
closed by the idle timeout (8-10 s), as they have no request open. An HTTP/2 slow body's stream is
reset once it is 10 s old and slower than 240 bytes a second; its connection, with no request open
then, is closed by the idle timeout after that (18-20 s). Without content-length each such request
reserves the largest body in the request buffer (--request-buffer), so a handful fill it: the rest
are answered 503 and closed at once, and every request with a body is refused until the handful end.
"""
import argparse
import asyncio
import struct
import time

SLOW_HEAD = b"GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1000
QUICK = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def h2_frame(frame_type, payload=b"", flags=0, stream=0):
    """An HTTP/2 frame (stream 0, no flags unless given)."""
    header = struct.pack(">I", len(payload))[1:] + bytes([frame_type, flags])
    return header + struct.pack(">I", stream) + payload


def hpack_literal(name, value):
    """One header as HPACK's literal without indexing, plain strings (each under 127 bytes)."""
    return bytes([0, len(name)]) + name + bytes([len(value)]) + value


SLOW_BODY = b" " * 1000 + b'{"title":"slow"}'


def h2_post_headers(with_length):
    """A POST of SLOW_BODY to /v1/bugs as an HPACK block, its content-length given or not."""
    fields = [
        (b":method", b"POST"),
        (b":scheme", b"http"),
        (b":path", b"/v1/bugs"),
        (b":authority", b"127.0.0.1"),
        (b"content-type", b"application/json"),
    ]
    if with_length:
        fields.append((b"content-length", b"%d" % len(SLOW_BODY)))
    return b"".join(hpack_literal(name, value) for name, value in fields)


async def slow_connection(port, mode, unknown_length, counts):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        counts["refused"] += 1
        return
    counts["open"] += 1
    try:
        if mode == "http2-pings":
            writer.write(H2_PREFACE + h2_frame(0x4))  # and an empty SETTINGS
            chunks = (h2_frame(0x6, b"12345678") for _ in range(len(SLOW_HEAD)))
        elif mode == "http2-slow-body":
            # SETTINGS, then HEADERS with END_HEADERS (0x4) but not END_STREAM: the body follows.
            headers = h2_post_headers(not unknown_length)
            writer.write(H2_PREFACE + h2_frame(0x4) + h2_frame(0x1, headers, 0x4, 1))
            chunks = (h2_frame(0x0, bytes([byte]), 0, 1) for byte in SLOW_BODY)
        elif mode == "slow-body":
            writer.write(
                b"POST /v1/bugs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + b"Content-Length: %d\r\n\r\n" % len(SLOW_BODY)
            )
            chunks = (bytes([byte]) for byte in SLOW_BODY)
        else:
            chunks = (bytes([byte]) for byte in SLOW_HEAD)
        if mode == "keep-alive":
            writer.write(QUICK)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            await reader.readexactly(length)
        for chunk in chunks:
            writer.write(chunk)
            await writer.drain()
            deadline = time.monotonic() + 1.0
            try:
                while time.monotonic() < deadline:  # read what comes (HTTP/2 answers pings)
                    left = deadline - time.monotonic()
                    if await asyncio.wait_for(reader.read(65536), timeout=left) == b"":
                        return  # closed by the server
            except asyncio.TimeoutError:
                pass
    except (ConnectionError, OSError, asyncio.IncompleteReadError):
        pass
    finally:
        counts["open"] -= 1
        writer.close()


async def new_request(port, with_body):
    """GET /health, or (with_body) POST of a small record; its status line and milliseconds."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    if with_body:
        body = b'{"title":"probe"}'
        writer.write(
            b"POST /v1/bugs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)
        )
    else:
        writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    await writer.drain()
    line = await asyncio.wait_for(reader.readline(), timeout=10)
    writer.close()
    return line.decode().strip() or "(closed, no answer)", round((time.monotonic() - started) * 1000)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--keep-alive", action="store_true", help="slow head is the second request")
    modes.add_argument("--slow-body", action="store_true", help="whole head, body a byte a second")
    modes.add_argument("--http2-pings", action="store_true", help="HTTP/2 PINGs, no request")
    modes.add_argument("--http2-slow-body", action="store_true", help="HTTP/2 body a byte a second")
    parser.add_argument(
        "--unknown-length",
        action="store_true",
        help="--http2-slow-body without content-length (the server reserves its largest body)",
    )
    parser.add_argument("port", type=int)
    parser.add_argument("connections", type=int)
    parser.add_argument("seconds", type=int)
    args = parser.parse_args()
    counts = {"open": 0, "refused": 0}
    mode = (
        "keep-alive"
        if args.keep_alive
        else "slow-body"
        if args.slow_body
        else "http2-pings"
        if args.http2_pings
        else "http2-slow-body"
        if args.http2_slow_body
        else "first-head"
    )
    tasks = [
        asyncio.create_task(slow_connection(args.port, mode, args.unknown_length, counts))
        for _ in range(args.connections)
    ]
    started = time.monotonic()
    while time.monotonic() - started < args.seconds:
        await asyncio.sleep(2)
        print(f"t={time.monotonic() - started:5.1f}s open={counts['open']}", flush=True)
    try:
        with_body = mode in ("slow-body", "http2-slow-body")
        status, millis = await new_request(args.port, with_body)
        print(f"new request ({'POST /v1/bugs' if with_body else 'GET /health'}): {status} in {millis} ms")
    except (ConnectionError, OSError, asyncio.TimeoutError) as e:
        print(f"new request: failed ({e!r})")
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


asyncio.run(main())
