"""The ``antqa`` command line: each command parses, calls the core, prints.

Domain errors become one line on stderr and exit status 1; nothing heavy is imported
until a command needs it, so ``antqa --help`` is instant.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from antqa.config import Settings, settings_problem
from antqa.errors import AntqaError, ConfigurationError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from antqa.api.server import Companion
    from antqa.build import BuildReport
    from antqa.evaluation import EvalArticle, GroupScore, Report
    from antqa.feedback import FeedbackSummary
    from antqa.models import Answer, Citation
    from antqa.service import QAService

app = typer.Typer(
    name="antqa",
    help="Ask questions about the article; every answer cites the exact passages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(
        stderr=stderr, highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120
    )


def _service(settings: Settings) -> QAService:
    from antqa.service import QAService

    return QAService.from_settings(settings)


@app.callback(invoke_without_command=True)
def _main(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)
    ] = False,
) -> None:
    """Ask questions about the article; every answer cites the exact passages."""
    if version:
        from antqa import __version__

        typer.echo(f"antqa {__version__}")
        raise typer.Exit()


@app.command("build-index")
def build_index(
    source: Annotated[
        Path | None, typer.Option(help="Article to index (UTF-8 text). Default: ANTQA_SOURCE.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Index folder to (re)write. Default: ANTQA_INDEX_DIR.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="sentence-transformers model name or path (a new one needs torch)."),
    ] = None,
    reuse: Annotated[
        bool,
        typer.Option(
            help="Reuse the model export and the vectors of unchanged text from the index "
            "being replaced (or the served one); --no-reuse exports and embeds all again."
        ),
    ] = True,
) -> None:
    """Chunk and embed the article and atomically replace the index.

    The model's int8 ONNX export is made once per model and reused; only sentences and
    passages whose text changed are embedded again.
    """
    from antqa.build import BuildRequest, run_build

    began = time.perf_counter()
    settings = Settings()
    console = _console()
    request = BuildRequest(
        source=source or settings.source,
        out=(out or settings.index_dir).resolve(),
        model=model or settings.model,
        reuse=reuse,
    )
    with _stages(console) as (stage, advance):
        report = run_build(
            request,
            settings,
            stage=stage,
            progress=advance,
            note=lambda text: console.print(f"note: {text}"),
        )
    _print_build(console, report, time.perf_counter() - began)


def _print_build(console: Console, report: BuildReport, seconds: float) -> None:
    model = {"exported": "exported now", "reused": "export reused", "none": "no ONNX export"}
    console.print(
        f"wrote {report.path}: {report.chunks} passages, {report.sentences} sentences, "
        f"dimension {report.dim}, model {report.model} ({model.get(report.export, '')}); "
        f"embedded {report.embedded} texts, reused {report.reused}; {seconds:.1f} s"
    )


class _stages:
    """On a terminal, a rich spinner per build stage and a bar while embedding; silent
    otherwise. Yields ``(stage(description), advance(done, total))``."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> tuple[Callable[[str], None], Callable[[int, int], None]]:
        if not self._console.is_terminal:
            return (lambda _description: None), (lambda _done, _total: None)
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bar = Progress(
            SpinnerColumn(finished_text="[green]✓[/green]"),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self._console,
        )
        self._bar.__enter__()
        return self._stage, self._advance

    def _stage(self, description: str) -> None:
        self._finish()
        self._task = self._bar.add_task(description, total=None)

    def _advance(self, done: int, total: int) -> None:
        if self._task is not None:
            self._bar.update(self._task, completed=done, total=total)

    def _finish(self) -> None:
        if self._task is not None:
            task = self._bar.tasks[self._task]
            total = task.total or 1
            self._bar.update(self._task, total=total, completed=total)

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._finish()
            self._bar.__exit__(None, None, None)


