"""Scoring an evaluation file (schema: ``shared/eval/README.md``) against a ``QAService``.

Metrics, per question type and overall:

- evidence recall@k (k = 1, 3, 5): share of answerable items whose every evidence quote
  has at least half of its characters inside the top-k cited passages (passages over
  1,000 characters do not count);
- MRR of the first cited passage that overlaps an evidence quote;
- answer hit: the answer (markers removed, first 600 characters) contains at least half
  of the content words (longer than 3 letters) of one evidence quote, and is no refusal;
- abstention: precision and recall of ``answerable: false`` on unanswerable items, and
  the share of answerable items wrongly refused.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from antqa.errors import AntqaError
from antqa.models import Answer, Citation

RECALL_KS = (1, 3, 5)
MAX_PASSAGE_CHARS = 1000
MAX_ANSWER_CHARS = 600
_MARKER = re.compile(r"\[\d+\]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class EvalFileError(AntqaError):
    """The evaluation file cannot be read or does not follow the schema."""


class HistoryTurn(BaseModel):
    question: str
    evidence: list[str] = Field(default_factory=list)


class EvalItem(BaseModel):
    """One line of an evaluation file."""

    id: str
    type: str
    question: str
    evidence: list[str] = Field(default_factory=list)
    answer: str = ""
    history: list[HistoryTurn] = Field(default_factory=list)

    @property
    def answerable(self) -> bool:
        return bool(self.evidence)


class ItemResult(BaseModel):
    """How one item fared."""

    id: str
    type: str
    answerable: bool
    found_at: int | None = Field(description="Smallest k whose top-k covers all evidence.")
    reciprocal_rank: float
    answer_hit: bool
    refused: bool
    missing_quotes: list[str] = Field(default_factory=list)


class GroupScore(BaseModel):
    """Aggregated metrics of a group of items (a type, or all)."""

    items: int
    answerable: int
    recall_at: dict[int, float]
    mrr: float
    answer_hit: float
    refusal_precision: float | None
    refusal_recall: float | None
    wrongly_refused: float | None


class Report(BaseModel):
    """The full evaluation: per type, overall, and per item."""

    overall: GroupScore
    by_type: dict[str, GroupScore]
    items: list[ItemResult]


def read_items(path: Path) -> list[EvalItem]:
    """Parse ``path``; a bad line is an :class:`EvalFileError` naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"cannot read {path} as UTF-8 text") from exc
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            items.append(EvalItem.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            raise EvalFileError(f"{path}:{number} is not a valid item ({first})") from exc
    if not items:
        raise EvalFileError(f"{path} has no items")
    return items


def quote_span(article: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in the article (first occurrence), if it is there."""
    start = article.find(quote)
    return None if start < 0 else (start, start + len(quote))


def _covered_chars(span: tuple[int, int], passages: Iterable[Citation]) -> int:
    """Characters of ``span`` that fall inside at least one passage."""
    inside = bytearray(span[1] - span[0])
    for p in passages:
        lo, hi = max(span[0], p.start), min(span[1], p.end)
        inside[lo - span[0] : max(lo, hi) - span[0]] = b"\x01" * max(0, hi - lo)
    return sum(inside)


def quote_found(span: tuple[int, int], passages: list[Citation]) -> bool:
    """At least half of the quote's characters lie in the passages."""
    usable = [p for p in passages if p.end - p.start <= MAX_PASSAGE_CHARS]
    return 2 * _covered_chars(span, usable) >= span[1] - span[0]


def content_words(text: str) -> set[str]:
    """Lower-cased words longer than three letters."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3}


def answer_hits(answer: Answer, quotes: list[str]) -> bool:
    """The answer contains at least half the content words of some evidence quote."""
    if not answer.answerable:
        return False
    words = content_words(_MARKER.sub("", answer.answer)[:MAX_ANSWER_CHARS])
    for quote in quotes:
        wanted = content_words(quote)
        if wanted and 2 * len(wanted & words) >= len(wanted):
            return True
    return False


def score_item(item: EvalItem, answer: Answer, article: str) -> ItemResult:
    """Compare one answer with the item's evidence."""
    spans = [(q, quote_span(article, q)) for q in item.evidence]
    missing = [q for q, span in spans if span is None]
    located = [span for _, span in spans if span is not None]
    found_at = None
    if item.answerable and not missing:
        for k in range(1, len(answer.citations) + 1):
            if all(quote_found(span, answer.citations[:k]) for span in located):
                found_at = k
                break
    reciprocal = 0.0
    for rank, citation in enumerate(answer.citations, start=1):
        if citation.end - citation.start <= MAX_PASSAGE_CHARS and any(
            _covered_chars(span, [citation]) > 0 for span in located
        ):
            reciprocal = 1.0 / rank
            break
    return ItemResult(
        id=item.id,
        type=item.type,
        answerable=item.answerable,
        found_at=found_at,
        reciprocal_rank=reciprocal,
        answer_hit=item.answerable and answer_hits(answer, item.evidence),
        refused=not answer.answerable,
        missing_quotes=missing,
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def aggregate(results: list[ItemResult]) -> GroupScore:
    """Metrics over ``results``."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    refused = [r for r in results if r.refused]
    return GroupScore(
        items=len(results),
        answerable=len(answerable),
        recall_at={
            k: _mean([r.found_at is not None and r.found_at <= k for r in answerable])
            for k in RECALL_KS
        },
        mrr=_mean([r.reciprocal_rank for r in answerable]),
        answer_hit=_mean([r.answer_hit for r in answerable]),
        refusal_precision=(
            _mean([not r.answerable for r in refused]) if refused and unanswerable else None
        ),
        refusal_recall=_mean([r.refused for r in unanswerable]) if unanswerable else None,
        wrongly_refused=_mean([r.refused for r in answerable]) if answerable else None,
    )


def evaluate(
    items: list[EvalItem],
    ask: Callable[[str, str | None], Answer],
    article: str,
    on_item: Callable[[ItemResult], None] | None = None,
) -> Report:
    """Ask every item (its history first, in one conversation) and score the last answers."""
    results = []
    for item in items:
        conversation_id = None
        for turn in item.history:
            conversation_id = ask(turn.question, conversation_id).conversation_id
        result = score_item(item, ask(item.question, conversation_id), article)
        results.append(result)
        if on_item:
            on_item(result)
    by_type: dict[str, list[ItemResult]] = defaultdict(list)
    for result in results:
        by_type[result.type].append(result)
    return Report(
        overall=aggregate(results),
        by_type={kind: aggregate(group) for kind, group in sorted(by_type.items())},
        items=results,
    )
