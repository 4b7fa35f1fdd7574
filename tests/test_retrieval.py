"""Retrieval on the fake embedder: passages centred on the evidence, distinct, near follow-ups."""

from __future__ import annotations

from dataclasses import replace

import faiss
import numpy as np
import pytest

from antqa.conversation import SearchPlan
from antqa.lexical import LexicalIndex, qualifiers_asked, short_forms, tokenize
from antqa.refusals import given_to_another
from antqa.retrieval import dense_scores, stored_vectors
from antqa.service import QAService


def test_coverage_is_the_idf_weighted_share_of_the_query_words() -> None:
    lexicon = LexicalIndex(["red apples", "green apples", "red pears", "blue sky"])
    coverage = lexicon.coverage("red apples")
    assert coverage[0] == 1.0
    assert 0 < coverage[1] < 1 and 0 < coverage[2] < 1
    assert coverage[3] == 0.0
    mixed = lexicon.coverage("apples sky")
    assert mixed[3] > mixed[1] > 0  # the rarer word weighs more


def test_a_word_is_known_in_another_form_but_not_by_a_loose_prefix() -> None:
    lexicon = LexicalIndex(["China and its banks", "regular communication"])
    assert lexicon.resembles_known("chines")  # Chinese ~ China
    assert not lexicon.resembles_known("regulatori")
    assert not lexicon.resembles_known("commiss")


def test_a_word_typed_without_its_accents_is_the_same_word() -> None:
    lexicon = LexicalIndex(["his fiancée Berengaria", "the abbey of Jumièges"])
    assert lexicon.coverage("Who was his fiancee?")[0] == 1.0
    assert lexicon.known(tokenize("Jumieges")[0]) and tokenize("Jumièges") == tokenize("Jumieges")


def test_a_name_blended_from_two_query_words_holds_both() -> None:
    lexicon = LexicalIndex(
        ["It calls itself a Techfin company.", "We confirm the firm uses tech.", "Blue sky."]
    )
    # "Techfin": "tech" and the start of "finance"; a word written in lower case is a word
    # of its own, no blend ("confirm" is not "consider" + "firm")
    coverage = lexicon.coverage("a tech firm that does finance?")
    assert coverage[0] > 0.5 and coverage[2] == 0.0
    assert lexicon.coverage("did they consider the firm?")[1] < 1.0
    assert lexicon.coverage("does it use finance?")[0] == 0.0  # one word: no blend of two


def test_passages_are_short_distinct_and_centred_on_their_sentence(
    fake_service: QAService,
) -> None:
    hits = fake_service.retriever.search("What did Peng Lei apologize for on a business trip?", 5)
    assert len(hits) == 5
    seen: set[int] = set()
    for hit in hits:
        sentence = hit.best_sentence
        assert sentence is not None
        assert hit.chunk.end - hit.chunk.start <= 1000
        assert hit.chunk.start <= sentence.start and sentence.end <= hit.chunk.end
        assert sentence.id not in seen, "a later passage repeats an earlier one's sentence"
        seen.update(hit.chunk.sentence_ids)
    first = hits[0]
    assert first.best_sentence is not None
    assert first.chunk.start < first.best_sentence.start  # context before ...
    assert first.best_sentence.end < first.chunk.end  # ... and after


def test_tell_me_more_looks_right_after_the_previous_answer(fake_service: QAService) -> None:
    anchor = 60
    scores = fake_service.retriever.score(
        SearchPlan("Tell me more", context="", anchors=(anchor,), strength=1.0, continuation=True)
    )
    best = int(np.argmax(scores.relevance))
    assert anchor < best <= anchor + 2


def test_a_follow_up_prefers_sentences_near_the_previous_answer(fake_service: QAService) -> None:
    retriever = fake_service.retriever
    alone = retriever.score("Who serves as the squad leader?")
    near = retriever.score(
        SearchPlan("Who serves as the squad leader?", anchors=(20,), strength=1.0)
    )
    gain = near.relevance - alone.relevance
    assert gain[20] > gain[24] > gain[40] >= 0


