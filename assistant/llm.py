"""Optional LLM answers through LangChain: Ollama or any OpenAI-compatible server.

The LLM may only use the numbered passages and must cite them as [n]. Afterwards every citation is
checked: one that points to no passage is removed and flagged, and an answer without a valid citation
falls back to the extractive answer. A server that is down or slow never hangs the assistant.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from .answering import ExtractiveAnswerer, evidence_similarity
from .chunking import sentence_units
from .models import Answer, Citation, Hit
from .settings import Settings

log = logging.getLogger(__name__)

PASSAGES_IN_PROMPT = 5
SYSTEM_PROMPT = (
    "Je bent PIANOo-assistent, een assistent voor inkopers bij de overheid. Beantwoord de vraag in het "
    "Nederlands, kort en zakelijk, uitsluitend op basis van de genummerde passages. Zet achter elke zin de "
    "bron als [n], het nummer van de passage. Staat het antwoord niet in de passages, zeg dan dat de "
    "documenten hier geen antwoord op geven. Verzin niets."
)
CITATION = re.compile(r"\[(\d{1,2})\]")
UNREACHABLE = "Het taalmodel is niet bereikbaar of reageerde te traag; hieronder het antwoord zonder taalmodel."
NO_VALID_CITATION = "Het taalmodel gaf geen antwoord met geldige bronvermelding; hieronder het antwoord zonder taalmodel."


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The configured chat model, with a timeout and without retries (a fallback beats waiting)."""
    if settings.llm_provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=settings.llm_model,
            base_url=settings.llm_base_url or "http://127.0.0.1:11434",
            temperature=0,
            client_kwargs={"timeout": settings.llm_timeout_s},
        )
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key,  # type: ignore[arg-type]
        temperature=0,
        timeout=settings.llm_timeout_s,
        max_retries=0,
    )


def prompt_messages(question: str, hits: list[Hit]) -> list[SystemMessage | HumanMessage]:
    passages = "\n\n".join(
        f"[{n}] {hit.chunk.title} — {hit.chunk.section}\n{hit.chunk.text}" for n, hit in enumerate(hits, start=1)
    )
    return [SystemMessage(SYSTEM_PROMPT), HumanMessage(f"Passages:\n\n{passages}\n\nVraag: {question}")]


@dataclass
class LLMAnswerer:
    """Generates an answer with an LLM and checks its citations; falls back to the extractive answerer."""

    settings: Settings
    fallback: ExtractiveAnswerer
    model: BaseChatModel | None = None

    def __post_init__(self) -> None:
        self.model = self.model or build_chat_model(self.settings)

    def stream(self, question: str, hits: list[Hit]) -> Iterator[str]:
        """The raw text as the LLM writes it."""
        assert self.model is not None
        for piece in self.model.stream(prompt_messages(question, hits[:PASSAGES_IN_PROMPT])):
            if isinstance(piece.content, str) and piece.content:
                yield piece.content

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        try:
            text = "".join(self.stream(question, hits))
        except Exception as exc:  # noqa: BLE001 (refused, timed out, HTTP error: all mean "use the fallback")
            log.warning("LLM unavailable: %s", exc)
            return self._fallback(question, hits, UNREACHABLE)
        answer = self.checked(question, hits, text)
        # the model is asked to say when the passages do not answer, but may not: the same caution as without it
        return answer if answer.notice else self.fallback.cautioned(
            answer, evidence_similarity(self.fallback.scored(question, hits))
        )

    def checked(self, question: str, hits: list[Hit], text: str) -> Answer:
        """Keep only citations of passages that were in the prompt; without any, fall back."""
        shown = hits[:PASSAGES_IN_PROMPT]
        invalid = sorted({int(n) for n in CITATION.findall(text) if not 1 <= int(n) <= len(shown)})
        text = CITATION.sub(lambda m: m.group(0) if 1 <= int(m.group(1)) <= len(shown) else "", text).strip()
        cited = sorted({int(n) for n in CITATION.findall(text)})
        if not cited:
            return self._fallback(question, hits, NO_VALID_CITATION)
        citations = [Citation(n=n, chunk=shown[n - 1].chunk, sentences=_cited_sentences(text, n, shown[n - 1]))
                     for n in cited]
        notice = (
            f"Verwijderd: bronverwijzing(en) {', '.join(f'[{n}]' for n in invalid)} naar een niet-bestaande passage."
            if invalid else None
        )
        return Answer(question=question, text=re.sub(r" {2,}", " ", text), citations=citations, retrieved=hits,
                      notice=notice)

    def _fallback(self, question: str, hits: list[Hit], notice: str) -> Answer:
        answer = self.fallback.answer(question, hits)
        answer.notice = notice
        return answer


def _cited_sentences(text: str, n: int, hit: Hit) -> tuple[str, ...]:
    """Passage sentences that share most words with the answer sentences citing [n] (for highlighting)."""
    citing = [s for s in re.split(r"(?<=[.!?])\s+", text) if f"[{n}]" in s]
    words = set(re.findall(r"\w{4,}", " ".join(citing).lower()))
    ranked = sorted(sentence_units(hit.chunk.text), key=lambda u: -len(words & set(re.findall(r"\w{4,}", u.lower()))))
    return tuple(u.removeprefix("- ") for u in ranked[:2])
