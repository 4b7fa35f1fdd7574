"""``kill -HUP`` reloads the index of a running ``antqa serve`` while it answers.

Against a real server process under load: no request fails across the swap, the edited
article is answered right after it, a conversation begun on the old index goes on, and a
damaged new index is refused in the log while the old one keeps serving.
"""

from __future__ import annotations

import itertools
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from antqa.build import build_index
from antqa.config import Settings
from antqa.conversation import Turn
from antqa.errors import IndexCorrupt
from antqa.index import load_index
from antqa.service import QAService
from benchmarks.serve_process import served
from tests.conftest import ARTICLE, ROOT, HashEmbedder, cli_env
from tests.test_build import NEW_QUESTION, edited_article

QUESTIONS = [
    "Who became CEO when Peng Lei stepped down?",
    "How many members does the committee have?",
    "What did the company learn from the crisis?",
]
CLIENTS = 4


class Load:
    """``CLIENTS`` threads asking questions back to back until stopped; every outcome kept."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.statuses: list[int] = []
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(n,)) for n in range(CLIENTS)]

    def _run(self, offset: int) -> None:
        questions = itertools.cycle(QUESTIONS[offset % len(QUESTIONS) :] + QUESTIONS)
        with httpx.Client(base_url=self.url, timeout=60) as client:
            while not self._stop.is_set():
                try:
                    response = client.post("/ask", json={"question": next(questions)})
                    self.statuses.append(response.status_code)
                except httpx.HTTPError as err:
                    self.errors.append(repr(err))

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)


def test_sighup_under_load_swaps_in_the_rebuilt_index_and_refuses_a_bad_one(
    tmp_path: Path,
) -> None:
    index = tmp_path / "index"
    shutil.copytree(ROOT / "index", index)
    source = tmp_path / "article.txt"
    shutil.copyfile(ARTICLE, source)
    env = cli_env(ANTQA_INDEX_DIR=str(index), ANTQA_SOURCE=str(source))
    with served(env) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        first = client.post("/ask", json={"question": QUESTIONS[0]}).json()
        with Load(server.url) as load:
            edited_article(tmp_path)  # rewrites tmp_path/article.txt, the served source
            build = subprocess.run(
                [sys.executable, "-m", "antqa", "build-index"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert build.returncode == 0, build.stderr
            served_before = len(load.statuses)
            server.process.send_signal(signal.SIGHUP)
            server.expect(r"index reloaded", timeout=120)
            answer = client.post("/ask", json={"question": NEW_QUESTION}).json()
            assert "brass ship's bell" in answer["answer"]
            follow_up = client.post(
                "/ask",
                json={
                    "question": "And which role did she move to?",
                    "conversation_id": first["conversation_id"],
                },
            )
            assert follow_up.status_code == 200, follow_up.text
            assert follow_up.json()["notice"] is None  # the conversation went on

            sentences = index / "sentences.faiss"
            data = bytearray(sentences.read_bytes())
            data[len(data) // 2] ^= 0x01
            sentences.write_bytes(bytes(data))
            server.process.send_signal(signal.SIGHUP)
            refusal = server.expect(r"index reload refused", timeout=120).string
            assert "sentences.faiss is corrupt" in refusal and "run antqa build-index" in refusal
            still = client.post("/ask", json={"question": NEW_QUESTION})
            assert still.status_code == 200 and "brass ship's bell" in still.json()["answer"]
        assert load.errors == []
        assert len(load.statuses) > served_before > 0, "the load ran across both reloads"
        assert set(load.statuses) == {200}
        assert server.stop() == 0


def test_a_reload_drops_anchors_into_the_replaced_article_but_keeps_the_conversation(
    tmp_path: Path,
) -> None:
    source = tmp_path / "article.txt"
    shutil.copyfile(ARTICLE, source)
    folder = tmp_path / "index"
    build_index(source, folder, HashEmbedder())
    settings = Settings(index_dir=folder, source=source, model=HashEmbedder().name)
    service = QAService(load_index(folder), HashEmbedder(), settings)
    answer = service.ask("Who became CEO when Peng Lei stepped down?")
    history = service.conversations.history(answer.conversation_id)
    assert history and history[-1].sentence_ids
    assert history[-1].article_sha256 == service.index.manifest.source_sha256

    build_index(edited_article(tmp_path), folder, HashEmbedder())
    reloaded = service.reload()
    assert service.index is reloaded
    assert reloaded.manifest.source_sha256 != history[-1].article_sha256
    assert service.ask(NEW_QUESTION).answerable
    follow_up = service.ask("and when was that?", answer.conversation_id)
    assert follow_up.notice is None
    turns: list[Turn] = service.conversations.history(answer.conversation_id) or []
    assert len(turns) == 2 and turns[-1].article_sha256 == reloaded.manifest.source_sha256


def test_a_bad_index_is_refused_by_reload_and_the_old_one_keeps_answering(
    fake_service: QAService,
) -> None:
    before = fake_service.index
    (before.path / "chunks.jsonl").write_text("damaged\n")
    with pytest.raises(IndexCorrupt, match=r"chunks\.jsonl is corrupt .* run antqa build-index"):
        fake_service.reload()
    assert fake_service.index is before
    assert fake_service.ask("Who became CEO when Peng Lei stepped down?").answerable
