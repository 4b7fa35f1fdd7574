"""Secrets never leak: the API key and the Discord token appear in no log line and no
response, whatever a client sends and whatever fails.

The server runs as users run it (``antqa serve``, with a fault injected so that the 500 and
503 paths log too); everything it writes, access log included, is captured and searched.
"""

from __future__ import annotations

import sys

import httpx

from benchmarks.serve_process import SERVE_ARGS, served
from tests.conftest import FAULTY_SERVE, cli_env

API_KEY = "ak-7f3c9e1d5b-never-log-me"
DISCORD_TOKEN = "dt-MTIzNDU2Nzg5.never.log.me"
SECRETS = (API_KEY, DISCORD_TOKEN)
GOOD = "Who became CEO when Peng Lei stepped down?"


def assert_no_secret(where: str, text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"a secret appears in {where}"


def exchange(client: httpx.Client) -> list[httpx.Response]:
    """Every kind of request a client could make: right key, wrong keys, broken bodies."""
    right = {"Authorization": f"Bearer {API_KEY}"}
    wrong = [
        {},
        {"Authorization": "Bearer guess"},
        {"Authorization": f"Bearer {API_KEY[:-1]}"},
        {"Authorization": f"Bearer {API_KEY}x"},
        {"Authorization": f"Basic {API_KEY}"},
        {"Authorization": API_KEY},
    ]
    responses = [client.post("/ask", json={"question": GOOD}, headers=h) for h in wrong]
    responses += [client.get("/metrics", headers=h) for h in wrong]
    for question in (GOOD, "Please trigger a bug.", "Please trigger a bad index.", "", "x" * 2000):
        responses.append(client.post("/ask", json={"question": question}, headers=right))
    responses += [
        client.post("/ask", content=b"{not json", headers={**right, "Content-Type": "text/json"}),
        client.post("/ask", content=b"{not json", headers=right),
        client.get("/metrics", headers=right),
        client.get("/healthz"),
        client.get("/openapi.json"),
        client.get("/nothing-here", headers=right),
    ]
    return responses


def test_secrets_appear_in_no_log_and_no_response() -> None:
    env = cli_env(ANTQA_API_KEY=API_KEY)
    command = [sys.executable, "-c", FAULTY_SERVE, *SERVE_ARGS]
    with served(env, command) as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            responses = exchange(client)
        assert server.stop() == 0
    statuses = [r.status_code for r in responses]
    assert statuses.count(401) == 12 and statuses.count(500) == 1 and statuses.count(503) == 1
    assert 200 in statuses and 422 in statuses and 400 in statuses
    for response in responses:
        where = f"the {response.status_code} response to {response.request.url.path}"
        assert_no_secret(where, response.text)
        assert_no_secret(f"the headers of {where}", str(response.headers))
    log = "".join(server.log)
    assert "simulated bug" in log and " 401" in log, "the log was captured, access log too"
    assert_no_secret("the server log", log)


def test_a_refused_start_names_no_secret(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Start-up errors name the setting that is wrong, never the value of any secret."""
    env = {
        "ANTQA_API_KEY": API_KEY,
        "DISCORD_TOKEN": DISCORD_TOKEN,
        "ANTQA_TOP_K": API_KEY,  # a secret pasted into the wrong variable
    }
    result = run_cli("serve", "--port", "0", env=env)
    assert result.returncode == 1
    assert "ANTQA_TOP_K" in result.stderr
    assert_no_secret("the error of a bad setting", result.stdout + result.stderr)
    missing = run_cli(
        "ask", "Who?", env={**env, "ANTQA_TOP_K": "5", "ANTQA_INDEX_DIR": str(tmp_path)}
    )
    assert missing.returncode == 1 and "IndexNotFound" in missing.stderr
    assert_no_secret("the error of a missing index", missing.stdout + missing.stderr)
