#!/usr/bin/env python3
"""Slowloris probe for the REST listener's --header-timeout.

Opens N connections to 127.0.0.1:PORT, each sending a request head of about 1 KB one byte a
second (so never idle for long, never done). With --keep-alive each connection first sends one
request at once and reads its answer, so that the slow head is its second. Prints every 2 s how
many connections are still open, and after SECONDS whether a new request is served. Stops by
itself.

    python3 scripts/slowloris.py [--keep-alive] PORT N SECONDS

Against `blazebench serve --api rest --http-port PORT --idle-timeout 8s --max-connections 3000`:
with the default --header-timeout 10s every slow connection is closed at 10-12 s; with
--header-timeout 0s they are all still open at the end, past the idle timeout.
"""
import argparse
import asyncio
import time

SLOW_HEAD = b"GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1000
QUICK = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


async def slow_connection(port, keep_alive, counts):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        counts["refused"] += 1
        return
    counts["open"] += 1
    try:
        if keep_alive:
            writer.write(QUICK)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            await reader.readexactly(length)
        for byte in SLOW_HEAD:
            writer.write(bytes([byte]))
            await writer.drain()
            try:
                if await asyncio.wait_for(reader.read(1), timeout=1.0) == b"":
                    break  # closed by the server
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
    parser.add_argument("--keep-alive", action="store_true", help="slow head is the second request")
    parser.add_argument("port", type=int)
    parser.add_argument("connections", type=int)
    parser.add_argument("seconds", type=int)
    args = parser.parse_args()
    counts = {"open": 0, "refused": 0}
    tasks = [
        asyncio.create_task(slow_connection(args.port, args.keep_alive, counts))
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
