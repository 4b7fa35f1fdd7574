"""The answer text from the chosen sentences: in which order they are read, cut
to the clauses that answer when long, each marked ``[n]`` with the citation it quotes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from antqa.answering.policy import AnswerPolicy
from antqa.index import ArticleIndex
from antqa.lexical import LexicalIndex
from antqa.models import Chunk, Citation, Hit, Sentence, ShortAnswer
from antqa.retrieval import Scores
from antqa.short_answers import ShortAnswerFinder

_CLAUSE_BREAK = re.compile(r"(?<=[;,:])\s+")
_ELLIPSIS = "…"
#: The least room left in the answer that another sentence is quoted in: 40 characters,
#: under which a cut of it would be a few words out of their sentence.
_LEAST_PART_CHARS = 40


@dataclass(frozen=True)
class Part:
    """One quoted sentence as the answer reads it (maybe cut), and the hit citing it."""

    text: str
    hit: int
    sentence: Sentence


def _holds_short(sentence: Sentence, short: ShortAnswer | None) -> bool:
    """Whether the short answer starts inside ``sentence``."""
    return short is not None and sentence.start <= short.start < sentence.end


def hit_holding(sentence: Sentence, hits: list[Hit]) -> int | None:
    """The first (best-ranked) hit whose passage holds ``sentence``."""
    for h, hit in enumerate(hits):
        if hit.chunk.start <= sentence.start and sentence.end <= hit.chunk.end:
            return h
    return None


def _quote_span(hit: Hit, inside: list[Sentence]) -> tuple[int, int]:
    """The answer's sentences in this passage (from the first to the last), else the
    sentence the passage was chosen for."""
    if inside:
        return min(s.start for s in inside), max(s.end for s in inside)
    if hit.best_sentence is not None:
        return hit.best_sentence.start, hit.best_sentence.end
    return hit.chunk.start, hit.chunk.end


class Composer:
    """Writes the answer text and its citations from the sentences chosen."""

    def __init__(
        self,
        index: ArticleIndex,
        lexicon: LexicalIndex,
        policy: AnswerPolicy,
        centred_window: Callable[[int], Chunk],
        short: ShortAnswerFinder,
    ) -> None:
        self.index = index
        self.lexicon = lexicon
        self.policy = policy
        #: Tells a clear cut whether the clauses it drops could hold the answer instead
        #: (:meth:`_clear_cut`).
        self.short = short
        #: The stored window centred nearest on a sentence: what a passage citing it quotes
        #: when no retrieved passage holds it (:meth:`Retriever.centred_window`).
        self.centred_window = centred_window

    def _fit(
        self,
        sentence: Sentence,
        scores: Scores,
        limit: int,
        keep: ShortAnswer | None = None,
        names: frozenset[str] = frozenset(),
        toward: Callable[[str], bool] | None = None,
    ) -> str:
        """The sentence, or its clauses that best match the question when it is too long.

        The clause holding the short answer (``keep``) is the one kept first, so a cut
        never removes the answering words; else one writing ``names`` (a second hop's
        person, :attr:`Choice.kept`), whose clause tells what is asked of them. The cut
        grows from it a clause at a time, the next one first; toward the clauses
        ``toward`` holds first when they all lie before it.
        """
        if len(sentence.text) <= limit:
            return sentence.text
        clauses = _CLAUSE_BREAK.split(sentence.text)
        tokens = scores.question.tokens
        weights = [
            self.lexicon.share_in(clause, tokens) + any(name in clause for name in names)
            for clause in clauses
        ]  # a name adds 1, above any share (at most 1)
        if keep is not None and _holds_short(sentence, keep):
            at = keep.start - sentence.start
            offsets = [sentence.text.find(c) for c in clauses]
            holding = max(i for i, o in enumerate(offsets) if o <= at)
            weights[holding] += 2.0  # above any share (at most 1): this clause first
        best = max(range(len(clauses)), key=lambda i: weights[i])
        first = last = best
        wanted = [i for i, clause in enumerate(clauses) if toward(clause)] if toward else []
        while True:
            grown = False
            steps = (last + 1, first - 1)
            if any(i < first for i in wanted) and not any(i > last for i in wanted):
                steps = steps[::-1]
            for step in steps:
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

    def _clear_cut(
        self, sentence: Sentence, scores: Scores, limit: int, keep: ShortAnswer | None
    ) -> str | None:
        """The clauses around a clear short answer, or None (the sentence is then quoted as
        any other).

        First to ``safe_cut_chars``, kept only when the clauses cut away hold no span of
        the kind the question asks for: the short answer may be the wrong one of two ("In
        January 2010 Dorothea Pellicer, ..., noted in a letter to the journal Marine
        Chemistry Letters that ...": "Who noticed ...?"). Else a sentence longer than
        ``clear_cut_chars`` is cut to that length all the same (whole it would cost more
        reading than the risk is worth), and a shorter one is not cut.
        """
        safe = self._cut_around(sentence, scores, min(limit, self.policy.safe_cut_chars), keep)
        if safe is not None and not self._drops_candidate(sentence, safe, scores):
            return safe
        if len(sentence.text) <= self.policy.clear_cut_chars:
            return None
        clear = min(limit, self.policy.clear_cut_chars)
        cut = self._cut_around(sentence, scores, clear, keep)
        if cut is None or not self._drops_candidate(sentence, cut, scores):
            return cut
        # grown toward the clauses holding a span of the kind asked: the short answer may
        # be the wrong one of two ("…who had heard the Concert Overture …, persuaded her
        # husband" dropped "Countess Amalie von Lindholm", the one asked for)
        toward = partial(self.short.holds_candidate, scores.question)
        return self._cut_around(sentence, scores, clear, keep, toward) or cut

    def _drops_candidate(self, sentence: Sentence, cut: str, scores: Scores) -> bool:
        """Whether the clauses of ``sentence`` that ``cut`` leaves out hold a span that could
        answer the question (:meth:`ShortAnswerFinder.holds_candidate`)."""
        dropped = sentence.text.replace(cut.strip(_ELLIPSIS), " ")
        return self.short.holds_candidate(scores.question, dropped)

    def _cut_around(
        self,
        sentence: Sentence,
        scores: Scores,
        limit: int,
        keep: ShortAnswer | None,
        toward: Callable[[str], bool] | None = None,
    ) -> str | None:
        """The clauses around the short answer within ``limit``, or None when the cut may
        have dropped the answer:

        - it does not show the short answer whole (one clause longer than the limit is cut
          at a word: "... after Jonas…" for "Jonas Elvestad");
        - the clauses cut away hold more than ``cut_away_share`` times the share of the
          question's words (IDF-weighted) that the kept ones hold: then they tell what is
          asked and the short answer is likely of something else ("Ravn originally placed
          the animal in the genus Hydrogale, but a 1968 revision by ... of the University
          of Tarnholm moved it to the newly created genus Petrotriton ..." was cut to its
          first clause for "At which institution did the scientist who created the genus
          Petrotriton work?").
        """
        text = self._fit(sentence, scores, limit, keep, toward=toward)
        if text == sentence.text:
            return text
        kept = text.strip(_ELLIPSIS)
        if keep is not None and keep.text not in kept:
            return None
        dropped = sentence.text.replace(kept, " ")
        tokens = scores.question.tokens
        held = self.lexicon.share_in(kept, tokens)
        if self.lexicon.share_in(dropped, tokens) > self.policy.cut_away_share * held:
            return None
        return text

    def compose(
        self,
        sentences: list[Sentence],
        holders: list[int],
        scores: Scores,
        keep: ShortAnswer | None = None,
        hedged: bool = False,
        kept: Mapping[int, frozenset[str]] | None = None,
        answering: int | None = None,
    ) -> list[Part]:
        """The quoted sentences as parts, in the order they will be read.

        ``holders`` gives, per sentence, the hit whose passage cites it. Sentences are
        grouped by that passage, the best-ranked passage first (so the first marker is the
        passage retrieval trusts most), each group in article order: "S1 S2 [1] S3 [2]";
        but the passage holding ``answering`` (:attr:`Choice.answering`) comes first: the
        others only say whom the question asks about, and retrieval trusts them most for
        matching that description, not for telling what is asked of them.
        With ``hedged``, the last sentence (:meth:`SentenceChooser.runner_up`) is read last,
        whatever its passage: it is a second guess, and the first marker stays the choice's.
        ``kept`` gives, per sentence id, the names a cut of it keeps first (:meth:`_fit`).
        """
        kept = kept or {}
        pairs = list(zip(sentences, holders, strict=True))
        tail = [pairs.pop()] if hedged and len(pairs) > 1 else []
        lead = next((h for s, h in pairs if s.id == answering), None)
        ordered = sorted(pairs, key=lambda p: (p[1] != lead, p[1], p[0].start)) + tail
        parts: list[Part] = []
        used = 0
        for sentence, hit in ordered:
            budget = self.policy.max_answer_chars - used - len(" [9]") - 1
            if budget < _LEAST_PART_CHARS:
                break
            # A sentence alone may use the whole answer; next to others a long one is cut.
            alone = len(ordered) == 1
            limit = budget if alone else min(budget, self.policy.long_sentence_chars)
            text = None
            if _holds_short(sentence, keep) and not scores.question.compound:
                # the clauses around a clear short answer say it: the rest is reading
                text = self._clear_cut(sentence, scores, limit, keep)
            text = text or self._fit(
                sentence, scores, limit, keep, kept.get(sentence.id, frozenset())
            )
            parts.append(Part(text, hit, sentence))
            used += len(text) + len(" [9]") + 1
        return parts

    def citations(
        self, hits: list[Hit], quoted: dict[int, list[Sentence]], order: list[int]
    ) -> list[Citation]:
        """The cited passages numbered in order of first use, then the others, not cited.

        ``quoted`` maps a hit to the answer's sentences its passage quotes; ``order`` lists
        the hits in the order the answer first uses them. A passage the answer does not
        use quotes the sentence it was retrieved for, marked ``cited: false``.
        """
        ranked = order + [h for h in range(len(hits)) if h not in order]
        citations = []
        for n, h in enumerate(ranked, start=1):
            hit, inside = hits[h], quoted.get(h, [])
            quote_start, quote_end = _quote_span(hit, inside)
            citations.append(
                Citation(
                    n=n,
                    chunk_id=hit.chunk.id,
                    paragraph=self._paragraph_at(quote_start, hit),
                    start=hit.chunk.start,
                    end=hit.chunk.end,
                    text=hit.chunk.text,
                    quote=self.index.article[quote_start:quote_end],
                    quote_start=quote_start,
                    quote_end=quote_end,
                    score=round(hit.score, 4),
                    cited=h in order,
                )
            )
        return citations

    def _paragraph_at(self, offset: int, hit: Hit) -> int:
        """The paragraph holding the character at ``offset`` (the quote, not the passage)."""
        for s in hit.chunk.sentence_ids:
            sentence = self.index.sentences[s]
            if sentence.start <= offset < sentence.end:
                return sentence.paragraph
        return hit.chunk.paragraph

    def passages_for(self, chosen: list[Sentence], hits: list[Hit], scores: Scores) -> list[Hit]:
        """``hits`` with the last ones that hold no chosen sentence replaced by passages
        around the chosen sentences no hit holds, so that the answer quotes them: the ones
        read with the best for what it leaves out (the incident a "These two incidents ..."
        sums up, told 17 sentences before, the sentence a "he" stands for) may lie outside
        every retrieved passage. Not a short sentence after the best, quoted only when it
        costs nothing (:meth:`SentenceChooser._add_short_follower`): a citation is a cost. The best
        hit is never replaced: the first citation stays the passage retrieval trusts most."""
        best = chosen[0].id if chosen else -1
        missing = [
            s
            for s in chosen
            if hit_holding(s, hits) is None
            and not (s.id == best + 1 and len(s.text) <= self.policy.follower_chars)
        ]
        if not missing:
            return hits
        hits = list(hits)
        spare = [
            h
            for h in range(len(hits) - 1, 0, -1)
            if all(hit_holding(s, [hits[h]]) is None for s in chosen)
        ]
        for sentence, h in zip(missing, spare, strict=False):
            chunk = self.centred_window(sentence.id)
            hits[h] = Hit(chunk, float(scores.relevance[sentence.id]), sentence)
        return hits

    def cite(
        self,
        hits: list[Hit],
        quoted: list[Sentence],
        scores: Scores,
        keep: ShortAnswer | None = None,
        hedged: bool = False,
        kept: Mapping[int, frozenset[str]] | None = None,
        answering: int | None = None,
    ) -> tuple[str, list[Citation]]:
        """The answer text quoting ``quoted`` (the best first) with ``[n]`` markers, and
        the citations: the ones it uses numbered in order of first use, then the rest
        (``kept``: per sentence, the names a cut of it keeps first; ``answering``: the
        sentence whose passage is read first, :meth:`compose`)."""
        parts = self._parts(hits, quoted, scores, keep, hedged, kept, answering)
        text, order = _marked(parts)
        by_hit: dict[int, list[Sentence]] = {}
        for part in parts:
            by_hit.setdefault(part.hit, []).append(part.sentence)
        return text, self.citations(hits, by_hit, order)

    def quote(
        self, hits: list[Hit], quoted: list[Sentence], scores: Scores, keep: ShortAnswer | None
    ) -> str:
        """The text :meth:`cite` gives ``quoted``, without building the citations: what a
        follow-up reads of an answer that hedged (:class:`~antqa.answering.Composition`)."""
        return _marked(self._parts(hits, quoted, scores, keep))[0]

    def _parts(
        self,
        hits: list[Hit],
        quoted: list[Sentence],
        scores: Scores,
        keep: ShortAnswer | None = None,
        hedged: bool = False,
        kept: Mapping[int, frozenset[str]] | None = None,
        answering: int | None = None,
    ) -> list[Part]:
        """:meth:`compose` of the ``quoted`` sentences a passage of ``hits`` holds."""
        holders = [hit_holding(s, hits) for s in quoted]
        return self.compose(
            [s for s, h in zip(quoted, holders, strict=True) if h is not None],
            [h for h in holders if h is not None],
            scores,
            keep,
            hedged,
            kept,
            answering,
        )


def _marked(parts: list[Part]) -> tuple[str, list[int]]:
    """The parts' text with a ``[n]`` marker after each run from one passage, and the
    passages (hits) in the order of first use, which the markers number from 1."""
    order = list(dict.fromkeys(part.hit for part in parts))
    number = {hit: n for n, hit in enumerate(order, start=1)}
    text = " ".join(
        part.text
        if following is not None and following.hit == part.hit
        else f"{part.text} [{number[part.hit]}]"
        for part, following in zip(parts, [*parts[1:], None], strict=True)
    )
    return text, order
