"""Which languages a model reads, and which language a question is in."""

from __future__ import annotations

import pytest

from antqa.config import DEFAULT_MODEL
from antqa.languages import (
    MULTILINGUAL_SUGGESTION,
    language_reply,
    model_languages,
    question_language,
    unsupported_language,
)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("彭蕾在蚂蚁金服工作了几年？", "Chinese"),
        ("2016年10月蚂蚁金服交接时有多少名员工见证？", "Chinese"),
        ("彭蕾はいつCEOを辞めましたか？", "Japanese"),
        ("누가 CEO가 되었나요?", "Korean"),
        ("Кто стал генеральным директором?", "Russian"),
        ("Who became CEO in October 2016?", None),
        ("Qui est devenu PDG ?", None),
        ("Où était Peng Lei à l’époque ?", None),
        ("What does 蚂蚁金服 mean in the article title?", None),
        ("2016?", None),
    ],
)
def test_the_language_of_a_question_in_another_script(question: str, language: str) -> None:
    assert question_language(question) == language


def test_the_bundled_model_reads_english_and_multilingual_models_say_so() -> None:
    assert model_languages(DEFAULT_MODEL) == ("English",)
    assert model_languages(MULTILINGUAL_SUGGESTION) == ("any",)
    assert model_languages("sentence-transformers/LaBSE") == ("any",)


def test_the_setting_overrides_the_name() -> None:
    assert model_languages("my/own-model", ["English", "Chinese"]) == ("English", "Chinese")


def test_a_question_the_model_cannot_read_is_flagged() -> None:
    assert unsupported_language("彭蕾在蚂蚁金服工作了几年？", ("English",)) == "Chinese"
    assert unsupported_language("彭蕾在蚂蚁金服工作了几年？", ("English", "chinese")) is None
    assert unsupported_language("彭蕾在蚂蚁金服工作了几年？", ("any",)) is None
    assert unsupported_language("Who is Peng Lei?", ("English",)) is None


def test_the_reply_names_the_languages_and_how_to_configure_a_multilingual_model() -> None:
    reply = language_reply("Chinese", DEFAULT_MODEL, ("English",))
    assert "Chinese" in reply and "English" in reply and DEFAULT_MODEL in reply
    assert f"ANTQA_MODEL={MULTILINGUAL_SUGGESTION}" in reply
    assert f"antqa build-index --model {MULTILINGUAL_SUGGESTION}" in reply
