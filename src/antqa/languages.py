"""Which languages the embedding model reads, and which language a question is written in.

An English-only model turns a Chinese question into a vector that matches nothing in
particular, so its "answer" would be noise. Instead antqa says which languages the
configured model handles and how to configure one that reads the question's language.
This module is the one place that knows which models are multilingual; the setting
``ANTQA_MODEL_LANGUAGES`` overrides it for any other model.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

#: Stands for "many languages" in a model's language list.
ANY_LANGUAGE = "any"
#: What to suggest to someone asking in another language (it reads 50+ languages).
MULTILINGUAL_SUGGESTION = "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2"

#: The language :mod:`antqa.glossing` can gloss for an English-only model.
CHINESE = "Chinese"
_MULTILINGUAL_MARKERS = ("multilingual", "labse", "bge-m3", "-m3", "xlm", "muse", "use-cmlm")
_ENGLISH_ONLY = ("English",)

#: Unicode script (first word of a character's name) -> the language a question in it is in.
_SCRIPT_LANGUAGE = {
    "CJK": CHINESE,
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "CYRILLIC": "Russian",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Hindi",
    "THAI": "Thai",
    "BENGALI": "Bengali",
    "TAMIL": "Tamil",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
}


def model_languages(model: str, configured: Sequence[str] | None = None) -> tuple[str, ...]:
    """The languages ``model`` handles: the setting if given, else judged from its name.

    Multilingual sentence-transformers models say so in their names; the rest (including
    the bundled all-MiniLM-L6-v2) were trained on English.
    """
    if configured:
        return tuple(configured)
    lowered = model.lower()
    if any(marker in lowered for marker in _MULTILINGUAL_MARKERS):
        return (ANY_LANGUAGE,)
    return _ENGLISH_ONLY


def _script(character: str) -> str | None:
    try:
        return unicodedata.name(character).split(" ", 1)[0]
    except ValueError:
        return None


def question_language(question: str) -> str | None:
    """The language of ``question`` when most of its letters are in a non-Latin script.

    ``None`` for Latin-script text (English and its neighbours, which the lexical and
    dense signals handle) and for text without letters.
    """
    if question.isascii():  # most questions: every letter is Latin, nothing to look up
        return None
    letters = sum(ch.isalpha() for ch in question)
    # ASCII letters are all Latin: only the others need their (slow) Unicode name looked up.
    scripts = Counter(_script(ch) for ch in question if ch.isalpha() and not ch.isascii())
    if not letters:
        return None
    script, count = max(
        ((s, n) for s, n in scripts.items() if s in _SCRIPT_LANGUAGE),
        key=lambda pair: pair[1],
        default=(None, 0),
    )
    if script is None or 2 * count < letters:
        return None
    if script == "CJK" and (scripts["HIRAGANA"] or scripts["KATAKANA"]):
        return "Japanese"
    return _SCRIPT_LANGUAGE[script]


def unsupported_language(question: str, languages: Sequence[str]) -> str | None:
    """The question's language if the model cannot read it, else ``None``."""
    language = question_language(question)
    if language is None:
        return None
    handled = {name.lower() for name in languages}
    if ANY_LANGUAGE in handled or language.lower() in handled:
        return None
    return language


def language_reply(language: str, model: str, languages: Sequence[str]) -> str:
    """What to tell someone whose question is in a language the model cannot read."""
    handled = ", ".join(languages)
    return (
        f"This question looks like {language}, but the configured model ({model}) only "
        f"handles {handled}, so it cannot search the article for it reliably. Ask in "
        f"{languages[0]}, or configure a multilingual sentence-transformers model: set "
        f"ANTQA_MODEL={MULTILINGUAL_SUGGESTION} and run antqa build-index --model "
        f"{MULTILINGUAL_SUGGESTION} (or ANTQA_MODEL_LANGUAGES to declare another "
        "model's languages)."
    )
