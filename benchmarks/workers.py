"""Requests/s of ``antqa serve --workers 2`` against ``--workers 1``, side by side.

    python -m benchmarks.workers                          # 16 clients, 20 s, 2 rounds
    python -m benchmarks.workers --clients 16 --seconds 30 --rounds 3

(from the repository root; loopback only). Each round starts ``antqa serve --workers 1``
and then ``--workers 2`` (both with the SQLite store in a temp folder, as on one machine),
waits until every worker has loaded the model, and loads ``POST /ask`` with ``--clients``
requests in flight for ``--seconds``: with wrk when it is installed (``benchmarks/wrk.py``:
little client CPU), else the Python generator (``benchmarks/load.py``). The table shows
each run, then the medians and their ratio. Non-200 responses are counted; there must be
none.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.load import run_load
from benchmarks.serve_process import ROOT, SERVE_ARGS, served
from benchmarks.wrk import run_wrk, wrk_path

STARTED = "Application startup complete"


@dataclass(frozen=True)
class Run:
    workers: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def measure(workers: int, clients: int, seconds: float, state_dir: str) -> Run:
    """One server with ``workers`` processes, loaded for ``seconds``."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "HF_HUB_OFFLINE": "1",
        "ANTQA_STATE_DIR": state_dir,
        "ANTQA_ASK_RATE_PER_MINUTE": "0",  # every simulated client shares one address
    }
    command = [sys.executable, "-m", "antqa", *SERVE_ARGS, "--workers", str(workers)]
    with served(env, command) as server:
        for _ in range(workers if workers > 1 else 0):
            server.expect(STARTED, timeout=300)
        run_load(server.url, 1, 2 * workers, warmup=0)  # each worker's first-request costs
        if wrk_path():
            wrk = run_wrk(server.url, clients, seconds)
            return Run(workers, wrk.rps, wrk.p50_ms, wrk.p99_ms, wrk.failed)
        load = run_load(server.url, clients, 10**6, max_seconds=seconds, warmup=0)
        errors = load.requests - load.ok
        return Run(workers, load.rps, load.p50_ms, load.p99_ms, errors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    client = "wrk" if wrk_path() else "benchmarks/load.py"
    print(
        f"{args.clients} clients, {args.seconds:g} s per run, load from {client}, cores: "
        f"{os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}"
    )
    print(f"{'round':>5} {'workers':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="antqa-workers-") as state_dir:
        for number in range(1, args.rounds + 1):
            for workers in (1, 2):
                run = measure(workers, args.clients, args.seconds, state_dir)
                runs.append(run)
                print(
                    f"{number:>5} {run.workers:>7} {run.rps:>8.1f} {run.p50_ms:>8.1f} "
                    f"{run.p99_ms:>8.1f} {run.errors:>6}",
                    flush=True,
                )
    one, two = (statistics.median(r.rps for r in runs if r.workers == w) for w in (1, 2))
    print(f"median req/s: --workers 1 {one:.1f}, --workers 2 {two:.1f}, ratio {two / one:.2f}")
    return 0 if all(r.errors == 0 for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
