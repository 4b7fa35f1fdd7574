"""The clauses of an English sentence: the stretches each telling one fact, so that a
check comparing a question's word or time with a sentence's reads the clause the
question's event sits in, not a word another clause uses of another fact.

"The mutualists walked out when the motion was defeated by 212 votes and founded the
Union, which accepted municipal funding" tells three facts: "accepted" is the Union's,
not the motion's. "In 1987, the quatercentenary year, a former housemaster, Peter
Drummond, was convicted of indecent assault on pupils in the 1970s" tells one: the
opening time dates the conviction, the later "in the 1970s" the offence within it.

A sentence parts at its marks (a comma not inside a number, a semicolon, a colon, a
bracket, a dash between spaces) and before a word that opens a clause ("and", "but",
"which", "when", ...). A part with no verb is no clause: an opening time ("In 1987"), an
appositive ("the quatercentenary year"), a trailing phrase ("with two faculties") or a
list's next item ("and flour duties") joins a clause next to it (:func:`clauses`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from antqa.lexical import is_past, resembles
from antqa.questions import TIME_UNIT_WORDS

#: Words that open a clause of their own: coordinators, relative pronouns and the
#: subordinators that only join clauses (not "after", "before", "since": prepositions as
#: often, "after 1965"). Not "that" (as often a determiner) nor "as" ("as a concession").
_OPENERS = tuple(
    re.findall(
        r"\w+", "and but or which who whom whose where when while whereas although though because"
    )
)
#: The openers that stand for a noun of the clause before ("a second factory at Ravnsby,
#: which opened in 1988"): their clause tells of what that one names.
_RELATIVES = frozenset(re.findall(r"\w+", "which who whom whose where when"))
#: A mark a sentence parts at: a comma not inside a number ("150,000"), or a stop of its
#: own (group 1: a semicolon, a colon, a bracket, a dash set off by spaces); or the place
#: before an opening word that is not followed by a number ("between 1885 and 1894" is
#: one time, "and 27 were injured" stays with its clause).
_PART = re.compile(
    r",(?!\d)|([;:()]|\s[–—]\s)|\s(?=(?:" + "|".join(_OPENERS) + r")\b(?!\s+\d))",
    re.IGNORECASE,
)
_OPENER = re.compile(r"^\W*(" + "|".join(_OPENERS) + r")\b", re.IGNORECASE)
#: Forms of be, have and do, and the modals: a part holding one has a verb.
AUXILIARIES = frozenset(
    re.findall(
        r"\w+",
        "is was were are be been being has had have having will would can could may might "
        "shall should must did does do",
    )
)
#: Words in "-ing" that are nouns or prepositions, not a participle opening a clause.
_NOT_PARTICIPLE = frozenset(
    re.findall(
        r"\w+",
        "during morning evening nothing something anything everything building ceiling "
        "thing king ring spring string wing bring",
    )
)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence: its text and where it starts in the sentence.

    ``core`` is its text up to the end of its part with the verb: what it tells, with any
    time opening it ("In 1987, ..., was convicted ... in the 1970s"), without the verbless
    parts after that one ("in 1474", "with two faculties"). ``relative``: it opens with a
    relative word (:data:`_RELATIVES`) or, after a comma, with a past participle
    (:func:`_reduced_relative`: "a pair of larger chambers, opened in 2005"), so it tells
    of what the clause before names."""

    text: str
    start: int
    core: str
    relative: bool = False


def _has_verb(words: list[str]) -> bool:
    """Whether a part's words (lower case, its opening word left out) hold a verb: a form
    of be/have/do, a modal, a past form, or a participle opening it ("killing 161")."""
    if words and len(words[0]) > 4 and words[0].endswith("ing"):
        return words[0] not in _NOT_PARTICIPLE
    return any(w in AUXILIARIES or is_past(w) for w in words)


def _parts(text: str) -> list[tuple[int, int, bool]]:
    """Where ``text`` parts (:data:`_PART`): each part's start and end, and whether it
    follows a stop of its own (a semicolon, a colon, a bracket, a dash)."""
    spans, start, stopped = [], 0, False
    for match in _PART.finditer(text):
        spans.append((start, match.start(), stopped))
        start, stopped = match.end(), match.group(1) is not None
    spans.append((start, len(text), stopped))
    return [(s, e, stop) for s, e, stop in spans if text[s:e].strip()]


def clauses(text: str) -> list[Clause]:
    """The clauses of ``text``, in order; a sentence with one verb is one clause.

    Each part with a verb closes a clause; the verbless parts before it (and after the
    clause before) join it from the last one opening with a clause's word or after a stop
    of its own ("but, as a concession to the districts, kept a duty": "as a concession"
    is the keeping's; "...: the 'premium system', introduced in 1905"), or all of them when
    it opens the sentence ("In 1987, ..., a former housemaster, Peter Drummond, was
    convicted"); the others stay with the clause before (an appositive, a trailing time or
    phrase, a list's next item). Verbless parts at the end join the last.
    """
    return list(_clauses(text))


