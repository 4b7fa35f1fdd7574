"""Scoring evaluation files against a ``QAService``.

Two formats: our JSONL (schema: ``shared/eval/README.md``; questions about the served
article, or about another article given as a text file) and SQuAD 2.0 JSON
(:mod:`antqa.squad`). An article other than the served one is indexed in a temporary
folder with the served index's embedder and answered by its own ``QAService``.

Metrics, per question type and overall:

- evidence recall@k (k = 1, 3, 5): share of answerable items whose evidence has at least
  half of its characters inside the top-k cited passages (passages over 1,000 characters
  do not count). Our files: every evidence quote (first occurrence in the article); SQuAD:
  any one of the gold answer spans (they are alternatives);
- MRR of the first cited passage that overlaps the evidence;
- answer hit: the answer (markers removed, first 600 characters) is no refusal and holds
  the evidence: at least half of the content words (longer than 3 letters) of one quote
  (ours), or one gold answer's words in a run (SQuAD, normalised as its official script);
- abstention: precision and recall of ``answerable: false`` on unanswerable items, and
  the share of answerable items wrongly refused;
- median answer length in characters (markers removed) of the answers that are no refusal;
- ``short_answer``, scored with SQuAD 2.0's official exact match and F1 (an absent short
  answer, or a refusal, is the empty prediction: right for unanswerable items) against the
  gold answers (SQuAD) or the reference ``answer`` (ours: plain words, so F1 is the useful
  figure); plus the share of answerable items given one, and EM/F1 among those given.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, ValidationError

from antqa.errors import AntqaError
from antqa.models import Answer, Citation
from antqa.squad import (
    SquadArticle,
    SquadFormatError,
    best_scores,
    contains_answer,
    is_squad,
    question_kind,
    read_squad,
)

if TYPE_CHECKING:
    from antqa.config import Settings
    from antqa.embedding import Embedder
    from antqa.index import ArticleIndex
    from antqa.service import QAService

RECALL_KS = (1, 3, 5)
MAX_PASSAGE_CHARS = 1000
MAX_ANSWER_CHARS = 600
_MARKER = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
Span = tuple[int, int]


class EvalFileError(AntqaError):
    """The evaluation file cannot be read or does not follow the schema."""


class HistoryTurn(BaseModel):
    question: str
    evidence: list[str] = Field(default_factory=list)


class EvalItem(BaseModel):
    """One question to score: a line of our JSONL files, or a SQuAD question."""

    id: str
    type: str
    question: str
    evidence: list[str] = Field(default_factory=list)
    answer: str = ""
    history: list[HistoryTurn] = Field(default_factory=list)
    evidence_kind: Literal["quotes", "answers"] = Field(
        default="quotes",
        description="quotes (ours): every quote is needed, found at its first occurrence, "
        "and `answer` is the reference short answer; answers (SQuAD): the evidence is the "
        "gold answers, alternatives located at `evidence_spans`.",
    )
    evidence_spans: list[Span] = Field(default_factory=list)

    @property
    def answerable(self) -> bool:
        return bool(self.evidence)

    @property
    def reference_answers(self) -> list[str]:
        """What ``short_answer`` is scored against."""
        return self.evidence if self.evidence_kind == "answers" else [self.answer]


@dataclass(frozen=True)
class EvalArticle:
    """Items about one article; ``text`` is None for the article the service serves."""

    title: str
    text: str | None
    items: list[EvalItem]


class ItemResult(BaseModel):
    """How one item fared."""

    id: str
    type: str
    question: str = ""
    article: str = ""
    answerable: bool
    found_at: int | None = Field(description="Smallest k whose top-k covers all evidence.")
    reciprocal_rank: float
    answer_hit: bool
    refused: bool
    missing_quotes: list[str] = Field(default_factory=list)
    answer: str = Field(default="", description="The answer given, markers removed.")
    short_answer: str | None = Field(default=None, description="The short answer, if any.")
    short_exact: float = 0.0
    short_f1: float = 0.0


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
    median_answer_chars: float | None = Field(
        default=None, description="Median length of the answers that are no refusal."
    )
    short_exact: float = Field(default=0.0, description="SQuAD exact match over all items.")
    short_f1: float = Field(default=0.0, description="SQuAD F1 over all items.")
    short_given: float | None = Field(
        default=None, description="Share of answerable items given a short answer."
    )
    short_exact_given: float | None = Field(
        default=None, description="Exact match among the answerable items given one."
    )
    short_f1_given: float | None = Field(
        default=None, description="F1 among the answerable items given one."
    )


class Report(BaseModel):
    """The full evaluation: per type, overall, and per item."""

    overall: GroupScore
    by_type: dict[str, GroupScore]
    items: list[ItemResult]
    has_answer: GroupScore | None = Field(default=None, description="Answerable items.")
    no_answer: GroupScore | None = Field(default=None, description="Unanswerable items.")
    by_article: dict[str, GroupScore] = Field(
        default_factory=dict, description="Per article, when the file has several."
    )


def _items_from_jsonl(text: str, path: Path) -> list[EvalItem]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(EvalItem.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            raise EvalFileError(f"{path}:{number} is not a valid item ({first})") from exc
    return items


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"cannot read {path} as UTF-8 text") from exc


def read_items(path: Path) -> list[EvalItem]:
    """Parse a JSONL file; a bad line is an :class:`EvalFileError` naming the line."""
    items = _items_from_jsonl(_read_text(path), path)
    if not items:
        raise EvalFileError(f"{path} has no items")
    return items


def squad_items(article: SquadArticle) -> list[EvalItem]:
    """A SQuAD article's questions as items: unanswerable ones typed so, the others by
    question word; the gold answers are the evidence, at their spans."""
    return [
        EvalItem(
            id=q.id,
            type="unanswerable" if q.impossible else question_kind(q.question),
            question=q.question,
            evidence=[a.text for a in q.answers],
            evidence_kind="answers",
            evidence_spans=[(a.start, a.end) for a in q.answers],
        )
        for q in article.questions
    ]


def read_eval_file(path: Path, article: Path | None = None) -> list[EvalArticle]:
    """A SQuAD 2.0 file (each article with its text) or one of our JSONL files (about
    ``article``, or the served article when None); :class:`EvalFileError` says what is
    wrong with it."""
    text = _read_text(path)
    try:
        document = json.loads(text)
    except ValueError:
        document = None  # JSONL: several JSON values
    if not is_squad(document):
        items = _items_from_jsonl(text, path)
        if not items:
            raise EvalFileError(f"{path} has no items")
        if article is None:
            return [EvalArticle(title=path.stem, text=None, items=items)]
        return [EvalArticle(title=article.stem, text=_read_text(article), items=items)]
    if article is not None:
        raise EvalFileError(f"{path} is a SQuAD file, which holds its articles — drop --article")
    try:
        articles = read_squad(path)
    except SquadFormatError as exc:
        raise EvalFileError(f"{path}: {exc}") from exc
    result = [EvalArticle(a.title, a.text, squad_items(a)) for a in articles if a.questions]
    if not result:
        raise EvalFileError(f"{path} has no questions")
    return result


def quote_span(article: str, quote: str) -> Span | None:
    """Where ``quote`` is in the article (first occurrence), if it is there."""
    start = article.find(quote)
    return None if start < 0 else (start, start + len(quote))


def _covered_chars(span: Span, passages: Iterable[Citation]) -> int:
    """Characters of ``span`` that fall inside at least one passage."""
    inside = bytearray(span[1] - span[0])
    for p in passages:
        lo, hi = max(span[0], p.start), min(span[1], p.end)
        inside[lo - span[0] : max(lo, hi) - span[0]] = b"\x01" * max(0, hi - lo)
    return sum(inside)


def quote_found(span: Span, passages: list[Citation]) -> bool:
    """At least half of the quote's characters lie in the passages."""
    usable = [p for p in passages if p.end - p.start <= MAX_PASSAGE_CHARS]
    return 2 * _covered_chars(span, usable) >= span[1] - span[0]


