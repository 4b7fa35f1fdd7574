"""Faults: a build killed with SIGKILL at any moment never damages the served index; a
damaged or mismatched index is refused at start-up in one line that names the fix."""

from __future__ import annotations

import json
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antqa.build import build_index
from antqa.config import DEFAULT_MODEL, Settings
from antqa.errors import IndexCorrupt, IndexProblem
from antqa.feedback import FeedbackStore
from antqa.index import load_index
from antqa.service import QAService
from benchmarks.serve_process import SERVE_ARGS, served
from tests.conftest import ARTICLE, FAULTY_SERVE, ROOT, HashEmbedder, cli_env

SLOW_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path[:0] = [{root!r}, {src!r}]
    from tests.conftest import HashEmbedder
    from antqa.build import build_index

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
    # distinct sentences: a build embeds each distinct text once
    other.write_text(" ".join(f"Sentence {n} of another article." for n in range(400)))

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


# --- a damaged or mismatched index is refused at start-up -----------------------------------

COMMITTED_INDEX = ROOT / "index"
FIX = re.compile(r"run antqa build-index|ANTQA_\w+|fix or unset")


@cache
def _pristine_fake_index() -> Path:
    """The article indexed with the fake embedder, once; examples copy it and damage the copy."""
    folder = Path(tempfile.mkdtemp(prefix="antqa-pristine-")) / "index"
    build_index(ARTICLE, folder, HashEmbedder())
    return folder


INDEX_FILES = [
    "article.txt",
    "chunks.faiss",
    "chunks.jsonl",
    "manifest.json",
    "sentences.faiss",
    "sentences.jsonl",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(INDEX_FILES),
    damage=st.sampled_from(["flip", "set", "truncate", "empty", "delete"]),
    position=st.integers(min_value=0, max_value=2**31),
    near_start=st.booleans(),
    value=st.integers(min_value=0, max_value=255),
)
def test_any_damage_to_any_index_file_is_refused_or_harmless(
    name: str, damage: str, position: int, near_start: bool, value: int
) -> None:
    """One changed byte, a cut, an empty or a missing file: refused with the fix, or (a
    changed vector, a changed paragraph number) served and still answering with exact quotes."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "index"
        shutil.copytree(_pristine_fake_index(), folder)
        path = folder / name
        data = bytearray(path.read_bytes())
        at = position % (64 if near_start else len(data))
        if damage == "flip":
            data[at] ^= 1 << (value % 8)
        elif damage == "set":
            data[at] = value
        elif damage == "truncate":
            data = data[:at]
        elif damage == "empty":
            data = bytearray()
        if damage == "delete":
            path.unlink()
        else:
            path.write_bytes(bytes(data))
        try:
            index = load_index(folder, expected_model="test/hash-embedder")
        except IndexProblem as err:
            assert FIX.search(str(err)), err
            return
        service = QAService(index, HashEmbedder(), Settings(index_dir=folder))
        answer = service.ask("Who became CEO when Peng Lei stepped down?")
        for citation in answer.citations:
            assert index.article[citation.start : citation.end] == citation.text


def test_a_vector_file_cut_anywhere_is_refused(fake_index_dir: Path) -> None:
    """Every cut of a vector file, in its header above all, is refused (never a crash)."""
    path = fake_index_dir / "sentences.faiss"
    whole = path.read_bytes()
    for cut in [*range(64), *range(64, len(whole), 101)]:
        path.write_bytes(whole[:cut])
        with pytest.raises(IndexCorrupt, match="sentences.faiss is corrupt"):
            load_index(fake_index_dir)


CLAIM_VECTORS = textwrap.dedent(
    """
    import re, sys
    from pathlib import Path
    from antqa.errors import IndexCorrupt
    from antqa.index import load_index
    try:
        load_index(Path(sys.argv[1]))
    except IndexCorrupt as err:
        print(err)
    # peak resident memory of this process image (ru_maxrss would include the parent's)
    print(re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text()).group(1))
    """
)


def test_a_corrupt_length_in_a_vector_file_cannot_make_loading_allocate_it(
    fake_index_dir: Path,
) -> None:
    """faiss allocates what a file declares before reading it; a flipped length must not
    turn into gigabytes of memory (it would take the host down instead of one clear line)."""
    path = fake_index_dir / "chunks.faiss"
    data = bytearray(path.read_bytes())
    manifest = load_index(fake_index_dir).manifest
    floats = manifest.chunks * manifest.dim
    length_at = len(data) - floats * 4 - 8  # the float count sits just before the floats
    assert struct.unpack_from("<Q", data, length_at) == (floats,), "faiss's flat layout"
    struct.pack_into("<Q", data, length_at, 400_000_000)  # claims 1.6 GB of vectors
    path.write_bytes(bytes(data))

    probe = subprocess.run(
        [sys.executable, "-c", CLAIM_VECTORS, str(fake_index_dir)],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
    )
    message, peak_kib = probe.stdout.strip().splitlines()
    assert "chunks.faiss is corrupt" in message, probe.stderr
    assert int(peak_kib) < 512 * 1024, f"loading peaked at {int(peak_kib) // 1024} MB"


def _damaged_copy(tmp_path: Path, damage: Callable[[Path], object]) -> Path:
    folder = tmp_path / "index"
    shutil.copytree(COMMITTED_INDEX, folder)
    damage(folder)
    return folder


def _garble_offsets(folder: Path) -> None:
    path = folder / "chunks.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[3]["start"] = str(rows[3]["start"])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def _edited_article(tmp_path: Path) -> Path:
    edited = tmp_path / "edited.txt"
    edited.write_text(ARTICLE.read_text(encoding="utf-8").replace("2016", "2017"))
    return edited


SERVE_REFUSALS: dict[str, tuple[Callable[[Path], dict[str, str]], str]] = {
    "missing": (lambda t: {"ANTQA_INDEX_DIR": str(t / "nowhere")}, "IndexNotFound: no index at"),
    "empty-folder": (
        lambda t: {"ANTQA_INDEX_DIR": str(Path(tempfile.mkdtemp(dir=t)))},
        "IndexNotFound: no index at",
    ),
    "points-at-a-file": (lambda t: {"ANTQA_INDEX_DIR": str(ARTICLE)}, "no index at"),
    "name-too-long": (
        lambda t: {"ANTQA_INDEX_DIR": str(t / ("x" * 300) / ("y" * 300))},
        "cannot read an index at",
    ),
    "corrupt-manifest": (
        lambda t: {
            "ANTQA_INDEX_DIR": str(
                _damaged_copy(t, lambda d: (d / "manifest.json").write_text('{"model": '))
            )
        },
        "manifest.json is unreadable",
    ),
    "truncated-vectors": (
        lambda t: {
            "ANTQA_INDEX_DIR": str(
                _damaged_copy(
                    t,
                    lambda d: (d / "sentences.faiss").write_bytes(
                        (d / "sentences.faiss").read_bytes()[:5000]
                    ),
                )
            )
        },
        "sentences.faiss is corrupt",
    ),
    "missing-vectors": (
        lambda t: {
            "ANTQA_INDEX_DIR": str(_damaged_copy(t, lambda d: (d / "chunks.faiss").unlink()))
        },
        "chunks.faiss is missing",
    ),
    "garbled-passages": (
        lambda t: {"ANTQA_INDEX_DIR": str(_damaged_copy(t, _garble_offsets))},
        "chunks.jsonl is corrupt (its sha256",
    ),
    "edited-index-article": (
        lambda t: {
            "ANTQA_INDEX_DIR": str(
                _damaged_copy(t, lambda d: (d / "article.txt").write_text("An edited article."))
            )
        },
        "article.txt is corrupt (its sha256",
    ),
    "edited-source-article": (
        lambda t: {"ANTQA_SOURCE": str(_edited_article(t))},
        "IndexMismatch: the article",
    ),
    "wrong-model": (
        lambda t: {"ANTQA_MODEL": "sentence-transformers/paraphrase-MiniLM-L3-v2"},
        "IndexMismatch: the index at",
    ),
    "bad-setting": (lambda t: {"ANTQA_TOP_K": "many"}, "ConfigurationError: ANTQA_TOP_K"),
}


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], expected: str) -> None:
    """Non-zero exit, nothing on stdout, one line on stderr naming the problem and the fix."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and expected in lines[0], lines[0]
    assert FIX.search(lines[0]), lines[0]


