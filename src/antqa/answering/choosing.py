"""Which sentences answer: the best of the top passages, and the ones read with it
(a close second, the cause of a "why", the name a "he" stands for, a short follower)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

import numpy as np

from antqa.answering.hops import described, describes_someone
from antqa.answering.kinds import kind_applies, kind_holders, sentences_of
from antqa.answering.reading import TERMINAL, AnswerStep
from antqa.conversation import SearchPlan, refers_to_a_thing
from antqa.lexical import resembles, tokenize
from antqa.models import Hit, Sentence
from antqa.questions import (
    KIND_NOUN,
    AnswerKind,
    Question,
    analyse,
    asks_cause_of_death,
    asks_predecessor,
    asks_succession,
    asks_successor,
    changed_doing,
    counts_spans,
    gives_length_of_time,
    question_parts,
    succession_of_named,
    successor_asked_of,
    successor_named,
    tells_any_change,
    tells_any_succession,
    tells_cause_of_death,
    tells_change_asked,
    tells_extreme_asked,
    tells_succession,
    without_successor,
    without_successor_named,
)
from antqa.referents import (
    FOR_A_MAN,
    FOR_A_WOMAN,
    REFERS_BACK,
    first_standing_for,
    points_back,
    subject,
)
from antqa.refusals import (
    asks_rank,
    asks_side,
    clauses,
    done_by,
    opposite_word,
    rank_swapped,
    rank_told,
    ranks_in_words,
    ranks_one,
    side_told,
    told_after,
    word_written,
)
from antqa.retrieval import Scores
from antqa.short_answers import (
    Asked,
    asks_called,
    asks_doer,
    asks_parent_role,
    gives_day,
    gives_measure_asked,
    target,
    tells_called,
    tells_parentage,
    told_before,
)

#: A follow-up asking what someone did, became or went through after something: "What did
#: he do after the expedition?", "what happened to her after the war?", "what did she
#: become after that?" (:meth:`SentenceChooser._later_doing_of_the_person`).
_ASKS_LATER_DOING = re.compile(
    r"\bwhat\s+(?:(?:did|had|has)\s+(?:he|she)\s+(?:do|done|become)|happened\s+to\s+(?:him|her))"
    r"\b.*\b(?:after|afterwards|later)\b",
    re.IGNORECASE,
)
#: Kinds whose pattern does not single out the answering sentence, so none is favoured
#: for matching it. A place is written in too many ways ("of the Adriatic", "in southern
#: Italy"): the one naming a place near the question's words is added by
#: :meth:`SentenceChooser._completing` when the best names none. A manner's markers ("through",
#: "by ...ing", "way") are words any sentence may hold: the bonus put "... apologized by
#: sending an internal letter" before "Many people cried during the review" for "How did
#: staff react ...?"; without it two answers on this article's sets hit that missed, none
#: was lost on any set and medians fell (dev 238 -> 233 chars).
_UNFAVOURED_KINDS = (AnswerKind.ANY, AnswerKind.PLACE, AnswerKind.MANNER)
#: Fewest words of a run taken for a person's name: one capitalised word may be anything
#: ("Ashby", "German"), two are a given name and a surname far more often than not.
_PERSON_WORDS = 2
#: A sentence opening by summing up things told before it: "These two incidents ...",
#: "Both ships ...", "The three reforms ..." (group 1: the noun it sums them up by).
_SUMMING_UP = re.compile(
    r"(?:These|Those|Both|The\s+(?:two|three|four|five))(?:\s+(?:two|three|four|five))?"
    r"\s+([a-z]+s)\b"
)

#: A sentence that only announces what the next ones tell: it ends on a count of things of
#: a kind of reasoning or of parts ("Researchers identified several causes.", "The trial
#: attracted criticism on several grounds.", "Each bill passes through three stages.") or
#: on "as follows" (English's nouns of grounds and parts: a grammar's set, not a domain's).
_ANNOUNCING = re.compile(
    r"\b(?:several|many|various|numerous|multiple|a\s+number\s+of|two|three|four|five|six)"
    r"\s+(?:[a-z]+\s+)?(?:causes|reasons|factors|explanations|theories|grounds|motives|"
    r"objections|criticisms|arguments|consequences|effects|lessons|stages|steps|phases)"
    r"(?:\s+(?:for|of|behind)\s+(?:this|it|that|these|them|the\s+[a-z]+))?\W*$"
    r"|\bas\s+follows\W*$",
    re.I,
)


#: A sentence telling a consequence of what the sentence before told, by a connective of
#: result near its opening ("He therefore added a tidal lock", "Consequently, ...", "As a
#: result, ..."; not "as a result of", which gives its cause itself): English's words for
#: "because of that", a grammar's set. The cause a "why" asks is then the sentence before.
_CONSEQUENCE = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:therefore|thus|consequently|hence|accordingly|"
    r"as\s+a\s+(?:result|consequence)(?!\s+of)|for\s+this\s+reason)\b",
    re.I,
)


#: A sentence opening on a thing by a definite word ("The loss led ...", "Its engine
#: ..."): most often the thing the sentence before told of, in other words ("The loss"
#: after "the ship sank"). Not read for coverage (:data:`antqa.referents.REFERS_BACK`
#: says why), only to quote such a sentence after the best one (``_continuing``).
_DEFINITE_OPENING = re.compile(r"^\W*(?:The|This|These|Its|His|Her|Their)\s+[a-z]")


#: A person named right after a lower-case word, a comma between or not (a title or a
#: role: "Presiding judge Magda Orlen", "the finance minister, Casimir Hollend"), or after
#: a verb's "by" and a title ("An inquiry led by superintendent Walter Greaves"): the
#: word is what the person is or did (``word``), the capitalised words their name. Only a
#: verb of heading counts before "by" (:data:`_LEADING`): "produced by Hanne Solvik" does
#: not say who produced the highlights the question asks of (3 unanswerables answered).
_BESIDE_NAME = re.compile(
    r"\b(?P<word>[a-z][a-z-]+)"
    r"(?P<by>,|\s+(?:was|is)|\s+by(?:\s+(?:the|a|an))?(?:\s+[a-z][a-z-]+){0,2})?\s+"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)"
)
#: The word right before a role, as a question or a sentence writes it ("only" of "only
#: son", "first" of "Its first president was ..."): a rank makes the role one person's
#: (:meth:`SentenceChooser._holds_role_as_asked`).
_BEFORE_ROLE = re.compile(r"([a-z]+)\s+$")
#: The verbs of heading something, stemmed ("Who headed the inquiry?" of "An inquiry led
#: by ..."): English writes who was at the head of a body or a work with any of them. Not
#: "run" (a body's present head: "Who runs the NLS now?" took "an inquiry chaired by the
#: merchant Josiah Penhallow" of 1784), "direct" (a film "directed by") nor "preside",
#: stemmed as "president" is.
_LEADING = frozenset(tokenize("lead led head chair command charge", cached=False))


#: A determiner right before a word: "the Lexicon" (of "the Aldermere Lexicon") is a thing,
#: not a person called by the last word of their name.
_DETERMINED = re.compile(r"\b(?i:the|a|an|its|his|her|their|this|that)\s+$")


def _written_undetermined(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` at least once with no determiner right before it
    (:data:`_DETERMINED`): "the Lexicon", "the Calder company" name things."""
    return any(
        not _DETERMINED.search(text, 0, m.start())
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )


def continues(before: str, sentence: str) -> bool:
    """Whether ``sentence`` goes on telling of what ``before`` told: it opens on it by a
    pronoun ("It", "He"), or its subject is a thing told before ("The engine" after "its
    beam engine"; "Pell himself" after "Josiah Pell")."""
    if REFERS_BACK.match(sentence) or _DEFINITE_OPENING.match(sentence):
        return True
    told = set(tokenize(before))
    return any(word in told for word in tokenize(subject(sentence)))


@dataclass(frozen=True)
class Hop:
    """A second hop (:meth:`SentenceChooser._second_hop`): the sentence telling what is
    asked of the person the question describes, that person's names in it, and the
    sentences of the first hop that tell of them."""

    sentence: int
    names: frozenset[str]
    telling: frozenset[int]
    #: Of ``telling``, those naming the person themselves (not by "she" after a sentence
    #: naming them).
    naming: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Choice:
    """The sentences :meth:`SentenceChooser.choose` picked, the best first, and the answer score
    of every candidate they were picked from, kept so that :meth:`SentenceChooser.runner_up`
    weighs the same values rather than computing them again (empty when the answer reads
    on from the last one, which has no candidates)."""

    sentences: list[Sentence]
    values: dict[int, float] = field(default_factory=dict)
    #: Per sentence, the names a cut of it keeps first: a second hop's person
    #: (:meth:`SentenceChooser._second_hop`), whose clause tells what is asked of them.
    kept: dict[int, frozenset[str]] = field(default_factory=dict)
    #: The sentence telling what is asked when the others only say whom the question asks
    #: about (a second hop's, or the part asked of someone described): its passage is
    #: cited first, as the one that answers (None when the best sentence answers).
    answering: int | None = None


def _named_as_successor(name: list[str], text: str) -> bool:
    """Whether ``text`` names the person of ``name`` (stemmed words, all of them) where it
    names who came after someone (:func:`~antqa.questions.successor_named`): it tells
    whom they succeeded, not who succeeded them. Not a namesake sharing the last name ("his
    son, Philip Cradock" for Arthur Cradock)."""
    successor = set(tokenize(successor_named(text)))
    return bool(name) and successor.issuperset(name)


def _succession_after(question: Question) -> Callable[[str], bool]:
    """For "Who replaced / succeeded / took over from X?", the test of a sentence telling
    who came after X (:func:`~antqa.questions.tells_succession`), not after another: a
    sentence whose words describing X (:func:`~antqa.questions.successor_asked_of`) all lie
    where it names a successor (:func:`~antqa.questions.without_successor_named`: "Her
    successor, Harold Benbow, was a former bank clerk" for "who took over from the former
    bank clerk?") tells who came after someone else, the one X succeeded. Nor does one
    naming X (:func:`~antqa.questions.succession_of_named`) where it names who took the
    post (:func:`~antqa.questions.successor_named`): "... was replaced by her deputy,
    Lionel Abernook, ...; ... making Abernook the first to hold it" tells whom Abernook
    replaced, however often it names him elsewhere. Every word of the name must be there:
    "Arthur Cradock" is not "his son, Philip Cradock"."""
    describing = set(tokenize(successor_asked_of(question.text)))
    named = succession_of_named(question.text)
    name = tokenize(named[0]) if named is not None and not named[1] else []

    def tells(text: str) -> bool:
        if not tells_succession(text):
            return False
        if _named_as_successor(name, text):
            return False
        held = describing.intersection(tokenize(text))
        return not held or not held.isdisjoint(tokenize(without_successor_named(text)))

    return tells


