"""Keyword evidence with English stop words (bm25s's list) and Snowball stemming.

Dense embeddings miss exact names, dates and numbers that a reader types ("Version 9.0",
"22 members"); keyword matching catches them. The measure is
:meth:`LexicalIndex.coverage`: the IDF-weighted share of the query's words a text holds
(BM25 with binary term frequency, divided by what a text holding every query word would
score). Unlike raw BM25 it is comparable across queries, so it can be mixed with cosine
similarities and used to judge whether the article mentions what is asked at all.

With binary term frequency (bm25s's ``BM25(k1=0, b=0)``) a text's score is the sum of the
IDFs of the query words it holds, so the index is that directly: per word, the texts
holding it and its IDF as float32, added word by word in sorted order as bm25s adds them
(the same float32 sums, bit for bit: tested), without bm25s's per-query conversions,
which cost more than the sums. The index is rebuilt from the texts at load time: for an
article it takes milliseconds, and it keeps the index folder free of derived files.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

#: Words that carry no topic: function words, and the words people use to ask about a text.
STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | frozenset(
    re.findall(
        r"\w+",
        "many much also would could us article author text according say says mention "
        "mentioned mentions describe described tell",
    )
)
#: Prepositions the stop list lacks (and "plus"): words that name no thing and tell no
#: event, so a sum of money ends before one ("40,000 crowns towards pitch repairs") and a
#: question's event is never one ("How long does Ebbe take to go around Halvard?").
UNSTOPPED_PREPOSITIONS = frozenset(
    re.findall(
        r"\w+",
        "around across along among toward towards upon within without near beyond behind "
        "inside outside onto past since till via per despite plus",
    )
)


@lru_cache(maxsize=2)
def _stemmer(cached: bool) -> Stemmer.Stemmer:
    """The English stemmer; ``cached``: with PyStemmer's cache of the last ~10,000 words."""
    return Stemmer.Stemmer("english") if cached else Stemmer.Stemmer("english", 0)