def print_answer(console: Console, answer: Answer) -> None:
    """The short answer in bold first, then the answer, its numbered citations, and the
    passages it does not use (a refusal's are all of them) as unnumbered related reading."""
    from rich.markup import escape

    if not answer.answerable:
        console.print(escape(answer.answer), style="bold yellow")
    elif answer.short_answer:
        console.print(escape(answer.short_answer.text), style="bold")
        console.print(escape(answer.answer))
    else:
        console.print(escape(answer.answer), style="bold")
    if answer.notice:
        console.print(f"[dim]{escape(answer.notice)}[/dim]")
    for c in answer.cited:
        console.print(f"\n[cyan][{c.n}][/cyan] {_where(c)}")
        console.print(f"    “{escape(c.quote)}”")
    if answer.related_reading:
        console.print("\n[bold]Related reading[/bold] [dim](not used by the answer)[/dim]")
    for c in answer.related_reading:
        console.print(f"  – {_where(c)}")
        console.print(f"    [dim]“{escape(c.quote)}”[/dim]")


def _where(c: Citation) -> str:
    return (
        f"paragraph {c.paragraph}, chars {c.start}–{c.end} "
        f"[dim]({c.chunk_id}, score {c.score:.2f})[/dim]"
    )


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question. Omit it for an interactive conversation.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the answer object.")] = False,
) -> None:
    """Answer a question from the article, with citations."""
    service = _service(Settings())
    console = _console()
    if question is not None:
        answer = service.ask(question)
        if json_output:
            typer.echo(answer.model_dump_json(indent=2))
        else:
            print_answer(console, answer)
        return
    _converse(service, console, json_output)


def _converse(service: QAService, console: Console, json_output: bool) -> None:
    """Read questions until end of input; they share one conversation."""
    conversation_id = None
    if sys.stdin.isatty():
        console.print("[dim]Ask about the article; follow-ups are understood. Ctrl-D quits.[/dim]")
    while True:
        try:
            question = input("? " if sys.stdin.isatty() else "")
        except (EOFError, KeyboardInterrupt):
            break
        if question.strip().lower() in {"exit", "quit"}:
            break
        if not question.strip():
            continue
        try:
            answer = service.ask(question, conversation_id)
        except AntqaError as err:
            _console(stderr=True).print(f"[red]error:[/red] {err}")
            continue
        conversation_id = answer.conversation_id
        if json_output:
            typer.echo(answer.model_dump_json())
        else:
            print_answer(console, answer)
            console.print()


@app.command("eval")
def evaluate(
    file: Annotated[
        Path,
        typer.Argument(help="Our JSONL evaluation file, or a SQuAD 2.0 JSON file."),
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    article: Annotated[
        Path | None,
        typer.Option(help="For a JSONL file about another article: that article (UTF-8 text)."),
    ] = None,
) -> None:
    """Score retrieval, answers, short answers and refusals on an evaluation file.

    A SQuAD 2.0 file's articles (or --article) are each indexed in a temporary folder first.
    """
    from antqa.evaluation import evaluate_file

    err = _console(stderr=True)

    def announce(article: EvalArticle, number: int, total: int) -> None:
        if article.text is not None:
            err.print(f"[dim]indexing and asking {article.title} ({number}/{total})…[/dim]")

    # an evaluation's conversations are throwaway: never in the served store
    settings = Settings(conversation_store="memory")
    report = evaluate_file(file, _service(settings), announce, article)
    if json_output:
        typer.echo(report.model_dump_json(indent=2))
        return
    _print_report(_console(), report)


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _score_table(title: str, rows: list[tuple[str, GroupScore]]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1))
    table.add_column("", max_width=24, no_wrap=True, overflow="ellipsis")
    columns = (
        *("n", "R@1", "R@3", "R@5", "MRR", "hit", "ref P", "ref R", "ref'd"),
        *("chars", "SA %", "SA EM", "SA F1"),
    )
    for column in columns:
        table.add_column(column, justify="right", min_width=5, no_wrap=True)
    for name, group in rows:
        table.add_row(
            name,
            str(group.items),
            *(_fmt(group.recall_at[k]) for k in (1, 3, 5)),
            _fmt(group.mrr),
            _fmt(group.answer_hit),
            _fmt(group.refusal_precision),
            _fmt(group.refusal_recall),
            _fmt(group.wrongly_refused),
            _fmt(group.median_answer_chars, 0),
            _fmt(group.short_given),
            _fmt(group.short_exact),
            _fmt(group.short_f1),
        )
    return table


