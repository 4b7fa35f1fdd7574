"""From ranked passages to an answer: the sentence(s) that answer, or an honest refusal.

The answer is extractive: it quotes the article, so it cannot say anything the article
does not. Each quoted sentence carries a ``[n]`` marker pointing at the citation whose
passage contains it.
"""

from __future__ import annotations

from dataclasses import dataclass

from antqa.index import ArticleIndex
from antqa.models import Answer, Citation, Hit
from antqa.retrieval import Scores

NOT_COVERED = "The article doesn't say. The closest passages are listed below in case they help."


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds of the answer step (calibrated on the development set)."""

    min_sentence_similarity: float = 0.30
    max_answer_chars: int = 600


class Answerer:
    """Builds :class:`Answer` objects from retrieval results."""

    def __init__(self, index: ArticleIndex, policy: AnswerPolicy | None = None) -> None:
        self.index = index
        self.policy = policy or AnswerPolicy()

    def citations(self, hits: list[Hit]) -> list[Citation]:
        """Numbered citations, one per hit, quoting each passage's best sentence."""
        citations = []
        for n, hit in enumerate(hits, start=1):
            quote = hit.best_sentence
            citations.append(
                Citation(
                    n=n,
                    chunk_id=hit.chunk.id,
                    paragraph=hit.chunk.paragraph,
                    start=hit.chunk.start,
                    end=hit.chunk.end,
                    text=hit.chunk.text,
                    quote=quote.text if quote else hit.chunk.text,
                    quote_start=quote.start if quote else hit.chunk.start,
                    quote_end=quote.end if quote else hit.chunk.end,
                    score=round(hit.score, 4),
                )
            )
        return citations

    def is_answerable(self, hits: list[Hit], scores: Scores) -> bool:
        """Whether the best sentence matches the question closely enough to answer it."""
        if not hits or hits[0].best_sentence is None:
            return False
        return float(scores.sentence_dense[hits[0].best_sentence.id]) >= (
            self.policy.min_sentence_similarity
        )

    def compose(self, hits: list[Hit]) -> str:
        """The best sentence with its marker, trimmed to the answer length limit."""
        best = hits[0].best_sentence
        text = best.text if best else hits[0].chunk.text
        limit = self.policy.max_answer_chars - len(" [1]")
        if len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0] + "…"
        return f"{text} [1]"

    def answer(
        self, hits: list[Hit], scores: Scores, *, conversation_id: str, model: str
    ) -> Answer:
        """The answer object for these hits."""
        answerable = self.is_answerable(hits, scores)
        return Answer(
            answer=self.compose(hits) if answerable else NOT_COVERED,
            answerable=answerable,
            citations=self.citations(hits),
            conversation_id=conversation_id,
            model=model,
        )
