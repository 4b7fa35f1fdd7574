"""Typed records that flow through the core, and the answer object every adapter returns.

``Chunk``/``Sentence``/``Hit`` are internal and cheap (dataclasses); ``Answer`` and
``Citation`` are the public contract (pydantic), serialised as-is by the HTTP API and
``antqa ask --json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a clause of a very long one) located in the article."""

    id: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """A passage of whole sentences; ``article[start:end] == text`` always."""

    id: str
    start: int
    end: int
    paragraph: int
    text: str
    sentence_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved chunk with its fused relevance score and the sentence that scored best."""

    chunk: Chunk
    score: float
    best_sentence: Sentence | None = None


class Citation(BaseModel):
    """One cited passage: where it is in the article and the sentence that answers."""

    model_config = ConfigDict(frozen=True)

    n: int = Field(description="The marker number used in the answer text, e.g. [1].")
    chunk_id: str = Field(description="Stable id of the passage in the index.")
    paragraph: int = Field(
        description="1-based number of the article's paragraph that holds the quote."
    )
    start: int = Field(description="Character offset where the passage starts in the article.")
    end: int = Field(description="Character offset where the passage ends (exclusive).")
    text: str = Field(description="The passage, exactly article[start:end].")
    quote: str = Field(description="The sentence inside the passage that answers the question.")
    quote_start: int = Field(description="Character offset of the quote in the article.")
    quote_end: int = Field(description="Character offset where the quote ends (exclusive).")
    score: float = Field(description="Relevance score of the passage (higher is better).")
    cited: bool = Field(
        default=True,
        description="True when the answer text uses this passage (it has an [n] marker in "
        "the answer); false for related reading the answer does not use.",
    )


class ShortAnswer(BaseModel):
    """The name, date, number, place or short phrase that answers, located in the article."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The short answer, exactly article[start:end].")
    start: int = Field(description="Character offset where it starts in the article.")
    end: int = Field(description="Character offset where it ends (exclusive).")


class Answer(BaseModel):
    """What antqa says to a question: a concise extractive answer and its citations."""

    answer: str = Field(description="The answer, with [n] markers pointing at citations.")
    short_answer: ShortAnswer | None = Field(
        default=None,
        description="The short span that answers (a name, date, number, place), given only "
        "when confident; null otherwise.",
    )
    answerable: bool = Field(description="False when the article does not answer the question.")
    citations: list[Citation] = Field(default_factory=list)
    conversation_id: str = Field(description="Pass it back to ask a follow-up.")
    model: str = Field(description="The embedding model that ranked the passages.")
    notice: str | None = Field(
        default=None,
        description="Something the asker should know, e.g. that an unknown conversation "
        "id started a new conversation.",
    )

    @property
    def cited(self) -> list[Citation]:
        """The citations the answer uses (none for a refusal), in marker order."""
        return [c for c in self.citations if self.answerable and c.cited]

    @property
    def related_reading(self) -> list[Citation]:
        """The passages shown apart, unnumbered: those the answer does not use, and all of
        a refusal's (a refusal cites nothing)."""
        return [c for c in self.citations if not (self.answerable and c.cited)]
