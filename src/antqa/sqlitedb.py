"""What the SQLite files of antqa (feedback votes, conversations) share: explicit writes.

Connections are opened with ``isolation_level=None`` (no implicit transactions), so each
write says where it starts and ends; ``BEGIN IMMEDIATE`` takes the write lock up front, so
two processes never both read and then fail to upgrade to a write (SQLITE_BUSY mid-way).
Both files are in WAL mode, switched to it by :func:`use_wal`, which waits out the other
processes opening the same file at the same moment.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: How long a statement waits for another process's write lock before failing. Writes
#: take well under a millisecond; seconds of waiting means the disk is in trouble.
BUSY_TIMEOUT_SECONDS = 10.0
#: The pause between tries at switching to WAL while another process holds the file.
WAL_RETRY_SECONDS = 0.01


@contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` … ``COMMIT`` on ``db``, rolled back if the body raises."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def use_wal(db: sqlite3.Connection, timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
    """Put the file in WAL mode, waiting up to ``timeout`` for other processes.

    Why a loop: switching the journal mode needs the file to itself, and SQLite answers
    "database is locked" at once, without its busy timeout, when another process is in the
    middle of opening or writing the same file (several workers starting together).
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)
