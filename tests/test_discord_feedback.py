"""👍/👎 under Discord answers: recorded in SQLite, summarised by ``antqa feedback``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fake_discord import ALICE, BOB, BOT_ID

from antqa.bots.discord_bot import THANKS, UNKNOWN_ANSWER
from antqa.errors import ConfigurationError
from antqa.feedback import FeedbackStore
from antqa.service import QAService

QUESTION = "Which version of Alipay's wireless app added friends?"


async def ask(fake, question: str = QUESTION):  # type: ignore[no-untyped-def]
    """Mention the bot and return the answer it posts in the new thread."""
    asked = await fake.post_message(f"<@{BOT_ID}> {question}", mentions=(BOT_ID,))
    [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))
    return answer


async def click(fake, answer, vote: str, user: int):  # type: ignore[no-untyped-def]
    """Click the 👍 or 👎 button under ``answer``; return the bot's response."""
    [custom_id] = [c for c in answer.custom_ids if c.split(":")[2] == vote]
    interaction = await fake.click(answer.message, custom_id, user=user)
    [response] = await fake.wait_for(lambda: fake.responses_to(interaction))
    return response


@pytest.mark.anyio
async def test_votes_are_recorded_with_the_question_and_citations(
    fake_service: QAService, discord_session, tmp_path: Path
) -> None:
    db = tmp_path / "feedback.sqlite3"
    async with discord_session(fake_service) as fake:
        answer = await ask(fake)
        thanks_up = await click(fake, answer, "up", ALICE)
        await click(fake, answer, "up", BOB)
        changed = await click(fake, answer, "down", BOB)  # a second click changes the vote

    assert thanks_up.ephemeral and thanks_up.payload["content"] == THANKS["up"]
    assert changed.ephemeral and changed.payload["content"] == THANKS["down"]
    summary = FeedbackStore(db).summary()
    assert (summary.answers, summary.up, summary.down) == (1, 1, 1)
    [recent] = summary.recent
    assert recent.question == QUESTION and recent.answerable
    expected = fake_service.ask(QUESTION)
    [passage] = summary.by_passage  # only the passage the answer quotes
    assert passage.chunk_id == expected.citations[0].chunk_id
    assert (passage.up, passage.down) == (1, 1)
    with sqlite3.connect(db) as conn:
        cited = conn.execute("SELECT chunk_id FROM citations ORDER BY n").fetchall()
        hashes = [h for (h,) in conn.execute("SELECT user_hash FROM votes")]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    assert [c for (c,) in cited] == [c.chunk_id for c in expected.citations]
    assert len(hashes) == 2 and all(len(h) == 64 for h in hashes)
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("feedback.sqlite3*"))
    assert str(ALICE).encode() not in stored and str(BOB).encode() not in stored


@pytest.mark.anyio
async def test_buttons_keep_working_after_a_restart(
    fake_service: QAService, discord_session, tmp_path: Path
) -> None:
    async with discord_session(fake_service) as fake:
        answer = await ask(fake)
    # a new bot process, the same database; the thread still exists on Discord
    async with discord_session(fake_service, existing_threads=fake.threads()) as restarted:
        thanks = await click(restarted, answer, "down", ALICE)
        forgotten = dict(answer.message)
        forgotten["components"] = [
            {
                "type": 1,
                "components": [
                    {
                        "type": 2,
                        "style": 2,
                        "custom_id": "antqa:vote:up:" + "0" * 16,
                        "emoji": {"name": "👍"},
                    }
                ],
            }
        ]
        interaction = await restarted.click(forgotten, "antqa:vote:up:" + "0" * 16)
        [unknown] = await restarted.wait_for(lambda: restarted.responses_to(interaction))

    assert thanks.payload["content"] == THANKS["down"]
    assert unknown.ephemeral and unknown.payload["content"] == UNKNOWN_ANSWER
    summary = FeedbackStore(tmp_path / "feedback.sqlite3").summary()
    assert (summary.up, summary.down) == (0, 1)


def test_feedback_command_prints_the_summary(run_cli, tmp_path: Path, fake_service) -> None:
    db = tmp_path / "votes.sqlite3"
    store = FeedbackStore(db)
    helped = store.record_answer(QUESTION, fake_service.ask(QUESTION), source="discord")
    refused = store.record_answer(
        "What is the boiling point of tungsten?",
        fake_service.ask("What is the boiling point of tungsten?"),
        source="discord",
    )
    store.record_answer("Nobody voted on this", fake_service.ask(QUESTION), source="discord")
    store.record_vote(helped, ALICE, "up")
    store.record_vote(helped, BOB, "up")
    store.record_vote(refused, ALICE, "down")

    result = run_cli("feedback", env={"ANTQA_FEEDBACK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert "3 answers recorded, 2 voted on: 👍 2  👎 1" in result.stdout
    assert QUESTION in result.stdout and "boiling point" in result.stdout
    assert "Nobody voted" not in result.stdout

    as_json = run_cli("feedback", "--json", env={"ANTQA_FEEDBACK_DB": str(db)})
    summary = json.loads(as_json.stdout)
    assert (summary["answers"], summary["up"], summary["down"]) == (3, 2, 1)
    assert summary["recent"][0]["question"] == "What is the boiling point of tungsten?"


def test_feedback_command_without_votes_says_so(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite3"
    result = run_cli("feedback", env={"ANTQA_FEEDBACK_DB": str(db)})
    assert result.returncode == 0
    assert "No feedback yet" in result.stdout
    assert not db.exists()


def test_feedback_json_without_a_database_is_still_json(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite3"
    result = run_cli("feedback", "--json", env={"ANTQA_FEEDBACK_DB": str(db)})
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    assert summary == {
        "path": str(db),
        "answers": 0,
        "voted_answers": 0,
        "up": 0,
        "down": 0,
        "by_passage": [],
        "recent": [],
    }
    assert not db.exists(), "asking for a summary creates no database"


def test_an_unwritable_feedback_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigurationError, match="ANTQA_FEEDBACK_DB"):
        FeedbackStore(blocker / "feedback.sqlite3")