# Remembered: the time check (:func:`~antqa.refusals.times.dated_parts`) reads the chosen
# sentences' clauses for every question; the opposite check reads them once, at load.
@lru_cache(maxsize=4096)
def _clauses(text: str) -> tuple[Clause, ...]:
    """:func:`clauses`, as a tuple (what a cache may hand out twice)."""
    bounds: list[tuple[int, int, int]] = []  # each clause's first, verb and last part
    waiting = 0  # the first part not yet in a clause
    parts = _parts(text)
    for at, (start, end, _) in enumerate(parts):
        piece = text[start:end]
        opens = _OPENER.match(piece)
        words = [w.lower() for w in _WORD.findall(piece[opens.end() if opens else 0 :])]
        if not _has_verb(words):
            continue
        first = waiting
        if bounds:
            openers = [i for i in range(waiting, at + 1) if _opens(text, parts[i])]
            first = openers[-1] if openers else at
            if first > waiting:  # the parts before the opening word stay with the last clause
                bounds[-1] = (*bounds[-1][:2], first - 1)
        bounds.append((first, at, at))
        waiting = at + 1
    if not bounds:
        return (Clause(text, 0, text),)
    if waiting < len(parts):
        bounds[-1] = (*bounds[-1][:2], len(parts) - 1)
    found = []
    for first, verb, last in bounds:
        start, end = parts[first][0], parts[last][1]
        opener = _OPENER.match(text[start:end])
        relative = (
            opener is not None and opener.group(1).lower() in _RELATIVES
        ) or _reduced_relative(text, start)
        core = text[start : parts[verb][1]]
        found.append(Clause(text[start:end], start, core, relative))
    return tuple(found)


def _reduced_relative(text: str, start: int) -> bool:
    """Whether the clause of ``text`` at ``start`` follows a comma and opens with a past
    participle ("a pair of larger chambers, opened in 2005"; "a surcharge, introduced in
    1967"): a relative clause with its "which was" left out, telling of what the clause
    before names, as "which opened in 2005" would. Over the fresh24 batch two unanswerables
    asked the other step of such a thing ("When were the new chambers closed?") and went
    unrefused, the participle's clause read as another fact."""
    if start == 0 or not text[:start].rstrip().endswith(","):
        return False
    first = _WORD.match(text, len(text) - len(text[start:].lstrip()))
    return first is not None and is_past(first.group().lower())


def _opens(text: str, part: tuple[int, int, bool]) -> bool:
    """Whether ``part`` of ``text`` opens a clause: with a clause's word, or after a stop."""
    start, end, stopped = part
    return stopped or _OPENER.match(text[start:end]) is not None


def event_clauses(
    topic: Collection[str], told: Sequence[tuple[Collection[str], bool]]
) -> list[int]:
    """Which clauses of a sentence tell the question's event: those holding a word of
    ``topic`` (the question's stemmed words, in any form), and a relative clause after one
    of them ("a second factory at Ravnsby, which opened in 1988": it tells of the factory).
    ``told`` is per clause its stemmed words and whether it is relative. Every clause when
    none holds a word of ``topic``: the sentence then tells of the event as a whole, if at
    all, and no clause of it is another's."""
    held: list[int] = []
    for at, (words, relative) in enumerate(told):
        if any(resembles(t, words) for t in topic) or (relative and held and held[-1] == at - 1):
            held.append(at)
    return held or list(range(len(told)))


#: "after" opening an event, not "after which" (what follows, not what came first).
_AFTER = re.compile(r"\bafter\s+(?!which\b|whom\b)", re.IGNORECASE)
#: The word before an "after" that times or names rather than tells what came first
#: ("forty years after", "shortly after", "named after"): the units of a length of time,
#: the adverbs of nearness in time, and the verbs of naming.
_NOT_AFTER_EVENT = frozenset(
    (
        *(f"{unit}s" for unit in TIME_UNIT_WORDS),
        "centuries",
        *re.findall(r"\w+", "shortly soon long just immediately named called"),
    )
)


def told_after(text: str) -> bool:
    """Whether ``text`` tells an event as following another, with "after" and a clause
    with a verb (:func:`_has_verb`): "Ellisford Mill closed on 17 October 1931, after the
    Quill Valley Bank refused to renew the company's overdraft." answers why it closed.
    Not at the sentence's opening ("After graduation Pendrecht worked ..."): there it
    sets the time of the whole sentence as often. Not a time or a name ("after 1965",
    "after the arbiter who drafted them": no verb before the clause's next part)."""
    for match in _AFTER.finditer(text):
        before = _WORD.findall(text[: match.start()])
        if not before or before[-1].lower() in _NOT_AFTER_EVENT:
            continue
        mark = _PART.search(text, match.end())
        end = mark.start() if mark else len(text)
        words = [w.lower() for w in _WORD.findall(text[match.end() : end])]
        if len(words) >= 2 and _has_verb(words):
            return True
    return False
