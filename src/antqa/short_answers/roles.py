"""A person's occupation, as a text writes it before the name ("the wool merchant Jonas
Pelling"): the short answer of "what was X's trade?", and a sign that a name is the
one asked for ("the architect Samuel Ditchling")."""

from __future__ import annotations

import re

from antqa.short_answers.forms import ARTICLES

#: The lower-case word right before a name ("the architect" of "the architect Samuel
#: Ditchling").
ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+$")
#: How far before a name that word is looked for, in characters (a long word and a space).
ROLE_CHARS = 30
#: A person's occupation as a text writes it before the name, between an article and the
#: name ("the wool merchant Jonas Pelling", "the notary Giacomo Belfiore"): one to three
#: words in lower case, none a function word.
_ROLE = re.compile(
    rf"\b(?:{ARTICLES})\s+((?:(?!(?:of|and|or|in|at|on|to|by|for|with|from|was|were)\b)"
    r"[a-z][a-z-]*\s+){1,3}?)(?=[A-Z][\w’'-]+\s+[A-Z])"
)


def role_spans(text: str) -> list[tuple[int, int]]:
    """The occupations :data:`_ROLE` finds in ``text``, without the space after them."""
    return [(m.start(1), m.end(1) - 1) for m in _ROLE.finditer(text)]


#: Whose child someone is, as a life story tells it: "the third of five children of Josef
#: Pendrecht, a miller, and ...", "the son of a ship's chandler", "born to".
_PARENTAGE = re.compile(r"\b(?:child|children|sons?|daughters?)\s+of\b|\bborn\s+to\b")


def tells_parentage(text: str) -> bool:
    """Whether ``text`` tells whose child someone is (:data:`_PARENTAGE`)."""
    return _PARENTAGE.search(text) is not None
