"""Signals that a question which looks answerable is about something the article does not say.

Questions written to look answerable often keep the article's words and change one fact:
the time ("Who invaded Scotland in the 10th century?" where the article says 1072). The
sentence that best matches such a question is then about the right event at another time.
A question that pins a time (a year, a decade, a century) is answered by a sentence that
is dated in that time or not dated at all; one dated only at other times says the
article tells of another moment, not of the one asked about.

Or they change a name ("as French" where the article says "as English", "Henry II" for
"Henry III"): the answer's paragraph then never names what the question names, or the
sentence that would answer gives the fact to another name ("the Ostmark pit employed ..."
for "the Hollin pit"). Names are compared in any form (:func:`antqa.lexical.resembles`)
and, as every token, without accents (people type "Herve" for "Hervé").

Or they move the fact to another place ("at Taobao" where the sentence has it "at UC"
and Taobao only in a clause of its own), or tie together two names the article never
tells of together ("Ni Xingjun's role at Wacai.com").

Or they turn a word into its opposite: "the smallest area" where the article gives the
greatest, "by how much did it rise" where it fell, "understate" for "overstate"; or into
another of its set: "the upper section" for the lower, "daily" for "weekly", "close"
for "opened", "removed" for "added"; or ask of a step the article says was never taken
("When was it reopened?" of "abandoned and never reopened").

Or they move the day ("on December 15" where the insurer acted on December 27, "December
29" where only "November 29" is written).

Or they swap a rank ("in its second year" where the article gives the first year), or
the end of a scale they tell a thing at ("the least densely populated district" where the
article tells "one of the most densely populated districts"), or
whose thing it is ("Peng Lei's book" where the article tells of "You Xi's new book"), or
who did what: a step the article tells of someone else ("did Piet Ommeren publish" of
"Kaarvig's analysis, published in 1933"), or a "who" question about what was done to a
name the article gives as the doer ("Who replaced the Normans?" of "The Normans replaced
the Anglo-Saxons").

Or they ask a detail of an event the article tells without it: who did it ("Who
designed the restoration completed in 2011?" of "... after a restoration completed in
2011", which names no one), or a figure ("How many employees cried during the review?" of
"Many people cried during the review", the only number near being of something else).
Or they add a detail the article does not give to an event it tells: make it a refusal
or a dismissal ("Why did she refuse to apologize?" where she apologized), ask a place
within the only place it names ("Which US city was she in?" of "in the United States"),
or a total where it counts only those who took part ("How many employees did it have in
total?" of "witnessed by more than 7,000 employees"), or a month, a time of day or a
yearly figure where it gives a year, a day or a sum once ("In what month did Emil Strand
die?" of "Emil Strand in 1958"; "How many visitors does the museum receive each year?" of
"The museum holds about 8,000 pieces"). Or the figure near the question's words is of
another kind than the one asked: people for "how many days", a sum for "how many
spectators", a count of birds for "in what year".

The checks themselves live in
:meth:`antqa.answering.refusing.RefusalChecks.doubt`, which knows the sentences that would answer;
this package reads times and words, one concept a module: :mod:`.times` (the times a text
pins), :mod:`.days` (the days it gives), :mod:`.numbers` (numbers in words), :mod:`.places`,
:mod:`.opposites`, :mod:`.ranks`, :mod:`.names` (the article's words as the name checks
read them, and the names a question gives), :mod:`.roles`, :mod:`.doers` (who took a step),
:mod:`.meanings` (verbs of one meaning: "founded", "established"), :mod:`.events` (a
detail a question adds to an event) and :mod:`.clauses` (which clause of a sentence tells
what).
"""

from antqa.refusals.clauses import told_after
from antqa.refusals.days import Day, day_elsewhere, unwritten_day
from antqa.refusals.doers import (
    ANYONE,
    STEP_REACH,
    age_of_another,
    doer_named,
    doer_reversed,
    done_by,
    figure_of_another,
    figure_told_apart,
    maker_untold,
    no_one_told,
    step_of_another,
    subject_doing,
    word_written,
)
from antqa.refusals.events import (
    EVENT_WORDS,
    KIND_FRAME_WORDS,
    asks_part,
    counts_for_time,
    event_untold,
    event_without_figure,
    event_word,
    figure_of_other_kind,
    figures_only_asked,
    only_counted,
    part_untold,
    pinning_words,
    rate_asked,
    rate_untold,
    time_untold,
    total_untold,
)
from antqa.refusals.names import (
    DESCRIBED_WORDS,
    ArticleWords,
    given_to_another,
    holds_name,
    numbered_names,
    opening_name,
    own_steps,
    owned_by_another,
    same_place,
)
from antqa.refusals.numbers import written_out
from antqa.refusals.opposites import (
    PREFIXED_LETTERS,
    asks_side,
    clause_words,
    event_words,
    never_done,
    opposite_word,
    plain_words,
    side_told,
)
from antqa.refusals.places import (
    SAME_PLACE_LETTERS,
    languages_named,
    only_larger_place,
    placed_elsewhere,
)
from antqa.refusals.ranks import (
    asks_rank,
    degree_swapped,
    rank_swapped,
    rank_told,
    ranks_in_words,
    ranks_one,
)
from antqa.refusals.roles import (
    ROLE_WORDS,
    asked_role,
    clauses,
    given_role,
    noun_asked_of,
    role_held,
    role_written,
)
from antqa.refusals.times import (
    DATED_PART_WORDS,
    Period,
    dated_elsewhere,
    in_period_written,
    is_time,
    named_by_year,
    paragraph_times,
    periods,
    short_range_end,
    time_conflict,
    topic_words,
    vague_time_alone,
)

__all__ = [
    "ANYONE",
    "DATED_PART_WORDS",
    "DESCRIBED_WORDS",
    "EVENT_WORDS",
    "KIND_FRAME_WORDS",
    "PREFIXED_LETTERS",
    "ROLE_WORDS",
    "SAME_PLACE_LETTERS",
    "STEP_REACH",
    "ArticleWords",
    "Day",
    "Period",
    "age_of_another",
    "asked_role",
    "asks_part",
    "asks_rank",
    "asks_side",
    "clause_words",
    "clauses",
    "counts_for_time",
    "dated_elsewhere",
    "day_elsewhere",
    "degree_swapped",
    "doer_named",
    "doer_reversed",
    "done_by",
    "event_untold",
    "event_without_figure",
    "event_word",
    "event_words",
    "figure_of_another",
    "figure_of_other_kind",
    "figure_told_apart",
    "figures_only_asked",
    "given_role",
    "given_to_another",
    "holds_name",
    "in_period_written",
    "is_time",
    "languages_named",
    "maker_untold",
    "named_by_year",
    "never_done",
    "no_one_told",
    "noun_asked_of",
    "numbered_names",
    "only_counted",
    "only_larger_place",
    "opening_name",
    "opposite_word",
    "own_steps",
    "owned_by_another",
    "paragraph_times",
    "part_untold",
    "periods",
    "pinning_words",
    "placed_elsewhere",
    "plain_words",
    "rank_swapped",
    "rank_told",
    "ranks_in_words",
    "ranks_one",
    "rate_asked",
    "rate_untold",
    "role_held",
    "role_written",
    "same_place",
    "short_range_end",
    "side_told",
    "step_of_another",
    "subject_doing",
    "time_conflict",
    "time_untold",
    "told_after",
    "topic_words",
    "total_untold",
    "unwritten_day",
    "vague_time_alone",
    "word_written",
    "written_out",
]
