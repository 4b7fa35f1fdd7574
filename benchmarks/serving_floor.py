"""The serving floor: what an answer costs beyond embedding its question, side by side.

    PYTHONPATH=src:. .venv/bin/python benchmarks/serving_floor.py [--rounds 3] [--before REF]
        [EVAL.jsonl]

The floor is embedding the question in this process (the index's int8 ONNX export, one
thread): an answer can never cost less. The servers embed on ``ANTQA_EMBEDDING_THREADS``
threads (one by default), so the embedding as they run it is measured too, and the ratio
to it shown beside the target's. Each round measures, on the development questions
(``../shared/eval/dev.jsonl``) each made distinct by a number (so no two requests of a run
carry the same text and nothing can be answered from memory):

- in process, interleaved question by question: the embedding alone (the floor, and as
  the servers run it) and ``QAService.ask``, with wall time and CPU time per call;
- ``antqa serve``, the naive endpoint (``benchmarks/naive_endpoint.py``) and ``antqa serve``
  with the answer stubbed (``benchmarks/stub_answer_server.py``: the HTTP stack alone) as
  subprocesses, one at a time, the order alternating between rounds, loaded by wrk
  (``benchmarks/wrk.py``: the Python generator costs as much CPU per request as the
  server): p50 and p99 at one client, requests/s at 16, the server's CPU time per request
  at 16 (from /proc) and its resident memory after the load.

With ``--before REF`` (a commit or branch) each round also serves ``POST /ask`` from that
version of the code (a temporary git worktree of it, same index), so a change is measured
against what it changes in the same rounds, on the same machine load.

The header says with how many onnxruntime threads each embeds: the floor with one, the
in-process service with this process's settings, the servers with the defaults (the
benchmark clears ``ANTQA_*`` from their environment).

Then it prints the table of each figure (median over rounds, with the range) and the
targets of issue 14, each a ratio taken within a round (medians of per-round ratios), so
that the machine's load, which moves every figure, cancels out as far as it can.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from antqa.config import PROJECT_ROOT, Settings
from antqa.embedding import Embedder
from antqa.embedding.onnx_backend import OnnxEmbedder
from antqa.service import QAService
from benchmarks.compare import ROOT, SERVERS, Run, Server, measure
from benchmarks.load import WARM_UP
from benchmarks.wrk import run_wrk, wrk_path

DEFAULT_QUESTIONS = PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl"
#: ``antqa serve`` with the answer stubbed: what the HTTP stack alone costs.
STUB = Server(
    "stub", (sys.executable, str(ROOT / "benchmarks" / "stub_answer_server.py"), "--port")
)
#: The floor embeds on one onnxruntime thread, as issue 14 defines it (the servers may use more).
FLOOR_THREADS = 1
#: Distinct variants per question and run: more than wrk can send in a run at either load.
VARIANTS = 400
#: Distinct variants per question in process, per path and round (~250 calls per path).
IN_PROCESS_VARIANTS = 6
#: Number ranges of the variants, one per use, so no two uses share a question text; all
#: six digits, so every copy of a question has the same number of tokens wherever it is sent.
FIRST_VARIANT = {"in process": 300_000, 1: 100_000, 16: 200_000}


def read_questions(path: Path) -> list[str]:
    """The standalone question of every item of an evaluation file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def distinct(questions: Sequence[str], first: int, variants: int) -> list[str]:
    """Every question ``variants`` times, each copy numbered: ``... (#100007)``."""
    numbers = range(first, first + variants * len(questions))
    return [f"{q} (#{n})" for n, q in zip(numbers, list(questions) * variants, strict=True)]


@dataclass(frozen=True)
class Timings:
    """Per-call wall times (ms) and the mean CPU time per call (ms) of one in-process path."""

    wall_ms: list[float]
    cpu_ms: float

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.wall_ms)


def in_process(
    service: QAService, floor: Embedder, embedded: Sequence[str], asked: Sequence[str]
) -> dict[str, Timings]:
    """The embedding alone, on one thread (the floor) and as the servers run it, and the
    whole answer, interleaved question by question.

    CPU time is the process's, so that a second onnxruntime thread's work counts too (the
    process's other threads sleep meanwhile: its onnxruntime threads do not spin).
    """
    wall: dict[str, list[float]] = {"embed": [], "embed served": [], "ask": []}
    cpu = dict.fromkeys(wall, 0.0)
    for embed_text, ask_text in zip(embedded, asked, strict=True):
        for name, call in (
            ("embed", partial(floor.embed, [embed_text])),
            ("embed served", partial(service.embedder.embed, [embed_text])),
            ("ask", partial(service.ask, ask_text)),
        ):
            began_cpu, began = time.process_time(), time.perf_counter()
            call()
            wall[name].append((time.perf_counter() - began) * 1000)
            cpu[name] += time.process_time() - began_cpu
    return {name: Timings(wall[name], cpu[name] / len(embedded) * 1000) for name in wall}


