"""Repair text extracted from PDFs, and turn any text into paragraph, list-item and heading blocks.

PDF extractions break words across lines ("maat-\\n\\nschappelijke"), split paragraphs into column-wide
lines, repeat running headers and page numbers on every page, and sometimes contain the whole document a
second time (a tagged copy). The rules here undo that so chunks are readable and quotable.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import groupby

from .models import Block
from .sentences import split_sentences

URL_LINE = re.compile(r"^\s*(?:(?P<footnote>\d{1,3})\s+)?(?P<url>(?:https?://|www\.)\S+)\s*$", re.IGNORECASE)
# A table of contents: "Stap 1: Bepaal het doel ........ 3", under "Inhoud"; a title in capitals whose leader and
# page number were cut off ("I. INTRODUCTIE..")
CONTENTS_LINE = re.compile(r"(?:\.\s*){4,}\d{1,3}$|…{2,}\s*\d{1,3}$|^[^a-zà-ÿ]{3,80}[^.\sa-zà-ÿ]\.{2,}$")
CONTENTS_TITLE = re.compile(r"^(?:inhoud|inhoudsopgave|inhoudstafel)$", re.IGNORECASE)
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:pagina\s+)?\d{1,3}(?:\s*(?:/|van)\s*\d{1,3})?\s*$", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[•●▪◦■□➢►✓\uf0b7\uf0a7-]|–|o(?=\s))\s*")
NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[A-H][.)](?=\s+[A-Z][a-z]))\s+\S")  # "A. Stel een actieplan op": lettered items
SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)]*$")
NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}(?:\.\d)*\.)\s+\S")
# "1. Wat is …", "2.1 Voordelen"; not "3 primaire punten" (a sentence going on) or "9 Precommercieel …" (a footnote)
NUMBERED_TITLE = re.compile(r"^\d{1,2}\.(?:\d{1,2}\.?)*\s+[A-ZÀ-Ý]")
SUBSECTION_NUMBER = re.compile(r"^(?:\d{1,2}\.\d{1,2}|[IVX]{1,4}\.\d)")
WORD = re.compile(r"\w+")
FOOTNOTE = re.compile(r"^\d{1,3}\s+\S")  # a bare number, no dot or bracket
SOURCE_REFERENCE = re.compile(
    r"\b(?:19|20)\d\d\b|https?://|www\.|\.pdf\b|^\d+\s+(?:zie|bron|o\.a\.)\b|\b[\w-]+\.(?:nl|eu|com|org|net|gov)\b",
    re.IGNORECASE,
)
# A footnote's number glued to the word that refers to it: "wereld3.", "opschaling)10", "innovatie.28 Let wel".
GLUED_MARKER = re.compile(r"(?:(?<=[a-zà-ÿ]{3})|(?<=[a-zà-ÿ][).]))\d{1,3}(?=[.,;:)]*(?:\s|$))")
# … or to a year: "in de periode 201618 tot 2021" is 2016 with footnote 18
GLUED_TO_YEAR = re.compile(r"\b((?:19[5-9]|20[0-4])\d)[1-9]\d?(?=[.,;:)]*(?:\s|$))")
MAX_BARE_SECTION_NUMBER = 20
RUN_ON_ENDS = ("/", ",", "-", "–", "(")  # a line ending on one of these goes on in the next
MAX_QUESTION_HEADING_WORDS = 15  # FAQ questions head their answers ("Mag ik de informatie uit … gebruiken?")
MAX_HEADING_TAIL_WORDS = 6  # a heading's second line ("in Nederland en in Europa")
MIN_CONTENTS_ITEMS = 3  # a list of the document's own section titles this long is its menu
LONG_BLOCK_SHINGLES = 12  # a block of this many word 5-grams repeats an earlier one when most of them were said
MAX_OPENED_HEADING_WORDS = 8  # a line this long heads the text after it only when that plainly starts anew
MAX_TITLE_WORDS = 12  # a line in capitals this short is a title
MAX_CAPTION_TITLE_WORDS = 3  # a section title after a caption with no full stop: "Rijksvastgoedbedrijf"
MAX_LABEL_WORDS = 4  # a list item this short and unfinished is a label ("Kennis en vaardigheden"), not a broken line
FOOTNOTE_WIDTH = 1.6  # footnotes are set in smaller type: their lines run this much longer than the text's
# A line ending in a web address ("… te vinden op: https://www.amsterdam.nl/", "…/grip-op-algoritmes/")
URL_END = re.compile(r"(?:https?://|www\.)\S+$|(?:^|\s)[a-z][\w.-]*/(?:[\w.-]+/)+$")
SUBSCRIPT = re.compile(r"^\d$")
FORMULA_END = re.compile(r"(?:^|[\s(])(?:CO|NO|SO|CH|NH)$")  # "CO" of CO2 (its 2 printed on a line of its own)
TABLE_ROW = re.compile(r"^(?:[-+]?\d[\d.,]*\s*%?\s+){1,}[-+]?\d[\d.,]*\s*%?$")  # "2016 12", "2,5% 40% 12"
# Tag names of a PDF's structure tree that some extractors print as if they were text.
STRUCTURE_TAG_LINE = re.compile(r"^(?:Figure|Table|TR|TD|TH|Sect|Link|Span|Part|Div|L|LI|LBody|Lbl|Artifact)$")
# A comma before a capital: a byline ("Floris den Boer, Coördinerend adviseur"), names, a reference; no heading
NAMES_LIST = re.compile(r",\s+[A-ZÀ-Ý]")
SENTENCE_OPENER = re.compile(
    r"^(?:zoals|omdat|doordat|hoewel|daarnaast|bovendien|echter|dus|maar|want|terwijl|nadat|voordat|zodat|"
    r"daarom|hierdoor|daardoor)\b",
    re.IGNORECASE,
)
TRAILING_FUNCTION_WORD = re.compile(
    r"\b(?:de|het|een|en|of|van|in|op|met|voor|te|om|die|dat|aan|bij|zoals|door|naar|als|tijdens)$",
    re.IGNORECASE,
)
# A name with its academic titles on a line of its own, under a quote or a photo: "Prof.dr.ir. Frido Smulders",
# "Prof. dr. ir. Joop Halman & Dr. ir. Bart Lenderink". It ends no sentence, yet what follows starts anew.
ACADEMIC_TITLE = r"prof|dr|ir|mr|drs|ing"
BYLINE = re.compile(
    rf"^(?:{ACADEMIC_TITLE})\.\s?(?:(?:{ACADEMIC_TITLE})\.\s?)*[A-Z][^!?:;]{{2,80}}[^.!?:;]$", re.IGNORECASE
)
HYPHENATED_CAPITALS = re.compile(r"[A-ZÀ-Ý]-$")
INNER_SENTENCE_END = re.compile(r"[.!?]\s")
LEADING_ABBREVIATION = re.compile(
    rf"(?:^|\s)(?:{ACADEMIC_TITLE}|bijv|bv|o\.a|m\.b\.t|i\.p\.v|t\.b\.v|n\.a\.v|o\.b\.v|d\.w\.z|m\.n|vgl|zgn|nr|art)\.$",
    re.IGNORECASE,
)
OPENS_SENTENCE = re.compile(
    r"(?:om|wat|wie|hoe|het|de|een|er|dit|deze|dat|die|we|wij|u|in|op|bij|voor|als|met|zo|ook|hier|daar)\s", re.IGNORECASE
)
LEADING_FUNCTION_WORD = re.compile(r"(?:en|of|van|te|om|als|voor|op|met|aan|bij|door|naar)\b", re.IGNORECASE)

# A word hyphenated across a line break that the extractor joined with a space ("Te- meer", "beleidsproces- sen"),
# not a part of a compound left for the next word ("Noord- en Zuid-Holland", "inkoop- of aanbestedingsvragen")
BROKEN_WORD = re.compile(r"[a-zà-ÿ]-$")  # "maat-" at a line's end, to go on with "schappelijke"
SPACED_HYPHENATION = re.compile(r"\b([^\W\d_]+)- (?!(?:en|of|tot|noch|dan|als|en/of)\b)([a-zà-ÿ]{2,})")

# A PDF reader's mark before a line that is a table's row (see `loading._page_with_tables`): a list item of its own,
# never run into the text around it. A private-use character, which no document prints.
TABLE_ROW_MARK = "\ue000"

# A page of the bundled extractions starts with a line that begins with exactly one space.
EXTRACTED_PAGE_START = re.compile(r"\n(?= [^ \n])")


def normalise(text: str) -> str:
    """Unicode-normalise and remove soft hyphens, NULs, odd spaces and the replacement characters an extractor
    prints (U+FFFD) for glyphs it could not read: icons and bullets, as in "Stap 1: <U+FFFD> Verkennen". Mend words
    hyphenated across a line break that the extractor joined with a space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "").replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\ufffd[ \t]*", "", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    return SPACED_HYPHENATION.sub(lambda spaced: _rejoined(f"{spaced[1]}-", spaced[2]), text)


