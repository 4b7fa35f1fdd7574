"""Every failure becomes a JSON error body a user can act on, never a traceback.

    {"error": {"type": "invalid_question",
               "message": "the question is 1203 characters long; the limit is 1000 — shorten it"}}

- domain errors (:mod:`antqa.errors`) keep their message and get a status by kind;
- :class:`RequestProblem` is what this adapter itself refuses (bad body, missing key);
- Starlette's own errors (404, 405) and FastAPI validation errors get the same shape;
- anything else is logged with its traceback and answered 500 without internals
  (:class:`antqa.api.middleware.CatchAll`, with :func:`internal_error`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from antqa.errors import (
    AntqaError,
    IndexProblem,
    InvalidConversationId,
    InvalidQuestion,
    ModelUnavailable,
    Overloaded,
    RateLimited,
    TryLater,
)

logger = logging.getLogger("antqa.api")

#: What a well-formed request body looks like, quoted in messages about malformed ones.
ASK_BODY_EXAMPLE = '{"question": "Who became CEO?", "conversation_id": null}'

#: HTTP status of each domain error; the first matching class wins, anything else is 500.
STATUS_BY_ERROR: tuple[tuple[type[AntqaError], int], ...] = (
    (InvalidQuestion, 422),
    (InvalidConversationId, 422),
    (RateLimited, 429),
    (TryLater, 503),
    (IndexProblem, 503),
    (ModelUnavailable, 503),
)


class RequestProblem(Exception):
    """A request this adapter refuses before the service sees it."""

    def __init__(
        self, status: int, type_: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.type = type_
        self.message = message
        self.headers = dict(headers or {})


class BodyTooLarge(RequestProblem):
    """The body is over ``ANTQA_MAX_BODY_BYTES`` (raised while it streams in)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "body_too_large",
            f"the request body is over the limit of {limit} bytes — send only the question "
            "and conversation_id",
            {"Connection": "close"},
        )


def error_response(
    status: int, type_: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The one error body shape."""
    body = {"error": {"type": type_, "message": message}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def error_type(err: Exception) -> str:
    """``InvalidQuestion`` -> ``invalid_question``: the class name as a stable code."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(err).__name__).lower()


def json_kind(value: object) -> str:
    """How a JSON value's type reads in a message (``null``, ``a number``, ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else type(value).__name__


def explain_validation(errors: Sequence[Mapping[str, Any]]) -> str:
    """Pydantic validation errors as one sentence about the JSON the client sent."""
    parts = []
    for error in errors:
        field = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        if error.get("type") == "missing":
            parts.append(f'"{field}" is missing')
        elif error.get("type") == "string_type":
            parts.append(f'"{field}" must be a string, not {json_kind(error.get("input"))}')
        else:
            parts.append(f'"{field}": {error.get("msg")}' if field else str(error.get("msg")))
    return f"{'; '.join(parts)} — send a JSON object like {ASK_BODY_EXAMPLE}"


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AntqaError)
    status = next((code for kind, code in STATUS_BY_ERROR if isinstance(exc, kind)), 500)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TryLater) else None
    if status >= 500 and not isinstance(exc, Overloaded):
        logger.error("%s %s failed: %s", request.method, request.url.path, exc)
    return error_response(status, error_type(exc), exc.message, headers)


async def _request_problem(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestProblem)
    return problem_response(exc)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    path, status = request.url.path, exc.status_code
    if status == 404:
        type_, message = "not_found", f"there is nothing at {path} — ask with POST /ask (see /docs)"
    elif status == 405:
        allowed = (exc.headers or {}).get("Allow", "another method")
        type_ = "method_not_allowed"
        message = f"{request.method} is not allowed on {path} — use {allowed}"
    else:
        type_ = HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
        message = str(exc.detail)
    return error_response(status, type_, message, exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "invalid_request", explain_validation(exc.errors()))


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every refusal the one error body shape."""
    app.add_exception_handler(AntqaError, _domain_error)
    app.add_exception_handler(RequestProblem, _request_problem)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)


def problem_response(problem: RequestProblem) -> JSONResponse:
    """A :class:`RequestProblem` in the one error body shape."""
    return error_response(problem.status, problem.type, problem.message, problem.headers)


def internal_error() -> JSONResponse:
    """The 500 answered for an unexpected exception: no internals, what to do."""
    return error_response(
        500,
        "internal_error",
        "something went wrong on our side and was logged — try again; if it keeps "
        "happening, tell the operator",
    )
