"""How English writes a number in words, as a cardinal and as an ordinal."""

from __future__ import annotations

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
