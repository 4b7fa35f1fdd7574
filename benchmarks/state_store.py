"""What the conversation store costs per ask: memory, SQLite and Redis side by side.

    python -m benchmarks.state_store                   # 2000 asks per store
    python -m benchmarks.state_store --asks 5000 --redis-url redis://127.0.0.1:6379/0

(from the repository root). One "ask" is what :meth:`QAService.ask` does with the store for
a follow-up: hold the conversation (:meth:`exclusive`), read its history, record the new
turn, let go. Without ``--redis-url`` a redis-server is started on a free loopback port
(Debian's ``redis-server`` package) and stopped afterwards. The conversations are spread
over ``--conversations`` ids, each with a realistic turn (question, query, a 600-character
answer, quoted sentence ids). The target is a p50 of at most 0.5 ms per ask for every store.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.redis_process import redis_server

if TYPE_CHECKING:
    from antqa.state import ConversationStore

TARGET_MS = 0.5
ANSWER = ("Jing Xiandong became CEO of Ant Financial when Peng Lei stepped down. [1] " * 8)[:600]


@contextmanager
def stores(folder: Path, redis_url: str | None) -> Iterator[dict[str, ConversationStore]]:
    """The three stores, with the service's default bounds."""
    from antqa.state.memory import MemoryConversationStore
    from antqa.state.redis import RedisConversationStore
    from antqa.state.sqlite import SQLiteConversationStore

    with ExitStack() as stack:
        if redis_url is None:
            redis_url = stack.enter_context(redis_server(folder / "redis")).url
        made: dict[str, ConversationStore] = {
            "memory": MemoryConversationStore(),
            "sqlite": SQLiteConversationStore(folder / "conversations.sqlite3"),
            "redis": RedisConversationStore.from_url(redis_url, prefix="antqa-bench:"),
        }
        try:
            yield made
        finally:
            for store in made.values():
                store.close()


def time_asks(store: ConversationStore, asks: int, conversations: int) -> list[float]:
    """Milliseconds of each simulated ask (hold, history, record, release)."""
    from antqa.conversation import Turn

    ids = [f"bench{n:06d}" for n in range(conversations)]
    timings = []
    for n in range(asks):
        conversation_id = ids[n % conversations]
        turn = Turn(f"And what about {n}?", f"And what about {n}? context", ANSWER, (n % 97, 3))
        began = time.perf_counter()
        with store.exclusive(conversation_id):
            store.history(conversation_id)
            store.record(conversation_id, turn)
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--asks", type=int, default=2000, help="per store")
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--redis-url", default=None, help="default: start a redis-server")
    args = parser.parse_args(argv)
    if args.asks < 10 or args.conversations < 1:
        parser.error("at least 10 asks and 1 conversation")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    print(f"{args.asks} asks per store over {args.conversations} conversations")
    print(f"{'store':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'mean ms':>8}  target")
    kept = True
    with tempfile.TemporaryDirectory() as folder, stores(Path(folder), args.redis_url) as made:
        for name, store in made.items():
            time_asks(store, min(100, args.asks), args.conversations)  # warm: connections
            timings = sorted(time_asks(store, args.asks, args.conversations))
            p50 = statistics.median(timings)
            p90, p99 = (timings[int(q * (len(timings) - 1))] for q in (0.9, 0.99))
            ok = p50 <= TARGET_MS
            kept &= ok
            print(
                f"{name:>8} {p50:>8.3f} {p90:>8.3f} {p99:>8.3f} {statistics.fmean(timings):>8.3f}"
                f"  {'PASS' if ok else 'FAIL'} (p50 ≤ {TARGET_MS} ms)",
                flush=True,
            )
    return 0 if kept else 1


if __name__ == "__main__":
    raise SystemExit(main())
