"""The conversation stores: the same rules, checked on every implementation.

``store`` is parametrised over memory, SQLite (a temp file) and Redis (the session's real
redis-server). What only a shared store can do (survive a reopen, hold across processes,
fail and recover with Redis) is checked on SQLite and Redis.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from antqa.config import Settings
from antqa.conversation import Turn
from antqa.errors import ConfigurationError, StateUnavailable
from antqa.state import ConversationStore, open_store
from antqa.state.base import dump_turn, load_turn, new_conversation_id
from antqa.state.memory import MemoryConversationStore
from antqa.state.sqlite import SQLiteConversationStore

KINDS = ("memory", "sqlite", "redis")
SHARED = ("sqlite", "redis")


class Clock:
    """Seconds that only move when the test says so (wall-clock-like, for shared stores)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def turn(question: str, answer: str = "An answer. [1]", ids: tuple[int, ...] = (7,)) -> Turn:
    return Turn(question=question, query=question, answer=answer, sentence_ids=ids)


StoreFactory = Callable[..., ConversationStore]


def _settings(kind: str, tmp_path: Path, redis_url: str | None, **bounds: Any) -> Settings:
    return Settings(
        conversation_store=kind,
        state_dir=tmp_path,
        redis_url=redis_url,
        **bounds,
    )


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[StoreFactory]:
    """``make_store(clock=..., max_turns=..., ...)``: a store of this test's kind (all closed
    at the end). Two stores made in one test share their data, like two processes."""
    redis_url = request.getfixturevalue("redis_url") if kind == "redis" else None
    made: list[ConversationStore] = []

    def make(clock: Callable[[], float] | None = None, **bounds: Any) -> ConversationStore:
        options: dict[str, Any] = {
            "max_turns": bounds.get("max_turns", 8),
            "ttl_seconds": bounds.get("ttl_seconds", 3600.0),
            "max_conversations": bounds.get("max_conversations", 10_000),
        }
        if clock is not None:
            options["clock"] = clock
        store: ConversationStore
        if kind == "memory":
            store = MemoryConversationStore(**options)
        elif kind == "sqlite":
            store = SQLiteConversationStore(tmp_path / "conversations.sqlite3", **options)
        else:
            from antqa.state.redis import RedisConversationStore

            assert redis_url is not None
            store = RedisConversationStore.from_url(redis_url, **options)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


# --- the rules, on every store ------------------------------------------------------------


def test_only_the_latest_turns_are_kept(make_store: StoreFactory) -> None:
    store = make_store(max_turns=3)
    for n in range(10):
        store.record("a", turn(f"question {n}"))
    history = store.history("a")
    assert history is not None
    assert [t.question for t in history] == ["question 7", "question 8", "question 9"]


def test_an_idle_conversation_expires_and_an_active_one_does_not(make_store: StoreFactory) -> None:
    clock = Clock()
    store = make_store(clock=clock, ttl_seconds=60)
    store.record("idle", turn("q"))
    store.record("active", turn("q"))
    for _ in range(3):
        clock.now += 40
        store.record("active", turn("again"))
    assert store.history("idle") is None
    assert store.history("active") is not None
    assert len(store) == 1


def test_the_least_recently_used_conversation_makes_room(make_store: StoreFactory) -> None:
    clock = Clock()
    store = make_store(clock=clock, max_conversations=2)
    for name in ("a", "b", "a", "c"):
        clock.now += 1
        store.record(name, turn(f"q {name}"))
    assert store.history("b") is None
    assert store.history("a") is not None and store.history("c") is not None
    assert len(store) == 2


def test_conversations_never_mix(make_store: StoreFactory) -> None:
    store = make_store()
    store.record("a", turn("about the chairman"))
    store.record("b", turn("about the default"))
    assert [t.question for t in store.history("a") or []] == ["about the chairman"]
    assert [t.question for t in store.history("b") or []] == ["about the default"]
    assert store.history("c") is None


def test_a_turn_comes_back_as_it_was_recorded(make_store: StoreFactory) -> None:
    store = make_store()
    recorded = turn('彭蕾之后谁是CEO？\n"quoted" 🐜', "Jing Xiandong. [1] [2]\n", (41, 3, 0))
    store.record("x", recorded)
    assert store.history("x") == [recorded]


