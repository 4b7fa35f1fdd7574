"""SQuAD 2.0: reading its files and its official short-answer metrics.

The format is the field's standard (Rajpurkar, Jia and Liang, 2018)::

    {"data": [{"title": ..., "paragraphs": [{"context": ...,
        "qas": [{"id", "question", "is_impossible", "answers": [{"text", "answer_start"}],
                 "plausible_answers"}]}]}]}

antqa answers over a whole article, so an article is its paragraphs' contexts joined by
blank lines (the chunker's paragraph break) and each ``answer_start`` (an offset into its
paragraph) becomes an offset into the article.

Exact match and F1 follow SQuAD 2.0's official evaluation script: answers are lower-cased,
stripped of punctuation, of the articles a/an/the and of extra white space; F1 is over
tokens; a question's score is the best over its gold answers; a question without gold
answers (unanswerable) has the one gold answer ``""``, so only an empty prediction is right.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PARAGRAPH_JOIN = "\n\n"
_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCTUATION = frozenset(string.punctuation)


class SquadFormatError(ValueError):
    """The JSON does not follow the SQuAD 2.0 layout; the message says where."""


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One gold answer, located in the joined article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SquadQuestion:
    id: str
    question: str
    impossible: bool
    answers: tuple[GoldSpan, ...]
    """Gold answers as given (duplicates kept: the official metrics take the best anyway)."""


@dataclass(frozen=True, slots=True)
class SquadArticle:
    title: str
    text: str
    questions: tuple[SquadQuestion, ...]


def normalize_answer(text: str) -> str:
    """Lower-case, drop punctuation, the articles a/an/the, and extra white space."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def answer_tokens(text: str) -> list[str]:
    """The normalised answer's tokens (what F1 counts)."""
    return normalize_answer(text).split()


def exact_match(gold: str, prediction: str) -> float:
    return float(normalize_answer(gold) == normalize_answer(prediction))


def f1_score(gold: str, prediction: str) -> float:
    """Token-overlap F1; when either side is empty, 1 only if both are."""
    gold_tokens, predicted = answer_tokens(gold), answer_tokens(prediction)
    if not gold_tokens or not predicted:
        return float(gold_tokens == predicted)
    same = sum((Counter(gold_tokens) & Counter(predicted)).values())
    if same == 0:
        return 0.0
    precision, recall = same / len(predicted), same / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def scoring_golds(answers: list[str]) -> list[str]:
    """The gold answers that count: those not empty after normalisation, else ``[""]``."""
    return [a for a in answers if normalize_answer(a)] or [""]


def best_scores(answers: list[str], prediction: str) -> tuple[float, float]:
    """(exact match, F1) of ``prediction``, each the best over the gold answers."""
    golds = scoring_golds(answers)
    return (
        max(exact_match(g, prediction) for g in golds),
        max(f1_score(g, prediction) for g in golds),
    )


def _separated_tokens(text: str) -> list[str]:
    """The normalised tokens of ``text`` with every punctuation mark, ASCII or not, taken
    as a break between words: the official normalisation deletes ASCII punctuation and
    keeps the rest, so "Dyrrachium—one" is one token and "Edgar's" is "edgars", and an
    answer that plainly says "Dyrrachium" or "Edgar" would not count as saying it."""
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return answer_tokens(spaced)


def contains_answer(text: str, answer: str) -> bool:
    """``answer``'s tokens appear as one run in ``text``'s (both normalised alike, every
    punctuation mark a break between words: see :func:`_separated_tokens`)."""
    wanted, tokens = _separated_tokens(answer), _separated_tokens(text)
    if not wanted:
        return False
    width = len(wanted)
    return any(tokens[i : i + width] == wanted for i in range(len(tokens) - width + 1))


_KINDS = (
    ("how many", re.compile(r"\bhow (many|much)\b")),
    ("who", re.compile(r"\bwho(m|se)?\b")),
    ("when", re.compile(r"\b(when|what year|what century|what date)\b")),
    ("where", re.compile(r"\bwhere\b")),
    ("why", re.compile(r"\bwhy\b")),
    ("how", re.compile(r"\bhow\b")),
    ("which", re.compile(r"\bwhich\b")),
    ("what", re.compile(r"\bwhat\b")),
)


def question_kind(question: str) -> str:
    """The question's kind for the report's per-type rows: its first matching question
    word ("how many" before "how", "what year" counts as "when"), else "other"."""
    lowered = question.lower()
    found = [
        (m.start(), rank, kind)
        for rank, (kind, pattern) in enumerate(_KINDS)
        if (m := pattern.search(lowered))
    ]
    return min(found)[2] if found else "other"


def is_squad(document: object) -> bool:
    """Whether parsed JSON looks like a SQuAD file (an object with a ``data`` list)."""
    return isinstance(document, dict) and isinstance(document.get("data"), list)


def read_squad(path: Path) -> list[SquadArticle]:
    """The articles of a SQuAD 2.0 file; :class:`SquadFormatError` names what is wrong."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not is_squad(document):
        raise SquadFormatError('not a SQuAD file: no top-level "data" list')
    return [_article(entry, number) for number, entry in enumerate(document["data"], start=1)]


def _article(entry: Any, number: int) -> SquadArticle:
    where = f"data[{number - 1}]"
    try:
        title = str(entry.get("title") or f"article {number}")
        contexts = [p["context"] for p in entry["paragraphs"]]
        offsets = _paragraph_offsets(contexts)
        questions = tuple(
            _question(qa, context, offset)
            for paragraph, context, offset in zip(
                entry["paragraphs"], contexts, offsets, strict=True
            )
            for qa in paragraph["qas"]
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise SquadFormatError(f"{where} is not a SQuAD article (missing {exc})") from exc
    return SquadArticle(title=title, text=PARAGRAPH_JOIN.join(contexts), questions=questions)


def _paragraph_offsets(contexts: list[str]) -> list[int]:
    offsets, position = [], 0
    for context in contexts:
        offsets.append(position)
        position += len(context) + len(PARAGRAPH_JOIN)
    return offsets


def _question(qa: dict[str, Any], context: str, offset: int) -> SquadQuestion:
    impossible = bool(qa.get("is_impossible", False)) or not qa.get("answers")
    answers = () if impossible else tuple(_locate(a, context, offset) for a in qa["answers"])
    return SquadQuestion(
        id=str(qa["id"]), question=str(qa["question"]), impossible=impossible, answers=answers
    )


def _locate(answer: dict[str, Any], context: str, offset: int) -> GoldSpan:
    """The answer's span in the article; a misaligned ``answer_start`` falls back to the
    occurrence of its text in the paragraph nearest to it (a few SQuAD answers are off)."""
    text, start = str(answer["text"]), int(answer["answer_start"])
    if context[start : start + len(text)] != text:
        found = [m.start() for m in re.finditer(re.escape(text), context)]
        if found:
            start = min(found, key=lambda at: abs(at - start))
    return GoldSpan(text=text, start=offset + start, end=offset + start + len(text))
