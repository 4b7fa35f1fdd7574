"""The browser page at ``GET /``, driven in Debian's Chromium by Playwright.

The real app with the real model runs on a free 127.0.0.1 port (uvicorn in a thread); the
tests use the page as a person would — type, press Enter, click or Tab to a citation — and
check what is on the screen. Playwright is imported inside the fixtures: it is only needed
here, and pytest treats warnings as errors.

Without Chromium the browser tests skip, unless ``CI`` is set: CI must run them
(``make test`` installs the ``chromium`` package when it can).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from antqa.api import create_app
from antqa.api.routes.page import ASSETS, STATIC_DIR, article_title, render_page
from antqa.config import Settings
from antqa.service import QAService
from tests.conftest import contract_answer

QUESTION = "Who became CEO when Peng Lei stepped down?"
FOLLOW_UP = "Who did he succeed?"
OFF_TOPIC = "What is the boiling point of liquid nitrogen?"
KEY = "page-test-key-7f3a"
CHROMIUM_CANDIDATES = ("chromium", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1100, "height": 900}
#: Set it (to anything) to have test_screenshot retake the README's docs/page.png.
UPDATE_SCREENSHOT = "UPDATE_DOCS_SCREENSHOT"
PHONE = {"width": 375, "height": 740}


# --- serving the app --------------------------------------------------------------------


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port; stopped on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(600):  # up to ~60 s (the app may warm the model up at start)
            if server.started or not thread.is_alive():
                break
            time.sleep(0.1)
        assert server.started, "the server did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture(scope="module")
def url(real_service: QAService) -> Iterator[str]:
    with live_server(create_app(real_service)) as base:
        yield base


def service_with(real_service: QAService, **settings: Any) -> QAService:
    """Another service over the already loaded index and model, with other settings."""
    return QAService(real_service.index, real_service.embedder, Settings(**settings))


# --- the browser ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium; skipped without it outside CI, a failure in CI."""
    path = next(filter(None, map(shutil.which, CHROMIUM_CANDIDATES)), None)
    if path is None:
        reason = "no chromium on PATH: install Debian's chromium package (make test does it when apt-get can run)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"CI is set but the browser tests cannot run — {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Tab:
    """A browser tab on the page, recording what a test needs to check afterwards."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.asked: list[dict[str, Any]] = []  # bodies POSTed to /ask
        self.console_errors: list[str] = []
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"page error: {error}"))

    def _on_request(self, request: Any) -> None:
        if request.method == "POST" and request.url.endswith("/ask"):
            self.asked.append(json.loads(request.post_data or "null"))

    def _on_console(self, message: Any) -> None:
        # A 4xx/5xx or a refused connection is logged by Chromium itself; those are expected.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def open(self) -> Tab:
        self.page.goto(f"{self.base}/")
        return self

    def ask(self, question: str) -> Any:
        """Type the question, press Enter and wait for the new turn's answer card."""
        turns = self.page.locator("#turns > li")
        before = turns.count()
        box = self.page.get_by_label("Your question")
        box.fill(question)
        box.press("Enter")
        turn = turns.nth(before)
        self.expect(turn.locator(".answer:not(.pending)")).to_be_visible()
        return turn

    @property
    def error(self) -> Any:
        return self.page.locator("#error-region .error")

    @property
    def expect(self) -> Callable[[Any], Any]:
        from playwright.sync_api import expect

        return expect


@pytest.fixture
def open_tab(browser: Any) -> Iterator[Callable[..., Tab]]:
    """``open_tab(base_url, viewport=DESKTOP)``: a fresh browser context and tab on the page."""
    contexts = []
    tabs: list[Tab] = []

    def open_(base: str, viewport: dict[str, int] = DESKTOP) -> Tab:
        context = browser.new_context(viewport=viewport)
        context.set_default_timeout(20_000)
        contexts.append(context)
        tab = Tab(context.new_page(), base).open()
        tabs.append(tab)
        return tab

    yield open_
    for context in contexts:
        context.close()
    for tab in tabs:
        assert tab.console_errors == [], (
            "the page logged errors (a CSP violation or a script error?)"
        )


# --- the page's files, without a browser --------------------------------------------------


def test_page_and_files_are_served_with_a_strict_policy(fake_service: QAService) -> None:
    with TestClient(create_app(fake_service)) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "About <cite>Ant Financial’s crisis response and reflection?</cite>" in page.text
        for name, media_type in ASSETS.items():
            asset = client.get(f"/static/{name}")
            assert asset.status_code == 200
            assert asset.headers["content-type"] == media_type
            assert f"/static/{name}" in page.text
        assert client.get("/static/web.py").status_code == 404
        assert client.get("/static/..%2Fweb.py").status_code == 404
        assert "/" not in client.get("/openapi.json").json()["paths"]


def test_article_title_is_escaped_into_the_page() -> None:
    title = article_title("<img src=x onerror=alert(1)> & more\n\nThe body of the article.")
    page = render_page(title)
    assert "<cite>&lt;img src=x onerror=alert(1)&gt; &amp; more</cite>" in page
    assert "<img src=x" not in page
    assert article_title("A first paragraph that is long. " * 20 + "\n\nbody") is None
    assert "<cite>" not in render_page(None) and "__" not in render_page(None)


def test_script_never_builds_html_from_strings() -> None:
    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script)