def test_dense_scores_are_those_of_an_exhaustive_faiss_search_bit_for_bit() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(50, 24)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = faiss.IndexFlatIP(24)
    index.add(vectors)
    query = vectors[3] + 0.1 * vectors[9]
    searched, ids = index.search(query.reshape(1, -1), index.ntotal)
    expected = np.empty(index.ntotal, dtype=np.float32)
    expected[ids[0]] = searched[0]
    scores = dense_scores(stored_vectors(index), query)
    assert scores.tobytes() == expected.tobytes()
    assert int(np.argmax(scores)) == 3


def test_a_question_the_article_asks_passes_its_relevance_to_the_sentences_after_it(
    fake_service: QAService,
) -> None:
    retriever = fake_service.retriever
    asked = next(s.id for s in fake_service.index.sentences if s.text.rstrip().endswith("?"))
    relevance = np.zeros(len(fake_service.index.sentences), dtype=np.float32)
    relevance[asked] = 1.0
    shifted = retriever._shift_from_headings(relevance)
    following = [s for s in (asked + 1, asked + 2) if s not in retriever._asks]
    assert following, "the article's question is followed by an answer"
    for s in following:
        assert shifted[s] == retriever.weights.heading_shift  # half the gap closed
    assert shifted[asked] < relevance[asked]  # the question itself answers nothing
    untouched = np.setdiff1d(np.arange(len(relevance)), [asked, *following])
    assert not shifted[untouched].any()


def test_a_question_word_counts_in_the_form_the_texts_hold_it_but_not_a_look_alike() -> None:
    lexicon = LexicalIndex(
        ["Anna is the leader", "they deal in wool", "a class of ten", "the liver", "a fleet"]
    )
    assert lexicon.coverage("Who leads?")[0] == 1.0  # "lead" -> "leader"
    assert lexicon.coverage("What was dealt?")[1] == 1.0  # "dealt" -> "deal"
    # not another word that happens to start or end alike
    assert [lexicon.form(t) for t in tokenize("clash live flee")] == tokenize("clash live flee")
    assert lexicon.coverage("Which clash?").max() == 0.0


def test_a_bare_verb_counts_as_the_irregular_past_the_texts_hold() -> None:
    lexicon = LexicalIndex(["the admiral lost six warships", "Vaskin left in 2001", "they leave"])
    assert lexicon.coverage("How many warships did the admiral lose?")[0] == 1.0  # "lose" -> "lost"
    assert lexicon.scored_form(tokenize("lose")[0]) == tokenize("lost")[0]
    assert lexicon.form(tokenize("lose")[0]) == tokenize("lose")[0]  # the checks read it as asked
    # a verb the texts hold themselves stays itself: "leave" is written
    assert lexicon.scored_form(tokenize("leave")[0]) == tokenize("leave")[0]


def test_a_verb_counts_as_the_noun_the_texts_tell_it_by_and_back() -> None:
    lexicon = LexicalIndex(
        ["the canal's closure in 1921", "after his death at sea", "they decided to sell", "assets"]
    )
    assert lexicon.coverage("When did the canal close?")[0] == 1.0  # suffix: "close" -> "closur"
    assert lexicon.coverage("When did he die?")[1] == 1.0  # closed list: "die" -> "death"
    assert lexicon.coverage("What was the decision?")[2] == 1.0  # "decis" -> "decid"
    assert lexicon.form(tokenize("close")[0]) == tokenize("close")[0]  # the checks read it as asked
    # a word the texts hold stays itself, and no ending makes one word of another
    assert lexicon.scored_form(tokenize("sell")[0]) == tokenize("sell")[0]
    assert lexicon.coverage("What did they assess?").max() == 0.0  # not "assets"


def test_a_text_telling_the_noun_holds_the_verb_beside_one_writing_the_verb() -> None:
    lexicon = LexicalIndex(["the lock closed in May", "the closure of the lock", "the lock"])
    coverage = lexicon.coverage("When did the lock close?")
    assert coverage[0] == coverage[1] == pytest.approx(1.0)
    assert coverage[2] < 0.5


