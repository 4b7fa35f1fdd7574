"""What the SQLite files of antqa (feedback votes, conversations) share: explicit writes.

Connections are opened with ``isolation_level=None`` (no implicit transactions), so each
write says where it starts and ends; ``BEGIN IMMEDIATE`` takes the write lock up front, so
two processes never both read and then fail to upgrade to a write (SQLITE_BUSY mid-way).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


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
