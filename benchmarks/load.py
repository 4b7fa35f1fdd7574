"""A small, loopback-only load generator for ``POST /ask``: latency percentiles and throughput.

As a script (start ``ANTQA_ASK_RATE_PER_MINUTE=0 antqa serve`` first: every client of the
load shares one address, so fair use would refuse most of it)::

    python benchmarks/load.py --url http://127.0.0.1:8000 --clients 1 16 --requests 200

As a library (e.g. to compare another endpoint on the same questions)::

    from benchmarks.load import run_load
    result = run_load("http://127.0.0.1:8000", clients=16, requests=200, path="/ask")
    print(result.p50_ms, result.p99_ms, result.rps)

Each run is bounded twice: ``requests`` in total, and ``max_seconds`` of wall time, after
which no new request starts. It refuses any host that is not this machine's loopback.
Every client keeps one connection open and sends its next question as soon as the last
one is answered (closed loop), so ``clients`` is the number of requests in flight.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

#: Questions about the article, varied in kind and length; a few the article cannot answer.
QUESTIONS: tuple[str, ...] = (
    "What happened at the Huanglong Sports Center in October 2016?",
    "How many employees watched the leadership handover?",
    "What turned Alipay from a payment company into a financial group?",
    "What is empathy, as the author describes it?",
    "Which publisher is bringing out You Xi's book about Ant Financial?",
    "What was the circle incident about?",
    "Which life circles were involved in the circle incident?",
    "How did the management team reflect on the circle incident?",
    "Which telecom company could not issue its private placement bonds on time?",
    "When did Zheshang Property & Casualty Insurance take on the guarantee?",
    "Why does the Zhaocaibao default clash with Ant Financial's product image?",
    "Where does Alipay still have an advantage over WeChat Pay?",
    "How does the author compare Tenpay with Alipay in the PC era?",
    "Why is Internet finance called a contradiction?",
    "What was Taobao's corporate culture like?",
    "Why are financial risks hard to see in the short term?",
    "What is Hupan University mentioned for?",
    "What does 'not being social' mean for Ant Financial's strategy?",
    "How does guaranteed payment build trust between buyers and sellers?",
    "What does quick payment save users from doing?",
    "Who serves as squad leader in Alipay's class committee?",
    "Where did Yu Yongfu first try the class committee system?",
    "Why does the author think Ant Financial can come out of the crisis?",
    "Can you explain why selling high-risk unqualified products to the public raised "
    "questions about the partnership between Internet platforms and financial exchanges, "
    "and what the insurer eventually did about the defaulted products?",
    "蚂蚁金服为什么决定不做社交？",
    "What is the population of Iceland?",
    "How do I reset my home router?",
    "Who won the football world cup in 2014?",
)
#: Asked before a run is timed, and not counted: a few questions, and one in Chinese, whose
#: first asking reads the glossing dictionary (once per server: seconds, not a question's cost).
WARM_UP: tuple[str, ...] = (*QUESTIONS[:5], "彭蕾在蚂蚁金服工作了几年？")


@dataclass(frozen=True)
class LoadResult:
    """What one run measured; latencies are per request, from send to full response."""

    clients: int
    requests: int
    seconds: float
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0  # requests that got no HTTP response at all (connection error, timeout)
    latencies_ms: tuple[float, ...] = ()

    @property
    def ok(self) -> int:
        return self.statuses.get(200, 0)

    @property
    def rps(self) -> float:
        """Completed requests (any status) per second of wall time."""
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]

    @property
    def p50_ms(self) -> float:
        return self.percentile_ms(50)

    @property
    def p99_ms(self) -> float:
        return self.percentile_ms(99)

    @property
    def mean_ms(self) -> float:
        return statistics.fmean(self.latencies_ms) if self.latencies_ms else float("nan")


def check_loopback(url: str) -> None:
    """Refuse anything but this machine: this tool must never load someone else's server."""
    host = urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise ValueError(f"{url}: only loopback URLs (127.0.0.1, localhost, ::1) are allowed")


async def _run(
    url: str,
    clients: int,
    requests: int,
    questions: Sequence[str],
    path: str,
    headers: dict[str, str],
    max_seconds: float,
    timeout: float,
) -> LoadResult:
    issued = 0
    statuses: Counter[int] = Counter()
    failures = 0
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=timeout
    ) as client:
        started = time.perf_counter()
        deadline = started + max_seconds

        async def one_client() -> None:
            nonlocal issued, failures
            while issued < requests and time.perf_counter() < deadline:
                question = questions[issued % len(questions)]
                issued += 1
                sent = time.perf_counter()
                try:
                    response = await client.post(path, json={"question": question})
                except httpx.HTTPError:
                    failures += 1
                    continue
                latencies.append((time.perf_counter() - sent) * 1000)
                statuses[response.status_code] += 1

        await asyncio.gather(*(one_client() for _ in range(clients)))
        seconds = time.perf_counter() - started
    return LoadResult(
        clients=clients,
        requests=issued,
        seconds=seconds,
        statuses=dict(statuses),
        failures=failures,
        latencies_ms=tuple(latencies),
    )


def run_load(
    url: str,
    clients: int,
    requests: int,
    *,
    path: str = "/ask",
    questions: Sequence[str] = QUESTIONS,
    api_key: str | None = None,
    max_seconds: float = 120.0,
    warmup: int = 5,
    timeout: float = 60.0,
) -> LoadResult:
    """Send ``requests`` questions to ``url + path`` from ``clients`` concurrent clients.

    ``warmup`` requests go first, one at a time, and are not counted.
    """
    check_loopback(url)
    if clients < 1 or requests < 1:
        raise ValueError("clients and requests must be at least 1")
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    if warmup:
        asyncio.run(_run(url, 1, warmup, questions, path, headers, max_seconds, timeout))
    return asyncio.run(_run(url, clients, requests, questions, path, headers, max_seconds, timeout))


def format_result(result: LoadResult) -> str:
    statuses = " ".join(f"{code}×{n}" for code, n in sorted(result.statuses.items()))
    failed = f" no-response×{result.failures}" if result.failures else ""
    return (
        f"{result.clients:>7} {result.requests:>8} {result.p50_ms:>8.1f} {result.p99_ms:>8.1f} "
        f"{result.mean_ms:>8.1f} {result.rps:>8.1f}   {statuses}{failed}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="loopback base URL")
    parser.add_argument("--path", default="/ask", help="endpoint taking {'question': ...}")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--requests", type=int, default=200, help="per client count")
    parser.add_argument("--max-seconds", type=float, default=120.0, help="per client count")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--api-key", default=None, help="sent as Authorization: Bearer")
    args = parser.parse_args(argv)
    try:
        check_loopback(args.url)
        httpx.get(f"{args.url}/healthz", timeout=10).raise_for_status()
    except (ValueError, httpx.HTTPError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.url}{args.path}, {len(QUESTIONS)} questions in rotation")
    print(f"{'clients':>7} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'req/s':>8}")
    for clients in args.clients:
        result = run_load(
            args.url,
            clients,
            args.requests,
            path=args.path,
            api_key=args.api_key,
            max_seconds=args.max_seconds,
            warmup=args.warmup,
        )
        print(format_result(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