def test_coverage_is_bm25s_binary_score_bit_for_bit(fake_service: QAService) -> None:
    """The postings sum the same float32 IDFs in the same order as bm25s's BM25(k1=0, b=0)."""
    import bm25s

    texts = [s.text for s in fake_service.index.sentences]
    lexicon = LexicalIndex(texts)
    reference = bm25s.BM25(k1=0.0, b=0.0)
    reference.index([tokenize(t) or ["\u2205"] for t in texts], show_progress=False)
    for question in (
        "How many members of the management team did Peng Lei convene?",
        "Who became CEO when Peng Lei stepped down?",
        "What did the inquiry recommend about Alipay in November 2016?",
    ):
        tokens = sorted({lexicon.form(t) for t in tokenize(question)})
        known = [t for t in tokens if lexicon.known(t)]
        total = sum(lexicon.idf(t) for t in tokens)
        expected = np.asarray(reference.get_scores(known), dtype=np.float32) / total
        assert lexicon.coverage(question).tobytes() == expected.tobytes()


def test_each_sentence_knows_the_windows_holding_it(fake_service: QAService) -> None:
    retriever, chunks = fake_service.retriever, fake_service.index.chunks
    for sentence in fake_service.index.sentences:
        windows = retriever._windows[sentence.id]
        assert windows.chunks == [
            c for c, chunk in enumerate(chunks) if sentence.id in chunk.sentence_ids
        ]
        for row, chunk in zip(windows.members, windows.chunks, strict=True):
            held = [windows.first + i for i in np.flatnonzero(row)]
            assert held == list(chunks[chunk].sentence_ids)


def test_a_sentence_is_quoted_from_the_window_centred_nearest_on_it(
    fake_service: QAService,
) -> None:
    """The first of the windows holding it whose centre is nearest the sentence's own: a
    sentence in the middle of a run of windows is quoted with context on both sides."""
    retriever, chunks = fake_service.retriever, fake_service.index.chunks
    sided = 0
    for sentence in fake_service.index.sentences:
        holding = [c for c, chunk in enumerate(chunks) if sentence.id in chunk.sentence_ids]
        distance = [
            abs(sentence.start + sentence.end - chunks[c].start - chunks[c].end) for c in holding
        ]
        centred = retriever.centred_window(sentence.id)
        assert centred == chunks[holding[distance.index(min(distance))]]
        ids = centred.sentence_ids
        sided += ids[0] < sentence.id < ids[-1]
    assert sided > len(fake_service.index.sentences) / 2  # most have context either side


def test_a_count_of_days_is_held_by_the_dates_it_lies_between(fake_service: QAService) -> None:
    """ "How many days passed between ... and ...?" is answered by two dates, not refused for
    want of a number: a dated sentence holds that kind of answer, an undated one does not."""
    retriever = fake_service.retriever
    scores = retriever.score("How many days passed between the disclosure and the guarantee?")
    texts = [s.text for s in retriever.index.sentences]
    dated = next(i for i, t in enumerate(texts) if "December 15" in t)
    undated = next(i for i, t in enumerate(texts) if t.startswith("Taobao’s culture"))
    assert scores.kind_held[dated] and not scores.kind_held[undated]
    people = retriever.score("How many people cried during the review?")
    assert not people.kind_held[dated]  # a date counts no people


def test_how_long_after_one_event_another_came_is_held_by_their_dates(
    fake_service: QAService,
) -> None:
    """ "How long after the disclosure was the guarantee called?" is answered by the two
    events' dates (the twenty-second and twenty-fifth unseen batches were refused for want
    of a length of time), and a dated sentence is preferred; "how long did it last" not."""
    retriever = fake_service.retriever
    scores = retriever.score("How long after the disclosure was the guarantee called?")
    texts = [s.text for s in retriever.index.sentences]
    dated = next(i for i, t in enumerate(texts) if "December 15" in t)
    undated = next(i for i, t in enumerate(texts) if t.startswith("Taobao’s culture"))
    assert scores.kind_held[dated] and scores.held[dated]
    assert not scores.kind_held[undated] and not scores.held[undated]
    lasting = retriever.score("How long did the guarantee last?")
    assert not lasting.kind_held[dated]


