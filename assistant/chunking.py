"""Structure-aware chunking: split on headings and paragraphs first, never mid-sentence."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .models import Block, Chunk, Document
from .sentences import split_sentences

MIN_CHUNK_WORDS = 8  # fewer words make no passage of their own


@dataclass
class _Draft:
    lines: list[str] = field(default_factory=list)
    words: int = 0
    page: int | None = None
    section: str = ""
    headings: list[str] = field(default_factory=list)

    def add(self, line: str, page: int | None) -> None:
        if self.page is None and page is not None:
            self.page = page
        self.lines.append(line)
        self.words += len(line.split())


def chunk_document(document: Document, chunk_words: int, overlap_words: int) -> list[Chunk]:
    """Cut a document into passages of about `chunk_words` words that carry their section and page."""
    chunks: list[Chunk] = []
    draft = _Draft()
    section = ""
    pending_headings: list[str] = []

    def flush(carry: bool) -> None:
        nonlocal draft
        text = _render(draft.lines)
        if text and (draft.words >= MIN_CHUNK_WORDS or not chunks):
            chunks.append(Chunk(document.doc_id, document.title, text, len(chunks), section=draft.section,
                                page=draft.page, headings=tuple(draft.headings)))
        elif text:  # a few words at the end ("Contact: info@pianoo.nl") join the passage before, not to be lost
            chunks[-1] = _with_tail(chunks[-1], draft)
        overlap = _tail_sentences(draft.lines, overlap_words) if carry else []
        draft = _Draft(section=section)
        for line in overlap:
            draft.add(line, None)

    for block in document.blocks:
        if block.kind == "heading":
            pending_headings.append(block.text)
            continue
        if pending_headings:
            section = " › ".join(pending_headings[-2:])
            if draft.words >= chunk_words * 0.4:
                flush(carry=False)
            draft.section = draft.section or section
            if draft.lines:  # the section starts inside this chunk: its headings are part of the text
                for heading in pending_headings[-2:]:
                    draft.add(f"## {heading}", block.page)
                    draft.headings.append(heading)
            pending_headings = []
        for piece in _pieces(block, chunk_words):
            piece_words = len(piece.split())
            if draft.words and draft.words + piece_words > chunk_words:
                flush(carry=True)
            if not draft.section:
                draft.section = section
            draft.add(piece, block.page)
    flush(carry=False)
    return chunks


def _with_tail(chunk: Chunk, tail: _Draft) -> Chunk:
    """`chunk` with the short text after it, under the heading of the section it opened, if any (a passage holds
    the headings that open inside it as lines of its text)."""
    opened = [] if tail.headings or tail.section == chunk.section else tail.section.split(" › ")[-1:]
    text = _render([f"## {heading}" for heading in opened] + tail.lines)
    return dataclasses.replace(chunk, text=f"{chunk.text}\n\n{text}", headings=(*chunk.headings, *opened, *tail.headings))


def _pieces(block: Block, chunk_words: int) -> list[str]:
    """A block as one piece, or split at sentence boundaries when it is longer than a chunk."""
    prefix = "- " if block.kind == "item" else ""
    if len(block.text.split()) <= chunk_words:
        return [prefix + block.text]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in split_sentences(block.text):
        if current and len(" ".join(current + [sentence]).split()) > chunk_words:
            pieces.append(prefix + " ".join(current))
            prefix = ""
            current = []
        current.append(sentence)
    if current:
        pieces.append(prefix + " ".join(current))
    return pieces


def _tail_sentences(lines: list[str], overlap_words: int) -> list[str]:
    """The last whole sentences of a chunk, at most `overlap_words` words, to open the next chunk."""
    if not lines or overlap_words == 0 or lines[-1].startswith("## "):
        return []
    tail: list[str] = []
    for sentence in reversed(split_sentences(lines[-1].removeprefix("- "))):
        if len(" ".join([sentence] + tail).split()) > overlap_words:
            break
        tail.insert(0, sentence)
    return [" ".join(tail)] if tail else []


def _render(lines: list[str]) -> str:
    """Paragraphs separated by blank lines; consecutive list items stay together as a list."""
    out: list[str] = []
    for line in lines:
        if out and line.startswith("- ") and out[-1].startswith("- "):
            out[-1] += "\n" + line
        else:
            out.append(line.removeprefix("## "))
    return "\n\n".join(out).strip()


CREDITED_SOURCE = re.compile(r"^Ref\.\s+[^;:]{1,80}?[;:]\s+")  # "Ref. van Weele, A. J.; ", "Ref. Keough: "


def sentence_units(text: str) -> list[str]:
    """The sentences and list items of a passage, in order: what answers are composed from."""
    units: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if paragraph.startswith("- "):
            units.append(paragraph)
        else:
            units.extend(split_sentences(paragraph))
    return units


def heading_lines(chunk: Chunk) -> set[str]:
    """The lines of the chunk as shown (see `shown_text`) that are headings: those in its text and its section's."""
    return {*chunk.headings, *filter(None, chunk.section.split(" › "))}


def shown_text(chunk: Chunk, previous: Chunk | None) -> str:
    """The chunk's text as a reader is shown it: opened by its headings when it starts a section (headings
    live in the section metadata, not in the text). Every heading of its section path the previous chunk's path
    lacks is shown: a heading printed over two lines ("STAP 5: UITWERKEN VAN MOGELIJKE" / "UITKOMSTEN VAN HET
    ONTWIKKELTRAJECT") is two headings in the path, and its first line names the step."""
    headings = [h for h in opening_headings(chunk, previous) if not chunk.text.startswith(h)]
    return "\n\n".join([*headings, chunk.text])


def opening_headings(chunk: Chunk, previous: Chunk | None) -> list[str]:
    """The headings of the chunk's section path that the `previous` chunk's path lacks: the sections that open
    at the chunk's start."""
    before = previous.section.split(" › ") if previous is not None else []
    return [h for h in chunk.section.split(" › ") if h and h not in before]


def document_windows(chunks: list[Chunk]) -> list[tuple[str, int, str]]:
    """(chunk id, unit number, window) for every unit of a document's chunks as shown, headings included:
    each unit a reader sees gets a vector, so a heading such as "Beperkingen" can answer "nadelen"."""
    return [
        (chunk.chunk_id, unit, window)
        for previous, chunk in zip([None, *chunks], chunks)
        for unit, window in enumerate(unit_windows(sentence_units(shown_text(chunk, previous))))
    ]


def unit_windows(units: list[str], short_words: int = 25) -> list[str]:
    """What is embedded per unit: a short unit together with the next one, so it keeps some context; without the
    source a tip credits ("Ref. European Commission; Networking events are …"), whose names say nothing of what
    the sentence is about and pull its embedding away from a question about it."""
    windows = []
    for i, unit in enumerate(units):
        if len(unit.split()) < short_words and i + 1 < len(units):
            windows.append(f"{unit} {units[i + 1]}")
        else:
            windows.append(unit)
    return [CREDITED_SOURCE.sub("", window) for window in windows]
