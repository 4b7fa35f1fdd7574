"""The phrase answering a "what" question of no kind: the words the sentence adds right
after the question's ("... formed a guild"), or right before its verb ("A canal
reached Marrick")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from antqa.lexical import STOPWORDS, tokenize
from antqa.short_answers.asked import Asked
from antqa.short_answers.forms import ARTICLES, DETERMINERS
from antqa.short_answers.words import Word, marked_words

#: Words that may stand between the question's words and the phrase answering it: an
#: article, a possessive, a copula or a naming verb ("was called", "known as"). A
#: preposition may too, when the question has it ("What did Morrow grow the bacterium
#: on?": "grown on a medium of rabbit serum"): another one starts a phrase that says where
#: or of what ("Isabella of Vessano"), not the thing asked for.
_LINKS = frozenset(
    re.findall(
        r"\w+",
        "a an the its their his her is was are were be been became become called named known as",
    )
)
#: Words after which a phrase goes on as a clause or a complement ("the right to garrison
#: Roccabruna", "the claim that ..."): where the phrase stops is no answer's end.
_GOES_ON = frozenset(["to", "that"])
#: The verb "be": after it a word in lower case is a passive's verb ("was ruled") or says
#: what something is like ("was instrumental"); a thing follows its article ("was a guild").
_BE = frozenset(["is", "was", "are", "were", "be", "been"])
#: The prepositions that may link, when the question has them. Not "to": in a question it
#: is mostly an infinitive's ("hope to meet"), and after it comes a verb ("to come").
_PREPOSITIONS_LINKING = frozenset(
    re.findall(r"\w+", "on in into onto with from by for at through over under out up")
)
#: Function words a phrase may hold between its content words ("beds of sand", "sand and
#: gravel"); any other function word ends it.
_INSIDE = frozenset(["of", "and"])
#: What may follow an inner "of" or "and" before the phrase goes on ("the marshes south of
#: the river", "the language of their hosts").
_DETERMINER_SET = frozenset(DETERMINERS.split("|"))
#: Where a phrase read backwards from a verb begins ("a canal reached ...").
_ARTICLE_SET = frozenset(ARTICLES.split("|"))
#: Most link words taken between the question's words and the phrase ("mixed with killed
#: bacteria", "known as the Pale"): more, and the phrase is in another clause.
MAX_LINKS = 2
#: Prepositions after which a phrase goes on when a name follows ("a lookout post for
#: Zeppelin raids", "its new pumping station at Callow Bridge").
_BEFORE_NAME = frozenset(["at", "for", "after", "in", "from"])


def _names_after(words: Sequence[Word], k: int) -> bool:
    """Whether ``words[k]`` is one of :data:`_BEFORE_NAME` with a name after it (maybe
    after an article)."""
    if words[k].lower not in _BEFORE_NAME:
        return False
    nxt = k + 2 if k + 2 < len(words) and words[k + 1].lower in _DETERMINER_SET else k + 1
    return nxt < len(words) and words[nxt].capital and not words[nxt].broken


def _phrase_from(words: Sequence[Word], first: int) -> tuple[int, int] | None:
    """The noun phrase that starts at ``words[first]``: content words and the "of" / "and"
    between them, up to punctuation, another function word or a word of the question."""
    last = None
    k = first
    while k < len(words):
        word = words[k]
        if k > first and word.broken:
            break
        if word.asked and not (last == k - 1 and word.capital and words[k - 1].capital):
            break  # a word of the question, unless it ends a name ("the Rural Centre Party")
        if word.lower in STOPWORDS:
            nxt = words[k + 1] if k + 1 < len(words) else None
            if k == first or nxt is None or nxt.broken:
                break
            if word.lower not in _INSIDE and not _names_after(words, k):
                break
            if nxt.lower in _DETERMINER_SET and k + 2 < len(words) and not words[k + 2].broken:
                k += 1  # "south of the river", "statutes and the university"
                nxt = words[k + 1]
            if nxt.asked or nxt.lower in STOPWORDS:
                break
        else:
            last = k
        k += 1
    return (first, last) if last is not None else None


def phrase_spans(text: str, asked: Asked) -> list[tuple[int, int]]:
    """The phrases right after a word of the question (and the link words after it):
    "... could be grown on a medium of rabbit serum" for "What did Morrow grow the
    bacterium on?". For a question asking what did something ("What reached ...?"), the
    phrase right before its verb (see :func:`_subjects`)."""
    words = marked_words(text, asked.tokens)
    links = _LINKS | (_PREPOSITIONS_LINKING & asked.words)
    spans = []
    if asked.doing:
        return _subjects(words, asked)
    for i, word in enumerate(words):
        if not word.asked or (
            i + 1 < len(words) and words[i + 1].asked and not words[i + 1].broken
        ):
            continue
        if word.lower[0].isdigit():
            continue  # "In 1936 the players gave ...": a date opens the clause, its subject follows
        j = i + 1
        while (
            j < len(words)
            and j - i - 1 < MAX_LINKS
            and words[j].lower in links
            and not words[j].broken
        ):
            j += 1
        if j == i + 1 or j == len(words) or words[j].broken or words[j].lower in STOPWORDS:
            continue  # "Bernardo built ...": a word right after the question's is its verb
        if any(words[k].lower in asked.filled for k in range(i + 1, j)):
            continue  # "take over the site" for "... taking over the observatory?": its object
        span = _phrase_from(words, j)
        if span is None or text[words[j].start].isdigit():
            continue  # a number or a date answers a question of another kind
        if words[j].lower.endswith("ed") and span[0] == span[1]:
            continue  # "Isaac surrendered": a verb
        if words[j - 1].lower in _BE and not words[j].capital:
            continue  # "was ruled", "are strictly nocturnal": a verb or what it is like
        if words[j].lower.endswith("ly"):
            continue  # "eventually absorbed": how it was done
        after = span[1] + 1
        if after < len(words) and not words[after].broken:
            if words[after].asked:
                continue  # "the Calloway Hall" for "the hall": what the question's word is
            if words[after].lower in _GOES_ON:
                continue  # "the right to garrison ...": the phrase goes on past where it ends
        spans.append((words[span[0]].start, words[span[1]].end))
    return spans


def _goes_on(words: Sequence[Word], after: int) -> bool:
    """Whether a phrase ending before ``words[after]`` goes on past it: "exposure to
    sulfide", "the right to garrison", not "the Harrow Hills to the north"."""
    if after >= len(words) or words[after].broken or words[after].lower not in _GOES_ON:
        return False
    nxt = words[after + 1] if after + 1 < len(words) else None
    return nxt is None or nxt.lower not in _DETERMINER_SET