# --- in the browser ------------------------------------------------------------------------


@pytest.mark.slow
def test_answer_links_each_marker_to_its_passage_with_the_quote_highlighted(
    url: str, open_tab: Callable[..., Tab], real_service: QAService
) -> None:
    expected = real_service.ask(QUESTION)
    assert expected.answerable
    tab = open_tab(url)
    turn = tab.ask(QUESTION)

    tab.expect(turn.locator(".question")).to_contain_text(QUESTION)
    tab.expect(turn.locator(".answer-label")).to_have_text("Answer")
    tab.expect(turn.locator(".answer-text")).to_have_text(expected.answer)
    tab.expect(tab.page.locator("#live")).to_have_text(re.compile(r"^Answer: "))
    short = turn.locator(".short-answer strong")
    if expected.short_answer is None:
        tab.expect(short).to_have_count(0)
        tab.expect(turn.locator(".answer")).not_to_contain_text("null")
    else:
        tab.expect(short).to_have_text(expected.short_answer.text)

    first = expected.citations[0]
    passage = turn.locator(".passage").filter(has=tab.page.locator(".passage-n", has_text="[1]"))
    tab.expect(passage.locator("mark")).to_have_text(first.quote)
    tab.expect(passage.locator(".passage-text")).to_have_text(first.text)
    tab.expect(passage.locator(".passage-head")).to_contain_text(
        re.compile(
            rf"\]Paragraph {first.paragraph}(?!\d)|highlight in paragraph {first.paragraph}(?!\d)"
        )
    )
    tab.expect(passage.locator(".passage-head")).to_contain_text(
        f"characters {first.start}–{first.end}"
    )

    # Every citation is listed: the cited ones numbered, the others folded away as related
    # reading (unnumbered), which one click opens.
    cited = [c for c in expected.citations if c.cited]
    related = [c for c in expected.citations if not c.cited]
    tab.expect(turn.locator(".passage")).to_have_count(len(expected.citations))
    tab.expect(turn.locator(".passage-n")).to_have_count(len(cited))
    tab.expect(turn.locator("details.related-reading .passage")).to_have_count(len(related))
    if related:
        turn.locator("details.related-reading summary").click()
    for citation in expected.citations:
        shown = tab.page.locator(f"#t1-passage-{citation.n}")
        tab.expect(shown.locator("mark")).to_have_text(citation.quote)
        tab.expect(shown).to_be_visible()

    tab.page.mouse.wheel(0, 5000)  # scroll away, then follow the marker back
    link = turn.get_by_role("link", name=re.compile(r"^Passage 1, paragraph \d+$"))
    link.click()
    tab.expect(passage).to_be_focused()
    tab.expect(passage).to_be_in_viewport()


