"""The checks that a question swaps the rank the sentences that would answer give a thing,
or the end of a scale they tell it at ("the least" for "the most")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from antqa.lexical import STOPWORDS, resembles, tokenize

#: The ranks in their order: "the second architect to receive it after Jonas Elvestad"
#: tells who was the first as well.
_ORDER = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
#: Words that rank one of several like things ("the second year", "the last outbreak"):
#: a question asking of another rank than the one the answer tells of swaps the fact.
_RANKS = frozenset((*_ORDER, "tenth", "last", "final", "opening", "closing"))
#: Ranks English writes in other words: "the opening quarter" is the first, "the closing
#: stages" the last (an answerable of the eleventh batch, "the score at the end of the
#: first quarter", was refused for "the fourth quarter" beside "the opening quarter").
_SAME_RANK = {"opening": "first", "closing": "last"}
#: A rank and the word after it ("second week", "fifth-largest"); not "first of", "second
#: time". The hyphenated form refused one more unanswerable on all sets, no answerable.
_RANKED = re.compile(
    r"\b(" + "|".join(sorted(_RANKS)) + r")[\s-]+(?!(?:of|the|a|an|and|or|to|in|time|times)\b)"
    r"([a-z][\w'’-]*)",
    re.I,
)


def ranks_one(word: str) -> bool:
    """Whether ``word`` ranks one of several like things (:data:`_RANKS`: "first",
    "last") or sets one apart ("only"): "its first president", "his only son" is one
    person, whom a sentence naming them in that role names."""
    return word.lower() in _RANKS or word.lower() == "only"


def rank_swapped(question: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """A rank the question gives a thing ("in its second year") and the other rank the
    ``texts`` (the sentences that would answer) give the same thing ("Traffic in the first
    year was ..."), when they never give it the question's rank; else ``None``.

    A one-word swap SQuAD 2.0 writers use ("the first week" for "the second week", "the
    last recorded outbreak" for "the first"): the rank is read only before the same word,
    in any form, since "first" alone says too many other things ("first lit", "at first").
    """
    asked_ranks = list(_RANKED.finditer(question))
    if not asked_ranks:
        return None  # most questions rank nothing: the texts need not be read
    told = [
        (rank, m.group(2), set(tokenize(m.group(2))), _ranked_words(m, t))
        for t in texts
        for m in _RANKED.finditer(t)
        for rank in _ranks_told(_rank(m.group(1)), t[m.end() :])
    ]
    for asked in asked_ranks:
        rank, thing = _rank(asked.group(1)), tokenize(asked.group(2))
        if not thing:
            continue
        same = [(r, w) for r, w, words, _ in told if resembles(thing[0], words)]
        ranks = {r for r, _ in same}
        if not same or _same_rank(rank, ranks) or _may_be_last(rank, ranks):
            continue
        if not asked.group(0)[len(asked.group(1))].startswith("-") and _told_unranked(
            thing[0], texts
        ):
            continue  # "fifth-largest" ranks by size: "the largest city" is the first
        phrase = _ranked_words(asked, question)
        if any(_same_rank(rank, {r}) and _shared(phrase, words) for r, _, _, words in told):
            continue  # "its final revenue service": the final service is told too
        return f"{asked.group(1)} {asked.group(2)}", f"{same[0][0]} {same[0][1]}"
    return None


#: A thing told as one known already: "the building", not "the later waves".
_THE_THING = re.compile(r"\bthe\s+([a-z][\w'’-]*)", re.I)


def _told_unranked(thing: str, texts: Sequence[str]) -> bool:
    """Whether a text that ranks no ``thing`` (a stemmed word) still tells of one, right
    after "the": "the building had burned to the ground" may be the first building the
    question asks of, beside "The second building burned in 1907" (an answerable of the
    twenty-first batch, "after the first building burned down", was refused for "second
    building"); "the later waves" is no first wave."""
    return any(
        any(resembles(thing, set(tokenize(m.group(1)))) for m in _THE_THING.finditer(text))
        and not any(resembles(thing, set(tokenize(m.group(2)))) for m in _RANKED.finditer(text))
        for text in texts
    )


def asks_rank(question: str) -> bool:
    """Whether ``question`` ranks a thing ("the last governor"): only then can a sentence
    give it another rank (:func:`rank_swapped`) or the same (:func:`rank_told`)."""
    return _RANKED.search(question) is not None


def ranks_in_words(question: str) -> bool:
    """Whether ``question`` ranks a thing in plain words, a space between ("the first
    company listed", "the very last lighthouse"): not a name ("the Second Assessment
    Report", "the Third Symphony") nor a rank by a quality ("first-class", "the
    second-largest brokerage"), which a sentence giving another thing the same words
    tells as well ("the second-largest exchange")."""
    return any(
        m.group(0)[len(m.group(1))].isspace() and m.group(0).islower()
        for m in _RANKED.finditer(question)
    )


def rank_told(question: str, text: str) -> bool:
    """Whether ``text`` gives a thing the rank the question gives it ("the last
    quarter" asked, "the final quarter" told): the sentence answering, where another
    gives the thing another rank (:func:`rank_swapped`). The thing may come a word or two
    after the rank ("the very last lighthouse" asked, "the final manned lighthouse")."""
    for asked in _RANKED.finditer(question):
        rank, thing = _rank(asked.group(1)), tokenize(asked.group(2))
        if thing and any(
            _same_rank(rank, {told}) and resembles(thing[0], set(_ranked_words(m, text)))
            for m in _RANKED.finditer(text)
            for told in _ranks_told(_rank(m.group(1)), text[m.end() :])
        ):
            return True
    return False


def _same_rank(rank: str, ranks: set[str]) -> bool:
    """Whether ``rank`` is among ``ranks``, "last" and "final" being one."""
    return rank in ranks or {rank, *ranks} <= {"last", "final"}


#: The ranks that end a series, which any numbered rank but the first may be.
_ENDING = frozenset(("last", "final"))


def _may_be_last(rank: str, ranks: set[str]) -> bool:
    """Whether a series' end and numbered ranks beyond the first meet here (one asked, the
    others told): "the last quarter" of a match is its "fourth quarter", so telling one
    swaps nothing (an answerable of the SQuAD-format sets was refused for it). The first
    is never the last of several ("the last recorded outbreak" for "the first")."""
    numbered = set(_ORDER[1:])
    return (rank in _ENDING and bool(ranks) and ranks <= numbered) or (
        rank in numbered and bool(ranks) and ranks <= _ENDING
    )


def _shared(words: list[str], others: list[str]) -> bool:
    """Whether the two lists of words share one, in any form."""
    return any(resembles(w, others) for w in words)


#: How many words after a rank's first may still be of the thing it ranks: "the final
#: revenue service", "the first Corvane service".
_PHRASE_WORDS = 2
#: A word of the thing a rank ranks, after its first ("revenue service").
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def _ranked_words(match: re.Match[str], text: str) -> list[str]:
    """The (stemmed) words of what the rank at ``match`` ranks: its first word and the
    ones after it up to a function word or a stop ("its final revenue service with the
    type": "revenu", "servic"), at most :data:`_PHRASE_WORDS` after the first."""
    words = tokenize(match.group(2))
    end = match.end()
    for _ in range(_PHRASE_WORDS):
        after = _NEXT_WORD.match(text, end)
        if after is None or after.group(1).lower() in STOPWORDS:
            break
        words += tokenize(after.group(1))
        end = after.end()
    return words


#: What after a rank, in its clause, says whom it follows: "the second ... after Jonas
#: Elvestad" (a name; "the second stage, after the war" follows no one).
_FOLLOWING = re.compile(r"^[^,;:.()]{0,60}?\b(?:after|following|behind)\s+[A-Z]")


def _rank(word: str) -> str:
    """The rank ``word`` gives, as :data:`_ORDER` or "last" writes it."""
    return _SAME_RANK.get(word.lower(), word.lower())


def _ranks_told(rank: str, rest: str) -> tuple[str, ...]:
    """The ranks a text tells in giving ``rank`` with ``rest`` after it: that rank, and
    the ones before it when ``rest`` says whom it follows (an answerable of the eighth
    batch, "who was the first Corlandic winner", was refused for "the second Corlandic
    architect to receive it after Jonas Elvestad")."""
    if rank not in _ORDER[1:] or not _FOLLOWING.match(rest):
        return (rank,)
    return _ORDER[: _ORDER.index(rank) + 1]


#: The two ends of scales that order things or set one apart by degree (general English):
#: a question asking the end of a scale ("the last woman composer to have an opera
#: premiered", "the least densely populated district") of what the sentences that would
#: answer tell only at the other end ("the first of an opera by a woman composer", "one of
#: the most densely populated districts") asks what the article never tells, a kind of
#: unanswerable SQuAD 2.0 writers use. :func:`rank_swapped` reads a rank only right before
#: the same word ("first of", "first to", "first in" say too many other things), and
#: :func:`~antqa.refusals.opposite_word` a word only when the text never writes it (of any
#: thing: "the largest legislature, although the Senate remains the smallest upper house"
#: tells no largest upper house); and neither takes "the earliest" for "the first", nor
#: "the highest proportion" for the other end of "the smallest proportion". Words of one
#: end are one side: "the biggest banks" asked, "the largest banks" told, nothing swapped.
#: A peak is the top end ("a peak of 211 new cases" of "In which week was the lowest
#: number of new cases recorded?"). Not "before"/"after": they order as well ("How many
#: weeks before their parents do young plovers leave?" of "three weeks after their
#: parents"), but over every readable set (run s27-base, answers as given) they would
#: refuse 7 unanswerables and 4 answerables answered right ("Before the expansion, what
#: was the biggest ship size ...?" of "After the expansion the canal could take ships of
#: up to 160,000 deadweight tonnes, compared with 65,000 before").
_DEGREES = (
    ("first earliest", "last final latest"),
    ("oldest", "newest youngest"),
    ("largest biggest greatest highest maximum most peak", "smallest lowest least fewest minimum"),
    ("tallest highest", "shortest lowest"),
    ("longest", "shortest"),
    ("busiest", "quietest"),
    ("strongest", "weakest"),
    ("fastest quickest", "slowest"),
    ("widest broadest", "narrowest"),
    ("deepest", "shallowest"),
    ("richest wealthiest", "poorest"),
    ("heaviest", "lightest"),
    ("hottest warmest", "coldest"),
)
#: Each end of :data:`_DEGREES` with its other end.
_DEGREE_SIDES = tuple(
    (frozenset(one.split()), frozenset(other.split()))
    for pair in _DEGREES
    for one, other in (pair, pair[::-1])
)
#: Not one joined to another word by a hyphen: "semi-final" is a match, "second-largest"
#: not the largest, "first-order" a kind (an answerable of the SQuAD-format sets, "Who
#: scored the first goal of the final?", was refused for "a 2–1 semi-final victory in
#: which both goals were scored by ...").
_DEGREE = re.compile(
    r"(?<![\w-])("
    + "|".join(sorted({w for p in _DEGREES for s in p for w in s.split()}))
    + r")(?![\w-])",
    re.I,
)
#: "at least", "at most", "at first", "at last": no end of a scale told of a thing.
_NO_DEGREE_AFTER = frozenset(("at",))
#: How many content words after a scale's end are read as the thing it sets apart ("the
#: last woman composer to have an opera premiered": woman, composer, opera, premiered):
#: enough for a thing told in a phrase, few enough to stay in it.
DEGREE_THING_WORDS = 4
#: Where the thing a scale's end sets apart stops: the end of its clause.
_CLAUSE_END = re.compile(r"[,;:.()?!]")


def _degrees(text: str) -> list[tuple[str, list[str]]]:
    """Each end of a scale (:data:`_DEGREES`) ``text`` writes, lower-cased, with the
    stemmed content words of what it sets apart: those after it in its clause, at most
    :data:`DEGREE_THING_WORDS`, no figure ("its first 300 kilometres": kilometres). Not
    one capitalised past the text's first word: it is a word of a name."""
    found = []
    for match in _DEGREE.finditer(text):
        before = text[: match.start()].split()
        if before and (before[-1].lower() in _NO_DEGREE_AFTER or match.group(1)[0].isupper()):
            continue  # "at least"; "the First World War", "the Last Supper": a name's word
        rest = _CLAUSE_END.split(text[match.end() :], maxsplit=1)[0]
        thing = [t for t in tokenize(rest) if t not in STOPWORDS and not t.isdigit()]
        found.append((match.group(1).lower(), thing[:DEGREE_THING_WORDS]))
    return found


def degree_swapped(
    question: str, texts: Sequence[str], around: Sequence[str] = ()
) -> tuple[str, str] | None:
    """An end of a scale the question asks of a thing ("the last campaign in Tavessia")
    and the other end that ``texts`` (the sentences that would answer) tell of the same
    thing (a word of it shared: "the first in Tavessia to extend ..."), when neither they
    nor ``around`` (the passage they come from) tell the question's end of it; else
    ``None``. See :data:`_DEGREES`."""
    asked = _degrees(question)
    if not asked:
        return None  # most questions ask no end of a scale: the texts need not be read
    told = [found for text in texts for found in _degrees(text)]
    near = told + [found for text in around for found in _degrees(text)]
    for word, thing in asked:
        for one, other in _DEGREE_SIDES:
            if word not in one or not thing:
                continue
            if any(w in one and _shared(thing, words) for w, words in near):
                break  # the question's end told of it too (in any of its words)
            opposite = next((w for w, words in told if w in other and _shared(thing, words)), None)
            if opposite is not None:
                return word, opposite
    return None
