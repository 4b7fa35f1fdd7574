"""Hostile input, generated: schemathesis fuzzes the HTTP API from its own OpenAPI schema.

Every operation gets schema-valid requests (from the documented examples and generated)
and schema-violating ones (wrong types, missing fields, odd strings and headers), on an open
server and on one with an API key. Every response must be a documented status, with the
documented content type, headers and body schema, and none may be a 5xx.

Schemathesis' own "valid data must be accepted" check is replaced by a sharper one: a
schema-valid question is answered (200) exactly when the service's rules accept it, and
refused with 422 otherwise (empty once control characters are dropped, or too long) — the
schema cannot say "not only whitespace", the service can.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from antqa.api import create_app
from antqa.config import Settings
from antqa.errors import InvalidQuestion
from antqa.service import QAService, check_conversation_id, clean_question

KEY = "fuzzing-key-7c1e"
EXAMPLES = {GenerationMode.POSITIVE: 60, GenerationMode.NEGATIVE: 60}
#: Seconds a fuzzed request may take. Schemathesis' default (10 s) failed the suite once
#: under load: the first Chinese question reads the glossing dictionary (3-8 s alone).
#: This test checks what the API answers; how fast is the benchmarks' business.
REQUEST_SECONDS = 120


@pytest.fixture(scope="module", params=["open", "keyed"])
def api(request: pytest.FixtureRequest, real_service: QAService) -> Iterator[tuple[str, object]]:
    """The schema of an app over the real service, loaded from the app itself."""
    service = real_service
    if request.param == "keyed":
        keyed = Settings(api_key=KEY, ask_rate_per_minute=0)  # one fuzzer, hundreds of asks
        service = QAService(real_service.index, real_service.embedder, keyed)
    app = create_app(service)
    yield request.param, schemathesis.openapi.from_asgi("/openapi.json", app)


def expected_status(case: schemathesis.Case, keyed: bool) -> int | None:
    """What the service's own rules say a schema-valid request should get, if we know."""
    if case.operation.path == "/healthz":
        return 200
    if keyed:
        return 401  # generated requests never carry the key
    if case.operation.path != "/ask":
        return 200
    body = case.body
    try:
        clean_question(body["question"], Settings().max_question_chars)
        check_conversation_id(body.get("conversation_id"))
    except InvalidQuestion:
        return 422
    return 200


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_every_operation_answers_as_documented(
    api: tuple[str, schemathesis.BaseSchema], mode: GenerationMode
) -> None:
    variant, schema = api
    for result in schema.get_all_operations():
        operation = result.ok()
        if mode is GenerationMode.NEGATIVE and not (
            operation.body or list(operation.iter_parameters())
        ):
            continue  # nothing to get wrong (GET /healthz)
        strategy = operation.as_strategy(generation_mode=mode)
        if mode is GenerationMode.POSITIVE:
            strategy = st.one_of(*schema.get_strategies_from_examples(operation), strategy)

        @settings(
            max_examples=EXAMPLES[mode],
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=strategy)
        def call(case: schemathesis.Case) -> None:
            response = case.call(timeout=REQUEST_SECONDS)
            case.validate_response(response, excluded_checks=[positive_data_acceptance])
            if mode is GenerationMode.POSITIVE:
                expected = expected_status(case, keyed=variant == "keyed")
                assert response.status_code == expected, (case.body, response.text)

        call()
