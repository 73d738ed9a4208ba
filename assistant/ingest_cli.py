"""`python ingest.py [PATH ...]`: bring the store in line with the documents, and say what happened."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .errors import AssistantError
from .indexing import IngestReport
from .pipeline import Pipeline
from .settings import Settings

STATUS_LABELS = {
    "added": "toegevoegd",
    "updated": "bijgewerkt",
    "unchanged": "ongewijzigd",
    "removed": "verwijderd",
    "failed": "mislukt",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ingest.py", description="Lees PIANOo-documenten in de zoekindex in (alleen wat veranderd is)."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="bestanden of mappen (standaard: de corpusmap)")
    parser.add_argument("--rebuild", action="store_true", help="gooi de index weg en bouw hem opnieuw op")
    parser.add_argument("--prune", action="store_true", help="verwijder documenten waarvan het bestand weg is")
    parser.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren, verander niets")
    parser.add_argument("-q", "--quiet", action="store_true", help="geen voortgangsbalk")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = settings or Settings()
    console = Console(stderr=False)
    paths = args.paths or [settings.corpus_dir]
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]Niet gevonden:[/red] {', '.join(map(str, missing))}. Controleer het pad.")
        return 2
    pipeline = Pipeline(settings)
    try:
        with _progress_bar(console, disabled=args.quiet) as make_progress:
            report = pipeline.ingest(
                paths, prune=args.prune, dry_run=args.dry_run, rebuild=args.rebuild, progress=make_progress
            )
    except AssistantError as exc:
        console.print(f"[red]Fout:[/red] {exc}")
        return 1
    print_report(console, report, dry_run=args.dry_run)
    return 1 if report.failed else 0


class _progress_bar:
    """Context manager handing `index_documents` a factory for a progress bar over the texts to embed."""

    def __init__(self, console: Console, disabled: bool) -> None:
        self.progress = Progress(
            TextColumn("Embedden"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=console, disable=disabled, transient=True,
        )

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.progress.__enter__()

        def make(total: int):  # type: ignore[no-untyped-def]
            task = self.progress.add_task("embed", total=total)
            return lambda n: self.progress.advance(task, n)

        return make

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]


def print_report(console: Console, report: IngestReport, dry_run: bool = False) -> None:
    table = Table(title="Proefdraai: er is niets veranderd" if dry_run else "Resultaat inlezen")
    table.add_column("Document")
    table.add_column("Status")
    table.add_column("Chunks", justify="right")
    table.add_column("Toelichting")
    for result in report.results:
        style = "red" if result.status == "failed" else None
        table.add_row(result.name, STATUS_LABELS[result.status], str(result.chunks), result.reason, style=style)
    console.print(table)
    counts = ", ".join(f"{STATUS_LABELS[s]}: {report.count(s)}" for s in STATUS_LABELS)
    console.print(f"{counts}; chunks geschreven: {report.chunks_written}; tijd: {report.seconds:.1f} s")
    if report.failed:
        console.print("[red]Niet alles is ingelezen.[/red] Los de problemen hierboven op en draai ingest.py opnieuw.")


if __name__ == "__main__":
    sys.exit(main())