def _print_report(console: Console, report: Report) -> None:
    """The per-type table, then the key figures in the last lines (what a log tail shows)."""
    from rich.markup import escape

    console.print(
        _score_table(
            "antqa eval, by question type", [*report.by_type.items(), ("overall", report.overall)]
        )
    )
    if report.by_article:
        console.print(_score_table("by article", list(report.by_article.items())))
    for result in report.items:
        if result.missing_quotes:
            console.print(
                f"[yellow]{escape(result.id)}: evidence not found in the article[/yellow]"
            )
    for line in summary_lines(report):
        console.print(escape(line))


def summary_lines(report: Report) -> list[str]:
    """The key figures in six lines."""
    o, has, no = report.overall, report.has_answer, report.no_answer
    refused_no = round((o.refusal_recall or 0) * (o.items - o.answerable))
    refused_has = round((o.wrongly_refused or 0) * o.answerable)
    return [
        f"overall: {o.items} questions, {o.answerable} answerable, "
        f"{o.items - o.answerable} unanswerable",
        f"retrieval: R@1 {_fmt(o.recall_at[1])}  R@3 {_fmt(o.recall_at[3])}  "
        f"R@5 {_fmt(o.recall_at[5])}  MRR {_fmt(o.mrr)}",
        f"answers: hit {_fmt(o.answer_hit)}  median length {_fmt(o.median_answer_chars, 0)} chars",
        f"refused: unanswerable {refused_no}/{o.items - o.answerable} "
        f"({_fmt(o.refusal_recall)}), answerable {refused_has}/{o.answerable} "
        f"({_fmt(o.wrongly_refused)}); refusal precision {_fmt(o.refusal_precision)}",
        f"short answer EM/F1 (SQuAD): all {_fmt(o.short_exact)}/{_fmt(o.short_f1)}  "
        f"HasAns {_fmt(has.short_exact if has else None)}/"
        f"{_fmt(has.short_f1 if has else None)}  "
        f"NoAns {_fmt(no.short_exact if no else None)}/{_fmt(no.short_f1 if no else None)}",
        f"short answer given to {_fmt(o.short_given)} of answerable; when given EM "
        f"{_fmt(o.short_exact_given)} F1 {_fmt(o.short_f1_given)}",
    ]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Worker processes sharing the port (each loads the model). Above 1, "
            "conversations need the SQLite or Redis store, and the Discord bot runs as its "
            "own process (antqa discord).",
        ),
    ] = 1,
) -> None:
    """Serve the HTTP API (and the Discord bot when DISCORD_TOKEN is set).

    Loads the index and model before listening; SIGTERM lets requests in flight finish.
    """
    import contextlib

    from antqa.api import serve as serve_http

    settings = Settings()
    if workers > 1:
        _serve_workers(settings, host, port, workers)
        return
    with_bot = settings.discord_token is not None
    if with_bot:
        from antqa.bots.discord_bot import setup_logging

        setup_logging(settings)
    service = _service(settings)
    companions = [_discord_companion(service, settings)] if with_bot else []
    with contextlib.closing(service):
        serve_http(service, host=host, port=port, companions=companions)


def _discord_companion(service: QAService, settings: Settings) -> Companion:
    """The bot in the server's event loop, on the service's worker pool; its state goes
    to /healthz. Discord down or the token rejected: the bot is off, HTTP goes on."""
    from antqa.api.server import Companion
    from antqa.bots.connection import BotStatus
    from antqa.bots.discord_bot import run_discord

    status = BotStatus()
    run = functools.partial(run_discord, service, settings, status=status)
    return Companion(name="discord", run=run, state=status)


