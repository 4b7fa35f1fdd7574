"""The article's words as the name checks read them, and the names a question gives: with
a regnal number, in a clause saying whom it asks about, with a step of theirs, or given
a fact the article gives to another name."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from itertools import chain

from antqa.lexical import (
    STOPWORDS,
    TYPO_LEAST_LETTERS,
    UNSTOPPED_PREPOSITIONS,
    LexicalIndex,
    form_prefix,
    is_past,
    resembles,
    tokenize,
)
from antqa.models import Sentence
from antqa.people import Calling, named_in
from antqa.refusals.clauses import AUXILIARIES
from antqa.refusals.events import LASTING_WORDS, TAKING_ROLE_WORDS
from antqa.refusals.meanings import any_verb, meaning_words
from antqa.refusals.numbers import ordinal_figures, roman_ordinal
from antqa.refusals.times import HAPPENING_WORDS
from antqa.short_answers.forms import PEOPLE_ENDINGS

#: A name with a regnal number: "Henry II", "Charles III", "Alexander I".
_NUMBERED = re.compile(r"\b([A-Z][\w'’-]*[a-z])\s+(I{1,3}|IV|VI{0,3}|IX|XI{0,3})\b")
#: A (stemmed) word of a people or a language made from its place's name, and the part the
#: two share (group 1, at least four letters): "english" (England), "swedish" (Sweden),
#: "italian" (Italy). Fewer letters would pair "Irish" with "iron".
_PEOPLE_WORD = re.compile(rf"([^\W\d_]{{4,}}?)(?:{PEOPLE_ENDINGS})")


#: Places whose people's or language's word does not open with the place's first letters
#: (a closed set of general English, like the months), written as people word and place
#: names: "What did the Flemish merchants use to come up the river?" of "merchants from
#: Flanders, who came up the river" was refused ("it never mentions Flemish"). Not
#: "French" and "France": "France" is stemmed "franc", a currency's name.
_IRREGULAR_PEOPLE = (
    ("flemish", "flanders"),
    ("dutch", "netherlands holland"),
    ("welsh", "wales"),
    ("swiss", "switzerland"),
    ("danish dane danes", "denmark"),
    ("finnish", "finland"),
    ("polish", "poland"),
    ("irish", "ireland"),
    ("spanish", "spain"),
    ("breton", "brittany"),
    ("venetian", "venice"),
    ("neapolitan", "naples"),
    ("filipino", "philippines"),
)
#: Each (stemmed) word of :data:`_IRREGULAR_PEOPLE` with the (stemmed) words of its pair.
_PEOPLE_OF_PLACE: dict[str, frozenset[str]] = {
    word: frozenset(stem for name in other.split() for stem in tokenize(name))
    for pair in _IRREGULAR_PEOPLE
    for one, other in (pair, pair[::-1])
    for written in one.split()
    for word in tokenize(written)
}


def place_partners(word: str) -> frozenset[str]:
    """The (stemmed) place or people words :data:`_IRREGULAR_PEOPLE` pairs with ``word``."""
    return _PEOPLE_OF_PLACE.get(word, frozenset())


def same_place(one: str, other: str) -> bool:
    """Whether two (stemmed) words name one place, one as the place and one as its people
    or language ("england" and "english"): a question asking of "the first house in
    England" asks of "the first English house", and "Which English king" of a paragraph
    on England's kings. :func:`~antqa.lexical.resembles` pairs only the forms that share
    all but two letters ("germany" and "german"); the pairs whose first letters differ
    are :data:`_IRREGULAR_PEOPLE`'s ("flemish" and "flanders")."""
    if other in place_partners(one):
        return True
    for people, place in ((one, other), (other, one)):
        shared = _PEOPLE_WORD.fullmatch(people)
        if shared is not None and place != people and place.startswith(shared.group(1)):
            return True
    return False


#: A word written capitalised ("Selbrook") and one written in lower case: the article's
#: names are the words it writes only the first way (:meth:`ArticleWords._name_misspelt`).
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_LOWER_CASE = re.compile(r"\b[a-z]+\b")


