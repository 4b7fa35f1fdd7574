"""Chinese questions glossed into English search words (real CC-CEDICT, no model)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from antqa import glossing
from antqa.glossing import ChineseGlosser, article_names

ARTICLE = (
    "In October 2016, at the Huanglong Sports Center in Hangzhou, Peng Lei stepped down. "
    "The deputy squad leader, Ni Xingjun, spoke of Zhaocaibao and its default. "
    "The staff witnessed it; the company sold a private placement bond; Alipay kept its "
    "advantage, and gold is money."
)


@pytest.fixture(scope="module")
def glosser() -> ChineseGlosser:
    return ChineseGlosser()  # the dictionary loads once, on the first gloss (a few seconds)


def test_a_date_is_written_as_english_writes_it(glosser: ChineseGlosser) -> None:
    gloss = glosser.gloss("彭蕾2016年11月29日道歉了吗？", ARTICLE)
    assert "November 29, 2016" in gloss.text
    assert "October" in glosser.gloss("2016年10月", ARTICLE).text


def test_people_and_names_are_spelt_as_the_article_spells_them(glosser: ChineseGlosser) -> None:
    text = glosser.gloss("倪行军怎么评价招财宝？", ARTICLE).text
    assert "Ni Xingjun" in text and "Zhaocaibao" in text
    assert "march" not in text  # 行军 read as part of the name, not as a word


def test_a_name_the_article_does_not_hold_is_not_made_up(glosser: ChineseGlosser) -> None:
    text = glosser.gloss("马化腾是谁？", ARTICLE).text  # the article here never names him
    assert "Huateng" not in text
    assert "Huateng" in glosser.gloss("马化腾是谁？", ARTICLE + " Ma Huateng said so.").text


def test_the_question_word_comes_first_so_the_kind_of_answer_is_plain(
    glosser: ChineseGlosser,
) -> None:
    assert glosser.gloss("彭蕾为什么道歉？", ARTICLE).text.startswith("why did Peng Lei")
    assert glosser.gloss("谁接替了彭蕾？", ARTICLE).text.startswith("who ")
    # a count's "how many" stays before what it counts
    assert "how many staff" in glosser.gloss("有多少员工见证？", ARTICLE).text


def test_words_are_read_by_the_fewest_dictionary_pieces(glosser: ChineseGlosser) -> None:
    text = glosser.gloss("涉及哪家公司的私募债？", ARTICLE).text
    assert "company" in text and "private placement" in text
    assert "father" not in text  # not 家公 ("head of a family") then 司


def test_grammar_words_gloss_to_nothing_and_senses_carry_no_capitals(
    glosser: ChineseGlosser,
) -> None:
    gloss = glosser.gloss("支付宝的优势", ARTICLE)
    assert gloss.glossed
    assert "target" not in gloss.text  # 的 the particle, not 的 "bull's-eye"
    assert "Au" not in glosser.gloss("金子", ARTICLE).text.split()  # no capital to pass for a name


def test_only_words_whose_senses_the_article_uses_are_glossed(glosser: ChineseGlosser) -> None:
    assert "staff" in glosser.gloss("员工", ARTICLE).text
    assert glosser.gloss("员工", "The horse ran.").text == ""  # nothing there to match
    assert "horse" in glosser.gloss("马", "The horse ran.").text


def test_text_without_chinese_is_kept_and_not_marked_glossed(glosser: ChineseGlosser) -> None:
    gloss = glosser.gloss("Who is the CEO?", ARTICLE)
    assert not gloss.glossed and gloss.text == "Who is the CEO"


def test_the_names_a_spelling_may_match_are_those_written_inside_sentences() -> None:
    names = article_names("Side effects were rare. She met Ni Xingjun, and Peng Lei.")
    assert {"xingjun", "ni", "peng", "lei"} <= names
    assert "side" not in names  # opens a sentence: no sign it is a name


def test_question_words_in_traditional_characters_come_first_too(glosser: ChineseGlosser) -> None:
    assert glosser.gloss("彭蕾為什麼道歉？", ARTICLE).text.startswith("why did Peng Lei")
    assert glosser.gloss("誰接替了彭蕾？", ARTICLE).text.startswith("who ")
    assert glosser.gloss("倪行軍說了甚麼？", ARTICLE).text.startswith("what Ni Xingjun")


def test_chinese_numerals_are_written_in_digits(glosser: ChineseGlosser) -> None:
    assert (
        "November 29, 2016" in glosser.gloss("彭蕾二〇一六年十一月二十九日道歉了吗？", ARTICLE).text
    )
    assert "October 2016" in glosser.gloss("二〇一六年十月", ARTICLE).text
    assert "November 29, 2016" in glosser.gloss("2016年11月29號", ARTICLE).text  # traditional
    assert "22 " in glosser.gloss("召集了二十二名员工", ARTICLE).text
    assert "7,000" in glosser.gloss("七千多名员工", ARTICLE).text  # as English writes it
    assert "105" in glosser.gloss("一百零五名员工", ARTICLE).text
    # words that begin with a unit are words, not numbers ("just in case")
    assert not any(c.isdigit() for c in glosser.gloss("万一员工", ARTICLE).text)


def test_senses_are_plain_words_without_semicolons(glosser: ChineseGlosser) -> None:
    text = glosser.gloss("涉及哪家公司的私募债？", ARTICLE).text  # "company; firm; corporation"
    assert ";" not in text and "  " not in text


def test_a_long_run_of_other_text_is_read_in_linear_time(glosser: ChineseGlosser) -> None:
    glosser.gloss("员工", ARTICLE)  # the dictionary's one-time read is not timed
    started = time.perf_counter()
    text = glosser.gloss("1" * 20_000 + "彭蕾", ARTICLE).text
    assert time.perf_counter() - started < 5  # ~0.1 s; each tail read anew took minutes
    assert text.endswith("Peng Lei")


def test_a_long_question_is_capped_keeping_its_exact_words_then_its_content_words(
    glosser: ChineseGlosser, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = (
        "据作者在书中的详细描述，二〇一六年十月在杭州，倪行军和七千多名员工到场见证了"
        "新老管理层的交接，这场交接具体是在哪个体育中心举行的？"
    )
    monkeypatch.setattr(glossing, "GLOSS_WORDS", 1000)  # as good as no cap
    whole = glosser.gloss(question, ARTICLE).text
    assert len(whole.split()) > 12 and "within" in whole and "while" in whole
    monkeypatch.setattr(glossing, "GLOSS_WORDS", 12)
    text = glosser.gloss(question, ARTICLE).text
    assert len(text.split()) <= 12
    # names, numbers, dates and the question word are kept before any sense ...
    assert text.startswith("which October 2016 Hangzhou Ni Xingjun 7,000")
    # ... then the first senses of words of two or more characters ("员工", "见证"), in the
    # question's order, before those of single characters ("中": within, "时": while)
    assert "staff be witness to" in text and "within" not in text and "while" not in text
    assert "personnel" in whole and "personnel" not in text  # a second sense: dropped first


#: Resident memory the dictionary read for the bundled article may add to a fresh process,
#: MB: measured +23.5 (+30.6 before it kept only what glosses use and gave freed pages back).
DICTIONARY_MB = 26
#: Prints how much resident memory the first Chinese gloss about an article added, in MB.
_RESIDENT_GROWTH = """
import gc, sys
from pathlib import Path
from antqa.glossing import ChineseGlosser

def resident_mb():
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024

article = Path(sys.argv[1]).read_text(encoding="utf-8")
before = resident_mb()
ChineseGlosser().gloss("员工", article)
gc.collect()
print(resident_mb() - before)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_the_dictionary_read_for_an_article_stays_small_in_memory() -> None:
    article = Path(__file__).parents[1] / "corpus" / "ant-financial-crisis-response.txt"
    run = [sys.executable, "-c", _RESIDENT_GROWTH, str(article)]
    grown = float(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
    assert 0 < grown <= DICTIONARY_MB


def test_an_unreadable_dictionary_glosses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable() -> Iterator[tuple[str, str, str, list[str]]]:
        raise OSError("no such file")

    monkeypatch.setattr(glossing, "_cedict_entries", unreadable)
    gloss = ChineseGlosser().gloss("彭蕾为什么道歉？", ARTICLE)
    assert not gloss.glossed  # not "why did" alone: the service gives the language reply
