"""A name given to something ("known locally as the murk", "nicknamed 'Longbeard'"): the
short answer of "What was it called?", "What did sailors call her?", "What was his
nickname?"."""

from __future__ import annotations

import re

#: "What was X called?", "What is X known as?", "What did the locals call X?", "What
#: nickname ...?", "What was Henry Scrope's nickname?": the name something was given.
ASKS_CALLED = re.compile(
    r"^\W*what\s+(?:is|was|are|were)\b[^?]*\b(?:called|named|nicknamed|known\s+as)\W*$|"
    r"^\W*what\s+(?:did|do|does)\b[^?]*\bcall\b(?!\s+(?:for|on|off)\b)|"
    r"^\W*what\s+(?:nickname\b|(?:is|was)\b[^?]*\bnickname\W*$)",
    re.I,
)
#: English's verbs that give a name, and the name after them: in quotation marks, a run
#: of capitalised words (with the noun or two in lower case that may end it: "Weil's
#: disease"), or one to three words in lower case up to what ends the phrase.
_CALLED = re.compile(
    r"\b(?:called|named|nicknamed|renamed|dubbed|known(?:\s+locally)?\s+as)\s+"
    r"(?:(?:it|her|him|them)\s+)?(?:the\s+)?"
    # a quoted name may follow the thing named ("called the beacon "the Candle"")
    r"(?:(?:[a-z]+\s+){0,2}[\"“]([^\"”]{1,60})[\"”]|"
    r"((?:[A-Z][\w’'.-]*)(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*(?:(?:\s+[a-z][\w’'-]*){1,2}(?=\s*[,.;:)]))?)|"
    r"([a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2})(?=\s*[,.;:)]))"
)


def called_spans(text: str) -> list[tuple[int, int]]:
    """The names :data:`_CALLED` finds in ``text``, without their quotation marks."""
    spans = []
    for match in _CALLED.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        start, end = match.span(group)
        if text[end - 1] in ",.;:":  # a quoted name's stop: "... called it "the Thread.""
            end -= 1
        spans.append((start, end))
    return spans


def asks_called(question: str) -> bool:
    """Whether ``question`` asks the name something was given (:data:`ASKS_CALLED`)."""
    return ASKS_CALLED.search(question) is not None


def tells_called(sentence: str) -> bool:
    """Whether ``sentence`` gives something a name by a verb of naming (:data:`_CALLED`:
    "a German shepherd named Brisk", "known locally as the murk"): the question's own
    "called" matches any sentence writing the word in another sense ("members were called
    up", "delay calling for help"), which names nothing."""
    return bool(called_spans(sentence))
