"""All settings in one typed object, read once from the environment (prefix ``ANTQA_``).

``Settings()`` is built by the entry points (CLI, server, bot) and passed down; nothing
else reads the environment. The defaults serve the committed index of the bundled article
with the bundled all-MiniLM-L6-v2 model, fully offline.
"""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network
from pathlib import Path
from typing import Literal

from pydantic import (
    AliasChoices,
    Field,
    IPvAnyNetwork,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from antqa.errors import ConfigurationError

#: The repository root when antqa runs from a checkout (``src/antqa/config.py`` -> root).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

#: The most characters an answer's text may hold (``Settings.max_answer_chars`` and
#: ``AnswerPolicy``'s default): a bound, not a target. The answer step's own lengths
#: (two sentences together at most ``pair_chars``, cuts at 180-220) stay below it, so it
#: binds only when a two-part question quotes two long sentences.
MAX_ANSWER_CHARS = 600


#: This machine's own addresses, the default of ``Settings.ask_rate_exempt``.
LOOPBACK: tuple[IPv4Network | IPv6Network, ...] = (
    IPv4Network("127.0.0.0/8"),
    IPv6Network("::1/128"),
)


class Settings(BaseSettings):
    """Every knob of antqa. Environment variables are ``ANTQA_<FIELD>`` (case-insensitive)."""

    model_config = SettingsConfigDict(env_prefix="ANTQA_", extra="ignore", frozen=True)

    # --- corpus and index -------------------------------------------------------------
    index_dir: Path = Field(
        default=PROJECT_ROOT / "index", description="Where the index is read from."
    )
    source: Path = Field(
        default=PROJECT_ROOT / "corpus" / "ant-financial-crisis-response.txt",
        description="The article that build-index indexes and that a served index must match.",
    )
    model: str = Field(
        default=DEFAULT_MODEL,
        description="sentence-transformers model name or path; the default is bundled.",
    )
    model_languages: list[str] | None = Field(
        default=None,
        description='Languages the model reads, e.g. ["English", "Chinese"] or ["any"]; '
        "unset: judged from the model name (multilingual models say so).",
    )
    chunk_max_chars: int = Field(
        default=1000, ge=100, le=1000, description="Longest passage (citations must stay short)."
    )
    chunk_overlap_sentences: int | None = Field(
        default=None,
        ge=0,
        le=5,
        description="Sentences consecutive passages share; unset: a passage starts at every "
        "sentence, so retrieval can centre one on any sentence.",
    )
    gloss_chinese: bool = Field(
        default=True,
        description="Search a Chinese question with an English word-by-word gloss of it "
        "(CC-CEDICT) when the model reads no Chinese; off: such questions get a reply "
        "saying which languages the model reads.",
    )
    embedding_backend: Literal["auto", "onnx", "torch"] = Field(
        default="auto",
        description="auto: the index's ONNX export of the model when it holds one, else "
        "sentence-transformers (torch); onnx/torch force one.",
    )
    # One: a 16-token query is no faster on two (1.9 ms either way on a quiet machine,
    # benchmarks/embedding.py), and a second thread costs CPU. Measured on the shared
    # machine, 6 paired rounds of antqa serve under wrk (benchmarks/serving_floor.py
    # --before): two threads gave a p50 at one client 4-22 % lower in 5 rounds of 6 and
    # more requests/s at 16 clients, but 2-6 % more CPU per request, and in process the
    # same p50 as one: the gains were a larger share of cores other jobs were using.
    embedding_threads: int = Field(
        default=1,
        ge=1,
        le=64,
        description="onnxruntime intra-op threads per query embedding.",
    )

    # --- answering --------------------------------------------------------------------
    top_k: int = Field(default=5, ge=1, le=20, description="Citations returned per answer.")
    max_answer_chars: int = Field(default=MAX_ANSWER_CHARS, ge=100, le=2000)
    max_question_chars: int = Field(default=1000, ge=10, le=100_000)

    # --- conversations ----------------------------------------------------------------
    conversation_max_turns: int = Field(default=8, ge=1)
    conversation_ttl_seconds: float = Field(default=3600.0, gt=0)
    max_conversations: int = Field(default=10_000, ge=1)
    conversation_store: Literal["auto", "sqlite", "redis", "memory"] = Field(
        default="auto",
        description="Where conversations live. auto: Redis when ANTQA_REDIS_URL is set, else "
        "SQLite under ANTQA_STATE_DIR; memory: this process only (lost at restart).",
    )
    state_dir: Path = Field(
        default=PROJECT_ROOT / "var",
        description="Folder of the SQLite conversation store (conversations.sqlite3); the "
        "worker processes of one machine share it, and it survives restarts.",
    )
    redis_url: SecretStr | None = Field(
        default=None,
        description="redis://[:password@]host:port/db — conversations (and Discord threads) "
        "shared by replicas on several machines. One Redis, not a cluster.",
    )

    # --- adapters ---------------------------------------------------------------------
    api_key: SecretStr | None = Field(default=None, description="Bearer key for /ask, /metrics.")
    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("DISCORD_TOKEN", "ANTQA_DISCORD_TOKEN"),
        description="Discord bot token (DISCORD_TOKEN).",
    )
    discord_rate_limit: int = Field(
        default=5, ge=1, description="Questions one Discord user may ask per rate window."
    )
    discord_rate_window_seconds: float = Field(
        default=60.0, gt=0, description="The Discord per-user rate window."
    )
    discord_shard_count: int | None = Field(
        default=None,
        ge=1,
        description="Shards across all bot processes (discord.py AutoShardedClient); unset: "
        "one unsharded connection.",
    )
    discord_shard_ids: list[int] | None = Field(
        default=None,
        description="The shards this bot process runs, e.g. [0, 1]; unset: all of "
        "ANTQA_DISCORD_SHARD_COUNT.",
    )
    feedback_db: Path = Field(
        default=PROJECT_ROOT / "var" / "feedback.sqlite3",
        description="SQLite file where 👍/👎 votes on Discord answers are kept.",
    )

    # --- HTTP server --------------------------------------------------------------------
    max_body_bytes: int = Field(
        default=16_384,
        ge=1024,
        description="Larger request bodies are refused (413) before they are read whole.",
    )
    ask_workers: int = Field(
        default=2, ge=1, le=64, description="Questions answered at once (CPU-bound; ~1 per core)."
    )
    ask_max_pending: int = Field(
        default=32, ge=0, description="Questions allowed to wait for a worker; beyond: 503."
    )
    # A person asks a question every several seconds; 60 a minute leaves a script room
    # while one client can no longer keep the 2 workers busy alone, and a burst of 10 stays
    # well under what the workers plus their queue hold (ask_workers + ask_max_pending).
    ask_rate_per_minute: int = Field(
        default=60,
        ge=0,
        description="Questions one client (its API key, else its address) may ask per minute "
        "on POST /ask, sustained; beyond: 429. 0: no limit. Shared via ANTQA_REDIS_URL.",
    )
    ask_rate_burst: int = Field(
        default=10, ge=1, description="Questions a client may ask at once before the pace applies."
    )
    # This machine's own clients are the operator's: a health check, a benchmark, an
    # evaluation run, or a reverse proxy on the same host (uvicorn then reads the real client
    # from X-Forwarded-For, which is what gets limited). Limiting them would refuse the
    # operator's scripts, not protect the service from other people.
    ask_rate_exempt: list[IPvAnyNetwork] = Field(
        default_factory=lambda: list(LOOPBACK),
        description="Client networks the per-client limit does not apply to when clients are "
        "told apart by address (no API key); JSON list, e.g. '[]' to limit loopback too.",
    )
    shutdown_grace_seconds: int = Field(
        default=30, ge=1, description="On SIGTERM, how long in-flight requests may finish."
    )

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        """Shard ids only mean something against a count, and each must be below it."""
        ids, count = self.discord_shard_ids, self.discord_shard_count
        if ids is not None and count is None:
            raise ValueError("ANTQA_DISCORD_SHARD_IDS needs ANTQA_DISCORD_SHARD_COUNT")
        if ids is not None and count is not None and not all(0 <= i < count for i in ids):
            raise ValueError(f"every shard id must be between 0 and {count - 1}")
        return self

    @field_validator("api_key", "discord_token", "redis_url", mode="before")
    @classmethod
    def _blank_secret_is_unset(cls, value: object) -> object:
        """An empty ``ANTQA_API_KEY=`` means "no key", not "the empty key"."""
        if isinstance(value, str) and not value.strip():
            return None
        return value


def settings_problem(err: ValidationError) -> ConfigurationError:
    """What :class:`Settings` refused, as one line naming the variables (never their values:
    one of them may be a secret)."""
    parts = []
    for error in err.errors(include_input=False, include_url=False):
        if not error["loc"]:  # a rule across fields names its variables itself
            parts.append(str(error["msg"]).removeprefix("Value error, "))
            continue
        field = str(error["loc"][0])
        variable = field if field.isupper() else f"ANTQA_{field.upper()}"
        parts.append(f"{variable}: {error['msg']}")
    return ConfigurationError(f"{'; '.join(parts)} — fix or unset it")
