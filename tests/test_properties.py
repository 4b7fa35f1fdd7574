"""Property tests of the core: any text in, an answer object or a clean domain error out."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antqa.build import build_index
from antqa.config import Settings
from antqa.errors import InvalidQuestion
from antqa.index import load_index
from antqa.models import Answer
from antqa.service import QAService
from tests.conftest import ARTICLE, HashEmbedder


@cache
def _service() -> QAService:
    """One fake-embedder service for all examples (hypothesis reruns the test body)."""
    folder = Path(tempfile.mkdtemp(prefix="antqa-prop-")) / "index"
    embedder = HashEmbedder()
    build_index(ARTICLE, folder, embedder)
    return QAService(
        load_index(folder), embedder, Settings(index_dir=folder, max_question_chars=300)
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode_question_gets_an_answer_or_a_clean_error(question: str) -> None:
    service = _service()
    try:
        answer = service.ask(question)
    except InvalidQuestion as err:
        assert err.message  # a reason a user can act on
        return
    assert isinstance(answer, Answer)
    article = service.index.article
    for citation in answer.citations:
        assert article[citation.start : citation.end] == citation.text
    assert len(answer.answer) <= 700


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=5))
def test_any_conversation_stays_answerable(questions: list[str]) -> None:
    service = _service()
    conversation_id = None
    for question in questions:
        try:
            answer = service.ask(question, conversation_id)
        except InvalidQuestion:
            continue
        assert conversation_id in (None, answer.conversation_id)
        conversation_id = answer.conversation_id


#: Mostly Chinese text, with the digits, dates and punctuation questions mix in.
_CHINESE_LIKE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("年月日号？，。“”0123456789 CEO〇两千万亿為什麼"),
    ),
    min_size=1,
    max_size=120,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CHINESE_LIKE)
def test_any_chinese_question_is_glossed_into_an_answer_or_the_language_reply(
    question: str,
) -> None:
    service = _service()
    try:
        answer = service.ask(question)
    except InvalidQuestion:
        return
    assert isinstance(answer, Answer)
    assert answer.notice is None or "Asked in Chinese" in answer.notice
    article = service.index.article
    for citation in answer.citations:
        assert article[citation.start : citation.end] == citation.text