def _serve_workers(settings: Settings, host: str, port: int, workers: int) -> None:
    """Several worker processes on one port; what would break across them fails here."""
    from antqa.api.server import serve_workers
    from antqa.service import load_configured_index
    from antqa.state import open_store

    if settings.discord_token is not None:
        raise ConfigurationError(
            "--workers runs several HTTP processes and the Discord bot must run once — unset "
            "DISCORD_TOKEN for antqa serve and run the bot as its own process: antqa discord"
        )
    if settings.conversation_store == "memory":
        raise ConfigurationError(
            "ANTQA_CONVERSATION_STORE=memory keeps conversations in one process, so "
            "follow-ups would be lost between workers — unset it (SQLite) or set ANTQA_REDIS_URL"
        )
    # fail in one line before binding the port, not once per worker
    load_configured_index(settings)
    open_store(settings).close()
    serve_workers(settings, host, port, workers)


@app.command("discord")
def discord_bot() -> None:
    """Run the Discord bot (token from DISCORD_TOKEN)."""
    import asyncio
    import contextlib

    from antqa.bots.discord_bot import discord_token, run_discord, setup_logging
    from antqa.lifetime import settle_loaded
    from antqa.reloading import reload_on_sighup

    settings = Settings()
    discord_token(settings)  # a missing token fails here, before anything loads
    setup_logging(settings)
    service = _service(settings)
    service.warm_up()
    settle_loaded()

    async def bot() -> None:
        reload_on_sighup(service)  # kill -HUP: reload the index without a restart
        await run_discord(service, settings)

    with contextlib.closing(service), contextlib.suppress(KeyboardInterrupt):
        asyncio.run(bot())


@app.command("feedback")
def feedback(
    limit: Annotated[int, typer.Option(help="Passages and questions to list.")] = 10,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Summarise the 👍/👎 votes on Discord answers."""
    from antqa.feedback import FeedbackStore, FeedbackSummary

    path = Settings().feedback_db
    summary = FeedbackStore(path).summary(limit=limit) if path.exists() else None
    if json_output:  # always JSON, even before the first vote: scripts parse it
        typer.echo((summary or FeedbackSummary.empty(path)).model_dump_json(indent=2))
    elif summary is None:
        typer.echo(f"No feedback yet: {path} does not exist (votes are kept there).")
    else:
        _print_feedback(_console(), summary)


def _print_feedback(console: Console, summary: FeedbackSummary) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(
        f"{summary.answers} answers recorded, {summary.voted_answers} voted on: "
        f"👍 {summary.up}  👎 {summary.down}  [dim]({escape(summary.path)})[/dim]"
    )
    if not summary.voted_answers:
        return
    passages = Table(title="votes by the passage the answer quotes")
    passages.add_column("passage")
    passages.add_column("¶", justify="right")
    passages.add_column("quote", max_width=70, no_wrap=True, overflow="ellipsis")
    recent = Table(title="recently voted questions")
    recent.add_column("last vote (UTC)")
    recent.add_column("question", max_width=70, no_wrap=True, overflow="ellipsis")
    recent.add_column("answered")
    for table in (passages, recent):
        table.add_column("👍", justify="right")
        table.add_column("👎", justify="right")
    for p in summary.by_passage:
        passages.add_row(p.chunk_id, str(p.paragraph), escape(p.quote), str(p.up), str(p.down))
    for q in summary.recent:
        when = q.last_vote_at[:16].replace("T", " ")
        answered = "yes" if q.answerable else "refused"
        recent.add_row(when, escape(q.question), answered, str(q.up), str(q.down))
    console.print(passages, recent)


def main() -> NoReturn:
    """Entry point: run the app, turning domain errors into one line and exit status 1."""
    from pydantic import ValidationError

    try:
        app()
    except AntqaError as err:
        typer.echo(f"error: {err}", err=True)
        raise SystemExit(1) from None
    except ValidationError as err:  # Settings() refused the environment
        if err.title != Settings.__name__:
            raise
        typer.echo(f"error: {settings_problem(err)}", err=True)
        raise SystemExit(1) from None
    raise SystemExit(0)
