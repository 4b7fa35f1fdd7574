"""Faults: a build killed with SIGKILL at any moment never damages the served index."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from antqa.index import build_index, load_index
from tests.conftest import ARTICLE, ROOT, HashEmbedder, cli_env

SLOW_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path[:0] = [{root!r}, {src!r}]
    from tests.conftest import HashEmbedder
    from antqa.index import build_index

    class Slow(HashEmbedder):
        def embed(self, texts):
            time.sleep(0.05)
            return super().embed(texts)

    def progress(done, total):
        print(f"embedded {{done}}/{{total}}", flush=True)

    source = Path(sys.argv[1])
    build_index(source, Path(sys.argv[2]), Slow(name="slow"), progress=progress)
    print("built", flush=True)
    """
).format(root=str(ROOT), src=str(ROOT / "src"))


def _start_slow_build(source: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, str(source), str(out)],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )


def _kill_after_lines(process: subprocess.Popen[str], lines: int) -> None:
    assert process.stdout is not None
    for _ in range(lines):
        if not process.stdout.readline():
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()


@pytest.mark.parametrize("lines_before_kill", [0, 1, 3, 6])
def test_sigkill_during_build_keeps_the_previous_index(
    tmp_path: Path, lines_before_kill: int
) -> None:
    out = tmp_path / "index"
    build_index(ARTICLE, out, HashEmbedder())
    manifest_before = (out / "manifest.json").read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("Another article. " * 400, encoding="utf-8")

    _kill_after_lines(_start_slow_build(other, out), lines_before_kill)

    served = load_index(out)
    assert (out / "manifest.json").read_bytes() == manifest_before
    assert served.article == ARTICLE.read_text(encoding="utf-8")
    # the next build cleans up what the killed one left behind, and succeeds
    build_index(other, out, HashEmbedder())
    assert load_index(out).article == other.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_sigkill_of_the_real_cli_keeps_the_previous_index(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "index"
    build_index(ARTICLE, out, HashEmbedder())
    before = (out / "manifest.json").read_bytes()
    for delay in (0.5, 3.0, 6.0):
        process = subprocess.Popen(
            [sys.executable, "-m", "antqa", "build-index", "--out", str(out)],
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        finished = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        index = load_index(out)  # always loadable
        if not finished:
            assert index.manifest.model in {
                "test/hash-embedder",
                "sentence-transformers/all-MiniLM-L6-v2",
            }
        if (out / "manifest.json").read_bytes() != before:
            break  # the build completed before the kill: the new index is whole, too