def _unaccented(text: str) -> str:
    """``text`` without accents ("fiancée" -> "fiancee"): people type names without them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str, *, cached: bool = True) -> list[str]:
    """Lower-cased, stemmed word tokens without stop words (or accents).

    ``cached=False`` for words seen once, such as a dictionary's read at load: they would
    fill the stemmer's cache for nothing (50,000 of them kept 2 MB) and push out the
    article's and the questions' words.
    """
    return list(_remembered_tokens(text)) if cached else _tokens(text, _stemmer(False))


# Remembered: the answer step reads the same sentences, names and words again and again,
# for one question and the next.
@lru_cache(maxsize=4096)
def _remembered_tokens(text: str) -> tuple[str, ...]:
    return tuple(_tokens(text, _stemmer(True)))


def _tokens(text: str, stemmer: Stemmer.Stemmer) -> list[str]:
    """:func:`tokenize` with this stemmer."""
    text = text.lower() if text.isascii() else _unaccented(text.lower())
    words = [_one_spelling(w) for w in _TOKEN.findall(text) if w not in STOPWORDS]
    return [w[:-1] if _SHORT_PLURAL.fullmatch(w) else w for w in stemmer.stemWords(words)]


#: The "s" of a plural or a possessive typed without its apostrophe that the stemmer
#: leaves on a word with no vowel, an abbreviation ("MPs", "CDs", "P3s" for "P3's", "B52s"):
#: it strips an "s" only after a vowel. Not a decade's ("1990s" is no year), which has no
#: letter; two letters or more before it, so "vs" stays.
_SHORT_PLURAL = re.compile(r"(?=.*[a-z].)[^aeiouy]{2,}s")


#: English spelt two ways, each as (pattern, the one spelling both are read as): "colour"
#: and "color", "catalogue" and "catalog", "centre" and "center", "organise" and
#: "organize", "analyse" and "analyze", "licence" and "license". People type one where
#: the article writes the other, and the stemmer keeps them apart ("catalogu" and
#: "catalog"). Whole endings after enough letters, so "hour", "tour", "four", "rogue",
#: "acre", "genre" and "prize" stay as they are; the "-ise" side is the one kept, since
#: the stemmer reads "-ise" and "-isation" as one stem ("organis") but "-ize" not always.
_SPELLINGS = tuple(
    (re.compile(pattern), spelling)
    for pattern, spelling in (
        (r"(?<=\w\w\w)our(?=(?:s|ed|ing|ite|ites|able|ably|ful|er|ers)?$)", "or"),
        (r"(?<=\w\w\w)ogue(?=s?$)", "og"),
        (r"(?<=\w\w\wog)ue(?=d$)", "e"),
        (r"(?<=\w\w[tb])(?<!^ent)re(?=s?$)", "er"),  # not the French "entre"
        (r"(?<=\w\w[tb])red$", "ered"),
        (r"(?<=\w\w\w\w)iz(?=(?:e|es|ed|ing|ation|ations|er|ers)$)", "is"),
        (r"(?<=\w\w\w)yz(?=(?:e|es|ed|ing|er|ers)$)", "ys"),
        (r"^(defen|offen|licen|preten)ce(s?)$", r"\1se\2"),
    )
)
#: Any of :data:`_SPELLINGS` at once: most words have none of their endings, and one
#: search passes them over (a dictionary of 67,000 words read at load: 168 ms, not 383).
_RESPELT = re.compile("|".join(pattern.pattern for pattern, _ in _SPELLINGS))
#: The fewest letters of a word :data:`_SPELLINGS` reads ("metre"): shorter words spelt
#: alike are often words of their own ("tour" / "tor").
SPELLING_LEAST_LETTERS = 5


def _one_spelling(word: str) -> str:
    """``word`` spelt as :data:`_SPELLINGS` reads both of its spellings."""
    if len(word) < SPELLING_LEAST_LETTERS or _RESPELT.search(word) is None:
        return word
    for pattern, spelling in _SPELLINGS:
        word = pattern.sub(spelling, word)
    return word


#: Words that pick one instance of something an article tells several times, each class
#: as (how a question asks by it, its word in a group; how a sentence tells it): the
#: last ("final", "latest"), the greatest of all time ("largest ... ever", "the most
#: passengers ... ever", "at the peak" asked; "peak", "at its height", "a record" told).
#: A question asks with one form ("the yard's final ship", "the largest number of
#: branches the bank ever had") where the article tells with another ("the last ship
#: built", "reached its peak of 58 offices"), and without the class the sentence telling
#: another instance that shares the question's other words ranks first. Read in the words
#: as written, not stemmed: "finally" ("when did the yard finally shut?") is "in the
#: end", and "last" is no rank as a verb ("how long did the walkout last?") nor in "last
#: year". The greatest only of all time: "the largest lender in the late 1920s" ranks
#: things of one time, which "at its height" does not tell; and told by words of a high
#: point only ("the largest groups" ranks things too). No class of the first: "first" is
#: written of everything ("first week", "first time"), and read as "originally" /
#: "initially" it quoted "It originally had five members" before "Its first president
#: was ..." (over every set: 1 short answer lost, 2 unanswerables given one, 2 answers'
#: passages ranked lower, none gained). Nor of the present ("today", "currently" asked;
#: "now" told): 2 answers' passages ranked higher, 2 lower, no answer hit moved.
QUALIFIER_CLASSES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(asked, re.IGNORECASE), re.compile(told, re.IGNORECASE))
    for asked, told in (
        (
            r"\b(?P<word>final|latest"
            r"|last(?=\s+(?!(?:year|month|week|night|decade|century)\b)[a-z]))\b",
            r"\b(?:final|latest|last)\b",
        ),
        (
            r"\b(?P<word>largest|biggest|greatest|highest)\b(?=[^?]*\b(?:ever|at\s+one\s+time)\b)"
            r"|\bmost\b[^?]*\b(?P<ever>ever)\b|\b(?P<peak>peak|maximum)\b",
            r"\b(?:peak|peaked|highest|maximum|heyday)\b|\bat\s+(?:its|their|the)\s+height\b"
            r"|\ba\s+record\b",
        ),
    )
)


def qualifiers_asked(question: str) -> dict[str, int]:
    """The qualifiers ``question`` asks by (:data:`QUALIFIER_CLASSES`), each as its stemmed
    word and the number of its class ("final" -> 0 of "Who launched the yard's final ship?")."""
    asked: dict[str, int] = {}
    for number, (asking, _) in enumerate(QUALIFIER_CLASSES):
        for match in asking.finditer(question):
            word = next(w for w in match.groups() if w)
            for token in tokenize(word):
                asked.setdefault(token, number)
    return asked


def _qualifiers_told(texts: Sequence[str]) -> list[dict[str, np.ndarray]]:
    """Per class of :data:`QUALIFIER_CLASSES`, the texts telling it, by the stemmed (last)
    word they tell it with ("peak", "height", "record")."""
    told: list[dict[str, np.ndarray]] = []
    for _, telling in QUALIFIER_CLASSES:
        by_word: dict[str, list[int]] = {}
        for number, text in enumerate(texts):
            for match in telling.finditer(text):
                stems = _tokens(match.group(0), _stemmer(False)) or [match.group(0).lower()]
                by_word.setdefault(stems[-1], []).append(number)
        told.append({w: np.unique(np.array(t, dtype=np.int64)) for w, t in by_word.items()})
    return told


def _lucene_idf(documents: int, frequency: int) -> float:
    """The IDF bm25s uses (Lucene's), also defined for words no text holds."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def form_prefix(word: str) -> str:
    """The letters every other form of ``word`` starts with: all but its last two, at
    least four ("publish" -> "publi", "die" -> "die"). Enough for inflections the stemmer
    leaves apart ("build" and "built", "chines" and "china"), not for unrelated words."""
    return word[: max(4, len(word) - 2)]


def resembles(token: str, tokens: Collection[str]) -> bool:
    """Whether ``token`` or another form of it (:func:`form_prefix`) is among ``tokens``;
    a token under four letters only as itself."""
    if token in tokens:
        return True
    prefix = form_prefix(token)
    return len(token) >= 4 and any(known.startswith(prefix) for known in tokens)


#: The endings a form of a question's word may add to it: the stemmer's own leftovers
#: of "-er", "-or", "-ly", "-y" ("lead" -> "leader", "competit" -> "competitor",
#: "deep" -> "deepli", "famil" -> "famili"). Any ending of up to two letters also paired
#: "flee" with "fleet", "live" with "liver" and "roll" with the name "Rollo" (in the
#: questions of the Normans and squad-own sets).
FORM_ENDINGS = ("er", "or", "li", "i")
#: The last letters a word may lose to a form the texts hold: past tenses in "-t" ("dealt"
#: -> "deal", "meant" -> "mean") and plural numbers ("1200s" -> "1200"). Any letter also
#: paired "eventu" (eventually) with "event".
FORM_DROPS = ("t", "s")


#: The past forms of general English verbs that do not end in "-ed" ("kept", "became").
#: Not the ones written as nouns as often ("set", "cut", "read", "saw", "bore").
IRREGULAR_PAST_FORMS = frozenset(
    re.findall(
        r"\w+",
        "became began came went made took gave held led left lost won kept sold bought "
        "brought fought thought taught caught found built sent spent told said ran rose fell "
        "grew drew flew knew threw wrote rode broke spoke chose stood understood met paid laid "
        "sat hung struck shut got drove sank sang rang arose overtook undertook",
    )
)
#: Words in "-ed" that are no verb ("a hundred", "sacred").
NOT_PAST = frozenset(re.findall(r"\w+", "hundred kindred sacred naked wicked beloved"))


def is_past(word: str) -> bool:
    """Whether ``word`` (lower case) is a verb's past form or participle: one of
    :data:`IRREGULAR_PAST_FORMS`, or in "-ed" past four letters and no word of :data:`NOT_PAST`."""
    return word in IRREGULAR_PAST_FORMS or (
        len(word) > 4 and word.endswith("ed") and word not in NOT_PAST
    )


#: Verbs whose past the stemmer leaves apart from them ("lose" / "lost", "leave" / "left"):
#: a question asks with the bare verb ("How many ships did he lose?"), an article tells with
#: the past ("he lost six warships"). Read by :meth:`LexicalIndex.scored_form` and by the doer
#: check (:mod:`antqa.refusals.doers`).
IRREGULAR_PASTS = {
    "pay": "paid",
    "sell": "sold",
    "buy": "bought",
    "win": "won",
    "lose": "lost",
    "hold": "held",
    "build": "built",
    "send": "sent",
    "spend": "spent",
    "tell": "told",
    "make": "made",
    "take": "took",
    "give": "gave",
    "keep": "kept",
    "leave": "left",
    "meet": "met",
    "bring": "brought",
    "teach": "taught",
    "fight": "fought",
    "catch": "caught",
    "write": "wrote",
    "begin": "began",
    "choose": "chose",
    "draw": "drew",
    "drive": "drove",
    "fly": "flew",
    "grow": "grew",
    "know": "knew",
    "rise": "rose",
    "run": "ran",
    "stand": "stood",
    "strike": "struck",
    "swear": "swore",
    "throw": "threw",
    "lay": "laid",
    "speak": "spoke",
    "break": "broke",
    "ride": "rode",
    "seek": "sought",
    "lend": "lent",
    "sit": "sat",
}

#: The fewest letters of a word whose doubled letter a question may type once
#: ("employes" for "employees"): below six, a word one letter short of another is as
#: often a word of its own ("diner" / "dinner").
TYPO_LEAST_LETTERS = 6


#: The vowels, any of which a question may type for another ("passangers", "seperated",
#: "independant": the unstressed vowel English spells several ways).
_VOWELS = "aeiou"
#: The fewest letters of a word whose vowel a question may type as another: below eight,
#: a word one vowel away from another is often a word of its own ("better" / "batter",
#: "decades" / "decides": "When did the company decide to wind itself up?" read "decade").
VOWEL_TYPO_LEAST_LETTERS = 8
#: The last letters no vowel typed for another is read in: an ending makes another form
#: of the word, or another word, as often as a typo ("decided" / "decades").
VOWEL_TYPO_ENDING = 2


def _vowels_typed_for_others(written: Collection[str]) -> list[tuple[str, str]]:
    """Each of the ``written`` words of :data:`VOWEL_TYPO_LEAST_LETTERS` or more as a
    question may type it with one vowel (not the first letter) for another, with the word
    meant: ("passangers", "passengers")."""
    return [
        (w[:at] + vowel + w[at + 1 :], w)
        for w in sorted(written)
        if len(w) >= VOWEL_TYPO_LEAST_LETTERS
        for at in range(1, len(w) - VOWEL_TYPO_ENDING)
        if w[at] in _VOWELS
        for vowel in _VOWELS
        if vowel != w[at]
    ]


def _typos_held(
    texts: Sequence[str], frequency: Counter[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The texts' words as a question may misspell them with a doubled letter typed once,
    two neighbouring letters typed in each other's place ("compnay" for "company") or, in
    a long word, one vowel for another (:func:`_vowels_typed_for_others`), stemmed, each
    to the stem of the word meant ("employ", from "employes", to "employe", from
    "employees"; "commite" to "committe"); the most frequent when several are, and never a
    stem the texts hold: built once, one lookup a word. Second, the same as whole
    words ("passangers" to "passengers"), for a question respelt before it is read at all
    (:meth:`LexicalIndex.respelt`).

    Only these, English's most common misspellings: any letter dropped also read "bought"
    as "brought", "compete" as "complete" and "cross" as "across" (in the questions of the
    SQuAD-format sets); two neighbours swapped make no other word as often, nor a vowel
    typed for another before a long word's ending."""
    written = {
        w
        for text in texts
        for w in _TOKEN.findall(text.lower())
        if len(w) >= TYPO_LEAST_LETTERS and w.isalpha() and w not in STOPWORDS
    }
    pairs = [
        (w[:at] + w[at + 1 :], w)
        for w in sorted(written)
        for at in range(1, len(w))
        if w[at] == w[at - 1]
    ] + [
        (w[: at - 1] + w[at] + w[at - 1] + w[at + 1 :], w)
        for w in sorted(written)
        for at in range(2, len(w))  # not the first letter: "rate" is no typo of "tear"
        if w[at] != w[at - 1]
    ]
    pairs += _vowels_typed_for_others(written)
    stem = _stemmer(False).stemWords
    held: dict[str, list[str]] = {}
    words: dict[str, list[tuple[str, str]]] = {}
    typed_stems, meant_stems = stem([t for t, _ in pairs]), stem([m for _, m in pairs])
    for (word, written_as), typed, meant in zip(pairs, typed_stems, meant_stems, strict=True):
        if typed not in frequency and meant in frequency:
            held.setdefault(typed, []).append(meant)
            words.setdefault(word, []).append((meant, written_as))
    stems = {typed: max(meant, key=lambda k: (frequency[k], k)) for typed, meant in held.items()}
    respelt = {
        word: max(meant, key=lambda m: (frequency[m[0]], m))[1] for word, meant in words.items()
    }
    return stems, respelt


def _forms_held(frequency: Counter[str]) -> dict[str, str]:
    """For each word of four letters or more that the texts do not hold, the form of it
    they do hold (see :meth:`LexicalIndex.form`), the most frequent when several are:
    built once from the texts' words, so a question's word is one lookup."""
    held: dict[str, list[str]] = {}
    for known in frequency:
        for ending in FORM_ENDINGS:
            if known.endswith(ending) and len(known) > len(ending):
                held.setdefault(known[: -len(ending)], []).append(known)
        if len(known) >= 4:
            for letter in FORM_DROPS:
                held.setdefault(known + letter, []).append(known)
    return {
        word: max(forms, key=lambda k: (frequency[k], k))
        for word, forms in held.items()
        if len(word) >= 4 and word not in frequency
    }


#: Events English writes with more than one verb, each as the verbs written in their plain
#: form. Only verbs with one meaning between them: "start" (a race, a fire) and "create" (a
#: role, a character) say more than founding. Not the noun of an event ("death" for
#: "die"): a death near a person is often another's (2 unanswerables of the SQuAD-format
#: sets answered, "When did Conrad Pyle die?" beside "Dunhallow's death"). On all sets
#: the founding and the replacing each let one answerable through (fresh14's "Who
#: established Cendrick Mills?"; "What replaced pulse relay in the 2000s?" of "displaced
#: during the 2000s") and no unanswerable; dying, building and buying changed no item.
#: Beginning is "start" only among verbs of beginning, never of founding ("When did the
#: channel start broadcasting?" of "which was launched on 1 December 2009").
ONE_MEANING = (
    ("found", "establish", "set up"),
    ("die", "pass away"),
    ("replace", "displace", "supersede"),
    ("build", "construct", "erect"),
    ("buy", "purchase"),
    ("begin", "start", "launch", "commence"),
)
#: Read by coverage too (:meth:`LexicalIndex.scored_form`): a question asking the event in
#: a verb the article never writes counts the verb it does write ("Who established the
#: Vaumorel estate?" of "The estate was founded in 1742 by Anselme Ravoux"), but for the
#: groups holding a verb of other senses (:data:`_OTHER_SENSES`).
#: Verbs that tell other things than their group's event: a shipyard "launched" its
#: ships, and "Who put up the money to start the yard?" quoted a launching (an
#: answerable of the SQuAD-format sets lost when coverage read the beginning verbs).
_OTHER_SENSES = frozenset({"start", "launch"})


def _meanings_held(frequency: Counter[str]) -> dict[str, str]:
    """Each one-word verb of :data:`ONE_MEANING` the texts do not hold, by the other
    verb of its meaning they hold most often (stemmed), when they hold one."""
    found: dict[str, str] = {}
    for stems in stemmed_meanings():
        held = sorted((s for s in stems if s in frequency), key=lambda s: (-frequency[s], s))
        if held:
            found.update({s: held[0] for s in stems if s not in frequency})
    return found


@lru_cache(maxsize=1)
def stemmed_meanings() -> tuple[tuple[str, ...], ...]:
    """The one-word verbs of each group of :data:`ONE_MEANING` coverage reads (none of
    :data:`_OTHER_SENSES`), stemmed as tokens read them."""
    groups = (g for g in ONE_MEANING if not _OTHER_SENSES.intersection(g))
    return tuple(
        tuple(s[0] for s in (tokenize(v, cached=False) for v in g if " " not in v) if s)
        for g in groups
    )


def _pasts_held(frequency: Counter[str]) -> dict[str, str]:
    """Each verb of :data:`IRREGULAR_PASTS` the texts do not hold, by its past when they
    hold that (see :meth:`LexicalIndex.scored_form`)."""
    return {
        verb: past
        for verb, past in stemmed_pasts().items()
        if past in frequency and verb not in frequency
    }


@lru_cache(maxsize=1)
def stemmed_pasts() -> dict[str, str]:
    """:data:`IRREGULAR_PASTS` as tokens read them (stemmed: "leav" -> "left"), without
    those a stopword is ("made"): no text holds it."""
    pairs = (
        (tokenize(verb, cached=False), tokenize(past, cached=False))
        for verb, past in IRREGULAR_PASTS.items()
    )
    return {verb[0]: past[0] for verb, past in pairs if verb and past}


#: Verbs and the nouns English makes of them by no ending the stemmer reads ("die" /
#: "death", "sell" / "sale"): a question asks with one ("When did he die?"), an article
#: tells with the other ("after his death in 1901"). A closed list of English derivations
#: (each line one family), read with :data:`DERIVED_ENDINGS` by :func:`derived_partners`.
DERIVED_FAMILIES = (
    ("die", "death", "dead"),
    ("born", "birth"),
    ("sell", "sale"),
    ("lose", "loss"),
    ("grow", "growth"),
    ("fly", "flight"),
    ("choose", "choice"),
    ("succeed", "success"),
    ("conquer", "conquest"),
    ("acquire", "acquisition"),
    ("compete", "competition"),
    ("destroy", "destruction"),
    ("describe", "description"),
    ("abolish", "abolition"),
    ("enter", "entry"),
    ("injure", "injury"),
    ("occupy", "occupation"),
    ("apply", "application"),
    ("create", "creation"),
    ("prove", "proof"),
    ("believe", "belief"),
    ("weigh", "weight"),
    ("bury", "burial"),
    ("deny", "denial"),
    ("marry", "marriage"),
    ("carry", "carriage"),
    ("deliver", "delivery"),
    ("discover", "discovery"),
    ("recover", "recovery"),
)

#: Stem endings (as the stemmer leaves them) a verb and its noun differ by, each pair
#: (the verb's, the noun's): "-ure" ("close" / "closur", "fail" / "failur"), "-sion"
#: after a vowel and "d" ("decid" / "decis", "invad" / "invas", "includ" / "inclus") or
#: after "nd" ("expand" / "expans", "respond" / "respons") or "it" ("admit" / "admiss"),
#: and "-duction" ("produc" / "product"). Not any "d" for "s" ("word" / "wors" of
#: "worse"), nor any "t" for "ss" ("asset" / "assess"). A pair joins two stems only
#: where the article holds the other.
DERIVED_ENDINGS = (
    ("e", "ur"),
    ("", "ur"),
    ("id", "is"),
    ("ad", "as"),
    ("od", "os"),
    ("ud", "us"),
    ("nd", "ns"),
    ("it", "iss"),
    ("duc", "duct"),
)
#: The fewest letters of a stem left beside an ending of :data:`DERIVED_ENDINGS`: below
#: three, a letter's change makes another word as often ("send" / "sens" of "sense").
DERIVED_ROOT_LETTERS = 3


@lru_cache(maxsize=1)
def _stemmed_families() -> dict[str, frozenset[str]]:
    """Each stem of :data:`DERIVED_FAMILIES` with the other stems of its family."""
    families: dict[str, frozenset[str]] = {}
    for family in DERIVED_FAMILIES:
        stems = {s for word in family for s in tokenize(word, cached=False)}
        for stem in stems:
            families[stem] = frozenset(stems - {stem})
    return families


@lru_cache(maxsize=4096)
def derived_partners(token: str) -> frozenset[str]:
    """The stems a verb or noun ``token`` (a stem) may be told by in the other part of
    speech: its family's (:data:`DERIVED_FAMILIES`) and those :data:`DERIVED_ENDINGS`
    make of it ("close" -> "closur", "decis" -> "decid"). Candidates, not words: a reader
    keeps those the texts hold."""
    partners = set(_stemmed_families().get(token, ()))
    for verb, noun in DERIVED_ENDINGS:
        for told, other in ((verb, noun), (noun, verb)):
            root = len(token) - len(told)
            if token.endswith(told) and root >= DERIVED_ROOT_LETTERS:
                partners.add(token[:root] + other)
    partners.discard(token)
    return frozenset(partners)


#: The fewest letters of each part of a word blended from two of a query's words
#: ("techfin": "tech" and "fin" of "finance"): three, a clipped word's usual least.
BLEND_PART_LETTERS = 3
#: The texts holding a word no text holds.
_NO_TEXTS = np.array([], dtype=np.int64)


def _splits(texts: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Each way of cutting the words the texts write only capitalised (stemmed) in two parts
    of :data:`BLEND_PART_LETTERS` or more, by first part: ``{"tech": [("fin", "techfin")],
    "fin": [("tech", "fintech")]}``. Only those: a blend of clipped words is a coined
    name ("Techfin"); a word written in lower case is a word of its own ("confirm" is no
    blend of "consider" and "firm")."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for word in _TOKEN.findall(text):
            (capitalised if word[0].isupper() else lower).add(word.lower())
    stem = _stemmer(False).stemWords
    vocabulary = set(stem(sorted(capitalised - lower))) - set(stem(sorted(lower)))
    least = BLEND_PART_LETTERS
    splits: dict[str, list[tuple[str, str]]] = {}
    for word in sorted(vocabulary):
        if word.isalpha():
            for at in range(least, len(word) - least + 1):
                splits.setdefault(word[:at], []).append((word[at:], word))
    return splits


#: A name the texts define a short form of, in brackets after it: "Corrin Valley Airways
#: (CVA)", "the International Council for Ocean Chemistry (ICOC)". Up to eight words
#: before the brackets, the short form of two to six capitals.
#: The small words a short form skips the initial of ("Council for Ocean Chemistry").
_UNINITIALLED = ("of", "for", "and", "the", "de", "du", "la")
_DEFINED = re.compile(
    rf"((?:[A-Z][\w'’-]*\s+(?:(?:{'|'.join(_UNINITIALLED)})\s+)?){{2,8}})\(([A-Z]{{2,6}})\)"
)


def short_forms(texts: Sequence[str]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The short forms the texts define (:data:`_DEFINED`), as the tokens of the short form
    to the tokens of the name it stands for ("cva" to "corrin", "valley", "airway"): only
    where the short form's letters are the initials of the name's last words."""
    forms: dict[tuple[str, ...], tuple[str, ...]] = {}
    for text in texts:
        for match in _DEFINED.finditer(text):
            words = [w for w in match.group(1).split() if w.lower() not in _UNINITIALLED]
            short = match.group(2)
            named = words[-len(short) :]
            if len(named) == len(short) and "".join(w[0] for w in named) == short:
                full = tuple(tokenize(" ".join(named)))
                if full:
                    forms[tuple(tokenize(short))] = full
    return forms


def _with_short_forms(
    words: list[frozenset[str]], forms: dict[tuple[str, ...], tuple[str, ...]]
) -> list[frozenset[str]]:
    """Each text's words with a defined short form's where it writes the name: a question
    asking by the short form finds both ("On what date did CVA go into administration?":
    "Corrin Valley Airways entered administration on 27 February 2011" ranked fourth,
    after sentences writing "CVA"). Not the other way: the name's words one by one are no
    short form ("Carvesland" of a question on the country matched every sentence writing
    "CMP", the Carvesland Mutualist Party, and answered an unanswerable)."""
    if not forms:
        return words
    extended = []
    for held in words:
        added = {token for short, full in forms.items() if held.issuperset(full) for token in short}
        extended.append(held | added if added else held)
    return extended


class LexicalIndex:
    """Keyword scores of a query against every text of a fixed list."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._size = len(texts)
        words = _with_short_forms([frozenset(tokenize(t)) for t in texts], short_forms(texts))
        #: Each text's words, for the texts asked about again per question (sentences).
        self._words = dict(zip(texts, words, strict=True))
        holding: dict[str, list[int]] = {}
        for number, held in enumerate(words):
            for token in held:
                holding.setdefault(token, []).append(number)
        self._frequency = Counter({token: len(held) for token, held in holding.items()})
        self._idf = {token: _lucene_idf(self._size, n) for token, n in self._frequency.items()}
        self._unknown_idf = _lucene_idf(self._size, 0)
        #: Per word: the texts holding it, and its IDF as the float32 added to their scores.
        self._postings = {
            token: (np.array(held, dtype=np.int64), np.float32(self._idf[token]))
            for token, held in holding.items()
        }
        self._forms = _forms_held(self._frequency)
        self._pasts = _pasts_held(self._frequency)
        self._meanings = _meanings_held(self._frequency)
        self._typos, self._respelt = _typos_held(texts, self._frequency)
        self._splits = _splits(texts)
        self._qualifiers = _qualifiers_told(texts)

    def idf(self, token: str) -> float:
        """How rare ``token`` is among the texts (highest for words no text holds)."""
        return self._idf.get(token, self._unknown_idf)

    def words(self, text: str) -> frozenset[str]:
        """The tokens of ``text`` (looked up, not tokenized again, for an indexed text)."""
        held = self._words.get(text)
        return frozenset(tokenize(text)) if held is None else held

    def known(self, token: str) -> bool:
        """Whether any text holds ``token``."""
        return token in self._frequency

    def resembles_known(self, token: str) -> bool:
        """Whether ``token``, or a form of it, occurs ("chines" for "china"), or it is a
        word the texts hold misspelt as :func:`_typos_held` reads ("Harowgate")."""
        return resembles(token, self._frequency) or token in self._typos

    def respelt(self, text: str) -> str:
        """``text`` with each word it misspells as :func:`_typos_held` reads typos written
        as the texts write it ("How many passangers flew ...?" -> "... passengers ..."):
        the question's embedding, the thing it counts and every check then read the word
        meant (the unseen regional-airline batch: "How many passangers flew with CVA in
        2009?" ranked the sentence giving the number fifth, and was refused)."""
        if not self._respelt:
            return text

        def meant(match: re.Match[str]) -> str:
            word = match.group(0)
            spelt = self._respelt.get(word.lower())
            if spelt is None:
                return word
            return spelt.capitalize() if word[:1].isupper() else spelt

        return _TOKEN.sub(meant, text)

    def form(self, token: str) -> str:
        """``token``, or the form of it the texts hold when they hold only another one.

        The stemmer leaves some forms apart ("leads" -> "lead" but "leader" -> "leader",
        "dealt" -> "dealt" but "deal"), and a question worded in one form should find a
        sentence in the other. Only forms that are ``token`` plus one of
        :data:`FORM_ENDINGS`, or ``token`` less one of :data:`FORM_DROPS`: the looser rule
        of :func:`resembles` pairs "clash" with "class" and "revenue" with "reveal", which
        would make a sentence match a question it has nothing to do with. Else, a word
        the question misspelt with a doubled letter typed once (:func:`_typos_held`).
        """
        return self._forms.get(token) or self._typos.get(token, token)

    def scored_form(self, token: str) -> str:
        """:meth:`form`, or for a verb whose past is irregular (:data:`IRREGULAR_PASTS`)
        that past when the texts write only the past: a question asks "did he lose", an
        article tells "he lost". Only what a coverage scores reads it: two unseen
        answerables quoted a sentence lacking the verb ("How many ships did Moellendaal
        lose ...?": the other fleet's strength, not "Moellendaal lost six warships"; "Why
        did Vaskin leave ...?": not "Vaskin left in 2001, when ..."). Read by the checks too
        (:meth:`form`), the verb was looked for as the question writes it beside its
        past, and "give up" / "make public" refused 5 answerables for 8 unanswerables."""
        return (
            self._pasts.get(token)
            or self._derived(token)
            or self._meanings.get(token)
            or self.form(token)
        )

    def _derived(self, token: str) -> str | None:
        """The stem the texts tell ``token`` by in the other part of speech
        (:func:`derived_partners`: "closur" for "close") when they hold only that, the
        most frequent when several; ``None`` when they hold ``token`` or no partner."""
        if token in self._frequency:
            return None
        held = [p for p in derived_partners(token) if p in self._frequency]
        return max(held, key=lambda p: (self._frequency[p], p)) if held else None

    def _terms(self, query: Sequence[str]) -> tuple[list[str], float, list[str]]:
        """What a coverage weighs of ``query`` (tokens): its distinct words in the texts'
        forms (:meth:`form`), sorted; the sum of their IDF, which a share is taken of; and
        those some text holds."""
        tokens = sorted({self.scored_form(t) for t in query})
        known = [t for t in tokens if t in self._postings]
        return tokens, sum(self.idf(t) for t in tokens), known

    def coverage(
        self,
        query: str | Sequence[str],
        also: LexicalIndex | None = None,
        qualifiers: Mapping[str, int] | None = None,
    ) -> np.ndarray:
        """Per text, the IDF-weighted share (0–1) of the query's distinct words it holds,
        or a word blended from two of them; with ``also``, a word the text of the same
        number there holds counts as the text's own, once (what its "it" stands for,
        :mod:`antqa.referents`, is read with it in the same pass); with ``qualifiers``
        (:func:`qualifiers_asked`), a qualifier the text tells in another form of its class
        counts too (:meth:`_add_qualifiers`)."""
        tokens, total, known = self._terms(tokenize(query) if isinstance(query, str) else query)
        blended = self._blended(tokens)
        if not (known or blended) or total <= 0:
            return np.zeros(self._size, dtype=np.float32)
        held = np.zeros(self._size, dtype=np.float32)
        holding = {token: self._holding(token, also) for token in {*known, *blended}}
        for token in known:
            held[holding[token]] += self._postings[token][1]  # each text once per word
        for token, blends in blended.items():
            texts = np.unique(np.concatenate([self._postings[b][0] for b in blends]))
            texts = np.setdiff1d(texts, holding[token])
            held[texts] += np.float32(self.idf(token))
        if qualifiers:
            self._add_qualifiers(held, qualifiers, holding)
        return held / total

    def _add_qualifiers(
        self, held: np.ndarray, qualifiers: Mapping[str, int], holding: Mapping[str, np.ndarray]
    ) -> None:
        """Add to ``held`` the weight of each qualifier asked (a stemmed word and its class,
        :data:`QUALIFIER_CLASSES`) for the texts telling its class by another word only
        (``holding``: the texts holding each known word of the query), as the rarer of
        the two words: a word every other sentence writes ("first") is no rare word's
        match ("originally")."""
        for token, number in qualifiers.items():
            told = {w: t for w, t in self._qualifiers[number].items() if w != token}
            if not told:
                continue
            credit = np.zeros(self._size, dtype=np.float32)
            weight = np.float32(self.idf(token))
            for word, texts in told.items():
                credit[texts] = np.maximum(credit[texts], min(weight, np.float32(self.idf(word))))
            credit[holding.get(token, _NO_TEXTS)] = 0.0
            held += credit

    def _holding(self, token: str, also: LexicalIndex | None) -> np.ndarray:
        """The numbers of the texts holding ``token``, here or (with ``also``) in the text
        of the same number there."""
        here = self._postings[token][0] if token in self._postings else _NO_TEXTS
        told = [self._postings[p][0] for p in derived_partners(token) if p in self._postings]
        if told:  # a text telling the word in the other part of speech holds it
            here = np.unique(np.concatenate([here, *told]))
        if also is None or token not in also._postings:
            return here
        return np.union1d(here, also._postings[token][0])

    def _blended(self, tokens: Sequence[str]) -> dict[str, list[str]]:
        """For each of ``tokens``, the texts' words blended from a start of it and a start
        of another of them ("techfin" and "fintech" for "tech" and "financ"): a text holding
        one holds both ("Ant Financial is a Techfin" for "a tech firm that does finance").
        A word the tokens hold themselves is no blend of them."""
        blended: dict[str, list[str]] = {}
        for first in tokens:
            for at in range(BLEND_PART_LETTERS, len(first) + 1):
                for rest, word in self._splits.get(first[:at], ()):
                    if word in tokens:
                        continue
                    for second in tokens:
                        if second != first and second.startswith(rest):
                            blended.setdefault(first, []).append(word)
                            blended.setdefault(second, []).append(word)
        return blended

    def share_in(self, text: str, tokens: Sequence[str]) -> float:
        """IDF-weighted share of ``tokens`` that ``text`` holds (0–1)."""
        present = self.words(text)
        distinct = sorted(set(tokens))  # summed in one order: a set's varies by process
        total = sum(self.idf(t) for t in distinct)
        return sum(self.idf(t) for t in distinct if t in present) / total if total else 0.0
