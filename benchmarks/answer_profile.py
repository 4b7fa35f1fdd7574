"""Where the answer path's time goes: a sampling profile of the benchmark's questions.

Run from the repository root::

    PYTHONPATH=src:. .venv/bin/python benchmarks/answer_profile.py [--rounds 20] [--top 40]

The questions of ``benchmarks/answer_path.py`` are asked as it asks them (query vectors
cached), while a CPU-time timer samples the stack (asked every half millisecond; the kernel
delivers fewer, so more rounds give finer shares). It prints the CPU time per answer (the
median, and the median over questions of each one's least time over the rounds: steadier
than wall time on a shared machine), then the share of samples each module and each
function of antqa is on the stack for (inclusive: a check's share holds the helpers it
calls). Sampling adds no cost to the functions sampled, so small
ones are not inflated as under a tracing profiler.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import time
from collections import Counter
from pathlib import Path
from types import FrameType

from antqa.config import Settings
from benchmarks.answer_path import DEFAULT_FILES, cached_service, conversations

#: How often the stack is sampled, in seconds of CPU time.
INTERVAL = 0.0005
SOURCE = Path(__file__).resolve().parents[1] / "src"


class Sampler:
    """Counts, per sample, each antqa module and function on the stack (once each)."""

    def __init__(self) -> None:
        self.samples = 0
        self.modules: Counter[str] = Counter()
        self.functions: Counter[str] = Counter()

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.samples += 1
        modules, functions = set(), set()
        while frame is not None:
            path = Path(frame.f_code.co_filename)
            if path.is_relative_to(SOURCE):
                module = str(path.relative_to(SOURCE / "antqa"))
                modules.add(module)
                functions.add(f"{module}:{frame.f_code.co_name}")
            frame = frame.f_back
        self.modules.update(modules)
        self.functions.update(functions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--top", type=int, default=40, help="how many functions to list")
    args = parser.parse_args()

    service = cached_service(Settings())
    asked = conversations(args.files)
    spent: list[float] = []
    least: dict[int, float] = {}

    def ask_all() -> None:
        number = 0
        for questions in asked:
            conversation_id = None
            for question in questions:
                began = time.thread_time()
                conversation_id = service.ask(question, conversation_id).conversation_id
                spent.append(time.thread_time() - began)
                least[number] = min(least.get(number, float("inf")), spent[-1])
                number += 1

    ask_all()  # warm-up: fills the vector cache
    spent.clear()
    least.clear()
    sampler = Sampler()
    signal.signal(signal.SIGPROF, sampler)
    signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    try:
        for _ in range(args.rounds):
            ask_all()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    print(
        f"{len(spent)} answers: CPU median {statistics.median(spent) * 1000:.3f} ms, "
        f"median of each question's least {statistics.median(least.values()) * 1000:.3f} ms"
    )
    print(f"{sampler.samples} samples; share of them each is on the stack for:")
    for title, counts, top in (
        ("module", sampler.modules, None),
        ("function", sampler.functions, args.top),
    ):
        print(f"-- by {title}")
        for name, count in counts.most_common(top):
            print(f"{100 * count / max(1, sampler.samples):6.1f}%  {name}")


if __name__ == "__main__":
    main()
