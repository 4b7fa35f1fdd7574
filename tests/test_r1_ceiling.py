"""The R@1 miss classes of ``benchmarks/r1_ceiling.py``: what decides each one."""

from __future__ import annotations

import numpy as np

from antqa.evaluation import EvalItem
from antqa.models import Sentence
from antqa.questions import analyse
from antqa.retrieval import Scores
from benchmarks.r1_ceiling import classed, evidence_sentences, rank_of

ARTICLE = "Ada led the firm. " + "It grew. " * 120 + "Bo chaired it later."


def _sentences() -> list[Sentence]:
    """The article's sentences, found by their full stops."""
    sentences, start = [], 0
    while start < len(ARTICLE):
        end = ARTICLE.index(".", start) + 1
        sentences.append(Sentence(len(sentences), start, end, 1, ARTICLE[start:end]))
        start = end + 1
    return sentences


def _scores(dense: list[float], coverage: list[float], relevance: list[float]) -> Scores:
    """Scores whose three ranked signals are these; the rest is unread here."""
    padded = [np.array(v + [0.0] * (122 - len(v)), dtype=np.float32) for v in (dense, coverage)]
    fused = np.array(relevance + [0.0] * (122 - len(relevance)), dtype=np.float32)
    empty = np.zeros(122, dtype=bool)
    return Scores(analyse("Who led the firm?"), fused, *padded, empty, empty, empty, fused)


def test_ranks_count_ties_in_favour_of_the_evidence() -> None:
    assert rank_of(np.array([0.5, 0.9, 0.5]), [0, 2]) == 2
    assert rank_of(np.array([0.9, 0.9, 0.1]), [1]) == 1


def test_evidence_sentences_are_those_a_quote_overlaps() -> None:
    item = EvalItem(id="q", type="factoid", question="Who?", evidence=["led the firm. It grew"])
    assert evidence_sentences(item, ARTICLE, _sentences()) == [0, 1]


def test_quotes_further_apart_than_a_passage_are_apart_whatever_the_ranks() -> None:
    sentences = _sentences()
    assert sentences[-1].end - sentences[0].start > 1000
    kind, _ = classed([0, len(sentences) - 1], sentences, _scores([1.0], [1.0], [1.0]))
    assert kind == "apart"


def test_the_class_follows_the_best_rank_of_each_signal() -> None:
    sentences = _sentences()
    low = [0.0, 0.5, 0.5, 0.5]  # the evidence (sentence 0) 4th by the question's words
    # the signals: dense similarity, the question's words, the fused relevance
    assert classed([0], sentences, _scores([1.0], low, [1.0]))[0] == "answer"
    assert classed([0], sentences, _scores([1.0], low, [0.1, 0.9])) == ("fused", (1, 4, 2))
    assert classed([0], sentences, _scores([0.1, 0.9, 0.8], low, [0.1, 0.9]))[0] == "near"
    assert classed([0], sentences, _scores([0.1, 0.9, 0.8, 0.7], low, [0.0, 0.9]))[0] == "unseen"
