"""How an article calls a person: the names of someone a text writes, a person's whole
name of two words, and whether the article calls them by the last word alone ("Hesketh"
of "Walter Hesketh"). One reading, built once at load, that every check asking "is this
the person the question names?" asks."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from antqa.lexical import STOPWORDS, tokenize
from antqa.questions import MONTH_NAMES
from antqa.short_answers.asked import names_a_person, names_thing
from antqa.short_answers.forms import PEOPLE_ENDINGS_BEFORE_LOWER, TITLES
from antqa.short_answers.full_names import (
    CAPITALISED_RUN,
    CAPITALISED_WORD,
    after_last_title,
    two_word_names,
)
from antqa.short_answers.trimming import opens_only_as_first

#: A word ended as the adjectives of peoples and places are ("German", "Swedish",
#: "French", "Icelandic", "Saudi"): one such word before a lower-case one qualifies it.
_DEMONYM = re.compile(rf"(?:{PEOPLE_ENDINGS_BEFORE_LOWER})$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
#: A capitalised name as a question writes it, with initials and abbreviations ("Jack
#: Ma", "Is Python").
_WRITTEN_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def people(text: str, common: frozenset[str], places: frozenset[str]) -> tuple[str, ...]:
    """The names of someone in ``text``: capitalised words in a row, none of which the
    article also writes in lower case (``common``: "the Second World War"), no place it
    writes (``places``: "at Hobb's Moss"), no month, and not one word of a people
    qualifying the next ("a German bomb"). The sentence's first word is
    left out when the article writes it in lower case, and so are the titles opening a
    name (:data:`~antqa.short_answers.forms.TITLES`, or a word the article writes in lower
    case before two more): "Mayor Ada Brun" names Ada Brun, "King Ethelred" Ethelred; and
    a run holding such a word names the two words or more after its last title
    (:func:`after_last_title`): "Interior Minister Aurel Danek" names Aurel Danek."""
    found = []
    for run in CAPITALISED_RUN.finditer(text):  # a name: "Robert Dacre"
        words = run.group().split()
        if run.start() == 0 and (words[0].lower() in common or opens_only_as_first(words[0])):
            words.pop(0)  # "The", "During", "Although": capitalised as the first word
        while len(words) > 1 and (
            words[0].lower().rstrip(".") in TITLES
            or (len(words) > 2 and words[0].lower() in common)
        ):
            words.pop(0)  # "Mayor", "Colonel", "Sir": a title before the name
        if any(w.lower() in common for w in words):
            words = after_last_title(words)  # "Interior Minister Aurel Danek"
        if not words or (
            len(words) == 1 and _DEMONYM.search(words[0]) and _LOWER_NEXT.match(text, run.end())
        ):
            continue
        if (
            not any(w.lower() in common or w in MONTH_NAMES or w in places for w in words)
            and " ".join(words) not in places
        ):
            found.append(" ".join(words))
    return tuple(found)


def named_in(text: str, stem: str) -> str:
    """The capitalised name in ``text`` that holds the word stemmed ``stem`` ("Jack Ma")."""
    for match in _WRITTEN_NAME.finditer(text):
        words = match.group().split()
        while words and not tokenize(words[0]):  # "Is Python" -> "Python"
            words.pop(0)
        if stem in tokenize(" ".join(words)):
            return " ".join(words).removesuffix("'s").removesuffix("’s").rstrip("'’")
    return stem


class Calling:
    """How the article calls each person it names by two words: who it calls by the last
    word alone. Built once at load from the sentences' texts and (stemmed) words."""

    def __init__(
        self,
        texts: Sequence[str],
        words: Sequence[Collection[str]],
        holders: Callable[[str], set[int]],
        lower_words: frozenset[str] = frozenset(),
    ) -> None:
        #: Per sentence, its stemmed words.
        self._words = words
        #: The sentences holding a stemmed word in any form.
        self._holders = holders
        #: The words the article writes in lower case, stemmed: none of them is a name.
        self._lower_words = lower_words
        #: Per word ending a name of two words ("dorranc" of "Ilse Dorrance"), the word
        #: written first before it: who the article calls by that word alone.
        self._first_words: dict[str, str] = {}
        for text in texts:
            for first, last in two_word_names(text, lower_words):
                self._first_words.setdefault(last, first)

    def by_last(self, question: str, name: str) -> str | None:
        """The (stemmed) last word of the two-word name the question writes ``name`` first in
        ("dorranc" for "ilse" of "Ilse Dorrance"), when the first name the article writes
        ending in that word is ``name``'s and the article never writes that word in lower
        case (not "basin" of "the Sarnath Basin", which names anything); else ``None``.

        A paragraph may call that person by the last word alone ("Dorrance was born ... in
        Kessmoor"). An article introduces a person by their whole name, then writes the
        last word alone; a relative who shares it comes later, named whole to tell them
        apart ("Tomas Harlow" ... "his daughter, Ada Harlow"; "Penhallow ... died ..., and
        his nephew Arthur Penhallow completed the work"): the last word alone is still
        the one named first."""
        for first, last in two_word_names(question, self._lower_words):
            if first == name and self.by_last_alone(first, last):
                return last
        return None

    def by_last_alone(self, first: str, last: str) -> bool:
        """Whether the article calls the person named ``first`` ``last`` (stemmed) by the
        last word alone: the first name it writes ending in that word is theirs, it never
        writes the word in lower case, and a sentence holds it without ``first``. One
        rule for every check: the names check, a follow-up's person and the names a
        question puts together."""
        return (
            self._first_words.get(last) == first
            and last not in self._lower_words
            and self.alone(first, last)
        )

    def calls_by(self, last: str) -> bool:
        """Whether the article calls someone by ``last`` (stemmed) alone: the last word of
        a name of two words it writes (:meth:`by_last_alone`), "Arvanti" of "Lena Arvanti"."""
        first = self._first_words.get(last)
        return first is not None and self.by_last_alone(first, last)

    def alone(self, first: str, last: str) -> bool:
        """Whether a sentence holds ``last`` without ``first`` (both stemmed words of one
        person's name): the article calls them by the last word ("Hesketh" of "Assemblyman
        Walter Hesketh"), not always whole ("Peng Lei", whose "Lei" no sentence holds
        alone)."""
        return any(first not in self._words[i] for i in self._holders(last))

    def called(self, name: str) -> str:
        """``name`` (a person's, as the article writes it) by its last word when the article
        calls them by it alone (:meth:`by_last_alone`), as it does once it has named them
        ("Hesketh" of "Walter Hesketh": a later paragraph holding only "Hesketh" still tells
        of him), else whole ("Peng Lei", never "Lei"; "Anton Dorrance", named after "Ilse
        Dorrance", whom "Dorrance" alone calls)."""
        words = name.split()
        first, last = (tokenize(w) for w in (words[-2], words[-1])) if len(words) > 1 else ([], [])
        if len(first) == 1 and len(last) == 1 and self.by_last_alone(first[0], last[0]):
            return words[-1]
        return name


