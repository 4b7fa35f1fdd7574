"""Per-query embedding latency: torch vs onnxruntime fp32 vs onnxruntime int8 (the index's).

    PYTHONPATH=src:. .venv/bin/python benchmarks/embedding.py [--rounds 300]

Each round calls every variant once, in turn (interleaved, so a noisy neighbour on the
machine slows all of them alike); the table shows medians, with 1 and 2 intra-op threads.
A second table measures what micro-batching would buy under concurrent load: 16 queries
answered one at a time on two worker threads (what ``antqa serve`` does) against the same
16 padded into one batch, and how far batching moves the int8 vectors.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from antqa.config import Settings
from antqa.embedding.export import export_onnx
from antqa.embedding.onnx_backend import OnnxEmbedder, mean_pool
from antqa.embedding.torch_backend import SentenceTransformerEmbedder
from antqa.index import load_index

QUERY = "Who became the chief executive of Ant Financial when Peng Lei stepped down?"
BATCH = (
    "What happened at the Huanglong Sports Center in October 2016?",
    "How many employees watched the leadership handover?",
    "What turned Alipay from a payment company into a financial group?",
    "What is empathy, as the author describes it?",
    "What was the circle incident about?",
    "Which telecom company could not issue its private placement bonds on time?",
    "Why does the Zhaocaibao default clash with Ant Financial's product image?",
    "Where does Alipay still have an advantage over WeChat Pay?",
    "Why is Internet finance called a contradiction?",
    "What was Taobao's corporate culture like?",
    "Why are financial risks hard to see in the short term?",
    "What does quick payment save users from doing?",
    "Who serves as squad leader in Alipay's class committee?",
    "Why does the author think Ant Financial can come out of the crisis?",
    "What is the population of Iceland?",
    "How do I reset my home router?",
)


def median_ms(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median wall time of each call, the calls interleaved round by round."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for call in calls.values():  # warm-up
        for _ in range(10):
            call()
    for _ in range(rounds):
        for name, call in calls.items():
            began = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - began)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def torch_call(embedder: SentenceTransformerEmbedder, threads: int) -> Callable[[], object]:
    import torch

    def call() -> object:
        torch.set_num_threads(threads)
        return embedder.embed([QUERY])

    return call


def latency_table(rounds: int, index_dir: Path) -> tuple[OnnxEmbedder, OnnxEmbedder]:
    index = load_index(index_dir)
    assert index.manifest.onnx is not None, f"{index_dir} holds no ONNX export"
    name = index.manifest.model
    torch_model = SentenceTransformerEmbedder(name)
    scratch = tempfile.TemporaryDirectory(prefix="antqa-bench-")
    fp32 = export_onnx(name, Path(scratch.name), quantize=False)
    variants: dict[str, Callable[[], object]] = {}
    onnx: dict[tuple[str, int], OnnxEmbedder] = {}
    for threads in (1, 2):
        int8 = OnnxEmbedder(index.path, index.manifest.onnx, name, threads)
        full = fp32.embedder(name, threads)
        onnx["int8", threads], onnx["fp32", threads] = int8, full
        variants[f"torch/{threads}"] = torch_call(torch_model, threads)
        variants[f"fp32/{threads}"] = lambda e=full: e.embed([QUERY])
        variants[f"int8/{threads}"] = lambda e=int8: e.embed([QUERY])
    tokenizer = onnx["int8", 1]._get().tokenizer
    variants["tokenize"] = lambda: tokenizer.encode(QUERY)
    with scratch:
        medians = median_ms(variants, rounds)
    tokens = len(tokenizer.encode(QUERY).ids)
    print(f"\nOne query ({tokens} tokens), median of {rounds} interleaved calls, ms")
    print(f"{'path':<50} {'1 thread':>9} {'2 threads':>9}")
    rows = (
        ("sentence-transformers, torch", "torch"),
        ("onnxruntime + tokenizers, fp32 (optimised)", "fp32"),
        ("onnxruntime + tokenizers, int8 (index/model.onnx)", "int8"),
    )
    for label, key in rows:
        print(f"{label:<50} {medians[f'{key}/1']:>9.2f} {medians[f'{key}/2']:>9.2f}")
    print(f"{'tokenization alone (tokenizers)':<50} {medians['tokenize']:>9.3f}")
    speedup = medians["torch/2"] / medians["int8/1"]
    print(f"int8 at 1 thread vs torch at 2 threads: {speedup:.1f}x faster")
    return onnx["int8", 1], onnx["int8", 2]


def batching_table(single: OnnxEmbedder, rounds: int) -> None:
    loaded = single._get()
    session, tokenizer = loaded.session, loaded.tokenizer
    names = [i.name for i in session.get_inputs()]

    def batched(texts: tuple[str, ...]) -> np.ndarray:
        encodings = tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        columns = {n: np.zeros((len(texts), width), dtype=np.int64) for n in names}
        for row, e in enumerate(encodings):
            columns["input_ids"][row, : len(e.ids)] = e.ids
            columns["attention_mask"][row, : len(e.ids)] = 1
        (tokens,) = session.run(None, columns)
        vectors = mean_pool(tokens, columns["attention_mask"])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    pool = ThreadPoolExecutor(max_workers=2)
    lock = threading.Lock()

    def two_workers() -> None:
        list(pool.map(lambda t: single.embed([t]), BATCH))

    def one_by_one() -> None:
        with lock:
            for text in BATCH:
                single.embed([text])

    medians = median_ms(
        {"workers": two_workers, "sequential": one_by_one, "batch": lambda: batched(BATCH)},
        max(20, rounds // 10),
    )
    pool.shutdown()
    print(f"\n{len(BATCH)} queries arriving together (int8, 1 intra-op thread per run)")
    print(f"{'strategy':<50} {'ms':>9} {'queries/s':>9}")
    for label, key in (
        ("one at a time, one thread", "sequential"),
        ("one at a time, two worker threads (serve)", "workers"),
        ("one padded batch (micro-batching)", "batch"),
    ):
        print(f"{label:<50} {medians[key]:>9.1f} {len(BATCH) / medians[key] * 1000:>9.0f}")
    alone = single.embed(list(BATCH))
    drift = (alone * batched(BATCH)).sum(axis=1)
    print(f"cosine of batched vs alone vectors: min {drift.min():.4f}, mean {drift.mean():.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--index-dir", type=Path, default=Settings().index_dir)
    args = parser.parse_args()
    int8_one_thread, _ = latency_table(args.rounds, args.index_dir)
    batching_table(int8_one_thread, args.rounds)


if __name__ == "__main__":
    main()
