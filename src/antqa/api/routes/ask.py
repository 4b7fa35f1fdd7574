"""``POST /ask``: a question in, the cited answer object out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from antqa.api.deps import ASK_SECURITY, admit_ask, read_ask_request
from antqa.api.schemas import ANSWER_EXAMPLES, ASK_EXAMPLES, AskRequest, ErrorBody, error_example
from antqa.models import Answer

router = APIRouter(tags=["ask"])


def _errors(description: str, **examples: dict[str, Any]) -> dict[str, Any]:
    return {
        "model": ErrorBody,
        "description": description,
        "content": {"application/json": {"examples": examples}},
    }


RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/json": {"examples": ANSWER_EXAMPLES}}},
    400: _errors(
        "The body is not UTF-8 JSON.",
        invalid_json=error_example(
            "invalid_json", "the body is not valid JSON (Expecting value at line 1, column 1) …"
        ),
    ),
    401: _errors(
        "An API key is configured and the request lacks it.",
        unauthorized=error_example(
            "unauthorized",
            "this server needs an API key — send the header Authorization: Bearer <key>",
        ),
    ),
    413: _errors(
        "The body is larger than ANTQA_MAX_BODY_BYTES.",
        body_too_large=error_example(
            "body_too_large", "the request body is over the limit of 16384 bytes — …"
        ),
    ),
    415: _errors(
        "The body is not JSON (e.g. a form).",
        unsupported_media_type=error_example(
            "unsupported_media_type",
            "the body is application/x-www-form-urlencoded, but /ask takes JSON — …",
        ),
    ),
    422: _errors(
        "The JSON is not a question object, or the question cannot be asked as it is.",
        too_long=error_example(
            "invalid_question",
            "the question is 1203 characters long; the limit is 1000 — shorten it",
        ),
        empty=error_example(
            "invalid_question", "the question is empty — ask something about the article"
        ),
        not_a_string=error_example(
            "invalid_request", '"question" must be a string, not a number — send …'
        ),
        bad_conversation_id=error_example(
            "invalid_conversation_id",
            "conversation_id must be 1–128 ASCII letters, digits or '.:@_-' — use the id a "
            "previous answer returned, or omit it",
        ),
    ),
    429: _errors(
        "This client asked faster than its limit; retry after the Retry-After header's seconds.",
        rate_limited=error_example(
            "rate_limited",
            "too many questions from this client: the limit is 60 a minute (up to 10 at "
            "once) — retry in 1 s",
        ),
    ),
    503: _errors(
        "Too many questions are waiting, or the conversation store cannot be reached; retry "
        "after the Retry-After header's seconds.",
        overloaded=error_example(
            "overloaded", "34 questions are already being answered or waiting — retry in 1 s"
        ),
        state_unavailable=error_example(
            "state_unavailable",
            "the conversation store (Redis) cannot be reached (…) — retry in 2 s; if it "
            "persists, check ANTQA_REDIS_URL and that Redis is running",
        ),
    ),
}


@router.post(
    "/ask",
    response_model=Answer,
    summary="Ask the article a question",
    responses=RESPONSES,
    openapi_extra={
        "security": ASK_SECURITY,
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": AskRequest.model_json_schema(),
                    "examples": ASK_EXAMPLES,
                }
            },
        },
    },
)
async def ask(request: Request) -> Response:
    """Answer from the article with exact citations (character offsets into the article).

    Pass the returned `conversation_id` back to ask a follow-up. Ids are the server's: an
    unknown or expired one is not adopted; the question is answered as a new one under a
    fresh id, and the answer's `notice` says to ask the full question again.
    """
    runtime = await admit_ask(request)
    body = await read_ask_request(request)
    service = runtime.service
    answer = await service.workers.run(service.ask, body.question, body.conversation_id)
    runtime.metrics.count_answer(answer)
    # The service's own Answer, serialised as it is: returned as the model, FastAPI would
    # validate it against response_model again first (the schema still documents it).
    return Response(answer.model_dump_json(), media_type="application/json")
