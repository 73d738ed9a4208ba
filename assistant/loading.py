"""Read PDF, DOCX, HTML, Markdown and plain-text files into cleaned `Document`s."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import cleaning
from .errors import DocumentError
from .models import Block, Document, content_hash

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt")
CATALOG_NAME = "catalog.yaml"
OWN_NUMBER = re.compile(r"\d{1,2}[.)]\s|(?:stap|fase)\s+\d{1,2}\b", re.IGNORECASE)  # "1. …", "Fase 1: …"

log = logging.getLogger(__name__)
MAX_COLUMN_NAME_WORDS = 6  # a table's first row of cells this short names its columns
MAX_BOLD_HEADING_WORDS = 12  # a bold line this short heads what follows it
MAX_MARGIN_LINES = 2  # lines above or below a table that leave it running on from or to another page
MIN_TABLE_ROWS = MIN_TABLE_COLUMNS = 2  # a PDF's ruled box of fewer is a frame around text, not a table


@dataclass(frozen=True)
class CatalogEntry:
    """What a catalogue knows of a document beyond its text."""

    title: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None


def read_catalog(folder: Path) -> dict[str, CatalogEntry]:
    """The `catalog.yaml` of a folder (file name -> entry), or nothing when there is none."""
    path = folder / CATALOG_NAME
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: CatalogEntry(**(entry or {})) for name, entry in data.get("documents", {}).items()}


def discover(paths: list[Path], own_data: Path | None = None) -> list[Path]:
    """All files below the given files and folders that ingest should look at, sorted; a folder's files below
    `own_data` (the assistant's own store and caches, when it lies inside a document folder) are none."""
    found: set[Path] = set()
    own = own_data.resolve() if own_data else None
    for path in paths:
        if path.is_dir():
            found.update(
                p for p in path.rglob("*")
                if p.is_file() and p.name != CATALOG_NAME and not p.name.startswith(".")
                and not (own and p.resolve().is_relative_to(own))
            )
        else:
            found.add(path)
    return sorted(found)


def load_document(path: Path, catalog: dict[str, CatalogEntry] | None = None) -> Document:
    """Load and clean one file. Raises `DocumentError` with a Dutch reason and what to do about it."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            path.name,
            f"onbekend bestandstype '{suffix or '(geen)'}'. Ondersteund zijn PDF, DOCX, HTML, Markdown en TXT.",
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(path.name, "het bestand is verdwenen tijdens het inlezen; controleer het pad.") from exc
    except OSError as exc:
        raise DocumentError(path.name, f"het bestand kan niet worden gelezen ({exc.strerror}).") from exc
    if not raw.strip():
        raise DocumentError(path.name, "het bestand is leeg; voeg inhoud toe of verwijder het.")

    urls: list[str] = []
    if suffix == ".pdf":
        blocks, urls = cleaning.blocks_from_pages(_pdf_pages(path))
    elif suffix == ".docx":
        blocks = _docx_blocks(path)
    elif suffix in (".html", ".htm"):
        blocks = _html_blocks(_decode(raw, path.name))
    elif suffix in (".md", ".markdown"):
        blocks = cleaning.blocks_from_markdown(_decode(raw, path.name))
    else:
        blocks, urls = cleaning.blocks_from_pages(cleaning.split_extracted_pages(_decode(raw, path.name)))

    blocks = cleaning.drop_contents_lists(cleaning.drop_repeated_blocks(blocks))
    if not any(b.kind != "heading" for b in blocks):
        raise DocumentError(path.name, "er staat geen leesbare tekst in het bestand.")
    entry = (catalog or {}).get(path.name, CatalogEntry())
    metadata = {k: str(v) for k, v in (("publisher", entry.publisher), ("year", entry.year), ("url", entry.url)) if v}
    return Document(
        doc_id=path.name,
        title=entry.title or derive_title(blocks, path),
        blocks=blocks,
        source_hash=content_hash(raw.hex()),
        metadata=metadata,
        urls=urls,
    )


def derive_title(blocks: list[Block], path: Path) -> str:
    """A human title for a document without a catalogue entry: its first heading, else its file name."""
    for block in blocks[:10]:
        if block.kind == "heading" and len(block.text) >= 4:
            return block.text.title() if block.text.isupper() else block.text
    return re.sub(r"[_-]+", " ", path.stem).strip().capitalize()


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise DocumentError(name, "dit lijkt een binair bestand, geen tekst; sla het op als PDF, DOCX of UTF-8-tekst.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(name, "de tekstcodering wordt niet herkend; sla het bestand op als UTF-8.") from exc
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if control > len(text) / 100:
        raise DocumentError(name, "de tekstcodering wordt niet herkend; sla het bestand op als UTF-8.")
    log.info("%s is not UTF-8; read it as Windows-1252", name)
    return text


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
                pages = [page.extract_text() or "" for page in reader.pages]
            except Exception as exc:  # pypdf raises several types for locked files
                raise DocumentError(
                    path.name, "de PDF is beveiligd met een wachtwoord; sla hem onbeveiligd op en probeer opnieuw."
                ) from exc
        else:
            pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(
            path.name, f"de PDF is beschadigd of geen geldige PDF ({exc}); exporteer hem opnieuw."
        ) from exc
    if not any(p.strip() for p in pages):
        raise DocumentError(
            path.name, "de PDF bevat geen tekst (alleen afbeeldingen?); maak er eerst met OCR een doorzoekbare PDF van."
        )
    return _with_tables(path, pages)


def _with_tables(path: Path, pages: list[str]) -> list[str]:
    """The pages, those with a ruled table read again with pdfplumber, which finds its cells: pypdf runs them together
    into headings and one paragraph ("Kenmerk SBIR Innovatiepartnerschap" / "Looptijd" / "Enkele maanden …
    Meerdere jaren Afname …"). Any trouble keeps the pages as pypdf read them."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            read: list[str] = []
            header: list[str] | None = None
            for page, text in zip(pdf.pages, pages, strict=True):
                with_tables, header = _page_with_tables(page, header)
                read.append(with_tables or text)
                page.close()  # a long report's parsed pages would otherwise all stay in memory
            return read
    except Exception as exc:  # noqa: BLE001 (pdfminer raises many types on odd files; pypdf read the text already)
        log.warning("%s: tables not read (%s); the text is kept as read", path.name, exc)
        return pages


def _page_with_tables(page: Any, continued: list[str] | None) -> tuple[str | None, list[str] | None]:
    """The text of a page with tables: the lines above, between and below them, each table row one line marked as a
    row (see `cleaning.TABLE_ROW_MARK`), its cells named by their columns (see `cleaning.table_items`); None without
    a table of at least two rows and two columns (a framed text box is no table). Also the header row of a table that
    runs on to the next page, whose rows there are named by it as well: that page's first table `continued` one."""
    tables = [t for t in page.find_tables() if len(t.rows) >= MIN_TABLE_ROWS and len(t.columns) >= MIN_TABLE_COLUMNS]
    if not tables:
        return None, None
    left, top, right, bottom = page.bbox
    parts: list[str] = []
    header: list[str] | None = None
    for number, table in enumerate(sorted(tables, key=lambda t: t.bbox[1])):
        above = _text(page, (left, top, right, table.bbox[1])) if table.bbox[1] > top else ""
        parts.append(above)
        rows = [[cell or "" for cell in row] for row in table.extract()]
        goes_on = False
        if number == 0 and continued is not None and len(rows[0]) == len(continued) and _in_margin(above):
            goes_on = True
            if rows[0] != continued:
                rows = [continued, *rows]  # a page's rows under the header row printed on the page before
        headed = goes_on or _has_header_row(rows)
        items = cleaning.table_items(rows, headed=headed)[1 if goes_on else 0:]  # the header said once, before
        parts += [cleaning.TABLE_ROW_MARK + item.text for item in items]
        parts.append(_text(page, (left, max(top, table.bbox[1]), right, table.bbox[3]), leaving_out=table.bbox))
        header = rows[0] if headed else None
        top = max(top, table.bbox[3])
    below = _text(page, (left, top, right, bottom)) if top < bottom else ""
    parts.append(below)
    return "\n".join(parts), header if _in_margin(below) else None


def _text(page: Any, box: tuple[float, float, float, float], leaving_out: tuple[float, ...] | None = None) -> str:
    """The text in `box` of a page, in the order the PDF writes it (a column at a time, as pypdf reads), without what
    lies in the box `leaving_out` (a table, whose column beside it is kept)."""
    part = page.crop(box)
    if leaving_out is not None:
        x0, top, x1, bottom = leaving_out

        def outside(char: dict[str, Any]) -> bool:  # by its centre: a cell's text may touch the table's lines
            x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            return not (x0 <= x <= x1 and top <= y <= bottom)

        part = part.filter(outside)
    return part.extract_text(use_text_flow=True) or ""


def _in_margin(text: str) -> bool:
    """Whether text beside a table is only what a page's margin holds (a running header, a page number), so that
    the table runs on from or to another page."""
    return len(text.split("\n")) <= MAX_MARGIN_LINES if text.strip() else True


def _docx_blocks(path: Path) -> list[Block]:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(path.name, "het Word-bestand is beschadigd; sla het opnieuw op als .docx.") from exc
    blocks: list[Block] = []
    number = 0  # of a numbered list: Word numbers it by its style, the text holds no "1."
    for part in document.iter_inner_content():  # paragraphs and tables in the order the document has them
        if isinstance(part, Table):
            number = 0
            rows = [[cell.text for cell in row.cells] for row in part.rows]
            blocks.extend(cleaning.table_items(rows, headed=_has_header_row(rows)))
            continue
        text = re.sub(r"\s+", " ", part.text).strip()
        if not text:
            continue
        style = (part.style.name if part.style is not None else "").lower()
        in_numbered_list = ("list" in style or "lijst" in style) and ("number" in style or "nummer" in style)
        number = number + 1 if in_numbered_list else 0
        if in_numbered_list and not OWN_NUMBER.match(text):  # "Fase 1: …" is numbered by its own words
            text = f"{number}. {text}"
        if style.startswith(("heading", "kop", "title", "titel")) or _is_bold_line(part, text):
            kind = "heading"
        elif "list" in style or "lijst" in style:
            kind = "item"
        else:
            kind = "paragraph"
        blocks.append(Block(text=text, kind=kind))
    return blocks


def _is_bold_line(paragraph: Any, text: str) -> bool:
    """Whether a Word paragraph is a heading made by hand: short, all of it bold, not ending as a sentence ("Werkwijze",
    "Waarom een marktverkenning?"); many documents head their sections so instead of with a heading style."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    return (bool(runs) and all(run.bold for run in runs) and len(text.split()) <= MAX_BOLD_HEADING_WORDS
            and not text.endswith((".", ",", ";", ":")))


def _has_header_row(rows: list[list[str]]) -> bool:
    """Whether a Word table's first row names its columns: a short label over every column."""
    first = rows[0] if rows else []
    return len(rows) > 1 and len(first) > 1 and all(0 < len(cell.split()) <= MAX_COLUMN_NAME_WORDS for cell in first)


def _html_blocks(html: str) -> list[Block]:
    """Main content only: trafilatura drops navigation, cookie banners, scripts and footers."""
    import trafilatura

    markdown = trafilatura.extract(
        html, output_format="markdown", include_links=False, include_images=False, include_tables=True, favor_recall=True
    )
    return cleaning.blocks_from_markdown(markdown or "")