def test_a_date_asked_with_another_thing_ranks_the_passages_giving_one_higher(
    fake_service: QAService,
) -> None:
    """A question asking two things, one of them a date, picks its passages with the
    sentences giving a date ``plain_kind`` higher: the answer step holds such a question's
    sentences to no kind, so the first passage must give the date itself. The relevance
    the answer step reads is the same, and a date asked alone ranks as before."""
    retriever = fake_service.retriever
    texts = [s.text for s in retriever.index.sentences]
    dated = next(i for i, t in enumerate(texts) if "December 15" in t)
    undated = next(i for i, t in enumerate(texts) if t.startswith("Taobao’s culture"))
    two = retriever.score(
        "On what date did Zhaocaibao disclose the default, and who guaranteed the products?"
    )
    alone = retriever.score("On what date did Zhaocaibao disclose the default?")
    plain = retriever.weights.plain_kind
    lifted = retriever.ranking(two) - two.relevance
    assert lifted[dated] == pytest.approx(plain) and lifted[undated] == 0.0
    assert (retriever.ranking(alone) == alone.relevance).all()
    weights = retriever.weights
    try:
        retriever.weights = replace(weights, plain_kind=0.0)
        unweighted = retriever.select(two, 5)
    finally:
        retriever.weights = weights
    weighted = retriever.select(two, 5)
    gained = {h.best_sentence.id: h.score for h in weighted if h.best_sentence is not None}
    before = {h.best_sentence.id: h.score for h in unweighted if h.best_sentence is not None}
    assert any(two.held[s] for s in gained.keys() & before.keys())
    assert all(
        gained[s] == pytest.approx(before[s] + plain * bool(two.held[s]))
        for s in gained.keys() & before.keys()
    )  # a passage's score is its sentence's, ``plain_kind`` higher when it gives a date


def test_a_doubled_letter_typed_once_counts_as_the_word_meant_but_no_other_word_does() -> None:
    lexicon = LexicalIndex(["the employees watched", "the committee sat", "goods were brought"])
    assert lexicon.coverage("How many employes watched?")[0] == 1.0  # "employ" -> "employe"
    assert lexicon.coverage("Who sat on the commitee?")[1] == 1.0
    # another letter dropped makes another word ("bought" is no "brought"), and a word the
    # texts hold, or one too short to tell from another, stays itself
    assert [lexicon.form(t) for t in tokenize("bought sat")] == tokenize("bought sat")
    assert lexicon.coverage("What was bought?").max() == 0.0


def test_two_neighbouring_letters_swapped_count_as_the_word_meant() -> None:
    lexicon = LexicalIndex(["the company was founded", "its popular nickname"])
    assert lexicon.coverage("When was the compnay founded?")[0] == 1.0
    assert lexicon.coverage("What is its populra nickname?")[1] == 1.0
    # the first two letters are not swapped ("tear" read as "rate"), nor a word the texts hold
    assert [lexicon.form(t) for t in tokenize("ocmpany founded")] == tokenize("ocmpany founded")


def test_a_vowel_typed_for_another_in_a_long_word_counts_as_the_word_meant() -> None:
    lexicon = LexicalIndex(["Passenger numbers fell to 780,000 in 2009.", "ten decades later"])
    assert lexicon.coverage("How many passangers in 2009?")[0] == 1.0
    # a short word one vowel from another is a word of its own, and so is another ending
    assert lexicon.coverage("When did they decide?")[1] == 0.0


def test_a_question_is_respelt_as_the_texts_write_its_misspelt_words() -> None:
    lexicon = LexicalIndex(["In 2009 it carried 780,000 passengers.", "The company grew."])
    assert lexicon.respelt("How many passangers flew?") == "How many passengers flew?"
    assert lexicon.respelt("Compnay founded?") == "Company founded?"  # its capital kept
    # words the texts hold, and words no typo of theirs, stay as typed
    assert lexicon.respelt("Did the company fly planes?") == "Did the company fly planes?"


def test_a_defined_short_form_and_its_name_count_as_each_other() -> None:
    lexicon = LexicalIndex(
        [
            "Corrin Valley Airways (CVA) was a regional airline.",
            "CVA employed 140 people.",
            "Corrin Valley Airways entered administration on 27 February 2011.",
            "The valley flooded.",
        ]
    )
    assert short_forms(["the Council for Ocean Chemistry (COC) met"]) == {
        ("coc",): ("council", "ocean", "chemistri")
    }
    assert lexicon.coverage("When did CVA enter administration?")[2] == 1.0
    # the short form is no name's word alone, and brackets not of initials define none
    assert lexicon.coverage("Where is the valley?")[1] == 0.0
    assert lexicon.coverage("When did CVA enter administration?")[3] == 0.0
    assert short_forms(["Harlow Mills (HX) opened"]) == {}


