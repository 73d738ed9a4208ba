"""`python -m assistant.evaluate`: run a question set through the same pipeline as the app, and report.

    python -m assistant.evaluate --questions tests/data/dev_questions.jsonl --output results.jsonl \\
        [--report reports/evaluation.md] [--mode hybrid|dense|bm25]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import AssistantError
from .metrics import is_relevant, score
from .pipeline import Pipeline
from .refusal import CAUTION
from .retrieval import Mode
from .serialize import answer_to_dict
from .settings import Settings

MODES: tuple[Mode, ...] = ("bm25", "dense", "hybrid")
# the figures that need answerable questions; a set of unanswerable ones only has none of them
ANSWERABLE_FIGURES = ("hit@1", "hit@5", "mrr@10", "must_mention_recall", "answer_cites_evidence", "citation_precision",
                      "false_refusal_rate")
REPORTED_FIGURES = ("hit@1", "hit@5", "mrr@10", "must_mention_recall", "answer_cites_evidence", "citation_precision",
                    "unanswerable_refused", "false_refusal_rate", "latency_ms_p50", "latency_ms_p95")


def load_questions(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AssistantError(f"{path}, regel {number}: geen geldige JSON ({exc.msg}).") from exc
        if "id" not in row or "question" not in row:
            raise AssistantError(f"{path}, regel {number}: elke regel heeft minstens 'id' en 'question' nodig.")
        rows.append(row)
    return rows


def run(pipeline: Pipeline, questions: list[dict[str, Any]], mode: Mode = "hybrid") -> list[dict[str, Any]]:
    """One result line per question: the JSON contract of `ask --json` plus the question id."""
    results = []
    for row in questions:
        answer = pipeline.ask(row["question"], mode=mode)
        results.append({"id": row["id"], **answer_to_dict(answer)})
    return results


def ablations(settings: Settings, questions: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """The figures with one idea switched off at a time, to show what each contributes."""
    variants: dict[str, dict[str, Any]] = {
        "hybrid (all ideas)": {},
        "without sentence windows": {"window_weight": 0.0},
        "without the hubness correction": {"hub_weight": 0.0},
        "without whole-chunk dense": {"chunk_weight": 0.0},
        "without BM25": {"lexical_weight": 0.0},
        "without section-title match": {"section_weight": 0.0},
        "without aspect sections first": {"aspect_weight": 0.0},
        "without small-to-big passages": {"small_to_big": False},
        "without sentence re-ranking": {"rerank_depth": 0},
        "without the topic-free question in sentence scores": {"focus_weight": 0.0},
        "without query expansion (thesaurus)": {"query_expansion": False},
    }
    rows = []
    for name, overrides in variants.items():
        pipeline = Pipeline(settings.model_copy(update=overrides))
        rows.append((name, score(questions, run(pipeline, questions))))
    return rows


def write_report(
    path: Path, figures: dict[Mode, dict[str, Any]], results: list[dict[str, Any]],
    questions: list[dict[str, Any]], ablation_rows: list[tuple[str, dict[str, Any]]],
) -> None:
    """Markdown with the figures per mode, per question type, the ablations and a few answers; a PNG chart."""
    path.parent.mkdir(parents=True, exist_ok=True)
    chart = path.with_suffix(".png")
    _chart(chart, figures)
    hybrid = figures["hybrid"]
    lines = [
        "# Evaluation report",
        "",
        (f"{hybrid['questions']} answerable and {hybrid['unanswerable']} unanswerable questions, "
        "run through `Pipeline.ask` (the app's own pipeline)."),
        "",
        f"![retrieval per mode]({chart.name})",
        "",
        "## Retrieval and answers per mode",
        "",
        ("| mode | hit@1 | hit@5 | MRR@10 | must-mention | cites evidence | citation precision | "
        "unanswerable refused | false refusals | p50 ms | p95 ms |"),
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for mode, f in figures.items():
        cells = [f[key] if f["questions"] or key not in ANSWERABLE_FIGURES else None for key in REPORTED_FIGURES]
        lines.append(f"| {mode} | {' | '.join(map(_figure, cells))} |")
    lines += ["", _cautions(results, questions)]
    lines += ["", "## hit@5 per question type (hybrid)", "", "| type | hit@5 |", "|---|---|"]
    lines += [f"| {t} | {v} |" for t, v in hybrid["per_type_hit@k"].items()]
    if ablation_rows:
        lines += ["", "## What each idea contributes (hybrid, one switched off at a time)", "",
                  "| variant | hit@1 | hit@5 | MRR@10 | must-mention | citation precision |", "|---|---|---|---|---|---|"]
        lines += [
            f"| {name} | {f['hit@1']} | {f['hit@5']} | {f['mrr@10']} | {f['must_mention_recall']} | "
            f"{f['citation_precision']} |"
            for name, f in ablation_rows
        ]
    lines += ["", "Ideas measured during development, including those that did not help: [ideas.md](ideas.md).",
              "", f"Misses at 5 (hybrid): {', '.join(hybrid['misses']) or 'none'}", "", "## Sample answers", ""]
    gold = {q["id"]: q for q in questions}
    for result in results[:: max(1, len(results) // 6)][:6]:
        expected = _expected(gold.get(result["id"], {}))
        lines += [
            f"**{result['id']}: {result['question']}**", "",
            "Assistant:" + (" *(refused)*" if result["refused"] else ""), "",
            *[f"> {line}" for line in result["answer"].splitlines()], "",
            f"Expected: {expected}", "",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cautions(results: list[dict[str, Any]], questions: list[dict[str, Any]]) -> str:
    """How many answers carry the notice that their passages may not be about the question (hybrid): those to
    questions the documents do not answer should, those citing the evidence need not."""
    gold = {q["id"]: q for q in questions}
    answered = [r for r in results if not r["refused"] and r["id"] in gold]
    unanswerable = {r["id"] for r in answered if gold[r["id"]].get("type") == "unanswerable"}
    right = {r["id"] for r in answered if any(is_relevant(c["text"], gold[r["id"]]) for c in r["citations"])}
    wrong = {r["id"] for r in answered} - unanswerable - right
    cautioned = {r["id"] for r in answered if r.get("notice") == CAUTION}
    return (
        f"Answers with a caution (hybrid): {len(cautioned & unanswerable)} of the {len(unanswerable)} answered "
        f"unanswerable questions, {len(cautioned & wrong)} of the {len(wrong)} answers not citing the evidence, "
        f"{len(cautioned & right)} of the {len(right)} citing it."
    )


def _figure(value: Any) -> str:
    return "–" if value is None else str(value)


def _expected(question: dict[str, Any]) -> str:
    """What a sample answer is compared with: the gold answer, else the evidence it should quote."""
    if question.get("type") == "unanswerable":
        return "(unanswerable: should be refused)"
    quotes = " / ".join(f"“{quote}”" for quote in question.get("quotes", []))
    return question.get("answer") or (f"(evidence) {quotes}" if quotes else "(no gold answer given)")


def _chart(path: Path, figures: dict[Mode, dict[str, Any]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = ["hit@1", "hit@5", "mrr@10", "must_mention_recall"]
    fig, ax = plt.subplots(figsize=(7, 3.5))
    width = 0.8 / len(figures)
    for i, (mode, f) in enumerate(figures.items()):
        ax.bar([m + i * width for m in range(len(metrics))], [f[x] or 0 for x in metrics], width, label=mode)
    ax.set_xticks([m + width for m in range(len(metrics))], metrics)
    ax.set_ylim(0, 1)
    ax.legend()
    ax.set_title("PIANOo-assistent: retrieval and answers per mode")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--report", type=Path, default=None)
    parser.add_argument("--mode", choices=MODES, default="hybrid")
    parser.add_argument("--no-ablations", action="store_true", help="skip the one-idea-off runs in the report")
    args = parser.parse_args(argv)
    settings = Settings()
    try:
        questions = load_questions(args.questions)
        pipeline = Pipeline(settings)
        results = run(pipeline, questions, args.mode)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with args.output.open("w", encoding="utf-8") as out:
            for result in results:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
        figures: dict[Mode, dict[str, Any]] = {args.mode: score(questions, results)}
        if args.report:
            for mode in MODES:
                if mode not in figures:
                    figures[mode] = score(questions, run(pipeline, questions, mode))
            figures = {m: figures[m] for m in MODES}
            ablation_rows = [] if args.no_ablations else ablations(settings, questions)
            write_report(args.report, figures, results, questions, ablation_rows)
    except AssistantError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
