"""Reading the ``POST /ask`` body: JSON, UTF-8, an object with a string question.

Parsed here rather than by FastAPI's automatic body handling so that (1) the API key is
checked before any of the body is read, and (2) each way a body can be wrong gets its own
message. The body size limit is enforced underneath, while the body is received.
"""

from __future__ import annotations

import json

from fastapi import Request
from pydantic import ValidationError

from antqa.api.problems import ASK_BODY_EXAMPLE, RequestProblem, explain_validation, json_kind
from antqa.api.schemas import AskRequest


def is_json_media_type(content_type: str) -> bool:
    """``application/json`` or any ``application/*+json``, parameters ignored."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


async def read_ask_request(request: Request) -> AskRequest:
    """The body as an :class:`AskRequest`, or a :class:`RequestProblem` saying how to fix it.

    A missing Content-Type is tolerated (the body must still be JSON); a different one
    (a form, plain text) is refused with 415.
    """
    content_type = request.headers.get("content-type")
    if content_type and not is_json_media_type(content_type):
        raise RequestProblem(
            415,
            "unsupported_media_type",
            f"the body is {content_type.split(';', 1)[0]}, but /ask takes JSON — send "
            f"{ASK_BODY_EXAMPLE} with Content-Type: application/json",
        )
    data = _parse_json(await request.body())
    if not isinstance(data, dict):
        raise RequestProblem(
            422,
            "invalid_request",
            f"the body is {json_kind(data)}, not a JSON object — send {ASK_BODY_EXAMPLE}",
        )
    try:
        return AskRequest.model_validate(data, strict=True)
    except ValidationError as exc:
        raise RequestProblem(422, "invalid_request", explain_validation(exc.errors())) from None


def _parse_json(raw: bytes) -> object:
    if not raw.strip():
        raise RequestProblem(400, "invalid_json", f"the body is empty — send {ASK_BODY_EXAMPLE}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestProblem(
            400,
            "invalid_json",
            f"the body is not UTF-8 (byte {exc.start} is invalid) — encode the JSON as UTF-8",
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RequestProblem(
            400,
            "invalid_json",
            f"the body is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
            f" — send {ASK_BODY_EXAMPLE}",
        ) from None
    except RecursionError:
        raise RequestProblem(
            400, "invalid_json", f"the JSON is nested too deeply — send {ASK_BODY_EXAMPLE}"
        ) from None
