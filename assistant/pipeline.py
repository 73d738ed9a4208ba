"""The whole pipeline, readable top to bottom: settings -> embedder -> store -> retriever -> answerer.

`Pipeline` builds each part once, lazily, and is shared by every command (the app keeps one per process).
`Pipeline.ask` is the single entry point the CLI, the evaluation and the app call for an answer.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .answering import ExtractiveAnswerer
from .conversation import Turn, resolve
from .embeddings import CachedEmbeddings, Embedder, build_embedder
from .indexing import IngestReport, ProgressFactory, index_documents
from .llm import LLMAnswerer
from .models import Answer
from .phrasing import without_source
from .retrieval import Mode, Retriever
from .settings import Settings
from .store import ChromaStore

NOT_A_QUESTION = "Ik begrijp deze vraag niet. Stel een vraag in gewone woorden, bijvoorbeeld over een aanbestedingsprocedure."


@dataclass
class Pipeline:
    """Everything a command needs, built lazily."""

    settings: Settings = field(default_factory=Settings)
    embedder_override: Embedder | None = None

    @cached_property
    def embedder(self) -> Embedder:
        inner = self.embedder_override or build_embedder(self.settings)
        return CachedEmbeddings(inner, self.settings.cache_dir)

    @cached_property
    def store(self) -> ChromaStore:
        return ChromaStore(self.settings, self.embedder.model_id, self.embedder.dim)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store, self.embedder, self.settings)

    @cached_property
    def answerer(self) -> ExtractiveAnswerer:
        return ExtractiveAnswerer(self.retriever, self.settings)

    @cached_property
    def llm_answerer(self) -> LLMAnswerer:
        return LLMAnswerer(self.settings, self.answerer)

    @property
    def llm_configured(self) -> bool:
        return bool(self.settings.llm_base_url) or self.settings.llm_provider == "ollama"

    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        doc_ids: list[str] | None = None,
        top_k: int | None = None,
        mode: Mode = "hybrid",
        answer_mode: str | None = None,
    ) -> Answer:
        """Answer a question (in the context of earlier turns), citing the passages it came from."""
        started = time.perf_counter()
        question = question.strip()
        problem = self._unanswerable_input(question)
        if problem:
            answer = Answer(question=question[:200], text=problem, citations=[], retrieved=[], refused=True)
        else:
            resolved = resolve(question, history or [])
            asked, named = self._with_source(resolved, doc_ids)
            doc_ids = list(named) if named else doc_ids
            hits = self.retriever.search(asked, k=max(top_k or self.settings.top_k, 10), doc_ids=doc_ids, mode=mode)
            use_llm = (answer_mode or self.settings.answer_mode) == "llm"
            answer = (self.llm_answerer if use_llm else self.answerer).answer(asked, hits)
            answer.question = question
            answer.resolved_question = resolved if resolved != question else None
            answer.searched_also = self.retriever.searched_also(asked)
            answer.searched_in = tuple(named.values()) if named else ()
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def _with_source(self, question: str, doc_ids: list[str] | None) -> tuple[str, dict[str, str] | None]:
        """The question without the document it names as its source, and the documents whose title names that
        source (id -> title), to be searched alone ("Welke knelpunten noemt de werkgroep?" in the work group's
        report). A source no title names stays in the question: "volgens PIANOo" may ask what someone of PIANOo says
        in a document. Documents the user chose (`doc_ids`) are searched as chosen."""
        asked, source = without_source(question)
        named = None if doc_ids else self.retriever.documents_named(source)
        return (asked, named) if named else (question, None)

    def _unanswerable_input(self, question: str) -> str | None:
        if len(question) > self.settings.max_question_chars:
            return (
                f"Uw vraag is te lang ({len(question):,} tekens). Stel een kortere vraag van hoogstens "
                f"{self.settings.max_question_chars:,} tekens.".replace(",", ".")
            )
        if not re.search(r"[^\W\d_]{2,}", question):  # no word at all: punctuation, digits, emoji
            return NOT_A_QUESTION
        return None

    def ingest(
        self,
        paths: list[Path],
        *,
        prune: bool = False,
        dry_run: bool = False,
        rebuild: bool = False,
        progress: ProgressFactory | None = None,
    ) -> IngestReport:
        """Bring the store in line with the given files and folders (see `index_documents`)."""
        if rebuild and not dry_run:
            ChromaStore.wipe(self.settings)
            for cached in ("store", "retriever", "answerer"):
                self.__dict__.pop(cached, None)  # reopen: they point at the dropped collection
        return index_documents(
            paths, self.store, self.embedder, self.settings, prune=prune, dry_run=dry_run, progress=progress
        )