def test_a_word_spelt_the_other_way_counts_as_the_article_s_spelling() -> None:
    lexicon = LexicalIndex(
        [
            "The Society published a thematic catalogue of 212 works in 1978.",
            "The licence fee was paid at the centre of town in colours and metres.",
        ]
    )
    assert lexicon.coverage("how many works are in the thematic catalog")[0] == 1.0
    assert lexicon.coverage("When was the license fee paid at the center?")[1] == 1.0
    assert tokenize("organize analyzed honorable cataloged theaters") == tokenize(
        "organise analysed honourable catalogued theatres"
    )
    # short words spelt alike stay words of their own, and a word alone is not respelt
    assert tokenize("hour tour four rogue acre genre prize entre") == [
        "hour", "tour", "four", "rogu", "acr", "genr", "prize", "entr"
    ]  # fmt: skip


def test_an_abbreviation_s_plural_or_possessive_without_apostrophe_is_the_abbreviation() -> None:
    """The stemmer strips an "s" only after a vowel: "P3s" (typed for "P3's"), "MPs", "CDs"
    kept theirs, and a question typing them named something the article never writes."""
    assert tokenize("P3s") == tokenize("P3's") == tokenize("P3")
    assert tokenize("MPs CDs B52s") == tokenize("MP CD B52")
    # a decade is no year, and a word of its own keeps its letters
    assert tokenize("1990s vs") == ["1990s", "vs"]
    told = ["Among the networks, P3's daily reach fell from 31 per cent in 2005."]
    assert given_to_another("what was P3s daily reach in 2005", told) is None
    assert given_to_another("what was P4s daily reach in 2005", told) is not None


def test_a_qualifier_asked_counts_in_another_form_of_its_class() -> None:
    lexicon = LexicalIndex(
        [
            "The last ship built at the yard was launched by Margaret Leddon.",
            "The yard launched a ship every year.",
            "At its height the yard employed 4,000 men.",
            "The yard employed 900 men; the largest groups were riveters.",
            "The first yard was founded in 1849.",
            "The yard finally closed in 1983.",
        ]
    )

    def coverage(question: str) -> np.ndarray:
        return lexicon.coverage(question, qualifiers=qualifiers_asked(question))

    final = coverage("Who launched the yard's final ship?")
    assert final[0] > final[1] > 0  # "last" tells "final"
    assert final[0] > lexicon.coverage("Who launched the yard's final ship?")[0]
    peak = coverage("How many men did the yard employ at the peak?")
    assert peak[2] > peak[3]  # a high point, not a rank among things of one time
    asked = "What was the largest number of men the yard ever employed?"
    assert coverage(asked)[2] > lexicon.coverage(asked)[2]  # "at its height": the peak
    assert not qualifiers_asked("Which was the largest lender in the 1920s?")  # one time
    assert qualifiers_asked("What was the most passengers it ever carried?") == {"ever": 1}
    # as written, not stemmed: a verb, a time before now, "in the end"
    assert not qualifiers_asked("How long did the walkout last?")
    assert not qualifiers_asked("What happened last year?")
    assert not qualifiers_asked("When did the yard finally shut?")


def test_a_verb_of_one_meaning_counts_as_the_one_the_texts_hold_unless_of_other_senses() -> None:
    lexicon = LexicalIndex(
        ["The estate was founded in 1742 by Anselme Ravoux", "It launched 9 ships"]
    )
    assert lexicon.coverage("Who established the estate?")[0] == 1.0  # "establish" -> "found"
    assert lexicon.scored_form(tokenize("establish")[0]) == tokenize("founded")[0]
    assert lexicon.form(tokenize("establish")[0]) == tokenize("establish")[0]  # checks: as asked
    # "start" is not read as "launch": a yard launches ships, it does not start them
    assert lexicon.scored_form(tokenize("start")[0]) == tokenize("start")[0]
