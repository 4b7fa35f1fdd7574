"""Answers as Discord embeds and short notices that always fit Discord's limits.

Discord refuses (HTTP 400) a message over 2,000 characters and an embed over its limits
(title 256, description 4,096, 25 fields of 256/1,024, footer 2,048, 6,000 in all). Answers,
quotes and questions come from the article and from users, so their lengths are not ours
to choose: everything is trimmed here, at word boundaries, before anything is sent.
"""

from __future__ import annotations

import discord

from antqa.models import Answer, Citation

MAX_CONTENT = 2000
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_EMBED_TOTAL = 6000
MAX_THREAD_NAME = 100

#: A quote longer than this is trimmed: the citation points at the article for the rest.
QUOTE_CHARS = 300
#: The footer names the model; a longer name is trimmed (Discord allows 2,048).
FOOTER_CHARS = 512
#: Quotes are never trimmed below this to fit more citations; later citations are dropped.
MIN_QUOTE_CHARS = 80
#: A related-reading quote is a pointer, not evidence: one short line each.
RELATED_QUOTE_CHARS = 160
RELATED_READING = "Related reading"

ANSWERED = discord.Colour.blurple()
NOT_COVERED = discord.Colour.light_grey()


def trim(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary and marked with '…'."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    head, space, _ = cut.rpartition(" ")
    if space and len(head) >= limit // 2:
        cut = head
    # never leave half of a markdown escape or a dangling separator at the cut
    return cut.rstrip(" \\,;:") + "…"


def notice(text: str) -> str:
    """A plain-text message (apology, refusal, rate limit) as a sentence that fits."""
    return trim(text[:1].upper() + text[1:], MAX_CONTENT)


def thread_name(question: str) -> str:
    """A thread title from the question (Discord allows 1–100 characters)."""
    return trim(question, MAX_THREAD_NAME) or "question"


def _citation_field(citation: Citation, quote_chars: int) -> tuple[str, str]:
    name = trim(f"[{citation.n}] paragraph {citation.paragraph}", MAX_FIELD_NAME)
    quote = trim(discord.utils.escape_markdown(citation.quote), quote_chars - 2)
    return name, f"“{quote}”"


def _related_reading(citations: list[Citation]) -> str:
    """One unnumbered line per passage the answer does not use, within a field's limit."""
    lines: list[str] = []
    for citation in citations:
        quote = trim(discord.utils.escape_markdown(citation.quote), RELATED_QUOTE_CHARS - 2)
        line = f"paragraph {citation.paragraph}: “{quote}”"
        if len("\n".join([*lines, line])) > MAX_FIELD_VALUE:
            break
        lines.append(line)
    return "\n".join(lines)


def _description(answer: Answer) -> str:
    """The short answer in bold first (when there is one), then the answer, then the notice."""
    description = discord.utils.escape_markdown(answer.answer)
    if answer.answerable and answer.short_answer:
        short = trim(discord.utils.escape_markdown(answer.short_answer.text), MAX_TITLE)
        description = f"**{short}**\n\n{description}"
    if answer.notice:
        description += f"\n\n*{discord.utils.escape_markdown(answer.notice)}*"
    return trim(description, MAX_DESCRIPTION)


def answer_embed(answer: Answer, question: str) -> discord.Embed:
    """The bold short answer and the answer with its ``[n]`` markers, the numbered
    citations, the passages it does not use as one unnumbered "Related reading" field (a
    refusal's passages are all related reading), and the model in the footer."""
    embed = discord.Embed(
        title=trim(question, MAX_TITLE),
        description=_description(answer),
        colour=ANSWERED if answer.answerable else NOT_COVERED,
    )
    # title + description + footer stay under 6,000 on their own (256 + 4,096 + 512)
    embed.set_footer(text=trim(f"model: {answer.model}", FOOTER_CHARS))
    cited = answer.cited[: MAX_FIELDS - 1]
    related = _related_reading(answer.related_reading)
    if cited:
        # share what is left of the 6,000 characters between the citations
        room = MAX_EMBED_TOTAL - len(embed) - len(RELATED_READING) - len(related)
        quote_chars = min(QUOTE_CHARS, room // len(cited) - len("[25] paragraph 999"))
        for citation in cited:
            name, value = _citation_field(citation, max(quote_chars, MIN_QUOTE_CHARS))
            embed.add_field(name=name, value=value, inline=False)
    if related:
        embed.add_field(name=RELATED_READING, value=related, inline=False)
    while len(embed) > MAX_EMBED_TOTAL and embed.fields:
        embed.remove_field(-1)
    return embed