@pytest.mark.slow
def test_follow_up_shares_the_conversation_and_new_conversation_starts_over(
    url: str, open_tab: Callable[..., Tab], real_service: QAService
) -> None:
    first_expected = real_service.ask(QUESTION)
    follow_expected = real_service.ask(FOLLOW_UP, first_expected.conversation_id)
    tab = open_tab(url)
    tab.ask(QUESTION)
    turn = tab.ask(FOLLOW_UP)

    tab.expect(turn.locator(".question .who")).to_have_text("You, following up")
    tab.expect(turn.locator(".answer-text")).to_have_text(follow_expected.answer)
    tab.expect(tab.page.locator("#turns > li")).to_have_count(2)
    assert tab.asked[0]["conversation_id"] is None
    assert tab.asked[1]["conversation_id"], "the follow-up must carry the first answer's id"

    tab.page.get_by_role("button", name="New conversation").click()
    tab.expect(tab.page.locator("#turns > li")).to_have_count(0)
    tab.expect(tab.page.locator("#empty-state")).to_be_visible()
    tab.expect(tab.page.get_by_label("Your question")).to_be_focused()
    tab.ask(QUESTION)
    assert tab.asked[2]["conversation_id"] is None
    tab.expect(tab.page.locator(".turn .who")).to_have_text(["You"])