def content_words(text: str) -> set[str]:
    """Lower-cased words longer than three letters."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3}


def answer_text(answer: Answer) -> str:
    """The answer as a reader sees it without citation markers."""
    return _MARKER.sub("", answer.answer)


def answer_hits(answer: Answer, quotes: list[str], kind: str = "quotes") -> bool:
    """The answer holds some evidence: half the content words of a quote, or (SQuAD gold
    answers) one answer's normalised words in a run."""
    if not answer.answerable:
        return False
    text = answer_text(answer)[:MAX_ANSWER_CHARS]
    if kind == "answers":
        return any(contains_answer(text, quote) for quote in quotes)
    words = content_words(text)
    for quote in quotes:
        wanted = content_words(quote)
        if wanted and 2 * len(wanted & words) >= len(wanted):
            return True
    return False


def _located(item: EvalItem, article: str) -> tuple[list[Span], list[str]]:
    """The evidence spans, and the quotes not found in the article."""
    if item.evidence_spans:
        return list(item.evidence_spans), []
    spans = [(q, quote_span(article, q)) for q in item.evidence]
    return [s for _, s in spans if s is not None], [q for q, s in spans if s is None]


def _found_at(item: EvalItem, spans: list[Span], citations: list[Citation]) -> int | None:
    needs = any if item.evidence_kind == "answers" else all
    for k in range(1, len(citations) + 1):
        if needs(quote_found(span, citations[:k]) for span in spans):
            return k
    return None


