"""Votes on answers (👍/👎), kept in one small SQLite file so operators can see what helps.

Each answer a chat adapter shows with vote buttons is recorded first (question, answer,
citations), so a vote only has to carry the answer's id — Discord's button ids hold 100
characters, far too few for a question. A vote is stored with the voter's id hashed
(SHA-256 with a random salt kept in the database): enough to count one vote per person per
answer — a second click changes it — without keeping who voted.

SQLite in WAL mode lets ``antqa feedback`` read while the bot writes. Every operation
opens its own connection and runs in one transaction, so the store is safe to call from
worker threads (the bot calls it through ``asyncio.to_thread``).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from antqa.errors import ConfigurationError
from antqa.models import Answer
from antqa.sqlitedb import BUSY_TIMEOUT_SECONDS, use_wal, write_transaction

Vote = Literal["up", "down"]

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answerable INTEGER NOT NULL,
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS citations (
    answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    chunk_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    quote TEXT NOT NULL,
    in_answer INTEGER NOT NULL,
    PRIMARY KEY (answer_id, n)
);
CREATE TABLE IF NOT EXISTS votes (
    answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    user_hash TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
);
"""


class PassageTally(BaseModel):
    """Votes on answers drawn from one passage (its ``[n]`` marker is in the answer text)."""

    chunk_id: str
    paragraph: int
    quote: str
    up: int
    down: int


class QuestionTally(BaseModel):
    """Votes on one answered question."""

    question: str
    answerable: bool
    asked_at: str
    last_vote_at: str
    up: int
    down: int


class FeedbackSummary(BaseModel):
    """What ``antqa feedback`` prints."""

    path: str
    answers: int
    voted_answers: int
    up: int
    down: int
    by_passage: list[PassageTally]
    recent: list[QuestionTally]

    @classmethod
    def empty(cls, path: Path) -> FeedbackSummary:
        """The summary before anything was recorded (no vote file yet; none is created)."""
        return cls(
            path=str(path), answers=0, voted_answers=0, up=0, down=0, by_passage=[], recent=[]
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class FeedbackStore:
    """Answers shown with vote buttons, and the votes cast on them."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                use_wal(db)
                db.executescript(
                    f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
            with self._transaction() as db:
                db.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)",
                    (secrets.token_hex(16),),
                )
                self._salt = db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0]
        except (OSError, sqlite3.Error) as err:
            raise ConfigurationError(
                f"cannot open the feedback database {self.path}: {err} — "
                "set ANTQA_FEEDBACK_DB to a writable file"
            ) from err

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # isolation_level=None: no implicit transactions; _transaction() makes them explicit.
        with closing(
            sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        ) as db:
            db.execute("PRAGMA foreign_keys = ON")
            yield db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db, write_transaction(db):
            yield db

    def hash_user(self, user_id: object) -> str:
        """The salted SHA-256 of a user id; the id itself is never stored."""
        return hashlib.sha256(f"{self._salt}:{user_id}".encode()).hexdigest()

    def record_answer(self, question: str, answer: Answer, *, source: str) -> str:
        """Keep an answer (and its citations) that votes may refer to; returns its id."""
        answer_id = secrets.token_hex(8)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO answers (id, question, answer, answerable, model, source, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    answer_id,
                    question,
                    answer.answer,
                    answer.answerable,
                    answer.model,
                    source,
                    _now(),
                ),
            )
            db.executemany(
                "INSERT INTO citations (answer_id, n, chunk_id, paragraph, quote, in_answer)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        answer_id,
                        c.n,
                        c.chunk_id,
                        c.paragraph,
                        c.quote,
                        answer.answerable and f"[{c.n}]" in answer.answer,
                    )
                    for c in answer.citations
                ],
            )
        return answer_id

    def record_vote(self, answer_id: str, user_id: object, vote: Vote) -> bool:
        """Record (or change) ``user_id``'s vote; False when the answer is unknown."""
        if vote not in ("up", "down"):
            raise ValueError(f"a vote is 'up' or 'down', not {vote!r}")
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone() is None:
                return False
            db.execute(
                "INSERT INTO votes (answer_id, user_hash, vote, voted_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (answer_id, user_hash)"
                " DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at",
                (answer_id, self.hash_user(user_id), vote, _now()),
            )
        return True

    def summary(self, *, limit: int = 10) -> FeedbackSummary:
        """Vote counts overall, per cited passage (most voted first) and for recent questions."""
        with self._connect() as db:
            answers, voted = db.execute(
                "SELECT COUNT(DISTINCT a.id), COUNT(DISTINCT v.answer_id)"
                " FROM answers a LEFT JOIN votes v ON v.answer_id = a.id"
            ).fetchone()
            up, down = db.execute(
                "SELECT COALESCE(SUM(vote = 'up'), 0), COALESCE(SUM(vote = 'down'), 0) FROM votes"
            ).fetchone()
            passages = db.execute(
                "SELECT c.chunk_id, MIN(c.paragraph), MIN(c.quote),"
                " SUM(v.vote = 'up') AS up, SUM(v.vote = 'down') AS down"
                " FROM votes v JOIN citations c ON c.answer_id = v.answer_id AND c.in_answer"
                " GROUP BY c.chunk_id ORDER BY COUNT(*) DESC, down DESC, c.chunk_id LIMIT ?",
                (limit,),
            ).fetchall()
            recent = db.execute(
                "SELECT a.question, a.answerable, a.created_at, MAX(v.voted_at) AS last,"
                " SUM(v.vote = 'up'), SUM(v.vote = 'down')"
                " FROM answers a JOIN votes v ON v.answer_id = a.id"
                " GROUP BY a.id ORDER BY last DESC, a.created_at DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return FeedbackSummary(
            path=str(self.path),
            answers=answers,
            voted_answers=voted,
            up=up,
            down=down,
            by_passage=[
                PassageTally(chunk_id=c, paragraph=p, quote=q, up=u, down=d)
                for c, p, q, u, d in passages
            ],
            recent=[
                QuestionTally(
                    question=q, answerable=bool(a), asked_at=t, last_vote_at=last, up=u, down=d
                )
                for q, a, t, last, u, d in recent
            ],
        )