def _rejoined(before: str, after: str) -> str:
    """`before`, which ends in a hyphen, and `after` as one word: a lower-case word broken across a line loses its
    hyphen ("maat-" + "schappelijke"), a compound keeps it ("R&D-" + "resultaat", "ICT-" + "ondersteuning")."""
    broken = BROKEN_WORD.search(before) and after[:1].islower()
    return before[:-1] + after if broken else before + after


def split_extracted_pages(text: str) -> list[str]:
    """Split a plain-text PDF extraction into pages (form feeds, or the one-space page openers)."""
    if "\f" in text:
        return text.split("\f")
    return EXTRACTED_PAGE_START.split(text)


def _is_heading(line: str, previous_ended: bool, next_line: str | None) -> bool:
    words = line.split()
    if not words or len(line) > 90 or SENTENCE_END.search(line) and not line.endswith("?"):
        return False
    if _is_reference(line):
        return False  # "40 Dialogic, 2021, Inventarisatie ..." is a footnote, not section 40
    if line.endswith("?") and not NUMBERED_HEADING.match(line):
        return False  # unless it heads a paragraph of its own (see `_question_headings`)
    if _in_capitals(line) and len(words) <= MAX_TITLE_WORDS:
        return True
    if FOOTNOTE.match(line) and int(words[0]) > MAX_BARE_SECTION_NUMBER:
        return False  # "42 Zoals de Vlaamse overheid PIO" is a footnote: sections that far along have "42." or "4.2"
    if NUMBERED_HEADING.match(line) and len(words) <= 12 and words[-1][-1:] not in ",":
        # "3 ingekochte innovaties. Hoe pakt …" is a sentence going on after a line break, not section 3; and a
        # line numbered on one level whose sentence goes on in the next ("2. Publiceer de prijsvraag en geef
        # deelnemers" / "ten minste zes weken …") is a list item ("2.4 Werkcongres Innovatiegericht" is a section)
        goes_on = _runs_on(line) or bool(next_line and next_line[:1].islower())
        item = goes_on and not SUBSECTION_NUMBER.match(line)
        return bool(re.search(r"[A-Za-zÀ-ÿ]", line)) and not words[1][:1].islower() and not item
    if _runs_on(line) or TRAILING_FUNCTION_WORD.search(line) or NAMES_LIST.search(line):
        return False
    if SENTENCE_OPENER.match(line):
        return False  # "Zoals het Hoogheemraadschap De Stichtse" / "Rijnlanden (HDSR) …" opens a sentence
    starts_upper = line[0].isupper()
    next_starts_upper = (
        next_line is None or next_line[:1].isupper() or bool(BULLET.match(next_line) or NUMBERED_TITLE.match(next_line))
    )
    if not (previous_ended and starts_upper and next_starts_upper):
        return False
    # a longer line is a heading only when the next one plainly starts a sentence of its own ("De tien regels van
    # Bureau ICT Toetsing" / "Om te bepalen …"), not when it goes on with a name ("… heeft EZK PIANOo" / "Expertisecentrum")
    opened = bool(next_line and OPENS_SENTENCE.match(next_line)) and not INNER_SENTENCE_END.search(line)
    return len(words) <= 6 or len(words) <= MAX_OPENED_HEADING_WORDS and opened