def floor_embedder(service: QAService) -> Embedder:
    """The floor's embedder: the index's int8 ONNX export on one thread (the service's own
    embedder when the index holds no export)."""
    index = service.index
    export = index.manifest.onnx
    if export is None:
        return service.embedder
    floor = OnnxEmbedder(index.path, export, index.manifest.model, threads=FLOOR_THREADS)
    floor.embed(["warm-up"])
    return floor


def wrk_distinct(url: str, clients: int, *, seconds: dict[int, float], base: list[str]) -> Run:
    """wrk at ``clients``, sending this client count's own distinct questions."""
    questions = distinct(base, FIRST_VARIANT[clients], VARIANTS)
    result = run_wrk(url, clients, seconds[clients], questions=questions)
    return Run(
        result.requests, result.rps, result.p50_ms, result.p99_ms, result.failed,
        result.client_cpu_s,
    )  # fmt: skip


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """A temporary git worktree of ``ref`` (detached), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="antqa-before-") as scratch:
        folder = Path(scratch) / "tree"
        git = ["git", "worktree"]
        subprocess.run([*git, "add", "--quiet", "--detach", str(folder), ref], cwd=ROOT, check=True)
        try:
            yield folder
        finally:
            subprocess.run([*git, "remove", "--force", str(folder)], cwd=ROOT, check=False)


def before_server(tree: Path) -> Server:
    """``antqa serve`` from another checkout of the code."""
    return Server(
        "before", (sys.executable, "-m", "antqa", "serve", "--port"), (str(tree / "src"),)
    )


def one_round(
    round_no: int,
    service: QAService,
    floor: Embedder,
    base: list[str],
    seconds: dict[int, float],
    servers: Sequence[Server],
) -> dict[str, float]:
    """Every figure of the table, measured once."""
    first = FIRST_VARIANT["in process"] + round_no * IN_PROCESS_VARIANTS * len(base) * 2
    embedded = distinct(base, first, IN_PROCESS_VARIANTS)
    asked = distinct(base, first + IN_PROCESS_VARIANTS * len(base), IN_PROCESS_VARIANTS)
    timings = in_process(service, floor, embedded, asked)
    figures = {
        "embed p50": timings["embed"].p50_ms,
        "embed CPU": timings["embed"].cpu_ms,
        "served embed p50": timings["embed served"].p50_ms,
        "served embed CPU": timings["embed served"].cpu_ms,
        "ask p50": timings["ask"].p50_ms,
        "ask CPU": timings["ask"].cpu_ms,
    }
    load = partial(wrk_distinct, seconds=seconds, base=base)
    for server in servers if round_no % 2 == 0 else servers[::-1]:
        served = measure(server, load)
        figures |= {
            f"{server.name} p50": served["p50 at 1 client, ms"],
            f"{server.name} p99": served["p99 at 1 client, ms"],
            f"{server.name} rps16": served["requests/s at 16 clients"],
            f"{server.name} CPU": served["server CPU per request, ms"],
            f"{server.name} RSS": served["RSS after load, MB"],
            f"{server.name} failed": served["failed requests"],
        }
    return figures


#: (label, figure or ratio of two figures, target as (comparison, bound) or None).
ROWS: tuple[tuple[str, Callable[[dict[str, float]], float], tuple[str, float] | None], ...] = (
    ("embedding in process, 1 thread, p50 ms (the floor)", lambda f: f["embed p50"], None),
    ("embedding in process as served, p50 ms", lambda f: f["served embed p50"], None),
    ("QAService.ask in process, p50 ms", lambda f: f["ask p50"], None),
    ("POST /ask, 1 client (wrk), p50 ms", lambda f: f["antqa p50"], None),
    ("naive endpoint, 1 client (wrk), p50 ms", lambda f: f["naive p50"], None),
    ("POST /ask, answer stubbed (the HTTP stack), p50 ms", lambda f: f["stub p50"], None),
    ("ask / floor, p50", lambda f: f["ask p50"] / f["embed p50"], None),
    ("POST /ask / floor, p50", lambda f: f["antqa p50"] / f["embed p50"], ("<=", 1.3)),
    (
        "POST /ask / embedding as served, p50",
        lambda f: f["antqa p50"] / f["served embed p50"],
        None,
    ),
    ("naive / POST /ask, p50 at 1 client", lambda f: f["naive p50"] / f["antqa p50"], (">=", 4)),
    ("POST /ask p99/p50 at 1 client", lambda f: f["antqa p99"] / f["antqa p50"], ("<=", 2)),
    ("embedding CPU per question (the floor), ms", lambda f: f["embed CPU"], None),
    ("embedding as served CPU per question, ms", lambda f: f["served embed CPU"], None),
    ("QAService.ask CPU per question, ms", lambda f: f["ask CPU"], None),
    ("antqa server CPU per request at 16, ms", lambda f: f["antqa CPU"], None),
    ("naive server CPU per request at 16, ms", lambda f: f["naive CPU"], None),
    ("stubbed server CPU per request at 16, ms", lambda f: f["stub CPU"], None),
    ("antqa server CPU / embedding CPU", lambda f: f["antqa CPU"] / f["embed CPU"], ("<=", 1.3)),
    ("antqa requests/s at 16 clients", lambda f: f["antqa rps16"], None),
    ("naive requests/s at 16 clients", lambda f: f["naive rps16"], None),
    ("antqa / naive requests/s at 16", lambda f: f["antqa rps16"] / f["naive rps16"], (">=", 7)),
    ("antqa RSS after load, MB", lambda f: f["antqa RSS"], ("<=", 250)),
    ("naive RSS after load, MB", lambda f: f["naive RSS"], None),
)


#: With ``--before``: the same server from the other version of the code, in the same rounds.
BEFORE_ROWS: tuple[tuple[str, Callable[[dict[str, float]], float], None], ...] = (
    ("before: POST /ask, 1 client (wrk), p50 ms", lambda f: f["before p50"], None),
    ("before: POST /ask / floor, p50", lambda f: f["before p50"] / f["embed p50"], None),
    ("before: POST /ask p99/p50 at 1 client", lambda f: f["before p99"] / f["before p50"], None),
    ("before: server CPU per request at 16, ms", lambda f: f["before CPU"], None),
    ("before: server CPU / embedding CPU", lambda f: f["before CPU"] / f["embed CPU"], None),
    ("before: requests/s at 16 clients", lambda f: f["before rps16"], None),
    ("before / now: p50 at 1 client", lambda f: f["before p50"] / f["antqa p50"], None),
    (
        "before / now: server CPU per request at 16",
        lambda f: f["before CPU"] / f["antqa CPU"],
        None,
    ),
    ("now / before: requests/s at 16", lambda f: f["antqa rps16"] / f["before rps16"], None),
    ("before: RSS after load, MB", lambda f: f["before RSS"], None),
)


def print_table(rounds: list[dict[str, float]]) -> None:
    print(f"\nmedian of {len(rounds)} rounds (range); ratios are taken within each round")
    print(f"| {'':<50} | {'median':>8} | {'range':>15} | {'target':>12} |")
    print(f"|{'-' * 52}|{'-' * 9}:|{'-' * 16}:|{'-' * 13}:|")
    rows = ROWS + (BEFORE_ROWS if "before p50" in rounds[0] else ())
    for label, value, target in rows:
        values = [value(figures) for figures in rounds]
        middle = statistics.median(values)
        spread = f"{min(values):.2f}–{max(values):.2f}"
        if target is None:
            verdict = ""
        else:
            comparison, bound = target
            met = middle <= bound if comparison == "<=" else middle >= bound
            verdict = f"{comparison} {bound:g} {'met' if met else 'NOT'}"
        print(f"| {label:<50} | {middle:>8.2f} | {spread:>15} | {verdict:>12} |")
    for name in ("antqa", "naive", "stub", "before"):
        if f"{name} failed" not in rounds[0]:
            continue
        failed = sum(figures[f"{name} failed"] for figures in rounds)
        print(f"{name}: {'every response 2xx' if not failed else f'{failed:.0f} FAILED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds-1", type=float, default=10, help="wrk: seconds at 1 client")
    parser.add_argument("--seconds-16", type=float, default=15, help="wrk: s at 16 clients")
    parser.add_argument("--before", metavar="REF", help="also serve this commit's code")
    args = parser.parse_args()
    if wrk_path() is None:
        raise SystemExit("wrk is not installed (apt-get install wrk): the table needs it")
    base = read_questions(args.questions)
    service = QAService.from_settings(Settings())
    for question in WARM_UP:  # not counted
        service.ask(question)
    print(f"{len(base)} questions from {args.questions}, each made distinct; model "
          f"{service.model_name} ({type(service.embedder).__name__}); wrk, 1 thread, "
          f"{args.seconds_1:g} s at 1 client and {args.seconds_16:g} s at 16")  # fmt: skip
    floor = floor_embedder(service)
    served = Settings.model_fields["embedding_threads"].default
    print(f"onnxruntime intra-op threads per embedding: the floor {FLOOR_THREADS}; in process "
          f"as served {service.settings.embedding_threads}; the servers {served}")  # fmt: skip
    seconds = {1: args.seconds_1, 16: args.seconds_16}
    with contextlib.ExitStack() as stack:
        servers: tuple[Server, ...] = (*SERVERS, STUB)
        if args.before:
            servers += (before_server(stack.enter_context(checkout(args.before))),)
            print(f"before: {args.before} (a worktree of it, served as another antqa)")
        rounds = []
        for round_no in range(args.rounds):
            figures = one_round(round_no, service, floor, base, seconds, servers)
            rounds.append(figures)
            shown = ", ".join(f"{k} {v:.2f}" for k, v in figures.items() if "failed" not in k)
            print(f"round {round_no + 1}: {shown}", flush=True)
    print_table(rounds)


if __name__ == "__main__":
    main()
