"""The words of a sentence with what the spans need to know of each, remembered: the
answer step asks about the same sentences again and again."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from antqa.lexical import tokenize


@lru_cache(maxsize=4096)
def word_positions(text: str) -> tuple[tuple[int, str], ...]:
    """(character offset, stemmed token) of each content word of ``text`` (remembered:
    the answer step asks about the same sentences of the article again and again)."""
    out = []
    for match in re.finditer(r"[^\W_]+", text):
        tokens = tokenize(match.group())
        if tokens:
            out.append((match.start(), tokens[0]))
    return tuple(out)


_WORD = re.compile(r"[^\W_][\w’'-]*")


class Word(NamedTuple):
    """A word of a sentence, with what a phrase needs to know of it."""

    start: int
    end: int
    lower: str
    asked: bool  # one of the question's (stemmed) words
    broken: bool  # punctuation stands between it and the word before
    capital: bool  # written with a capital: part of a name


@lru_cache(maxsize=1024)
def marked_words(text: str, asked: frozenset[str]) -> tuple[Word, ...]:
    """The words of ``text``, each marked if the question has it (remembered: the answer
    step looks for one question's short answer in a sentence more than once)."""
    return tuple(
        Word(start, end, lower, stem in asked, broken, capital)
        for start, end, lower, stem, broken, capital in _plain_words(text)
    )


@lru_cache(maxsize=4096)
def _plain_words(text: str) -> tuple[tuple[int, int, str, str, bool, bool], ...]:
    """(start, end, lower case, stem or "" for a function word, punctuation before it,
    capitalised) of each word of ``text``, remembered as :func:`word_positions` is."""
    out = []
    last = 0
    for match in _WORD.finditer(text):
        stems = tokenize(match.group())
        word = match.group()
        gap = text[last : match.start()]
        out.append(
            (match.start(), match.end(), word.lower(), stems[0] if stems else "",
             bool(gap.strip()), word[0].isupper())
        )  # fmt: skip
        last = match.end()
    return tuple(out)
