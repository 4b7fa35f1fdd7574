"""``antqa build-index`` against the usual recipe, side by side in one run.

    pip install -e '.[export,bench]'      # torch first, CPU-only (see the README)
    PYTHONPATH=src:. .venv/bin/python benchmarks/build.py [--rounds 3]

Each case is one whole process (``python -m antqa build-index`` or the recipe), timed
from start to exit; its peak memory is the process's own maximum resident set
(``os.wait4``). Printed: the median of ``--rounds`` runs per case, and the ratio to the
usual recipe.

- **usual recipe**: LangChain's ``RecursiveCharacterTextSplitter`` (1000/200) over the
  whole article, sentence-transformers (the same bundled model), a flat FAISS index;
- **cold build**: a new model (``--no-reuse``: export to int8 ONNX, embed every text);
- **rebuild after an edit**: one sentence added to the article, the index rebuilt in place;
- **rebuild, nothing changed**.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "corpus" / "ant-financial-crisis-response.txt"
EDIT = " Years later, an archivist said the first office kept a brass ship's bell."

RECIPE = """
import sys
import faiss
from langchain_text_splitters import RecursiveCharacterTextSplitter
from sentence_transformers import SentenceTransformer
from antqa.embedding.torch_backend import bundled_model_path

text = open(sys.argv[1], encoding="utf-8").read()
chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_text(text)
model = SentenceTransformer(str(bundled_model_path()), device="cpu")
vectors = model.encode(chunks, normalize_embeddings=True, convert_to_numpy=True)
index = faiss.IndexFlatIP(vectors.shape[1])
index.add(vectors)
faiss.write_index(index, sys.argv[2])
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def measure(command: Sequence[str], env: dict[str, str]) -> Run:
    """Run ``command`` to its end; its wall time and its own peak resident memory."""
    with tempfile.TemporaryFile() as log:
        began = time.perf_counter()
        process = subprocess.Popen(
            list(command), env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{log.read().decode()}")
    return Run(seconds, usage.ru_maxrss / 1024)


def build_command(source: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "antqa", "build-index", "--source", str(source), "--out",
            str(out), *extra]  # fmt: skip


def rounds_of(rounds: int, prepare: Callable[[], None], run: Callable[[], Run]) -> list[Run]:
    results = []
    for _ in range(rounds):
        prepare()
        results.append(run())
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per case (median)")
    args = parser.parse_args()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "HF_HUB_OFFLINE": "1",
    }
    with tempfile.TemporaryDirectory(prefix="antqa-build-bench-") as scratch_name:
        scratch = Path(scratch_name)
        article, edited = scratch / "article.txt", scratch / "edited.txt"
        shutil.copyfile(ARTICLE, article)
        text = ARTICLE.read_text(encoding="utf-8")
        first_end = text.index("\n", text.index(".") + 1)
        edited.write_text(text[:first_end] + EDIT + text[first_end:], encoding="utf-8")
        cold, base, work = scratch / "cold", scratch / "base", scratch / "index"
        # Builds look for reusable work in --out and ANTQA_INDEX_DIR: point the latter at
        # the folder being built, so the committed index lends nothing.
        env_for = {name: {**env, "ANTQA_INDEX_DIR": str(scratch / name)} for name in
                   ("cold", "index")}  # fmt: skip

        def reset(folder: Path) -> Callable[[], None]:
            def prepare() -> None:
                shutil.rmtree(folder, ignore_errors=True)
                if folder is work:
                    shutil.copytree(base, work)

            return prepare

        results: dict[str, list[Run]] = {}
        recipe = [sys.executable, "-c", RECIPE, str(article), str(scratch / "recipe.faiss")]
        results["usual recipe (LangChain 1000/200 + sentence-transformers + FAISS)"] = rounds_of(
            args.rounds, lambda: None, lambda: measure(recipe, env)
        )
        results["antqa cold build (new model: export + embed all)"] = rounds_of(
            args.rounds,
            reset(cold),
            lambda: measure(build_command(article, cold, "--no-reuse"), env_for["cold"]),
        )
        shutil.copytree(cold, base)
        results["antqa rebuild after an article edit"] = rounds_of(
            args.rounds, reset(work), lambda: measure(build_command(edited, work), env_for["index"])
        )
        results["antqa rebuild, nothing changed"] = rounds_of(
            args.rounds,
            reset(work),
            lambda: measure(build_command(article, work), env_for["index"]),
        )
    print_table(results, args.rounds)


def print_table(results: dict[str, list[Run]], rounds: int) -> None:
    baseline = next(iter(results.values()))
    base_s = statistics.median(r.seconds for r in baseline)
    base_mb = statistics.median(r.peak_mb for r in baseline)
    print(f"median of {rounds} runs, whole process each (wall, peak resident memory)\n")
    print("| case | wall s | × recipe | peak MB | × recipe | runs (s) |")
    print("|---|---:|---:|---:|---:|---|")
    for name, runs in results.items():
        seconds = statistics.median(r.seconds for r in runs)
        peak = statistics.median(r.peak_mb for r in runs)
        each = ", ".join(f"{r.seconds:.1f}" for r in runs)
        print(
            f"| {name} | {seconds:.2f} | {seconds / base_s:.2f} | {peak:.0f} | "
            f"{peak / base_mb:.2f} | {each} |"
        )


if __name__ == "__main__":
    main()
