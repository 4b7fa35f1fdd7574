"""Prometheus metrics of one app, on its own registry (two apps never mix counts).

Requests are counted by :class:`antqa.api.middleware.RequestMetrics`; answers by the ask route.

    antqa_http_requests_total{method,path,status}     requests answered
    antqa_http_request_duration_seconds{method,path}  latency histogram
    antqa_answers_total{outcome="answered"|"refused"} what the article could answer
    antqa_index_passages / _sentences / _article_chars  the served index (after a reload too)
    antqa_asks_in_progress                             questions running or waiting
    antqa_conversations                                conversations in memory

``path`` is the route template (``/ask``), or ``unmatched`` for unknown paths, so a
scanner probing random URLs cannot grow the label set without bound.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from antqa.models import Answer

#: Latency buckets in seconds: answers take milliseconds; queueing can take seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The instruments, and the exposition of all of them."""

    def __init__(
        self,
        *,
        passages: Callable[[], float],
        sentences: Callable[[], float],
        article_chars: Callable[[], float],
        asks_in_progress: Callable[[], float],
        conversations: Callable[[], float],
    ) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "antqa_http_requests",
            "HTTP requests answered, by route and status.",
            ["method", "path", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "antqa_http_request_duration_seconds",
            "Time from request to the end of the response, by route.",
            ["method", "path"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.answers = Counter(
            "antqa_answers",
            "Answers given: answered from the article, or refused as not covered.",
            ["outcome"],
            registry=self.registry,
        )
        for outcome in ("answered", "refused"):
            self.answers.labels(outcome)
        for name, text, value in (
            ("antqa_index_passages", "Passages in the loaded index.", passages),
            ("antqa_index_sentences", "Sentences in the loaded index.", sentences),
            ("antqa_index_article_chars", "Characters of the indexed article.", article_chars),
        ):
            Gauge(name, text, registry=self.registry).set_function(value)
        Gauge(
            "antqa_asks_in_progress",
            "Questions being answered or waiting for a worker.",
            registry=self.registry,
        ).set_function(asks_in_progress)
        Gauge(
            "antqa_conversations", "Conversations held in memory.", registry=self.registry
        ).set_function(conversations)

    def count_answer(self, answer: Answer) -> None:
        self.answers.labels("answered" if answer.answerable else "refused").inc()

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)
