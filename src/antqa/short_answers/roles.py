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


#: The same right before a name (``$``): the name is a person's.
_ROLE_BEFORE_NAME = re.compile(
    rf"\b(?:{ARTICLES})\s+(?:(?!(?:of|and|or|in|at|on|to|by|for|with|from|was|were)\b)"
    r"[a-z][a-z-]*\s+){1,3}$"
)


def person_by_role(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]``, of two words or more, follows an occupation
    ("the architect Matteo Grisoni", "the mathematician Sofia Brandt"): it names a person,
    not a place or a thing (one word after it is likelier a body's: "the broadcaster NRB")."""
    return len(text[start:end].split()) > 1 and bool(
        _ROLE_BEFORE_NAME.search(text, max(0, start - ROLE_CHARS), start)
    )


#: Words that say who a person is to others, not what they do ("a widow", "a cousin"),
#: and the function words no occupation holds (English's, not a domain's).
_NO_ROLE = (
    r"(?:of|and|or|in|at|on|to|by|for|with|from|was|were|who|he|she|they|it|his|her|its|"
    r"their|result|widow|widower|wife|husband|son|daughter|child|mother|father|brother|"
    r"sister|cousin|friend|native|member|resident)\b"
)
#: ... and as it writes it after the person, or after "as" or "son of" ("Ida Voss, a
#: schoolteacher", "trained as a shipwright", "the son of a linen merchant"): "a" and one
#: to three words in lower case, none of :data:`_NO_ROLE`, up to what ends the phrase.
_ROLE_AFTER = re.compile(
    r"(?:,|\bas|\b(?:son|daughter|child|wife|husband|widow)\s+of)\s+(?:a|an)\s+"
    rf"((?:(?!{_NO_ROLE})[a-z][a-z-]*\s+){{0,2}}(?!{_NO_ROLE})[a-z][a-z-]*)"
    r"(?=\s*[,.;)]|\s+(?:who|whose|and|in|at|from|for|until)\b)"
)


def role_spans(text: str) -> list[tuple[int, int]]:
    """The occupations :data:`_ROLE` and :data:`_ROLE_AFTER` find in ``text``, without the
    space after them."""
    before = [(m.start(1), m.end(1) - 1) for m in _ROLE.finditer(text)]
    return before + [m.span(1) for m in _ROLE_AFTER.finditer(text)]


#: Whose child someone is, as a life story tells it: "the third of five children of Josef
#: Pendrecht, a miller, and ...", "the son of a ship's chandler", "born to".
_PARENTAGE = re.compile(r"\b(?:child|children|sons?|daughters?)\s+of\b|\bborn\s+to\b")


def tells_parentage(text: str) -> bool:
    """Whether ``text`` tells whose child someone is (:data:`_PARENTAGE`)."""
    return _PARENTAGE.search(text) is not None


#: What a text says of a person right after their name, set off by a comma up to the next
#: comma, semicolon or full stop, naming no one ("Agnes Coyle, a widow who kept the largest
#: herd in the parish and became the first treasurer, and ..."): a description of that one
#: person, opening with "a" or "an". Not one opening with "the" ("After Brandt, the chair passed to
#: Margit Sand": a main clause after a leading phrase) nor "who" ("Sainte-Colombe, who had
#: taken personal command of the garrison": what else someone did), nor one naming
#: another person ("Mairinger, a strict contrapuntist who had been a pupil of the
#: cathedral choirmaster Jakob Steindl": "pupil" tells of both). Read with "the" and
#: "who" and up to a name (run h44f-r1): 3 more wrong short answers, 1 right one lost;
#: up to a name only (h44f-r2): 1 right one lost ("Whose pupil had he been?").
_APPOSITION = re.compile(r",\s+(?:a|an)\s[^,;.A-Z]*(?=[,;.]|$)")


def apposition_end(text: str, end: int) -> int:
    """Where the description written right after the name ending at ``end`` ends
    (:data:`_APPOSITION`), ``end`` itself when none follows it: the words between tell of
    that name, not of the next one the sentence writes ("..., became the first treasurer,
    and the schoolmaster Thomas Reddin": the treasurer is the one described)."""
    found = _APPOSITION.match(text, end)
    return end if found is None else found.end()
