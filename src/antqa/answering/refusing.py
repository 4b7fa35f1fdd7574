"""Whether the article answers a question: the checks that refuse one it does not
(a name or number it never writes, a question far from every sentence, a kind of answer
no passage holds, or the sentences that would answer telling something else;
:mod:`antqa.refusals` reads times and words for them)."""

from __future__ import annotations

import re
from functools import cached_property, partial

from antqa.answering.composing import hit_holding
from antqa.answering.kinds import kind_applies, kind_holders, sentences_of
from antqa.answering.reading import AnswerStep, one_person
from antqa.conversation import SearchPlan
from antqa.lexical import resembles, tokenize
from antqa.models import Hit, Sentence
from antqa.people import named_in
from antqa.questions import (
    KIND_NOUN,
    MEASURE_WORDS,
    AnswerKind,
    Question,
    analyse,
    as_successor,
    asked_step,
    asks_succession,
    asks_whether,
    described_part,
    holds,
    left_named,
    names_counted,
    question_parts,
    succession_of_named,
    tells_any_succession,
    tells_change_of,
    tells_leaving,
    without_successor,
)
from antqa.referents import FOR_SOMEONE, standing_for, subject
from antqa.refusals import (
    ANYONE,
    DESCRIBED_WORDS,
    KIND_FRAME_WORDS,
    Period,
    age_of_another,
    asked_role,
    asks_part,
    counts_for_time,
    dated_elsewhere,
    day_elsewhere,
    degree_swapped,
    doer_named,
    doer_reversed,
    event_untold,
    event_without_figure,
    event_word,
    event_words,
    figure_of_another,
    figure_of_other_kind,
    figure_told_apart,
    figures_only_asked,
    given_role,
    given_to_another,
    holds_name,
    in_period_written,
    is_time,
    languages_named,
    maker_untold,
    named_by_year,
    never_done,
    no_one_told,
    noun_asked_of,
    numbered_names,
    only_counted,
    only_larger_place,
    opposite_word,
    owned_by_another,
    paragraph_times,
    part_untold,
    periods,
    pinning_words,
    placed_elsewhere,
    rank_swapped,
    rate_asked,
    rate_untold,
    role_held,
    role_written,
    short_range_end,
    step_of_another,
    subject_doing,
    time_conflict,
    time_untold,
    topic_words,
    total_untold,
    unwritten_day,
    vague_time_alone,
    word_written,
    written_out,
)
from antqa.retrieval import Scores
from antqa.short_answers import Asked

#: A subject that is a name alone, "The" before it or not ("Velmarine", "The Halvessa
#: Bourse"): group 1.
_NAME_ALONE = re.compile(r"(?:The\s+)?([A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*)*)")
#: What makes a number of a question an ordinal ("50th"), which words write as one.
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
#: The least number of a question looked for in words too: 2, since "one" and "first" are
#: written of anything ("one of the ...", "the first time"); with 1 (either form looked
#: for), "Where was race 1 first detected?" (unanswerable) found its number and was answered.
_LEAST_NUMBER_IN_WORDS = 2
#: A number in a question as people write one ("1107", "7,000", "9.0", "10th", "1100s"),
#: with what may follow it (an ordinal's suffix, a decade's "s"); the digits are matched.
#: Not an id ("<@&1000000000000030>").
_QUESTION_NUMBER = re.compile(
    r"(?<![\w.@&#])\d{1,4}(?:,\d{3})*(?:\.\d+)?(?!\d)"
    rf"(?=(?P<suffix>(?:{'|'.join(_ORDINAL_SUFFIXES)}|'?s)?))"
)


#: The kinds that ask for a quantity: an answer giving only the question's own figure
#: gives none of them (:func:`antqa.refusals.figures_only_asked`). Not a time: "When in
#: 1959 ...?" is answered by a month, which no figure writes.
_QUANTITIES = frozenset(
    (AnswerKind.COUNT, AnswerKind.AMOUNT, AnswerKind.SHARE, AnswerKind.DURATION, AnswerKind.AGE)
)

#: The counted nouns that name people of no kind in particular: "How many people spoke
#: Vellan ...?" is told by "counted 118,400 speakers", a count of people of one kind.
_ANYONE_COUNTED = frozenset(tokenize("people persons individuals"))

#: The kinds whose answer is a clause of its own, not a figure: a cause is told as often
#: by another's step as by the asked one's ("Ellisford Mill closed ..., after the Quill
#: Valley Bank refused to renew the company's overdraft" answers "Why did Ellisford Mill
#: shut down?"), so the doer of the clause the short answer sits in says nothing of whose
#: the answer is (:meth:`RefusalChecks._figure_of_another`).
_TOLD_AS_CLAUSES = frozenset((AnswerKind.REASON,))


#: The kinds whose short answer must be a figure of the kind asked
#: (:meth:`RefusalChecks._figure_of_other_kind`): "how many" asks a count ("For how many
#: years ...?" a length of time), a time no count.
_FIGURES_OF_A_KIND = frozenset((AnswerKind.COUNT, AnswerKind.DURATION, AnswerKind.TIME))

#: Words timing a step ("did he first join"), which a sentence telling the step in words
#: of its own must still write (:meth:`RefusalChecks._told_in_other_words`).
_TIMING_STEPS = frozenset(tokenize("first ever originally initially"))

#: A year that dates what a sentence tells, not one naming a thing ("the 2008 festival").
_YEAR_DATING = re.compile(r"\b\d{4}\b(?!\s+[a-z])")

#: A sentence opening by pointing back with "this" or "these" at a thing told just
#: before, and the noun it calls it by (group 1): "This building, known as the New Mill".
_THIS_NOUN = re.compile(r"^\W*(?:this|these)\s+([a-z]+)\b", re.I)

#: What a count may be of that a sentence tells by a noun of its own: people ("how many
#: people were killed" of "three crewmen") and times ("performed more than 900 times" as
#: "900 performances"); :meth:`RefusalChecks._counted_untold` looks for no such word.
_COUNTED_ANYHOW = ANYONE | frozenset(tokenize("times occasions"))

#: The fewest letters of a counted word the article never writes that is looked for:
#: :func:`~antqa.lexical.resembles` reads a shorter one only as itself, so a short form
#: typed in a chat ("how many ppl ...") would never match the people a sentence counts
#: (2 answerables of the follow-up sets were refused so).
_LEAST_UNREAD = 4

#: A question typed with letters and no capital: its capitals tell no names.
_LOWER_CASE_TYPED = re.compile(r"^(?=.*[a-z])[^A-Z]*$", re.S)


def _written_in_words(digits: str, suffix: str, text: str) -> bool:
    """Whether ``text`` writes the number ``digits`` in words, as the question wrote it:
    "fiftieth" for "50th", "fifty" for "50" (from :data:`_LEAST_NUMBER_IN_WORDS` on)."""
    if not digits.isdigit() or int(digits) < _LEAST_NUMBER_IN_WORDS:
        return False
    cardinal, ordinal = written_out(int(digits)) or ("", "")
    word = ordinal if suffix in _ORDINAL_SUFFIXES else cardinal
    return bool(word) and re.search(rf"\b{word}\b", text, re.I) is not None


#: A regnal or ordinal numeral ending a name ("Duke Aurel IV"): not the word an article
#: calls the person by.
_NUMBERED = re.compile(r"[ivxlc]+|\d+(?:st|nd|rd|th)?")


def _in_two_events(question: Question, names: tuple[str, str]) -> bool:
    """Whether the ``names`` (stemmed) lie in the two events a length of time is asked
    between (:class:`~antqa.questions.Parts` ``events``), one in each: "between Peng Lei's
    apology and Zhaocaibao's default disclosure" ties neither to the other, each is told
    where it happened."""
    parts = question_parts(question.text)
    if parts is None or not parts.events:
        return False
    first, second = set(tokenize(parts.first)), set(tokenize(parts.second))
    return any(a in first and b in second for a in names for b in names)


