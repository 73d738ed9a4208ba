"""The evaluation harness on a handful of questions with known answers, and agreement with score.py."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import evaluate
from assistant.metrics import score
from assistant.pipeline import Pipeline

from .conftest import ROOT

SCORE_PY = ROOT.parent / "shared" / "tools" / "score.py"

QUESTIONS = [
    {"id": "a", "question": "Kunnen nieuwe aanbieders later instappen?", "type": "barrier",
     "quotes": ["Nieuwe aanbieders kunnen niet later instappen"], "must_mention": ["nieuwe aanbieders", "instappen"]},
    {"id": "b", "question": "Welke valkuil heeft een marktconsultatie met bekende leveranciers?", "type": "barrier",
     "quotes": ["Een valkuil is dat de dienst alleen de bekende leveranciers uitnodigt."], "must_mention": ["valkuil"]},
    {"id": "c", "question": "Hoe lang duurt de Alcateltermijn?", "type": "unanswerable", "quotes": [], "must_mention": []},
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_harness_figures(pipeline: Pipeline) -> None:
    results = evaluate.run(pipeline, QUESTIONS)
    figures = score(QUESTIONS, results)
    assert figures["hit@1"] == 1.0 and figures["hit@5"] == 1.0 and figures["mrr@10"] == 1.0
    assert figures["must_mention_recall"] == 1.0
    assert figures["citation_precision"] == 1.0
    assert figures["unanswerable_refused"] == 1.0
    assert {r["id"] for r in results} == {"a", "b", "c"}


def test_metrics_count_misses() -> None:
    gold = QUESTIONS[:1]
    results = [{"id": "a", "answer": "", "refused": True, "citations": [],
                "retrieved": [{"text": "iets anders"}, {"text": "Nieuwe aanbieders kunnen niet later instappen, ook niet"}]}]
    figures = score(gold, results)
    assert (figures["hit@1"], figures["hit@5"], figures["mrr@10"], figures["false_refusal_rate"]) == (0.0, 1.0, 0.5, 1.0)


@pytest.mark.skipif(not SCORE_PY.exists(), reason="../shared/tools/score.py is not beside this clone")
def test_agrees_with_score_py(pipeline: Pipeline, tmp_path: Path, monkeypatch) -> None:
    questions = json.loads(json.dumps(QUESTIONS))
    results = evaluate.run(pipeline, questions)
    results[0]["retrieved"] = list(reversed(results[0]["retrieved"]))  # make the figures less trivial
    gold_file = write_jsonl(tmp_path / "gold.jsonl", questions)
    results_file = write_jsonl(tmp_path / "results.jsonl", results)
    theirs = json.loads(subprocess.run([sys.executable, str(SCORE_PY), str(gold_file), str(results_file)],
                                       capture_output=True, text=True, check=True).stdout)
    ours = score(questions, results)
    for key in ("hit@1", "hit@5", "mrr@10", "must_mention_recall", "citation_precision", "answer_cites_evidence",
                "false_refusal_rate", "unanswerable_refused"):
        assert ours[key] == theirs[key], key


def test_command_writes_results_and_report(pipeline: Pipeline, tmp_path: Path, monkeypatch) -> None:
    for name, value in {"EMBEDDING_BACKEND": "fake", "MIN_SIMILARITY": "0", "WEAK_SIMILARITY": "0",
                        "CAUTION_SIMILARITY": "1.01", "CHUNK_WORDS": "60", "CHUNK_OVERLAP_WORDS": "10"}.items():
        monkeypatch.setenv(f"PIANOO_{name}", value)
    questions = write_jsonl(tmp_path / "q.jsonl", QUESTIONS)
    output, report = tmp_path / "out" / "results.jsonl", tmp_path / "out" / "report.md"
    code = evaluate.main(["--questions", str(questions), "--output", str(output), "--report", str(report)])
    assert code == 0
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    assert all(len(line["retrieved"]) >= 3 and "latency_ms" in line for line in lines)
    text = report.read_text()
    assert "| hybrid | 1.0 | 1.0 | 1.0 |" in text and "without BM25" in text
    # sample answers are set beside the evidence; only an unanswerable question is expected to be refused
    assert "Expected: (evidence) “Nieuwe aanbieders kunnen niet later instappen”" in text
    assert text.count("should be refused") == 1
    # no sentence is similar enough not to be cautioned; the unanswerable question is refused, not cautioned
    assert ("Answers with a caution (hybrid): 0 of the 0 answered unanswerable questions, 0 of the 0 answers not citing "
            "the evidence, 2 of the 2 citing it.") in text
    assert report.with_suffix(".png").stat().st_size > 1000


def test_report_of_unanswerable_questions_only_has_no_retrieval_figures(
    pipeline: Pipeline, tmp_path: Path, monkeypatch
) -> None:
    for name, value in {"EMBEDDING_BACKEND": "fake", "CHUNK_WORDS": "60", "CHUNK_OVERLAP_WORDS": "10"}.items():
        monkeypatch.setenv(f"PIANOO_{name}", value)
    questions = write_jsonl(tmp_path / "q.jsonl", QUESTIONS[2:])
    report = tmp_path / "report.md"
    assert evaluate.main(["--questions", str(questions), "--output", str(tmp_path / "o.jsonl"), "--report", str(report),
                          "--no-ablations"]) == 0
    hybrid = next(line for line in report.read_text().splitlines() if line.startswith("| hybrid |"))
    assert hybrid.startswith("| hybrid | – | – | – | – | – | – | 1.0 | – |")  # refused, and nothing else to measure


def test_bad_question_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n')
    assert evaluate.main(["--questions", str(bad), "--output", str(tmp_path / "o.jsonl")]) == 1
    assert "'question'" in capsys.readouterr().err
