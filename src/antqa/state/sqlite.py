"""Conversations in one SQLite file: the embedded default of ``antqa serve``.

The file (``conversations.sqlite3`` under ``ANTQA_STATE_DIR``) survives restarts and is
shared by every process on the machine that opens it, so ``antqa serve --workers N``
keeps follow-ups whichever worker gets them. The bounds hold across those processes
because each change runs in one ``BEGIN IMMEDIATE`` transaction (SQLite's write lock):
expire, append and trim, evict the least recently used. "Take turns" is a lock row
(``turn_locks``) with a lease, so a holder killed mid-answer cannot block a conversation
for longer than :data:`~antqa.state.base.LOCK_LEASE_SECONDS`.

WAL mode lets readers run while one process writes; ``synchronous=NORMAL`` makes a commit
cost no fsync (a power cut may lose the last few turns, never corrupt the file).
Each thread keeps its own connection (opening one per call would cost more than the query).
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from antqa.conversation import Turn
from antqa.errors import ConfigurationError, StateUnavailable
from antqa.sqlitedb import BUSY_TIMEOUT_SECONDS, use_wal, write_transaction
from antqa.state.base import (
    LOCK_LEASE_SECONDS,
    RETRY_AFTER_SECONDS,
    KeyedLocks,
    dump_turn,
    load_turn,
)

FILENAME = "conversations.sqlite3"
#: Polling a held turn lock: first pause, and the longest (answers take ~10-100 ms).
LOCK_POLL_SECONDS = (0.001, 0.02)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    touched REAL NOT NULL,
    turns TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_touched ON conversations (touched);
CREATE TABLE IF NOT EXISTS places (
    place TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS places_conversation ON places (conversation_id);
CREATE TABLE IF NOT EXISTS turn_locks (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    expires REAL NOT NULL
);
"""


class SQLiteConversationStore:
    """Recent turns per conversation id in a SQLite file shared by this machine's processes."""

    def __init__(
        self,
        path: Path,
        max_turns: int = 8,
        ttl_seconds: float = 3600.0,
        max_conversations: int = 10_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self._max_turns = max_turns
        self._ttl = ttl_seconds
        self._max_conversations = max_conversations
        self._clock = clock
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._turns = KeyedLocks()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._db()
            use_wal(db)
            db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} COMMIT;")
        except (OSError, sqlite3.Error) as err:
            raise ConfigurationError(
                f"cannot open the conversation store {self.path}: {err} — "
                "set ANTQA_STATE_DIR to a writable folder"
            ) from err

    # --- the store ---------------------------------------------------------------------

    def __len__(self) -> int:
        with self._transaction() as db:
            self._expire(db, self._clock())
            count: int = db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0]
            return count

    def history(self, conversation_id: str) -> list[Turn] | None:
        with self._failures():
            row = (
                self._db()
                .execute(
                    "SELECT turns FROM conversations WHERE id = ? AND touched >= ?",
                    (conversation_id, self._clock() - self._ttl),
                )
                .fetchone()
            )
        return None if row is None else [load_turn(t) for t in _split(row[0])]

    def record(self, conversation_id: str, turn: Turn) -> None:
        now = self._clock()
        with self._transaction() as db:
            self._expire(db, now)
            row = db.execute(
                "SELECT turns FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
            turns = [*(_split(row[0]) if row else []), dump_turn(turn)][-self._max_turns :]
            db.execute(
                "INSERT INTO conversations (id, touched, turns) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET touched = excluded.touched,"
                " turns = excluded.turns",
                (conversation_id, now, "\n".join(turns)),
            )
            if row is None:
                self._evict(db)

    @contextmanager
    def exclusive(self, key: str) -> Iterator[None]:
        with self._turns.hold(key):
            owner = uuid.uuid4().hex
            self._acquire(key, owner)
            try:
                yield
            finally:
                with self._failures():
                    self._db().execute(
                        "DELETE FROM turn_locks WHERE key = ? AND owner = ?", (key, owner)
                    )

    def alias(self, place: str) -> str | None:
        with self._failures():
            row = (
                self._db()
                .execute("SELECT conversation_id FROM places WHERE place = ?", (place,))
                .fetchone()
            )
        return None if row is None else str(row[0])

    def bind(self, place: str, conversation_id: str) -> None:
        with self._transaction() as db:
            db.execute(  # nothing is bound to a conversation that is already gone
                "INSERT INTO places (place, conversation_id)"
                " SELECT ?, id FROM conversations WHERE id = ?"
                " ON CONFLICT (place) DO UPDATE SET conversation_id = excluded.conversation_id",
                (place, conversation_id),
            )

    def close(self) -> None:
        with self._connections_lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    # --- inside --------------------------------------------------------------------------

    def _acquire(self, key: str, owner: str) -> None:
        """Take the lock row for ``key``, waiting while another process holds a live lease."""
        pause, longest = LOCK_POLL_SECONDS
        while True:
            now = self._clock()
            with self._failures():
                taken = (
                    self._db()
                    .execute(
                        "INSERT INTO turn_locks (key, owner, expires) VALUES (?, ?, ?)"
                        " ON CONFLICT (key) DO UPDATE SET owner = excluded.owner,"
                        " expires = excluded.expires WHERE turn_locks.expires < ?",
                        (key, owner, now + LOCK_LEASE_SECONDS, now),
                    )
                    .rowcount
                )
            if taken:
                return
            time.sleep(pause)
            pause = min(pause * 2, longest)

    def _expire(self, db: sqlite3.Connection, now: float) -> None:
        db.execute("DELETE FROM conversations WHERE touched < ?", (now - self._ttl,))
        db.execute("DELETE FROM turn_locks WHERE expires < ?", (now,))

    def _evict(self, db: sqlite3.Connection) -> None:
        surplus = db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0]
        surplus -= self._max_conversations
        if surplus > 0:
            db.execute(
                "DELETE FROM conversations WHERE id IN"
                " (SELECT id FROM conversations ORDER BY touched LIMIT ?)",
                (surplus,),
            )

    def _db(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            # isolation_level=None: no implicit transactions; _transaction() makes them.
            db = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_SECONDS,
                isolation_level=None,
                check_same_thread=False,
            )
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            self._local.db = db
            with self._connections_lock:
                self._connections.append(db)
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._failures(), write_transaction(self._db()) as db:
            yield db

    @contextmanager
    def _failures(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            raise StateUnavailable(
                f"the conversation store {self.path} failed ({err}) — check that its disk has "
                "room and ANTQA_STATE_DIR is writable, then ask again",
                retry_after=RETRY_AFTER_SECONDS,
            ) from err


def _split(turns: str) -> list[str]:
    """The JSON turns of a ``turns`` column (one per line: JSON never holds a raw newline)."""
    return turns.split("\n") if turns else []
