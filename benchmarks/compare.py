"""``antqa serve`` against the naive endpoint, side by side, on loopback.

    PYTHONPATH=src:. .venv/bin/python benchmarks/compare.py [--rounds 3]

Each round starts each server as a subprocess on a free loopback port (one at a time,
the order alternating between rounds) and measures:

- cold start: from process start to the first answered ``POST /ask``;
- latency at 1 client (p50, p99) and throughput at 16 clients (closed loop, see
  ``benchmarks/load.py``; the load generator shares the machine's cores with the server);
- the server's CPU time per request at 16 clients (user + system, from /proc): unlike
  requests/s it depends little on what else runs on the machine, and 2 cores divided by
  it bounds the throughput the server could reach with the machine to itself; the load
  generator's own CPU per request is shown too (it runs on the same cores);
- resident memory of the server after the load (VmRSS, and VmHWM the peak, from /proc).

The table shows the median over rounds and the ratio naive / antqa (higher is better
for antqa in every row but the client's CPU, which is the load generator's).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.load import run_load

ROOT = Path(__file__).resolve().parents[1]
FIRST_QUESTION = "Who became CEO when Peng Lei stepped down?"


@dataclass(frozen=True)
class Server:
    name: str
    argv: tuple[str, ...]


SERVERS = (
    Server("naive", (sys.executable, str(ROOT / "benchmarks" / "naive_endpoint.py"), "--port")),
    Server("antqa", (sys.executable, "-m", "antqa", "serve", "--port")),
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in kB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            fields[key] = int(value.split()[0])
    return fields


def wait_for_first_answer(url: str, process: subprocess.Popen[bytes], limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            if httpx.post(f"{url}/ask", json={"question": FIRST_QUESTION}, timeout=30).is_success:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"no answer from {url} within {limit} s")


def measure(server: Server, one_client: int, sixteen_clients: int) -> dict[str, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTQA_", "DISCORD_"))}
    env.update(PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]), HF_HUB_OFFLINE="1")
    began = time.perf_counter()
    process = subprocess.Popen(
        [*server.argv, str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_first_answer(url, process, limit=120)
        cold = time.perf_counter() - began
        single = run_load(url, 1, one_client, max_seconds=60)
        server_before, client_before = cpu_seconds(process.pid), time.process_time()
        many = run_load(url, 16, sixteen_clients, max_seconds=60)
        server_cpu = cpu_seconds(process.pid) - server_before
        client_cpu = time.process_time() - client_before
        memory = memory_kb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for result in (single, many):
        if result.ok != len(result.latencies_ms):
            raise RuntimeError(f"{server.name}: not every request succeeded: {result.statuses}")
    return {
        "cold start, s": cold,
        "p50 at 1 client, ms": single.p50_ms,
        "p99 at 1 client, ms": single.p99_ms,
        "requests/s at 16 clients": many.rps,
        "p50 at 16 clients, ms": many.p50_ms,
        "server CPU per request, ms": server_cpu / len(many.latencies_ms) * 1000,
        "client CPU per request, ms": client_cpu / len(many.latencies_ms) * 1000,
        "RSS after load, MB": memory["VmRSS"] / 1024,
        "peak RSS, MB": memory["VmHWM"] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests-1", type=int, default=300, help="requests at 1 client")
    parser.add_argument("--requests-16", type=int, default=1000, help="requests at 16 clients")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {s.name: [] for s in SERVERS}
    for round_no in range(args.rounds):
        order = SERVERS if round_no % 2 == 0 else SERVERS[::-1]
        for server in order:
            figures = measure(server, args.requests_1, args.requests_16)
            runs[server.name].append(figures)
            shown = ", ".join(f"{k} {v:.1f}" for k, v in figures.items())
            print(f"round {round_no + 1} {server.name}: {shown}", flush=True)
    median = {
        name: {k: statistics.median(r[k] for r in results) for k in results[0]}
        for name, results in runs.items()
    }
    naive, antqa = median["naive"], median["antqa"]
    print(f"\nmedian of {args.rounds} rounds")
    print(f"| {'metric':<26} | {'naive':>8} | {'antqa':>8} | {'antqa better by':>15} |")
    print(f"|{'-' * 28}|{'-' * 9}:|{'-' * 9}:|{'-' * 16}:|")
    for key in naive:
        higher_is_better = key.startswith("requests/s")
        ratio = antqa[key] / naive[key] if higher_is_better else naive[key] / antqa[key]
        print(f"| {key:<26} | {naive[key]:>8.1f} | {antqa[key]:>8.1f} | {ratio:>14.1f}x |")
    tail = antqa["p99 at 1 client, ms"] / antqa["p50 at 1 client, ms"]
    print(f"antqa p99/p50 at 1 client: {tail:.1f}")


if __name__ == "__main__":
    main()