class ArticleWords:
    """The article's words as the name checks read them: in each paragraph and in each
    sentence, and each paragraph's text. Each sentence's words are the ones ``lexicon``
    (indexed over the sentences) already holds; ``lower_words``, the (stemmed) words the
    article writes in lower case, none of which is a person's name."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        lexicon: LexicalIndex,
        lower_words: frozenset[str] = frozenset(),
    ) -> None:
        self._lexicon = lexicon
        self._sentences = [lexicon.words(s.text) for s in sentences]
        by_paragraph: dict[int, set[str]] = {}
        texts: dict[int, list[str]] = {}
        for sentence, words in zip(sentences, self._sentences, strict=True):
            by_paragraph.setdefault(sentence.paragraph, set()).update(words)
            texts.setdefault(sentence.paragraph, []).append(sentence.text)
        self._paragraphs = by_paragraph
        self._texts = {p: " ".join(parts) for p, parts in texts.items()}
        self._texts_of = [sentence.text for sentence in sentences]
        #: The article in lower case and its words as written: what a name the question
        #: misspells is looked for in (:meth:`spelt_as`).
        text = " ".join(self._texts_of)
        self._lowered = text.lower()
        self._written = frozenset(re.findall(r"[a-z]+", self._lowered))
        #: The words the article writes only capitalised, in lower case: its names, which a
        #: question may misspell on their own (:meth:`_name_misspelt`).
        self._names = frozenset(w.lower() for w in _CAPITALISED.findall(text)) - frozenset(
            _LOWER_CASE.findall(text)
        )
        self._paragraph_of = [s.paragraph for s in sentences]
        #: Per word, the sentences holding it: where a name is, found without a pass over
        #: every sentence's words.
        self._holding: dict[str, list[int]] = {}
        for number, words in enumerate(self._sentences):
            for word in words:
                self._holding.setdefault(word, []).append(number)
        #: The same words sorted: the forms of a name (a prefix) are one run of them.
        self._vocabulary = sorted(self._holding)
        #: How the article calls each person (:class:`~antqa.people.Calling`).
        self.calling = Calling(
            [s.text for s in sentences], self._sentences, self._holders, lower_words
        )

    def beside(self, name: str, chosen: Sequence[Sentence], reach: int) -> bool:
        """Whether ``name`` (a stemmed token) is in the paragraph of a chosen sentence or
        within ``reach`` sentences of one, in any form or as its place's or people's
        word (:func:`same_place`)."""
        paragraphs = (self._paragraphs[s.paragraph] for s in chosen)
        sentences = (
            self._sentences[i] for s in chosen for i in self._within(s.id, reach)
        )  # read lazily: the paragraphs first, most names are found there
        if any(holds_name(name, words) for words in chain(paragraphs, sentences)):
            return True
        figures = ordinal_figures(name)
        return figures is not None and self._figures_beside(figures, chosen, reach)

    def _figures_beside(
        self, figures: re.Pattern[str], chosen: Sequence[Sentence], reach: int
    ) -> bool:
        """Whether the paragraph of a chosen sentence, or a sentence within ``reach`` of one,
        writes a name's ordinal in ``figures`` (:func:`~antqa.refusals.numbers.ordinal_figures`):
        "Symphony No. 3" names the Third Symphony a question asks of."""
        return self.written_beside(figures, chosen) or any(
            figures.search(self._texts_of[i]) for s in chosen for i in self._within(s.id, reach)
        )

    def _within(self, sentence: int, reach: int) -> range:
        """The sentences within ``reach`` of ``sentence`` (it among them), in the article."""
        return range(max(0, sentence - reach), min(len(self._sentences) - 1, sentence + reach) + 1)

    def writes_place_of(self, name: str) -> bool:
        """Whether the article writes ``name`` (a stemmed token) as its place's or people's
        word (:func:`same_place`): "English" for a question's "England"."""
        starts = {name[:4], *(partner[:4] for partner in place_partners(name))}
        return any(same_place(name, w) for start in starts for w in self._starting(start))

    def spelt_as(self, question: str, name: str) -> str | None:
        """The (stemmed) word the article writes for the question's ``name`` (a stemmed
        word it never writes) when the question writes it another way: shortened
        (:data:`ABBREVIATIONS`: "Mt" for "Mount", "Univ" for "University"), or misspelt by
        one letter in a name of several words the article writes with that letter right
        ("Securities Supervisory Offce" for "Securities Supervisory Office") or in a name
        of one word (:meth:`_name_misspelt`); else ``None``. A name written otherwise is
        still the article's: the unseen batch refused "How many inspectors did the
        Securities Supervisory Offce employ?" as "it never mentions Securities Supervisory
        Offce". A name swapped for another ("the Porvau Exchange" for "the Drenvik
        Exchange") is more than a letter away."""
        run = named_in(question, name)
        typed = next((w for w in re.findall(r"[^\W\d_]+", run) if tokenize(w) == [name]), "")
        for full in ABBREVIATIONS.get(typed.lower().rstrip("."), ()):
            stem = tokenize(full)
            if stem and self._known(stem[0]):
                return stem[0]
        words, typed = run.lower().split(), typed.lower()
        if len(words) == 1 and typed:  # a name of one word: "Selbook" for "Selbrook"
            return self._name_misspelt(typed)
        if typed not in words:
            return None
        at = words.index(typed)
        for meant in sorted(_one_letter_away(typed) & self._written):
            if len(meant) < TYPO_LEAST_LETTERS:
                continue  # a shorter word a letter away is as often another (:func:`misspelt`)
            if " ".join([*words[:at], meant, *words[at + 1 :]]) in self._lowered:
                stem = tokenize(meant)
                return stem[0] if stem else None
        return self._misspelt_in_run(words, at)

    def _misspelt_in_run(self, words: list[str], at: int) -> str | None:
        """The (stemmed) word the article writes where a name of several words (``words``,
        lower case) has its word ``at`` misspelt by up to :data:`RUN_TYPO_LETTERS` letters,
        the rest of the name written as the article writes it ("Linean Club of Edinbury"
        for "Linnaean Club of Edinbury"): the other words pin the name, so one word typed
        as heard is still the article's (a fresh28 answerable was refused as "it never
        mentions Linean Club"). Only the one word the article writes there; a name swapped
        for another ("Porvau" for "Drenvik") is more letters away. Over every readable set
        (run m28-b -> h46x-r3): that answerable answered, nothing else moved.

        A shorter word (of :data:`SHORT_RUN_TYPO_LETTERS` or more) is read so only with one
        letter dropped ("Black Car Point" for "Black Carr Point", refused as "it never
        mentions Black Car Point" in the thirtieth batch): a letter changed in a short word
        makes another word as often as a slip ("Grade I", "Grade II")."""
        typed = words[at]
        if len(typed) < SHORT_RUN_TYPO_LETTERS:
            return None
        before, after = " ".join(words[:at]), " ".join(words[at + 1 :])
        pattern = rf"(?<![a-z]){re.escape(before + ' ' if before else '')}([a-z]+)"
        pattern += rf"{re.escape(' ' + after if after else '')}(?![a-z])"
        found = {m.group(1) for m in re.finditer(pattern, self._lowered)}
        meant = [w for w in found if _run_slip(typed, w)]
        if len(meant) != 1:
            return None
        stem = tokenize(meant[0])
        return stem[0] if stem else None

    def _name_misspelt(self, typed: str) -> str | None:
        """The (stemmed) name the article writes that a name of one word the question
        writes (``typed``, lower case) misspells by a letter dropped, added or changed: the
        only word a letter away from it that the article writes only capitalised, of at
        least :data:`~antqa.lexical.TYPO_LEAST_LETTERS` letters ("Selbook", "Selbrrook" for
        "Selbrook"). People type names they read once: a letter dropped or doubled in one
        was refused as a name the article never mentions, for 143 and 166 of the 286
        answerables of 22 SQuAD-format sets asked so (each answered as written), where a
        name of several words was already read so (:meth:`spelt_as`). A name swapped
        for another is more than a letter away: on every set no question's name is read so
        (nothing moved), and two names a letter from it leave it unread."""
        meant = [m for m in _one_letter_away(typed) & self._names if len(m) >= TYPO_LEAST_LETTERS]
        if len(meant) != 1:
            return None
        stem = tokenize(meant[0])
        return stem[0] if stem else None

    def told_throughout(self, name: str) -> bool:
        """Whether most of the article's paragraphs (at least :data:`THROUGHOUT_SHARE`)
        write ``name`` (a stemmed word), in any form or as its place's or people's word
        (:func:`same_place`): a name the article is about, as the country of a crash
        ("Tarvenia", "Tarvenian") written all over an article on it."""
        holding = sum(holds_name(name, words) for words in self._paragraphs.values())
        return holding >= THROUGHOUT_SHARE * len(self._paragraphs)

    def apart(self, names: Sequence[str], reach: int) -> tuple[str, str] | None:
        """Two of ``names`` (stemmed tokens the article holds) that it never tells of
        together: no paragraph holding one holds the other, in any form, nor does any
        sentence within ``reach`` sentences of one. "What is Ni Xingjun's role at
        Wacai.com?" where Ni Xingjun and Wacai.com are in paragraphs of their own asks of
        a tie between them the article does not make."""
        for at, name in enumerate(names):
            near = self._near(name, reach)
            for other in names[at + 1 :]:
                if not resembles(other, near):
                    return name, other
        return None

    def step_apart(
        self,
        question: str,
        names: Sequence[str],
        reach: int,
        asks_time: bool = False,
        asks_place: bool = False,
        unwritten: bool = False,
    ) -> tuple[str, str] | None:
        """A name of ``names`` (stemmed) and a step of theirs the question dates by ("before
        she joined Alipay": "joined") or, when it ``asks_time``, asks the time of ("When did
        Jing Xiandong join Alipay?": "join"; "When was Klara Hallacher born?": "born") or,
        when it ``asks_place``, the place of one asked in the passive ("Where was Margaret
        Aird born?"), when the article never tells of that step
        near the name (see :func:`own_steps`), in any verb of its meaning
        (:func:`~antqa.refusals.meanings.meaning_words`), nor after "he" or "she" beside the
        last word of the name when it calls the person by that word
        (:meth:`_done_by_pronoun`); else ``None``.

        "What job did Peng Lei hold before she joined Alipay?" where the article never
        tells of her joining: it cannot tell what came before it, nor when it was.

        A step the article writes of no one is taken for a paraphrase and passes, unless
        ``unwritten`` and the step is taken on its own (:data:`_ON_ITS_OWN`: "When did
        Penhallow die?", "When was Ulric Fenn executed for it?"): asked of the person a
        follow-up's "he" stands for, it is a detail of theirs the article never gives."""
        for written, step, whose in own_steps(question, asks_time, asks_place):
            told = (
                self._known(step)
                or step in _BIRTH
                or (unwritten and _on_its_own(question, written))
            )
            if step in _TOLD_OTHERWISE or not told:
                continue  # a step the article never writes: a paraphrase, not a swap
            for name in names:
                if whose and name not in whose:
                    continue
                near = self._near(name, reach)
                if any(all(resembles(w, near) for w in verb) for verb in meaning_words(step)):
                    continue  # told near them in a verb of its meaning
                got = gotten(question, written, step)
                if got is not None and resembles(got, near):
                    continue  # "obtain control", told "gained control"
                if asks_time and step in _LIFE_STEPS and self._lifespan_of(name):
                    continue  # "Renata Voss-Albrecht (14 March 1891 – 2 November 1968)"
                last = self.calling.by_last(question, name)
                if last is not None and self._done_by_pronoun(last, step):
                    continue
                if step in _DEATH and self._done_by_pronoun(name, step):
                    continue  # "Ruhara remained in office until his death"
                return name, written
        return None

    def _lifespan_of(self, name: str) -> bool:
        """Whether a sentence holding ``name`` (stemmed) gives a life's years in brackets
        (:data:`_LIFESPAN`): "Margit Soll (1845–1919)" tells when she was born and died."""
        return any(_LIFESPAN.search(self._texts_of[i]) for i in self._holders(name))

    def _done_by_pronoun(self, name: str, step: str) -> bool:
        """Whether a sentence holding ``name`` (stemmed), or the one after it in its
        paragraph, tells ``step`` (stemmed, or a verb of its meaning:
        :func:`~antqa.refusals.meanings.any_verb`) of "he" or "she": "Harlow ... did not
        attend the delivery of the judgment ... . He died in Belvard" tells that Tomas
        Harlow died, the article calling him by the last word of his name. Not a step
        near that word told of someone else ("Harrowgate died ...; control of the firm
        passed to Crane's son"): that is no step of Josiah Crane's. Nor need it be "he":
        the word itself may be the doer ("Dorrance was born ... in Kessmoor")."""
        told = _pronoun_step(step, name)
        last = len(self._texts_of) - 1
        holders = self._holders(name)
        return any(
            told.search(self._texts_of[j])
            for i in holders
            for j in (i, min(i + 1, last))
            if self._paragraph_of[j] == self._paragraph_of[i]
        )

    def described(self, question: str, name: str) -> bool:
        """Whether ``question`` names ``name`` (stemmed) in a clause saying whom or what
        it asks about ("the executive who apologised from a business trip in the United
        States") that a sentence of the article tells, name and all (at least
        :data:`DESCRIBED_WORDS` of the clause's other words, all but one of more): then
        the name says who is meant, not where the answer is, and need not be near it."""
        for clause_text, doer in _describing_clauses(question):
            clause = tokenize(clause_text)
            if name not in clause:
                continue
            # a doer's name is told by any of its words ("Hartwell" of "Eliza Hartwell")
            known = tokenize(doer) or [name]
            if doer and name not in known:
                continue
            others = [
                t for t in dict.fromkeys(clause) if t not in known and t not in HAPPENING_WORDS
            ]
            need = max(DESCRIBED_WORDS, len(others) - 1)
            if len(others) < DESCRIBED_WORDS:
                continue
            for words in self._sentences:
                if any(resembles(n, words) for n in known) and (
                    sum(resembles(t, words) for t in others) >= need
                ):
                    return True
        return False

    def _known(self, token: str) -> bool:
        return self._lexicon.known(self._lexicon.form(token))

    def _forms(self, name: str) -> list[str]:
        """The words of the article that are ``name`` in some form (as
        :func:`antqa.lexical.resembles` finds them): those starting with its stem's prefix,
        found by bisection rather than a pass over every word."""
        if len(name) < 4:
            return [name] if name in self._holding else []
        return self._starting(form_prefix(name))

    def _starting(self, prefix: str) -> list[str]:
        """The words of the article starting with ``prefix``, found by bisection."""
        first = bisect.bisect_left(self._vocabulary, prefix)
        last = bisect.bisect_left(self._vocabulary, prefix + "\U0010ffff", first)
        return self._vocabulary[first:last]

    def writes_beside(self, name: str, words: Sequence[str], reach: int) -> bool:
        """Whether every one of ``words`` (stemmed, in any form) is written within ``reach``
        sentences of one holding ``name`` (stemmed). A role someone holds is told in a
        sentence naming them or right beside it ("He became CEO"); their paragraph may give
        it to someone else ("Farrant's deputy, Lionel Hask, ..." in a paragraph about the
        premier Farrant: Hask was never premier)."""
        beside = self._beside(self._holders(name), reach)
        return all(resembles(word, beside) for word in words)

    def _holders(self, name: str) -> set[int]:
        """The sentences holding ``name`` (in any form, as :func:`antqa.lexical.resembles`
        finds it)."""
        return {i for form in self._forms(name) for i in self._holding[form]}

    def _near(self, name: str, reach: int) -> set[str]:
        """The words of the paragraphs holding ``name`` (in any form, as
        :func:`antqa.lexical.resembles` finds it) and of the sentences within ``reach``."""
        holders = self._holders(name)
        paragraphs = set().union(*(self._paragraphs[self._paragraph_of[i]] for i in holders))
        return paragraphs | self._beside(holders, reach)

    def _beside(self, holders: set[int], reach: int) -> set[str]:
        """The words of the sentences within ``reach`` of any of ``holders``."""
        return set().union(*(self._sentences[j] for i in holders for j in self._within(i, reach)))

    def written_beside(self, pattern: re.Pattern[str], chosen: Sequence[Sentence]) -> bool:
        """Whether the paragraph of a chosen sentence writes ``pattern``."""
        return any(pattern.search(self._texts[p]) for p in {s.paragraph for s in chosen})


