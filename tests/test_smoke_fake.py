"""The whole pipeline on the fake embedder: question in, cited answer out."""

from antqa.service import QAService


def test_answer_cites_exact_article_spans(fake_service: QAService) -> None:
    answer = fake_service.ask("Which version of Alipay's wireless app added friends?")
    article = fake_service.index.article
    assert answer.citations, "an answer always lists passages"
    for citation in answer.citations:
        assert article[citation.start : citation.end] == citation.text
        assert article[citation.quote_start : citation.quote_end] == citation.quote
        assert citation.start <= citation.quote_start < citation.quote_end <= citation.end
    assert "9.0" in answer.citations[0].text