@pytest.mark.parametrize("case", SERVE_REFUSALS.values(), ids=SERVE_REFUSALS.keys())
def test_antqa_serve_refuses_a_bad_index_in_one_line(
    run_cli, tmp_path: Path, case: tuple[Callable[[Path], dict[str, str]], str]
) -> None:  # type: ignore[no-untyped-def]
    make_env, expected = case
    result = run_cli("serve", "--port", "0", env=make_env(tmp_path), timeout=120)
    assert_one_line_refusal(result, expected)


def test_antqa_serve_refuses_an_index_of_another_dimension(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Built under the configured model's name but with 64-dimensional vectors: only loading
    the model can tell, so the refusal comes after it loads and before the port opens."""
    folder = tmp_path / "index"
    build_index(ARTICLE, folder, HashEmbedder(dim=64, name=DEFAULT_MODEL))
    result = run_cli("serve", "--port", "0", env={"ANTQA_INDEX_DIR": str(folder)}, timeout=300)
    assert_one_line_refusal(result, "makes 384-dimensional vectors but the index")


# --- a failure while answering costs that one request, not the server ----------------------


def test_a_failure_while_answering_costs_one_request_and_the_server_goes_on() -> None:
    good = "Who became CEO when Peng Lei stepped down?"
    questions = [good, "Please trigger a bug.", "Please trigger a bad index."] * 6
    with served(cli_env(), [sys.executable, "-c", FAULTY_SERVE, *SERVE_ARGS]) as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            with ThreadPoolExecutor(max_workers=6) as clients:
                responses = list(
                    clients.map(lambda q: client.post("/ask", json={"question": q}), questions)
                )
            for question, response in zip(questions, responses, strict=True):
                body = response.json()
                if question == good:
                    assert response.status_code == 200
                    assert "Jing Xiandong" in " ".join(c["text"] for c in body["citations"])
                elif "bug" in question:
                    assert response.status_code == 500
                    assert body["error"]["type"] == "internal_error"
                    assert not re.search(
                        r"simulated|internals|RuntimeError|Traceback", response.text
                    )
                else:
                    assert response.status_code == 503
                    assert body["error"] == {
                        "type": "index_corrupt",
                        "message": "chunks.faiss went missing — run antqa build-index",
                    }
            assert client.get("/healthz").status_code == 200
            assert client.post("/ask", json={"question": good}).status_code == 200
            metrics = client.get("/metrics").text
        assert 'antqa_http_requests_total{method="POST",path="/ask",status="500"} 6.0' in metrics
        assert server.stop() == 0
    log = "".join(server.log)
    assert log.count("unexpected error serving POST /ask") == 6, "each bug logged once"
    assert log.count("RuntimeError: simulated bug") == 6, "with its traceback, for the operator"


# --- the feedback store survives a kill mid-write --------------------------------------------

#: Records answers and votes in a loop (at most 300), printing each one once committed. At
#: write transaction ``hold`` (argv[2]) it prints "holding <n> answer|vote" with the rows
#: written but the COMMIT not yet run, and waits there to be killed.
FEEDBACK_WRITER = textwrap.dedent(
    """
    import sys, time
    from contextlib import contextmanager
    from pathlib import Path
    from antqa.feedback import FeedbackStore
    from antqa.models import Answer, Citation

    path, hold, first = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    store = FeedbackStore(path)
    opened = FeedbackStore._transaction
    count = 0

    @contextmanager
    def transaction(self):
        global count
        with opened(self) as db:
            yield db
            count += 1
            if count == hold:
                print(f"holding {n} {'answer' if count % 2 else 'vote'}", flush=True)
                time.sleep(60)

    FeedbackStore._transaction = transaction
    quote = "the sentence that answers " * 20
    citations = [
        Citation(n=i, chunk_id=f"c{i:03d}", paragraph=i, start=0, end=10, text="t" * 10,
                 quote=quote, quote_start=0, quote_end=10, score=0.5)
        for i in range(1, 41)
    ]
    for n in range(first, first + 300):
        answer = Answer(answer="An answer [1].", answerable=True, citations=citations,
                        conversation_id="c", model="m")
        answer_id = store.record_answer(f"question {n}", answer, source="test")
        print(f"answer {n} {answer_id}", flush=True)
        store.record_vote(answer_id, f"user-{n}", "up" if n % 2 else "down")
        print(f"vote {n} {answer_id}", flush=True)
    """
)


def _write_feedback_until_killed(path: Path, first: int, hold: int, lines: int) -> list[str]:
    """Run the writer, SIGKILL it once it holds a transaction open (``hold``) or after
    ``lines`` lines; the lines it printed."""
    writer = subprocess.Popen(
        [sys.executable, "-c", FEEDBACK_WRITER, str(path), str(hold), str(first)],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    assert writer.stdout is not None
    printed: list[str] = []
    for line in writer.stdout:
        printed.append(line)
        if line.startswith("holding") or len(printed) == lines:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    return printed


def test_feedback_survives_sigkill_mid_write_without_losing_committed_votes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feedback.sqlite3"
    answers: dict[int, str] = {}  # reported committed: question number -> answer id
    votes: set[int] = set()
    held: list[tuple[int, str]] = []
    # kill inside the n-th write transaction (rows written, COMMIT not run), or after n lines
    plan = [(7, 0), (0, 25), (40, 0), (0, 3), (2, 0), (0, 60)]
    for run, (hold, lines) in enumerate(plan):
        for line in _write_feedback_until_killed(path, 1000 * run, hold, lines):
            word, n, *rest = line.split()
            if word == "holding":
                held.append((int(n), rest[0]))
            elif word == "answer":
                answers[int(n)] = rest[0]
            else:
                votes.add(int(n))

        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            stored = dict(db.execute("SELECT question, id FROM answers").fetchall())
            voted = {a for (a,) in db.execute("SELECT answer_id FROM votes").fetchall()}
            partial = db.execute(
                "SELECT COUNT(*) FROM answers a WHERE (SELECT COUNT(*) FROM citations c"
                " WHERE c.answer_id = a.id) != 40"
            ).fetchone()[0]
        assert all(stored.get(f"question {n}") == i for n, i in answers.items()), "lost"
        assert {answers[n] for n in votes} <= voted, "a committed vote was lost"
        assert partial == 0, "an answer was stored without all its citations"
        for n, step in held:  # what was killed before its COMMIT is not there at all
            if step == "answer":
                assert f"question {n}" not in stored
            else:
                assert stored[f"question {n}"] not in voted

    assert len(held) == 3, "three kills landed inside an open write transaction"
    assert len(answers) > 50
    store = FeedbackStore(path)  # and the store opens and writes as before
    assert store.summary().answers >= len(answers)