def holds_name(name: str, words: Collection[str]) -> bool:
    """Whether ``words`` hold ``name`` in any form (:func:`~antqa.lexical.resembles`) or as
    its place's or people's word (:func:`same_place`)."""
    partners = place_partners(name)
    return resembles(name, words) or any(
        same_place(name, word) for word in words if word[:4] == name[:4] or word in partners
    )


#: Shortened words a question may write in a name, each with the words it stands for:
#: English's common shortened titles and place words, a closed set like the months (which
#: :func:`~antqa.questions.months_spelled_out` writes in full before any check).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "st": ("Saint", "Street"),
    "mt": ("Mount",),
    "ft": ("Fort",),
    "pt": ("Port", "Point"),
    "rd": ("Road",),
    "ave": ("Avenue",),
    "gen": ("General",),
    "gov": ("Governor", "Government"),
    "govt": ("Government",),
    "pres": ("President",),
    "prof": ("Professor",),
    "capt": ("Captain",),
    "col": ("Colonel",),
    "lt": ("Lieutenant",),
    "sgt": ("Sergeant",),
    "univ": ("University",),
    "corp": ("Corporation",),
    "dept": ("Department",),
    "inst": ("Institute",),
    "intl": ("International",),
    "natl": ("National",),
    "assn": ("Association",),
    "bros": ("Brothers",),
}
#: The share of an article's paragraphs that must write a name for it to be what the
#: article is about (:meth:`ArticleWords.told_throughout`): most of them, so that a
#: person or a place told of in a few paragraphs is still looked for where it answers.
#: On every set this answered one answerable of the twenty-second batch ("Tarvenia's
#: economy", told "The wider economy ...") and, once a sentence naming another such name
#: is read as telling of that one, no unanswerable (before that, one: "Karvenia" asked
#: where "Ostria ratified the Protocol").
THROUGHOUT_SHARE = 0.5


