"""The optional LLM answerer against a fake OpenAI-compatible server on 127.0.0.1."""

import socket
import time
from pathlib import Path

from assistant.llm import NO_VALID_CITATION, UNREACHABLE, LLMAnswerer
from assistant.pipeline import Pipeline
from assistant.refusal import CAUTION

from .conftest import fake_settings
from .fake_llm import FakeLLM

QUESTION = "Kunnen nieuwe aanbieders later instappen?"


def llm_pipeline(pipeline: Pipeline, tmp_path: Path, base_url: str, timeout_s: float = 5.0) -> Pipeline:
    settings = fake_settings(tmp_path, answer_mode="llm", llm_base_url=base_url, llm_model="fake-model",
                             llm_timeout_s=timeout_s)
    return Pipeline(settings)


def test_good_citations_are_kept_and_the_prompt_holds_the_passages(pipeline: Pipeline, tmp_path: Path) -> None:
    with FakeLLM("Nee, nieuwe aanbieders kunnen niet later instappen [1].") as server:
        answer = llm_pipeline(pipeline, tmp_path, server.base_url).ask(QUESTION)
        prompt = server.requests[0]["messages"]
    assert answer.text == "Nee, nieuwe aanbieders kunnen niet later instappen [1]."
    assert [c.n for c in answer.citations] == [1] and answer.notice is None
    assert answer.citations[0].chunk == answer.retrieved[0].chunk
    assert "niet later instappen" in answer.citations[0].sentences[0]
    assert prompt[0]["role"] == "system" and "[n]" in prompt[0]["content"]
    assert "[1] " in prompt[1]["content"] and QUESTION in prompt[1]["content"]


def test_an_answer_from_barely_similar_passages_carries_the_caution_too(pipeline: Pipeline, tmp_path: Path) -> None:
    with FakeLLM("Nee, nieuwe aanbieders kunnen niet later instappen [1].") as server:
        cautious = fake_settings(tmp_path, answer_mode="llm", llm_base_url=server.base_url, llm_model="fake-model",
                                 caution_similarity=1.01)  # no sentence is this similar
        answer = Pipeline(cautious).ask(QUESTION)
    assert answer.text == "Nee, nieuwe aanbieders kunnen niet later instappen [1]." and answer.notice == CAUTION


def test_citations_to_missing_passages_are_removed_and_flagged(pipeline: Pipeline, tmp_path: Path) -> None:
    with FakeLLM("Dat kan niet [1]. Volgens de wet mag het wel [9].") as server:
        answer = llm_pipeline(pipeline, tmp_path, server.base_url).ask(QUESTION)
    assert "[9]" not in answer.text and "[1]" in answer.text
    assert [c.n for c in answer.citations] == [1]
    assert answer.notice and "[9]" in answer.notice


def test_answer_without_valid_citation_falls_back_to_extractive(pipeline: Pipeline, tmp_path: Path) -> None:
    with FakeLLM("Ja hoor, dat mag altijd.") as server:
        answer = llm_pipeline(pipeline, tmp_path, server.base_url).ask(QUESTION)
    assert answer.notice == NO_VALID_CITATION
    assert answer.text == pipeline.ask(QUESTION).text


def test_streaming_yields_pieces(pipeline: Pipeline, tmp_path: Path) -> None:
    with FakeLLM("Nieuwe aanbieders mogen niet instappen [1].") as server:
        llm = llm_pipeline(pipeline, tmp_path, server.base_url)
        hits = llm.retriever.search(QUESTION)
        pieces = list(llm.llm_answerer.stream(QUESTION, hits))
    assert len(pieces) > 3 and "".join(pieces) == "Nieuwe aanbieders mogen niet instappen [1]."


def test_unreachable_server_falls_back_with_a_notice(pipeline: Pipeline, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    answer = llm_pipeline(pipeline, tmp_path, f"http://127.0.0.1:{port}/v1").ask(QUESTION)
    assert answer.notice == UNREACHABLE
    assert "[1]" in answer.text


def test_slow_server_does_not_hang(pipeline: Pipeline, tmp_path: Path) -> None:
    with FakeLLM("Te laat [1].", delay_s=3) as server:
        started = time.perf_counter()
        answer = llm_pipeline(pipeline, tmp_path, server.base_url, timeout_s=0.5).ask(QUESTION)
    assert time.perf_counter() - started < 2.5
    assert answer.notice == UNREACHABLE


def test_ollama_provider_is_built(tmp_path: Path) -> None:
    settings = fake_settings(tmp_path, llm_provider="ollama", llm_model="llama3.1")
    model = LLMAnswerer(settings, fallback=None).model  # type: ignore[arg-type]
    assert type(model).__name__ == "ChatOllama"
