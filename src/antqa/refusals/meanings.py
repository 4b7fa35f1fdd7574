"""Verbs of one meaning (:data:`~antqa.lexical.ONE_MEANING`): English tells one event
with several verbs ("founded", "established", "set up"; "died", "passed away"), and a
question may ask it in another verb than the article's. The checks read them only where
they are about whether the event is told, never where they are about who took it or
what it was done to."""

from __future__ import annotations

import re
from functools import lru_cache

from antqa.lexical import ONE_MEANING, form_prefix, tokenize


def _written(phrase: str) -> str:
    """A phrase's words in any form (:func:`~antqa.lexical.form_prefix`, then any ending),
    as :func:`antqa.lexical.resembles` pairs forms ("establish", "established"; "pass
    away", "passed away")."""
    return r"\s+".join(rf"{re.escape(form_prefix(word))}\w*" for word in phrase.split())


@lru_cache(maxsize=256)
def _group(step: str) -> tuple[str, ...]:
    """The verbs of ``step``'s meaning (itself first), or just ``step``."""
    stem = tokenize(step)
    for group in ONE_MEANING:
        if stem and any(tokenize(verb)[:1] == stem[:1] for verb in group if " " not in verb):
            return (step, *(verb for verb in group if tokenize(verb) != stem))
    return (step,)


def any_verb(step: str) -> str:
    """A pattern (no bounds) finding ``step`` or another verb of its meaning
    (:data:`ONE_MEANING`) written in any form, in lower case."""
    return f"(?:{'|'.join(_written(verb) for verb in _group(step))})"


@lru_cache(maxsize=256)
def told_in_any_verb(step: str) -> re.Pattern[str]:
    """What finds ``step`` or another verb of its meaning (:func:`any_verb`) as a word:
    "Who established Cendrick Mills?" is answered by "Cendrick Mills was founded in 1884
    by the industrialist Josiah Cendrick"."""
    return re.compile(rf"\b{any_verb(step)}")


@lru_cache(maxsize=256)
def meaning_words(step: str) -> tuple[tuple[str, ...], ...]:
    """The verbs of ``step``'s meaning (:data:`ONE_MEANING`), each as its stemmed words:
    ``("die",)`` and ``("pass", "away")`` for "die". A text tells the step when it holds
    every word of one of them. Not a verb with a stop word ("set up" would be "set")."""
    found = []
    for verb in _group(step):
        words = tuple(tokenize(verb))
        if words and len(words) == len(verb.split()) and words not in found:
            found.append(words)
    return tuple(found)
