"""`python -m assistant ask|chat|docs|ingest`: a thin command line over `Pipeline`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .conversation import Turn
from .errors import AssistantError
from .models import Answer
from .pipeline import Pipeline
from .serialize import answer_to_dict
from .settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="PIANOo-assistent op de opdrachtregel.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="stel één vraag")
    ask.add_argument("question", help="de vraag, tussen aanhalingstekens")
    ask.add_argument("--json", action="store_true", help="antwoord als één JSON-object")
    ask.add_argument("--top-k", type=_positive, default=None, help="aantal passages dat wordt opgehaald")
    ask.add_argument("--doc", action="append", default=None, metavar="ID", help="zoek alleen in dit document")
    ask.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    ask.add_argument(
        "--session", type=Path, default=None, help="JSON-bestand met het gesprek tot nu toe (vervolgvragen)"
    )
    chat = commands.add_parser("chat", help="een gesprek met vervolgvragen")
    chat.add_argument("--doc", action="append", default=None, metavar="ID")
    commands.add_parser("docs", help="toon de ingelezen documenten")
    ingest = commands.add_parser("ingest", help="lees documenten in (zoals ingest.py)")
    ingest.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"moet een geheel getal van minstens 1 zijn, niet {value!r}")
    return int(value)


def render(answer: Answer) -> str:
    """An answer as plain text with its numbered sources."""
    lines = []
    if answer.resolved_question:
        lines.append(f"(opgevat als: {answer.resolved_question})")
    if answer.searched_also:
        lines.append(f"(ook gezocht op: {', '.join(answer.searched_also)})")
    if answer.searched_in:
        lines.append(f"(alleen gezocht in: {'; '.join(answer.searched_in)})")
    if answer.notice:
        lines.append(f"({answer.notice})")
    lines.append(answer.text)
    if answer.citations:
        lines.append("\nBronnen:")
        for c in answer.citations:
            lines.append(f"[{c.n}] {c.source_label}")
    elif answer.refused and answer.retrieved:
        lines.append("\nMisschien relevant:")
        for hit in answer.retrieved[:3]:
            lines.append(f"- {hit.chunk.title}: {' '.join(hit.chunk.text[:160].split())}…")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "ingest":
        from .ingest_cli import main as ingest_main

        return ingest_main(args.args)
    pipeline = Pipeline(Settings())
    try:
        if args.command == "docs":
            for doc_id, (title, chunks) in pipeline.retriever.documents().items():
                print(f"{doc_id}\t{chunks} chunks\t{title}")
            return 0
        if args.command == "chat":
            return _chat(pipeline, args.doc)
        history = _load_session(args.session)
        answer = pipeline.ask(args.question, history=history, doc_ids=args.doc, top_k=args.top_k, mode=args.mode)
        if args.session:
            history.append(Turn(answer.resolved_question or answer.question, answer.text))
            args.session.write_text(json.dumps([t.__dict__ for t in history], ensure_ascii=False), encoding="utf-8")
    except AssistantError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(answer_to_dict(answer), ensure_ascii=False) if args.json else render(answer))
    return 0


def _load_session(path: Path | None) -> list[Turn]:
    if path is None or not path.exists():
        return []
    try:
        return [Turn(**turn) for turn in json.loads(path.read_text(encoding="utf-8"))]
    except (ValueError, TypeError) as exc:
        raise AssistantError(f"Het gespreksbestand {path} is onleesbaar ({exc}); verwijder het en begin opnieuw.") from exc


def _chat(pipeline: Pipeline, doc_ids: list[str] | None) -> int:
    history: list[Turn] = []
    print("Stel uw vraag (leeg = stoppen).")
    for line in sys.stdin:
        question = line.strip()
        if not question:
            break
        answer = pipeline.ask(question, history=history, doc_ids=doc_ids)
        history.append(Turn(answer.resolved_question or question, answer.text))
        print(render(answer), end="\n\n", flush=True)
    return 0
