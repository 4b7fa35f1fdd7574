"""The candidate spans of each kind in a sentence, before the question weighs them."""

from __future__ import annotations

import re
from functools import lru_cache

from antqa.short_answers.dates import BETWEEN, TIME_SPAN, YEAR_ALONE, day_of_month
from antqa.short_answers.forms import MONTH
from antqa.short_answers.names import name_spans
from antqa.short_answers.quantities import (
    AGE_SPAN,
    AMOUNT_SPAN,
    DURATION_SPAN,
    FREQUENCY_SPAN,
    NUMBER_SPAN,
    SHARE_SPAN,
    not_a_length,
    ranges,
    with_open_amounts,
    with_unit,
)
from antqa.short_answers.targets import Target
from antqa.short_answers.trimming import trim

#: A capitalised word inside a sentence, not a month, right before a number: the number
#: then is part of a name ("the Marlow 340", "an Avenor 100"), a model's or a flight's.
_NAMING_BEFORE = re.compile(rf"(?<=[\w,] )(?!{MONTH}\b)[A-Z][a-z]+\s+$")


def _designation(text: str, start: int, end: int) -> bool:
    """Whether the number at ``[start, end)``, no year as written (:data:`YEAR_ALONE`),
    is part of a name (:data:`_NAMING_BEFORE`): "In which year ...?" was answered "340"
    of "she ordered six Marlow 340 turboprops" beside "in 1972" (an answerable of the
    twenty-sixth batch, then refused as giving a count)."""
    digits = text[start:end]
    return (
        digits.isdigit()
        and not YEAR_ALONE.fullmatch(digits)
        and _NAMING_BEFORE.search(text, 0, start) is not None
    )


#: Spans of each kind, as they are written in an English text.
_SPANS: dict[Target, re.Pattern[str]] = {
    Target.TIME: TIME_SPAN,
    Target.NUMBER: NUMBER_SPAN,
    Target.AMOUNT: AMOUNT_SPAN,
    Target.SHARE: SHARE_SPAN,
    Target.DURATION: DURATION_SPAN,
    Target.AGE: AGE_SPAN,
    Target.FREQUENCY: FREQUENCY_SPAN,
}


def candidate_spans(kind: Target, text: str) -> list[tuple[int, int]]:
    """Spans of ``kind`` in ``text`` (offsets into it), leading small words stripped: a
    place widened to the region word before it ("southern Italy") and never a possessive
    ("of William's barons"), a number with the measure after it ("28 tonnes")."""
    return list(_candidate_spans(kind, text))


# Remembered: they do not depend on the question, and the answer step weighs the same
# sentences again for each kind it tries, and for the next question.
@lru_cache(maxsize=4096)
def _candidate_spans(kind: Target, text: str) -> tuple[tuple[int, int], ...]:
    """:func:`candidate_spans`, as a tuple (what a cache may hand out twice)."""
    if kind in (Target.NAME, Target.PLACE):
        spans = name_spans(text, place=kind is Target.PLACE)
    else:
        spans = [(m.start(), m.end()) for m in _SPANS[kind].finditer(text)]
        if kind is Target.TIME:
            spans = [s for s in spans if not _designation(text, *s)]
        if kind is Target.AMOUNT:
            spans = with_open_amounts(text, spans)
        if kind is Target.DURATION:  # "cargo a year": a rate; "A second, shorter": an ordinal
            spans = [s for s in spans if not not_a_length(text, *s)]
        if kind is Target.NUMBER:
            spans = [s for s in spans if not day_of_month(text, *s)]
            spans = [(start, with_unit(text, end)) for start, end in ranges(text, spans)]
    if kind in (Target.SHARE, Target.FREQUENCY):
        return tuple(spans)  # "a third" is read with its "a", "every two years" with its "every"
    trimmed = [
        # "between 1170 and 1185" is read with its "between"
        span if kind is Target.TIME and BETWEEN.match(text, *span) else trim(text, *span)
        for span in spans
    ]
    return tuple(span for span in trimmed if span[1] > span[0])
