"""What fair use costs per question: one ``take`` of the in-memory and the Redis limiter.

    PYTHONPATH=src:. .venv/bin/python benchmarks/ratelimit.py [--rounds 5000]

Starts a throwaway ``redis-server`` on a free loopback port (Debian's package). Each round
takes once from each limiter, in turn, for one of 1,000 clients under a limit no one
reaches (so every take does the full read-and-write); the table shows p50 and p99 in
microseconds.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import tempfile
import time

import redis

from antqa.ratelimit import MemoryRateLimiter, Rate, RateLimiter, RedisRateLimiter

#: A limit no client of the benchmark reaches: every take is counted, none refused.
UNREACHED = Rate(per_minute=10**9, burst=10**9)
CLIENTS = 1000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5000)
    args = parser.parse_args()
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    with (
        tempfile.TemporaryDirectory() as folder,
        subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
            stdout=subprocess.DEVNULL,
        ) as server,
    ):
        url = f"redis://127.0.0.1:{port}/0"
        for _ in range(200):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        limiters: dict[str, RateLimiter] = {
            "memory": MemoryRateLimiter(UNREACHED),
            "redis": RedisRateLimiter.from_url(UNREACHED, url),
        }
        timings: dict[str, list[float]] = {name: [] for name in limiters}
        for round_ in range(args.rounds):
            client = f"addr:10.0.{round_ % CLIENTS // 256}.{round_ % 256}"
            for name, limiter in limiters.items():
                started = time.perf_counter()
                limiter.take(client)
                timings[name].append((time.perf_counter() - started) * 1e6)
        server.terminate()
    print(f"| limiter | p50 µs | p99 µs |  ({args.rounds} takes each, interleaved)")
    print("| --- | --- | --- |")
    for name, values in timings.items():
        p99 = statistics.quantiles(values, n=100)[98]
        print(f"| {name} | {statistics.median(values):.1f} | {p99:.1f} |")


if __name__ == "__main__":
    main()