#: The most letters (dropped, added or changed) a word of a name of several words may be
#: typed away from the one the article writes there, the rest of the name as written
#: (:meth:`ArticleWords._misspelt_in_run`): two, a vowel and a doubled letter heard
#: alike ("Linean" for "Linnaean"); the other words already pin the name.
RUN_TYPO_LETTERS = 2
#: The fewest letters of a shorter word of a name of several words that may be typed
#: with a letter dropped (:func:`_run_slip`): three, "Car" for "Carr"; a word of two
#: ("Grade II") is a numeral or a function word, never a slip.
SHORT_RUN_TYPO_LETTERS = 3


def _run_slip(typed: str, written: str) -> bool:
    """Whether ``typed``, a word of a name of several words, is ``written`` (the article's
    word in its place) as :meth:`ArticleWords._misspelt_in_run` reads a slip: up to
    :data:`RUN_TYPO_LETTERS` letters away in a word of
    :data:`~antqa.lexical.TYPO_LEAST_LETTERS` or more, else one letter dropped."""
    if len(written) >= TYPO_LEAST_LETTERS and len(typed) >= TYPO_LEAST_LETTERS:
        return _letters_apart(typed, written) <= RUN_TYPO_LETTERS
    return len(written) == len(typed) + 1 and _letters_apart(typed, written) == 1


