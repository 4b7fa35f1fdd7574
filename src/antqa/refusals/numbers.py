"""How English writes a number in words, as a cardinal and as an ordinal."""

from __future__ import annotations

import re

from antqa.questions import TEEN_WORDS, TEN_WORDS, UNIT_WORDS

#: Ordinals English does not form by adding "th" to the cardinal.
_ORDINAL_OF = {"one": "first", "two": "second", "three": "third", "five": "fifth",
               "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip


def written_out(number: int) -> tuple[str, ...]:
    """How English writes ``number`` (1 to 99) in words, as a cardinal and as an ordinal
    ("fifty", "fiftieth"; "twenty-one", "twenty-first"); none for other numbers. An
    article may write "its fiftieth anniversary" where a question types "50th"."""
    if not 0 < number < 100:
        return ()
    tens, unit = divmod(number, 10)
    if number < 20:
        cardinal = (UNIT_WORDS + TEEN_WORDS)[number - 1]
        return cardinal, _ordinal(cardinal)
    ten = TEN_WORDS[tens - 2]
    if not unit:
        return ten, ten[:-1] + "ieth"
    unit_word = UNIT_WORDS[unit - 1]
    return f"{ten}-{unit_word}", f"{ten}-{_ordinal(unit_word)}"


def _ordinal(cardinal: str) -> str:
    return _ORDINAL_OF.get(cardinal, cardinal + "th")


#: The Roman numerals of 1 to 20, as names write them ("World War II", "Henry VIII").
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")  # fmt: skip


def _figures(number: int) -> re.Pattern[str]:
    """What finds ``number`` written in figures as a name's rank: after "No." or "Number"
    ("Symphony No. 3"), with an ordinal's suffix ("the 3rd Battalion"), or as a Roman
    numeral after a capitalised word ("World War II"). Not the bare figure, which any
    measure writes ("3 km", "1.3 AU")."""
    return re.compile(
        rf"\b(?:[Nn]o\.?|[Nn]umber|[Nn]r\.?)\s*{number}\b|\b{number}(?:st|nd|rd|th)\b"
        rf"|\b[A-Z][\w'’-]*[a-z]\s+{_ROMAN[number - 1]}\b"
    )


#: The ordinal words of 1 to 20 ("first", "third", "twentieth"), each with what finds
#: its number in figures (:func:`_figures`).
_ORDINAL_FIGURES = {written_out(n)[1]: _figures(n) for n in range(1, len(_ROMAN) + 1)}


def ordinal_figures(word: str) -> re.Pattern[str] | None:
    """What finds the number of the ordinal ``word`` (lower case) written in figures: an
    article names "the Third Symphony" "Symphony No. 3", "the Second World War" "World
    War II"; ``None`` for any other word."""
    return _ORDINAL_FIGURES.get(word)


def roman_ordinal(numeral: str) -> str:
    """The ordinal word of a Roman ``numeral`` of 1 to 20 as a name writes it ("II":
    "second"), else ``""``: "World War II" is the "Second World War" by another order."""
    return written_out(_ROMAN.index(numeral) + 1)[1] if numeral in _ROMAN else ""
