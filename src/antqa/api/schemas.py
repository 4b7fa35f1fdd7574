"""Request, error and health bodies of the HTTP API, with the examples OpenAPI shows.

The answer body is :class:`antqa.models.Answer`, returned as-is.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from antqa.service import CONVERSATION_ID_PATTERN


# Only the shape is checked here; what makes a question acceptable (not empty, not too
# long, control characters stripped) is decided by QAService alone.
class AskRequest(BaseModel):
    """A question, and the conversation it continues (if any)."""

    question: str = Field(
        description="The question about the article (control characters are dropped; empty "
        "or over the server's ANTQA_MAX_QUESTION_CHARS after that: 422).",
        json_schema_extra={"minLength": 1},
    )
    conversation_id: str | None = Field(
        default=None,
        description="The conversation_id of an earlier answer, for a follow-up; omit or null "
        "to start a new conversation. Ids are issued by the server: an unknown or expired one "
        "gets a fresh id and the answer's notice says so; a malformed one is 422.",
        json_schema_extra={"pattern": CONVERSATION_ID_PATTERN},
    )


class ErrorDetail(BaseModel):
    type: str = Field(description="Stable machine-readable kind, e.g. invalid_question.")
    message: str = Field(description="What went wrong and what to do about it.")


class ErrorBody(BaseModel):
    """Every 4xx/5xx body."""

    error: ErrorDetail


class Health(BaseModel):
    """The HTTP API's readiness, and the state of the other parts of the process.

    ``status`` is about answering over HTTP only: a Discord bot that is off does not make
    the API unhealthy (it says why in ``discord``).
    """

    model_config = ConfigDict(extra="forbid")

    status: Literal["ok", "starting"]
    model: str = Field(description="The embedding model serving the answers.")
    passages: int = Field(description="Passages in the loaded index.")
    discord: str | None = Field(
        default=None,
        description="The Discord bot in this process: connected; connecting (with why, while "
        "Discord cannot be reached); off: <reason>. null: this process runs no bot.",
        examples=["connected", "off: Discord rejected the bot token in DISCORD_TOKEN — …"],
    )


ASK_EXAMPLES: dict[str, dict[str, Any]] = {
    "new": {
        "summary": "A new conversation",
        "value": {"question": "Who became CEO when Peng Lei stepped down?"},
    },
    "follow-up": {
        "summary": "A follow-up",
        "value": {
            "question": "And which role did she move to?",
            "conversation_id": "b5956578c8304f439ff6521cc5424273",
        },
    },
}

_CITATION_EXAMPLE = {
    "n": 1,
    "chunk_id": "c001",
    "paragraph": 2,
    "start": 49,
    "end": 1037,
    "text": "In October 2016, … the company’s top management completed the transition "
    "between the old and the new, and Peng Lei stepped down from the position of CEO. , "
    "became the company’s chairman, and Jing Xiandong succeeded him … as the company’s "
    "new CEO. …",
    "quote": "In October 2016, … Peng Lei stepped down from the position of CEO. , became "
    "the company’s chairman, and Jing Xiandong succeeded him … as the company’s new CEO. …",
    "quote_start": 49,
    "quote_end": 900,
    "score": 2.7611,
    "cited": True,
}
_RELATED_EXAMPLE = {
    **_CITATION_EXAMPLE,
    "n": 2,
    "chunk_id": "c012",
    "paragraph": 4,
    "start": 1470,
    "end": 2420,
    "text": "… Peng Lei also asked …",
    "quote": "Peng Lei also asked",
    "quote_start": 2401,
    "quote_end": 2420,
    "score": 1.5719,
    "cited": False,
}

ANSWER_EXAMPLES: dict[str, dict[str, Any]] = {
    "answered": {
        "summary": "Answered from the article, with a short answer and related reading",
        "value": {
            "answer": "In October 2016, … Peng Lei stepped down from the position of CEO. , "
            "became the company’s chairman, and Jing Xiandong succeeded him … [1]",
            "short_answer": {"text": "Jing Xiandong", "start": 351, "end": 364},
            "answerable": True,
            "citations": [_CITATION_EXAMPLE, _RELATED_EXAMPLE],
            "conversation_id": "b5956578c8304f439ff6521cc5424273",
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "notice": None,
        },
    },
    "refused": {
        "summary": "Not in the article (the closest passages as related reading)",
        "value": {
            "answer": "The article doesn't say. The closest passages are listed below in case "
            "they help.",
            "short_answer": None,
            "answerable": False,
            "citations": [{**_RELATED_EXAMPLE, "n": 1, "score": 0.37}],
            "conversation_id": "0c1d9f6e3b2a4c5d8e7f6a5b4c3d2e1f",
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "notice": None,
        },
    },
}


def error_example(type_: str, message: str) -> dict[str, Any]:
    """An OpenAPI example value of an error body."""
    return {"value": {"error": {"type": type_, "message": message}}}
