"""The checks that a question moves a fact to another place, or asks a place within the
only place the sentences that would answer name."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from antqa.lexical import resembles, tokenize
from antqa.questions import PLACE_KINDS
from antqa.refusals.times import DATED_PART, DATED_PART_WORDS, is_time, topic_words

#: A capitalised word of a place's name ("Po", "St.", "Wacai.com", "Côte-d’Or").
_PLACE_WORD = r"[A-Z][\w'’.-]*"
#: A place the question pins with a preposition: "at Taobao", "in the Po Valley".
_AT_PLACE = re.compile(rf"\b(?:at|in|on|to|from)\s+(?:the\s+)?({_PLACE_WORD}(?:\s+{_PLACE_WORD})*)")


#: Nouns that end the name of an event, not of a place: "in the Great Candlemas Flood",
#: "during the Hundred Years War", "at the Treaty of ...": the question pins when, not where
#: (an answerable of the twelfth batch was refused for "Nederwold, not Great Candlemas
#: Flood"). General English words of events, none a set's.
_EVENT_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "flood floods war wars fire famine plague epidemic pandemic earthquake storm hurricane "
        "treaty accord agreement battle siege revolution rebellion uprising revolt riot riots "
        "strike crisis election elections referendum conference games championship "
        "championships cup final olympics expedition campaign act massacre disaster eruption "
        "outbreak",
    )
)
#: A question asking how far: a place after "from" is where it is measured from.
_DISTANCE = re.compile(r"\bhow\s+(?:far|close|near)\b|\bdistance\b", re.I)


def placed_elsewhere(
    question: str,
    sentences: Sequence[str],
    names: Collection[str],
    languages: Collection[str] = frozenset(),
) -> tuple[str, str] | None:
    """A place the question pins and the other place ``sentences`` (those that would
    answer) give what it asks, when they name the question's place only for something
    else; else ``None``.

    "Who first implemented the system at Taobao?" of "This system was first implemented
    by Yu Yongfu at UC, and later achieved good results on Taobao": the part of the
    sentence that tells what the question asks (at least :data:`DATED_PART_WORDS` of its
    other words) is at another place, and no part naming Taobao holds any of them. As
    :func:`dated_elsewhere` does for times.

    Not a place pinned: where a distance is measured from ("How far from the Cable House
    was the spark station?"), nor a name the article writes as a language's
    (``languages``, lower case: :func:`languages_named`): "How many primary schools teach
    in Vellan today?" asks of the language.
    """
    distance = _DISTANCE.search(question) is not None
    for asked in _AT_PLACE.finditer(question):
        if asked.group(1).lower() in languages:
            continue  # "teach in Vellan": a language, no place
        if is_time(asked.group(1)) or asked.group(1).split()[-1].lower() in _EVENT_NOUNS:
            continue  # "in November 2016" pins a time (:func:`dated_elsewhere`), no place;
            # nor does an event ("in the Great Candlemas Flood")
        if distance and asked.group().lower().startswith("from"):
            continue
        place = tokenize(asked.group(1))
        topic = topic_words(question[: asked.start()] + " " + question[asked.end() :])
        found = [_placed_apart(s, place, topic, names) for s in sentences]
        if "" not in found:  # "": the question's place and words meet in a part
            told = next((other for other in found if other), None)
            if told is not None:
                return asked.group(1), told
    return None


#: A language named as one: "the Vellan language", "Vellan-language radio".
_LANGUAGE = re.compile(r"\b([A-Z][\w'’]+)[\s-]language\b")


def languages_named(text: str) -> frozenset[str]:
    """The names ``text`` writes as a language's ("the Vellan language"), in lower case."""
    return frozenset(m.group(1).lower() for m in _LANGUAGE.finditer(text))


def _placed_apart(
    sentence: str, place: Sequence[str], topic: Collection[str], names: Collection[str]
) -> str | None:
    """The other place a part of ``sentence`` gives what ``topic`` asks, when another part
    of it names ``place`` (``None`` when none does); ``""`` when a part names ``place``
    with a word of ``topic``."""
    written = set(tokenize(sentence))
    if not any(resembles(t, written) for t in place):
        return None  # never names the place: nothing to split (the common case, and fast)
    named_here, other = False, None
    before: set[str] = set()
    for part in DATED_PART.split(sentence):
        words = set(tokenize(part))
        if words and words <= set(place):  # "went to Valparaíso, Chile": the place before,
            words |= before  # more exactly, not a part of its own
        before = words
        held = sum(resembles(t, words) for t in topic)
        if any(resembles(t, words) for t in place):
            if held:
                return ""
            named_here = True
        elif held >= DATED_PART_WORDS and other is None:
            told = [
                match.group(1)
                for match in _AT_PLACE.finditer(part)
                if not set(tokenize(match.group(1))) & set(names) and not is_time(match.group(1))
            ]
            other = told[0] if told else None
    return other if named_here else None


#: "Which US city", "what French town", "in which Chinese province": a kind of place
#: within a larger one the question names (capitalised, before the kind): the kinds a
#: question asks a place by (:data:`antqa.questions.PLACE_KINDS`), two plurals, and
#: villages, counties and ports; not "country".
_PLACE_WITHIN = re.compile(
    rf"\b(?i:which|what)\s+((?:{_PLACE_WORD}\s+){{1,3}})"
    rf"(?:{'|'.join(PLACE_KINDS)}|cities|towns|village|county|port)\b"
)
#: A place a sentence gives: capitalised words after a preposition of place. Unlike the
#: place a question pins (:data:`_AT_PLACE`): after "near" too, not after "on", and "of"
#: may join its words ("the Bank of England").
_GIVEN_PLACE = re.compile(
    rf"\b(?:in|at|near|to|from)\s+(?:the\s+)?({_PLACE_WORD}(?:\s+(?:of\s+)?{_PLACE_WORD})*)"
)
#: Letters two names must share at their start to be the same place in two forms
#: ("France" and "French", "China" and "Chinese"): four, so "Iran" is not "Ireland".
SAME_PLACE_LETTERS = 4


def _same_place(one: str, other: str) -> bool:
    """Whether two names are one place: the same, one the initials of the other ("US",
    "U.S." for "United States"), or both opening with the same letters (a demonym)."""
    one, other = one.replace(".", "").strip(), other.replace(".", "").strip()
    for short, long in ((one, other), (other, one)):
        if len(long.split()) > 1 and short == "".join(w[0] for w in long.split()).upper():
            return True
    n = SAME_PLACE_LETTERS
    return len(one) >= n and len(other) >= n and one[:n].lower() == other[:n].lower()


def only_larger_place(question: str, texts: Sequence[str]) -> str | None:
    """The larger place a question asks a place within ("US" of "Which US city was she
    in?"), as ``texts`` (the sentences that would answer) write it ("United States"),
    when those that name it give no other place: the article tells the country, not the
    city. ``None`` otherwise (also when none names it: the answer is then elsewhere or
    told otherwise)."""
    asked = _PLACE_WITHIN.search(question)
    if asked is None:
        return None
    larger = asked.group(1).strip()
    naming = []
    for text in texts:
        places = [
            m.group(1).rstrip(".") for m in _GIVEN_PLACE.finditer(text) if not is_time(m.group(1))
        ]
        if any(_same_place(larger, place) for place in places):
            naming.append(places)
    if not naming or any(not _same_place(larger, p) for places in naming for p in places):
        return None
    return next(p for places in naming for p in places)
