"""Shared fixtures.

- ``HashEmbedder``: a deterministic fake embedder (bag of hashed word stems) so logic tests
  run in milliseconds; it is lexical on purpose, so retrieval on it is predictable.
- ``clean_env`` (autouse): no ANTQA_/DISCORD_ variables leak in from the developer's shell.
- ``real_service``: the committed index with the real bundled model (session-scoped: the
  model loads once).
- ``make_citation`` / ``contract_answer``: answers built by hand for adapter tests (a short
  answer, related reading) until the answer step fills those fields itself.
- ``run_cli``: runs the real ``antqa`` entry point in a subprocess against this checkout.
- ``FAULTY_SERVE``: ``antqa serve`` with two questions that fail inside the service.
- ``redis_process`` / ``redis_url``: a real ``redis-server`` for the session, emptied for each
  test; without the binary the tests that need it skip, except under CI, where they fail.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from antqa.config import Settings
from antqa.models import Answer, Citation, ShortAnswer

if TYPE_CHECKING:
    from antqa.retrieval import Retriever
    from antqa.service import QAService

if TYPE_CHECKING:
    from benchmarks.redis_process import RedisProcess

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "corpus" / "ant-financial-crisis-response.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "dev.jsonl"


class HashEmbedder:
    """Deterministic bag-of-words vectors: texts sharing words are similar."""

    def __init__(self, dim: int = 64, name: str = "test/hash-embedder") -> None:
        self._dim = dim
        self._name = name
        self.calls = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word[:6].encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self._dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


#: The shared services serve tests that are each one client asking dozens of questions at
#: once, so fair use is off for them; tests/test_ratelimit.py tests the limit itself.
ONE_BUSY_CLIENT = {"ask_rate_per_minute": 0}


def retriever_over(text: str, folder: Path) -> Retriever:
    """A retriever over ``text`` (indexed in ``folder`` with the fake embedder)."""
    from antqa.build import build_index
    from antqa.index import load_index
    from antqa.retrieval import Retriever

    source = folder / "article.txt"
    source.write_text(text, encoding="utf-8")
    embedder = HashEmbedder()
    build_index(source, folder / "index", embedder)
    return Retriever(load_index(folder / "index"), embedder)


def make_citation(article: str, n: int, start: int, end: int) -> Citation:
    """A citation of ``article[start:end]`` that quotes the whole passage."""
    return Citation(
        n=n,
        chunk_id=f"c{n}",
        paragraph=1,
        start=start,
        end=end,
        text=article[start:end],
        quote=article[start:end],
        quote_start=start,
        quote_end=end,
        score=1.0,
    )


def contract_answer(service: QAService, question: str, answerable: bool = True) -> Answer:
    """The service's real answer to ``question``, with the first word of its first quote as
    the short answer and every other citation marked as related reading (a refusal: all)."""
    real = service.ask(question)
    first = real.citations[0]
    word = first.quote.split()[0]
    short = ShortAnswer(text=word, start=first.quote_start, end=first.quote_start + len(word))
    return real.model_copy(
        update={
            "answerable": answerable,
            "short_answer": short if answerable else None,
            "citations": [
                c.model_copy(update={"cited": answerable and c is first}) for c in real.citations
            ],
            "answer": f"{first.quote} [1]" if answerable else "The article doesn't say.",
        }
    )


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests see only the settings they set themselves; conversations go to a temp folder."""
    for key in list(os.environ):
        if key.startswith("ANTQA_") or key.startswith("DISCORD_"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("ANTQA_STATE_DIR", str(tmp_path / "state"))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


@pytest.fixture(scope="session")
def redis_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisProcess]:
    """One real redis-server for the whole session (Debian's package; ``make test`` installs it)."""
    from benchmarks.redis_process import redis_binary, redis_server

    if redis_binary() is None:
        reason = "redis-server is not installed — run make test (it installs it) or apt-get"
        if in_ci():
            pytest.fail(f"CI is set but the Redis tests cannot run: {reason}")
        pytest.skip(reason)
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture
def redis_url(redis_process: RedisProcess) -> str:
    """The session's Redis, emptied: each test starts with no conversations."""
    if redis_process.process is None:  # a test stopped it and failed before restarting it
        redis_process.start()
    redis_process.flush()
    return redis_process.url