def score_item(item: EvalItem, answer: Answer, article: str, title: str = "") -> ItemResult:
    """Compare one answer with the item's evidence and reference answers."""
    located, missing = _located(item, article)
    found_at = _found_at(item, located, answer.citations) if located and not missing else None
    reciprocal = 0.0
    for rank, citation in enumerate(answer.citations, start=1):
        if citation.end - citation.start <= MAX_PASSAGE_CHARS and any(
            _covered_chars(span, [citation]) > 0 for span in located
        ):
            reciprocal = 1.0 / rank
            break
    short = answer.short_answer.text if answer.answerable and answer.short_answer else None
    exact, f1 = best_scores(item.reference_answers, short or "")
    return ItemResult(
        id=item.id,
        type=item.type,
        question=item.question,
        article=title,
        answerable=item.answerable,
        found_at=found_at if item.answerable else None,
        reciprocal_rank=reciprocal,
        answer_hit=item.answerable and answer_hits(answer, item.evidence, item.evidence_kind),
        refused=not answer.answerable,
        missing_quotes=missing,
        answer=answer_text(answer),
        short_answer=short,
        short_exact=exact,
        short_f1=f1,
    )


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _mean_or_none(values: Iterable[float]) -> float | None:
    values = list(values)
    return _mean(values) if values else None


