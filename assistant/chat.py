"""What the chat page needs besides Streamlit: safe rendering, the Markdown export, uploads and feedback.

Kept out of `app.py` so it is plain, testable Python; the page only lays things out.
"""

from __future__ import annotations

import json
import re
import threading
import time
import unicodedata
from pathlib import Path

from .loading import SUPPORTED_SUFFIXES
from .models import Answer
from .serialize import answer_to_dict

EXAMPLE_QUESTIONS = (
    "Welke stappen zijn er bij een innovatiepartnerschap?",
    "Waarom zou een leverancier bij een innovatiepartnerschap eerder willen investeren?",
    "Welke knelpunten met budgetten remmen innovatiegericht inkopen af?",
    "Hoe voorkom ik dat we na een innovatietraject vastzitten aan één leverancier?",
    "Wat zijn de stappen in het stappenplan voor digitale innovaties?",
)
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|<>$:~^=-])")
_feedback_lock = threading.Lock()


def safe_markdown(text: str) -> str:
    """Document text shown as text: every Markdown, HTML and directive character is escaped, so a
    `<script>` or a `[link](...)` inside a document never becomes live. Line breaks and "- " list items
    keep their shape; a line after a list starts a paragraph, not the last item's continuation."""
    shown = ""
    after_item = False
    for line in text.splitlines():
        item = line.startswith("- ")
        body = MARKDOWN_SPECIALS.sub(r"\\\1", line[2:] if item else line)
        body = re.sub(r"^(\d+)([.)])", r"\1\\\2", body)  # "1. Fase" is a heading, not an ordered list
        if shown:
            shown += "\n\n" if after_item and not item and line else "  \n"
        shown += f"- {body}" if item else body
        after_item = item
    return shown.replace("  \n  \n", "\n\n")


def highlight(passage: str, sentences: tuple[str, ...]) -> str:
    """The passage as safe Markdown with the cited sentences highlighted."""
    marked = safe_markdown(passage)
    for sentence in sorted(set(sentences), key=len, reverse=True):
        escaped = safe_markdown(sentence)
        if escaped and escaped in marked:
            marked = marked.replace(escaped, f":orange-background[{escaped}]", 1)
    return marked


def conversation_markdown(answers: list[Answer]) -> str:
    """The conversation with its sources, for download."""
    parts = ["# Gesprek met PIANOo-assistent", ""]
    for answer in answers:
        parts += [f"## Vraag: {answer.question}", ""]
        if answer.resolved_question:
            parts += [f"*Opgevat als: {answer.resolved_question}*", ""]
        if answer.searched_in:
            parts += [f"*Alleen gezocht in: {'; '.join(answer.searched_in)}*", ""]
        parts += [answer.text, ""]
        if answer.citations:
            parts += ["**Bronnen**", ""]
            for c in answer.citations:
                parts += [f"[{c.n}] {c.source_label}", "", *[f"> {line}" for line in c.chunk.text.splitlines()], ""]
    return "\n".join(parts)


def safe_upload_name(name: str) -> str:
    """A file name that is only a name: no folders, no odd characters, a supported extension kept."""
    base = Path(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem, dot, suffix = base.rpartition(".")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem if dot else base).strip("-.")[:80] or "document"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix)[:10].lower() if dot else ""
    return f"{stem}.{suffix}" if suffix else stem


def save_upload(name: str, data: bytes, folder: Path) -> Path:
    """Store an uploaded file under the uploads folder with a safe name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_upload_name(name)
    path.write_bytes(data)
    return path


def is_supported(name: str) -> bool:
    return Path(safe_upload_name(name)).suffix in SUPPORTED_SUFFIXES


def append_feedback(path: Path, answer: Answer, rating: str, comment: str = "") -> None:
    """Append one feedback line (question, answer, citations, rating, comment) to a JSONL file."""
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "rating": rating, "comment": comment.strip(),
              **answer_to_dict(answer)}
    record.pop("retrieved", None)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _feedback_lock, path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
