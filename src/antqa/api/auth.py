"""The optional API key: with ``ANTQA_API_KEY`` set, protected routes need
``Authorization: Bearer <key>``.

The comparison is constant-time (:func:`hmac.compare_digest`) so response timing does not
leak how much of a guess was right, and the key is never logged or echoed.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from antqa.api.problems import RequestProblem
from antqa.api.runtime import RuntimeDep

_bearer = HTTPBearer(
    auto_error=False,
    description="Needed on /ask and /metrics when the server sets ANTQA_API_KEY.",
)


def require_api_key(
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let the request through if no key is configured or the right one is presented."""
    key = runtime.service.settings.api_key
    if key is None:
        return
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise RequestProblem(
            401,
            "unauthorized",
            "this server needs an API key — send the header Authorization: Bearer <key>",
            challenge,
        )
    if not hmac.compare_digest(
        credentials.credentials.encode("utf-8"), key.get_secret_value().encode("utf-8")
    ):
        raise RequestProblem(
            401,
            "unauthorized",
            "the API key is not valid — check the key you were given",
            challenge,
        )
