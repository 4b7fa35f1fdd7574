"""Running the app: uvicorn driven from code, stopped gracefully.

:func:`serve` loads the index and model first (a bad index or model fails here with its
own message, before the port is bound), then serves until SIGTERM or SIGINT. On the
signal the listening socket closes at once, requests already in flight get
``shutdown_grace_seconds`` to finish, and :func:`serve` returns normally, so the process
exits with status 0.

``companions`` are coroutines that share the server's event loop and lifetime (the
Discord bot): started once the server listens, cancelled when it stops. When one ends or
fails the server stops too, and a failure is raised after the graceful stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import gc
import signal
import threading
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.config import LOGGING_CONFIG

from antqa.api.app import create_app
from antqa.service import QAService

Companion = Callable[[], Awaitable[None]]
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class GracefulServer(uvicorn.Server):
    """uvicorn's server, except that the stop signal is not re-raised afterwards.

    uvicorn re-raises a caught SIGTERM once it has shut down gracefully, which kills the
    process before anything else in it (a bot, the pool) can close. Here the signal only
    asks the server to stop; a second SIGINT still forces it.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signals can only be handled on the main thread
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def log_config() -> dict[str, Any]:
    """uvicorn's logging, plus antqa's own logger (errors with tracebacks) on stderr."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["antqa"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def build_server(app: FastAPI, host: str, port: int, grace_seconds: int) -> GracefulServer:
    """A server for ``app`` on ``host:port`` (port 0: any free port)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        lifespan="on",
        log_config=log_config(),
        timeout_graceful_shutdown=grace_seconds,
        server_header=False,
    )
    return GracefulServer(config)


def serve(
    service: QAService,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    companions: Sequence[Companion] = (),
) -> None:
    """Serve the HTTP API over ``service`` until SIGTERM/SIGINT; see the module docstring.

    The caller closes ``service`` (and with it the worker pool) afterwards.
    """
    service.warm_up()
    app = create_app(service)
    # Everything loaded by now (index, model session, app) lives as long as the process:
    # frozen, it is left out of the cyclic collector's full passes, which otherwise walk it
    # all every few thousand requests (measured: pauses of 0.1-0.6 s, the worst tail latency).
    gc.freeze()
    server = build_server(app, host, port, service.settings.shutdown_grace_seconds)
    with asyncio.Runner(loop_factory=server.config.get_loop_factory()) as runner:
        runner.run(run_with_companions(server, companions))


async def run_with_companions(server: uvicorn.Server, companions: Sequence[Companion]) -> None:
    """Run ``server``; start ``companions`` once it listens and stop them when it stops."""
    serving = asyncio.create_task(server.serve())
    while not server.started and not serving.done():
        await asyncio.sleep(0.05)
    tasks = [asyncio.ensure_future(start()) for start in companions if server.started]
    try:
        if tasks:
            await asyncio.wait([serving, *tasks], return_when=asyncio.FIRST_COMPLETED)
            server.should_exit = True
        await serving
    finally:
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
    failures = [result for result in results if isinstance(result, Exception)]
    if failures:
        raise failures[0]
