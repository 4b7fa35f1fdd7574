"""From ranked passages to an answer: the sentence(s) that answer, or an honest refusal.

The answer is extractive: it quotes the article, so it cannot say anything the article
does not. It is the best sentence of the top passages, plus a second one when that is
nearly as good (or the question asks two things), in article order, each followed by a
``[n]`` marker pointing at the citation whose passage contains it; a very long sentence
is cut down to the clauses that answer. A short sentence right after the best one is
quoted too when it fits uncut, because it often completes it.

Refusing is decided from signals that do not depend on the exact scale of the embedding
model's similarities: a name the article never mentions, a question none of whose words
the article uses, or a question that asks for a kind of thing (a number, a date, a
share) that none of the best sentences holds. A question the article does answer is
refused only on that evidence, because a wrong refusal fails the user too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from antqa.conversation import SearchPlan
from antqa.index import ArticleIndex
from antqa.lexical import LexicalIndex, tokenize
from antqa.models import Answer, Citation, Hit, Sentence
from antqa.questions import AnswerKind
from antqa.retrieval import Scores

NOT_COVERED = (
    "The article doesn't say{reason}. The closest passages are listed below in case they help."
)
_KIND_NOUN = {
    AnswerKind.COUNT: "a number",
    AnswerKind.AMOUNT: "an amount",
    AnswerKind.SHARE: "a share or rate",
    AnswerKind.DURATION: "a length of time",
    AnswerKind.AGE: "an age",
    AnswerKind.TIME: "a date or time",
    AnswerKind.PLACE: "a place",
}
_TERMINAL = re.compile(r"[.!?…。！？][”’\"')\]]*$")
_CLAUSE_BREAK = re.compile(r"(?<=[;,:])\s+")
_ELLIPSIS = "…"


@dataclass(frozen=True)
class AnswerPolicy:
    """Knobs of the answer step (tuned on the development and extra sets, see the notes)."""

    max_answer_chars: int = 600
    candidate_passages: int = 3
    second_margin: float = 0.4
    next_bonus: float = 0.1
    repeat_penalty: float = 1.0
    own_weight: float = 0.5
    kind_bonus: float = 0.3
    long_sentence_chars: int = 300
    follower_chars: int = 80
    kind_depth: int = 6
    kind_passages: int = 2
    unrelated_similarity: float = 0.3
    unknown_words_similarity: float = 0.4


@dataclass(frozen=True)
class Composition:
    """The answer text and the sentences it quotes, the best first (a follow-up looks near it)."""

    text: str
    sentence_ids: tuple[int, ...]


class Answerer:
    """Builds :class:`Answer` objects from retrieval results."""

    def __init__(
        self, index: ArticleIndex, lexicon: LexicalIndex, policy: AnswerPolicy | None = None
    ) -> None:
        self.index = index
        self.lexicon = lexicon
        self.policy = policy or AnswerPolicy()

    # ------------------------------------------------------------------ refusing

    def doubt(self, plan: SearchPlan, hits: list[Hit], scores: Scores) -> str | None:
        """Why the article does not answer the question, or ``None`` if it may well.

        The wording completes "The article doesn't say…".
        """
        question = scores.question
        missing = [n for n in question.names if not self.lexicon.resembles_known(n)]
        if missing:
            return f" — it never mentions {_named(question.text, missing[0])}"
        follow_up = plan.strength >= 1.0
        unknown_words = question.tokens and not any(map(self.lexicon.known, question.tokens))
        closest = float(scores.dense.max(initial=0.0))
        if not follow_up and (
            closest < self.policy.unrelated_similarity
            or (unknown_words and closest < self.policy.unknown_words_similarity)
        ):
            return " anything about that"
        if self._kind_applies(scores) and not self.holders(hits, scores):
            return f" — none of its passages on this gives {_KIND_NOUN[question.kind]}"
        return None

    @staticmethod
    def _kind_applies(scores: Scores) -> bool:
        """The answer must hold the kind asked for (a question asking two things may not)."""
        return scores.question.kind is not AnswerKind.ANY and not scores.question.compound

    def holders(self, hits: list[Hit], scores: Scores) -> set[int]:
        """Sentences near the top that hold the kind of answer asked for.

        Near the top means among the ``kind_depth`` most relevant sentences and inside the
        first ``kind_passages`` passages: a date in some far-off sentence answers nothing.
        """
        top = np.argsort(-scores.relevance, kind="stable")[: self.policy.kind_depth]
        near = {s for hit in hits[: self.policy.kind_passages] for s in hit.chunk.sentence_ids}
        return {int(s) for s in top if s in near and scores.held[s]}

    # ------------------------------------------------------------------ composing

    def _candidates(self, hits: list[Hit], plan: SearchPlan, scores: Scores) -> dict[int, float]:
        """Answer score of every sentence of the top passages."""
        ids = {s for hit in hits[: self.policy.candidate_passages] for s in hit.chunk.sentence_ids}
        own = self.policy.own_weight
        values = {
            s: float(scores.relevance[s] + own * (scores.dense[s] + scores.coverage[s]))
            for s in ids
        }
        if plan.strength >= 1.0:  # a follow-up wants something new, not the last answer again
            for s in plan.anchors:
                if s in values:
                    values[s] -= self.policy.repeat_penalty * (2 if plan.continuation else 1)
        if self._kind_applies(scores):
            holders = self.holders(hits, scores)
            return {s: v for s, v in values.items() if s in holders} or values
        if scores.question.kind is not AnswerKind.ANY:
            for s in values:
                values[s] += self.policy.kind_bonus * bool(scores.held[s])
        return values

    def choose(self, hits: list[Hit], plan: SearchPlan, scores: Scores) -> list[Sentence]:
        """The one or two sentences that answer, the best first."""
        values = self._candidates(hits, plan, scores)
        if not values:
            return []
        first = max(values, key=lambda s: values[s])
        best = values[first]
        # What follows the best sentence often completes it ("... labeled Ant Financial."
        # -> "This label is called ..."), so it competes with a bonus for second place.
        seconds = {
            s: v + self.policy.next_bonus * abs(best) * (s == first + 1)
            for s, v in values.items()
            if s != first
        }
        chosen = [first]
        if seconds:
            other = max(seconds, key=lambda s: seconds[s])
            close = seconds[other] >= best - self.policy.second_margin * abs(best)
            if close or scores.question.compound:
                chosen.append(other)
        chosen = self._complete_fragments(self._add_short_follower(chosen))
        return [self.index.sentences[s] for s in dict.fromkeys(chosen)]

    def _add_short_follower(self, chosen: list[int]) -> list[int]:
        """A short sentence right after the best one usually completes it ("... the strategy
        meeting." -> "Only then did X come into existence."), so it is quoted too when it
        costs no cut: the answer stays within its length and no long sentence is trimmed.
        """
        follower = chosen[0] + 1
        sentences = self.index.sentences
        if follower >= len(sentences) or follower in chosen:
            return chosen
        if sentences[follower].paragraph != sentences[chosen[0]].paragraph:
            return chosen  # a caption or a new paragraph does not complete the sentence
        if len(sentences[follower].text) > self.policy.follower_chars:
            return chosen
        texts = [sentences[s].text for s in (*chosen, follower)]
        fits = sum(len(t) + 5 for t in texts) <= self.policy.max_answer_chars
        if not fits or max(map(len, texts)) > self.policy.long_sentence_chars:
            return chosen
        return [*chosen, follower]

    def _complete_fragments(self, chosen: list[int]) -> list[int]:
        """A unit cut at a line break ("Peng Lei also asked") is joined to what follows.

        Only when what follows goes on in lower case: a heading or caption without a full
        stop is followed by a new sentence, not by its own continuation.
        """
        sentences = self.index.sentences
        completed = list(chosen)
        for s in chosen:
            if (
                not _TERMINAL.search(sentences[s].text)
                and s + 1 < len(sentences)
                and sentences[s + 1].text[:1].islower()
            ):
                completed.append(s + 1)
        return completed

    def _fit(self, sentence: Sentence, scores: Scores, limit: int) -> str:
        """The sentence, or its clauses that best match the question when it is too long."""
        if len(sentence.text) <= limit:
            return sentence.text
        clauses = _CLAUSE_BREAK.split(sentence.text)
        tokens = scores.question.tokens
        weights = [self.lexicon.share_in(clause, tokens) for clause in clauses]
        best = max(range(len(clauses)), key=lambda i: weights[i])
        first = last = best
        while True:
            grown = False
            for step in (last + 1, first - 1):
                if 0 <= step < len(clauses):
                    lo, hi = min(first, step), max(last, step)
                    if len(" ".join(clauses[lo : hi + 1])) <= limit - 2:
                        first, last, grown = lo, hi, True
                        break
            if not grown:
                break
        text = " ".join(clauses[first : last + 1])
        if len(text) > limit - 2:
            text = text[: limit - 2].rsplit(" ", 1)[0]
        prefix = _ELLIPSIS if first > 0 else ""
        suffix = _ELLIPSIS if last < len(clauses) - 1 or not sentence.text.endswith(text) else ""
        return f"{prefix}{text}{suffix}"

    def compose(self, sentences: list[Sentence], citations: list[Citation], scores: Scores) -> str:
        """The quoted sentences in article order, each run of them marked once.

        A run is the consecutive sentences one citation holds; its marker follows it:
        "S1 S2 [1] S3 [2]".
        """
        parts: list[tuple[str, int]] = []
        used = 0
        for sentence in sentences:
            number = _citing(sentence, citations)
            if number is None:
                continue
            budget = self.policy.max_answer_chars - used - len(f" [{number}]") - 1
            if budget < 40:
                break
            # A sentence alone may use the whole answer; next to others a long one is cut.
            alone = len(sentences) == 1
            text = self._fit(
                sentence, scores, budget if alone else min(budget, self.policy.long_sentence_chars)
            )
            parts.append((text, number))
            used += len(text) + len(f" [{number}]") + 1
        return " ".join(
            f"{text} [{number}]" if following is None or following[1] != number else text
            for (text, number), following in zip(parts, [*parts[1:], None], strict=True)
        )

    # ------------------------------------------------------------------ the answer

    def citations(self, hits: list[Hit], quoted: list[Sentence]) -> list[Citation]:
        """Numbered citations, one per hit, quoting the answer's sentences they hold."""
        citations = []
        for n, hit in enumerate(hits, start=1):
            inside = [s for s in quoted if hit.chunk.start <= s.start and s.end <= hit.chunk.end]
            quote_start, quote_end = _quote_span(hit, inside)
            citations.append(
                Citation(
                    n=n,
                    chunk_id=hit.chunk.id,
                    paragraph=hit.chunk.paragraph,
                    start=hit.chunk.start,
                    end=hit.chunk.end,
                    text=hit.chunk.text,
                    quote=self.index.article[quote_start:quote_end],
                    quote_start=quote_start,
                    quote_end=quote_end,
                    score=round(hit.score, 4),
                )
            )
        return citations

    def answer(
        self,
        plan: SearchPlan,
        hits: list[Hit],
        scores: Scores,
        *,
        conversation_id: str,
        model: str,
    ) -> tuple[Answer, Composition]:
        """The answer object for these hits, and what it quoted."""
        reason = self.doubt(plan, hits, scores) if hits else " anything about that"
        quoted = self.choose(hits, plan, scores) if reason is None else []
        if not quoted:
            text = NOT_COVERED.format(reason=reason or "")
            refused = self.refusal(text, hits, conversation_id=conversation_id, model=model)
            return refused, Composition(text, ())
        citations = self.citations(hits, quoted)
        text = self.compose(sorted(quoted, key=lambda s: s.start), citations, scores)
        answer = Answer(
            answer=text,
            answerable=True,
            citations=citations,
            conversation_id=conversation_id,
            model=model,
        )
        return answer, Composition(text, tuple(s.id for s in quoted))

    def refusal(self, text: str, hits: list[Hit], *, conversation_id: str, model: str) -> Answer:
        """An ``answerable: false`` answer with ``text``, still listing the closest passages."""
        return Answer(
            answer=text,
            answerable=False,
            citations=self.citations(hits, []),
            conversation_id=conversation_id,
            model=model,
        )


def _citing(sentence: Sentence, citations: list[Citation]) -> int | None:
    """The number of the first citation whose passage holds ``sentence``."""
    for citation in citations:
        if citation.start <= sentence.start and sentence.end <= citation.end:
            return citation.n
    return None


def _quote_span(hit: Hit, inside: list[Sentence]) -> tuple[int, int]:
    """The answer's sentences in this passage (from the first to the last), else the
    sentence the passage was chosen for."""
    if inside:
        return min(s.start for s in inside), max(s.end for s in inside)
    if hit.best_sentence is not None:
        return hit.best_sentence.start, hit.best_sentence.end
    return hit.chunk.start, hit.chunk.end


def _named(text: str, stem: str) -> str:
    """The capitalised name in ``text`` that holds the word stemmed ``stem`` ("Jack Ma")."""
    for match in re.finditer(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", text):
        words = match.group().split()
        while words and not tokenize(words[0]):  # "Is Python" -> "Python"
            words.pop(0)
        if stem in tokenize(" ".join(words)):
            return " ".join(words).removesuffix("'s").removesuffix("’s")
    return stem
