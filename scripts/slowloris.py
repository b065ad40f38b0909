#!/usr/bin/env python3
"""Slowloris probe for the REST listener's --header-timeout.

Opens N connections to 127.0.0.1:PORT, each sending a request head of about 1 KB one byte a
second (so never idle for long, never done). With --keep-alive each connection first sends one
request at once and reads its answer, so that the slow head is its second. With --slow-body each
sends a whole POST head at once, then its 1 KB body one byte a second. With --http2-pings each
connection speaks HTTP/2 (prior knowledge) and sends only a PING a second, never a request.
Prints every 2 s how many connections are still open, and after SECONDS whether a new request is
served. Stops by itself.

    python3 scripts/slowloris.py [--keep-alive | --slow-body | --http2-pings] PORT N SECONDS

Against `blazebench serve --api rest --http-port PORT --idle-timeout 8s --max-connections 3000`:
with the default --header-timeout 10s every slow head is closed at 10-12 s; with --header-timeout
0s they are all still open at the end, past the idle timeout. A slow body is closed once it is
10 s old (the header timeout) and slower than 240 bytes a second. The HTTP/2 connections are
closed by the idle timeout (8-10 s), as they have no request open.
"""
import argparse
import asyncio
import struct
import time

SLOW_HEAD = b"GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1000
QUICK = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def h2_frame(frame_type, payload=b""):
    """An HTTP/2 frame on stream 0 with no flags."""
    return struct.pack(">I", len(payload))[1:] + bytes([frame_type, 0]) + struct.pack(">I", 0) + payload


async def slow_connection(port, mode, counts):
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
        elif mode == "slow-body":
            body = b" " * 1000 + b'{"title":"slow"}'
            writer.write(
                b"POST /v1/bugs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + b"Content-Length: %d\r\n\r\n" % len(body)
            )
            chunks = (bytes([byte]) for byte in body)
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


async def new_request(port):
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
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
        else "first-head"
    )
    tasks = [
        asyncio.create_task(slow_connection(args.port, mode, counts))
        for _ in range(args.connections)
    ]
    started = time.monotonic()
    while time.monotonic() - started < args.seconds:
        await asyncio.sleep(2)
        print(f"t={time.monotonic() - started:5.1f}s open={counts['open']}", flush=True)
    try:
        status, millis = await new_request(args.port)
        print(f"new request: {status} in {millis} ms")
    except (ConnectionError, OSError, asyncio.TimeoutError) as e:
        print(f"new request: failed ({e!r})")
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


asyncio.run(main())
