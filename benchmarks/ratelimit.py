"""What fair use costs per question: one ``take`` of the in-memory and the Redis limiter.

    PYTHONPATH=src:. .venv/bin/python benchmarks/ratelimit.py [--rounds 5000]

Starts a throwaway ``redis-server`` on a free loopback port
(:mod:`benchmarks.redis_process`). Each round takes once from each limiter, in turn, for
one of 1,000 clients under a limit no one reaches (so every take does the full
read-and-write); the table shows p50 and p99 in microseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from antqa.ratelimit import MemoryRateLimiter, Rate, RateLimiter, RedisRateLimiter
from benchmarks.redis_process import redis_binary, redis_server

#: A limit no client of the benchmark reaches: every take is counted, none refused.
UNREACHED = Rate(per_minute=10**9, burst=10**9)
CLIENTS = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5000)
    args = parser.parse_args()
    if redis_binary() is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    with tempfile.TemporaryDirectory() as folder, redis_server(Path(folder)) as server:
        url = server.url
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
    print(f"| limiter | p50 µs | p99 µs |  ({args.rounds} takes each, interleaved)")
    print("| --- | --- | --- |")
    for name, values in timings.items():
        p99 = statistics.quantiles(values, n=100)[98]
        print(f"| {name} | {statistics.median(values):.1f} | {p99:.1f} |")


if __name__ == "__main__":
    main()