#: Words that end a description's noun phrase: what follows tells more of the person
#: ("a shipowner from the port city of Velmaar": "shipowner"), not what they are called.
_DESCRIPTION_ENDS = frozenset(
    [
        "of",
        "from",
        "in",
        "at",
        "on",
        "to",
        "for",
        "with",
        "by",
        "who",
        "whose",
        "which",
        "that",
        "and",
        "or",
        "but",
        "as",
        "was",
        "is",
        "had",
        "has",
        "named",
        "called",
        "known",
    ]
)
#: A name of two capitalised words or more, a title allowed before it ("Dr. Edmund Tallis").
_FULL_NAME = rf"(?:[A-Z][a-z]{{1,3}}\.\s+)?(?P<name>{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD})+)"
#: A person said by what they are, in the article's three usual ways: after the name set
#: off by commas ("Bernard Achterberg, a shipowner from ..."), before it ("the economist
#: Cyril Aubery") and before "was" ("The first physician appointed to the infirmary was
#: Dr. Edmund Tallis").
_DESCRIBED = (
    re.compile(rf"{_FULL_NAME},\s+(?:a|an|the)\s+(?P<words>[a-z][a-z\s-]*)"),
    re.compile(rf"\b(?:the|a|an)\s+(?P<words>(?:[a-z][\w-]*\s+){{1,3}}){_FULL_NAME}\b"),
    re.compile(rf"^\W*The\s+(?P<words>[a-z][\w\s'’-]*?)\s+(?:was|is)\s+{_FULL_NAME}\b"),
)