@pytest.mark.slow
def test_keyboard_only(url: str, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(url)
    keyboard = tab.page.keyboard
    keyboard.press("Tab")
    tab.expect(tab.page.get_by_role("link", name="Skip to the question box")).to_be_focused()
    keyboard.press("Enter")
    box = tab.page.get_by_label("Your question")
    tab.expect(box).to_be_focused()
    keyboard.type(QUESTION)
    keyboard.press("Enter")
    tab.expect(tab.page.locator(".answer:not(.pending)")).to_be_visible()
    tab.expect(box).to_be_focused()  # ready for a follow-up
    tab.expect(box).to_have_value("")

    # Shift+Tab walks back from the question box into the answer, to its [1] marker.
    link = tab.page.locator("a.cite").first
    for _ in range(6):
        keyboard.press("Shift+Tab")
        if link.evaluate("node => node === document.activeElement"):
            break
    tab.expect(link).to_be_focused()
    outline = link.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline == "solid", "focus must be visible"
    keyboard.press("Enter")
    tab.expect(tab.page.locator("#t1-passage-1")).to_be_focused()


@pytest.mark.slow
def test_refusal_looks_like_a_refusal_and_text_stays_text(
    url: str, open_tab: Callable[..., Tab], real_service: QAService
) -> None:
    assert not real_service.ask(OFF_TOPIC).answerable
    tab = open_tab(url)
    turn = tab.ask(OFF_TOPIC)
    tab.expect(turn.locator(".answer")).to_have_class(re.compile(r"\brefusal\b"))
    tab.expect(turn.locator(".answer-label")).to_have_text("Not in the article")
    summary = turn.locator("details.related-reading summary")
    tab.expect(summary).to_contain_text(re.compile(r"^Related reading · the \d+ passages? closest"))
    tab.expect(turn.locator(".passage-n")).to_have_count(0)  # related reading is not cited
    tab.expect(turn.locator(".short-answer")).to_have_count(0)
    tab.expect(tab.page.locator("#live")).to_have_text(re.compile(r"^Not in the article"))

    hostile = '<img src=x onerror="document.title=1"> <b>bold</b> [1] what?'
    turn = tab.ask(hostile)
    tab.expect(turn.locator(".question")).to_contain_text(hostile)
    tab.expect(tab.page.locator("#turns img, #turns b")).to_have_count(0)
    assert tab.page.title() == "Ask the article · antqa"


@pytest.mark.slow
def test_too_long_question_shows_the_limit_and_keeps_the_text(
    url: str, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(url)
    long_question = "why " * 400
    box = tab.page.get_by_label("Your question")
    box.fill(long_question)
    box.press("Enter")
    tab.expect(tab.error).to_contain_text("can't be asked like that")
    tab.expect(tab.error).to_contain_text("the limit is 1000")
    tab.expect(box).to_have_value(long_question)
    tab.expect(tab.page.locator("#turns > li")).to_have_count(0)

    tab.ask(QUESTION)  # the next question clears the message
    tab.expect(tab.error).to_have_count(0)


@pytest.mark.slow
def test_server_error_and_server_down_are_explained(
    real_service: QAService, open_tab: Callable[..., Tab], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = service_with(real_service)

    def fail(question: str, conversation_id: str | None = None) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(broken, "ask", fail)
    with live_server(create_app(broken)) as base:
        tab = open_tab(base)
        box = tab.page.get_by_label("Your question")
        box.fill(QUESTION)
        box.press("Enter")
        tab.expect(tab.error).to_contain_text("Server error (500)")
        tab.expect(tab.error).to_contain_text("could not answer")
        tab.expect(tab.page.locator("#turns > li")).to_have_count(0)
        tab.expect(box).to_have_value(QUESTION)
    # The server has stopped; the open page says so instead of failing silently.
    tab.page.get_by_role("button", name="Ask").click()
    tab.expect(tab.error).to_contain_text("Can't reach the server")
    tab.expect(box).to_have_value(QUESTION)


@pytest.mark.parametrize(
    ("status", "headers", "body", "shown"),
    [
        (
            429,
            {"Retry-After": "7"},
            {"error": {"type": "rate_limited", "message": "slow down"}},
            "Try again in 7 seconds",
        ),
        (
            503,
            {"Retry-After": "2"},
            {"error": {"type": "overloaded", "message": "busy"}},
            "Try again in 2 seconds",
        ),
        (
            413,
            {},
            {"error": {"type": "too_large", "message": "the body is over 16384 bytes"}},
            "over 16384 bytes",
        ),
        (
            422,
            {},
            {"detail": [{"msg": "String should have at most 1000 characters"}]},
            "at most 1000 characters",
        ),
        (502, {}, "<html>Bad Gateway</html>", "Server error (502)"),
    ],
    ids=["429", "503", "413", "422-fastapi-detail", "502-html"],
)
def test_each_error_status_gets_a_clear_message(
    fake_service: QAService,
    open_tab: Callable[..., Tab],
    status: int,
    headers: dict[str, str],
    body: object,
    shown: str,
) -> None:
    with live_server(create_app(fake_service)) as base:
        tab = open_tab(base)
        tab.page.route(
            "**/ask",
            lambda route: route.fulfill(
                status=status,
                headers=headers,
                content_type="application/json" if isinstance(body, dict) else "text/html",
                body=json.dumps(body) if isinstance(body, dict) else str(body),
            ),
        )
        box = tab.page.get_by_label("Your question")
        box.fill(QUESTION)
        box.press("Enter")
        tab.expect(tab.error).to_contain_text(shown)
        tab.expect(tab.page.locator("#live")).to_contain_text(shown)


def test_notice_is_shown_with_the_answer(
    fake_service: QAService, open_tab: Callable[..., Tab]
) -> None:
    notice = "That conversation was unknown or had expired; a new one was started."

    def add_notice(route: Any) -> None:
        answer = route.fetch().json()
        route.fulfill(json={**answer, "notice": notice})

    with live_server(create_app(fake_service)) as base:
        tab = open_tab(base)
        tab.page.route("**/ask", add_notice)
        turn = tab.ask("Which bank issued a counter-guarantee letter?")
        tab.expect(turn.locator(".notice")).to_have_text(notice)


@pytest.mark.slow
def test_api_key_is_asked_for_and_kept_for_the_tab_only(
    real_service: QAService, open_tab: Callable[..., Tab]
) -> None:
    with live_server(create_app(service_with(real_service, api_key=KEY))) as base:
        tab = open_tab(base)
        page = tab.page
        dialog = page.get_by_role("dialog", name="This server needs an API key")
        key_box = page.get_by_label("API key", exact=True)

        page.get_by_label("Your question").fill(QUESTION)
        page.get_by_label("Your question").press("Enter")
        tab.expect(dialog).to_be_visible()
        tab.expect(key_box).to_be_focused()
        key_box.fill("not-the-key")
        key_box.press("Enter")
        tab.expect(dialog.get_by_role("alert")).to_contain_text("did not accept that key")
        tab.expect(key_box).to_be_focused()
        key_box.fill(KEY)
        key_box.press("Enter")
        tab.expect(dialog).to_be_hidden()
        tab.expect(page.locator(".answer:not(.pending)")).to_have_count(1)
        tab.expect(page.locator("#key-state")).to_be_visible()
        assert page.evaluate("() => sessionStorage.getItem('antqa.apiKey')") == KEY
        assert page.evaluate("() => localStorage.length") == 0
        assert page.context.cookies() == []

        # A reload keeps the key (same tab); a new tab does not have it.
        page.reload()
        tab.ask(QUESTION)
        tab.expect(dialog).to_be_hidden()
        other = page.context.new_page()
        other.goto(f"{base}/")
        assert other.evaluate("() => sessionStorage.getItem('antqa.apiKey')") is None

        # Forgetting the key, then cancelling the prompt, leaves a clear message.
        page.get_by_role("button", name="Forget key").click()
        tab.expect(page.locator("#key-state")).to_be_hidden()
        page.get_by_label("Your question").fill(QUESTION)
        page.get_by_label("Your question").press("Enter")
        tab.expect(dialog).to_be_visible()
        page.keyboard.press("Escape")
        tab.expect(dialog).to_be_hidden()
        tab.expect(tab.error).to_contain_text("API key needed")


@pytest.mark.slow
def test_phone_layout_has_no_horizontal_scroll(
    url: str, open_tab: Callable[..., Tab], tmp_path: Path
) -> None:
    tab = open_tab(url, viewport=PHONE)
    tab.ask(QUESTION)
    tab.ask(FOLLOW_UP)
    for details in tab.page.locator("details.related-reading").all():
        details.locator("summary").click()
    widths = tab.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways on a phone: {widths}"
    ask_box = tab.page.get_by_role("button", name="Ask").bounding_box()
    assert ask_box is not None and ask_box["x"] + ask_box["width"] <= PHONE["width"]
    tab.page.screenshot(path=tmp_path / "phone.png", full_page=True)
    assert (tmp_path / "phone.png").stat().st_size > 10_000


@pytest.mark.slow
def test_screenshot(url: str, open_tab: Callable[..., Tab], tmp_path: Path) -> None:
    """The README's picture (docs/page.png): a question, a follow-up, its passage in focus."""
    tab = open_tab(url, viewport={"width": 1000, "height": 900})
    tab.ask("When did the circle incident happen?")
    turn = tab.ask("Why did it cause a stir?")
    turn.locator("a.cite").first.click()
    tab.expect(turn.locator(".passage").first).to_be_focused()
    tab.page.wait_for_timeout(1500)  # let the focus flash fade before the picture
    shot = tmp_path / "page.png"
    tab.page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get(UPDATE_SCREENSHOT):
        shutil.copyfile(shot, Path(__file__).resolve().parents[1] / "docs" / "page.png")


@pytest.mark.slow
def test_short_answer_comes_first_in_bold_and_related_reading_stands_apart(
    fake_service: QAService, open_tab: Callable[..., Tab], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = contract_answer(fake_service, QUESTION)
    assert answered.short_answer is not None and len(answered.citations) > 2
    monkeypatch.setattr(fake_service, "ask", lambda question, conversation_id=None: answered)
    with live_server(create_app(fake_service)) as base:
        tab = open_tab(base)
        turn = tab.ask(QUESTION)

    card = turn.locator(".answer")
    short = card.locator(".short-answer strong")
    tab.expect(short).to_have_text(answered.short_answer.text)
    weight = short.evaluate("node => getComputedStyle(node).fontWeight")
    assert int(weight) >= 700, "the short answer is bold"
    # first: above the answer sentence
    short_box, text_box = short.bounding_box(), card.locator(".answer-text").bounding_box()
    assert short_box is not None and text_box is not None and short_box["y"] < text_box["y"]
    tab.expect(tab.page.locator("#live")).to_have_text(
        re.compile(rf"^Answer: {re.escape(answered.short_answer.text)}\. ")
    )

    # The one cited passage is numbered; the others are related reading, apart and unnumbered.
    tab.expect(card.locator(".passages-heading")).to_have_text("Cited passage")
    tab.expect(card.locator(".passage-n")).to_have_text(["[1]"])
    related = card.locator("details.related-reading")
    tab.expect(related.locator("summary")).to_have_text(
        f"Related reading · {len(answered.citations) - 1} passages the answer does not use"
    )
    related.locator("summary").click()
    tab.expect(related.locator(".passage")).to_have_count(len(answered.citations) - 1)
    tab.expect(related.locator(".passage-n")).to_have_count(0)
    tab.expect(related.locator(".passage-head").first).not_to_contain_text("false")
    tab.expect(related.locator("ul.passages")).to_have_count(1)
