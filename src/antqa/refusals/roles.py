"""The check that a "who ... as ROLE" (or "who became ROLE") question swaps who held a role."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from antqa.lexical import STOPWORDS, resembles, tokenize

#: "Who replaced X as chairman of Y?": the role a "who" question asks someone to hold, up
#: to the first small word ("of", "in", "after"); "the", "a" or "its" may open it. Not
#: "as well", "as soon as", "as if": they name no role.
_ASKED_ROLE = re.compile(
    r"^\W*whom?\b[^?]*?\bas\s+(?!(?:well|soon|much|long|far|if|though|to)\b)"
    r"(?:(?:the|a|an|its|his|her|their)\s+)?([^?,]+)",
    re.I,
)
#: "Who became Ant Financial's new president ...?": a role asked by the step into it, after
#: whose role it is ("Ant Financial's") and "new", which tell no other role.
_BECAME_ROLE = re.compile(
    r"^\W*who\s+(?:then\s+|later\s+)?(?:became|becomes)\s+"
    r"(?:(?:the|a|an|its|his|her|their)\s+)?(?:(?:[\w.-]+\s+)?[\w.-]+['’]s\s+)?(?:new\s+|next\s+)?"
    r"([^?,]+)",
    re.I,
)
#: A name in a question: capitalised words in a row.
_GIVEN_NAME = r"(?P<name>(?:[A-Z][\w'’.-]*\s+)+)"
#: What opens a role as a noun phrase ("the CEO", "a keeper", "its chairman").
_ROLE_OPENER = r"(?:the|a|an|its|his|her|their)\s+"
#: Words that may stand between a name and its step or "been" ("has first", "ever").
_TIMING = r"(?:(?:was|were|is|are|had|has|have|been|first|later|then|ever|still|once|already)\s+)*"
#: The role and what follows it, up to a comma or the question mark.
_ROLE = r"(?P<role>[^?,]+)"
#: Any step taken "as" a role by the one it is asked of, the subject right after "did" or
#: "was": "did Lionel Hask succeed as deputy premier", "was Rookwood apprenticed as a
#: bookbinder" (with a particle: "work for as"). Not "as well", "as soon as", "as a result":
#: they name no role.
_STEP_AS = (
    r"[a-z]{3,}(?:\s+(?:for|up|over|on|in|out|back|down))?\s+as\s+"
    r"(?!(?:well|soon|much|long|far|if|though|to|a\s+result)\b)"
)
#: "When was Ni Xingjun appointed CEO of Alipay?": the roles a question gives a named
#: person, by the step into one or by being one. The steps of English that give a role:
#: appointing, electing, promoting, choosing or naming someone as one, becoming or serving
#: as one, or any step taken as one (:data:`_STEP_AS`). Being one is written with "be" and
#: a noun phrase after or around the name: "Since when has Ni Xingjun been the CEO of
#: Alipay?", "When was Ni Xingjun the CEO of Alipay?" (the opener is required: "was Ni
#: Xingjun born" is a step, not a role).
_GIVEN_ROLES = (
    re.compile(
        rf"{_GIVEN_NAME}{_TIMING}"
        r"(?:appointed|elected|named|made|promoted\s+to|chosen\s+as|served\s+as|serves\s+as|"
        rf"became|become|becomes)\s+(?:{_ROLE_OPENER})?{_ROLE}"
    ),
    re.compile(rf"{_GIVEN_NAME}{_TIMING}(?:been|was|is|were|are)\s+{_ROLE_OPENER}{_ROLE}"),
    re.compile(
        rf"\b(?i:was|is|were|are|has|had|have)\s+{_GIVEN_NAME}{_TIMING}{_ROLE_OPENER}{_ROLE}"
    ),
    re.compile(
        rf"\b(?i:did|does|do|was|were|is|are|has|had|have)\s+{_GIVEN_NAME}{_TIMING}"
        rf"{_STEP_AS}(?:{_ROLE_OPENER})?{_ROLE}"
    ),
)
#: A word written as a name (capitalised, then lower case): no role ("made Ralph earl").
_NAME_WORD = re.compile(r"[A-Z][a-z]")
#: A role is named in a few words ("deputy squad leader", "chief medical officer"); more
#: after "as" are a clause ("as the new line opened to traffic"), not a role.
ROLE_WORDS = 3
#: Where a sentence's clauses part: a clause says who holds what.
_CLAUSE = re.compile(r"[,;:()]|\.\s|\band\b")
#: ... keeping the marks, to tell a name set between commas ("chairman, Lin Wei, said").
_CLAUSE_KEPT = re.compile(rf"({_CLAUSE.pattern})")
#: Words that stand for a person named nearby ("he succeeded ..."): a clause with one of
#: them may tie a role to someone the article names elsewhere. Not "him"/"her": the
#: object of the clause is not who holds its role.
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "who", "i", "we"})
#: A capitalised word that is not all capitals: a name, not a title ("CEO") or an acronym.
_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*")
#: Lower-case words a name may hold between its capitalised ones ("Émeric de Vaudrelle").
_NAME_PARTICLES = frozenset({"de", "du", "van", "von", "der", "den", "da", "di", "la", "le"})


#: A question asking for someone by the noun of what they were to a thing or a person
#: the conversation is on ("who was its skipper?", "What was the pilot's name?", "And what
#: was the name of his ship's surgeon?", "Who was the director there?"): the noun phrase,
#: its last word the noun (:func:`noun_asked_of`). Only "who was" and "what was the name
#: of" / "'s name": "What was its advantage?" asks no one.
_NOUN_ASKED_OF = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:"
    r"who\s+(?:was|were|is|are)\s+(?:its|his|her|their|the)\s+(?P<who>[a-z][\w\s'’-]*?)"
    r"|what\s+(?:was|is)\s+(?:the\s+name\s+of\s+(?:the|its|his|her|their)\s+"
    r"(?P<of>[a-z][\w\s'’-]*?)|(?:the|its|his|her|their)\s+(?P<owned>[a-z][\w\s'’-]*?)['’]s\s+name)"
    r")\s*(?:\b(?:then|there|at\s+the\s+time)\s*)?\W*$",
    re.I,
)

#: Words ending a phrase that name nothing of their own: "one" stands for a noun told
#: before ("the least successful one"), as the small words do.
_NO_NOUN = STOPWORDS | {"one", "ones"}


def noun_asked_of(question: str) -> str:
    """The noun a question asks someone by (:data:`_NOUN_ASKED_OF`: "captain" of "What was
    the captain's name?", "surgeon" of "his ship's surgeon"), or ``""``: the last word of
    the phrase, what the one asked is; the words before it say whose ("ship's") or which
    ("first") and may be told in other words or not at all. A phrase of more than
    :data:`ROLE_WORDS` words is no noun asked ("the least successful one" is no role
    either: a word of :data:`_NO_NOUN` ends none)."""
    found = _NOUN_ASKED_OF.match(question)
    if found is None:
        return ""
    words = (found.group("who") or found.group("of") or found.group("owned")).split()
    if not words or len(words) > ROLE_WORDS or words[-1].lower() in _NO_NOUN:
        return ""
    return words[-1]


def asked_role(question: str) -> tuple[str, list[str]]:
    """The role a "who ... as ROLE" or "who became ROLE" question asks about as written
    ("deputy squad leader") and its stemmed words, or ``("", [])`` when it asks none."""
    match = _ASKED_ROLE.search(question) or _BECAME_ROLE.search(question)
    if match is None:
        return "", []
    words: list[str] = []
    for word in match.group(1).split():
        if word.lower() in STOPWORDS:
            break
        words.append(word)
    if len(words) > ROLE_WORDS:
        return "", []
    return " ".join(words), tokenize(" ".join(words))


def given_role(question: str) -> tuple[str, list[str], str, list[str]] | None:
    """The role a question gives a named person (:data:`_GIVEN_ROLES`): the person's name
    as written and stemmed, the role as written and stemmed; ``None`` when it gives none, or
    the words after the step are no role (a name, or more than :data:`ROLE_WORDS` words
    before a small word). The first reading that is a role and a name is kept: "When ..."
    opening a question is capitalised, and no one."""
    for pattern in _GIVEN_ROLES:
        for match in pattern.finditer(question):
            given = _role_of(match.group("name"), match.group("role"))
            if given is not None:
                return given
    return None


def _role_of(written_name: str, after: str) -> tuple[str, list[str], str, list[str]] | None:
    """The name and role of one reading of :data:`_GIVEN_ROLES`, or ``None`` when the name
    is only small words ("When", "Has") or the words after the step are no role."""
    words: list[str] = []
    for word in after.split():
        if word.lower() in STOPWORDS:
            break
        if _NAME_WORD.match(word):
            return None
        words.append(word)
    name_words = written_name.split()
    while name_words and name_words[0].lower() in STOPWORDS:
        name_words.pop(0)  # "Has Ni Xingjun been ...": the question's "has" names no one
    name = [t for t in tokenize(" ".join(name_words)) if t not in STOPWORDS]
    if not name or not words or len(words) > ROLE_WORDS:
        return None
    return " ".join(name_words), name, " ".join(words), tokenize(" ".join(words))


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` (:data:`_CLAUSE`): each says who holds what, or did what."""
    return _CLAUSE.split(text)


def role_written(role: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether some clause of ``texts`` holds every word of ``role``: a role the passages
    write in other words ("chief executive" for "CEO") can't be checked for who holds it."""
    return any(_holds_role(clause, role) for text in texts for clause in clauses(text))


def _holds_role(clause: str, role: Sequence[str]) -> bool:
    words = set(tokenize(clause))
    return all(resembles(r, words) for r in role)


def role_held(role: Sequence[str], asked_names: Collection[str], texts: Sequence[str]) -> bool:
    """Whether some clause of ``texts`` holds every word of ``role`` and someone who may
    hold it: a name the question does not give, or a subject pronoun.

    "Who replaced Peng Lei as chairman?" asks for someone other than Peng Lei as chairman;
    where the article has the chairman only in a clause about Peng Lei ("..., became the
    company's chairman"), it never says who replaced her as one. The role words themselves
    ("Chairman Lin") are no one. The clause before counts too: a sentence often names
    its subject once for two clauses ("X succeeded him and became the new CEO"); and so
    does the one after when it is a name alone between commas, as English sets a role's
    holder in apposition ("Aurenne's governor-general at Port Sauveline, Count Émeric de
    Vaudrelle, regarded ..."); not a clause that goes on to tell of someone else, nor a
    label's "Treasurer Berg and President Lind".
    """
    for text in texts:
        pieces = _CLAUSE_KEPT.split(text)  # clause, the mark after it, clause, ...
        marked = [
            (c, m) for c, m in zip(pieces[::2], [*pieces[1::2], ""], strict=True) if c.strip()
        ]
        clause_texts = [c for c, _ in marked]
        for at, (clause, mark) in enumerate(marked):
            near = clause_texts[max(0, at - 1) : at + 1]
            if at + 1 < len(marked):
                apposed, after = marked[at + 1]
                if mark == after == "," and _only_a_name(apposed):
                    near.append(apposed)
            if _holds_role(clause, role) and any(_someone(c, role, asked_names) for c in near):
                return True
    return False


def _only_a_name(clause: str) -> bool:
    """Whether ``clause`` is a name alone, as English sets a role's holder after it:
    "..., Count Émeric de Vaudrelle, ..." (lower-case particles allowed inside)."""
    words = clause.split()
    return (
        bool(words)
        and all(w[0].isupper() or w in _NAME_PARTICLES for w in words)
        and (words[0][0].isupper() and words[-1][0].isupper())
    )


def _someone(clause: str, role: Sequence[str], asked_names: Collection[str]) -> bool:
    """Whether ``clause`` names someone the question does not, or says "he"/"she"."""
    if _SUBJECT_PRONOUNS & set(re.findall(r"\w+", clause.lower())):
        return True
    return any(
        t not in asked_names and t not in role
        for match in _NAME.finditer(clause)
        for t in tokenize(match.group())
    )