def aggregate(results: list[ItemResult]) -> GroupScore:
    """Metrics over ``results``."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    refused = [r for r in results if r.refused]
    given = [r for r in answerable if r.short_answer is not None]
    lengths = [len(r.answer) for r in results if not r.refused]
    return GroupScore(
        items=len(results),
        answerable=len(answerable),
        recall_at={
            k: _mean(r.found_at is not None and r.found_at <= k for r in answerable)
            for k in RECALL_KS
        },
        mrr=_mean(r.reciprocal_rank for r in answerable),
        answer_hit=_mean(r.answer_hit for r in answerable),
        refusal_precision=(
            _mean(not r.answerable for r in refused) if refused and unanswerable else None
        ),
        refusal_recall=_mean_or_none(r.refused for r in unanswerable),
        wrongly_refused=_mean_or_none(r.refused for r in answerable),
        median_answer_chars=statistics.median(lengths) if lengths else None,
        short_exact=_mean(r.short_exact for r in results),
        short_f1=_mean(r.short_f1 for r in results),
        short_given=_mean_or_none(r.short_answer is not None for r in answerable),
        short_exact_given=_mean_or_none(r.short_exact for r in given),
        short_f1_given=_mean_or_none(r.short_f1 for r in given),
    )


def _grouped(results: list[ItemResult], key: Callable[[ItemResult], str]) -> dict[str, GroupScore]:
    groups: dict[str, list[ItemResult]] = defaultdict(list)
    for result in results:
        groups[key(result)].append(result)
    return {name: aggregate(group) for name, group in sorted(groups.items())}


def make_report(results: list[ItemResult]) -> Report:
    """Per type, overall, answerable / unanswerable, and per article when several."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    articles = {r.article for r in results}
    return Report(
        overall=aggregate(results),
        by_type=_grouped(results, lambda r: r.type),
        items=results,
        has_answer=aggregate(answerable) if answerable else None,
        no_answer=aggregate(unanswerable) if unanswerable else None,
        by_article=_grouped(results, lambda r: r.article) if len(articles) > 1 else {},
    )


def ask_items(
    items: list[EvalItem],
    ask: Callable[[str, str | None], Answer],
    article: str,
    title: str = "",
    on_item: Callable[[ItemResult], None] | None = None,
) -> list[ItemResult]:
    """Ask every item (its history first, in one conversation) and score the last answers."""
    results = []
    for item in items:
        conversation_id = None
        for turn in item.history:
            conversation_id = ask(turn.question, conversation_id).conversation_id
        result = score_item(item, ask(item.question, conversation_id), article, title)
        results.append(result)
        if on_item:
            on_item(result)
    return results


def evaluate(
    items: list[EvalItem],
    ask: Callable[[str, str | None], Answer],
    article: str,
    on_item: Callable[[ItemResult], None] | None = None,
) -> Report:
    """Ask and score ``items`` about ``article`` (what ``ask`` answers from)."""
    return make_report(ask_items(items, ask, article, on_item=on_item))


def evaluate_file(
    path: Path,
    served: QAService,
    on_article: Callable[[EvalArticle, int, int], None] | None = None,
    article_file: Path | None = None,
) -> Report:
    """Score an evaluation file of either format (see :func:`read_eval_file`).

    Our files are asked of ``served``, or about ``article_file`` when given. Any other
    article (SQuAD's, or ``article_file``) is indexed in a temporary folder by the index
    build with ``served``'s embedder (the served index's int8 ONNX export when it holds one:
    no export per article), and answered by a service of its own with ``served``'s
    settings, its conversations kept in memory (they are thrown away with it).
    """
    from antqa.service import QAService

    articles = read_eval_file(path, article_file)
    settings = served.settings.model_copy(update={"conversation_store": "memory"})
    results: list[ItemResult] = []
    for number, article in enumerate(articles, start=1):
        if on_article:
            on_article(article, number, len(articles))
        if article.text is None:
            results += ask_items(article.items, served.ask, served.index.article)
            continue
        with tempfile.TemporaryDirectory(prefix="antqa-eval-") as folder:
            index = index_article(article.text, Path(folder), served.embedder, settings)
            service = QAService(index, served.embedder, settings)
            try:
                results += ask_items(article.items, service.ask, article.text, article.title)
            finally:
                service.close()
    return make_report(results)


def index_article(text: str, folder: Path, embedder: Embedder, settings: Settings) -> ArticleIndex:
    """``text`` indexed into ``folder`` with the project's build, and loaded."""
    from antqa.build import build_index
    from antqa.index import load_index

    source = folder / "article.txt"
    source.write_text(text, encoding="utf-8", newline="")
    build_index(
        source,
        folder / "index",
        embedder,
        max_chars=settings.chunk_max_chars,
        overlap=settings.chunk_overlap_sentences,
    )
    return load_index(folder / "index")
