"""A question that says whom it asks about by one fact of them and asks another ("The
executive who apologized for the circle incident: what position did she move to in
October 2016?"): who the fact leads to, through whom the sentence telling the other
fact is found (:meth:`~antqa.answering.choosing.SentenceChooser._second_hop`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from antqa.lexical import tokenize

#: Someone said by a fact of theirs: a noun with "who" after it ("the man who heads ...",
#: "The executive who apologized ..."); not a question asking "Who ...?", nor "which" or
#: "that", which may describe a thing as well as a person.
#: Or a question in two asking who did the one and, of them ("he", "she"), the other: "Who
#: leads the class committee as squad leader, and what job did he take in October 2016?"
_SOMEONE_DESCRIBED = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w’'-]+\s+){1,2}who\b|"
    r"^\W*who\b[^?]*,\s*and\s+(?:what|which|when|where|how)\b[^?]*\b(?:he|she|they)\b",
    re.I,
)


def describes_someone(question: str) -> bool:
    """Whether ``question`` says whom it asks about by a fact of theirs
    (:data:`_SOMEONE_DESCRIBED`)."""
    return _SOMEONE_DESCRIBED.search(question) is not None


def described(asked: Collection[str], told: Sequence[tuple[str, str]]) -> set[str]:
    """Of ``told`` (a person, and the clause telling of them), the people whose clause fits
    the question's words ``asked`` (stemmed) best: it holds the most of them (besides the
    person's own name), then the fewest words the question does not use. "The man who
    heads Alipay's class committee as squad leader" is Jing Xiandong of "Jing Xiandong
    serves as the squad leader, Ni Xingjun serves as the deputy squad leader": both
    clauses say "squad leader", the second also "deputy", which the question does not."""

    def fit(person: str, clause: str) -> tuple[int, int]:
        words = set(tokenize(clause)) - set(tokenize(person))
        return len(words & set(asked)), -len(words - set(asked))

    if not told:
        return set()
    best = max(fit(person, clause) for person, clause in told)
    return {person for person, clause in told if fit(person, clause) == best}
