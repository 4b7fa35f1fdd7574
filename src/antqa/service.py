"""``QAService``: the one entry point every adapter (CLI, HTTP, Discord) calls.

It owns the loaded index with what serves it (embedder, retriever, answerer) and the
conversation store, validates questions, and turns a question (plus its conversation) into
an :class:`~antqa.models.Answer`. It is the composition root: it chooses the embedder.

:meth:`QAService.reload` loads the index again, checks it and swaps it in atomically:
a question takes the served index once, when it starts, so questions in flight finish on
the old one, and a bad new index is refused while the old keeps serving.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from dataclasses import dataclass

from antqa.answering import Answerer, AnswerPolicy
from antqa.config import Settings
from antqa.conversation import Turn, plan_search
from antqa.embedding import Embedder, vectors_id
from antqa.embedding.onnx_backend import OnnxEmbedder
from antqa.embedding.torch_backend import SentenceTransformerEmbedder
from antqa.errors import IndexMismatch, InvalidConversationId, InvalidQuestion
from antqa.glossing import ChineseGlosser
from antqa.index import ArticleIndex, load_index
from antqa.languages import CHINESE, language_reply, model_languages, unsupported_language
from antqa.models import Answer
from antqa.questions import months_spelled_out, without_writer_frame
from antqa.retrieval import Retriever
from antqa.state import ConversationStore, new_conversation_id, open_store
from antqa.workers import WorkerPool

MAX_CONVERSATION_ID_CHARS = 128
#: What a conversation id may be; the HTTP API publishes the same pattern in its schema.
CONVERSATION_ID_PATTERN = rf"^[A-Za-z0-9_.:@-]{{1,{MAX_CONVERSATION_ID_CHARS}}}$"
_CONVERSATION_ID = re.compile(CONVERSATION_ID_PATTERN)
#: The ASCII control characters (category Cc), each to a space: what cleaning does to ASCII.
_ASCII_CONTROLS = {code: " " for code in (*range(0x20), 0x7F)}
#: The notice on an answer to a follow-up whose conversation the server does not have.
CONTEXT_LOST = (
    "That conversation is not available any more (unknown, expired or lost), so this was "
    "answered as a new question without the earlier context — if it misses what you meant, "
    "ask the full question again. Use the new conversation_id from here on."
)


#: The notice on an answer to a Chinese question the English-only model cannot read: it was
#: searched with an English gloss (:mod:`antqa.glossing`), which the asker should see.
GLOSSED = (
    "Asked in Chinese: the article and the model are English, so the question was searched "
    'with a word-by-word English gloss of it (CC-CEDICT): "{gloss}". Check the quotes '
    "against what you meant."
)


def clean_question(question: object, max_chars: int) -> str:
    """The question with control characters removed, or :class:`InvalidQuestion`."""
    if not isinstance(question, str):
        raise InvalidQuestion(f"the question must be text, not {type(question).__name__}")
    if question.isascii():  # most questions: only control characters to replace, no lookups
        cleaned = question.translate(_ASCII_CONTROLS)
    else:
        cleaned = "".join(
            " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
            for ch in question
            if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn") or ch in "\u200d"
        )
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    if not cleaned:
        raise InvalidQuestion("the question is empty — ask something about the article")
    if len(cleaned) > max_chars:
        raise InvalidQuestion(
            f"the question is {len(cleaned)} characters long; the limit is {max_chars} — shorten it"
        )
    return cleaned


def check_conversation_id(conversation_id: object) -> str | None:
    """``None`` or a safe conversation id, else :class:`InvalidConversationId`."""
    if conversation_id is None:
        return None
    if not isinstance(conversation_id, str) or not _CONVERSATION_ID.fullmatch(conversation_id):
        raise InvalidConversationId(
            f"conversation_id must be 1–{MAX_CONVERSATION_ID_CHARS} ASCII letters, digits or "
            "'.:@_-' — use the id a previous answer returned, or omit it"
        )
    return conversation_id


def choose_embedder(
    settings: Settings, index: ArticleIndex, current: Embedder | None = None
) -> Embedder:
    """The embedder that serves ``index``: its ONNX export when it holds one, else torch.

    ``ANTQA_EMBEDDING_BACKEND`` forces one: ``torch`` always works (any model, with the
    ``[export]`` extra), ``onnx`` requires the index to hold an export of the model.
    ``current`` (the embedder serving now) is kept when it computed the index's vectors,
    so a reload after an article edit does not load the model again.
    """
    if current is not None and vectors_id(current) == index.manifest.vectors_id:
        return current
    export = index.manifest.onnx
    backend = settings.embedding_backend
    if backend == "torch" or (backend == "auto" and export is None):
        chosen: Embedder = SentenceTransformerEmbedder(settings.model)
    elif export is None:
        raise IndexMismatch(
            f"ANTQA_EMBEDDING_BACKEND=onnx but the index at {index.path} holds no ONNX export "
            f"of {index.manifest.model!r} — run antqa build-index, or unset "
            "ANTQA_EMBEDDING_BACKEND"
        )
    else:
        chosen = OnnxEmbedder(index.path, export, index.manifest.model, settings.embedding_threads)
    if current is not None and vectors_id(current) == vectors_id(chosen):
        return current  # the same model, loaded already (torch forced over ONNX vectors)
    return chosen


def load_configured_index(settings: Settings) -> ArticleIndex:
    """The index ``settings`` point at, verified against their model and article."""
    return load_index(
        settings.index_dir, expected_model=settings.model, expected_source=settings.source
    )


@dataclass(frozen=True)
class Serving:
    """One loaded index and what serves it; replaced whole by :meth:`QAService.reload`."""

    index: ArticleIndex
    embedder: Embedder
    retriever: Retriever
    answerer: Answerer

    @classmethod
    def over(cls, index: ArticleIndex, embedder: Embedder, settings: Settings) -> Serving:
        retriever = Retriever(index, embedder)
        policy = AnswerPolicy(max_answer_chars=settings.max_answer_chars)
        return cls(index, embedder, retriever, Answerer(retriever, policy))

    def check(self) -> None:
        """Embed once (loading the model, warming its buffers) and check the dimension."""
        dim = int(self.embedder.embed(["warm-up"]).shape[1])
        if dim != self.index.manifest.dim:
            raise IndexMismatch(
                f"the model {self.embedder.name!r} makes {dim}-dimensional vectors but the "
                f"index at {self.index.path} holds {self.index.manifest.dim} — "
                "run antqa build-index"
            )


class QAService:
    """Answers questions about the indexed article, following conversations."""

    def __init__(
        self,
        index: ArticleIndex,
        embedder: Embedder,
        settings: Settings | None = None,
        conversations: ConversationStore | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._serving = Serving.over(index, embedder, self.settings)
        self.languages = model_languages(embedder.name, self.settings.model_languages)
        #: Glosses Chinese questions for an English-only model (its dictionary loads on the
        #: first one); ``None`` when turned off.
        self.glosser = ChineseGlosser() if self.settings.gloss_chinese else None
        self._reload_lock = threading.Lock()
        if conversations is None:  # not `or`: an empty store has length 0, so it is falsy
            conversations = open_store(self.settings)
        self.conversations: ConversationStore = conversations
        #: The one bounded pool every async adapter in the process runs ``ask`` on (the
        #: HTTP app and the Discord bot share it); closed by :meth:`close`.
        self.workers = WorkerPool(self.settings.ask_workers, self.settings.ask_max_pending)
        self._warm_lock = threading.Lock()
        self._warm = False

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> QAService:
        """Load and verify the configured index; the model loads on :meth:`warm_up` or first use.

        The embedder is the index's ONNX export of the model when it holds one (no torch
        import), else sentence-transformers; ``ANTQA_EMBEDDING_BACKEND`` forces either.
        """
        settings = settings or Settings()
        index = load_configured_index(settings)
        return cls(index, choose_embedder(settings, index), settings)

    def close(self) -> None:
        """Let the questions already admitted to :attr:`workers` finish, then stop its threads
        and release the conversation store's connections."""
        self.workers.close()
        self.conversations.close()

    @property
    def index(self) -> ArticleIndex:
        """The index served now (a question in flight keeps the one it started with)."""
        return self._serving.index

    @property
    def embedder(self) -> Embedder:
        return self._serving.embedder

    @property
    def retriever(self) -> Retriever:
        return self._serving.retriever

    @property
    def answerer(self) -> Answerer:
        return self._serving.answerer

    @property
    def model_name(self) -> str:
        return self.embedder.name

    def warm_up(self) -> None:
        """Load the model now (one real embedding: it also warms the runtime's buffers)
        and check that it matches the index's dimension."""
        with self._warm_lock:
            if self._warm:
                return
            self._serving.check()
            self._warm = True

    def reload(self) -> ArticleIndex:
        """Load the configured index again, check it, and swap it in atomically.

        Raises the :class:`~antqa.errors.IndexProblem` (or model error) of a bad new index;
        the old one then keeps serving. Reloads run one at a time.
        """
        with self._reload_lock:
            settings = self.settings
            index = load_configured_index(settings)
            serving = Serving.over(index, choose_embedder(settings, index, self.embedder), settings)
            serving.check()
            self._serving = serving  # one reference assignment: atomic for every thread
            return index

    def ask(
        self, question: str, conversation_id: str | None = None, *, history_shown: bool = True
    ) -> Answer:
        """Answer ``question``; pass the returned ``conversation_id`` back for follow-ups.

        Ids are the server's: an id it does not know (never issued, expired, lost) is not
        adopted; the question is answered as a new one under a fresh id, with a notice —
        unless ``history_shown`` is False: an asker who sees no earlier turns (a new Discord
        thread) loses nothing they know of, so the notice would only puzzle them.
        Safe from several threads and processes; questions in one conversation take turns.
        """
        question = clean_question(question, self.settings.max_question_chars)
        conversation_id = check_conversation_id(conversation_id)
        if conversation_id is None:  # a new conversation: nobody else can know its id yet
            return self._ask(question, None, history_shown)
        with self.conversations.exclusive(conversation_id):
            return self._ask(question, conversation_id, history_shown)

    def ask_at(self, place: str, question: str, *, history_shown: bool = True) -> Answer:
        """Answer ``question`` in the conversation that happens at ``place``.

        For adapters whose conversations belong to a place rather than to an id the asker
        keeps (a Discord thread): the store maps the place to the conversation's id, so a
        follow-up there continues it after a restart, on any process.
        """
        with self.conversations.exclusive(f"place:{place}"):
            alias = self.conversations.alias(place)
            answer = self.ask(question, alias, history_shown=history_shown)
            self.conversations.bind(place, answer.conversation_id)
        return answer

    def _ask(self, question: str, conversation_id: str | None, history_shown: bool) -> Answer:
        """:meth:`ask` for a clean question, its conversation held."""
        self.warm_up()
        serving = self._serving  # this question's index, even if a reload swaps it meanwhile
        article = serving.index.manifest.source_sha256
        known = None if conversation_id is None else self.conversations.history(conversation_id)
        lost = known is None and conversation_id is not None and history_shown
        if known is None or conversation_id is None:
            conversation_id = new_conversation_id()
        history = [_anchored_in(turn, article) for turn in known or []]
        searched, language, gloss = self._reading(question, serving.index.article)
        searched = without_writer_frame(months_spelled_out(searched))
        searched = serving.retriever.lexicon.respelt(searched)
        plan = plan_search(searched, history)
        scores = serving.retriever.score(plan)
        hits = serving.retriever.select(scores, self.settings.top_k)
        if language is not None:
            reply = language_reply(language, self.model_name, self.languages)
            answer = serving.answerer.refusal(
                reply, hits, conversation_id=conversation_id, model=self.model_name
            )
            quoted: tuple[int, ...] = ()
            said, about, when, thing = answer.answer, "", "", ""
        else:
            answer, composition = serving.answerer.answer(
                plan, hits, scores, conversation_id=conversation_id, model=self.model_name
            )
            quoted, said = composition.sentence_ids, composition.text
            # a follow-up naming no one new is still about the person before ("Who led
            # the strike?", "What did he demand?", "When was he born?")
            about = composition.about or plan.about
            when = composition.when or plan.when  # "then" stays the time asked before
            thing = composition.thing
        self.conversations.record(
            conversation_id,
            Turn(
                # what an elliptical follow-up stood for ("and in 1921?": the question before
                # at 1921), so that the next one ("and in 1925?") stands for it again
                question=question if plan.question == searched else plan.question,
                query=plan.query,
                answer=said,
                sentence_ids=quoted,
                article_sha256=article,
                about=about,
                when=when,
                thing=thing,
            ),
        )
        notices = [GLOSSED.format(gloss=gloss)] if gloss is not None else []
        if lost:
            notices.append(CONTEXT_LOST)
        if notices:
            answer = answer.model_copy(update={"notice": " ".join(notices)})
        return answer

    def _reading(self, question: str, article: str) -> tuple[str, str | None, str | None]:
        """What to search for ``question``: the text, the language the model cannot read it
        in (None when it can), and the English gloss searched in its place (if any).

        A Chinese question is searched through its gloss when glossing is on and finds
        words; any other language the model lacks is answered with the language reply.
        """
        language = unsupported_language(question, self.languages)
        if language == CHINESE and self.glosser is not None:
            gloss = self.glosser.gloss(question, article)
            if gloss.glossed and gloss.text:
                return gloss.text, None, gloss.text
        return question, language, None


def _anchored_in(turn: Turn, article_sha256: str) -> Turn:
    """``turn``, without its sentence anchors if they point into another article's index
    (a reload replaced it): a follow-up then searches afresh rather than be misled."""
    if turn.article_sha256 == article_sha256:
        return turn
    return dataclasses.replace(turn, sentence_ids=())