def _asks_successor_of_named(question: Question) -> bool:
    """Whether ``question`` asks who came after someone it names
    (:func:`~antqa.questions.succession_of_named`), also by a post held after they left it
    ("Who became chairman when Penhallow died?"), which :func:`asks_successor` does not
    read: the refusal check then wants a sentence telling that change, so the chooser
    prefers one ("After Penhallow's death, the chairmanship passed to his son-in-law")
    over the one the question's words match best ("Penhallow became the first chairman
    ... until his death in 1779"; an answerable of the twenty-eighth unseen batch was
    refused so)."""
    named = succession_of_named(question.text)
    return named is not None and not named[1]


def _told_plainly(question: Question) -> Callable[[str], bool] | None:
    """For a question whose answer a sentence tells in words of their own kind, which the
    question does not use, the test of such a sentence (only those are candidates when
    some are): "What did his father do for a living?" is told at birth ("children of
    Josef Pendrecht, a miller"), not where "his father" does something else ("watching
    his father rebuild the mill race"); "What did Otto die of?" by "his death from a
    stroke"; "Who replaced Pendrecht?" by "was succeeded by Tilbury"; "When did deaths
    reach their highest point?" by "peaked in 1853"
    (:func:`~antqa.questions.tells_extreme_asked`); "How fast was it going?" by a speed
    ("62 metres per second")."""
    if asks_parent_role(question):
        return tells_parentage
    if asks_cause_of_death(question.text):
        return tells_cause_of_death
    if asks_successor(question.text) or _asks_successor_of_named(question):
        return _succession_after(question)
    return tells_extreme_asked(question.text) or gives_measure_asked(question)


def _name_of_it(plan: SearchPlan) -> Callable[[str], bool] | None:
    """For a follow-up asking what the thing it refers back to was called ("What was it
    called?" after "... the first to use a trained avalanche dog, a German shepherd named
    Brisk"), the test of a sentence giving a name by a verb of naming
    (:func:`~antqa.short_answers.tells_called`): its "it" writes none of the thing's words,
    so "called" is the one word it matches, in any sense ("members were called up",
    "delay calling for help"). Not for a question writing the thing ("What was the naval
    base called?"): its words find the sentence, which often names it in apposition ("its
    naval base, Cherbourg"); read there too, 15 answerables of the SQuAD-format sets were
    lost for 4 gained."""
    if not plan.follow_up or not asks_called(plan.question):
        return None
    return tells_called if refers_to_a_thing(plan.question) else None


#: A noun phrase's head: its words before any preposition or relative word ("the Oskarian
#: relief fleet" of "the Oskarian relief fleet in 1689").
_HEAD = re.compile(
    r"(?P<head>.+?)(?=\s+(?:of|in|into|on|at|to|for|from|over|after|before|during"
    r"|that|which|who|with)\b|$)",
    re.IGNORECASE,
)


#: A bare remark on the sentence before: a demonstrative, a copula and a word or two
#: ("This is amazing.", "That was the key.").
_REMARK = re.compile(r"^\W*(?:This|That|It)\s+(?:is|was)\s+(?:\w+\s+)?\w+\W*$")
#: A sentence opening with a word standing for the thing told before (a possessive too:
#: "Its construction cost ..."; :data:`~antqa.referents.REFERS_BACK` leaves it out, and
#: "He"/"She" stand for no thing).
_THING_BACK = re.compile(r"^\W*(?:It|Its|They|Their)\b")