def test_many_conversations_keep_the_newest_until_they_expire(make_store: StoreFactory) -> None:
    clock = Clock()
    store = make_store(clock=clock, max_conversations=100, ttl_seconds=3600)
    ids = [f"conversation-{n}" for n in range(1000)]
    for n, conversation_id in enumerate(ids):
        clock.now += 0.01 if n != 950 else 1000  # the last 50 come a while later
        store.record(conversation_id, turn(f"question {n}"))
    assert len(store) == 100
    assert all(store.history(i) is None for i in ids[:900]), "the oldest were evicted"
    assert all(store.history(i) == [turn(f"question {n}")] for n, i in enumerate(ids[900:], 900))
    clock.now += 3000  # idle: the 50 before the pause over an hour, the last 50 not
    assert len(store) == 50
    assert store.history(ids[949]) is None and store.history(ids[950]) is not None
    clock.now += 1000
    assert len(store) == 0, "expired conversations are gone"


def test_concurrent_turns_are_all_recorded_within_the_bounds(make_store: StoreFactory) -> None:
    store = make_store(max_turns=1000)

    def ask(conversation: str) -> None:
        for n in range(100):
            store.record(conversation, turn(f"{conversation}{n}"))

    threads = [threading.Thread(target=ask, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name in "abcd":
        history = store.history(name)
        assert history is not None and len(history) == 100
        assert [t.question for t in history] == [f"{name}{n}" for n in range(100)]


def test_questions_in_one_conversation_take_turns_across_threads(make_store: StoreFactory) -> None:
    store = make_store(max_turns=1000)
    store.record("shared", turn("0"))
    _read_then_write(store, threads=6, each=15)
    history = store.history("shared")
    assert history is not None
    assert [t.question for t in history] == [str(n) for n in range(1 + 6 * 15)], (
        "each turn saw the one before it: no two read the same history"
    )


def test_inside_a_hold_a_read_sees_the_turns_recorded_before_it(make_store: StoreFactory) -> None:
    store = make_store()
    store.record("c", turn("first"))
    with store.exclusive("c"):
        assert [t.question for t in store.history("c") or []] == ["first"]
        store.record("c", turn("second"))
        assert [t.question for t in store.history("c") or []] == ["first", "second"]
        assert [t.question for t in store.history("c") or []] == ["first", "second"]
        store.record("c", turn("third"))
    assert [t.question for t in store.history("c") or []] == ["first", "second", "third"]
    with store.exclusive("new"):
        assert store.history("new") is None
        store.record("new", turn("only"))
    assert [t.question for t in store.history("new") or []] == ["only"]


def test_a_place_leads_to_its_conversation(make_store: StoreFactory) -> None:
    store = make_store()
    assert store.alias("discord:thread:1") is None
    store.record("c1", turn("q"))
    store.record("c2", turn("q"))
    store.bind("discord:thread:1", "c1")
    store.bind("discord:thread:2", "c2")
    assert store.alias("discord:thread:1") == "c1"
    store.bind("discord:thread:1", "c2")
    assert store.alias("discord:thread:1") == "c2"


def test_ids_are_unguessable_and_turns_are_json() -> None:
    ids = {new_conversation_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(len(i) == 32 for i in ids)
    recorded = turn("q", ids=(1, 2))
    assert dump_turn(recorded).startswith("{") and load_turn(dump_turn(recorded)) == recorded
    named = dataclasses.replace(recorded, about="Colm Varey")  # whom "he" stands for next
    assert load_turn(dump_turn(named)) == named
    dated = dataclasses.replace(recorded, when="1931")  # what "then" stands for next
    assert load_turn(dump_turn(dated)) == dated
    thing = dataclasses.replace(recorded, thing="Vellan Metals Company")  # what "it" stands for
    assert load_turn(dump_turn(thing)) == thing


# --- shared stores ------------------------------------------------------------------------


@pytest.fixture(params=SHARED)
def shared_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def shared_settings(shared_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    redis_url = request.getfixturevalue("redis_url") if shared_kind == "redis" else None
    return _settings(shared_kind, tmp_path, redis_url, conversation_max_turns=1000)


def test_a_reopened_store_still_has_its_conversations(shared_settings: Settings) -> None:
    store = open_store(shared_settings)
    store.record("kept", turn("before the restart"))
    store.record("c", turn("q"))
    store.bind("discord:thread:9", "c")
    store.close()
    reopened = open_store(shared_settings)
    try:
        assert [t.question for t in reopened.history("kept") or []] == ["before the restart"]
        assert reopened.alias("discord:thread:9") == "c"
    finally:
        reopened.close()


def test_questions_in_one_conversation_take_turns_across_processes(
    shared_settings: Settings,
) -> None:
    store = open_store(shared_settings)
    store.record("shared", turn("0"))
    _in_processes(_take_turns_in_a_process, [(shared_settings.model_dump(), 10)] * 3)
    history = store.history("shared")
    store.close()
    assert history is not None
    assert [t.question for t in history] == [str(n) for n in range(1 + 3 * 10)]


def test_the_bounds_hold_across_processes(shared_settings: Settings) -> None:
    bounded = shared_settings.model_copy(update={"max_conversations": 50})
    _in_processes(_record_many, [(bounded.model_dump(), f"p{n}", 200) for n in range(3)])
    store = open_store(bounded)
    try:
        assert len(store) == 50
    finally:
        store.close()


def test_redis_down_is_state_unavailable_and_it_recovers_without_a_restart(
    redis_url: str, redis_process: Any, tmp_path: Path
) -> None:
    store = open_store(_settings("redis", tmp_path, redis_url))
    store.record("c", turn("before Redis went down"))
    redis_process.stop()
    try:
        with pytest.raises(StateUnavailable, match="Redis") as down:
            store.history("c")
        assert down.value.retry_after >= 1
        with pytest.raises(StateUnavailable):
            store.record("c", turn("while down"))
    finally:
        redis_process.start()
    assert [t.question for t in store.history("c") or []] == ["before Redis went down"]
    store.record("c", turn("after"))
    assert len(store.history("c") or []) == 2
    store.close()


def test_a_store_opening_while_another_process_writes_waits_for_it(tmp_path: Path) -> None:
    """Switching to WAL gets "database is locked" at once (SQLite skips the busy timeout
    where waiting could deadlock) while another process is mid-write, as when workers
    start together; opening waits it out instead of failing the worker."""
    path = tmp_path / "conversations.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    store = SQLiteConversationStore(path)
    try:
        store.record("c", turn("after the other process let go"))
        assert [t.question for t in store.history("c") or []] == ["after the other process let go"]
        assert store._db().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        store.close()
        holder.close()


def test_an_unwritable_state_dir_is_a_one_line_configuration_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigurationError, match="ANTQA_STATE_DIR"):
        open_store(_settings("sqlite", blocker, None))


def test_the_settings_pick_the_store(tmp_path: Path) -> None:
    assert isinstance(open_store(_settings("memory", tmp_path, None)), MemoryConversationStore)
    auto = open_store(_settings("auto", tmp_path, None))
    assert isinstance(auto, SQLiteConversationStore)
    assert auto.path == tmp_path / "conversations.sqlite3"
    auto.close()
    from antqa.state.redis import RedisConversationStore

    with_redis = open_store(_settings("auto", tmp_path, "redis://127.0.0.1:1/0"))
    assert isinstance(with_redis, RedisConversationStore)
    with pytest.raises(ConfigurationError, match="ANTQA_REDIS_URL"):
        open_store(_settings("redis", tmp_path, None))


# --- helpers (module level: spawned processes import them) -------------------------------


def _in_processes(target: Callable[..., None], calls: list[tuple[Any, ...]]) -> None:
    """``target(*args)`` for each of ``calls``, each in its own process, all at once."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=target, args=args) for args in calls]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0


def _read_then_write(store: ConversationStore, threads: int, each: int) -> None:
    """Each turn records how many came before it, read inside the conversation's hold."""

    def work() -> None:
        for _ in range(each):
            with store.exclusive("shared"):
                seen = len(store.history("shared") or [])
                time.sleep(0.001)  # let another thread try to read the same history
                store.record("shared", turn(str(seen)))

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def _take_turns_in_a_process(settings: dict[str, Any], each: int) -> None:
    store = open_store(Settings(**settings))
    _read_then_write(store, threads=2, each=each // 2)
    store.close()


def _record_many(settings: dict[str, Any], prefix: str, n: int) -> None:
    store = open_store(Settings(**settings))
    for i in range(n):
        store.record(f"{prefix}-{i}", turn("q"))
    store.close()