class RefusalChecks(AnswerStep):
    """Decides whether the article answers a question (:meth:`doubt`), on evidence
    that does not depend on the scale of the model's similarities."""

    def doubt(
        self,
        plan: SearchPlan,
        hits: list[Hit],
        scores: Scores,
        chosen: list[Sentence],
        runner: Sentence | None = None,
    ) -> str | None:
        """Why the article does not answer the question, or ``None`` if it may well.

        ``chosen`` is what :meth:`SentenceChooser.choose` picked to answer it, ``runner`` the
        runner-up the answer would quote after it (:meth:`SentenceChooser.runner_up`). The
        wording completes "The article doesn't say…".
        """
        question = scores.question
        off_topic = self._off_topic(plan, scores, chosen)
        if off_topic is not None:
            return off_topic
        unmatched = self._unmatched_number(question.text, hits)
        if unmatched is not None:
            return f" — none of its passages on this mentions {unmatched}"
        # For a count or an amount, any number will do: the thing counted is often named in
        # other words ("3,260 ships" for "how many vessels"), money in currencies no list
        # holds ("8,000 scudi"), so it steers which sentence answers
        # (:meth:`SentenceChooser._holding`) but refuses nothing.
        if kind_applies(scores) and not kind_holders(self.policy, hits, scores, counted=False):
            return f" — none of its passages on this gives {KIND_NOUN[question.kind]}"
        return (
            self._unheld_role(plan, hits, question)
            or self._role_not_given(plan, question)
            or self._beside_the_answer(plan, scores, chosen, self._quoted(plan, runner, hits))
            or self._person_apart(plan, chosen)
            or self._person_of_it_elsewhere(plan, scores, chosen)
            or self._counted_untold(plan, question, self._with_runner(plan, chosen, runner, hits))
            or self._noun_asked_untold(
                plan, question, self._with_runner(plan, chosen, runner, hits)
            )
            or self._succession_untold(plan, question, chosen, self._quoted(plan, runner, hits))
            or self._opposite_extreme(plan, hits, question, chosen, runner)
            or self._no_one(plan, question, chosen)
            or self._maker_untold(plan, question, self._with_runner(plan, chosen, runner, hits))
            or self._counted_not_named(plan, question, chosen)
            or self._event_without_kind(plan, hits, scores, chosen)
            or self._untold_detail(plan, hits, question, chosen, runner)
            or self._figure_of_another(plan, question, chosen, runner)
            or self._figure_of_other_kind(plan, question, chosen)
            or self._part_of_whole(plan, question, chosen, runner)
            or self._figure_elsewhere(plan, scores, chosen)
        )

    def _figure_elsewhere(
        self, plan: SearchPlan, scores: Scores, chosen: list[Sentence]
    ) -> str | None:
        """A follow-up asking a figure (a date, a number) of a thing it refers back to
        (:func:`~antqa.conversation.refers_to_a_thing`: "How much did it cost to build
        originally?" after the Temperate House's architect), answered far from the
        sentences the previous answer quoted (:meth:`near_the_anchors`), where no sentence
        near them gives the kind asked: the figure is another thing's (the Palm House's
        cost), and the article never gives the one asked. When one near does give it, the
        choice keeps to those (:meth:`SentenceChooser._near_the_anchors`). Not for a
        question asking two things. Over the follow-up sets (run h31f-a3 -> h31f-b0): 2
        unanswerables refused, no answerable; read among the top passages' sentences
        only, rather than the whole paragraphs, it refused 1 answerable too. A person
        asked so ("Who designed it?") is not refused at this reach: over every set with
        history (run h31f-r2) that refused 4 unanswerables but 2 answerables, one answered
        right ("Who guaranteed them?" of this article, told a paragraph on); it is refused
        only further off (:meth:`_person_of_it_elsewhere`)."""
        question = scores.question
        if not chosen or question.compound or not self.asks_a_figure_of_it(plan, scores):
            return None
        if self.near_the_anchors(plan, chosen[0]) or self._of_the_anchors(plan, chosen[0]):
            return None
        sentences = self.index.sentences
        if any(scores.kind_held[s.id] for s in sentences if self.near_the_anchors(plan, s)):
            return None
        return f" — where it tells of that, it never gives {KIND_NOUN[question.kind]}"

    def _off_topic(self, plan: SearchPlan, scores: Scores, chosen: list[Sentence]) -> str | None:
        """The question names something the article never mentions, or names nothing it
        does, holds no sentence's every word and lies far from every sentence: it asks of
        another article (the first of :meth:`doubt`'s checks).

        Not when it asks for a figure of a kind a sentence plainly holds (:func:`kind_applies`:
        a number, a date) and the best ``chosen`` sentence gives one of that kind, of the
        thing counted when it names one (:attr:`Scores.held`): a short question asking a
        figure lies far from the sentence giving it, whose figure and its context the
        question lacks ("How much did the merchant pledge?" of "Penhallow ... pledged 2,000
        pounds in his will"; "how many employees watched the handover ceremony" of
        "witnessed by more than 7,000 Ant Financial employees": answerables of two unseen
        batches, s21 and s27, refused as unrelated). Of the 15 questions this refused over
        every readable set (run m29-b), 7 answerable and 8 not, it lets those 2 through
        and no other; of the three refused so when scored unseen, the same 2 (the third,
        "Which one was thought the least important?", asks no figure)."""
        question = scores.question
        language = question.meaning_language  # "mean in English": not the subject
        missing = [
            n
            for n in question.names
            if not self.lexicon.resembles_known(self.as_written(question.text, n))
            and not self.reading.words.writes_place_of(n)
            and n not in language
        ]
        if missing:
            return f" — it never mentions {named_in(question.text, missing[0])}"
        # A question that names something the article does name (a person, a month, a
        # place) is about the article however loosely its wording matches any sentence.
        named_here = bool(question.names)
        # Likewise a question whose every word one sentence holds: it asks in the
        # article's own words, however far its vector lands ("What did the inquiry
        # recommend?" scores low against a long sentence that says "recommended").
        worded_here = float(scores.coverage.max(initial=0.0)) >= self.policy.all_words_held
        follow_up = plan.follow_up
        # The nearest sentence or passage: a question asked in other words than the
        # article's may lie nearer a passage telling it across sentences than any one of
        # them ("On what date did the transport minister step down?" of a passage naming
        # the Minister of Transport, then telling that he resigned on 3 May 1977).
        closest = max(float(scores.dense.max(initial=0.0)), float(scores.passages.max(initial=0.0)))
        figured = bool(chosen and kind_applies(scores) and scores.held[chosen[0].id])
        if (
            not (follow_up or named_here or worded_here or figured)
            and closest < self.policy.unrelated_similarity
        ):
            return " anything about that"
        return None

    def _person_apart(self, plan: SearchPlan, chosen: list[Sentence]) -> str | None:
        """A follow-up's "he" or "her" stands for the person the conversation is about
        (:attr:`SearchPlan.about`), whom the paragraphs of the sentences that would answer
        never mention (:meth:`names_apart`, as for a name the question writes): "Who were
        his pupils?" after "Ilya Voronin" organised a visit is answered with Obrenthal's
        pupils, as "Who were Voronin's pupils?" is refused. A follow-up writes no name,
        so without its person the check had nothing to look for. Only this check reads
        the person: every check reading the question with the name written in also
        refused answerables (a figure "told of another", an event "without a figure")
        where a wrong short answer named the wrong person.

        The person's step is looked for even when the article writes its verb of no one
        (``unwritten``), if taken on its own ("When did he die?" of the canal's engineer,
        answered with his patron's death; "When was he executed for it?"): a first
        question's unwritten verb is often a paraphrase, but a follow-up asking a life
        event of the one just named asks what the article would tell in that verb. So too
        a role the article never writes (``unwritten`` of :meth:`_role_not_given`: "when
        did she become mayor?"), and an age the sentences give only of another
        (:meth:`_age_of_another`: "How old was he?" of "Ada Conlan, a 24-year-old orator").
        Over every readable set (run s25-base -> h43u-r2): 5 unanswerable follow-ups
        refused (3 steps, 1 role, 1 age), no answerable moved; with a step taking an object
        too ("When did he leave the job?", "when did she give up Thornhallow?", told
        "resigned", "surrendered") 2 answerables were refused as well. The other checks
        of a first question read with the person written in (the names check, a step
        "told of another", a thing "given to another") refused 10 answerables of the
        follow-up sets for 2 unanswerables: the article's sentences call the person "he"."""
        read = self.person_named(plan) if chosen else None
        if read is None:
            return None
        question, checked = read
        apart = self.names_apart(question, checked, chosen)
        if apart:
            missing = named_in(question.text, apart[0])
            return f" — where it tells of this, it never mentions {missing}"
        if not one_person(plan.about, self.reading.names):
            return None  # "Publishing Company" answering "who": no one's birth to look for
        typed = {written_as: name for name, written_as in checked.items()}
        return (
            self._step_untold(question, typed, chosen, unwritten=True)
            or self._role_not_given(plan, question, unwritten=True)
            or self._age_of_another(question, chosen)
        )

    def _person_of_it_elsewhere(
        self, plan: SearchPlan, scores: Scores, chosen: list[Sentence]
    ) -> str | None:
        """A follow-up asking a person of the thing its "it", "its" or "that" stands for
        (:meth:`refers_to_it`: "who led that study?", "who was its skipper?"), answered
        with a sentence more than :attr:`AnswerPolicy.person_of_it_paragraphs` paragraphs
        from the ones the previous answer quoted (:meth:`near_the_anchors`): it names
        another thing's person, and the article never tells the one asked ("who led that
        study?" after the 1986 university study of the dam was answered with the engineer
        who led a survey of 1947). The question typed whole names the thing, which the
        names check looks for beside the answer (:meth:`_unnamed`); a follow-up names it
        by a word the checks cannot look for, and its thing's person is told where the
        thing is. As :meth:`_figure_elsewhere` reads a figure so asked."""
        if not chosen or not Asked.of(scores.question).person or not self.refers_to_it(plan):
            return None
        if self.near_the_anchors(plan, chosen[0], self.policy.person_of_it_paragraphs):
            return None
        return " who — where it tells of that, it names no one"

    def _counted_untold(
        self, plan: SearchPlan, question: Question, quoted: list[Sentence]
    ) -> str | None:
        """A follow-up asking how many of a thing (:attr:`~antqa.questions.Question.counted`:
        "How many copies did it sell?", "how many sailors were trained there?") where no
        sentence the answer would quote writes that thing in any form
        (:func:`~antqa.questions.names_counted`): they count something else of what "it"
        or "there" stands for (the payment it was settled with, the boys the school then
        numbered). A question asked whole names what it counts of, which the names check
        looks for beside the answer; a follow-up leaves that to "it", so the thing counted
        is all that ties the answer to it."""
        if not plan.follow_up or plan.continuation or not quoted:
            return None
        counted = [
            w
            for w in question.counted
            if w not in _COUNTED_ANYHOW and (len(w) >= _LEAST_UNREAD or self.lexicon.known(w))
        ]
        if question.kind is not AnswerKind.COUNT or not counted:
            return None
        if any(names_counted(frozenset(tokenize(s.text)), question.counted) for s in quoted):
            return None
        return " — where it tells of that, it never counts what the question asks"

    def _noun_asked_untold(
        self, plan: SearchPlan, question: Question, quoted: list[Sentence]
    ) -> str | None:
        """A follow-up asking for someone by what they were to the thing or person the
        conversation is on (:func:`~antqa.refusals.noun_asked_of`: "who was its skipper?",
        "What was the pilot's name?"), where no sentence the answer would quote writes
        that noun (:func:`~antqa.refusals.role_written`): they tell of the thing, and of
        people who were something else to it (the crew lost, the ship's owner), not of its
        skipper. A question asked whole names whose skipper, which the names check looks
        for beside the answer; a follow-up leaves that to "its", so the noun is all that
        says of whom the answer must tell. ``quoted``: the chosen sentences and the
        runner-up the answer would quote (:meth:`_with_runner`)."""
        leaning = plan.follow_up or (plan.strength > 0 and not question.names)
        if not leaning or plan.continuation or not quoted:
            return None
        noun = noun_asked_of(question.text)
        if not noun or role_written(tokenize(noun), [s.text for s in quoted]):
            return None
        return f" who — where it tells of that, it names no {noun}"

    def _succession_untold(
        self,
        plan: SearchPlan,
        question: Question,
        chosen: list[Sentence],
        runner: Sentence | None = None,
    ) -> str | None:
        """A follow-up asking who held a person's post after or before them
        (:func:`~antqa.questions.asks_succession`: "And who replaced him when he retired?"),
        read with the person its "he" or "her" stands for written in (:meth:`person_named`)
        or as it names them ("And who came after Valcourt?"), where no sentence the answer
        would quote tells a change of holder (:func:`~antqa.questions.tells_any_succession`)
        and writes that person or a pronoun of theirs
        (:func:`~antqa.referents.standing_for`: "his" for "him"): the sentences are the
        ones the previous answer drew on, which name the person ("drawn up by chief
        executive Harold Dunstable") but not who came after them, or tell another's
        succession ("Oduya ... was replaced as foreign minister by Beatriz Salo" after the
        envoy Averin). A question asked whole is read by the name it writes instead
        (:meth:`_succession_of_named_untold`); a follow-up's search is pulled to the
        previous answer's sentences, where the person is named whether or not a
        successor is. Over the
        follow-up sets (run s23-base -> h37f-r3, with the chooser's
        :meth:`~antqa.answering.choosing.SentenceChooser._succession_of_the_person`): 9
        unanswerables refused, no answerable; no other set moved. With "who took over X"
        read as a succession too, "the Directory" was checked as the one succeeded and an
        answerable (answered wrong) was refused. Read without the successor's words for
        "who came after" (:func:`~antqa.questions.without_successor`), as the chooser
        reads them, it also refused an answerable answered right whose "her" the
        conversation had read as the successor."""
        if not plan.follow_up and chosen:
            return self._succession_of_named_untold(question, chosen, runner)
        if not plan.follow_up or plan.continuation or not chosen:
            return None
        if not asks_succession(question.text):
            return None
        read = self.person_named(plan)
        if read is not None:  # "him" written as the person it stands for
            asked, names = read[0], tokenize(self.reading.words.calling.called(plan.about))
        else:
            asked, names = question, list(self.checked_names(question))
        if not names:
            return None
        quoted = chosen if runner is None else [*chosen, runner]
        standing = standing_for(question.text)
        for sentence in quoted:
            if not tells_any_succession(sentence.text):
                continue
            if set(names) & self.lexicon.words(sentence.text) or standing.search(sentence.text):
                return None
        person = named_in(asked.text, names[-1])
        return f" — where it tells of {person}, it names no one taking their place"

    def _succession_of_named_untold(
        self, question: Question, chosen: list[Sentence], runner: Sentence | None
    ) -> str | None:
        """A question asked whole naming whom it asks the successor or predecessor of
        (:func:`~antqa.questions.succession_of_named`: "Who succeeded Penrose as chief
        executive?", "Who was finance minister before Corwin Lisle?"), where no sentence
        the answer would quote tells a change of holder
        (:func:`~antqa.questions.tells_any_succession`) of that person
        (:meth:`_tells_of_named`), nor names them leaving it as the time of a change
        (:func:`~antqa.questions.left_named`: "after Ferris's death in 2003, Mairead
        Quinlan"). Asked who came after them, not where it names a
        successor (:func:`~antqa.questions.without_successor`: "Oduya ... was replaced as
        foreign minister by Beatriz Salo" tells who came after Oduya, not after Salo);
        asked who came before them, only where it names them taking the post
        (:func:`~antqa.questions.as_successor`: "Oskar Ventris, who had replaced Lisle"
        tells who came after Lisle, not before). Over every readable set (run m26-b ->
        h41w-r2): 26 unanswerables refused (fresh21-26 and older own sets), no answerable;
        with the first name or title checked rather than the last word ("Queen Adelis",
        whose "Adelis" the article writes everywhere) or without "he" after a sentence
        naming them ("He was succeeded by Renata Ostrova"), 3 answerables were refused.
        The change told must also name someone on the side asked with the person asked of
        on the other (:func:`~antqa.questions.tells_change_of`): "lifted by his successor
        in 1883", "Irmler, who took over in 1928", "Marrow's successor, Castellan" of
        Loudie and "Marchetti ..., succeeding Wendring" asked who came after Marchetti
        tell none (run m26-c -> h42n-r1: 6 more unanswerables refused, no answerable)."""
        asked = succession_of_named(question.text)
        if asked is None:
            return None
        written, before = asked
        last = [w for w in tokenize(written) if not _NUMBERED.fullmatch(w)][-1:]
        if not last:
            return None
        for sentence in chosen if runner is None else [*chosen, runner]:
            if not before and last[0] in tokenize(" ".join(left_named(sentence.text))):
                return None  # "after Ferris's death in 2003, Mairead Quinlan"
            if not before and self._takes_up_after_leaving(question, sentence, last[0]):
                return None
            if not tells_any_succession(sentence.text):
                continue
            text = (as_successor if before else without_successor)(sentence.text)
            holds = partial(self._tells_of_named, sentence, name=last[0])
            if holds(text) and tells_change_of(sentence.text, holds, before):
                return None
        if before:
            return f" — where it tells of {written}, it names no one they took over from"
        return f" — where it tells of {written}, it names no one taking their place"

    def _takes_up_after_leaving(self, question: Question, sentence: Sentence, name: str) -> bool:
        """Whether ``sentence`` tells someone doing what the question asks who did after
        the one it names left (:func:`~antqa.questions.asked_step`, written in any form),
        right after a sentence of its paragraph writing that person's last word (``name``)
        and their leaving (:func:`~antqa.questions.tells_leaving`): "Rusk completed the
        first volume in 1898 and the second in 1903, but died in 1905 with the work
        unfinished. The botanist Margaret Fenwick-Hale edited the third volume, ..." tells
        who edited it after Rusk's death, a change told over two sentences (an answerable
        of the twenty-eighth unseen batch was refused: "it names no one taking their
        place"). Only for a question telling that leaving ("after Rusk's death"): "Who
        succeeded Andrew Loudie as head gardener?" is answered by a sentence telling the
        succession, not by one after his death naming anyone (an unanswerable answered)."""
        step = tokenize(asked_step(question.text))
        if not step or sentence.id == 0 or not tells_leaving(question.text):
            return False
        before = self.index.sentences[sentence.id - 1]
        if before.paragraph != sentence.paragraph or not tells_leaving(before.text):
            return False
        if name not in self.lexicon.words(before.text):
            return False
        return word_written(step[0], self.lexicon.words(sentence.text))

    def _tells_of_named(self, sentence: Sentence, text: str, name: str) -> bool:
        """Whether ``text`` (``sentence``, or the part of it read) writes the last word of a
        person's ``name`` ("Adelis" of "Queen Adelis": a first name or a title is often
        left out), or "he" or "her" right after a sentence of the same paragraph writing it
        ("He was succeeded by Renata Ostrova" after "Hollend resigned on 9 April 1996")."""
        if name in self.lexicon.words(text):
            return True
        if sentence.id == 0 or FOR_SOMEONE.search(text) is None:
            return False
        before = self.index.sentences[sentence.id - 1]
        return before.paragraph == sentence.paragraph and name in self.lexicon.words(before.text)

    def _by_last_word(self, text: str, names: list[str]) -> list[str]:
        """``names`` (stemmed words of the question ``text``) with a person the article
        calls by the last name alone read as that name: "How was Tobias Wren related to
        Elias Harrowden?" is told where "Harrowden ... handed the editorship to his
        son-in-law, Tobias Wren", which never writes "Elias"; the person is near,
        whichever of their names is written (:meth:`~antqa.people.Calling.called`)."""
        kept: list[str] = []
        for name in names:
            written = named_in(text, name)
            called = self.reading.words.calling.called(written)
            if called != written:
                name = tokenize(called)[0]
            if name not in kept:
                kept.append(name)
        return kept

    def _named_as_written(self, question: Question) -> tuple[str, ...]:
        """The names the question gives; when it is typed all in lower case ("who took over
        as president once jing xiandong became ceo?"), its words the article writes only
        capitalised. Capitals typed are what :func:`~antqa.questions.names` reads."""
        if question.names or not _LOWER_CASE_TYPED.search(question.text):
            return question.names
        return tuple(t for t in question.tokens if t in self.reading.name_words)

    def _untold_detail(
        self,
        plan: SearchPlan,
        hits: list[Hit],
        question: Question,
        chosen: list[Sentence],
        runner: Sentence | None = None,
    ) -> str | None:
        """The question makes its event a refusal or a dismissal the passages never tell
        of, asks a place within the only place the answer gives, or a total where it gives
        only how many took part in something (:func:`antqa.refusals.event_untold`,
        :func:`~antqa.refusals.only_larger_place`, :func:`~antqa.refusals.total_untold`);
        or the sentences the answer quotes give no year, date, month or time of day where
        one is asked (:func:`~antqa.refusals.time_untold`), or no figure but the question's
        own where a quantity is (:func:`~antqa.refusals.figures_only_asked`), or nothing
        by the unit of time a quantity is asked by (:meth:`_rate_untold`): the article
        tells the event, not the detail the question adds.

        The place is judged on the runner-up too: the answer quotes it after the chosen
        sentences, and it may be the one that names the larger place ("which US city was
        she in?": the chosen sentences say she need not apologize, the runner-up that she
        apologized in the United States, and the answer would have quoted a country for a
        city)."""
        if plan.continuation or not chosen:
            return None
        passages = [hit.chunk.text for hit in hits[: self.policy.candidate_passages]]
        event = event_untold(question.text, passages)
        if event is not None:
            return f' — where it tells of this, no one does what "{event}" says'
        texts = [s.text for s in chosen]
        quoted = texts if runner is None else [*texts, runner.text]
        larger = only_larger_place(question.text, quoted)
        if larger is not None:
            return f" — where it tells of this, it names only {larger}, no place within it"
        asked = None if question.compound else time_untold(question.text, quoted)
        if asked is not None:  # "In what year ...?" of "in the fourteenth century"
            return f" — where it tells of this, it gives no {asked}"
        if question.kind is AnswerKind.COUNT and total_untold(question.text, texts):
            return " — it gives how many took part in something, not a total"
        rate = None if question.compound else self._rate_untold(hits, question, quoted)
        if rate is not None:  # "How many visitors does it receive each year?" of "holds 8,000"
            return f" — where it tells of this, it gives nothing by the {rate}"
        if question.kind in _QUANTITIES and not question.compound:
            own = figures_only_asked(question.text, quoted)
            if own is not None:  # "How many of the 22 members resigned?" of "convened 22"
                return f" — where it tells of this, the only figure it gives is {own}"
        return None

    def _rate_untold(self, hits: list[Hit], question: Question, quoted: list[str]) -> str | None:
        """The unit of time a question asks a quantity by, which neither the sentences the
        answer quotes nor another of its passages telling of the question's words give a
        rate by (:func:`antqa.refusals.rate_untold`). The passages are read only when the
        question asks a rate at all (:func:`antqa.refusals.rate_asked`)."""
        if rate_asked(question.text) is None:
            return None
        sentences = self.index.sentences
        near = [
            (sentences[s].text, self.lexicon.words(sentences[s].text))
            for s in sorted(sentences_of(hits[: self.policy.candidate_passages]))
        ]
        topic = [t for t in question.tokens if t not in KIND_FRAME_WORDS]
        return rate_untold(question.text, quoted, topic, near)

    def _figure_of_another(
        self,
        plan: SearchPlan,
        question: Question,
        chosen: list[Sentence],
        runner: Sentence | None = None,
    ) -> str | None:
        """The short answer the chosen sentences would give sits in a clause telling of
        another doer than the one the question asks a step of
        (:func:`antqa.refusals.figure_of_another`): the figure is someone else's. Or, for
        a "who" question pinning a figure, the name comes from a sentence without it while
        another the answer quotes (the runner-up too) gives it
        (:func:`antqa.refusals.figure_told_apart`): the one named took another step. Not
        for a question asking two things: the figure may pin the other one ("Who leads the
        committee, and what job did he take in October 2016?")."""
        if plan.continuation or not chosen or question.compound:
            return None
        age = self._age_of_another(question, chosen)
        if age is not None:
            return age
        if question.kind in _TOLD_AS_CLAUSES:
            return None  # "Why did the mill close?" of "after the Bank refused to renew ..."
        short = self.short.find(question, chosen)
        if short is None:
            return None
        sentence = next(s for s in chosen if s.start <= short.start < s.end)
        other = figure_of_another(question.text, sentence.text, short.start - sentence.start)
        if other is not None:
            asked, doer = other
            return f" — what it gives on this is told of {doer}, not {asked}"
        quoted = [s.text for s in (*chosen, runner) if s is not None and s is not sentence]
        apart = figure_told_apart(question.text, sentence.text, quoted)
        if apart is not None:  # "to 0.525" told by no one, a name given "to 0.535"
            return f" — where it tells of {apart}, it names no one"
        return None

    @staticmethod
    def _age_of_another(question: Question, chosen: list[Sentence]) -> str | None:
        """An age asked, where every age the ``chosen`` sentences give is another's
        (:func:`antqa.refusals.age_of_another`): "How old was Rosa Venn?" of "a boy, Emil
        Sarto"."""
        if question.kind is not AnswerKind.AGE:
            return None
        holder = age_of_another(question.text, [s.text for s in chosen])
        return None if holder is None else f" — the age it gives is {holder}'s"

    def _of_the_anchors(self, plan: SearchPlan, sentence: Sentence) -> bool:
        """Whether ``sentence`` tells of a name the previous answer wrote: its subject
        (:func:`~antqa.referents.subject`) is a name alone (:data:`_NAME_ALONE`) whose
        words the sentences it quoted (:attr:`SearchPlan.anchors`) write too. "Velmarine was
        marketed as a fever remedy from 1899 until about 1920", paragraphs after "an
        alkaloid she named velmarine", gives the figure of the thing "it" stands for ("how
        long was it on the market?": an answerable of the twenty-eighth unseen batch was
        refused as told elsewhere). Not a name after an opening phrase ("Instead of taking
        the longer channel, Reigh steered ..." tells of Reigh, not of "that steward" who
        saw him: read so, an unanswerable of the follow-up sets was answered)."""
        alone = _NAME_ALONE.fullmatch(subject(sentence.text).strip())
        named = set(tokenize(alone.group(1))) if alone is not None else set()
        if not named:
            return False
        sentences = self.index.sentences
        told = set().union(*(self.lexicon.words(sentences[a].text) for a in plan.anchors))
        return not named.isdisjoint(told)

    def _figure_of_other_kind(
        self, plan: SearchPlan, question: Question, chosen: list[Sentence]
    ) -> str | None:
        """The short answer the chosen sentences would give is a figure of another kind
        than the one asked: for "how many", not the count asked
        (:func:`antqa.refusals.figure_of_other_kind`: "hundreds" of people for "how many
        days", "19 million" euros for "how many spectators"); for a time, a count
        (:func:`antqa.refusals.counts_for_time`: "212" birds for "In what year did she
        die?"). The article gives a figure near the question's words, not the one asked.
        Not for a question asking two things (the figure may be the other's)."""
        if plan.continuation or not chosen or question.compound:
            return None
        if question.kind not in _FIGURES_OF_A_KIND:
            return None
        short = self.short.find(question, chosen)
        if short is None:
            return None
        sentence = next(s for s in chosen if s.start <= short.start < s.end)
        at, text = short.start - sentence.start, sentence.text
        if question.kind is AnswerKind.TIME:
            if not counts_for_time(text, at, at + len(short.text)):
                return None
            return " — where it tells of this, it gives a count, not a time"
        counted = figure_of_other_kind(question.text, text, at, at + len(short.text))
        if counted is None:
            return None
        return f" — where it tells of this, it gives no number of {counted}"

    def _part_of_whole(
        self, plan: SearchPlan, question: Question, chosen: list[Sentence], runner: Sentence | None
    ) -> str | None:
        """A count asked of a part of a set ("How many of the commission's recommendations
        were rejected?"), where the short answer counts the whole set ("Most of the
        commission's 38 recommendations were enacted") and no sentence the answer would
        quote, the runner-up too, counts a part of anything
        (:func:`antqa.refusals.part_untold`): the article tells how many there were, not
        how many of them did what is asked. Not for a question asking two things."""
        if plan.continuation or not chosen or question.compound:
            return None
        if question.kind is not AnswerKind.COUNT or not asks_part(question.text):
            return None
        short = self.short.find(question, chosen)
        if short is None:
            return None
        sentence = next(s for s in chosen if s.start <= short.start < s.end)
        after = sentence.text[short.end - sentence.start :]
        quoted = [s.text for s in (*chosen, runner) if s is not None]
        whole = part_untold(question.text, after, quoted)
        if whole is None:
            return None
        return f" — it gives how many {whole} there were, not how many of them did this"

    def _event_without_kind(
        self, plan: SearchPlan, hits: list[Hit], scores: Scores, chosen: list[Sentence]
    ) -> str | None:
        """The sentences of the top passages that tell of the question's event (its rarest
        word the article writes in lower case, :func:`antqa.refusals.event_word`) hold
        none of the kind it asks for, and the ones that would answer never tell of it
        (:func:`antqa.refusals.event_without_figure`): the article tells the event, not
        the figure. Not for a question asking two things: its rarest word may be the other
        question's ("Which insurer provided the credit guarantee insurance ..., and on what
        date did it take on the guarantee responsibility?")."""
        question = scores.question
        if plan.continuation or not chosen or question.compound or not kind_applies(scores):
            return None
        rarity = {
            t: self.lexicon.idf(self.lexicon.form(t))
            for t in question.tokens
            if t in self.reading.lower_words and self.lexicon.known(self.lexicon.form(t))
        }
        # a time asked is the question's own event's, never that of the one pinning it
        # ("when did ... step in on the default?"); a count or a sum is one of the time
        # pinned (read for every kind, "How many rats lived on the island before the
        # eradication?" was answered, no longer refused, and no answerable gained)
        pinned = pinning_words(question.text) if question.kind is AnswerKind.TIME else ()
        word = event_word(question.tokens, question.names, rarity, pinned)
        if word is None:
            return None
        near = sentences_of(hits[: self.policy.kind_passages])
        sentences = self.index.sentences
        telling = [
            (self.lexicon.words(sentences[s].text), sentences[s].text, bool(scores.kind_held[s]))
            for s in sorted(near)
        ]
        quoted = [self._with_referred(s, question) for s in chosen]
        topic = [t for t in question.tokens if t not in KIND_FRAME_WORDS]
        if not event_without_figure(word, topic, telling, quoted):
            return None
        return f" — where it tells of this, it never gives {KIND_NOUN[question.kind]}"

    def _with_referred(self, sentence: Sentence, question: Question) -> frozenset[str]:
        """The words of ``sentence``, and of the one before it in its paragraph when it
        opens by pointing back at a thing the question asks of (:data:`_THIS_NOUN`, its
        noun a word of the question): "This building, known as the New Mill, ... at seven
        storeys" tells of the replacement the sentence before commissions, and answers
        "How many floors did the building that replaced the Old Mill have?". Not "He ...",
        "It ...": they tell of the one the sentence before names, often another step of
        theirs ("He remained at Keswyn until his death in 1946" after "Okafor was later
        elected a fellow of the Royal Society": read with it, 2 unanswerables were
        answered and no answerable gained)."""
        words = self.lexicon.words(sentence.text)
        sentences = self.index.sentences
        before = sentences[sentence.id - 1] if sentence.id > 0 else None
        pointing = _THIS_NOUN.match(sentence.text)
        if (
            before is None
            or before.paragraph != sentence.paragraph
            or pointing is None
            or not any(resembles(t, set(question.tokens)) for t in tokenize(pointing[1]))
        ):
            return words
        return words | self.lexicon.words(before.text)

    def _no_one(self, plan: SearchPlan, question: Question, chosen: list[Sentence]) -> str | None:
        """A question asking for a person whose answering sentences tell of no one it does
        not name (:func:`antqa.refusals.no_one_told`): the article tells the event, not who."""
        if plan.continuation or not chosen or not Asked.of(question).person:
            return None
        if not no_one_told(question.text, [s.text for s in chosen], self.reading.names.common):
            return None
        return " who — where it tells of this, it names no one"

    @staticmethod
    def _maker_untold(plan: SearchPlan, question: Question, quoted: list[Sentence]) -> str | None:
        """A question asking who made a work ("Who designed the boathouse?") whose answer
        never tells the making nor names a maker (:func:`antqa.refusals.maker_untold`):
        the sentence about the work names people of other roles, not its maker."""
        if plan.continuation or question.compound or not quoted:
            return None
        step = maker_untold(question.text, [s.text for s in quoted])
        if step is None:
            return None
        return f" who {step} it — where it tells of this, it never tells of that"

    def _counted_not_named(
        self, plan: SearchPlan, question: Question, chosen: list[Sentence]
    ) -> str | None:
        """A "which" question whose answering sentences only count what it asks to be
        named (:func:`antqa.refusals.only_counted`): "which malaria studies had she
        overseen before?" of "who had previously overseen two malaria vaccine studies"."""
        if plan.continuation or not chosen:
            return None
        noun = only_counted(question.text, [s.text for s in chosen])
        if noun is None:
            return None
        return f" — where it tells of this, it gives how many {noun}, not which"

    def _opposite_extreme(
        self,
        plan: SearchPlan,
        hits: list[Hit],
        question: Question,
        chosen: list[Sentence],
        runner: Sentence | None = None,
    ) -> str | None:
        """The sentences that would answer, or the passage they would come first from, say
        the opposite of what the question asks (:func:`antqa.refusals.opposite_word`): the
        smallest asked, the greatest told; "the happiest moment" asked where the passage
        tells of "the saddest moment" in a sentence that matches the question less well; or
        they tell only the other end of a scale of the thing it asks of ("the first of an
        opera by a woman composer" for "the last woman composer", :meth:`_degree_swapped`);
        or they say what it asks of never happened (:func:`antqa.refusals.never_done`).

        The opposite is read in the clauses of each sentence that tell the question's
        event (:func:`antqa.refusals.event_words`): a sentence telling two facts uses its
        words of the other one ("the motion was defeated ... and founded the Union, which
        accepted municipal funding" denies no question on the motion "rejected"). Asked how
        long a state lasted ("How long did he survive after that?"), its end told ("he died
        six days later") answers it (:func:`antqa.refusals.opposite_word`'s ``lasting``).
        Not for a question asking whether something is so
        (:func:`~antqa.questions.asks_whether`): "Did the union accept that?" is answered
        "no" by "which the miners' union ... rejected as inadequate" (an answerable of the
        twenty-eighth unseen batch was refused: it says "rejected", not "accept")."""
        if plan.continuation or not chosen or asks_whether(question.text):
            return None
        ranked = rank_swapped(question.text, [s.text for s in chosen])
        if ranked is not None:  # "the second year" asked, "the first year" told
            return f' — where it tells of this, it says "{ranked[1]}", not "{ranked[0]}"'
        degree = self._degree_swapped(hits, question, chosen, runner)
        if degree is not None:  # "the least successful" asked, "the most successful" told
            return f' — where it tells of this, it says "{degree[1]}", not "{degree[0]}"'
        denied = never_done(question.text, [s.text for s in chosen])
        if denied is not None:  # "when was it reopened" asked, "never reopened" told
            return f' — where it tells of this, it says "{denied}"'
        quoted = {s.id for s in chosen}
        lasting = question.kind is AnswerKind.DURATION
        timed = question.kind is AnswerKind.TIME
        for ids in (quoted, quoted | set(hits[0].chunk.sentence_ids)):
            written = self._plain_words(ids)
            found = opposite_word(question.text, written, lasting=lasting, timed=timed)
            if found is not None:  # read the clauses only then: most questions ask no side
                topic = topic_words(question.text)
                telling = set().union(*(event_words(topic, self.reading.clauses[i]) for i in ids))
                found = opposite_word(question.text, written, telling, lasting, timed)
            if found is not None:
                asked, told = found
                return f' — where it tells of this, it says "{told}", not "{asked}"'
        return None

    def _degree_swapped(
        self,
        hits: list[Hit],
        question: Question,
        chosen: list[Sentence],
        runner: Sentence | None,
    ) -> tuple[str, str] | None:
        """An end of a scale the question asks of a thing and the other end the sentences
        the answer would quote tell of it (:func:`antqa.refusals.degree_swapped`): those it
        chose and the runner-up it quotes after them when a passage it answers from holds
        it (:class:`antqa.answering.Answerer`), the question's end looked for in the first
        passage too. "Which was the first manned lighthouse to be automated?" chose the
        sentence on the plan to automate, and quoted after it the one telling the final
        manned lighthouse (an unanswerable of the twentieth unseen batch)."""
        quoted = [s.text for s in chosen]
        if runner is not None and hit_holding(runner, hits) is not None:
            quoted.append(runner.text)
        around = [self.index.sentences[s].text for s in hits[0].chunk.sentence_ids] if hits else []
        return degree_swapped(question.text, quoted, around)

    def _plain_words(self, ids: set[int]) -> set[str]:
        """The words as written (:func:`antqa.refusals.plain_words`) of these sentences."""
        return set().union(*(self.reading.plain[i] for i in ids))

    def _unheld_role(self, plan: SearchPlan, hits: list[Hit], question: Question) -> str | None:
        """A "who ... as ROLE" question whose role the passages the answer would come from
        give to no one but the people it names ("Who replaced Peng Lei as chairman?" where
        only Peng Lei became chairman): it swaps who held what (see
        :func:`antqa.refusals.role_held`). Captions label; they tie no one to a role."""
        written, words = asked_role(question.text)
        named = self._named_as_written(question)
        role = [w for w in words if w not in named]  # "as Ant's CEO": the CEO
        if not role or plan.continuation or not named:
            # naming no one, a question swaps no one's role ("as" may also mean "while")
            return None
        texts = [
            self.index.sentences[s].text
            for hit in hits[: self.policy.candidate_passages]
            for s in hit.chunk.sentence_ids
            if s not in self.reading.captions
        ]
        if not role_written(role, texts) or role_held(role, named, texts):
            return None
        return f" — where it tells of the {written}, it names no one else as one"

    def _role_not_given(
        self, plan: SearchPlan, question: Question, unwritten: bool = False
    ) -> str | None:
        """A role the question gives a named person by the step into it ("When was Ni
        Xingjun appointed CEO of Alipay?") that the article writes, but never beside them
        (within ``name_reach`` sentences of one naming them): it is someone else's
        role, and whatever the article tells of the person answers another question (the
        role they do hold). A role the article never writes may be in other words
        ("chief executive" for "CEO"): not checked, unless ``unwritten`` (a follow-up's
        "she" read as the person: "when did she become mayor?" of a councillor, in an
        article writing "mayor" of no one, as :meth:`_step_untold` reads a step)."""
        given = given_role(question.text)
        if given is None or plan.continuation:
            return None
        written_name, name, written_role, role = given
        if not all(self.lexicon.known(self.lexicon.form(w)) for w in name):
            return None  # a name the article lacks is refused before
        never = f' — where it tells of {written_name}, it never says "{written_role}"'
        if not all(self.lexicon.known(self.lexicon.form(w)) for w in role):
            return never if unwritten else None  # a first question's role in other words
        words, reach = self.reading.words, self.policy.name_reach
        role_forms = [self.lexicon.form(w) for w in role]
        if any(words.writes_beside(self.lexicon.form(n), role_forms, reach) for n in name):
            return None
        return never

    @classmethod
    def _with_runner(
        cls, plan: SearchPlan, chosen: list[Sentence], runner: Sentence | None, hits: list[Hit]
    ) -> list[Sentence]:
        """The ``chosen`` sentences, and the runner-up when the answer would quote it
        (:meth:`_quoted`); none when nothing was chosen."""
        quoted = cls._quoted(plan, runner, hits)
        return [] if not chosen else chosen if quoted is None else [*chosen, quoted]

    @staticmethod
    def _quoted(plan: SearchPlan, runner: Sentence | None, hits: list[Hit]) -> Sentence | None:
        """The runner-up of a follow-up, when the answer would quote it (a passage it
        answers from holds it: :meth:`antqa.answering.Answerer`). A follow-up names what it
        asks of by a word standing for the answer before ("there"), which the sentence it
        chose may not tell; a question asked whole names it. Read so for every question,
        the squad-own sets answered 6 more unanswerables dated elsewhere for 1 answerable
        ("How many physicians practised in Calvaria in 2021?" of a runner-up dated 2021)."""
        if not plan.follow_up or runner is None or hit_holding(runner, hits) is None:
            return None
        return runner

    def _beside_the_answer(
        self,
        plan: SearchPlan,
        scores: Scores,
        chosen: list[Sentence],
        runner: Sentence | None = None,
    ) -> str | None:
        """Why the sentences that would answer are about something else than the question,
        though the article mentions everything it names: they are about another time
        (see :mod:`antqa.refusals`), or their paragraph never names what it names.

        A follow-up's "then" is read as the time the answer before gave
        (:meth:`SearchPlan.dated`): "How many jobs were lost then?" after the Ophir mine
        closed "in 1931" asks of 1931, and the sentence telling of the jobs lost when the
        last mine closed in 1961 answers another question, as it would asked whole."""
        question = self._dated_question(plan, scores)
        if plan.continuation or not chosen or not (question.names or periods(question.text)):
            return None  # reading on, or nothing to check
        return (
            self._other_time(question, chosen, runner)
            or self._other_day(question, chosen)
            or self._unnamed(question, chosen)
        )

    @staticmethod
    def _other_day(question: Question, chosen: list[Sentence]) -> str | None:
        """The day the question pins ("on December 15") is not the one the sentences that
        would answer give to what it asks (:func:`antqa.refusals.day_elsewhere`)."""
        conflict = day_elsewhere(question.text, [s.text for s in chosen])
        if conflict is None:
            return None
        asked, dated = conflict
        return f" — what it says on this is dated {dated.text}, not {asked.text}"

    def _unnamed(self, question: Question, chosen: list[Sentence]) -> str | None:
        """A name the question gives that the paragraphs of the answer never mention:
        "Who identified themselves as French during the Hundred Years War?" answered from
        a paragraph where they called themselves English. A question names what its
        answer is told with, so a paragraph without it tells of something else.

        Nor does it tie two names the article never tells of together, unless one is in a
        clause saying whom it asks about that the article tells (as :meth:`names_apart`
        lets it be far from the answer): "the review method introduced at Hupan University
        by the person who became chairman in October 2016" ties them through Peng Lei,
        told of at Hupan University and, elsewhere, in October."""
        named = self.checked_names(question)
        apart = self._apart_in_every_part(question, self.names_apart(question, named, chosen))
        if apart:
            missing = named_in(question.text, apart[0])
            return f" — where it tells of this, it never mentions {missing}"
        for written, pattern in numbered_names(question.text):  # "Henry II", not "Henry III"
            if not self.reading.words.written_beside(pattern, chosen):
                return f" — where it tells of this, it never mentions {written}"
        # the subject is told of in every paragraph: never apart from another name, nor
        # taking its steps only where it is named ("the school added ..." of "Wexbury")
        typed = {
            written_as: name
            for name, written_as in named.items()
            if not self.names_subject(question, name, chosen)
        }
        tied = [n for n in typed if not self.reading.words.described(question.text, typed[n])]
        never = self.reading.words.apart(
            self._by_last_word(question.text, tied), self.policy.name_reach
        )
        if never is not None and not _in_two_events(question, never):
            # "Ni Xingjun's role at Wacai.com", told of apart
            one, other = (named_in(question.text, typed[n]) for n in never)
            together = one if one == other else f"{one} and {other} together"
            return f" — it never tells of {together}"
        return self._step_untold(question, typed, chosen) or self._told_of_another(
            question, named, chosen
        )

    @staticmethod
    def _apart_in_every_part(question: Question, apart: list[str]) -> list[str]:
        """``apart`` (names of ``question`` the answering sentences are far from), or none
        when the question asks two things (:func:`~antqa.questions.question_parts`) and one
        of its parts names nothing apart: those sentences answer that part, and the other
        part's names are told where its answer is ("... in how many years at Alipay, and
        what role had she moved into that October?" of "the saddest moment in the seven
        years since I joined Alipay", a paragraph without October)."""
        parts = question_parts(question.text) if apart and question.compound else None
        if parts is None or parts.describes:
            return apart
        texts = (parts.first, parts.second)
        named = [[n for n in question.names if n in tokenize(text)] for text in texts]
        if all(any(n in apart for n in names) for names in named if names):
            return apart
        return []

    def _step_untold(
        self,
        question: Question,
        typed: dict[str, str],
        chosen: list[Sentence],
        unwritten: bool = False,
    ) -> str | None:
        """A step the question dates by or asks the time of, of a person it names (``typed``:
        stemmed name to the name as written), that the article never tells near them
        (:meth:`~antqa.refusals.ArticleWords.step_apart`) nor a chosen sentence in a verb
        of its own: "before she joined Alipay", "when did he join", "When was Klara
        Hallacher born?" where nothing near her tells a birth."""
        asks_time = question.kind is AnswerKind.TIME
        asks_place = question.kind is AnswerKind.PLACE
        # a month or a day the question names takes no step ("after the October reshuffle,
        # ... when she apologized": the step is hers, and told far from October)
        people = [n for n in typed if not is_time(named_in(question.text, typed[n]))]
        step = self.reading.words.step_apart(
            question.text, people, self.policy.name_reach, asks_time, asks_place, unwritten
        )
        if step is None or self._told_in_other_words(question, step[1], chosen):
            return None
        name, written = step
        told_of = named_in(question.text, typed[name])
        return f' — where it tells of {told_of}, it never says "{written}"'

    def _told_of_another(
        self, question: Question, named: dict[str, str], chosen: list[Sentence]
    ) -> str | None:
        """The sentences that would answer mention every name the question gives (see
        :meth:`_unnamed`, whose ``named`` this reads), but tell what it asks of another:
        another thing of the same noun ("the Ostmark pit"), a step another took, the step
        done the other way round, or another place."""
        texts = [s.text for s in chosen]
        swapped = given_to_another(question.text, texts, self.reading.names.within)
        if swapped is not None:  # "the Hollin pit" asked, "the Ostmark pit" told
            return f' — it tells of "{swapped[1]}", not "{swapped[0]}"'
        owned = owned_by_another(question.text, texts)
        if owned is not None:  # "Peng Lei's book" asked, "You Xi's new book" told
            return f' — it tells of "{owned[1]}", not "{owned[0]}"'
        subject = self._subject_instead(question, named, chosen)
        if subject is not None:  # "the Halvard Alpine Guard" asked, "the service had" told
            return f' — it tells of "{subject[1]}", not {subject[0]}'
        # What the article is about ("Marisol" of the SS Marisol), which each paragraph may
        # call "she" or "it" (checked_names leaves it out): a step told naming no one before
        # it is its own, whoever the sentences before name. The name as written, lower-cased,
        # is looked for among stems: a subject whose stem differs ("Obrenthal", "obrenth") is
        # not exempted. Matched by its stem, an unanswerable of the Ravelli set was answered
        # ("His last completed work ..."); with "she"/"it" also required, an answerable
        # follow-up was refused ("companies underestimate ..."): neither is kept.
        about = set(question.names) - set(named)
        unnamed = step_of_another(question.text, [self._with_before(s) for s in chosen])
        if unnamed is not None and (
            unnamed[0].lower() not in about or doer_named(unnamed[1], texts)
        ):  # "did Piet Ommeren publish", told of Kaarvig's analysis
            return f' — where it tells of "{unnamed[1]}", it never names {unnamed[0]}'
        reversed_ = doer_reversed(question.text, texts)
        if reversed_ is not None:  # "Who replaced the Normans?" of "The Normans replaced"
            return f' — it never says who "{reversed_[1]}" {reversed_[0]}'
        if question.compound:
            return None  # the place asked may be the other question's ("..., and how long
            # had she been at Alipay?" of where she was when she apologized)
        placed = placed_elsewhere(question.text, texts, question.names, self._languages)
        if placed is not None:  # "at Taobao" asked, "at UC" told
            return f" — where it tells of this, it says {placed[1]}, not {placed[0]}"
        return None

    def _subject_instead(
        self, question: Question, named: dict[str, str], chosen: list[Sentence]
    ) -> tuple[str, str] | None:
        """The name the question asks of (as typed) and the article's subject as the
        ``chosen`` sentences call it by its common noun (:func:`antqa.refusals.subject_doing`:
        "the service"), when the question names something besides the subject and no
        chosen sentence writes any of its words: they tell the subject's fact, not the
        named thing's ("How many paid staff did the Halvard Alpine Guard have in 2019?" of
        "As of 2019 the service had ... 22 paid staff"). A name in a clause saying whom the
        question asks about (:meth:`~antqa.refusals.ArticleWords.described`) is left out,
        as :meth:`names_apart` leaves it, and so is a time's name ("in March 1931"): it
        dates what is asked, and a paragraph dates once ("What was the name of the trawler
        the lifeboat went out to in March 1931?" of "The Westmarch Guide was launched ... to
        the steam trawler Corinne", after "the night of 4 March 1931" was refused as told
        of "the station", not March: an answerable of the thirtieth batch)."""
        others = {
            name: written_as
            for name, written_as in named.items()
            if not self.names_subject(question, name, chosen)
            and not self.reading.words.described(question.text, name)
            and not is_time(named_in(question.text, name))
        }
        if not others:
            return None
        held = set().union(*(self.lexicon.words(s.text) for s in chosen))
        if any(holds_name(written_as, held) for written_as in others.values()):
            return None
        told = subject_doing(self.reading.subject_noun, [s.text for s in chosen])
        if told is None:
            return None
        return named_in(question.text, next(iter(others))), told

    def _told_in_other_words(
        self, question: Question, written: str, chosen: list[Sentence]
    ) -> bool:
        """Whether a chosen sentence holds every other word of the question than the step
        ``written`` and the words asking the kind (at least one, in any form): then it
        tells that event in a verb of its own ("In which year did Hedda Lunquist obtain
        her diploma?" of "Hedda Lunquist, the first woman to graduate ... with a diploma
        in composition, in 1901"). A step with nothing else asked of it ("When did Conrad
        Pyle die?") is still checked, and so is a word timing the step ("did Lena Ostrowska
        first mark ..."): a sentence holding the rest need not say it was the first."""
        step = set(tokenize(written))
        if step & _TIMING_STEPS:
            return False
        others = [t for t in question.tokens if t not in step and t not in KIND_FRAME_WORDS]
        if not [t for t in others if t not in question.names]:  # both stemmed tokens
            return False
        return any(all(resembles(t, self.lexicon.words(s.text)) for t in others) for s in chosen)

    def _with_before(self, sentence: Sentence) -> tuple[str, list[str]]:
        """A sentence's text and the texts of the ones before it in its paragraph (where a
        pronoun in it may find what it stands for; :func:`antqa.refusals.step_of_another`
        decides how far back)."""
        sentences = self.index.sentences
        start = sentence.id
        while start > 0 and sentences[start - 1].paragraph == sentence.paragraph:
            start -= 1
        return sentence.text, [s.text for s in sentences[start : sentence.id]]

    def _other_time(
        self, question: Question, chosen: list[Sentence], runner: Sentence | None = None
    ) -> str | None:
        """The sentences that would answer are dated only at other times than the question
        pins, or tied to it by nothing but a century or decade it names.

        A sentence writing no time is read at its paragraph's (:meth:`_told_at`); the
        runner-up the answer quotes is read with them when it writes a time the question
        pins: "How many people lived there in 1850?" (of Callisbrook) chose the sentence on
        the emigrants' years, "between 1851 and 1856", and quoted after it the one telling
        that Callisbrook's "population rose from 54,000 in 1850".

        A time in the part saying whom the question asks about pins nothing when the
        article tells that part at that time (:meth:`_asked_of_time`)."""
        checked = self._asked_of_time(question.text)
        if checked != question.text:
            question = analyse(checked)
        pinned = periods(question.text)
        if not pinned or self._dated_just_before(question.text, len(pinned), chosen):
            return None
        texts = [self._told_at(s, pinned) for s in chosen]
        if runner is not None and any(
            a.meets(d) for a in pinned for d in periods(runner.text, told=True)
        ):
            texts.append(runner.text)
        conflict = time_conflict(question.text, " ".join(texts))
        # Or they give the question's time, but to something else than what it asks.
        conflict = conflict or dated_elsewhere(question.text, texts)
        if conflict is not None:
            asked, dated = conflict
            return f" — what it says on this is dated {dated.text}, not {asked.text}"
        near = self._surroundings(chosen)
        rare = [t for t in question.tokens if self.lexicon.idf(t) >= self.policy.topic_idf]
        alone = vague_time_alone(question.text, near, set(rare))
        return None if alone is None else f" — what it tells of {alone} is about other things"

    def told_then_instead(
        self,
        plan: SearchPlan,
        hits: list[Hit],
        scores: Scores,
        chosen: list[Sentence],
        runner: Sentence,
    ) -> bool:
        """Whether the runner-up the answer would quote (``runner``) answers a quantity the
        question asks of one time, where the ``chosen`` sentences tell of another
        (:meth:`_other_time` refuses them): then it is the answer, quoted alone.

        "How much salt did the mine produce in 1860?" chose "In the first full year of
        working, 1785, the mine produced 1,900 tonnes of rock salt" (the question's words,
        the wrong year) over "Output rose from 14,000 tonnes in 1838 to 61,000 tonnes in
        1860." (its year, other words): three answerables scored unseen were refused as
        "dated 1785, not 1860" and the like. Quoted in its stead only when the runner-up
        tells (:meth:`_told_then`) a figure of what is asked (:meth:`_figure_asked`) at
        that time, and passes every check itself: read with the chosen sentences whenever
        it writes the time, a runner-up answered 8 unanswerables for 2 answerables, most of
        them a figure of another thing that year ("31 clerks" for operators, "11,460
        dispensers" for physicians) or a time that only holds the year asked ("between 1847
        and 1983" for 1871)."""
        if plan.continuation or not chosen or hit_holding(runner, hits) is None:
            return False
        question = self._dated_question(plan, scores)
        if question.kind not in _QUANTITIES or not self._figure_asked(question, runner):
            return False
        if not self._told_then(question, runner):
            return False
        if self._other_time(question, chosen, self._quoted(plan, runner, hits)) is None:
            return False  # refused for another reason, or not refused
        return self.doubt(plan, hits, scores, [runner]) is None

    def _told_then(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` tells of a time within every one the question pins (its
        own, or its paragraph's: :meth:`_told_at`), and the question's names near it
        (:meth:`_surroundings`) unless it is what the article is about
        (:meth:`names_subject`). Not for a time a question leaves open ("by 2019"): any
        time before it would do, and none answers it alone."""
        pinned = periods(self._asked_of_time(question.text))
        if not pinned or any(a.opened for a in pinned):
            return False
        told = periods(self._told_at(sentence, pinned), told=True)
        if not all(any(_within(d, a) for d in told) for a in pinned):
            return False
        near = self._surroundings([sentence])
        return all(
            resembles(n, near) or self.names_subject(question, n, [sentence])
            for n in question.names
        )

    def _figure_asked(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` gives the kind of figure the question asks for
        (:func:`~antqa.questions.holds`) and, for a count, writes every word of what it
        counts (:attr:`Question.counted`, in any form: "Passenger numbers rose from 2.7
        million" for "How many passengers"; not "4,812 dispensers" for "How many dispensing
        technicians", nor "a few hundred pairs" for "How many pairs nested"), or for "how
        much" a measure (:data:`~antqa.questions.MEASURE_WORDS`: "61,000 tonnes" of salt).
        A count of people of no kind in particular (:data:`_ANYONE_COUNTED`) is told by
        any headcount ("counted 118,400 speakers")."""
        if not holds(question.kind, sentence.text):
            return False
        counted = question.counted
        if question.kind is not AnswerKind.COUNT or not counted or counted[0] in _ANYONE_COUNTED:
            return True
        words = self.lexicon.words(sentence.text)
        measures = [c for c in counted if c in MEASURE_WORDS]
        if any(resembles(m, words) for m in measures):
            return True
        return all(resembles(c, words) for c in counted if c not in measures)

    def _dated_question(self, plan: SearchPlan, scores: Scores) -> Question:
        """The question as the time checks read it: a follow-up's "then" written as the
        time the answer before gave (:meth:`SearchPlan.dated`)."""
        dated = plan.dated()
        return analyse(dated) if dated != plan.question else scores.question

    def _asked_of_time(self, question: str) -> str:
        """``question``, or only its part that asks when the part saying whom it asks about
        (:func:`~antqa.questions.described_part`) pins a time that a sentence of the article
        gives along with :data:`~antqa.refusals.DESCRIBED_WORDS` of that part's words: the
        time says who is meant, not when what is asked happened. "The man knighted in 1912
        later became society secretary - who did he succeed?" of "Tallantyre was knighted
        in 1912 ..." and "in 1919 he became secretary ..., succeeding Harold Quaile" (an
        answerable of the fresh25 batch was refused: "dated 1919, not 1912"). A time the
        article never gives that part keeps the whole question checked."""
        described = described_part(question)
        times = periods(described[0]) if described is not None else []
        if described is None or not times:
            return question
        words = [t for t in dict.fromkeys(tokenize(described[0])) if t.isalpha()]
        for sentence in self.index.sentences:
            if not any(a.meets(d) for a in times for d in periods(sentence.text, told=True)):
                continue
            held = self.lexicon.words(sentence.text)
            if sum(resembles(w, held) for w in words) >= DESCRIBED_WORDS:
                return described[1]
        return question

    @cached_property
    def _languages(self) -> frozenset[str]:
        """The names the article writes as a language's (:func:`antqa.refusals.languages_named`)."""
        return languages_named(self.index.article)

    @cached_property
    def _paragraph_times(self) -> list[str]:
        """Per sentence writing no time, the one its paragraph gave last (else ``""``)."""
        return paragraph_times(self.index.sentences)

    def _told_at(self, sentence: Sentence, pinned: list[Period]) -> str:
        """A sentence's text, opened by the time its paragraph gave last when it writes
        none and that time is one the question pins (``pinned``,
        :func:`antqa.refusals.paragraph_times`): "Seventeen people died, most of them
        crushed ..." after "On the night of 3 February 1823, ... a chandelier ... set fire
        to a painted backdrop" tells of 1823, and "Why did so many people die in the fire
        of 1823?" was refused as "dated 1825" (the fire code the next sentence dates).
        Another time of its paragraph's dates it not: read so too, answerables naming a
        thing by its year ("the 1821 engine") were refused at the paragraph's (3 A and 9 U
        newly refused over the sets; "dated 1838, not 1821")."""
        time = self._paragraph_times[sentence.id]
        if not time or not any(_within(d, a) for a in pinned for d in periods(time, told=True)):
            return sentence.text
        return f"In {time}, {sentence.text}"

    def _dated_just_before(self, question: str, asked: int, chosen: list[Sentence]) -> bool:
        """Every time the question pins names a thing by its year ("the 2005 ruling"), and
        a chosen sentence calls it by its noun alone ("overturned the ruling") right after
        a sentence of its paragraph that writes the year: the year dates the thing, which
        the sentence before tells, not what is asked of it (an answerable of the eleventh
        batch was refused: "dated 2011, not 2005")."""
        named = named_by_year(question)
        if not named or len(named) != asked:
            return False
        sentences = self.index.sentences
        return all(
            any(
                re.search(rf"\b{re.escape(noun)}\b", c.text, re.I)
                and c.id > 0
                and sentences[c.id - 1].paragraph == c.paragraph
                and (
                    re.search(rf"\b{year}\b", sentences[c.id - 1].text)
                    or self._named_earlier(c, year, noun)
                )
                for c in chosen
            )
            for year, noun in named
        )

    def _named_earlier(self, sentence: Sentence, year: str, noun: str) -> bool:
        """Whether a sentence before ``sentence`` in its paragraph names the thing by its
        year as the question does ("The 2007 festival is the only edition to have been
        cancelled ..."): the paragraph tells of it, and a later sentence's year ("a place at
        the 2008 festival") names another thing, not the time of what it tells (an
        answerable of the SQuAD-format sets was refused: "dated 2008, not before 2007").
        Not a sentence dated by a year of its own ("In 2020, by contrast, the festival
        ..."): it tells of then."""
        if _YEAR_DATING.search(sentence.text):
            return False
        sentences = self.index.sentences
        named = re.compile(rf"\b{year}\s+{re.escape(noun)}\b", re.I)
        at = sentence.id - 1
        while at >= 0 and sentences[at].paragraph == sentence.paragraph:
            if named.search(sentences[at].text):
                return True
            at -= 1
        return False

    def _surroundings(self, chosen: list[Sentence]) -> set[str]:
        """The words of the chosen sentences and of the sentence before and after each
        (same paragraph)."""
        sentences = self.index.sentences
        return {
            word
            for c in chosen
            for s in range(max(0, c.id - 1), min(len(sentences), c.id + 2))
            if sentences[s].paragraph == c.paragraph
            for word in self.lexicon.words(sentences[s].text)
        }

    def _unmatched_number(self, question: str, hits: list[Hit]) -> str | None:
        """A number the question gives ("in 1107", "the 10th century") that the passages
        the answer would come from never write: like a name the article never mentions,
        it says the question is about something else (often a changed date)."""
        near = " ".join(hit.chunk.text for hit in hits[: self.policy.candidate_passages])
        day = unwritten_day(question, near)
        if day is not None:  # "December 29" asked, "November 29" written
            return day
        for number in _QUESTION_NUMBER.finditer(question):
            if in_period_written(question, number.start(), near):
                continue  # "the 11th century", written "from 1068 to 1104"; "the 1960s"
            year = short_range_end(question, number.start())
            if year is not None and year in near:
                continue  # the "18" of "the 1914-18 war", written "between 1914 and 1918"
            if re.search(rf"(?<![\d.,]){re.escape(number.group())}(?![\d])", near):
                continue
            if not _written_in_words(number.group(), number.group("suffix"), near):
                return number.group(0) + number.group("suffix")
        return None


def _within(told: Period, asked: Period) -> bool:
    """Whether the time a paragraph gave (``told``) lies inside one a question pins: only
    then is a sentence read at it told at the time asked. Met at an edge ("from 1838 to
    1866" and "in 1866") it is not: read so, "why did he step down in 1866?" of a
    headmaster's paragraph was answered from his reforms. Nor inside an open one ("before
    2002"), which holds nearly every time a paragraph gives ("Who was the last ceremonial
    lord mayor before 2002?" was answered from "Before then, the council chose ...")."""
    return not asked.opened and asked.first <= told.first and told.last <= asked.last
