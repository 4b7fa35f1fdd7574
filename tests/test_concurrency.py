"""The bounded worker pool and conversations under concurrent questions (fast, no model)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from antqa.embedding import Embedder
from antqa.errors import Overloaded
from antqa.service import QAService
from antqa.workers import WorkerPool


def test_calls_run_on_worker_threads_and_return_or_raise() -> None:
    pool = WorkerPool(workers=2, max_pending=0)

    def boom() -> None:
        raise ValueError("from the worker")

    async def main() -> None:
        assert await pool.run(lambda: threading.current_thread().name) != (
            threading.current_thread().name
        )
        assert await pool.run(pow, 2, 10) == 1024
        with pytest.raises(ValueError, match="from the worker"):
            await pool.run(boom)

    asyncio.run(main())
    assert pool.admitted == 0
    pool.close()


def test_beyond_workers_and_backlog_calls_are_refused_at_once() -> None:
    pool = WorkerPool(workers=1, max_pending=2, retry_after=3)
    gate = threading.Event()

    async def main() -> None:
        admitted = [asyncio.ensure_future(pool.run(gate.wait, 30)) for _ in range(3)]
        await asyncio.sleep(0)
        assert pool.admitted == 3
        with pytest.raises(Overloaded) as refused:
            await pool.run(gate.wait, 30)
        assert refused.value.retry_after == 3
        assert "retry in 3 s" in str(refused.value)
        gate.set()
        assert await asyncio.gather(*admitted) == [True, True, True]
        assert await pool.run(len, "room again") == 10

    asyncio.run(main())
    pool.close()


def test_a_cancelled_request_keeps_its_slot_until_its_thread_finishes() -> None:
    pool = WorkerPool(workers=1, max_pending=0)
    started, gate = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        gate.wait(30)

    async def main() -> None:
        task = asyncio.ensure_future(pool.run(work))
        await asyncio.to_thread(started.wait, 30)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        with pytest.raises(Overloaded):
            await pool.run(len, "still busy")  # the thread is still computing
        gate.set()
        await asyncio.to_thread(pool.close)

    asyncio.run(main())
    assert pool.admitted == 0


class SlowEmbedder:
    """The fake embedder, slowed down so that concurrent questions really overlap."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        time.sleep(0.02)
        return self.inner.embed(texts)


def test_questions_in_one_conversation_take_turns(fake_service: QAService) -> None:
    settings = fake_service.settings.model_copy(update={"conversation_max_turns": 20})
    service = QAService(fake_service.index, SlowEmbedder(fake_service.embedder), settings)
    question = "Which version of Alipay's wireless app added friends?"
    shared = service.ask(question).conversation_id
    with ThreadPoolExecutor(max_workers=8) as threads:
        answers = list(threads.map(lambda _: service.ask(question, shared), range(8)))
    assert all(a.notice is None and a.conversation_id == shared for a in answers)
    history = service.conversations.history(shared)
    assert history is not None and len(history) == 9, "no turn overwrote another"
