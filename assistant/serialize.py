"""The JSON shape of an answer, shared by `ask --json`, the evaluation results and the app's feedback log."""

from __future__ import annotations

from typing import Any

from .models import Answer, Chunk


def _source(chunk: Chunk) -> dict[str, Any]:
    return {"doc": chunk.doc_id, "title": chunk.title, "page": chunk.page, "section": chunk.section, "text": chunk.text}


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """`{question, resolved_question, searched_also, searched_in, answer, refused, notice, citations[{n, doc, title, page,
    section, text, sentences}], retrieved[...], latency_ms}`."""
    return {
        "question": answer.question,
        "resolved_question": answer.resolved_question,
        "searched_also": list(answer.searched_also),
        "searched_in": list(answer.searched_in),
        "answer": answer.text,
        "refused": answer.refused,
        "notice": answer.notice,
        "citations": [
            {"n": c.n, **_source(c.chunk), "section": c.section, "sentences": list(c.sentences)} for c in answer.citations
        ],
        "retrieved": [{**_source(h.chunk), "score": round(h.score, 4)} for h in answer.retrieved],
        "latency_ms": round(answer.latency_ms, 1),
    }
