"""The eval metrics, checked on hand-made answers where the right figures are known."""

from __future__ import annotations

import pytest

from antqa.evaluation import EvalItem, aggregate, answer_hits, quote_found, score_item
from antqa.models import Answer, Citation
from tests.conftest import make_citation

ARTICLE = "Alpha one. Beta two three four. Gamma five six. Delta seven eight nine ten."


def cite(n: int, start: int, end: int) -> Citation:
    return make_citation(ARTICLE, n, start, end)


def answer(text: str, citations: list[Citation], answerable: bool = True) -> Answer:
    return Answer(
        answer=text, answerable=answerable, citations=citations, conversation_id="x", model="m"
    )


def test_a_quote_counts_when_half_its_characters_are_cited() -> None:
    span = (11, 31)  # "Beta two three four."
    assert quote_found(span, [cite(1, 11, 21)])  # exactly half
    assert not quote_found(span, [cite(1, 11, 20)])
    assert quote_found(span, [cite(1, 11, 16), cite(2, 16, 21)])  # split over two passages


def test_passages_over_1000_characters_do_not_count() -> None:
    long_article = "x" * 1200
    citation = Citation(
        n=1,
        chunk_id="c",
        paragraph=1,
        start=0,
        end=1001,
        text=long_article[:1001],
        quote="x",
        quote_start=0,
        quote_end=1,
        score=1,
    )
    assert not quote_found((0, 10), [citation])


def test_recall_rank_and_mrr_follow_the_citation_order() -> None:
    item = EvalItem(
        id="1",
        type="multi_hop",
        question="q",
        evidence=["Beta two three four.", "Delta seven eight nine ten."],
    )
    result = score_item(
        item, answer("a", [cite(1, 32, 47), cite(2, 11, 31), cite(3, 48, 75)]), ARTICLE
    )
    assert result.found_at == 3
    assert result.reciprocal_rank == pytest.approx(1 / 2)
    group = aggregate([result])
    assert group.recall_at == {1: 0.0, 3: 1.0, 5: 1.0}


def test_answer_hit_needs_half_the_content_words_and_no_refusal() -> None:
    quotes = ["Peng Lei apologized while on a business trip in the United States"]
    assert answer_hits(answer("Peng apologized on a business trip [1]", []), quotes)  # 4 of 7
    assert not answer_hits(answer("She apologized [1]", []), quotes)
    assert not answer_hits(answer("apologized business trip United States", [], False), quotes)
    assert not answer_hits(
        answer("x " * 600 + "apologized business trip United States", []), quotes
    )


def test_abstention_figures() -> None:
    def result(answerable: bool, refused: bool):  # type: ignore[no-untyped-def]
        item = EvalItem(
            id="i", type="t", question="q", evidence=["Alpha one."] if answerable else []
        )
        return score_item(item, answer("Alpha one", [cite(1, 0, 10)], not refused), ARTICLE)

    group = aggregate(
        [result(False, True), result(False, False), result(True, True), result(True, False)]
    )
    assert group.refusal_precision == pytest.approx(0.5)
    assert group.refusal_recall == pytest.approx(0.5)
    assert group.wrongly_refused == pytest.approx(0.5)


def test_evidence_missing_from_the_article_is_reported_not_crashed() -> None:
    item = EvalItem(id="1", type="factoid", question="q", evidence=["not in the article"])
    result = score_item(item, answer("a", [cite(1, 0, 10)]), ARTICLE)
    assert result.missing_quotes == ["not in the article"]
    assert result.found_at is None