@pytest.fixture
def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def fake_index_dir(tmp_path: Path, hash_embedder: HashEmbedder) -> Path:
    """The real article indexed with the fake embedder, in a temp folder."""
    from antqa.build import build_index

    out = tmp_path / "index"
    build_index(ARTICLE, out, hash_embedder)
    return out


@pytest.fixture
def fake_service(fake_index_dir: Path, hash_embedder: HashEmbedder):  # type: ignore[no-untyped-def]
    """A QAService over the real article with the fake embedder (fast)."""
    from antqa.index import load_index
    from antqa.service import QAService

    settings = Settings(index_dir=fake_index_dir, model=hash_embedder.name, **ONE_BUSY_CLIENT)
    return QAService(load_index(fake_index_dir), hash_embedder, settings)


@pytest.fixture(scope="session")
def real_service():  # type: ignore[no-untyped-def]
    """The committed index served with the real bundled model."""
    from antqa.service import QAService

    service = QAService.from_settings(Settings(**ONE_BUSY_CLIENT))
    service.warm_up()
    return service


#: ``antqa serve``, except that two questions fail inside the service: one like a bug
#: would, one with a domain error (the index going bad under it).
FAULTY_SERVE = textwrap.dedent(
    """
    import sys
    from antqa.errors import IndexCorrupt
    from antqa.service import QAService

    answer = QAService.ask

    def ask(self, question, conversation_id=None):
        if "trigger a bug" in question:
            raise RuntimeError("simulated bug in /srv/antqa/internals.py line 42")
        if "trigger a bad index" in question:
            raise IndexCorrupt("chunks.faiss went missing — run antqa build-index")
        return answer(self, question, conversation_id)

    QAService.ask = ask
    from antqa.cli import main
    sys.argv[0] = "antqa"
    main()
    """
)


def cli_env(**overrides: str) -> dict[str, str]:
    """Environment for a CLI subprocess: this checkout first on the path, no stray settings
    (but the test's own state folder, so no test writes conversations into the checkout)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("ANTQA_") or k.startswith("DISCORD_")) or k == "ANTQA_STATE_DIR"
    }
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    env["HF_HUB_OFFLINE"] = "1"
    env["ANTQA_ASK_RATE_PER_MINUTE"] = "0"  # one test client asks many questions at once
    env.update(overrides)
    return env


@pytest.fixture
def run_cli() -> Iterator:  # type: ignore[type-arg]
    """``run_cli(*args, env={...}, input=None, timeout=...)`` -> CompletedProcess (text)."""

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        input: str | None = None,
        timeout: float = 300,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "antqa", *args],
            capture_output=True,
            text=True,
            input=input,
            timeout=timeout,
            env=cli_env(**(env or {})),
            cwd=ROOT,
        )

    yield run


# --- Discord: the real bot against the fake Discord in tests/fake_discord.py ----------------


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def discord_session(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """``async with discord_session(service, settings=..., **fake_options) as fake:``

    Starts a FakeDiscord, points discord.py at it, runs the real ``run_discord`` until the
    bot is connected, yields the fake; on exit stops both and checks that the fake refused
    nothing (pass ``expect_rejections=True`` to allow refusals).
    """
    import asyncio
    import contextlib

    import discord
    import yarl
    from fake_discord import FakeDiscord
    from pydantic import SecretStr

    from antqa.bots.discord_bot import run_discord

    @contextlib.asynccontextmanager
    async def session(  # type: ignore[no-untyped-def]
        service, *, settings: Settings | None = None, expect_rejections: bool = False, **options
    ):
        fake = FakeDiscord(**options)
        await fake.start()
        monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
        gateway = yarl.URL(fake.gateway_url)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", gateway)
        settings = (settings or Settings(feedback_db=tmp_path / "feedback.sqlite3")).model_copy(
            update={"discord_token": SecretStr(fake.token)}
        )
        bot = asyncio.create_task(run_discord(service, settings))
        ready = asyncio.create_task(fake.ready.wait())
        try:
            await asyncio.wait({bot, ready}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
            if bot.done():
                bot.result()
                raise AssertionError("the bot stopped before connecting")
            assert ready.done(), "the bot did not connect within 60 s"
            yield fake
        finally:
            ready.cancel()
            bot.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await bot
            await fake.close()
        if not expect_rejections:
            assert fake.rejected == [], "the fake Discord refused requests"

    return session