def _subjects(words: Sequence[Word], asked: Asked) -> list[tuple[int, int]]:
    """The phrases right before the question's verb, as the question writes it or in the
    past ("a firmware error caused them" for "What caused ...?"; not "the main cause")."""
    spans = []
    for i, word in enumerate(words):
        if not word.asked or word.broken or tokenize(word.lower)[0] not in asked.doing:
            continue
        if word.lower in asked.words or word.lower.endswith("ed"):
            by = i + 1 < len(words) and words[i + 1].lower == "by" and not words[i + 1].broken
            agent = i + 2 < len(words) and not words[i + 2].broken and words[i + 2].lower
            if by and agent and (agent in _DETERMINER_SET or agent not in STOPWORDS):
                # "enclosed by the Harrow Hills": who does it is after "by"
                first = i + 3 if agent in _DETERMINER_SET else i + 2
                span = _phrase_from(words, first) if first < len(words) else None
                after = span[1] + 1 if span is not None else len(words)
                if _goes_on(words, after):
                    span = None  # "triggered by exposure to sulfide": it goes on
            else:
                span = _phrase_before(words, i)
            if span is not None and not words[span[0]].lower[0].isdigit():
                spans.append((words[span[0]].start, words[span[1]].end))
    return spans


def _phrase_before(words: Sequence[Word], verb: int) -> tuple[int, int] | None:
    """The noun phrase right before ``words[verb]`` ("a small market grew up"): content
    words and the "of" / "and" between them, back to an article, punctuation, another
    function word or a word of the question."""
    first = None
    k = verb - 1
    while k >= 0:
        word = words[k]
        if word.asked:
            break
        if word.lower in STOPWORDS:
            if word.lower in _ARTICLE_SET or word.lower not in _INSIDE or first is None:
                break
            if k == 0 or words[k - 1].lower in STOPWORDS or words[k - 1].asked:
                break
        else:
            first = k
        if word.broken:
            break
        k -= 1
    return (
        (first, verb - 1) if first is not None and words[verb - 1].lower not in STOPWORDS else None
    )