#: "Who founded ...?", "Who first described ...?": a "who" asking for the doer of a past
#: step, its verb a regular past (a stem of three letters or more and "-ed"), which a
#: passive writes the same. Not "led", whose "led by" the article writes of any group
#: ("investors led by the banker Cyrus Whitcombe"): read, 3 answerables of the
#: SQuAD-format sets were refused ("Who led the investigation into the Ashby collapse?").
_WHO_DID_IT = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?who\s+(?:first\s+|originally\s+)?(?P<verb>[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


#: A doer named after "by" ("issued by the Aldermere University Press", "directed by the
#: archaeologist Maren Tolle"): a sentence telling who did something, by any verb.
_BY_SOMEONE = re.compile(r"\bby\s+(?:[a-z]+\s+){0,3}[A-Z]")


#: A question asking who: its answer is a person, whom a candidate's own pronouns may call
#: by either kind ("who replaced him?" of "... replaced by Jane Orme; she ...").
_ASKS_WHO = re.compile(r"^\W*(?:(?:and|so|but)\s+)?who(?:m|se)?\b", re.IGNORECASE)
#: A man and a woman written as a sentence's subject ("he", "she"), each: who did what it
#: tells.
_TOLD_AS = (re.compile(r"\bhe\b", re.IGNORECASE), re.compile(r"\bshe\b", re.IGNORECASE))


class SentenceChooser(AnswerStep):
    """Picks the sentences that answer (:meth:`choose`) and a runner-up the scores
    cannot tell from the best (:meth:`runner_up`)."""

    def _candidates(self, hits: list[Hit], plan: SearchPlan, scores: Scores) -> dict[int, float]:
        """Answer score of every sentence of the top passages."""
        ids = sentences_of(hits[: self.policy.candidate_passages])
        ids = ids - self.reading.captions or ids  # a caption or heading labels; it does not answer
        own = self.policy.own_weight
        order = list(ids)  # in the set's order, which breaks ties between equal values
        at = np.array(order, dtype=np.int64)
        # at once rather than one sentence at a time: the same float32 sums, far fewer calls
        value = scores.relevance[at] + own * (scores.dense[at] + self._asked_coverage(at, scores))
        values = dict(zip(order, value.tolist(), strict=True))
        if plan.follow_up:  # a follow-up wants something new, not the last answer again
            for s in plan.anchors:
                if s in values:
                    values[s] -= self._repeat_penalty(s, plan, scores)
        tells = _told_plainly(scores.question) or _name_of_it(plan)
        if tells is not None:
            values = self._told_near_names(values, tells, scores.question)
        values = self._on_asked_side(values, scores.question)
        values = self._done_by_someone(values, scores.question)
        values = self._near_the_person(values, plan, scores)
        values = self._telling_of_the_person(values, plan)
        values = self._succession_of_the_person(values, plan)
        values = self._later_doing_of_the_person(values, plan, scores)
        values = self._near_the_anchors(values, plan, scores)
        values = self._writing_the_thing(values, plan)
        values = self._agreeing_with_the_pronoun(values, plan)
        kind = scores.question.kind
        if kind_applies(scores):
            return self._holding(values, hits, scores)
        if kind not in _UNFAVOURED_KINDS:
            for s in values:
                values[s] += self.policy.kind_bonus * bool(scores.held[s])
        return values

    def _agreeing_with_the_pronoun(
        self, values: dict[int, float], plan: SearchPlan
    ) -> dict[int, float]:
        """Without the candidates telling of someone the other kind of pronoun stands for
        than a follow-up's "he" or "she" (:data:`_TOLD_AS`: "she" written as a subject, no
        "he", "his" or "him"): they tell what another person did ("And how long did he stay
        in charge of it?" of "During her 23 years in charge she tripled ..."). A possessive
        of the other kind may stand for anyone beside the one asked of ("succeeded by his
        chief cashier, Miriam Tolland, who would remain ..." for "how long did she stay?"),
        so only a subject counts. Not when the follow-up writes both kinds ("what did he do
        to her lifeboats?"), nor for "who", whose answer either may call ("who replaced
        him?" of "... succeeded by Margaret Leddon; she ..."). All stay when every candidate
        is one. Over every readable set (run m29-b -> h48f-r2, with :data:`~antqa.questions.
        _DIED_SO`): 1 answerable answered (MRF-04, unseen at its batch), 1 unanswerable
        refused (MT-05), none lost; no first question can move (it reads only a follow-up).
        Dropping every candidate writing any pronoun of the other kind, a possessive too,
        lost 2 ("succeeded by his chief cashier, Miriam Tolland" for "how long did she stay?";
        "what did he do to her lifeboats?")."""
        if not values or not plan.follow_up or _ASKS_WHO.match(plan.question):
            return values
        man, woman = FOR_A_MAN.search(plan.question), FOR_A_WOMAN.search(plan.question)
        if bool(man) == bool(woman):
            return values
        asked_by, other = (FOR_A_MAN, _TOLD_AS[1]) if man else (FOR_A_WOMAN, _TOLD_AS[0])
        sentences = self.index.sentences

        def other_only(s: int) -> bool:
            text = sentences[s].text
            return other.search(text) is not None and asked_by.search(text) is None

        kept = {s: v for s, v in values.items() if not other_only(s)}
        return kept or values

    def _done_by_someone(self, values: dict[int, float], question: Question) -> dict[int, float]:
        """Only the candidates telling in the passive who did what a "who" question asks
        (:func:`done_by`: "The company was founded in March 1858 by Edwin Tallis" for "Who
        founded the Velmar River Ferry Company?"), when the best does not write the verb
        asked and another candidate tells that: the sentences naming what was done to
        ("The Velmar River Ferry Company was a passenger and vehicle ferry operator ...")
        match the question's names best and tell of no doer. Not when the best tells a doer
        after "by" by another verb (:data:`_BY_SOMEONE`: "issued by the Aldermere University
        Press" for "Who published ...?"). What a follow-up's "he" stands for is then right
        too ("and when did he retire?" after "Who founded Corrin Valley Airways?").
        Over every readable set (run s25-base -> h43f-r3): 4 answerables answered that
        missed (mgb-002, and the follow-ups RFF-04, MGF-01, RLF-01 after the history's "who"
        was answered right), none lost, answerables refused unchanged; unanswerables 6
        refused, 3 answered. With neither the "by" test on the best nor "led" left out (run
        h43f-r1), 9 answerables lost (5 refused) for 5 gained; with "led" read as a regular
        past but the "by" test, 3 answerables refused ("Who led the inquiry into ...?").
        Not for a succession ("Who followed Josiah Crewe as manager?": :func:`asks_succession`),
        which the succession filters read: "Pask was followed by Walter Ingram" tells a
        doer of "followed", but not who came after the one asked."""
        verb = _WHO_DID_IT.match(question.text)
        if not values or verb is None or asks_succession(question.text):
            return values
        done = verb.group("verb").lower()
        sentences = self.index.sentences
        best = sentences[max(values, key=values.__getitem__)].text
        if re.search(rf"\b{done}\b", best, re.I) or _BY_SOMEONE.search(best):
            return values
        kept = {s: v for s, v in values.items() if done_by(done, sentences[s].text)}
        return kept or values

    def _told_near_names(
        self, values: dict[int, float], tells: Callable[[str], bool], question: Question
    ) -> dict[int, float]:
        """Only the candidates told plainly (:func:`_told_plainly`; all if none is), unless
        none of those comes near every name the question gives (:meth:`names_apart`) and
        another candidate does: the name check would then refuse a question the passages
        answer ("What was the peak circulation during the Northern War?" of "... reached
        118,000 during the Northern War", beside a peak told of other years)."""
        kept = self._telling(values, tells)
        named = self.checked_names(question) if len(kept) < len(values) else {}
        if named:
            sentences = self.index.sentences

            def near(s: int) -> bool:
                return not self.names_apart(question, named, [sentences[s]])

            if not any(near(s) for s in kept) and any(near(s) for s in values if s not in kept):
                return values
        return {s: v for s, v in values.items() if s in kept}

    def _near_the_person(
        self, values: dict[int, float], plan: SearchPlan, scores: Scores
    ) -> dict[int, float]:
        """Without the candidates far from the person a follow-up's "he" or "her" stands
        for (:meth:`person_named`, :meth:`names_apart`), when the best is one of them and
        another, near the person, holds the figure asked (a date, a number): quoting
        another person's sentence answers wrong, and the check on the follow-up's person
        then refuses a question the passages answer ("Until when did he run the house?"
        after Josef Lammerding, best matched by another director's "the first woman to
        run a major opera house"). Only for a figure asked: "What did his committee
        recommend?" of a man who chaired none was answered from a sentence near him, and
        "In which book did he say that?" from his sentence naming no book (any other kind
        goes back only to what the last answer told: :meth:`_back_to_the_told`). All stay
        when the best is near the person, or none near holds the figure."""
        if not values:
            return values
        if not kind_applies(scores):
            return self._back_to_the_told(values, plan)
        far = self._far_from_the_person(values, plan)
        if far is None:
            return values
        _, apart = far
        if not any(scores.kind_held[s] for s in values if s not in apart):
            return values
        return {s: v for s, v in values.items() if s not in apart}

    def _far_from_the_person(
        self, values: dict[int, float], plan: SearchPlan
    ) -> tuple[dict[str, str], set[int]] | None:
        """The checked names of the person a follow-up's "he" or "her" stands for
        (:meth:`person_named`) and the candidates far from them (:meth:`names_apart`),
        when the best candidate is one of those; else ``None``."""
        read = self.person_named(plan)
        if read is None or not read[1]:
            return None
        question, checked = read
        sentences = self.index.sentences
        apart = {s for s in values if self.names_apart(question, checked, [sentences[s]])}
        if max(values, key=values.__getitem__) not in apart:
            return None
        return checked, apart

    def _back_to_the_told(self, values: dict[int, float], plan: SearchPlan) -> dict[int, float]:
        """Only the candidates near the person a follow-up's "he" or "her" stands for
        (:meth:`_far_from_the_person`), when the best is far from them and a sentence the
        previous answer quoted, near them, writes every word the follow-up asks with
        (:func:`~antqa.refusals.word_written`: "taught" for "teach", "farmer" for
        "farming"): the follow-up asks more of what that answer told ("What did he teach
        him?" after "Father Leopold Wendt, who taught him figured bass and the organ"),
        which the repeat penalty pushed below a far sentence the person check then refuses.
        Over the follow-up sets (run h38f-r1 -> h38f-r2): 2 answerables answered (they were
        refused), no unanswerable. Without that word test (any near candidate), 6
        unanswerables were answered too ("What did his committee recommend?" of a
        sentence near him naming a committee)."""
        far = self._far_from_the_person(values, plan)
        if far is None:
            return values
        checked, apart = far
        person = set(tokenize(" ".join(checked.values())))
        asked = [w for w in tokenize(plan.question) if w not in person]
        sentences = self.index.sentences
        told = [
            s
            for s in plan.anchors
            if s in values
            and s not in apart
            and all(word_written(w, tokenize(sentences[s].text)) for w in asked)
        ]
        if not asked or not told:
            return values
        return {s: v for s, v in values.items() if s not in apart}

    def _telling_of_the_person(
        self, values: dict[int, float], plan: SearchPlan
    ) -> dict[int, float]:
        """Only the candidates telling of the person a follow-up's first "he" or "her"
        stands for (:meth:`person_named`), when the best tells of them nowhere. A sentence
        tells of them when it writes their name; when it is a quotation whose introducing
        line writes it (:attr:`ArticleReading.introduced`); or when it writes a pronoun of
        theirs (:func:`~antqa.referents.first_standing_for`: "she" for "her") after a
        sentence of its paragraph writing it, or, if none before it there names anyone,
        after the last earlier sentence naming someone, when that one names them (a line
        standing alone: "Since the end of last year at Alipay, he has assumed ..."). The
        follow-up's own words match another's sentence ("how long did he serve?" after Count
        Leopold Averin, first president, best matched by "The longest-serving president was
        Emil Sorvik, who held office for 24 years"; "What happened to her once it was
        over?" after the strike's leader Agnes Tull, by how the strike ended), which the
        person check, reading a paragraph, lets pass.

        A sentence the previous answer quoted stays only when it writes a word the
        follow-up asks with besides the person's name ("served" for "how long did he
        serve?"): otherwise the one sentence naming the person is often the one just quoted,
        and quoting it again answers a follow-up the article does not ("which house was he
        in charge of?" of "a former housemaster, Peter Drummond"). Nor when the article
        calls the person by the other pronoun (:meth:`called_by`): the conversation's person
        is then not the one its "he" stands for. All stay when none tells of them.
        Over every readable set (run s24-base -> h40f-r2): 2 answerables answered right
        (CTF-07, TXF-07), 1 unanswerable refused (SWF-16), 1 answerable no longer refused
        (h12-19); no first question moved. Without the word test, 4 more unanswerables
        were answered; without the pronoun's kind, 2 answerables lost ("he" read as a woman
        named before); reading a pronoun only after its own paragraph's names, 2 of this
        article's follow-ups lost (a quotation and a line standing alone)."""
        if not values or not plan.follow_up:
            return values
        read = self.person_named(plan)
        asked_by = first_standing_for(plan.question)
        if read is None or not read[1] or asked_by is None:
            return values
        _, named = read
        called = self.called_by(named)
        if called is not None and called is not asked_by:
            return values
        sentences = self.index.sentences

        def tells(s: int) -> bool:
            if self.writes_person(sentences[s], named):
                return True
            speaker = self.reading.introduced.get(s)
            if speaker is not None and self.writes_person(sentences[speaker], named):
                return True  # a quotation, whose line introducing it names them
            if not asked_by.search(sentences[s].text):
                return False
            before, last_named = s - 1, None
            while before >= 0 and (
                sentences[before].paragraph == sentences[s].paragraph or last_named is None
            ):
                if self.writes_person(sentences[before], named):
                    return True
                if last_named is None and self.reading.people[before]:
                    last_named = before
                before -= 1
            return False

        if tells(max(values, key=values.__getitem__)):
            return values
        person = set(tokenize(" ".join(named.values())))
        asked = {w for w in tokenize(plan.question) if w not in person}

        def new_or_asked(s: int) -> bool:
            return s not in plan.anchors or bool(asked & set(tokenize(sentences[s].text)))

        kept = {s: v for s, v in values.items() if tells(s) and new_or_asked(s)}
        return kept or values

    def _succession_of_the_person(
        self, values: dict[int, float], plan: SearchPlan
    ) -> dict[int, float]:
        """Only the candidates telling a change of holder
        (:func:`~antqa.questions.tells_any_succession`) that write the last word of the
        person a follow-up asking who came after or before someone
        (:func:`~antqa.questions.asks_succession`) stands for: the person its "he" or
        "her" stands for (:attr:`SearchPlan.about`), else the name the previous answer gave
        (:attr:`SearchPlan.thing`: "Thomas Aldous Crane", whose "Crane" the article also
        writes in lower case, so read as no one's name). A follow-up's words ("Who replaced
        him?") match any succession the article tells ("Varley ... was succeeded by
        Penhallow himself"), not the one of the person asked of ("Crane's successor, his
        former assistant Eliza Marchbank"). Asked who came after them, the words naming
        a successor are not read for the person (:func:`~antqa.questions.without_successor`:
        "Her successor, the mycologist Owen Prade, ..." tells who came after her, not
        after Prade); asked who came before, they are. Nor, asked who came after them, a
        sentence naming them as the successor (:func:`~antqa.questions.successor_named`):
        "... was replaced by her deputy, Lionel Abernook, ...; ... making Abernook the
        first to hold it" tells whom Abernook replaced. All stay when none does."""
        if not values or not plan.follow_up or plan.continuation:
            return values
        whole = tokenize(plan.about or plan.thing)
        person = whole[-1:]
        if not person or not asks_succession(plan.question):
            return values
        sentences = self.index.sentences
        before = asks_predecessor(plan.question)
        kept = {
            s: v
            for s, v in values.items()
            if tells_any_succession(sentences[s].text)
            and person[0]
            in tokenize(sentences[s].text if before else without_successor(sentences[s].text))
            and (before or not _named_as_successor(whole, sentences[s].text))
        }
        return kept or values

    def _later_doing_of_the_person(
        self, values: dict[int, float], plan: SearchPlan, scores: Scores
    ) -> dict[int, float]:
        """For a follow-up asking what the person its "he" or "she" stands for did, or
        what became of them, after something (:data:`_ASKS_LATER_DOING`: "What did he do
        after the expedition?", "What happened to him after the inquiry?"), only the
        sentences after those the previous answer quoted whose subject is that person
        (:meth:`_done_by_the_person`), scored as any candidate, whether or not a retrieved
        passage holds them: what someone did is told with them as its doer ("Ashby joined
        the colonial survey department ..."), while the follow-up's own words match any
        sentence naming them or the event ("Ashby's survey of the plateau produced ...",
        "The commission ... criticised Hennersdorf"), and "after" asks of what is told
        later. All stay when no such sentence follows. Over every readable set (run m28-b
        -> h46x-r3): 2 answerables of the twenty-eighth batch's follow-ups hit that missed
        (BXF-13, SLF-10), nothing else moved."""
        if not values or not plan.follow_up or plan.continuation or not plan.anchors:
            return values
        if not plan.about or not _ASKS_LATER_DOING.search(plan.question):
            return values
        asked_by = first_standing_for(plan.question)
        person = self.reading.words.calling.called(plan.about).split()
        if asked_by is None or not person:
            return values
        last = max(plan.anchors)
        sentences = self.index.sentences
        later = [
            s
            for s in range(last + 1, len(sentences))
            if self._done_by_the_person(s, person[-1], asked_by)
        ]
        if not later:
            return values
        at = np.array(later, dtype=np.int64)
        own = self.policy.own_weight
        value = scores.relevance[at] + own * (scores.dense[at] + self._asked_coverage(at, scores))
        return dict(zip(later, value.tolist(), strict=True))

    def _done_by_the_person(self, sentence: int, surname: str, asked_by: re.Pattern[str]) -> bool:
        """Whether ``sentence``'s subject (:func:`~antqa.referents.subject`) ends with the
        person's ``surname`` ("Hennersdorf resigned", "In 1909 Charles Ashby became"; not
        "Ashby's survey ... produced"), or is a pronoun ``asked_by`` reads ("he") opening
        a sentence right after one of its paragraph that writes the surname."""
        sentences = self.index.sentences
        words = subject(sentences[sentence].text).split()
        if not words:
            return False
        if words[-1] == surname:
            return True
        before = sentence - 1
        return (
            asked_by.fullmatch(words[-1]) is not None
            and before >= 0
            and sentences[before].paragraph == sentences[sentence].paragraph
            and surname in sentences[before].text.split()
        )

    def _near_the_anchors(
        self, values: dict[int, float], plan: SearchPlan, scores: Scores
    ) -> dict[int, float]:
        """Without the candidates far from the sentences the previous answer quoted
        (:meth:`near_the_anchors`), when a follow-up asks a figure (a date, a number) of a
        thing it refers back to (:func:`~antqa.conversation.refers_to_a_thing`), its best
        candidate is far and one near holds the figure asked: "it" stands for what the
        previous answer told of there, and a sentence elsewhere sharing the question's
        verb tells of another thing ("When was it introduced?" after the trading system
        KESTREL, best matched by "The circuit breakers introduced in 1997"). Not for "he"
        or "she": a person is told of wherever the article names them
        (:meth:`_near_the_person`). All stay when the best is near, or none near holds the
        figure. Over the follow-up sets (run s21-base -> h31f-a3): 2 answerables hit that
        missed, 1 unanswerable refused, none lost; for any kind asked, not only a figure,
        4 more hit but 4 missed that hit."""
        if not values or not self.asks_a_figure_of_it(plan, scores):
            return values
        sentences = self.index.sentences
        far = {s for s in values if not self.near_the_anchors(plan, sentences[s])}
        if max(values, key=values.__getitem__) not in far:
            return values
        if not any(scores.kind_held[s] for s in values if s not in far):
            return values
        return {s: v for s, v in values.items() if s not in far}

    def _writing_the_thing(self, values: dict[int, float], plan: SearchPlan) -> dict[int, float]:
        """Only the candidates writing the head noun of the thing a follow-up's "it" stands
        for after "who did something to it" (:meth:`SearchPlan.acted_on`: "fleet" of "the
        Oskarian relief fleet"), when the best writes it nowhere and another does: the
        embedded query leans on the thing, but the last answer's own sentences still match
        the query best ("when did it set sail?" quoted the sentence dating the war's end
        again, its date sparing it the repeat penalty). A sentence opening with a word for
        a thing (:data:`_THING_BACK`: "Its construction cost £31,500" of the Palm House)
        writes it too. Over the follow-up sets (run h41f-r1 -> h41f-fu4): 1 answerable
        answered (FSF-06), none lost; without the pronoun opening or with "into" left out
        of :data:`_HEAD`, 2 answerables lost (botf-03, OBF-19)."""
        thing = plan.acted_on() if plan.follow_up and refers_to_a_thing(plan.question) else ""
        head = _HEAD.match(thing)
        words = tokenize(head.group("head")) if head else []
        if not values or not words:
            return values
        sentences = self.index.sentences

        def writes(s: int) -> bool:  # by name, or by a pronoun opening it ("Its cost ...")
            text = sentences[s].text
            return _THING_BACK.match(text) is not None or resembles(words[-1], tokenize(text))

        if writes(max(values, key=values.__getitem__)):
            return values
        kept = {s: v for s, v in values.items() if writes(s)}
        return kept or values

    def _on_asked_side(self, values: dict[int, float], question: Question) -> dict[int, float]:
        """Without the candidates that tell only the other side of what the question asks
        (:func:`~antqa.refusals.opposite_word`: "the oldest" for "Who was the youngest
        ...?"; :func:`~antqa.refusals.rank_swapped`: "the first governor" for "the last
        governor"), when another candidate tells the side asked
        (:func:`~antqa.refusals.side_told`, :func:`~antqa.refusals.rank_told`): quoting
        the other side answers wrong, and the opposite check then refuses a question the
        passages answer. All stay when none tells the side asked (the check refuses), or
        when the best tells only the other side: most often the question swapped it, and
        the opposite check refuses (on the SQuAD-format sets, dropping such a best too
        answered 8 more unanswerables, and 1 answerable, wrong). Only a question asking a side
        or a rank is read (:func:`~antqa.refusals.asks_side`,
        :func:`~antqa.refusals.asks_rank`): the rest cost no pass over the candidates."""
        text, sentences, plain = question.text, self.index.sentences, self.reading.plain
        sided, ranked = asks_side(text), asks_rank(text)
        if not (sided or ranked):
            return values
        denying = {
            s
            for s in values
            if (sided and opposite_word(text, plain[s]) is not None)
            or (ranked and rank_swapped(text, [sentences[s].text]) is not None)
        }
        if not denying or max(values, key=values.__getitem__) in denying:
            return values
        telling = any(
            (sided and side_told(text, plain[s])) or (ranked and rank_told(text, sentences[s].text))
            for s in values
            if s not in denying
        )
        return {s: v for s, v in values.items() if s not in denying} if telling else values

    def _asked_coverage(self, at: np.ndarray, scores: Scores) -> np.ndarray:
        """Per candidate sentence ``at``, the share of the question's words it holds that the
        answer score weighs: of the words that ask, when the question first sets the scene
        (:attr:`~antqa.questions.Question.asked`). The scene's words found the passages
        (retrieval reads them all), but among their sentences the one holding only them
        sets the same scene, it does not answer: "According to the business-level
        principles, what are the greatest experiences?" chose "... the meeting also
        clarified the company's two principles: ... 'Three dos and don'ts at the business
        level'" over "... (trust and security are the greatest experiences)"."""
        asked = scores.question.asked
        if not asked:
            return scores.coverage[at]
        sentences = self.index.sentences
        shares = [self.lexicon.share_in(sentences[s].text, asked) for s in at.tolist()]
        return np.array(shares, dtype=np.float32)

    def _telling(self, ids: Collection[int], tells: Callable[[str], bool]) -> set[int]:
        """Only the sentences of ``ids`` whose text ``tells`` (all if none does): the
        candidates told plainly, the holders of a length of time for "for how long"."""
        sentences = self.index.sentences
        return {s for s in ids if tells(sentences[s].text)} or set(ids)

    def _holding(
        self, values: dict[int, float], hits: list[Hit], scores: Scores
    ) -> dict[int, float]:
        """Only the sentences near the top that hold the kind asked for (all if none does).

        A count need not name the thing counted ("... 41 of them were admitted"), nor an
        amount a currency a list knows ("8,000 scudi"): any sentence of the top with a
        number stays (for a count of things, one that is no length of time or distance),
        one naming the thing (or the money) is preferred.
        """
        if scores.question.kind not in (AnswerKind.COUNT, AnswerKind.AMOUNT):
            # A date or a share is rare enough to single out its sentence in any passage
            # the answer may quote: the one retrieval put third often holds it.
            reach = self.policy.candidate_passages
            holders = kind_holders(self.policy, hits, scores, passages=reach)
            if scores.question.kind is AnswerKind.DURATION and Asked.of(scores.question).lasting:
                # "for how long": not "87 kilometres"
                holders = self._telling(holders, gives_length_of_time)
            if scores.question.kind is AnswerKind.TIME:
                holders = self._telling_time_asked(holders, scores.question)
            return {s: v for s, v in values.items() if s in holders} or values
        holders = kind_holders(self.policy, hits, scores)
        numbers = kind_holders(self.policy, hits, scores, counted=False)
        counted = scores.question.counted
        if scores.question.kind is AnswerKind.COUNT and counted and not counts_spans(counted):
            # "how many people sat on the board?" is not told by "for thirty years"
            numbers = {s for s in numbers if self.reading.things[s]} or numbers
        bonus = self.policy.kind_bonus
        return {s: v + bonus * (s in holders) for s, v in values.items() if s in numbers} or values

    def _telling_time_asked(self, holders: set[int], question: Question) -> set[int]:
        """Of the ``holders`` of a time, those telling the time ``question`` asks (all if
        none does): a day for "On what date ...?" ("on 14 May 1747", not "the summer of
        1747"), a change of the class it asks the time of ("When was the chapel pulled
        down?": "It was demolished in 1836"), or what it says began or stopped being done
        (:meth:`_telling_the_doing`)."""
        if Asked.of(question).date:
            holders = self._telling(holders, gives_day)
        change = tells_change_asked(question.text)
        if change is None:
            return holders
        sentences = self.index.sentences
        telling = {s for s in holders if change(sentences[s].text)}
        return telling | self._telling_the_doing(holders, question) or holders

    def _telling_the_doing(self, holders: set[int], question: Question) -> set[int]:
        """Of the ``holders``, those telling what a question asking when something began or
        stopped being done (:func:`~antqa.questions.changed_doing`: "In what year did
        Harlow begin working in the carding room?") says was done, by its verb in any
        form (:func:`~antqa.refusals.word_written`: "worked", "Women were admitted" for
        "begin admitting women"), and no change of any class
        (:func:`~antqa.questions.tells_any_change`): the date of the doing is then the
        start or the end asked, which the verbs of a change do not tell ("joined the
        carding room ... in 1934 and worked there"). One telling a change ("began making
        cheese in 1914" for "when did it stop making cheese?") dates that change."""
        doing = changed_doing(question.text)
        if doing is None:
            return set()
        sentences = self.index.sentences
        return {
            s
            for s in holders
            if not tells_any_change(sentences[s].text)
            and word_written(doing, tokenize(sentences[s].text))
        }

    def _repeat_penalty(self, sentence: int, plan: SearchPlan, scores: Scores) -> float:
        """How much a sentence the previous answer quoted is held back in a follow-up.

        Only a sentence the previous answer showed whole: when it was cut, the words left
        out may be just what the follow-up asks for ("... and who replaced her?" after an
        answer cut before "Jing Xiandong succeeded him"). Nor one holding a date when a
        follow-up asks when: a sentence naming someone often dates another step of theirs
        as well ("Until when did he run the house?" after "Who was the first director?" of
        "... Josef Lammerding, who ran the house until 1799"). Only a date: spared for any
        figure asked, a sum or a length the last answer gave was quoted again for "how
        much did the winner get that year?" and "How long was he in charge?" (two
        unanswerables of the follow-up sets answered).
        """
        if self.index.sentences[sentence].text not in plan.context:
            return 0.0
        asks_date = kind_applies(scores) and scores.question.kind is AnswerKind.TIME
        if asks_date and bool(scores.kind_held[sentence]):
            return 0.0
        return self.policy.repeat_penalty * (2 if plan.continuation else 1)

    def choose(self, hits: list[Hit], plan: SearchPlan, scores: Scores) -> Choice:
        """The one or two sentences that answer, the best first."""
        following = self._continuation(hits, plan)
        if following is not None:
            return Choice([self.index.sentences[s] for s in self._add_short_follower([following])])
        values = self._candidates(hits, plan, scores)
        if not values:
            return Choice([])
        first = max(values, key=lambda s: values[s])
        best = values[first]
        # What follows the best sentence often completes it ("... labeled Ant Financial."
        # -> "This label is called ..."), so it competes with a bonus for second place.
        seconds = {
            s: v + self.policy.next_bonus * abs(best) * (s == first + 1)
            for s, v in values.items()
            if s != first
        }
        chosen = [first]
        if len(self.index.sentences[first].text) > self.policy.whole_best_chars:
            # A long best sentence is quoted whole rather than cut to make room for a
            # second: the cut would be made blind and may drop the answering words.
            seconds = {}
        if self._clearly_answers(first, scores):
            seconds = {}
        if seconds:
            other = max(seconds, key=lambda s: seconds[s])
            close = seconds[other] >= best - self.policy.second_margin * abs(best)
            pair = len(self.index.sentences[first].text) + len(self.index.sentences[other].text)
            if (close and pair <= self.policy.pair_chars) or scores.question.compound:
                chosen.append(other)
            else:
                chosen += (
                    self._completing(first, best, seconds, scores)
                    or self._ranking(first, best, seconds, scores)
                    or self._next_with_missing_words(first, best, seconds, scores)
                )
        if chosen == [first]:
            chosen += self._continuing(first, best, seconds, scores)
        chosen = self._add_cause(chosen, scores)
        chosen = self._add_role_holder(chosen, values, scores)  # before any name that is no holder
        chosen = self._add_named_doer(chosen, scores)
        chosen = self._add_close_namer(chosen, values, scores)
        chosen = self._add_naming_neighbour(chosen, scores)
        chosen = self._add_antecedent(chosen, scores)
        chosen = self._add_summed_up(chosen, scores)
        chosen = self._add_announced(chosen)
        chosen = self._complete_fragments(self._add_short_follower(chosen))
        chosen = self._read_past_fragment(chosen, scores)
        hop = self._second_hop(chosen, values, scores)
        answering: int | None = None
        if hop is not None:
            # of the first hop, only what tells of the person: the rest says nothing asked
            # (a "what position did she move to" answer quoted the incident before her
            # apology, 579 characters)
            first_hop = [s for s in chosen if s in hop.telling]
            if not first_hop:  # the chosen name no one: the best candidate naming the person
                first_hop = [max(hop.telling, key=lambda s: (s in hop.naming, values[s]))]
            chosen = [*first_hop, hop.sentence]
            kept, answering = {hop.sentence: hop.names}, hop.sentence
        else:  # the hop is the narrower reading: at the time or name the question gives
            chosen, kept, answering = self._add_parts(chosen, scores)
        sentences = [self.index.sentences[s] for s in dict.fromkeys(chosen)]
        return Choice(sentences, values, kept, answering)

    def runner_up(self, choice: Choice, plan: SearchPlan, scores: Scores) -> Sentence | None:
        """The sentence to quote after the chosen ones when the scores cannot tell it from the
        best (within ``tie_margin`` of its score; ``clear_tie_margin`` when the best holds
        a clear short answer, ``rival_tie_margin`` when the runner-up then holds a rival
        one, :meth:`_rivals`): quoting both answers more often than betting on one, where
        the article says what the question asks in other words than it does ("final" for
        "last", "damp" for "wet"). Only the check of a place within a larger one reads it
        (:meth:`RefusalChecks.doubt`: the answer would quote the place it names), so it
        refuses little more and nothing less, nor gives the short answer; not after a long
        best sentence, which is quoted whole and alone, nor after a second hop, whose first
        sentences are only those telling of the person described (the best may be left out).
        It is the best candidate not quoted yet: when the second best is quoted already (the
        best's partner), the third is as close a call ("Which Tencent boss boasted ...?"
        quoted Tenpay's catching up and the sentence after it, not Ma Huateng's claim just
        behind them; this article's holdouts: 3 answer hits gained, none lost, median +5
        chars)."""
        chosen, values = choice.sentences, choice.values
        if plan.continuation or not chosen or choice.kept:
            return None  # reading on, or through a second hop: no guess between sentences
        first = chosen[0].id
        if first not in values or len(chosen[0].text) > self.policy.whole_best_chars:
            return None
        quoted = {s.id for s in chosen}
        runner = max((s for s in values if s not in quoted), key=values.__getitem__, default=None)
        if runner is None:
            return None  # every candidate quoted already
        margin = self.policy.tie_margin
        if self._clearly_answers(first, scores):
            margin = self.policy.clear_tie_margin
            wide = self.policy.rival_tie_margin * abs(values[first])
            # the spans are weighed only when the wider margin could matter: it costs a read
            if values[runner] >= values[first] - wide and self._rivals(first, runner, scores):
                margin = self.policy.rival_tie_margin
        if values[runner] < values[first] - margin * abs(values[first]):
            return None
        return self.index.sentences[runner]

    def alone_when_clear(self, choice: Choice, scores: Scores) -> list[Sentence]:
        """The chosen sentences, or the best one alone when it holds a clear short answer
        (:meth:`_clearly_answers`) and at least ``alone_share`` of the question's words:
        then it says what is asked of what is asked, and a sentence the other steps added
        (a neighbour, a cause, the sentence before) is reading, not answer. Not through a
        second hop nor for a part asked on its own (:attr:`Choice.answering`): there the
        other sentences say whom or what the answer is of. The runner-up a close call
        hedges with is no chosen sentence, and stays."""
        chosen = choice.sentences
        if len(chosen) < 2 or choice.kept or choice.answering is not None:
            return chosen
        first = chosen[0]
        if not self._clearly_answers(first.id, scores):
            return chosen
        share = self.lexicon.share_in(first.text, scores.question.tokens)
        return chosen[:1] if share >= self.policy.alone_share else chosen

    def _clearly_answers(self, sentence: int, scores: Scores) -> bool:
        """Whether ``sentence`` holds a clear short answer to a question asking one thing:
        then it is quoted alone, a second sentence would add reading, not answer (Normans
        median 192 -> 177 chars with no answer hit lost on any set). A short answer of
        another kind than asked, or only the question's own words
        (:meth:`ShortAnswerFinder.fits`: "Marten Prize" for "Who wrote ...?", "Brennock
        Co-op" for "... older than the Brennock cooperative?") is none: the usual choice
        goes on and may add the sentence that answers."""
        question = scores.question
        if question.compound:
            return False
        found = self.short.find(question, [self.index.sentences[sentence]])
        return found is not None and self.short.fits(question, found)

    def _rivals(self, first: int, runner: int, scores: Scores) -> bool:
        """Whether ``runner`` holds an answer of the kind asked that the question's words
        pull about as hard as the one of the best sentence (within the short-answer
        finder's ``margin``, the tie it declares between two spans of one sentence): a
        year, an amount or a name told of another event ("... the sum claimed" beside
        "claiming damages of 18,400 crowns"), which the scores cannot tell from the
        asked one, so the best sentence's short answer is not clear across the two."""
        sentences, short = self.index.sentences, self.short
        rival = short.pull(scores.question, sentences[runner].text)
        best = short.pull(scores.question, sentences[first].text)
        return rival > 0 and rival * short.policy.margin >= best

    def _offers(self, sentence: int, scores: Scores) -> bool:
        """Whether ``sentence`` holds the kind of thing the question asks for, near the
        question's words: a name for "who", a place for "where", a date for "when"."""
        question = scores.question
        if question.kind in KIND_NOUN:
            return bool(scores.held[sentence])
        return self.short.offers(question, self.index.sentences[sentence].text)

    def _completing(
        self, first: int, best: float, seconds: dict[int, float], scores: Scores
    ) -> list[int]:
        """The best sentence holding what the question asks for, when the best one does
        not and it is not far behind (``kind_margin``): quoted second whatever its length,
        since without it the answer does not answer ("Who commissioned the Tapestry?":
        "... the Bayeux Tapestry, which is not a tapestry" + "It was commissioned by Odo")."""
        if target(scores.question, ending=True) is None or self._offers(first, scores):
            return []
        return self._close_holder(best, seconds, lambda s: self._offers(s, scores))

    def _close_holder(
        self, best: float, candidates: dict[int, float], holds: Callable[[int], bool]
    ) -> list[int]:
        """The best of ``candidates`` that ``holds`` what the best sentence (scored
        ``best``) lacks, when it is not far behind (``kind_margin``); ``[]`` when none is."""
        holding = {s: v for s, v in candidates.items() if holds(s)}
        if not holding:
            return []
        other = max(holding, key=holding.__getitem__)
        return [other] if holding[other] >= best - self.policy.kind_margin * abs(best) else []

    def _ranking(
        self, first: int, best: float, seconds: dict[int, float], scores: Scores
    ) -> list[int]:
        """For a question ranking what it asks of ("the first company listed", "the very
        last lighthouse"), the best sentence giving the thing that rank
        (:func:`~antqa.refusals.rank_told`: "the first company listed was ...", "The final
        manned lighthouse, ..."), when the best one gives it none and it is not far behind
        (``kind_margin``): quoted second, as :meth:`_completing` quotes the kind asked. The
        rank is the question's narrowest word, and the one sentence writing it is
        outscored by those sharing its other words ("... became a listed company, Halvessa
        Bourse plc"); without it the answer tells of the thing, not of the one ranked."""
        text = scores.question.text
        sentences = self.index.sentences
        if not ranks_in_words(text) or rank_told(text, sentences[first].text):
            return []
        return self._close_holder(best, seconds, lambda s: rank_told(text, sentences[s].text))

    def _next_with_missing_words(
        self, first: int, best: float, seconds: dict[int, float], scores: Scores
    ) -> list[int]:
        """A sentence up to ``next_reach`` after the best one, in its paragraph, when it holds
        most of the question's words the best one lacks (only words the article uses) and
        is not far behind (``next_margin``): the question was asked of the two together
        ("... the overrun being spent at the gorge." + "To cover it, the company issued
        shares": "How did the company pay for the overrun?")."""
        sentences = self.index.sentences
        missing = self._missing_words([first], scores.question)
        if not missing:
            return []
        for following in range(first + 1, first + 1 + self.policy.next_reach):
            if following not in seconds:
                return []
            if sentences[following].paragraph != sentences[first].paragraph:
                return []
            close = seconds[following] >= best - self.policy.next_margin * abs(best)
            share = self.lexicon.share_in(sentences[following].text, missing)
            if close and share >= self.policy.next_share:
                return [following]
        return []

    def _continuing(
        self, first: int, best: float, seconds: dict[int, float], scores: Scores
    ) -> list[int]:
        """The sentence right after the best one, in its paragraph, when it goes on telling
        of what the best one tells (:func:`continues`), is not far behind (``next_margin``,
        with ``next_bonus`` as in :meth:`choose`), holds the kind asked where one must be
        held, and the two fit in an answer. A question paraphrasing the answering sentence
        matches by its words the sentence before, which names what it asks of ("What law
        came about because of the shipwreck off Cape Tolly?": "... the ship sank in a storm
        off Cape Tolly ..." + "The loss led the assembly to pass the Passenger Vessels
        Act"); :meth:`_next_with_missing_words` asks for the words too. Over every set this
        gained 8 answer hits and lost 2 (a runner-up pushed out, a follow-up's history),
        refused one unanswerable more and one less; medians +0-13 characters."""
        following = first + 1
        sentences = self.index.sentences
        if following not in seconds or sentences[following].paragraph != sentences[first].paragraph:
            return []
        if seconds[following] < best - self.policy.next_margin * abs(best):
            return []
        if kind_applies(scores) and not scores.held[following]:
            return []
        texts = [sentences[first].text, sentences[following].text]
        if sum(len(t) + 5 for t in texts) > self.policy.max_answer_chars:
            return []
        return [following] if continues(*texts) else []

    def _continuation(self, hits: list[Hit], plan: SearchPlan) -> int | None:
        """For "tell me more" / "what happened next": the sentence after the last answer.

        Such a request asks to read on, not for the sentence that best matches its few
        words ("what happened" matches any sentence saying "happened").
        """
        if not plan.continuation or not plan.anchors:
            return None
        following = max(plan.anchors) + 1
        while following in self.reading.captions:
            following += 1
        cited = {s for hit in hits for s in hit.chunk.sentence_ids}
        return following if following in cited else None

    def _add_cause(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "why", the cause when the best sentence only restates what happened.

        The sentence that best matches "why did she apologize?" is usually the one that
        says she apologized; the cause is told next to it ("... which caused a stir.",
        "The inquiry found ... because ..."), so the nearest sentence of the paragraph
        that gives a cause is quoted too (the earlier one when two are as near). The
        sentence before comes first when the best one goes on from it (:meth:`_goes_on_from`):
        what it tells was done because of what was told there.

        A neighbour gives a cause by a word of cause (``scores.held``: "because", "led
        to") or by telling the event it followed, writing a word of the question
        (:meth:`_tells_what_it_followed`: "In 1887, after Reischl's department was
        reorganised, Pendrecht accepted ..." two sentences after "Pendrecht worked ... with
        the Vienna municipal waterworks" for "Why did Pendrecht leave his job in
        Vienna?"). Over every set (s24-base -> h40y-r5, with the cause phrases of
        :data:`~antqa.questions._EVIDENCE`) 3 answer hits gained, none lost, no median up.
        Without the question's word (h40y-r2) it also lengthened 5 answers and 3
        unanswerables' for one follow-up more; read as a cause by retrieval and the kind
        bonus too (h40y-r1) it gained 5 and lost 3 (a distractor's "after universal
        suffrage was introduced" pulled ahead); the same neighbour search for "how" with
        the manner's markers (h40y-r3) gained 2 and lengthened 15 answers (medians +7-21).
        """
        first = chosen[0]
        if scores.question.kind is not AnswerKind.REASON:
            return chosen
        before = self._goes_on_from(first, scores)
        if before is not None:
            return [first, before, *chosen[1:]]
        sentences = self.index.sentences
        if scores.held[first]:
            return chosen
        for step in range(1, self.policy.cause_reach + 1):
            for s in (first - step, first + step):
                if (
                    0 <= s < len(sentences)
                    and sentences[s].paragraph == sentences[first].paragraph
                    and (scores.held[s] or self._tells_what_it_followed(s, scores.question))
                ):
                    return [first, s]
        return chosen

    def _tells_what_it_followed(self, sentence: int, question: Question) -> bool:
        """Whether ``sentence`` tells an event as following another
        (:func:`~antqa.refusals.told_after`) and writes a word of ``question``: "the ban on
        pens was lifted after players objected ..." for "Why were pens allowed back?"."""
        text = self.index.sentences[sentence].text
        return told_after(text) and not self.lexicon.words(text).isdisjoint(question.tokens)

    def _goes_on_from(self, sentence: int, scores: Scores) -> int | None:
        """The sentence right before ``sentence`` in its paragraph when ``sentence`` tells a
        consequence of it (:data:`_CONSEQUENCE`: "He therefore added a tidal lock" after
        what Rendell found), or opens on it by a pronoun (:data:`REFERS_BACK`), gives no
        cause of its own (``scores.held``) and leaves to it words of the question it
        lacks ("It was the first steam engine in the valley" after "... halted production,
        and in 1834 Penhallow installed a beam engine": "Why did the company put in a
        steam engine in 1834?"). Over every set (m24-c -> h35w-r4): 2 answer hits gained,
        none lost, two hits quoted one sentence more; a pronoun opening alone, without
        the missing words, also lengthened 3 other answers (h35w-r2)."""
        sentences, before = self.index.sentences, sentence - 1
        if (
            before < 0
            or sentences[before].paragraph != sentences[sentence].paragraph
            or before in self.reading.captions
        ):
            return None
        text = sentences[sentence].text
        if _CONSEQUENCE.match(text):
            return before
        if not REFERS_BACK.match(text) or scores.held[sentence]:
            return None
        missing = self._missing_words([sentence], scores.question)
        return (
            None if set(missing).isdisjoint(self.lexicon.words(sentences[before].text)) else before
        )

    def _add_named_doer(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "who", the sentence right after the best one when only it names a person
        (the best naming none but those the question names).

        An article tells an event, then who did it ("... the side wall collapsed, killing
        17 men." "An inquiry chaired by the engineer Robert Dacre blamed ..."): the second
        shares few of the question's words ("Who led the investigation into the
        collapse?"), so its score says little, but a best sentence naming no one cannot
        answer "who" and the next one, naming someone, most often does.
        """
        first, sentences = chosen[0], self.index.sentences
        following = first + 1
        if (
            not Asked.of(scores.question).person
            or following >= len(sentences)
            or following in self.reading.captions
            or sentences[following].paragraph != sentences[first].paragraph
            or not self._names_person(following)
        ):
            return chosen
        if any(self._names_unasked(s, scores.question) for s in chosen) and not self._goes_on(
            chosen, following, scores.question
        ):
            return chosen
        return [*chosen, following]

    def _goes_on(self, chosen: list[int], following: int, question: Question) -> bool:
        """For a question asking who did it (:func:`~antqa.short_answers.asks_doer`),
        whether ``following`` tells on of what the chosen sentences tell, by a pronoun ahead
        of its names (:func:`~antqa.referents.points_back`: "... had himself crowned as
        King Marrec I." + "The crown was placed on his head by the Archbishop of Hask,
        Anselm Dray"), when they name no person the question does not
        (:meth:`_names_person`): the names they hold are then only read as names
        ("Charadriidae", "the Charter of Lenholm"), and the doer is the one it names."""
        if not asks_doer(question) or any(self._names_person(s, question) for s in chosen):
            return False
        return points_back(self.index.sentences[following].text, self.reading.people[following])

    def _add_close_namer(
        self, chosen: list[int], values: dict[int, float], scores: Scores
    ) -> list[int]:
        """For "who", the best candidate naming a person the question does not, when no
        chosen sentence names one near the question's words (:meth:`_names_answer`) and
        it is not far behind the best (``kind_margin``): a sentence naming no one cannot
        answer "who", and the one
        that does often shares fewer of the question's words ("An inquiry chaired by
        Professor Hanne Okafor concluded ..." for "Who led the inquiry into Spindle's
        failure?", behind two sentences telling of the failure). Quoted last, as
        :meth:`_add_named_doer` quotes the one right after the best.

        Of the close candidates, one naming someone where it tells what is asked, as the
        chosen sentences are read (:meth:`_names_answer`), before one that only names
        someone (:meth:`_names_person`): the latter is often of another matter and scores
        higher by the question's scene ("... Barras's published report, The Isthmus Opened
        (1861), drew the attention of investors" beside "Barras died ... and was succeeded
        as chief engineer by her deputy, Tomas Rendell" for "Who was chief engineer by the
        time the canal opened in 1889?", after "The canal was formally opened on 9 May
        1889."). The namer alone still follows when no close candidate names anyone so.
        Over every readable set (run s27-base -> h47w-r2): 2 answer hits gained (cnt-026,
        tessaly-023), none lost, no refusal moved."""
        question = scores.question
        if not Asked.of(question).person or any(self._names_answer(s, scores) for s in chosen):
            return chosen
        if self._clearly_answers(chosen[0], scores):
            return chosen  # it names whom it answers with, however the names are read
        if chosen[0] not in values:
            return chosen
        others = {s: v for s, v in values.items() if s not in chosen}
        naming = self._close_holder(
            values[chosen[0]], others, lambda s: self._names_answer(s, scores)
        ) or self._close_holder(
            values[chosen[0]], others, lambda s: self._names_person(s, question)
        )
        return [*chosen, *naming]

    def _add_naming_neighbour(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "who", when no chosen sentence names a person the question does not
        (:meth:`_names_person`), the nearest sentence beside one of them, in its paragraph,
        that does: the one after it, or the one before it when it tells by a pronoun
        (:func:`~antqa.referents.points_back`: "It was the first steam engine in the
        valley" after "... a beam engine built by Haskett and Lyle"; "In 2020 he launched
        Open Quill" after "Tomas Eklund ... became director"). The chosen sentences restate
        the question's premise with its words; an article names the doer beside them, and
        a sentence naming no one cannot answer "who". :meth:`_add_named_doer` reads only
        the sentence after the best, and lets any capitalised word ("the newspaper
        Dagposten") count as a name. Not when the best holds a clear short answer
        (:meth:`_clearly_answers`): a name of one word ("succeeded by Tilbury") is no
        person to :meth:`_names_person`, and the neighbour only lengthened 6 answers that
        hit already (run h50a-1)."""
        question = scores.question
        if not Asked.of(question).person:
            return chosen
        if any(self._names_person(s, question) for s in chosen):
            return chosen
        if self._clearly_answers(chosen[0], scores):
            return chosen  # it names whom it answers with ("succeeded by Tilbury")
        sentences, people = self.index.sentences, self.reading.people
        for s in chosen:
            beside = [s + 1]
            text = sentences[s].text
            if REFERS_BACK.match(text) or points_back(text, people[s]):
                beside.insert(0, s - 1)
            for near in beside:
                if (
                    0 <= near < len(sentences)
                    and near not in chosen
                    and near not in self.reading.captions
                    and sentences[near].paragraph == sentences[s].paragraph
                    and self._names_person(near, question, self._not_named_after_someone)
                ):
                    at = chosen.index(s) + 1 if near < s else len(chosen)
                    return [*chosen[:at], near, *chosen[at:]]
        return chosen

    def _not_named_after_someone(self, person: str) -> bool:
        """Whether ``person``, a name read as someone's (:func:`~antqa.people.people`), is
        no thing named after another person of the article: none of its words ahead of the
        last is that person's last name
        (:attr:`~antqa.answering.reading.ArticleReading.last_names`): "the Halvard Palm
        House", of the engineer "Tobias Halvard", is a glasshouse."""
        return self.reading.last_names.isdisjoint(tokenize(" ".join(person.split()[:-1])))

    def _names_answer(self, sentence: int, scores: Scores) -> bool:
        """Whether ``sentence`` names someone the question does not (:meth:`_names_person`)
        as the short-answer finder reads a person near the question's words
        (:meth:`_offers`): only then does it answer "who". Two capitalised words are read
        as a name by their capitals alone, and a thing's name passes ("It ended with the
        Greyfield Accord, ..." for "Who came up with the fuel tax?"); it answers nothing
        asked, and the close sentence naming the minister who proposed the tax is quoted
        (:meth:`_add_close_namer`). Over every set (run h33p-r1 -> h33p-r2): 3 answer hits
        gained, 1 exact short answer more, no item lost, medians +0-1 chars."""
        question = scores.question
        return self._names_person(sentence, question) and self._offers(sentence, scores)

    def _names_person(
        self,
        sentence: int,
        unasked_by: Question | None = None,
        counts: Callable[[str], bool] = lambda _: True,
    ) -> bool:
        """Whether ``sentence`` names a person: by a name of :data:`_PERSON_WORDS` words or
        more, or by the last word of one, with no determiner before it
        (:attr:`~antqa.answering.reading.ArticleReading.last_names`), that the article calls
        them by alone (:meth:`~antqa.people.Calling.calls_by`: "Arvanti drafted most of the
        text, while Marovane insisted ..."); not "Internet" of "C Internet", no person's
        name, nor "the Lexicon" of "the Aldermere Lexicon". With ``unasked_by``, only a
        name sharing no word with that question counts (not "Although Spindle" for "...
        Spindle's failure?"). Only a name that ``counts`` is read."""
        calling, last_names = self.reading.words.calling, self.reading.last_names
        text = self.index.sentences[sentence].text
        named = (
            self.reading.people[sentence]
            if unasked_by is None
            else self._unasked_people(sentence, unasked_by)
        )
        for person in filter(counts, named):
            if len(person.split()) >= _PERSON_WORDS:
                return True
            words = tokenize(person)
            if (
                len(words) == 1
                and words[0] in last_names
                and calling.calls_by(words[0])
                and _written_undetermined(person, text)
            ):
                return True
        return False

    def _add_role_holder(
        self, chosen: list[int], values: dict[int, float], scores: Scores
    ) -> list[int]:
        """For "who", the best candidate writing a person beside the role the question asks
        (:meth:`_holds_role_asked`), when no chosen sentence names anyone the question does
        not: "who was the judge at the trial?" is answered by "Presiding judge Magda
        Orlen allowed ...", not by the sentence telling of the trial; "Who headed the
        investigation?" by "An inquiry led by superintendent Walter Greaves ...". The
        question asks for the one holding that role, and the sentence naming them beside
        it says who, whatever else it shares with the question: it comes first, so that the
        short answer is the holder's name ("Magda Orlen", not the trial's "Vessenport High
        Court"); second, it gave no short answer to either fresh22 answer it gained. The
        holder of the role with the question's rank (:meth:`_holds_role_as_asked`: "His
        only son, Prince Edwyn") comes first whatever the chosen sentences name, unless
        one of them holds it so."""
        question = scores.question
        if not Asked.of(question).person:
            return chosen
        if any(self._holds_role_as_asked(s, question) for s in chosen):
            return chosen
        named = [s for s in values if s not in chosen and self._holds_role_as_asked(s, question)]
        if named:
            return [max(named, key=values.__getitem__), *chosen]
        if any(self._names_unasked(s, question) for s in chosen):
            return chosen
        holders = [s for s in values if s not in chosen and self._holds_role_asked(s, question)]
        if not holders:
            return chosen
        return [max(holders, key=values.__getitem__), *chosen]

    def _holds_role_asked(self, sentence: int, question: Question) -> bool:
        """Whether ``sentence`` names someone the question does not right after a word it
        asks (:data:`_BESIDE_NAME`): the role ("judge", "minister") or, for a question
        asking who headed something, a verb of heading (:data:`_LEADING`)."""
        return any(True for _ in self._roles_beside_names(sentence, question))

    def _holds_role_as_asked(self, sentence: int, question: Question) -> bool:
        """Whether ``sentence`` names someone beside the role the question asks
        (:meth:`_roles_beside_names`, "was" too) after the rank the question gives it
        (:data:`_BEFORE_ROLE`, :func:`~antqa.refusals.ranks.ranks_one`; not "chief" of
        "chief judge", a title several hold): "His only son, Prince Edwyn, ..." for "Who was
        King Osric III's only son?", "Its first president was Count Leopold Averin" for
        "Who was the first president of the canal commission?". The role so qualified is
        one person's, and the sentence naming them in it says who, whatever the best
        sentences name ("... the supporters of Princess Adelis ... after the death of King
        Osric III without a surviving son"): :meth:`_add_role_holder` quotes it first."""
        text, asked = self.index.sentences[sentence].text, question.text.lower()
        for match in self._roles_beside_names(sentence, question, copula=True):
            told = _BEFORE_ROLE.search(text, 0, match.start("word"))
            if told is None or not ranks_one(told.group(1)):
                continue
            written = rf"\b{re.escape(told.group(1))}\s+{re.escape(match.group('word'))}\b"
            if re.search(written, asked):
                return True
        return False

    def _roles_beside_names(
        self, sentence: int, question: Question, copula: bool = False
    ) -> Iterator[re.Match[str]]:
        """Where ``sentence`` names someone the question does not right after a word it
        asks (:data:`_BESIDE_NAME`): :meth:`_holds_role_asked` says whether it does. After
        "was" or "is" only with ``copula``: "The longest-serving president was Emil
        Sorvik" holds no role "Who replaced Count Leopold Averin as president?" asks (an
        unanswerable answered), "Its first president was ..." holds the first one."""
        asked = set(question.tokens)
        leading = not asked.isdisjoint(_LEADING)
        text = self.index.sentences[sentence].text
        unasked = self._unasked_people(sentence, question)
        for match in _BESIDE_NAME.finditer(text):
            if not any(match.group("name").endswith(p) for p in unasked):
                continue
            joined = (match.group("by") or "").strip()
            if not copula and joined in ("was", "is"):
                continue
            word, by = tokenize(match.group("word")), joined.startswith("by")
            if word and ((word[0] in asked and not by) or (leading and by and word[0] in _LEADING)):
                yield match

    def _names_unasked(self, sentence: int, question: Question) -> bool:
        """Whether ``sentence`` names someone the question does not (by no word of their
        name, as :meth:`_told_of` reads it): only such a one can answer "who" ("Hallgren
        directed the works ... when he collapsed and died" names no one for "Who took over
        the works after Hallgren died?"). Not one word written only right after a
        determiner (:data:`_DETERMINED`), as :meth:`_names_person` reads one: "the Calder
        company" names a company, and the sentence naming the one who chaired the inquiry
        asked of is still added (:meth:`_add_role_holder`, :meth:`_add_named_doer`). A name
        of two words or more stays one after "the" ("the German-born Friedrich Aurel"), and
        so does a plural, a people ("by the Lombards"). Over every set (s26-base ->
        h45s-r5): 1 answer hit gained ("who headed the inquiry into the hesperine
        disaster"), none lost, medians unchanged. Read as :meth:`_names_person` reads a
        person instead (h45s-r1), 1 answerable was refused and 2 exact short answers lost
        ("Harthacnut", "Isolde of Varn" stopped counting as people); with multiword names
        after "the" dropped too, an exact "Friedrich Aurel" was lost; without the plural, a
        Normans answer grew by 120 characters."""
        text = self.index.sentences[sentence].text
        return any(
            len(person.split()) >= _PERSON_WORDS
            or person.endswith("s")
            or _written_undetermined(person, text)
            for person in self._unasked_people(sentence, question)
        )

    def _unasked_people(self, sentence: int, question: Question) -> list[str]:
        """The people ``sentence`` names by no word of the question: those it can answer
        "who" with (:meth:`_names_unasked`, :meth:`_names_person`, :meth:`_holds_role_asked`)."""
        asked = set(question.tokens)
        return [p for p in self.reading.people[sentence] if asked.isdisjoint(tokenize(p))]

    def _add_antecedent(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "who did it?", the sentence before the best one when that one says only
        "he", "she" or "they" did it: the name is there ("... the attitudes of Edward." +
        "He appointed Robert archbishop and made Ralph earl.": "Who made Ralph earl?")."""
        first = chosen[0]
        sentences = self.index.sentences
        if first == 0 or sentences[first - 1].paragraph != sentences[first].paragraph:
            return chosen
        if not told_before(scores.question, sentences[first].text):
            return chosen
        return [first, first - 1, *chosen[1:]]

    def _add_summed_up(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "which two incidents ...?", the sentence that told one of them, before a best
        one that only sums them up ("These two incidents ... plunged Ant Financial into a
        vortex of public opinion."): the nearest one before it, within ``summed_reach``
        sentences, holding the word it sums up ("a 'circle incident' occurred ...")."""
        first, sentences = chosen[0], self.index.sentences
        summing = _SUMMING_UP.match(sentences[first].text)
        if summing is None or scores.question.kind is not AnswerKind.ANY:
            return chosen
        summed = set(tokenize(summing.group(1)))
        if summed.isdisjoint(scores.question.tokens):
            return chosen  # it sums up something else than what is asked
        for earlier in range(first - 1, max(-1, first - 1 - self.policy.summed_reach), -1):
            words = self.lexicon.words(sentences[earlier].text)
            if earlier not in self.reading.captions and not summed.isdisjoint(words):
                return chosen if earlier in chosen else [earlier, *chosen]
        return chosen

    def _add_announced(self, chosen: list[int]) -> list[int]:
        """After a chosen sentence that only announces what follows (:data:`_ANNOUNCING`),
        the next one of its paragraph, right after it: "Researchers identified several
        causes." says none of them ("What was the main cause of the decline?" is answered by
        "The most important was the draining of the marshes ...")."""
        sentences = self.index.sentences
        for s in chosen:
            following = s + 1
            if (
                _ANNOUNCING.search(sentences[s].text)
                and following < len(sentences)
                and following not in chosen
                and sentences[following].paragraph == sentences[s].paragraph
            ):
                at = chosen.index(s) + 1
                return [*chosen[:at], following, *chosen[at:]]
        return chosen

    def _second_hop(
        self, chosen: list[int], values: dict[int, float], scores: Scores
    ) -> Hop | None:
        """For a question that says whom it asks about by one fact of theirs and asks
        another, at a name or a time it gives ("The executive who apologized for the
        circle incident: what position did she move to in October 2016?"), the best
        sentence of the top passages (``values``) that names the person the chosen ones
        tell the fact of (:func:`~antqa.answering.hops.described`: "Peng Lei") and every
        name of the question they never come near ("In October 2016, ... Peng Lei stepped
        down ..."): the chosen sentences say who (the first hop), this one what is asked
        of them. Without it no sentence of the answer is near the time the question
        gives, and the name check (:meth:`RefusalChecks.doubt`) refuses it. The sentence
        comes with the person's names in it: a cut of it keeps their clause first ("...
        and Jing Xiandong succeeded him ... and became the company's new CEO")."""
        question = scores.question
        if not describes_someone(question.text):
            return None
        sentences = [self.index.sentences[s] for s in chosen]
        written = self.checked_names(question)
        apart = [written[n] for n in self.names_apart(question, written, sentences)]
        if not apart:
            return None
        # the chosen may name no one ("In November 2016, a 'circle incident' occurred ..."
        # for "The executive who apologized for the circle incident ..."): who the
        # description fits is then read from the best candidates telling of someone
        told = self._told_of(chosen, question) or self._told_of(
            sorted(values, key=values.__getitem__, reverse=True)[: self.policy.hop_reach],
            question,
        )
        who = described(question.tokens, [(person, clause) for _, person, clause in told])
        telling = frozenset(s for s, person, _ in told if person in who)
        naming = frozenset(s for s in telling if who.intersection(self.reading.people[s]))
        for s in sorted(values, key=values.__getitem__, reverse=True):
            words = self.lexicon.words(self.index.sentences[s].text)
            named = who.intersection(self.reading.people[s])
            if s not in chosen and named and all(resembles(name, words) for name in apart):
                return Hop(s, frozenset(named), telling, naming)
        return None

    def _add_parts(
        self, chosen: list[int], scores: Scores
    ) -> tuple[list[int], dict[int, frozenset[str]], int | None]:
        """For a question asking two things (:func:`~antqa.questions.question_parts`), the
        sentence telling each part whose words the chosen ones lack: the two facts are
        often told far apart ("Who heads the class committee, and what is his job at Ant
        Financial?": the committee paragraph, and the handover 17,000 characters before),
        and the best sentence answers one. A part lacks its words when the chosen sentences
        hold less than ``next_share`` of them (IDF-weighted; words rarer than the article's
        subject, ``topic_idf``, and not the other part's: "the harbour" in both tells
        neither). A second part pointing back ("his job") asks of the person
        the first names or is answered by (:meth:`_pointed_at`): only a sentence naming
        them tells it, and a cut of it keeps their clause first (:attr:`Choice.kept`).
        Returns the sentences, those names per sentence, and the sentence found for what
        is asked of someone the first part only describes (:attr:`Choice.answering`)."""
        parts = question_parts(scores.question.text)
        kept: dict[int, frozenset[str]] = {}
        answering = None
        if parts is None:
            return chosen, kept, answering
        for number, part in enumerate((parts.first, parts.second)):
            other = set(tokenize(parts.second if number == 0 else parts.first))
            own = [t for t in dict.fromkeys(tokenize(part)) if t not in other]
            if not own:
                continue  # "..., and where was she?": nothing to look for but what is told
            tokens = [
                t
                for t in own
                if self.lexicon.known(t) and self.lexicon.idf(t) >= self.policy.topic_idf
            ]
            told = " ".join(self.index.sentences[s].text for s in chosen)
            if tokens and self.lexicon.share_in(told, tokens) >= self.policy.next_share:
                continue
            least = self.policy.event_part_words if parts.events else self.policy.part_words
            if len(tokens) < least:
                tokens = []  # too few to find its sentence by: "which one actually paid?"
            points_back = number > 0 and parts.points_back
            people = self._pointed_at(parts.first, chosen) if points_back else set()
            if not tokens and not people:
                continue
            found = self._telling_part(tokens, people, chosen, scores)
            if found is None and people:
                # whom the first part is answered by may be misread where the chosen name
                # two ("Peng Lei stepped down ... and Jing Xiandong succeeded him"): any of
                # them; never someone they do not name (a sentence telling it of another
                # would turn a refusal into a wrong answer)
                people = self._named_in(chosen)
                found = self._telling_part(tokens, people, chosen, scores)
            if found is not None and people:
                # the person's clause first in every cut: the first part's sentence may be
                # cut to make room ("... Peng Lei stepped down from the position of CEO, …"
                # lost "and Jing Xiandong succeeded him")
                for s in (*chosen, found):
                    named = people.intersection(self.reading.people[s])
                    if named:
                        kept[s] = frozenset(named)
            if found is not None and number == 0 and parts.describes:
                # it tells whom the question asks about: a short answer in it answers that,
                # not what is asked ("the company's new CEO" for "What is the review method
                # ... by the person who became chairman?"), as after a second hop
                kept.setdefault(found, frozenset())
            if found is not None and number == 1 and parts.describes:
                answering = found  # what is asked of the one described: it answers
            if found is not None:
                chosen = [*chosen, found]
        return chosen, kept, answering

    def _pointed_at(self, first: str, chosen: list[int]) -> set[str]:
        """Whom a second question's "he"/"his" stands for: a person the first question
        names (its words hold all of the name's, however typed), else the one the chosen
        sentences tell it of (:func:`~antqa.answering.hops.described`)."""
        asked = set(tokenize(first))
        named = {person for person in self._named_in(chosen) if set(tokenize(person)) <= asked}
        if named:
            return named
        question = analyse(first)
        told = self._told_of(chosen, question)
        return described(question.tokens, [(person, clause) for _, person, clause in told])

    def _named_in(self, chosen: list[int]) -> set[str]:
        """The people the ``chosen`` sentences name (in at least ``_PERSON_WORDS`` words)."""
        return {
            person
            for s in chosen
            for person in self.reading.people[s]
            if len(person.split()) >= _PERSON_WORDS
        }

    def _telling_part(
        self, tokens: list[str], people: set[str], chosen: list[int], scores: Scores
    ) -> int | None:
        """The sentence of the whole article telling one part of a question: of those
        holding ``next_share`` of its words ``tokens`` (any sentence when it has none) and
        naming one of ``people`` when given, no caption and none already chosen, the one
        scoring highest by relevance plus that share; ``None`` when there is none."""
        share = self.lexicon.coverage(tokens) if tokens else np.zeros(len(self.index.sentences))
        allowed = share >= (self.policy.next_share if tokens else 0.0)
        if people:
            naming = np.zeros(len(allowed), dtype=bool)
            naming[[s for person in people for s in self.reading.naming.get(person, ())]] = True
            allowed &= naming
        allowed[list(chosen)] = False
        allowed[list(self.reading.captions)] = False
        if not allowed.any():
            return None
        value = np.where(allowed, scores.relevance + share, -np.inf)
        return int(np.argmax(value))

    def _told_of(self, chosen: list[int], question: Question) -> list[tuple[int, str, str]]:
        """The people the ``chosen`` sentences tell of (names of at least ``_PERSON_WORDS``
        words the question does not give), each with the sentence telling of them and the
        clause naming them; a sentence naming no one ("At the same time, she convened 22
        members ...") tells, whole, of those the sentence before it in its paragraph names."""
        sentences = self.index.sentences
        asked = set(question.tokens)

        def people(s: int) -> list[str]:
            return [
                p
                for p in self.reading.people[s]
                if len(p.split()) >= _PERSON_WORDS and asked.isdisjoint(tokenize(p))
            ]

        told: list[tuple[int, str, str]] = []
        for s in chosen:
            named = people(s)
            if named:
                told += [(s, p, c) for c in clauses(sentences[s].text) for p in named if p in c]
            elif (
                not self.reading.named[s]
                and s > 0
                and sentences[s - 1].paragraph == sentences[s].paragraph
            ):
                told += [(s, p, sentences[s].text) for p in people(s - 1)]
        return told

    def _add_short_follower(self, chosen: list[int]) -> list[int]:
        """A short sentence right after the best one usually completes it ("... the strategy
        meeting." -> "Only then did X come into existence."), so it is quoted too when it
        costs no cut: the answer stays within its length and no long sentence is trimmed.
        A bare remark on it ("This is amazing.", :data:`_REMARK`) completes nothing: the
        short sentence after the remark is quoted with it ("... the ability to understand
        the other person's heart." -> "This is amazing." -> "In our current popular words,
        it is called empathy."). Over every set (run m28-b -> h46h-r1): 1 answer hit gained,
        nothing else moved (the article's only two such remarks).
        """
        with_follower = self._with_follower(chosen)
        if len(with_follower) > len(chosen) and _REMARK.match(
            self.index.sentences[with_follower[-1]].text
        ):
            return self._with_follower(with_follower, with_follower[-1] + 1)
        return with_follower

    def _with_follower(self, chosen: list[int], follower: int | None = None) -> list[int]:
        """``chosen`` and the short sentence ``follower`` (the one after the best by
        default) when it fits (:meth:`_add_short_follower`)."""
        follower = chosen[0] + 1 if follower is None else follower
        sentences = self.index.sentences
        if follower >= len(sentences) or follower in chosen:
            return chosen
        if sentences[follower].paragraph != sentences[chosen[0]].paragraph:
            return chosen  # a caption or a new paragraph does not complete the sentence
        if len(sentences[follower].text) > self.policy.follower_chars:
            return chosen
        texts = [sentences[s].text for s in (*chosen, follower)]
        fits = sum(len(t) + 5 for t in texts) <= self.policy.max_answer_chars
        if not fits or max(map(len, texts)) > self.policy.long_sentence_chars:
            return chosen
        return [*chosen, follower]

    def _complete_fragments(self, chosen: list[int]) -> list[int]:
        """A unit cut at a line break ("Peng Lei also asked") is joined to what follows.

        Only when what follows goes on in lower case: a heading or caption without a full
        stop is followed by a new sentence, not by its own continuation.
        """
        return [*chosen, *(s + 1 for s in chosen if self._cut_at_line(s))]

    def _cut_at_line(self, sentence: int) -> bool:
        """Whether ``sentence`` is cut at a line break: no full stop, and the next one goes
        on in lower case."""
        sentences = self.index.sentences
        return (
            not TERMINAL.search(sentences[sentence].text)
            and sentence + 1 < len(sentences)
            and sentences[sentence + 1].text[:1].islower()
        )

    def _missing_words(self, ids: list[int], question: Question) -> list[str]:
        """The question's words that sentences ``ids`` lack, among those the article uses:
        one it never writes ("mean" of "What does the name mean?") no sentence can hold,
        and would make every share of them look small."""
        present = set().union(*(self.lexicon.words(self.index.sentences[s].text) for s in ids))
        return [t for t in question.tokens if t not in present and self.lexicon.known(t)]

    def _read_past_fragment(self, chosen: list[int], scores: Scores) -> list[int]:
        """After a best sentence cut at a line break and its continuation, the sentence
        that follows when it holds most of the question's words the two lack.

        A fragment ("Peng Lei also asked" / "the team to discuss rectification ...")
        introduces what follows, but its score says nothing of the sentences it goes on
        into, so :meth:`_next_with_missing_words`' margin cannot judge them: "What did
        she ask the team to write down?" is answered by the sentence after ("Think
        clearly and write down ..."). Held means ``next_share`` of the missing words
        (IDF-weighted), in the continuation's paragraph.
        """
        first, sentences = chosen[0], self.index.sentences
        following = first + 2
        if (
            not self._cut_at_line(first)
            or following >= len(sentences)
            or following in chosen
            or sentences[following].paragraph != sentences[first + 1].paragraph
        ):
            return chosen
        missing = self._missing_words([first, first + 1], scores.question)
        share = self.lexicon.share_in(sentences[following].text, missing)
        return [*chosen, following] if missing and share >= self.policy.next_share else chosen
