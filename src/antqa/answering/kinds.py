"""The kind of answer a question asks for (a number, a date) and the sentences
near the top that hold it: what both the refusal checks and the sentence choice weigh."""

from __future__ import annotations

import numpy as np

from antqa.answering.policy import AnswerPolicy
from antqa.models import Hit
from antqa.questions import KIND_NOUN
from antqa.retrieval import Scores


def sentences_of(hits: list[Hit]) -> set[int]:
    """The ids of the sentences of ``hits``' passages."""
    return {s for hit in hits for s in hit.chunk.sentence_ids}


def kind_applies(scores: Scores) -> bool:
    """The answer must hold the kind asked for (a question asking two things may not).

    Only for kinds a sentence plainly holds or not (:data:`KIND_NOUN`: a number, a date):
    a cause, a method or a place can be told in too many ways to refuse for want of
    "because" or "in".
    """
    return scores.question.kind in KIND_NOUN and not scores.question.compound


def kind_holders(
    policy: AnswerPolicy,
    hits: list[Hit],
    scores: Scores,
    counted: bool = True,
    passages: int | None = None,
) -> set[int]:
    """Sentences near the top that hold the kind of answer asked for (for a count or an
    amount, with ``counted=False``, any number, whatever it counts; for other kinds the
    flag changes nothing). For "by how much", a change told as a share or in words ("a
    third", "doubled") is such an answer too.

    Near the top means among the ``kind_depth`` most relevant sentences and inside the
    first ``passages`` passages (``kind_passages`` unless given): a date in some
    far-off sentence answers nothing.
    """
    top = np.argsort(-scores.relevance, kind="stable")[: policy.kind_depth]
    reach = policy.kind_passages if passages is None else passages
    near = sentences_of(hits[:reach])
    held = scores.held if counted else scores.kind_held
    if scores.question.by_how_much:
        held = held | scores.changes
    return {int(s) for s in top if s in near and held[s]}
