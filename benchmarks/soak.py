"""Soak: thousands of distinct questions at 32 concurrent clients, round after round, against
real ``antqa serve`` child processes on loopback; errors, latency, lost follow-ups and memory.

    python -m benchmarks.soak                                  # 5 rounds × 2000 questions
    python -m benchmarks.soak --rounds 8 --requests 3000 --clients 32 --max-conversations 1000
    python -m benchmarks.soak --replicas 2 --redis             # two replicas sharing one Redis

(from the repository root; the server runs this checkout's code).

No question is asked twice in a run (they are generated from templates and terms of the
article), so nothing can look bounded just because it was asked the same thing. Each round
is :func:`benchmarks.load.run_load`; between rounds the server's resident memory (RSS) and
its conversation count (``antqa_conversations`` on ``/metrics``) are read.

The run passes (exit status 0) when:

- **no errors**: every request got a response, and every response was 200. A 503 is the
  server shedding load on purpose (more questions than ``ANTQA_ASK_WORKERS`` +
  ``ANTQA_ASK_MAX_PENDING`` at once); with fewer clients than that it must not happen, so it
  counts as an error. With more clients, 503s are reported as shed, not as errors.
- **no long tail**: p99 ≤ 10 × p50 in every round.
- **flat memory**: RSS after the last round is within 5 % (or 16 MB) of RSS after round 2.
  Round 1 fills the conversation store up to its bound (``--max-conversations``, given to
  the server as ``ANTQA_MAX_CONVERSATIONS``); from then on nothing may grow.

- **no lost follow-ups**: during each round, ``--follow-ups`` conversations are started on
  one replica and continued on the next; a follow-up whose answer carries a notice or
  another conversation id lost its context.

``--replicas N`` starts N servers sharing one conversation store (SQLite in a temp folder,
or with ``--redis`` a redis-server started on a free port, as ``ANTQA_REDIS_URL``); the
clients are split between them, RSS is their sum, and with Redis its ``used_memory`` must
stay flat too.

Bounded: ``rounds × requests`` questions, and ``--max-seconds`` per round. Loopback only.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import redis

from benchmarks.load import LoadResult, run_load
from benchmarks.redis_process import RedisProcess, redis_server
from benchmarks.serve_process import ROOT, ServedProcess, served

ARTICLE = ROOT / "corpus" / "ant-financial-crisis-response.txt"
TAIL_LIMIT = 10.0  # p99 / p50
RSS_TOLERANCE = 0.05
RSS_SLACK_BYTES = 16 * 2**20

ONE_TERM = (
    "What does the article say about {a}?",
    "Who is {a}?",
    "What happened with {a}?",
    "Why does the author mention {a}?",
    "When was {a} mentioned in the crisis?",
    "How did {a} affect Ant Financial?",
    "What role did {a} play?",
    "Can you summarise the part about {a}?",
    "Is {a} described as a risk?",
    "关于{a}，文章说了什么？",
)
TWO_TERMS = (
    "How is {a} related to {b}?",
    "What do {a} and {b} have in common?",
    "Did {a} change after {b}?",
    "Compare {a} with {b}.",
    "Why are {a} and {b} mentioned together?",
    "What did {a} say about {b}?",
)
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][\w-]+(?: [A-Z][\w-]+)*")
_WORD = re.compile(r"\b[a-z]{6,}\b")
_COMMON = frozenset(
    [
        "because",
        "should",
        "through",
        "between",
        "another",
        "himself",
        "herself",
        "itself",
        "themselves",
        "however",
        "without",
        "something",
        "whether",
        "before",
        "after",
        "during",
        "within",
        "really",
        "actually",
        "always",
    ]
)


def article_terms(article: str, words: int = 80) -> list[str]:
    """Names (capitalised phrases inside sentences, not ordinary words) and the article's
    frequent long words."""
    lowercase = set(re.findall(r"\b[a-z]+\b", article))
    names = dict.fromkeys(
        m.group(0) for m in _NAME.finditer(article) if m.group(0).lower() not in lowercase
    )
    counts: dict[str, int] = {}
    for word in _WORD.findall(article):
        if word not in _COMMON:
            counts[word] = counts.get(word, 0) + 1
    frequent = sorted(counts, key=lambda w: (-counts[w], w))[:words]
    return [*names, *frequent]


def distinct_questions(article: str, n: int, seed: int = 0) -> list[str]:
    """``n`` different questions built from templates and terms of ``article``, shuffled."""
    terms = article_terms(article)
    one = [t.format(a=a) for t, a in itertools.product(ONE_TERM, terms)]
    two = [t.format(a=a, b=b) for t in TWO_TERMS for a, b in itertools.permutations(terms, 2)]
    questions = list(dict.fromkeys(one + two))
    if len(questions) < n:
        raise ValueError(f"only {len(questions)} distinct questions can be made, not {n}")
    random.Random(seed).shuffle(questions)
    return questions[:n]


FOLLOW_UP = "And what happened after that?"


@dataclass(frozen=True)
class Round:
    number: int
    load: LoadResult
    rss_bytes: int
    conversations: float
    follow_ups: int = 0
    lost: int = 0
    redis_bytes: int = 0

    @property
    def shed(self) -> int:
        return self.load.statuses.get(503, 0)

    @property
    def other_errors(self) -> int:
        """Responses that are neither 200 nor 503, and requests with no response at all."""
        bad = sum(n for code, n in self.load.statuses.items() if code not in (200, 503))
        return bad + self.load.failures


def conversations_in_memory(url: str) -> float:
    """The server's ``antqa_conversations`` gauge."""
    text = httpx.get(f"{url}/metrics", timeout=30).text
    found = re.search(r"^antqa_conversations (\S+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else float("nan")


def follow_ups_lost(urls: Sequence[str], questions: Sequence[str]) -> int:
    """Start a conversation on one server and follow it up on the next; how many lost it."""
    lost = 0
    with httpx.Client(timeout=120) as client:
        for n, question in enumerate(questions):
            first = client.post(f"{urls[n % len(urls)]}/ask", json={"question": question})
            if first.status_code != 200:
                lost += 1
                continue
            conversation = first.json()["conversation_id"]
            body = {"question": FOLLOW_UP, "conversation_id": conversation}
            again = client.post(f"{urls[(n + 1) % len(urls)]}/ask", json=body)
            answer = again.json() if again.status_code == 200 else {}
            lost += (
                answer.get("notice") is not None or answer.get("conversation_id") != conversation
            )
    return lost


def no_redis() -> int:
    return 0


def used_memory(client: redis.Redis) -> int:
    """What Redis holds (``INFO memory``'s ``used_memory``), in bytes."""
    return int(client.info("memory")["used_memory"])


def redis_client(server: RedisProcess) -> redis.Redis:
    return redis.Redis.from_url(server.url)


def merged(results: Sequence[LoadResult]) -> LoadResult:
    """Several simultaneous runs (one per replica) as one."""
    statuses: Counter[int] = Counter()
    for result in results:
        statuses.update(result.statuses)
    return LoadResult(
        clients=sum(r.clients for r in results),
        requests=sum(r.requests for r in results),
        seconds=max(r.seconds for r in results),
        statuses=dict(statuses),
        failures=sum(r.failures for r in results),
        latencies_ms=tuple(ms for r in results for ms in r.latencies_ms),
    )


def soak(
    servers: Sequence[ServedProcess],
    questions: Sequence[str],
    rounds: int,
    requests: int,
    clients: int,
    max_seconds: float,
    follow_ups: int = 0,
    redis_memory: Callable[[], int] = lambda: 0,
) -> list[Round]:
    """Run the rounds, each on its own slice of ``questions``, printing a line per round.

    The clients are split between ``servers``; ``follow_ups`` conversations per round are
    started on one server and continued on the next, while the load runs.
    """
    urls = [server.url for server in servers]
    for url in urls:
        run_load(url, 1, 5, questions=questions[-5:], warmup=0)  # first-request costs
    results = []
    shares = [clients // len(urls) + (n < clients % len(urls)) for n in range(len(urls))]
    with ThreadPoolExecutor(max_workers=len(urls) + 1) as threads:
        for number in range(1, rounds + 1):
            part = questions[(number - 1) * requests : number * requests]
            checked = part[:follow_ups]
            lost = threads.submit(follow_ups_lost, urls, checked)
            loads = [
                threads.submit(
                    run_load, url, share, requests // len(urls), questions=part[n::len(urls)],
                    warmup=0, max_seconds=max_seconds,
                )
                for n, (url, share) in enumerate(zip(urls, shares, strict=True))
            ]  # fmt: skip
            load = merged([future.result() for future in loads])
            result = Round(
                number,
                load,
                sum(server.rss_bytes() for server in servers),
                conversations_in_memory(urls[0]),
                len(checked),
                lost.result(),
                redis_memory(),
            )
            results.append(result)
            print(format_round(result), flush=True)
    return results


def format_round(r: Round) -> str:
    tail = r.load.p99_ms / r.load.p50_ms if r.load.p50_ms else float("nan")
    return (
        f"{r.number:>5} {r.load.requests:>8} {r.load.ok:>6} {r.shed:>5} {r.other_errors:>6} "
        f"{r.load.p50_ms:>8.1f} {r.load.p99_ms:>8.1f} {tail:>7.1f} {r.load.rps:>7.1f} "
        f"{r.rss_bytes / 2**20:>8.1f} {r.conversations:>7.0f} {r.lost:>4}/{r.follow_ups:<4} "
        f"{r.redis_bytes / 2**20:>8.1f}"
    )


HEADER = (
    f"{'round':>5} {'requests':>8} {'200':>6} {'503':>5} {'errors':>6} {'p50 ms':>8} "
    f"{'p99 ms':>8} {'p99/p50':>7} {'req/s':>7} {'RSS MB':>8} {'convs':>7} {'lost':>9} "
    f"{'redis MB':>8}"
)


def verdicts(results: Sequence[Round], capacity: int, clients: int) -> list[tuple[bool, str]]:
    """Each promise with whether this run kept it."""
    shed_is_error = clients <= capacity
    errors = sum(r.other_errors + (r.shed if shed_is_error else 0) for r in results)
    shed = sum(r.shed for r in results)
    worst_tail = max(r.load.p99_ms / r.load.p50_ms for r in results)
    base = results[1] if len(results) > 1 else results[0]
    growth = results[-1].rss_bytes - base.rss_bytes
    allowed = max(RSS_TOLERANCE * base.rss_bytes, RSS_SLACK_BYTES)
    complete = all(r.load.requests == len(r.load.latencies_ms) + r.load.failures for r in results)
    lost, checked = sum(r.lost for r in results), sum(r.follow_ups for r in results)
    redis_growth = results[-1].redis_bytes - base.redis_bytes
    redis_allowed = max(RSS_TOLERANCE * base.redis_bytes, RSS_SLACK_BYTES)
    return [
        (lost == 0, f"lost follow-ups: {lost} of {checked}"),
        (
            redis_growth <= redis_allowed,
            f"Redis memory round {base.number} → {results[-1].number}: "
            f"{redis_growth / 2**20:+.1f} MB (limit {redis_allowed / 2**20:.1f} MB)",
        ),
        (
            errors == 0,
            f"errors: {errors} (503 shed: {shed}; {clients} clients vs capacity {capacity}: "
            f"503 {'counts as an error' if shed_is_error else 'is load shedding'})",
        ),
        (worst_tail <= TAIL_LIMIT, f"worst p99/p50: {worst_tail:.2f} (limit {TAIL_LIMIT:.0f})"),
        (
            growth <= allowed,
            f"RSS round {base.number} → {results[-1].number}: {growth / 2**20:+.1f} MB "
            f"(limit {allowed / 2**20:.1f} MB)",
        ),
        (complete, "every request issued was answered or counted as failed"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=2000, help="distinct questions per round")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument(
        "--max-conversations", type=int, default=1000, help="the server's conversation bound"
    )
    parser.add_argument("--max-seconds", type=float, default=600.0, help="per round")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replicas", type=int, default=1, help="servers sharing one store")
    parser.add_argument("--redis", action="store_true", help="share a redis-server, not SQLite")
    parser.add_argument("--follow-ups", type=int, default=50, help="checked per round")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.requests < 1 or args.clients < 1 or args.replicas < 1:
        parser.error("rounds, requests, clients and replicas must be at least 1")

    sys.path.insert(0, str(ROOT / "src"))  # this checkout's settings, as the server reads them
    from antqa.config import Settings

    settings = Settings()
    capacity = (settings.ask_workers + settings.ask_max_pending) * args.replicas
    questions = distinct_questions(
        ARTICLE.read_text(encoding="utf-8"), args.rounds * args.requests + 5, args.seed
    )
    store = "Redis" if args.redis else "SQLite"
    print(
        f"antqa serve ×{args.replicas} ({store} store), {args.rounds} rounds × "
        f"{args.requests} distinct questions, {args.clients} clients, "
        f"ANTQA_MAX_CONVERSATIONS={args.max_conversations}, "
        f"workers {settings.ask_workers} + backlog {settings.ask_max_pending} per replica"
    )
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="antqa-soak-"))
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            "HF_HUB_OFFLINE": "1",
            "ANTQA_MAX_CONVERSATIONS": str(args.max_conversations),
            "ANTQA_STATE_DIR": folder,
            "ANTQA_ASK_RATE_PER_MINUTE": "0",  # every simulated client shares one address
        }
        redis_memory = no_redis
        if args.redis:
            shared = stack.enter_context(redis_server(Path(folder) / "redis"))
            env["ANTQA_REDIS_URL"] = shared.url
            redis_memory = functools.partial(used_memory, stack.enter_context(redis_client(shared)))
        servers = [stack.enter_context(served(env)) for _ in range(args.replicas)]
        for server in servers:
            print(
                f"server {server.url}, pid {server.process.pid}, RSS at start "
                f"{server.rss_bytes() / 2**20:.1f} MB"
            )
        print(HEADER)
        results = soak(
            servers,
            questions,
            args.rounds,
            args.requests,
            args.clients,
            args.max_seconds,
            args.follow_ups,
            redis_memory,
        )
        stopped = max(server.stop() for server in servers)
    checks = [*verdicts(results, capacity, args.clients), (stopped == 0, f"exit status {stopped}")]
    for ok, text in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
