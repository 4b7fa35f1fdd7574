"""The routes' dependencies, as ``Annotated`` aliases (``RuntimeDep``), the route guards
(``API_KEY``; :func:`admit_ask` for ``POST /ask``), and the reading of the ``POST /ask`` body.

- :class:`Runtime` is what the routes share: the service, the metrics, the rate limiter,
  readiness. One per app, kept on ``app.state``, so nothing is global and two apps in one
  process (tests) never share state. The worker pool is the service's
  (:attr:`QAService.workers`).
- The optional API key: with ``ANTQA_API_KEY`` set, protected routes need
  ``Authorization: Bearer <key>``. The comparison is constant-time
  (:func:`hmac.compare_digest`) so response timing does not leak how much of a guess was
  right, and the key is never logged or echoed.
- Every dependency is ``async def``: FastAPI runs a plain ``def`` dependency on a worker
  thread, one hop there and back per dependency per request, which cost more CPU (~0.5 ms
  per ``POST /ask``) than the whole HTTP stack does without it. The one that may block
  (the rate limit kept in Redis) hops to a thread itself, and only then.
- ``POST /ask``, the one hot route, resolves no dependency at all: it calls
  :func:`admit_ask` itself (the same checks, in the same order, before its body is
  read) and declares in :data:`ASK_SECURITY` the bearer scheme a dependency would have put
  in its OpenAPI. FastAPI's resolving of its three dependency nodes cost ~0.1 ms of CPU
  per request (the ASGI app's ~0.6 ms), more than the checks themselves.
- Fair use: each question counts against its client's limit
  (:mod:`antqa.ratelimit`). The client is the API key when the server has one (behind a
  proxy every address is the proxy's), else the peer address. Without a configured key a
  presented one is ignored, so a client cannot dodge its limit by inventing keys.
- The ``POST /ask`` body is parsed here (:func:`read_ask_request`, called by the route)
  rather than by FastAPI's automatic body handling so that (1) the API key is checked
  before any of the body is read (route dependencies run first), and (2) each way a body
  can be wrong gets its own message. The size limit
  is enforced underneath, while the body is received (:class:`~antqa.api.middleware.BodyLimit`).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network, ip_address
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from antqa.api.errors import ASK_BODY_EXAMPLE, RequestProblem, explain_validation, json_kind
from antqa.api.metrics import Metrics
from antqa.api.schemas import AskRequest
from antqa.ratelimit import RateLimiter
from antqa.service import QAService


@dataclass
class Runtime:
    service: QAService
    metrics: Metrics
    limiter: RateLimiter
    #: The other parts of the process by name (the Discord bot), each reporting its state.
    states: dict[str, Callable[[], str]] = field(default_factory=dict)
    #: True once the index and model are loaded (set by the app's start-up).
    ready: bool = False


def runtime_of(request: Request) -> Runtime:
    """The app's :class:`Runtime`."""
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_runtime(request: Request) -> Runtime:
    return runtime_of(request)


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]

_bearer = HTTPBearer(
    auto_error=False,
    description="Needed on /ask and /metrics when the server sets ANTQA_API_KEY.",
)


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


async def require_api_key(runtime: RuntimeDep, credentials: Credentials) -> None:
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


async def limit_asks(request: Request, runtime: RuntimeDep, credentials: Credentials) -> None:
    """Count this question against its client's limit, or refuse it (429).

    A limiter that waits on the network (Redis) is called on a thread, so the round trip
    never blocks the event loop; the in-memory one takes microseconds and is called here.
    """
    settings = runtime.service.settings
    client = client_of(
        request, credentials, keyed=settings.api_key is not None, exempt=settings.ask_rate_exempt
    )
    if client is None:
        return
    take = functools.partial(runtime.limiter.take, client)
    if runtime.limiter.waits_on_io:
        await run_in_threadpool(take)
    else:
        take()


def client_of(
    request: Request,
    credentials: Credentials,
    *,
    keyed: bool,
    exempt: Sequence[IPv4Network | IPv6Network] = (),
) -> str | None:
    """Who is asking, for the rate limit: a digest of the API key (the key itself never
    leaves the process), else the peer address; ``None`` for an address in ``exempt``."""
    if keyed and credentials is not None:
        return "key:" + hashlib.sha256(credentials.credentials.encode("utf-8")).hexdigest()[:32]
    host = request.client.host if request.client else "unknown"
    if _within(host, exempt):
        return None
    return "addr:" + host


def _within(host: str, networks: Sequence[IPv4Network | IPv6Network]) -> bool:
    """Whether ``host`` is an IP address inside one of ``networks``."""
    try:
        address = ip_address(host)
    except ValueError:  # not an address (a test client's name, a Unix socket)
        return False
    return any(address in network for network in networks)


async def admit_ask(request: Request) -> Runtime:
    """The guards of ``POST /ask`` called by the route itself (see the module docstring):
    the key, then the client's fair share; the runtime if the question may be asked."""
    runtime = runtime_of(request)
    credentials = await _bearer(request)
    await require_api_key(runtime, credentials)
    await limit_asks(request, runtime, credentials)
    return runtime


#: ``dependencies=API_KEY`` on a route: the key is checked before anything else.
API_KEY = [Depends(require_api_key)]
#: The OpenAPI security of ``POST /ask``, which checks the key through :func:`admit_ask`
#: rather than a dependency: the bearer scheme, as ``Depends(_bearer)`` would declare it.
ASK_SECURITY: list[dict[str, list[str]]] = [{_bearer.scheme_name: []}]


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
