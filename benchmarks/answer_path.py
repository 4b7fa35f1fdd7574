"""How long one answer takes beyond embedding the query (retrieval + answering + store).

Run from the repository root::

    PYTHONPATH=src:. .venv/bin/python benchmarks/answer_path.py [EVAL.jsonl ...]

Every question of the evaluation files (default: the shared development set and
tests/data/extra_eval.jsonl) is asked once to warm up, then ``--rounds`` more times with
the query vectors cached, so the figures are the answer path alone; the embedding time
of the same queries is measured separately for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from antqa.config import PROJECT_ROOT, Settings
from antqa.embedding import Embedder
from antqa.evaluation import read_items
from antqa.lifetime import settle_loaded
from antqa.service import QAService
from antqa.state.memory import MemoryConversationStore

DEFAULT_FILES = (
    PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    PROJECT_ROOT / "tests" / "data" / "extra_eval.jsonl",
)


class CachedEmbedder:
    """The real embedder, remembering every text it has embedded."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.cache: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        for text in texts:
            if text not in self.cache:
                self.cache[text] = self.inner.embed([text])[0]
        return np.vstack([self.cache[text] for text in texts])


def cached_service(settings: Settings) -> QAService:
    """The configured index served through a :class:`CachedEmbedder` of its model, with
    conversations in memory (a benchmark leaves no files behind)."""
    loaded = QAService.from_settings(settings)
    loaded.warm_up()
    service = QAService(
        loaded.index, CachedEmbedder(loaded.embedder), settings, MemoryConversationStore()
    )
    loaded.close()
    return service


def conversations(files: list[Path]) -> list[list[str]]:
    """Each item's questions in the order they are asked (history first)."""
    return [
        [turn.question for turn in item.history] + [item.question]
        for path in files
        for item in read_items(path)
    ]


def percentile(values: list[float], share: float) -> float:
    return sorted(values)[min(len(values) - 1, int(share * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    service = cached_service(Settings())
    settle_loaded()  # as every serving process does once loaded
    cached = service.embedder
    assert isinstance(cached, CachedEmbedder)
    asked = conversations(args.files)

    def ask_all() -> list[float]:
        timings = []
        for questions in asked:
            conversation_id = None
            for question in questions:
                began = time.perf_counter()
                conversation_id = service.ask(question, conversation_id).conversation_id
                timings.append((time.perf_counter() - began) * 1000)
        return timings

    ask_all()  # warm-up: fills the vector cache
    answer_path = [t for _ in range(args.rounds) for t in ask_all()]
    embedding = []
    for text in list(cached.cache)[:200]:
        began = time.perf_counter()
        cached.inner.embed([text])
        embedding.append((time.perf_counter() - began) * 1000)

    print(f"{len(answer_path)} answers, model {service.model_name}")
    for label, values in (
        ("answer path (cached vectors)", answer_path),
        ("query embedding", embedding),
    ):
        print(
            f"{label:30s} median {statistics.median(values):6.2f} ms   "
            f"p95 {percentile(values, 0.95):6.2f} ms   max {max(values):6.2f} ms"
        )


if __name__ == "__main__":
    main()
