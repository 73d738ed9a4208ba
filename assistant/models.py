"""The small typed records that flow through the pipeline: documents in, answers out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_hash(text: str) -> str:
    """Stable short hash of a text, used to skip unchanged documents and chunks."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or heading of a cleaned document."""

    text: str
    kind: str  # "heading" | "paragraph" | "item"
    page: int | None = None


@dataclass
class Document:
    """A loaded, cleaned document: its id is the file name."""

    doc_id: str
    title: str
    blocks: list[Block]
    source_hash: str
    metadata: dict[str, str] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage of a document, with everything needed to cite it."""

    doc_id: str
    title: str
    text: str
    position: int
    section: str = ""
    page: int | None = None
    # the lines of its text that are headings (a section opens inside it): the text shows them as paragraphs, and
    # a heading that asks ("Hoe werkt SBIR?") reads like a sentence
    headings: tuple[str, ...] = ()

    @property
    def chunk_id(self) -> str:
        return f"{self.doc_id}#{self.position}"

    @property
    def hash(self) -> str:
        return content_hash(self.index_text)

    @property
    def source_label(self) -> str:
        """How a source is named to the user: title (page, section)."""
        return source_label(self.title, self.page, self.section)

    def section_at(self, offset: int) -> str:
        """The section the text at `offset` is in: the headings of the last section that opens inside the passage
        before it (at most two, as `section` has), else the section the passage opens in."""
        section, run, position = self.section, [], 0
        for paragraph in self.text.split("\n\n"):
            if position > offset:
                break
            if paragraph in self.headings:
                run.append(paragraph)
                section = " › ".join(run[-2:])
            else:
                run = []
            position += len(paragraph) + 2
        return section

    @property
    def index_text(self) -> str:
        """What is embedded and indexed: the passage with its document and section title for context."""
        heading = " — ".join(part for part in (self.title, self.section) if part)
        return f"{heading}\n{self.text}" if heading else self.text


QUESTION_TERMS_WEIGHT = 0.15
RANK_PENALTY = 0.015
ASKING_PENALTY = 0.03  # a sentence that asks a question ("Wat doe je dan?") answers none
NAMES_PENALTY = 0.05  # a run of names (a member list) answers who-questions only, yet resembles any question naming PIANOo
# a sentence about the document itself ("Deze handreiking licht de stappen toe …") resembles every question on its
# subject, yet answers none but a question about the document
ABOUT_DOCUMENT_PENALTY = 0.03
FURTHER_READING_PENALTY = NAMES_PENALTY  # the title of a publication to read answers a question asking what to read
# a question naming a place or an organisation ("Welke organisatie in Duitsland …?") is answered by a sentence naming
# it, not by one that resembles the rest of the question more (chosen on the four question sets: from 0.04 to 0.1
# it gains probe p15, from 0.08 check c09 too, and 0.15 loses on dev)
ASKED_NAME_BONUS = 0.08
NAMED_BEFORE_SHARE = 0.5  # ... and this share of it to a sentence after one naming it in the same section


@dataclass(frozen=True)
class SentenceScore:
    """A sentence or list item of a passage, scored against the question."""

    text: str
    position: int  # index within the passage
    dense: float  # similarity of its sentence window (stored at ingest) to the question, and to its topic-free form
    lexical: float  # share of the question's terms it contains
    names_only: bool = False  # a run of names, scored for a question that does not ask who
    about_document: bool = False  # says what the document does, scored for a question not about the document
    heading: bool = False  # a heading of the passage, not a sentence
    names_asked: bool = False  # says a rare name the question asks about (a place, an organisation)
    named_before: bool = False  # follows a sentence of its section that says such a name
    further_reading: bool = False  # a title in a list of further reading, scored for a question not asking for it
    # its window's similarity to the question alone: the topic-free blend in `dense` moves with which passages were
    # found, so the refusal's floor compares this
    question_similarity: float = 0.0

    def strength(self, rank: int) -> float:
        """How well it answers, for a passage at `rank` (0 = best): a sentence in a higher-ranked passage
        wins a near tie, and one that asks a question (often the question itself, as the document poses it; not a
        heading that asks, which opens its answer) or only names people loses one. The weights were tuned on the
        dev set (reports/ideas.md)."""
        asking = ASKING_PENALTY if "?" in self.text and not self.heading else 0.0
        names = NAMES_PENALTY if self.names_only else 0.0
        meta = ABOUT_DOCUMENT_PENALTY if self.about_document else 0.0
        named = ASKED_NAME_BONUS * (1.0 if self.names_asked else NAMED_BEFORE_SHARE if self.named_before else 0.0)
        reading = FURTHER_READING_PENALTY if self.further_reading else 0.0
        return (self.dense + QUESTION_TERMS_WEIGHT * self.lexical - RANK_PENALTY * rank - asking - names - meta + named
                - reading)


@dataclass(frozen=True)
class Hit:
    """A chunk found for a question, with the retriever's score (higher is better)."""

    chunk: Chunk
    score: float
    parts: tuple[str, ...] = ()  # ids of the chunks the passage is made of (small-to-big)
    sentences: tuple[SentenceScore, ...] | None = None  # scored when the passage was re-ranked


@dataclass(frozen=True)
class Citation:
    """Source [n] of an answer: the passage and the sentences the answer took from it."""

    n: int
    chunk: Chunk
    sentences: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        """The section of the quoted sentences, which may open inside the passage ("Stap 2" in a passage that
        opens in "Stap 1")."""
        first = min((i for i in (self.chunk.text.find(s) for s in self.sentences) if i >= 0), default=0)
        return self.chunk.section_at(first)

    @property
    def source_label(self) -> str:
        return source_label(self.chunk.title, self.chunk.page, self.section)


@dataclass
class Answer:
    """What the assistant says, with its sources and the passages it saw."""

    question: str
    text: str
    citations: list[Citation]
    retrieved: list[Hit]
    refused: bool = False
    resolved_question: str | None = None
    searched_also: tuple[str, ...] = ()  # the documents' words the question was also searched with
    searched_in: tuple[str, ...] = ()  # the titles of the documents the question named as its source, searched alone
    notice: str | None = None
    latency_ms: float = 0.0


def source_label(title: str, page: int | None, section: str) -> str:
    """How a source is named to the user: title (page, section)."""
    where = ", ".join(part for part in (f"p. {page}" if page else "", section) if part)
    return f"{title} ({where})" if where else title


def summarise_documents(chunks: list[Chunk]) -> dict[str, tuple[str, int]]:
    """Documents by id: their title and how many chunks they have, sorted by id."""
    summary: dict[str, tuple[str, int]] = {}
    for chunk in chunks:
        title, count = summary.get(chunk.doc_id, (chunk.title, 0))
        summary[chunk.doc_id] = (title, count + 1)
    return dict(sorted(summary.items()))
