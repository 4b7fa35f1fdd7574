"""The optional API key: with ``ANTQA_API_KEY`` set, protected routes need
``Authorization: Bearer <key>``.

The comparison is constant-time (:func:`hmac.compare_digest`) so response timing does not
leak how much of a guess was right, and the key is never logged or echoed.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, FastAPI
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


def document_optional_key(app: FastAPI) -> None:
    """Without ``ANTQA_API_KEY`` the protected routes are open: say so in the OpenAPI schema.

    FastAPI lists the bearer scheme as required wherever the dependency is used; an added
    empty requirement (``{}``) is OpenAPI for "or no credentials at all".
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for operations in generate()["paths"].values():
                for operation in operations.values():
                    if "security" in operation:
                        operation["security"].append({})
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]