def _ends_caption(before: str, line: str, next_line: str | None) -> bool:
    """Whether a short title in words only stands between text that ends without a full stop and a sentence that
    opens with a capital: a photo's caption ("… zoals de Zwartewaterbrug bij Hasselt"), then the next section's
    title ("Rijksvastgoedbedrijf"), then its text ("Een andere pionier is …"). A sentence cannot go on with "Een"."""
    words = line.split()
    return (
        not (_runs_on(before) or TRAILING_FUNCTION_WORD.search(before))
        and 0 < len(words) <= MAX_CAPTION_TITLE_WORDS and line[0].isupper()
        and all(w.replace("-", "").isalpha() for w in words) and not TRAILING_FUNCTION_WORD.search(line)
        and next_line is not None and next_line[:1].isupper() and bool(OPENS_SENTENCE.match(next_line))
    )


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Short lines at the top or bottom of at least three pages and a third of them, or of both pages of a
    two-page document: headers, footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {ln for ln in lines[:2] + lines[-2:] if len(ln) <= 80}
        counts.update(edges)
    needed = 2 if len(pages) == 2 else max(3, len(pages) // 3)
    return {ln for ln, n in counts.items() if n >= needed}


def _page_lines(page: str) -> list[str]:
    """The non-empty lines of a page, whitespace folded, without a line repeated right after itself
    (an extraction artefact), titles in capitals whole. Blank lines carry no meaning in these extractions."""
    lines: list[str] = []
    subscript = False  # the last line ends in a formula's subscript ("CO" / "2"): the next line goes on with it
    for raw in normalise(page).split("\n"):
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:
            continue
        if lines and SUBSCRIPT.match(line) and FORMULA_END.search(lines[-1]):
            lines[-1] += line  # "minder water en CO" / "2"
            subscript = True
        elif subscript and (line[:1] in "-)" or line[:1].islower()):
            lines[-1] += line if line[:1] in "-)" else " " + line  # "CO2" / "-neutraal te maken" or "-Prestatieladder)"
            subscript = False
        elif lines and _in_capitals(line) and _in_capitals(lines[-1]) and _title_goes_on(lines[-1], line):
            hyphenated = HYPHENATED_CAPITALS.search(lines[-1])  # "AANGEKON-" / "DIGD"
            lines[-1] = lines[-1][:-1] + line if hyphenated else f"{lines[-1]} {line}"
        elif not lines or line != lines[-1]:
            lines.append(line)
            subscript = False
    return lines


def blocks_from_pages(pages: Iterable[str]) -> tuple[list[Block], list[str]]:
    """Turn the page texts of a PDF extraction into blocks; also return the bare URLs dropped from the text."""
    page_lines = _titles_first([_page_lines(p) for p in pages])
    running = _running_lines(page_lines)
    lengths = [len(line) for lines in page_lines for line in lines]
    footnotes = _Footnotes(wide=FOOTNOTE_WIDTH * statistics.median(lengths) if lengths else 0.0)
    urls: list[str] = []
    blocks: list[Block] = []
    current: list[str] = []
    current_kind = "paragraph"
    current_page: int | None = None
    interrupting: list[Block] = []  # page titles printed in the middle of a sentence, kept for after it

    def flush() -> None:
        nonlocal current, current_kind
        table = current_kind == "table"
        text = "; ".join(current) if table else _join(current)
        if text:
            blocks.append(Block(text=text, kind="paragraph" if table else current_kind, page=current_page))
        current, current_kind = [], "paragraph"
        blocks.extend(footnotes.drain())
        blocks.extend(interrupting)
        interrupting.clear()

    for page_no, content in enumerate(page_lines, start=1):
        next_page = _first_line(page_lines[page_no:])  # where a sentence or heading broken off at the page end goes on
        for i, line in enumerate(content):
            if line.startswith(TABLE_ROW_MARK):
                flush()
                blocks.append(Block(text=line.removeprefix(TABLE_ROW_MARK).strip(), kind="item", page=page_no))
                continue
            if url := URL_LINE.match(line):
                urls.append(url["url"])
                footnotes.found = footnotes.found or bool(url["footnote"])
                continue
            next_line = content[i + 1] if i + 1 < len(content) else None
            if (
                PAGE_NUMBER_LINE.match(line)
                or CONTENTS_LINE.search(line)
                or CONTENTS_TITLE.match(line) and bool(next_line and CONTENTS_LINE.search(next_line))
                or STRUCTURE_TAG_LINE.match(line)
                or line in running
                or not WORD.search(line)
            ):
                continue
            was_in_notes = footnotes.open
            if footnotes.take(line, next_line, page_no):
                continue
            if was_in_notes and not current:
                flush()  # the footnotes interrupted no paragraph: they stay where they were
            if not current and _continues_heading(blocks[-1] if blocks else None, line, next_line, page_no):
                blocks[-1] = dataclasses.replace(blocks[-1], text=f"{blocks[-1].text} {line}")
                continue  # "1.2 Context innovatiegericht inkopen" / "in Nederland en in Europa"
            byline = len(current) == 1 and bool(BYLINE.match(current[0]))
            previous_ended = not current or current_kind == "table" or byline or _ends_sentence(current[-1])
            after_next = content[i + 2] if i + 2 < len(content) else next_page
            if _is_heading(line, previous_ended, next_line) or (
                previous_ended and _title_breaks_off(line, next_line, after_next)
            ):
                # the sentence may go on on the next page
                if not previous_ended and _interrupts(line, next_line or next_page):
                    interrupting.append(Block(text=line, kind="heading", page=page_no))
                    continue  # "… een product ontwikkeld dat / STAP 10: … / met satellietdata …"
                flush()
                blocks.append(Block(text=line, kind="heading", page=page_no))
                continue
            if current_kind == "paragraph" and not previous_ended and _ends_caption(current[-1], line, next_line):
                # its own paragraph, not a heading: the caption, the title and the text stay in one section
                flush()
                blocks.append(Block(text=line, kind="paragraph", page=page_no))
                continue
            is_row = bool(TABLE_ROW.match(line))  # a table's rows are a paragraph of their own, not run into prose
            is_item = bool(BULLET.match(line) or NUMBERED.match(line)) and not is_row
            item_ended = current_kind == "item" and line[:1].isupper() and (_is_label(current) or _is_title(current))
            if item_ended and not _is_label(current):
                current_kind = "heading"  # a numbered finding's title over the paragraph that explains it
            if is_item or item_ended or (current_kind == "table") != is_row or (
                current and (_ends_sentence(current[-1]) or URL_END.search(current[-1]) or byline)
                and _starts_new(line)
            ):
                flush()
            if not current:
                current_page = page_no
                current_kind = "table" if is_row else "item" if is_item else "paragraph"
                line = BULLET.sub("", line, count=1) if BULLET.match(line) else line
            current.append(line)
    flush()
    return _question_headings(footnotes.without_markers(blocks)), urls


def _question_headings(blocks: list[Block]) -> list[Block]:
    """The blocks, with a paragraph that is one short question heading the paragraph after it: "Wanneer kiest u voor
    een prijsvraag?", an FAQ's "Mag ik de informatie uit … gebruiken?" printed over two lines. Not one of a run of
    questions ("Hoe is dit proces verlopen? / Welke lessen …?"), nor one a list answers (a checklist's)."""
    headed = list(blocks)
    for i, (before, block, after) in enumerate(zip([None, *blocks], blocks, [*blocks[1:], None])):
        asks = block.kind == "paragraph" and block.text.endswith("?") and block.text[:1].isupper()
        alone = len(block.text.split()) <= MAX_QUESTION_HEADING_WORDS and len(split_sentences(block.text)) == 1
        answered = after is not None and after.kind == "paragraph" and after.text[:1].isupper()
        if asks and alone and answered and not (before and before.text.endswith("?")):
            headed[i] = dataclasses.replace(block, kind="heading")
    return headed


@dataclasses.dataclass
class _Footnotes:
    """Footnotes an extraction printed in the middle of the text, even of a sentence. Their small type makes
    their lines run longer than the text's (`wide`). They are kept, as paragraphs after the one they interrupt."""

    wide: float
    notes: list[tuple[list[str], int]] = dataclasses.field(default_factory=list)  # the lines of each, and its page
    open: bool = False  # the last line taken belongs to a footnote
    emitted: list[Block] = dataclasses.field(default_factory=list)  # the paragraphs made of them so far
    found: bool = False  # the document has footnotes, also when some are only a URL

    def take(self, line: str, next_line: str | None, page: int) -> bool:
        """Whether `line` is (part of) a footnote; if so it is kept here until `drain`."""
        if self.open:
            if _is_footnote(line, self.wide):
                self._start(line, page)  # the next footnote
                return True
            last = self.notes[-1][0][-1]
            if len(line) > self.wide or line.startswith("Link:") or self._ends(last, line, next_line):
                self.notes[-1][0].append(line)  # a full footnote line, its link, or the end of a broken-off one
                return True
        # the first of several source references, or a numbered line in footnote type
        self.open = _is_footnote(line, self.wide) and (len(line) > self.wide or _is_reference(next_line))
        if self.open:
            self._start(line, page)
        return self.open

    def _start(self, line: str, page: int) -> None:
        self.notes.append(([line], page))
        self.found = True

    def _ends(self, last: str, line: str, next_line: str | None) -> bool:
        """Whether a short `line` ends a footnote whose full-width `last` line broke off mid-sentence
        ("... zoals de" + "vleesvervangende producten."): only when another footnote follows, as the text the
        footnotes interrupted may resume the same way ("... welke aanbestedings- en" + "staatsteunregels ...")."""
        broken_off = len(last) > self.wide and not SENTENCE_END.search(last) and not re.search(r"https?://\S+$", last)
        continues = line[:1].islower() or _runs_on(last)
        # ... or the line ends a sentence that the text after it cannot be part of: that resumes mid-sentence
        text_resumes = bool(SENTENCE_END.search(line)) and next_line is not None and next_line[:1].islower()
        # ... or the line finishes the source the footnote names: "… Framework Programme: Interconnected Innovation"
        # + "Ecosystems (2022.2) (HORIZON-EIE-2022-CONNECT-02)"
        cites_source = bool(SOURCE_REFERENCE.search(line)) and not SENTENCE_END.search(line)
        return broken_off and (continues and (_is_footnote(next_line, self.wide) or text_resumes) or cites_source)

    def without_markers(self, blocks: list[Block]) -> list[Block]:
        """The blocks without the footnote numbers glued to the words that refer to them ("een betere wereld3.",
        "opschaling)10", "innovatie.28 Let wel", "periode 201618 tot"); the footnotes themselves keep their number. Only in a document
        with footnotes ("CO2" is no marker), but any number: not every footnote is printed where it can be
        recognised as one."""
        if not self.found:
            return blocks
        footnotes = {id(block) for block in self.emitted}
        return [
            block if id(block) in footnotes
            else dataclasses.replace(block, text=GLUED_TO_YEAR.sub(r"\1", GLUED_MARKER.sub("", block.text)))
            for block in blocks
        ]

    def drain(self) -> list[Block]:
        """The footnotes taken since the last drain, as paragraphs."""
        blocks = [Block(text=_join(lines), kind="paragraph", page=page) for lines, page in self.notes]
        self.emitted += blocks
        self.notes = []
        return blocks


def _continues_heading(last: Block | None, line: str, next_line: str | None, page: int) -> bool:
    """Whether a short line in lower case, with no sentence end, is the second line of the heading just before it:
    "3.1 Identificeren van (voornaamste)" / "belemmeringen", when the text after it starts anew."""
    return last is not None and last.kind == "heading" and last.page == page and _heading_tail(line, next_line)


def _heading_tail(line: str, next_line: str | None) -> bool:
    """Whether a line can finish a heading printed over two lines: short, in lower case, ending no sentence, and
    followed by text that starts anew (or by nothing)."""
    return (
        line[:1].islower() and len(line.split()) <= MAX_HEADING_TAIL_WORDS and not SENTENCE_END.search(line)
        and (next_line is None or _starts_new(next_line))
    )


def _title_breaks_off(line: str, next_line: str | None, after: str | None) -> bool:
    """Whether a short line is a title broken off on a function word, finished by a short line in lower case
    before the text starts anew: "Verschillen in denken bij overheden vergeleken met" / "marktpartijen" / "Een
    andere belemmering …". Prose cannot stop there: the finishing line ends no sentence, nor does the title."""
    return (
        bool(TRAILING_FUNCTION_WORD.search(line)) and line[:1].isupper() and len(line.split()) <= MAX_TITLE_WORDS
        and next_line is not None and after is not None and _heading_tail(next_line, after)
        and not re.search(r"[.!?;:]", line + next_line)
    )


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _title_goes_on(title: str, line: str) -> bool:
    """Whether a line in capitals is the rest of the title in capitals before it: the title is hyphenated
    ("AANGEKON-" / "DIGD"), breaks off on a comma or a function word ("BIJLAGE 3. LEDEN VAN DE" / "WERKGROEP"), or
    the line opens with one ("STAP 4: BEPAAL CRITERIA OM DE INNOVATIE" / "TE BEOORDELEN")."""
    return title.endswith(",") or bool(
        HYPHENATED_CAPITALS.search(title) or TRAILING_FUNCTION_WORD.search(title) or LEADING_FUNCTION_WORD.match(line)
    )


def _titles_first(pages: list[list[str]]) -> list[list[str]]:
    """The pages, with a title in capitals that the extraction printed at the bottom of its page moved to the top:
    a step plan's "STAP 2: MAAK EEN VOORSELECTIE …" came after the step's first page, over the page's links or
    between the halves of a sentence going on on the next page, so that page fell under the step before. Only a
    page that opens with a sentence of its own, and only a title at the bottom: before the page's links, or last
    when the next page goes on mid-sentence (a heading left last on its page heads the next page's text)."""
    moved = []
    for number, lines in enumerate(pages):
        following = _first_line(pages[number + 1 :]) or ""
        for i, line in enumerate(lines[1:], start=1):
            below = lines[i + 1] if i + 1 < len(lines) else None
            at_bottom = bool(URL_LINE.match(below)) if below else following[:1].islower()
            if _in_capitals(line) and len(line.split()) <= MAX_TITLE_WORDS and at_bottom:
                if lines[0][:1].isupper() and not _in_capitals(lines[0]):
                    lines = [line, *lines[:i], *lines[i + 1 :]]
                break
        moved.append(lines)
    return moved


def _first_line(pages: list[list[str]]) -> str | None:
    return next((lines[0] for lines in pages if lines), None)


def _ends_sentence(line: str) -> bool:
    """Whether a line ends its sentence: not on a title or an abbreviation that something must follow ("… een online
    lezing van prof." / "Mariana Mazzucato …", "… zoals bijv." / "de SBIR")."""
    return bool(SENTENCE_END.search(line)) and not LEADING_ABBREVIATION.search(line)


def _runs_on(line: str) -> bool:
    """Whether a line ends where its sentence cannot: on a comma, hyphen, slash or open bracket."""
    return line.rstrip().endswith(RUN_ON_ENDS)


def _interrupts(title: str, next_line: str | None) -> bool:
    """Whether a title in capitals stands between the two halves of a sentence: the page's running title, which
    the extraction printed where the page's text column broke. It goes after the sentence's paragraph."""
    whole_title = _in_capitals(title) and not TRAILING_FUNCTION_WORD.search(title)
    return whole_title and next_line is not None and next_line[:1].islower()


def _is_label(lines: list[str]) -> bool:
    """Whether a list item is a short label ("Juridisch", "Kennis en vaardigheden"): the text after the list
    starts on the next line, though nothing ends the label as a sentence."""
    words = lines[0].split() if len(lines) == 1 else []
    return 0 < len(words) <= MAX_LABEL_WORDS and not TRAILING_FUNCTION_WORD.search(lines[0]) and not _runs_on(lines[0])


def _is_title(lines: list[str]) -> bool:
    """Whether a numbered item is a finding's title that its paragraph follows ("1) Overheden erkennen de potentie
    van innovatiegericht" / "inkopen vaak nog onvoldoende" / "De meest genoemde …"): one sentence without its end,
    ending on no function word and no run-on sign (not a table row: "1. WAT? Welk type … F11 A11")."""
    last = lines[-1]
    one_unfinished_sentence = not SENTENCE_END.search(last) and not re.search(r"[.?!:]\s", " ".join(lines))
    return bool(NUMBERED.match(lines[0])) and one_unfinished_sentence and not TRAILING_FUNCTION_WORD.search(last) \
        and not _runs_on(last)


def _is_footnote(line: str | None, wide: float) -> bool:
    """The first line of a footnote: a numbered source reference, or a numbered line in footnote type."""
    return _is_reference(line) or bool(line and FOOTNOTE.match(line) and len(line) > wide)


def _is_reference(line: str | None) -> bool:
    """A numbered source reference: "12 kst-34775.pdf (…)", "40 Dialogic, 2021, …"."""
    return bool(line and FOOTNOTE.match(line) and SOURCE_REFERENCE.search(line))


def _starts_new(line: str) -> bool:
    return line[:1].isupper() or line[:1].isdigit() or line[:1] in "‘'\"“("


def _join(lines: list[str]) -> str:
    """Join column-wide lines into one paragraph, repairing words hyphenated across line breaks."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith("-"):
            text = _rejoined(text, line)
        elif text.endswith("/"):
            text += line  # "ondersteunen/" + "begeleiden"
        else:
            text += " " + line
    return re.sub(r"\s+", " ", text).strip()


def table_items(rows: list[list[str]], headed: bool) -> list[Block]:
    """A table as the lines of a list, one a row. Under a header row (`headed`) each row names its cells' columns:
    "Kenmerk: Afname; SBIR: Geen afnameverplichting; Innovatiepartnerschap: Afname is voorzien bij succes", which a
    question on SBIR's afname finds and an answer can quote alone; a row of a label and its value reads as one
    ("Toetreding: Op elk moment tijdens de looptijd"); else "Afname | Geen afnameverplichting | …". A cell merged over
    several columns repeats its text; it is said once."""
    rows = [[re.sub(r"\s+", " ", cell).strip() for cell in row] for row in rows]
    header = rows[0] if headed and len(rows) > 1 and len(rows[0]) > 1 else None
    items = []
    for number, row in enumerate(rows):
        cells = [cell if not i or cell != row[i - 1] else "" for i, cell in enumerate(row)]
        filled = [cell for cell in cells if cell]
        if header is None and len(filled) == 2 and not SENTENCE_END.search(filled[0]):
            text = f"{filled[0]}: {filled[1]}"
        elif header is None or number == 0:
            text = " | ".join(filled)
        else:
            text = "; ".join(f"{column}: {cell}" if column else cell for column, cell in zip(header, cells) if cell)
        if text:
            items.append(Block(text=text, kind="item"))
    return items


def blocks_from_markdown(text: str) -> list[Block]:
    """Blocks of a Markdown (or plain, well-formed) text: headings, list items, tables and paragraphs."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    table: list[list[str]] = []
    kind = "paragraph"

    def flush() -> None:
        nonlocal paragraph, kind, table
        joined = _join(paragraph)
        if joined:
            blocks.append(Block(text=joined, kind=kind))
        if table:  # Markdown's tables always have a header row, the rule under it tells it
            blocks.extend(table_items(table, headed=True))
        paragraph, kind, table = [], "paragraph", []

    for raw in normalise(text).split("\n"):
        line = raw.strip()
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if not line or re.fullmatch(r"[-*_=]{3,}", line):
            flush()
        elif heading:
            flush()
            blocks.append(Block(text=_strip_markup(heading.group(1)), kind="heading"))
        elif line.startswith("|") and line.endswith("|"):  # a table row
            if not table:
                flush()
            cells = [_strip_markup(cell) for cell in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):  # not the rule under the header
                table.append(cells)
        elif re.match(r"^(?:[-*+•]|\d{1,2}[.)])\s+", line):
            flush()
            kind = "item"
            item = re.sub(r"^[-*+•]\s+", "", line)
            paragraph.append(_strip_markup(item))
        elif not URL_LINE.match(line):
            paragraph.append(_strip_markup(line))
    flush()
    return blocks


def _strip_markup(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their label
    return re.sub(r"(\*\*|__|`)", "", text).strip()


def drop_contents_lists(blocks: list[Block]) -> list[Block]:
    """The blocks without a list of the document's own section titles ("- Wanneer", "- Stappenplan", "- Juridisch",
    "- Links" on a page headed by "WANNEER", "STAPPENPLAN", …): a web page's in-page menu, printed with it, which
    answers nothing and reads as a list of steps."""
    titles = {b.text.casefold() for b in blocks if b.kind == "heading"}
    kept: list[Block] = []
    for is_item, run in groupby(blocks, key=lambda b: b.kind == "item"):
        items = list(run)
        if not (is_item and len(items) >= MIN_CONTENTS_ITEMS and all(b.text.casefold() in titles for b in items)):
            kept += items
    return kept


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def drop_repeated_blocks(blocks: list[Block], threshold: float = 0.6) -> list[Block]:
    """Drop blocks whose text the document already said: documents that contain themselves twice. A short block
    must have been said whole: "1. Succes: de digitale technologie is waardevol voor de organisatie." repeats most of
    an earlier sentence ("… leidt hopelijk tot een succes: de digitale technologie is waardevol …") and is new. A
    list item said before its list stays in a list with new items: a list in the body names again points its summary
    listed, and is whole only with them."""
    seen: set[tuple[str, ...]] = set()
    kept: list[Block] = []
    for is_list, run in groupby(blocks, key=lambda block: block.kind == "item"):
        within: set[tuple[str, ...]] = set()
        said: list[tuple[Block, bool, bool]] = []  # each block, whether said before, whether said in its own list
        for block in run:
            shingles = _shingles(block.text)
            said.append((block, _said(block, shingles, seen, threshold), _said(block, shingles, within, threshold)))
            seen |= shingles
            within |= shingles
        partly_new = is_list and not all(before for _, before, _ in said)
        kept += [block for block, before, in_list in said if not before or partly_new and not in_list]
    return kept


def _said(block: Block, shingles: set[tuple[str, ...]], seen: set[tuple[str, ...]], threshold: float) -> bool:
    """Whether `seen` holds the block's word 5-grams: most of a long block's, all of a short one's. Headings repeat
    by design (a running title, a summary's headings)."""
    share = threshold if len(shingles) >= LONG_BLOCK_SHINGLES else 1.0
    return block.kind != "heading" and len(shingles) >= 4 and len(shingles & seen) >= share * len(shingles)
