"""The short answer: the name, date, number or place inside the answering sentence.

No generative model runs here, so the short answer is extractive and heuristic, and given
only when the question says plainly what kind of thing it wants ("who", "when", "how
many", "which country"): spans of that kind in the answer's sentences are candidates,
a candidate made of the question's own words is dropped (an answer rarely repeats its
question: "Who ruled the duchy of Normandy?" is not answered by "Normandy"), and the
candidate closest to the question's words that the sentence shares wins. A wrong short
answer is worse than none, so a question of an open kind ("what did she say?"), a
sentence with no candidate, or a sentence that shares too little of the question gives
none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from antqa.lexical import LexicalIndex, tokenize
from antqa.models import Sentence, ShortAnswer
from antqa.questions import AGE_AFTER_AT, MONTH_NAMES, NUMBER_WORDS, AnswerKind, Question


class Target(Enum):
    """What a short answer has to be, as far as the question says."""

    NAME = "name"  # who, which person / company / river
    TIME = "time"
    NUMBER = "number"  # how many
    AMOUNT = "amount"
    SHARE = "share"
    DURATION = "duration"
    AGE = "age"
    PLACE = "place"


_NUMBER_WORDS = f"one|{NUMBER_WORDS}"
_NUMBER = (
    rf"(?:\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?|"
    rf"(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))*)"
)
_MONTH = f"(?:{'|'.join(MONTH_NAMES)})"  # case-sensitive here: "may" is no month
_ORDINAL = r"\d+(?:st|nd|rd|th)"
#: Spans of each kind, as they are written in an English text.
_SPANS: dict[Target, re.Pattern[str]] = {
    Target.TIME: re.compile(
        rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{3,4}})?|\d{{1,2}}\s+{_MONTH}"
        rf"(?:\s+\d{{3,4}})?|(?:early |late |mid-?)?{_MONTH}(?:\s+(?:of\s+)?\d{{3,4}})?|"
        rf"(?:the\s+)?(?:early |late |mid-?)?{_ORDINAL}(?:\s+(?:and|or|to)\s+{_ORDINAL})?"
        rf"\s+(?:century|centuries|millennium)(?:\s+(?:BC|AD|BCE|CE))?|"
        r"(?:the\s+)?\d{3,4}s|(?<![\d,.])\d{3,4}(?![,.]\d)(?:\s*(?:–|-|to)\s*\d{2,4})?"
        r"(?:\s+(?:BC|AD|BCE|CE))?)\b"
    ),
    Target.NUMBER: re.compile(rf"\b{_NUMBER}\b", re.IGNORECASE),
    Target.AMOUNT: re.compile(
        rf"(?:[$¥€£]\s?\d[\d,.]*(?:\s+(?:million|billion|trillion))?|\b{_NUMBER}\s+"
        r"(?:yuan|rmb|dollars?|usd|euros?|pounds?|francs?|marks?|livres?|"
        r"(?:million|billion|trillion)(?:\s+(?:yuan|dollars?|euros?|pounds?))?))\b",
        re.IGNORECASE,
    ),
    Target.SHARE: re.compile(r"\b\d[\d.,]*\s*(?:%|percent\b|per cent\b)", re.IGNORECASE),
    Target.DURATION: re.compile(
        rf"\b(?:{_NUMBER}|a|an|several|a few)\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|"
        r"days?|weeks?|months?|years?|decades?|centuries)\b",
        re.IGNORECASE,
    ),
    Target.AGE: re.compile(
        r"\b\d+(?=\s*-?\s*years?[- ]old\b)|\b(?:aged?|age of) \d+\b|"
        rf"(?<=\bat ){AGE_AFTER_AT}"
    ),
}
#: A run of capitalised words, allowing the small words inside names ("William the
#: Conqueror", "Duchy of Normandy") and a Roman numeral at the end ("Richard I").
_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'.-]*[\w]|[A-Z])(?:\s+(?:(?:of|the|de|du|da|von|van|al|la|le|"
    r"and)\s+)*(?:[A-Z][\w’'-]*\w|[IVX]+)\b)*"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|into|across|of)\s+(?:the\s+)?$", re.I)
#: Words before a name that make it a place whatever it is ("in Syria"); after "of" or
#: "to" a name may be a person's too ("the command of Bohemond", "sister of Richard").
_ONLY_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|into|across)\s+(?:the\s+)?$", re.I)
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)$")
_LEADING = re.compile(r"^(?:(?:the|a|an|in|on|at|by|of|from|during|since)\s+)+", re.I)
_TRAILING = re.compile(r"(?:’s|'s|[,.;:])$")

_WHO = re.compile(r"^\W*(?:who|whom|whose)\b|\b(?:by|to|with|for|of) whom\b", re.I)
_WHICH_NOUN = re.compile(r"\b(?:what|which)\s+(?:\w+\s+){0,1}?(\w+)\b", re.I)
_WHAT_IS_THE = re.compile(
    r"^\W*(?:what|which)\s+(?:is|was|are|were)\s+(?:the|a|an)\s+"
    r"(?:(?!(?:of|in|on|at|for|to|by|from|with|and)\b)[\w'’-]+\s+){0,3}?([a-z]+)\s*\?*\s*$",
    re.I,
)
_TIME_NOUNS = frozenset(
    [
        "year",
        "years",
        "century",
        "centuries",
        "date",
        "day",
        "month",
        "decade",
        "era",
        "time",
        "period",
    ]
)
_NAMED_NOUNS = frozenset(
    [
        "person",
        "man",
        "woman",
        "king",
        "queen",
        "ruler",
        "leader",
        "duke",
        "count",
        "emperor",
        "company",
        "firm",
        "bank",
        "group",
        "family",
        "river",
        "city",
        "country",
        "town",
        "region",
        "province",
        "state",
        "nation",
        "island",
        "mountain",
        "team",
        "organization",
        "organisation",
        "institution",
        "university",
        "school",
        "party",
        "name",
        "title",
        "religion",
        "language",
        "people",
        "tribe",
        "dynasty",
        "church",
        "order",
        "army",
    ]
)
_PLACE_NOUNS = frozenset(
    ["city", "country", "town", "region", "province", "state", "nation", "island", "place"]
)
_TARGET_OF_KIND = {
    AnswerKind.COUNT: Target.NUMBER,
    AnswerKind.AMOUNT: Target.AMOUNT,
    AnswerKind.SHARE: Target.SHARE,
    AnswerKind.DURATION: Target.DURATION,
    AnswerKind.AGE: Target.AGE,
    AnswerKind.TIME: Target.TIME,
    AnswerKind.PLACE: Target.PLACE,
}


@dataclass(frozen=True)
class SpanPolicy:
    """Knobs of short-answer extraction (checked on the development, extra and Normans sets)."""

    #: The sentence must hold at least this IDF-weighted share of the question's words:
    #: below it the sentence is only loosely about the question and its names may be others.
    min_shared: float = 0.3
    #: Longest short answer, in words: a longer span is a clause, not a short answer.
    max_words: int = 6
    #: A candidate this many words or more from every shared question word is not trusted.
    max_distance: int = 12
    #: The winner must pull this many times harder than the runner-up: two names about
    #: as close to the question's words are a guess, and a wrong short answer misleads.
    margin: float = 1.3


def target(question: Question, ending: bool = False) -> Target | None:
    """The kind of short answer ``question`` asks for, or ``None`` if it asks for more.

    With ``ending``, also the kind the noun a "what was the ...?" question ends on wants
    ("What was the Norman religion?": a name): enough to prefer a sentence holding one,
    too loose to pick the short answer from it (that sentence names other things too).
    """
    if question.kind in _TARGET_OF_KIND:
        return _TARGET_OF_KIND[question.kind]
    text = question.text
    if _WHO.search(text):
        return Target.NAME
    match = _WHICH_NOUN.search(text)
    if match and re.match(r"^\W*(?:\w+\s+){0,3}?(?:what|which)\b", text, re.I):
        for word in (match.group(1), *(_asked_noun(text) if ending else [])):
            kind = _noun_target(word.lower())
            if kind is not None:
                return kind
    if re.match(r"^\W*where\b", text, re.I):
        return Target.PLACE
    return None


def _noun_target(word: str) -> Target | None:
    """The kind of short answer a question asking "what <word>" wants."""
    noun = word.rstrip("s")
    if noun in {"year", "century", "centurie", "date", "day", "month", "decade"}:
        return Target.TIME
    if noun in _PLACE_NOUNS:
        return Target.PLACE
    if noun in _NAMED_NOUNS or word in _NAMED_NOUNS:
        return Target.NAME
    return None


def _asked_noun(text: str) -> list[str]:
    """The noun a "what is/was the ...?" question ends on ("What was the Norman
    religion?" -> "religion")."""
    match = _WHAT_IS_THE.search(text)
    return [match.group(1)] if match else []


def _candidates(kind: Target, text: str) -> list[tuple[int, int]]:
    """Spans of ``kind`` in ``text`` (offsets into it), leading small words stripped."""
    if kind in (Target.NAME, Target.PLACE):
        spans = []
        for match in _NAME.finditer(text):
            if kind is Target.PLACE and not _PLACE_BEFORE.search(text[: match.start()]):
                continue
            spans.append((match.start(), match.end()))
    else:
        spans = [(m.start(), m.end()) for m in _SPANS[kind].finditer(text)]
    return [span for span in map(lambda s: _trim(text, *s), spans) if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading articles/prepositions and a trailing possessive or stop."""
    lead = _LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    tail = _TRAILING.search(text[start:end])
    if tail:
        end -= len(tail.group())
    return start, end


@lru_cache(maxsize=4096)
def _word_positions(text: str) -> tuple[tuple[int, str], ...]:
    """(character offset, stemmed token) of each content word of ``text`` (remembered:
    the answer step asks about the same sentences of the article again and again)."""
    out = []
    for match in re.finditer(r"[^\W_]+", text):
        tokens = tokenize(match.group())
        if tokens:
            out.append((match.start(), tokens[0]))
    return tuple(out)


class ShortAnswerFinder:
    """Finds the short answer in the answer's sentences, or decides to give none."""

    def __init__(
        self, lexicon: LexicalIndex, article: str, policy: SpanPolicy | None = None
    ) -> None:
        self.lexicon = lexicon
        self.policy = policy or SpanPolicy()
        #: Words the article also writes in lower case: a capital there only opens a
        #: sentence ("Soon", "May"), it does not make a name.
        self.common = frozenset(re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", article))
        #: Names the article writes as places somewhere ("in England"): after "of" such a
        #: name is a place ("King of England"), another name after "of" may be a person.
        self.places = frozenset(
            match.group()
            for match in _NAME.finditer(article)
            if _ONLY_PLACE_BEFORE.search(article[max(0, match.start() - 12) : match.start()])
        )

    def find(self, question: Question, sentences: list[Sentence]) -> ShortAnswer | None:
        """The short answer inside ``sentences`` (the best first), when confident."""
        kind = target(question)
        if kind is None:
            return None
        asked = set(question.tokens)
        for sentence in sentences:
            if self.lexicon.share_in(sentence.text, question.tokens) < self.policy.min_shared:
                continue
            span = self._best_span(kind, sentence.text, asked)
            if span is not None:
                start, end = sentence.start + span[0], sentence.start + span[1]
                return ShortAnswer(text=sentence.text[span[0] : span[1]], start=start, end=end)
        return None

    def _is_name(self, kind: Target, text: str, start: int, end: int) -> bool:
        """Whether the capitalised run ``text[start:end]`` can be a name of ``kind``.

        Not a word the article also writes in lower case, not a single word that qualifies
        the next one ("Turkish forces", "Norman mercenary"), and for a person not a place
        ("of England", "in Syria").
        """
        words = text[start:end].split()
        capitals = [w for w in words if w[:1].isupper()]
        if all(w.lower() in self.common for w in capitals) or not tokenize(text[start:end]):
            return False  # "Soon", "The", but not "Duke Richard" (a title before a name)
        if len(words) == 1 and re.match(r"\s+[a-z]", text[end:]):
            return False
        if kind is Target.PLACE or not _PLACE_BEFORE.search(text[:start]):
            return True
        return not _ONLY_PLACE_BEFORE.search(text[:start]) and text[start:end] not in self.places

    def offers(self, question: Question, text: str) -> bool:
        """Whether ``text`` holds a span of the kind ``question`` asks for, near its words.

        It need not be a confident short answer (two names may tie): the answering step
        uses it to prefer, among sentences about the question, one that can answer it
        ("Who commissioned the Tapestry?": the sentence naming who, not the one that only
        describes the Tapestry).
        """
        kind = target(question, ending=True)
        return kind is not None and bool(self._pulls(kind, text, set(question.tokens)))

    def _without_place(self, text: str, start: int, end: int) -> int:
        """Where a person's name ends before an "of" and a place ("King Charles III of
        West Francia" -> "King Charles III"): the place says where they ruled."""
        tail = _OF_PLACE.search(text, start, end)
        if tail is not None and tail.start() > start and tail.group(1) in self.places:
            return tail.start()
        return end

    def _best_span(self, kind: Target, text: str, asked: set[str]) -> tuple[int, int] | None:
        """The candidate closest (in content words) to the question's words the sentence
        shares, each word weighted by its rarity, when it clearly beats the others."""
        pulls = self._pulls(kind, text, asked)
        if not pulls:
            return None
        rivals = [p for p, span in pulls[1:] if text[slice(*span)] != text[slice(*pulls[0][1])]]
        if rivals and pulls[0][0] < self.policy.margin * rivals[0]:
            return None
        return pulls[0][1]

    def _pulls(
        self, kind: Target, text: str, asked: set[str]
    ) -> list[tuple[float, tuple[int, int]]]:
        """Each candidate span with how hard the question's words pull at it, the strongest
        first; a candidate made of the question's words or far from them is none."""
        words = _word_positions(text)
        shared = [i for i, (_, token) in enumerate(words) if token in asked]
        if not shared:
            return []
        pulls: list[tuple[float, tuple[int, int]]] = []
        for start, end in _candidates(kind, text):
            tokens = tokenize(text[start:end])
            if tokens and sum(t in asked for t in tokens) * 2 >= len(tokens):
                continue  # mostly the question's own words
            if kind in (Target.NAME, Target.PLACE) and not self._is_name(kind, text, start, end):
                continue
            if kind is Target.NAME:
                end = self._without_place(text, start, end)
            if len(text[start:end].split()) > self.policy.max_words:
                continue
            inside = [i for i, (offset, _) in enumerate(words) if start <= offset < end]
            first = inside[0] if inside else _index_at(words, start)
            last = inside[-1] if inside else first - 1
            nearest: dict[str, int] = {}
            for i in shared:
                if not first <= i <= last:
                    gap = first - i if i < first else i - last
                    nearest[words[i][1]] = min(gap, nearest.get(words[i][1], gap))
            if not nearest or min(nearest.values()) > self.policy.max_distance:
                continue
            # Each question word the sentence shares pulls toward the spans near it, the
            # rarer words harder: the answer sits where the question's words gather.
            pull = sum(self.lexicon.idf(t) / (1 + gap) for t, gap in nearest.items())
            pulls.append((pull, (start, end)))
        pulls.sort(key=lambda p: -p[0])
        return pulls


def _index_at(words: Sequence[tuple[int, str]], offset: int) -> int:
    """The index of the first content word at or after ``offset``."""
    for i, (position, _) in enumerate(words):
        if position >= offset:
            return i
    return len(words)


__all__ = ["ShortAnswerFinder", "SpanPolicy", "Target", "target"]
