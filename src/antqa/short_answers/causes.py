"""The clause answering "why": after "because", "since", "after", or with its
"so that"."""

from __future__ import annotations

import re

#: The words that open a cause or a purpose: the clause after them answers "why". "so
#: that" is kept with its clause (it says the clause is an aim), and the "to" of "in order
#: to" ("to call the fishermen home"); the others are not.
_BECAUSE = re.compile(
    r"\b(?:(?:because|since|after)(?:\s+of)?\s+|(?=so\s+that\s)|in\s+order\s+(?=to\s))", re.I
)
#: Where such a clause ends: at a stop, a comma, a semicolon, a colon or a dash.
_CLAUSE_END = re.compile(r"[,;:.!?—–(]\s|[.!?]?$")
#: Fewest words of a cause: "since 1971" or "after the war" says when, not why.
MIN_CAUSE_WORDS = 3


def cause_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` that give a cause or an aim ("... closed in 1974 after a
    pipeline was opened from Orlmouth": "a pipeline was opened from Orlmouth")."""
    spans = []
    for opening in _BECAUSE.finditer(text):
        start = opening.end()
        end_match = _CLAUSE_END.search(text, start)
        end = end_match.start() if end_match else len(text)
        clause = text[start:end]
        if len(clause.split()) >= MIN_CAUSE_WORDS and not clause[:1].isdigit():
            spans.append((start, end))
    return spans