#: English's endings of a noun for someone by what they do or are ("merchant", "shipowner",
#: "sculptor", "historian", "chairman", "patroness"), beyond the worker endings
#: :func:`~antqa.short_answers.asked.names_a_person` reads.
_AGENT_ENDING = re.compile(r"(?:er|or|ant|ian|man|woman|ess)s?$")
#: Nouns for someone by kin, not work ("a widow", "his great-granddaughter").
_KIN = frozenset(
    ["widow", "widower", "wife", "husband", "son", "daughter", "child", "heir", "nephew", "niece"]
)


def _person_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a noun for a person: one a question asks a person by
    (:func:`~antqa.short_answers.asked.names_a_person`), one of kin (:data:`_KIN`, its last
    part: "great-granddaughter") or of an agent's ending (:data:`_AGENT_ENDING`), no function
    word ("after", "under") and no thing's noun ("tower", "steamer" are read by the name)."""
    last = word.split("-")[-1]
    return (
        word not in STOPWORDS
        and not names_thing(word)
        and (names_a_person(word) or last in _KIN or _AGENT_ENDING.search(last) is not None)
    )


def _description(words: str) -> str:
    """``words`` up to the first word ending a description (:data:`_DESCRIPTION_ENDS`), and
    within them up to the last noun for a person (:func:`_person_noun`): "first physician"
    of "The first physician appointed to the infirmary was"; empty when none is one ("the
    council under Henrik Dow", "the lower Velmar River")."""
    kept: list[str] = []
    for word in words.split():
        if word in _DESCRIPTION_ENDS:
            break
        kept.append(word)
    while kept and not _person_noun(kept[-1]):
        kept.pop()
    return " ".join(kept)


def _called_alone(name: str, texts: Sequence[str]) -> bool:
    """Whether a text writes the last word of ``name`` alone, no capitalised word right
    before or after it: the article calls them by the surname, as it does a person once
    named ("Achterberg died"), never a place's or a vessel's last word ("the Velmar
    River", "the Marrow Queen")."""
    last = re.compile(rf"(?<![\w’'-]){re.escape(name.split()[-1])}\b(?!['’-])")
    for text in texts:
        for match in last.finditer(text):
            before = text[: match.start()].split()[-1:]
            after = text[match.end() :].split()[:1]
            if not any(word[0].isupper() for word in before + after):
                return True
    return False


def descriptions(texts: Sequence[str]) -> dict[str, str]:
    """Per person's whole name (two words or more) the article says what they are of
    (:data:`_DESCRIBED`), the words saying it, joined: what a question may call them by
    instead of their name ("the shipowner", "the first physician")."""
    found: dict[str, list[str]] = {}
    for text in texts:
        for number, pattern in enumerate(_DESCRIBED):
            for match in pattern.finditer(text):
                words = match.group("words")
                said = _description(words)
                name = match.group("name").removesuffix("'s").removesuffix("’s")
                if said and (number != 1 or said == words.strip()):
                    found.setdefault(name, []).append(said)
    # whether the article calls each by the surname alone, read once per name, not per match
    return {name: " ".join(said) for name, said in found.items() if _called_alone(name, texts)}


def described_in(texts: Sequence[str]) -> list[str]:
    """Per text, what the article says the people it names are (:func:`descriptions`):
    a text writing a person's whole name, or the last word of it when no other described
    person's name ends in that word, is read with their description. "Bernard Achterberg
    died in 1931 and left the estate to his son Hendrik" answers "To whom did the shipowner
    leave the estate when he died?": "shipowner" is said of him in another sentence."""
    said = descriptions(texts)
    lasts: dict[str, list[str]] = {}
    for name in said:
        lasts.setdefault(name.split()[-1], []).append(name)
    calls = {
        name: re.compile(
            rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b(?!\s+[A-Z])"
            if len(lasts[name.split()[-1]]) == 1
            else rf"\b{re.escape(name)}\b"
        )
        for name in said
    }
    return [" ".join(said[n] for n, call in calls.items() if call.search(t)) for t in texts]
