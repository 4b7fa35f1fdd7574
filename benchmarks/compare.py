"""``antqa serve`` against the naive endpoint, side by side, on loopback.

    PYTHONPATH=src:. .venv/bin/python benchmarks/compare.py [--rounds 3] [--client wrk]

Each round starts each server as a subprocess on a free loopback port (one at a time,
the order alternating between rounds) and measures:

- cold start: from process start to the first answered ``POST /ask``;
- latency at 1 client (p50, p99) and throughput at 16 clients (closed loop: each client
  sends its next question when the last is answered). The load comes from wrk
  (``benchmarks/wrk.py``, a fixed duration per client count) when it is installed, else from
  the Python generator ``benchmarks/load.py`` (a fixed number of requests), which costs
  about as much CPU per request as antqa's answer on the cores it shares with the server;
  the client used is printed. Every response must be 2xx: failures are counted and reported;
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
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import httpx

from benchmarks.load import WARM_UP, run_load
from benchmarks.wrk import run_wrk, wrk_path

ROOT = Path(__file__).resolve().parents[1]
FIRST_QUESTION = "Who became CEO when Peng Lei stepped down?"
COUNTS = ("requests", "failed requests")  # summed over rounds, not part of the table


@dataclass(frozen=True)
class Server:
    name: str
    argv: tuple[str, ...]
    #: Folders put first on its PYTHONPATH: another checkout's ``src`` runs that version.
    pythonpath: tuple[str, ...] = ()


SERVERS = (
    Server("naive", (sys.executable, str(ROOT / "benchmarks" / "naive_endpoint.py"), "--port")),
    Server("antqa", (sys.executable, "-m", "antqa", "serve", "--port")),
)


@dataclass(frozen=True)
class Run:
    """What one load run measured, whichever client produced it."""

    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    failed: int  # non-2xx responses and requests that got no response
    client_cpu_s: float


#: Puts load on a server's base URL from a number of clients.
Load = Callable[[str, int], Run]


def wrk_load(url: str, clients: int, seconds: dict[int, float]) -> Run:
    result = run_wrk(url, clients, seconds[clients])
    return Run(
        result.requests, result.rps, result.p50_ms, result.p99_ms, result.failed,
        result.client_cpu_s,
    )  # fmt: skip


def python_load(url: str, clients: int, requests: dict[int, int]) -> Run:
    cpu_before = time.process_time()
    result = run_load(url, clients, requests[clients], max_seconds=60)
    answered = len(result.latencies_ms)
    return Run(
        answered, result.rps, result.p50_ms, result.p99_ms,
        answered - result.ok + result.failures, time.process_time() - cpu_before,
    )  # fmt: skip


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


def measure(server: Server, load: Load) -> dict[str, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTQA_", "DISCORD_"))}
    path = [*server.pythonpath, str(ROOT / "src"), str(ROOT)]
    env.update(PYTHONPATH=os.pathsep.join(path), HF_HUB_OFFLINE="1")
    env["ANTQA_ASK_RATE_PER_MINUTE"] = "0"  # the load's clients share one address
    began = time.perf_counter()
    process = subprocess.Popen(
        [*server.argv, str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # importing torch (the naive endpoint) can take minutes on a busy machine
        wait_for_first_answer(url, process, limit=300)
        cold = time.perf_counter() - began
        for question in WARM_UP:  # not counted
            httpx.post(f"{url}/ask", json={"question": question}, timeout=30)
        single = load(url, 1)
        server_before = cpu_seconds(process.pid)
        many = load(url, 16)
        server_cpu = cpu_seconds(process.pid) - server_before
        memory = memory_kb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {
        "cold start, s": cold,
        "p50 at 1 client, ms": single.p50_ms,
        "p99 at 1 client, ms": single.p99_ms,
        "requests/s at 16 clients": many.rps,
        "p50 at 16 clients, ms": many.p50_ms,
        "server CPU per request, ms": server_cpu / many.requests * 1000,
        "client CPU per request, ms": many.client_cpu_s / many.requests * 1000,
        "RSS after load, MB": memory["VmRSS"] / 1024,
        "peak RSS, MB": memory["VmHWM"] / 1024,
        "requests": single.requests + many.requests,
        "failed requests": single.failed + many.failed,
    }


def choose_load(args: argparse.Namespace) -> Load:
    """wrk when installed (or asked for), else the Python generator; says which."""
    use_wrk = args.client == "wrk" or (args.client == "auto" and wrk_path() is not None)
    if use_wrk:
        seconds = {1: args.seconds_1, 16: args.seconds_16}
        print(f"load client: wrk, 1 thread, {args.seconds_1:g} s at 1 client and "
              f"{args.seconds_16:g} s at 16 (benchmarks/wrk.py)")  # fmt: skip
        return partial(wrk_load, seconds=seconds)
    why = "" if args.client == "python" else " (wrk is not installed: apt-get install wrk)"
    print(f"load client: Python, benchmarks/load.py, {args.requests_1} requests at 1 client "
          f"and {args.requests_16} at 16{why}")  # fmt: skip
    return partial(python_load, requests={1: args.requests_1, 16: args.requests_16})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--seconds-1", type=float, default=10, help="wrk: seconds at 1 client")
    parser.add_argument("--seconds-16", type=float, default=15, help="wrk: s at 16 clients")
    parser.add_argument("--requests-1", type=int, default=300, help="Python: at 1 client")
    parser.add_argument("--requests-16", type=int, default=1000, help="Python: at 16 clients")
    args = parser.parse_args()
    load = choose_load(args)
    runs: dict[str, list[dict[str, float]]] = {s.name: [] for s in SERVERS}
    for round_no in range(args.rounds):
        order = SERVERS if round_no % 2 == 0 else SERVERS[::-1]
        for server in order:
            figures = measure(server, load)
            runs[server.name].append(figures)
            shown = ", ".join(f"{k} {v:.1f}" for k, v in figures.items() if k not in COUNTS)
            counted = f"{figures['failed requests']:.0f} of {figures['requests']:.0f} failed"
            print(f"round {round_no + 1} {server.name}: {shown}; {counted}", flush=True)
    median = {
        name: {k: statistics.median(r[k] for r in results) for k in results[0] if k not in COUNTS}
        for name, results in runs.items()
    }
    naive, antqa = median["naive"], median["antqa"]
    print(f"\nmedian of {args.rounds} rounds")
    print(f"| {'metric':<26} | {'naive':>8} | {'antqa':>8} | {'antqa better by':>15} |")
    print(f"|{'-' * 28}|{'-' * 9}:|{'-' * 9}:|{'-' * 16}:|")
    for key in naive:
        higher_is_better = key.startswith("requests/s")
        ratio = antqa[key] / naive[key] if higher_is_better else naive[key] / antqa[key]
        shown = "" if key.startswith("client") else f"{ratio:.1f}x"  # the load generator's
        print(f"| {key:<26} | {figure(naive[key])} | {figure(antqa[key])} | {shown:>15} |")
    tail = antqa["p99 at 1 client, ms"] / antqa["p50 at 1 client, ms"]
    print(f"antqa p99/p50 at 1 client: {tail:.1f}")
    report_failures(runs)


def figure(value: float) -> str:
    """One decimal, two below 1 (wrk's CPU per request is a few hundredths of a ms)."""
    return f"{value:>8.{2 if abs(value) < 1 else 1}f}"


def report_failures(runs: dict[str, list[dict[str, float]]]) -> None:
    """Say plainly whether every request was answered 2xx: figures with errors mislead."""
    for name, results in runs.items():
        total = sum(r["requests"] for r in results)
        failed = sum(r["failed requests"] for r in results)
        if failed:
            print(f"WARNING: {name}: {failed:.0f} of {total:.0f} requests failed "
                  "(non-2xx or no response); its figures include them")  # fmt: skip
        else:
            print(f"{name}: all {total:.0f} requests answered 2xx")


if __name__ == "__main__":
    main()
