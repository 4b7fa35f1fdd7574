"""The edges of a candidate span: small words a capital only opens because they open
the sentence ("Under Abbot Hereward"), a place of birth, a possessive or a stop."""

from __future__ import annotations

import re

#: Small words a capitalised run may open with only because they open the sentence
#: ("Under Abbot Hereward, ...", "After King Harold's death").
_LEADING = re.compile(
    r"^(?:(?:the|a|an|in|on|at|by|of|from|during|since|under|after|before|with|for|when|"
    r"while|against|among|between|through|upon|within|until|unlike|like|although|though|"
    r"because|as|if|once|whereas|whether|unless|yet|but|and|so|then|thus|this|that|these|"
    r"those|its|his|her|their|our|some|many|most|all|both|each|every|other|such)\s+)+",
    re.I,
)
_BORN = re.compile(r"[\w’'-]+-born\s+")
_TRAILING = re.compile(r"(?:’s|'s|[,.;:])$")


def opens_only_as_first(word: str) -> bool:
    """Whether ``word`` is one of the small words a capital opens only because it opens
    the sentence (:data:`_LEADING`): "Although" of "Although Tenpay cannot ...", never
    a part of a name, even where the article writes it nowhere in lower case."""
    return _LEADING.fullmatch(f"{word} ") is not None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading articles/prepositions (a capital that opens the sentence
    does not make "Under" part of "Under Abbot Hereward") and a trailing possessive or stop."""
    lead = _LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    born = _BORN.match(text, start, end)  # "German-born Friedrich Aurel": where he was born
    if born and born.end() < end:
        start = born.end()
    tail = _TRAILING.search(text[start:end])
    if tail:
        end -= len(tail.group())
    return start, end
