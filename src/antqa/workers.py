"""A bounded pool for the CPU-bound part of answering, shared by the async adapters.

Embedding a query is CPU work. On the event loop it would stall every other request; on
an unbounded thread pool a burst would make dozens of threads fight over two cores and
every answer would get slower. :class:`WorkerPool` runs calls on ``workers`` threads and
lets at most ``max_pending`` more wait; beyond that it refuses at once with
:class:`~antqa.errors.Overloaded`, so overload becomes a quick "retry shortly" instead of
a queue that grows until every client times out.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from antqa.errors import Overloaded

P = ParamSpec("P")
T = TypeVar("T")


class WorkerPool:
    """Runs blocking calls on a few threads and admits a bounded number at a time."""

    def __init__(self, workers: int, max_pending: int, retry_after: int = 1) -> None:
        if workers < 1 or max_pending < 0:
            raise ValueError("a pool needs at least one worker and a non-negative backlog")
        self.workers = workers
        self.max_pending = max_pending
        self._retry_after = retry_after
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="antqa-ask")
        self._admitted = 0
        self._lock = threading.Lock()

    @property
    def admitted(self) -> int:
        """Calls running or waiting for a thread right now."""
        with self._lock:
            return self._admitted

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(*args, **kwargs)`` on a worker thread, or :class:`Overloaded` at once.

        A call stays counted until its thread finishes, even if the awaiting request is
        cancelled (a client that hangs up cannot make room for more work than the pool
        really has); a call still waiting for a thread is dropped when cancelled.
        """
        self._admit()
        try:
            future = self._executor.submit(functools.partial(fn, *args, **kwargs))
        except BaseException:
            self._release()
            raise
        future.add_done_callback(self._on_done)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Finish the calls already admitted, then stop the threads."""
        self._executor.shutdown(wait=True)

    def _admit(self) -> None:
        with self._lock:
            if self._admitted >= self.workers + self.max_pending:
                raise Overloaded(
                    f"{self._admitted} questions are already being answered or waiting — "
                    f"retry in {self._retry_after} s",
                    retry_after=self._retry_after,
                )
            self._admitted += 1

    def _release(self) -> None:
        with self._lock:
            self._admitted -= 1

    def _on_done(self, _future: Future[T]) -> None:
        self._release()
