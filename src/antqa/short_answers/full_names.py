"""A person's whole name of two words as a text writes it, the titles before it taken off
("Walter Hesketh" of "Assemblyman Walter Hesketh"). Here, below :mod:`antqa.people`, because
the name candidates (:mod:`.names`) read it too: :mod:`antqa.people` reads the short answers'
lexicon, so the short answers may not read :mod:`antqa.people`."""

from __future__ import annotations

import re

from antqa.lexical import tokenize
from antqa.short_answers.forms import TITLE_QUALIFIERS, TITLES

#: A capitalised word that is not all capitals ("Hesketh", not "CEO"), not glued to a word
#: or an apostrophe before it, up to its last lower-case letter: every name check's word.
CAPITALISED_WORD = r"(?<![\w’'])[A-Z][\w’'-]*[a-z]"
#: Capitalised words in a row (a name: "Ilse Dorrance", "Sir Thomas Garland").
CAPITALISED_RUN = re.compile(rf"{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD})*")
#: ... ending where a word does.
_NAME_RUN = re.compile(rf"{CAPITALISED_RUN.pattern}\b")


def _untitled(words: list[str], lower_words: frozenset[str]) -> list[str]:
    """``words`` (a capitalised run of three or more) without the titles opening it
    (:data:`TITLES`, or a word the article writes in lower case: a role noun), down to the
    two words of a name, when those two are no title and words the article never writes
    in lower case ("Walter Hesketh" of "Assemblyman Walter Hesketh", and after a title
    inside the run, :func:`after_last_title`, "Aurel Danek" of "Interior Minister Aurel
    Danek"; not "World War" of "First World War", whose "war" is a common noun, nor
    "Minister Ilse" of "Prime Minister Ilse")."""
    words = after_last_title(words)  # "Aurel Danek" of "Interior Minister Aurel Danek"
    while len(words) > 2 and _title(words[0], lower_words):
        words = words[1:]
    if (
        len(words) == 2
        and not _title(words[0], lower_words)
        and all(lower_words.isdisjoint(tokenize(w)) for w in words)
    ):
        return words
    return []


def _title(word: str, lower_words: frozenset[str]) -> bool:
    """Whether ``word`` (capitalised) is a title before a name: one of :data:`TITLES`, or
    a word the article writes in lower case (``lower_words``, stemmed), not a stop word."""
    stems = tokenize(word)
    return word.lower().rstrip(".") in TITLES or (bool(stems) and lower_words.issuperset(stems))


def two_word_names(text: str, lower_words: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The names of two capitalised words ``text`` writes, each as its two stemmed words
    (neither a stop word: "The Dorrance ratio" is no name of two words), also after a
    title (:func:`_untitled`, with ``lower_words``, the stemmed words the article writes
    in lower case): the article calls "Assemblyman Walter Hesketh" "Hesketh" as it calls
    "Walter Hesketh" so."""
    found = []
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        if len(words) > 2:
            words = _untitled(words, lower_words)
        if len(words) == 2 and all(len(tokenize(word)) == 1 for word in words):
            found.append((tokenize(words[0])[0], tokenize(words[1])[0]))
    return found


#: The fewest words a name after a title inside a run holds: "Aurel Danek" of "Interior
#: Minister Aurel Danek" (one word, "Ilse" of "Prime Minister Ilse", may be a title's
#: qualifier, or a place's: "Governor Kessel").
_NAME_AFTER_TITLE_WORDS = 2


def after_last_title(words: list[str]) -> list[str]:
    """The words of a capitalised run after its last title when they are
    :data:`_NAME_AFTER_TITLE_WORDS` or more: the person named ("Aurel Danek" of "Interior
    Minister Aurel Danek", whose "Interior" is no title); else ``words`` whole. Only a
    title of :data:`TITLES` that names a role alone (not of :data:`TITLE_QUALIFIERS`,
    "First", "General"), not any word the article writes in lower case: "Markets
    Authority" of "Financial Markets Authority" is a body's name, no person."""
    titles = [
        i
        for i, word in enumerate(words)
        if (title := word.lower().rstrip(".")) in TITLES and title not in TITLE_QUALIFIERS
    ]
    if titles and len(words) - titles[-1] - 1 >= _NAME_AFTER_TITLE_WORDS:
        return words[titles[-1] + 1 :]
    return words
