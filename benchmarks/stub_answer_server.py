"""``antqa serve`` with every answer replaced by one fixed answer: the HTTP stack's own cost.

    PYTHONPATH=src:. .venv/bin/python benchmarks/stub_answer_server.py [--port 8002]

The index and model load as usual and the answer to one question is computed once; every
``POST /ask`` then goes through the whole stack (uvicorn, the middlewares, the dependencies,
the worker pool, the serialisation of a real answer object) but returns that answer without
embedding or searching. ``benchmarks/serving_floor.py`` loads it to measure what a request
costs outside the model and the answer step.
"""

from __future__ import annotations

import argparse

from antqa.api.server import serve
from antqa.config import Settings
from antqa.models import Answer
from antqa.service import QAService

QUESTION = "Who became CEO when Peng Lei stepped down?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8002)
    args = parser.parse_args()
    service = QAService.from_settings(Settings())
    fixed = service.ask(QUESTION)

    def ask(question: str, conversation_id: str | None = None) -> Answer:
        return fixed

    service.ask = ask  # type: ignore[method-assign]
    try:
        serve(service, args.host, args.port)
    finally:
        service.close()


if __name__ == "__main__":
    main()
