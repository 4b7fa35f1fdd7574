"""Load ``POST /ask`` with wrk: a C client that costs the shared cores little CPU per request.

    from benchmarks.wrk import run_wrk, wrk_path
    if wrk_path():
        result = run_wrk("http://127.0.0.1:8000", connections=16, seconds=15)
        print(result.p50_ms, result.p99_ms, result.rps, result.failed)

benchmarks/load.py's Python generator burns about as much CPU per request as antqa's whole
answer; on two shared cores that caps both servers and squeezes any comparison. wrk runs one
thread here (``-t1``), keeps ``connections`` requests in flight for a fixed duration, and
``benchmarks/ask.lua`` rotates through the same questions as ``benchmarks/load.py``, counts
non-2xx responses and prints a ``WRK_JSON {...}`` summary line, which :func:`parse_wrk` reads.
Install it with ``apt-get install wrk``.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.load import QUESTIONS, check_loopback

SCRIPT = Path(__file__).with_name("ask.lua")
MARKER = "WRK_JSON "


@dataclass(frozen=True)
class WrkResult:
    """One wrk run; latencies from wrk's histogram, send to full response."""

    connections: int
    requests: int  # completed responses, any status
    seconds: float
    non2xx: int
    socket_errors: dict[str, int] = field(default_factory=dict)  # connect, read, write, timeout
    p50_ms: float = float("nan")
    p90_ms: float = float("nan")
    p99_ms: float = float("nan")
    max_ms: float = float("nan")
    mean_ms: float = float("nan")
    client_cpu_s: float = 0.0  # wrk's own user + system CPU time

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> int:
        """Responses that were not 2xx plus requests that got no response at all."""
        return self.non2xx + sum(self.socket_errors.values())


def wrk_path() -> str | None:
    """Where wrk is installed, or None (callers fall back to benchmarks/load.py)."""
    return shutil.which("wrk")


def parse_wrk(output: str, connections: int, client_cpu_s: float = 0.0) -> WrkResult:
    """Read the ``WRK_JSON`` line that ``benchmarks/ask.lua``'s ``done`` hook prints."""
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise ValueError(f"no {MARKER.strip()} line in wrk's output:\n{output}")
    summary = json.loads(lines[-1].removeprefix(MARKER))
    errors = summary["errors"]
    latency_ms = {k: v / 1000 for k, v in summary["latency_us"].items()}
    return WrkResult(
        connections=connections,
        requests=summary["requests"],
        seconds=summary["duration_us"] / 1e6,
        non2xx=summary["non2xx"],
        # errors["status"] (status > 399) is a subset of non2xx: not counted twice
        socket_errors={k: errors[k] for k in ("connect", "read", "write", "timeout")},
        p50_ms=latency_ms["p50"],
        p90_ms=latency_ms["p90"],
        p99_ms=latency_ms["p99"],
        max_ms=latency_ms["max"],
        mean_ms=latency_ms["mean"],
        client_cpu_s=client_cpu_s,
    )


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(
    url: str,
    connections: int,
    seconds: float,
    *,
    path: str = "/ask",
    questions: Sequence[str] = QUESTIONS,
    timeout: float = 30.0,
) -> WrkResult:
    """Keep ``connections`` questions in flight to ``url + path`` for ``seconds``, one thread."""
    check_loopback(url)
    wrk = wrk_path()
    if wrk is None:
        raise FileNotFoundError("wrk is not installed (apt-get install wrk)")
    if connections < 1 or seconds <= 0:
        raise ValueError("connections must be at least 1 and seconds positive")
    with tempfile.TemporaryDirectory(prefix="antqa-wrk-") as tmp:
        bodies = Path(tmp) / "bodies.jsonl"
        bodies.write_text("".join(json.dumps({"question": q}) + "\n" for q in questions))
        argv = [wrk, "-t1", f"-c{connections}", f"-d{seconds:g}s", f"--timeout={timeout:g}s"]
        argv += ["--latency", "-s", str(SCRIPT), url, "--", str(bodies), path]
        cpu_before = children_cpu_seconds()
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        cpu = children_cpu_seconds() - cpu_before
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse_wrk(done.stdout, connections, client_cpu_s=cpu)
