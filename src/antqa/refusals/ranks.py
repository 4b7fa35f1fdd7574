"""The check that a question swaps the rank the sentences that would answer give a thing."""

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