def _letters_apart(one: str, other: str) -> int:
    """How many letters dropped, added or changed take ``one`` to ``other`` (the
    Levenshtein distance)."""
    row = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        previous, row[0] = row[0], i
        for j, b in enumerate(other, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


def misspelt(typed: str, meant: str) -> bool:
    """Whether ``typed`` (a lower-case word of a question) is ``meant`` (one the article
    writes, at least :data:`~antqa.lexical.TYPO_LEAST_LETTERS` letters) with a letter
    dropped, added or changed: a shorter word a letter away is as often another one."""
    return len(meant) >= TYPO_LEAST_LETTERS and meant in _one_letter_away(typed)


def _one_letter_away(word: str) -> set[str]:
    """The words one letter dropped, added or changed away from ``word`` (lower case), or
    two neighbouring letters typed in each other's place ("Corarn" for "Corran"), the slip
    :func:`~antqa.lexical.LexicalIndex.resembles_known` reads in a question's words too:
    without it, a name so typed was read as the article's and then refused as another's
    ("it tells of 'Corran fever', not 'Corarn fever'"), for 43 of 286 answerables of 22
    SQuAD-format sets asked so."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:at], word[at:]) for at in range(len(word) + 1)]
    return (
        {head + tail[1:] for head, tail in splits if tail}
        | {head + letter + tail for head, tail in splits for letter in letters}
        | {head + letter + tail[1:] for head, tail in splits if tail for letter in letters}
        | {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    ) - {word}


#: A clause saying whom or what a question asks about: "the executive who apologised ...".
#: Not the question's first word, which asks ("Which method was introduced at X by the
#: executive who became chairman in October?": the "who" clause says whom it asks about).
#: A colon or a dash ends it as a comma does ("The executive who ...: which job did she
#: leave?").
DESCRIBING = re.compile(r"(?<=\S\s)(?:who|which|that|whose)\s+((?:[^?,;:–—-]|\b-\b)+)", re.I)
#: The same said by a past participle and its doer, the relative pronoun left out: "the
#: school founded by Eliza Hartwell", "the bridge designed by Ines Carvalho" (group 1: the
#: noun, the participle and the doer's name, up to its last capitalised word). The
#: participle is checked by :func:`~antqa.lexical.is_past`. Without it, "For how many years
#: did the school founded by Eliza Hartwell exist independently?" of the twenty-ninth unseen
#: batch was refused: the sentence answering calls it "the nursing school" and names no one.
DESCRIBED_BY_DOER = re.compile(
    r"\b([a-z]+\s+(?P<participle>[a-z]+)\s+by\s+"
    r"(?:the\s+)?(?P<doer>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))"
)
#: How many of such a clause's words (besides a name in it) a sentence must hold to tell
#: it: two, so that a clause of a name and one common word ("who led Ashby") is no
#: description. One clause told this way on all sets, a multi-hop question of this
#: article's unseen set (refused before), and no unanswerable.
DESCRIBED_WORDS = 2


def _describing_clauses(question: str) -> list[tuple[str, str]]:
    """The clauses of ``question`` saying whom or what it asks about, each with the name of
    its doer when it gives one by "by" (else ``""``): those opening on a relative pronoun
    (:data:`DESCRIBING`) and those of a past participle and its doer
    (:data:`DESCRIBED_BY_DOER`)."""
    clauses = [(m.group(1), "") for m in DESCRIBING.finditer(question)]
    clauses += [
        (m.group(1), m.group("doer"))
        for m in DESCRIBED_BY_DOER.finditer(question)
        if is_past(m.group("participle"))
    ]
    return clauses


#: "before she joined Alipay", "after joining the board", "when he apologized": a time the
#: question gives by a step of the person it asks about (a pronoun then a verb, or a verb
#: in -ing). "Where was Jing Xiandong travelling when he apologized?" asks of a step the
#: article tells only of Peng Lei (an unanswerable of this article's twenty-third batch).
_OWN_STEP = re.compile(
    r"\b(?i:before|after|until|since|when|while|once)\s+(?:(?i:he|she|they)\s+([a-z]+)|([a-z]+ing))\b"
)
#: "before she became mayor": a step into a role, which an article tells by the role
#: ("succeeded by Helen Strand ..., a former headteacher"; "was elected mayor"), seldom by
#: the verb (an answerable of the eleventh batch was refused: "it never says became"):
#: :data:`~antqa.refusals.events.TAKING_ROLE_WORDS`.
#: "after he left", "before entering politics": a time the question gives by someone
#: leaving or entering a place or a calling, which an article tells in words of its own
#: ("the departure of Gerald Sefton, who returned to England"; "a former schoolteacher
#: ... who had succeeded Dahl as Liberal leader"). On all sets: the second answered (it
#: was refused as "it never says entering"); the first is still refused, by another check
#: (its chosen sentence tells of someone else's work); no unanswerable was refused for
#: these words. Asked as the step itself ("When did she leave the firm?"), still checked.
_CROSSING = frozenset(tokenize("leave left leaving enter entered entering"))
#: Verbs of holding a role, which an article tells by the role and its years ("served two
#: terms as mayor, from 1947 to 1951", "mayor until 1951") as often as by the verb (an
#: answerable of the SQuAD-format sets was refused: "it never says hold").
_HOLDING = frozenset(tokenize("hold holds held holding serve serves served serving"))
#: Participles of being somewhere ("Where was the co-op based?"): a state, not a step, which
#: an article tells by the place alone ("Headquartered in the market town of Harlsby", "an
#: office in Dunmere") as often as by the word (an answerable of the fresh25 batch was
#: refused: "it never says based"; no unanswerable of any set was refused for these words).
_PLACED = frozenset(tokenize("based located situated headquartered sited"))
#: The steps an article tells in other words than the question's, not checked: a verb of
#: lasting among them (:data:`~antqa.refusals.events.LASTING_WORDS`; an answerable of the
#: thirteenth batch was refused: "it never says last"), of holding a role, and of being
#: somewhere.
_TOLD_OTHERWISE = HAPPENING_WORDS | TAKING_ROLE_WORDS | LASTING_WORDS | _HOLDING | _PLACED
#: The steps a life's years in brackets after a name tell the time of (stemmed): its
#: birth and its death.
_LIFE_STEPS = frozenset(tokenize("born die"))
#: A birth, which English tells by "born" (or a life's years, :data:`_LIFESPAN`): asked of
#: an article that never writes the word, it is no paraphrase but a detail never given
#: ("When was he born?" of a railway's promoter: two follow-ups on two articles, and two
#: more that other checks refuse; a death is told in many words: "was killed", "death").
_BIRTH = frozenset(tokenize("born"))
#: What may follow a step taken on its own, with nothing done to anything: the question's
#: end or a preposition ("When did he die?", "When was he executed for it?", "When did she
#: apologise for saying that?"), not an object or a particle ("When did he leave the job?",
#: "when did she give up Thornhallow?": told as often in other words, "resigned",
#: "surrendered").
_ON_ITS_OWN = re.compile(r"\s*(?:[?.!]|$|(?:for|in|at|on|after|before|from|by|during)\b)")


def _on_its_own(question: str, written: str) -> bool:
    """Whether ``written`` (a step of ``question``) is followed by :data:`_ON_ITS_OWN`."""
    found = re.search(rf"\b{re.escape(written)}\b", question)
    return found is not None and _ON_ITS_OWN.match(question, found.end()) is not None


#: A death, which English also tells by its noun: "until his death in 1946". Read only as
#: "his" or "her" death in a sentence telling of the person (by the name or "he"/"she"):
#: a death near a person is often another's ("Dunhallow's death" beside Conrad Pyle).
_DEATH = frozenset(tokenize("die"))
#: "his death", "her death" after the doer in the same sentence.
_OWN_DEATH = r"\b[^.;]*?\b(?:his|her)\s+death\b"
#: A life's years in brackets right after a name, as a biography writes them: "Margit
#: Soll (1845–1919)", "(14 March 1891 – 2 November 1968)", "Helene (born 1923)", "(b. 1902)";
#: not any year in brackets ("the chapel (built 1902)").
_LIFESPAN = re.compile(
    r"[A-Z][\w'’.-]*\s+\((?:[^()]*?\b\d{3,4}\s*[–—-]\s*[^()]*?\b\d{3,4}|"
    r"(?:born|b\.)\s*[^()]*?\b\d{3,4})\b[^()]*\)"
)
#: "When did Jing Xiandong join Alipay?": the name a question asks a step of, and the step.
#: A word timing the step may stand between ("did Jing Xiandong first join"): the step is
#: then the word after it too (the third group), and the timing word stays one as well
#: (an article telling when Munro observed something may never say he was the first).
_NAMED_STEP = re.compile(
    r"\b(?:did|does|do)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s+)+)([a-z]{3,})\b"
    r"(?:(?:(?<=\bfirst)|(?<=\bever)|(?<=\boriginally)|(?<=\binitially))\s+([a-z]{3,})\b)?"
)

#: "When was Klara Hallacher born?", "Where was Margaret Aird buried?": the name a question
#: asks a step of in the passive, and the step (a participle: in -ed or -en, or one of
#: :data:`_IRREGULAR_PARTICIPLES`). A possessive is no one's step ("was Lenholm's marshes
#: drained": the marshes were), nor is a word ending the name ("was Peng Lei when").
_PASSIVE_STEP = re.compile(
    r"\b(?:was|were)\s+(?:the\s+)?((?:[A-Z][\w.-]*(?<!['’]s)\s+)+)([a-z]{3,})\b"
)
#: The participles of general English not ending in -ed or -en that a passive step is
#: asked with ("born", "built", "held").
_IRREGULAR_PARTICIPLES = frozenset(
    re.findall(
        r"\w+",
        "born built held kept laid made sent sold found told won shut hung struck brought "
        "bought taught thought caught fought led met paid",
    )
)

#: Verbs of getting (stemmed): the step they tell is what is got, their object ("obtain
#: control", "receive a diploma"), which an article tells with any verb of getting or in
#: words of its own ("gained control on 21 April"; "graduated with a diploma"). Not
#: "win" (its object is also lost: "When did she win the seat?" of "lost the seat") nor
#: "take" (a happening: :data:`~antqa.refusals.times.HAPPENING_WORDS`).
_GETTING = frozenset(tokenize("obtain get gain acquire receive secure earn achieve attain"))
#: What follows a verb as its object: a word after at most one determiner or possessive.
_OBJECT_AFTER = r"\s+(?:(?:the|a|an|his|her|its|their|some)\s+)?([A-Za-z][\w'’-]*)"


def gotten(question: str, written: str, step: str) -> str | None:
    """What the question's step of getting (:data:`_GETTING`), written ``written`` and
    stemmed ``step``, gets: its object's first word, stemmed ("control" of "did Ashgrove
    obtain control of the company"); ``None`` for another step or no object. A person's
    getting is told near them wherever the thing got is, whatever the verb."""
    if step not in _GETTING:
        return None
    match = re.search(rf"\b{re.escape(written)}{_OBJECT_AFTER}", question)
    words = tokenize(match.group(1)) if match is not None else []
    return words[0] if words else None


def _participle(word: str) -> bool:
    """Whether ``word`` (lower case) reads as a past participle: "buried", "chosen", "born"."""
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def own_steps(
    question: str, asks_time: bool = False, asks_place: bool = False
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The steps a question dates by (:data:`_OWN_STEP`) or, when it ``asks_time``, asks
    the time of (:data:`_NAMED_STEP`, :data:`_PASSIVE_STEP`), or when it ``asks_place``
    the place of, asked in the passive (:data:`_PASSIVE_STEP`: "Where was Margaret Aird
    born?"; not "Where did she apologize?", a step any verb may tell, which the question
    asks the place of only): each as written, stemmed, and the (stemmed) words
    that may name whose step it is: the ones before the step's clause ("Pendrecht" of
    "Where was Pendrecht educated before he left for Britain?"; Britain is where he went,
    which the article may tell with another verb, "emigrating to Britain")."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for match in _OWN_STEP.finditer(question):
        written = match.group(1) or match.group(2)
        whose = tuple(tokenize(question[: match.start()]))  # the one asked about, not where
        found += [  # where they went
            (written, token, whose) for token in tokenize(written) if token not in _CROSSING
        ]
    for match in _NAMED_STEP.finditer(question) if asks_time else ():
        whose = tuple(tokenize(match.group(1)))
        for written in filter(None, match.group(2, 3)):
            found += [(written, token, whose) for token in tokenize(written) if whose]
    for match in _PASSIVE_STEP.finditer(question) if asks_time or asks_place else ():
        whose, written = tuple(tokenize(match.group(1))), match.group(2)
        if whose and _participle(written):
            found += [(written, token, whose) for token in tokenize(written)]
    return found


#: How many words may stand between "he" or "she" and its step: "he died", "he later
#: died", "she had passed away".
_PRONOUN_REACH = 2


@lru_cache(maxsize=256)
def _pronoun_step(step: str, name: str) -> re.Pattern[str]:
    """What finds ``step`` (or a verb of its meaning) told of "he", "she" or ``name`` (a
    stemmed word, in any ending: not its possessive, "Crane's son")."""
    doer = rf"he|she|{re.escape(name)}\w*"
    told = rf"\s+(?:[a-z]+\s+){{0,{_PRONOUN_REACH}}}{any_verb(step)}\b"
    if step in _DEATH:  # "He remained at Keswyn until his death"
        told = rf"(?:{told}|{_OWN_DEATH})"
    return re.compile(rf"\b(?i:{doer}){told}")


def numbered_names(question: str) -> list[tuple[str, re.Pattern[str]]]:
    """The names with a regnal number the question gives ("Henry II"), each with the
    pattern that finds it written (not "Henry III"): the number is the name, and a question
    swapping it asks about someone else. Written too with the number's ordinal word
    opening the name (:func:`_numbered_pattern`): "World War II" is the "Second World War"."""
    return [
        (match.group(), _numbered_pattern(match.group(1), match.group(2)))
        for match in _NUMBERED.finditer(question)
        if match.start() > 0 and match.group(1).lower() not in STOPWORDS
    ]


def _numbered_pattern(name: str, numeral: str) -> re.Pattern[str]:
    """What finds the name ``name`` with the Roman ``numeral`` written: after the name
    ("War II"), or as its ordinal word, capitalised, opening a run of capitalised words
    that ends on the name ("Second World War", "Second Vatican Council"). The unseen batch
    refused "How many lives did the Merrowby lifeboat save during World War II?" as "it
    never mentions War II" of "During the Second World War she ... saved 112 lives"."""
    after = rf"\b{re.escape(name)}\s+{numeral}\b"
    ordinal = roman_ordinal(numeral)
    if not ordinal:
        return re.compile(after)
    first = rf"\b{ordinal.capitalize()}\s+(?:[A-Z][\w'’-]*\s+)*{re.escape(name)}\b"
    return re.compile(rf"{after}|{first}")


#: A name right before a word of the question: "the Hollin pit", "Ma Huateng apologize".
#: Not at the start of a text, where any word is capitalised.
_NAME_BEFORE = re.compile(r"(?<=\s)([A-Z][\w'’-]+)\s+([a-z]{3,})\b")
#: The same after the word, with "of": "the surface of Ebbe" (told "Halvard's surface").
_OF_NAME = re.compile(r"\b([a-z]{3,})\s+of\s+(?:the\s+)?([A-Z][\w'’-]+)")
#: Up to two auxiliaries between a name told and its step: "the Tull Marsh Creamery
#: Society had been founded in 1894" tells the founding of the Society, as "the Society
#: founded" would (an unanswerable of the twenty-fifth batch asked it of another union).
_AUXILIARY_RUN = rf"(?:(?:{'|'.join(sorted(AUXILIARIES))})\s+){{0,2}}"


def given_to_another(
    question: str, sentences: Sequence[str], within: Collection[str] = frozenset()
) -> tuple[str, str] | None:
    """What the question gives a name ("the Hollin pit") and what a sentence that would
    answer gives another name instead ("The Ostmark pit employed ..."), when that sentence
    never mentions the question's name; else ``None``.

    A fact the article tells of one thing, asked of another: "How many people did the
    Hollin pit employ?" of "The Ostmark pit employed about 1,900 people"; "Why did Ma
    Huateng apologize?" of "Peng Lei apologized ...". The word is matched in any form
    ("apologize", "apologized"). Asked with "of" too: "How old is the surface of Ebbe?"
    of "Halvard's surface was roughly 1.1 billion years old", or of "the surface of
    Halvard". Auxiliaries may stand between the other name and the word ("the Tull Marsh
    Creamery Society had been founded" for "the Kestwick Milk Union founded"). A sentence
    may open on the
    other name ("Ironhawks striker Caleb Onwuachi ..." for "the Tidewardens striker")
    when the article also writes it capitalised inside a sentence and never in lower case
    (``within``, lower-cased): any word opening a sentence is capitalised ("Several
    families ...", "Ordinary elections ...", which an unseen article's answer opened on).
    """
    asked_pairs = [
        (m.group(), m.group(1), m.group(2), False) for m in _NAME_BEFORE.finditer(question)
    ]
    asked_pairs += [(m.group(), m.group(2), m.group(1), True) for m in _OF_NAME.finditer(question)]
    for asked, name, word, owned in asked_pairs:
        if word in STOPWORDS or name.lower() in STOPWORDS:
            continue
        form = re.escape(form_prefix(word))
        # asked with "of", the name owns the thing: told so too ("Halvard's surface"), not
        # by a name that only qualifies it ("of Norman origin")
        owner = r"['’]s" if owned else r"[\w'’-]*"
        asked_name = tokenize(name)
        between = "" if owned else _AUXILIARY_RUN
        if _tells_asked(name, form, between, owned, sentences):
            continue  # told as asked by one of them ("Aurelio Benczur died ..."), whatever
            # another tells of someone else ("Ferdinand Oszlak died in office ...")
        for sentence in sentences:
            written = set(tokenize(sentence))
            if any(resembles(t, written) for t in asked_name):
                continue
            pattern = rf"(?:(?<=\s)|^)([A-Z][\w-]*{owner})\s+{between}{form}\w*"
            if owned:  # or with "of" too: "A statue of Edwin Marlow" for "of Agnes Coyle"
                pattern += rf"|\b{form}\w*\s+of\s+(?:the\s+)?([A-Z][\w'’-]*)"
            for told in re.finditer(pattern, sentence):
                other = (told.group(1) or told.group(2)).lower()
                opening = told.start() == 0
                if misspelt(name.lower(), other):
                    continue  # "the Supervisory Offce employ", told "Office employed"
                if other not in STOPWORDS and not (opening and other not in within):
                    return asked, told.group()
    return None


def _tells_asked(name: str, form: str, between: str, owned: bool, sentences: Sequence[str]) -> bool:
    """Whether one of ``sentences`` tells the thing of the ``name`` asked as
    :func:`given_to_another` reads a name told with it: right before the word (``form``,
    a pattern of its opening letters; auxiliaries ``between``), or, asked with "of"
    (``owned``), as the name's own or with "of" too."""
    written = re.escape(name)
    pattern = (
        rf"\b{written}['’]s\s+{form}|\b{form}\w*\s+of\s+(?:the\s+)?{written}\b"
        if owned
        else rf"\b{written}\s+{between}{form}"
    )
    return any(re.search(pattern, sentence) for sentence in sentences)


#: A name's possessive the question asks of, and the thing it owns: "Peng Lei's book",
#: "Merrow's name" (group 1 the owner, group 2 the thing's first word). Not at the start
#: of the question, where any word is capitalised.
_OWNED_ASKED = re.compile(r"(?<=\s)([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+([a-z]{3,})\b")


#: Words that cannot stand between an owner and the thing it owns: "Halloway's
#: assessment of damages" owns the assessment, not the damages. "own" can: it only
#: stresses the owner ("Vane's own surgeon" is Vane's surgeon, told for "the Fulmar's
#: surgeon" in an unanswerable of the twenty-fifth batch).
_NOT_DESCRIBING = (STOPWORDS | UNSTOPPED_PREPOSITIONS) - {"own"}


def owned_by_another(question: str, sentences: Sequence[str]) -> tuple[str, str] | None:
    """What the question gives a name as its own ("Peng Lei's book") and what a sentence
    that would answer gives instead as the thing of someone the question never names
    ("You Xi's new book"), when none of them gives it as the asked name's; else ``None``.

    A fact the article tells of one owner's thing, asked of another's: "When is Peng
    Lei's book coming out?" of "(You Xi's new book ... will be published ... in late
    March)"; "Until when did the observatories use Merrow's name?" of "... kept using
    Valdane's name until about 1890". Unlike :func:`given_to_another`, the sentence may
    mention the asked name elsewhere ("Peng Lei's role"), and up to two words may stand
    between the owner and the thing ("new"; no function word: "Halloway's assessment of
    damages" tells of the assessment). An owner the question names too is left
    alone ("According to Tencent's boss, ... WeChat's payment service" of "Tencent's
    payment companies"): the question may ask of it in other words."""
    asked_words = set(tokenize(question))
    for asked in _OWNED_ASKED.finditer(question):
        owner, thing = tokenize(asked.group(1)), asked.group(2)
        if not owner or thing in STOPWORDS:
            continue
        form = re.escape(form_prefix(thing))
        told = re.compile(rf"\b([A-Z][\w-]*)['’]s\s+((?:[a-z][\w-]*\s+){{0,2}}?){form}\w*")
        owners = [
            m
            for text in sentences
            for m in told.finditer(text)
            if not set(m.group(2).split()) & _NOT_DESCRIBING
        ]
        if not owners or any(
            resembles(t, set(tokenize(m.group(1)))) for m in owners for t in owner
        ):
            continue
        other = next(
            (m for m in owners if not any(resembles(t, asked_words) for t in tokenize(m.group(1)))),
            None,
        )
        if other is not None:
            return asked.group(), other.group()
    return None


#: A run of capitalised words ("Port Caldrenne").
_CAPITALISED_RUN = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
#: The name a text opens on ("Tarrowby Bridge is a ...", "The Marrow Accord (formally
#: ...)"), without a possessive ending: with what it is "of" ("The Siege of Port
#: Caldrenne", "The University of Halloway"). Not the name after a year ("The 2029
#: Corvane Cup Final"): read as the subject, its common noun ("the final") refused an
#: answerable as told of the subject instead of a team (run h40x-r1).
_OPENING_NAME = re.compile(
    rf"(?:The\s+)?({_CAPITALISED_RUN}(?:\s+of\s+(?:the\s+)?{_CAPITALISED_RUN})*)"
)


def opening_name(first: str) -> str:
    """The name an article's ``first`` sentence opens on: what the article is about, which
    its paragraphs tell of by name or not ("the bridge", "it"), so no paragraph's answer
    lacks it. A question naming it in full ("the King's garrison at Tarrowby Bridge") was
    refused as "it never mentions Tarrowby Bridge" (an answerable of the ninth batch; on
    all sets no refusal of an unanswerable gave this reason)."""
    match = _OPENING_NAME.match(first)
    return match.group(1).removesuffix("'s").removesuffix("’s") if match else ""
