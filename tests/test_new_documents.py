"""Documents the tuning never saw, in the shapes PIANOo publishes, asked about with the real model: a one-page PDF
guide telling its phases in prose, a two-page PDF with a running header and step lines, a DOCX with a numbered
list of phases, and text extracted from PDFs as the bundled corpus is (a factsheet with question headings and a
numbered list broken over lines, a guide with a table of contents and short steps, an FAQ), a web page with its
menus, a DOCX comparing two instruments in a table, a PDF with a table, a DOCX headed by bold lines and a guide
listing its way of working without numbers. Each question here was answered wrongly before the fix it names."""

import textwrap
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from fpdf import FPDF

from assistant.pipeline import Pipeline
from assistant.settings import Settings

from .conftest import MINI_CORPUS


class _Guide(FPDF):
    """A PDF with a running header and page numbers, written paragraph by paragraph."""

    def __init__(self, header: str) -> None:
        super().__init__()
        self.running_header = header
        self.set_auto_page_break(True, 15)
        self.add_page()

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, self.running_header, align="R")
        self.ln(8)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, str(self.page_no()), align="C")

    def write(self, text: str, size: int = 11, bold: bool = False) -> None:  # type: ignore[override]
        self.set_x(self.l_margin)
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, 6 if size <= 11 else 9, text)
        self.ln(2)


def _dialogue_guide(path: Path) -> None:
    guide = _Guide("PIANOo | Handreiking concurrentiegerichte dialoog")
    guide.write("Handreiking concurrentiegerichte dialoog", size=18, bold=True)
    guide.write("Deze handreiking helpt inkopers bij het kiezen en doorlopen van de concurrentiegerichte dialoog.")
    guide.write("1. Wanneer kiest u voor de dialoog?", size=13, bold=True)
    guide.write("De concurrentiegerichte dialoog is een aanbestedingsprocedure voor bijzonder complexe opdrachten. "
                "De aanbestedende dienst voert met geselecteerde gegadigden een dialoog over mogelijke oplossingen.")
    guide.write("2. Het verloop van de procedure", size=13, bold=True)
    guide.write("De procedure kent vier fasen. Eerst publiceert u een aankondiging met de selectiecriteria. Daarna "
                "selecteert u ten minste drie gegadigden. Vervolgens voert u de dialoog in een of meer rondes. Tot "
                "slot vraagt u de overgebleven deelnemers om een definitieve inschrijving.")
    guide.write("3. Risico's en valkuilen", size=13, bold=True)
    guide.write("Een belangrijk risico is dat de dialoog te lang duurt. Gemiddeld duurt de procedure twaalf tot "
                "achttien maanden. Ook kost de dialoog de deelnemers veel tijd en geld.")
    guide.output(str(path))


def _specification_guide(path: Path) -> None:
    guide = _Guide("Handreiking functioneel specificeren | PIANOo")
    guide.write("Functioneel specificeren", size=18, bold=True)
    guide.write("1. Wat is functioneel specificeren?", size=13, bold=True)
    guide.write("Functioneel specificeren betekent dat u beschrijft wat een oplossing moet doen, niet hoe zij eruit "
                "moet zien. Zo laat u ruimte aan de markt om met vernieuwende oplossingen te komen.")
    guide.write("2. Zo pakt u het aan", size=13, bold=True)
    for number, step in enumerate([
        "Beschrijf het probleem en de gewenste situatie.",
        "Betrek de eindgebruikers bij het opstellen van de eisen.",
        "Formuleer eisen als prestaties, bijvoorbeeld: de weg moet 15 jaar meegaan zonder groot onderhoud.",
        "Bepaal hoe u de prestaties gaat meten en beoordelen.",
    ], 1):
        guide.write(f"Stap {number}: {step}")
    guide.write("3. Veelvoorkomende knelpunten", size=13, bold=True)
    guide.write("Inkopers vinden het lastig om los te komen van de bestaande oplossing. Ook ontbreekt vaak de tijd "
                "om de behoefte goed te onderzoeken.")
    guide.add_page()
    guide.write("4. Meer informatie", size=13, bold=True)
    guide.write("Lees meer op de website van PIANOo of neem contact op met het expertisecentrum.")
    guide.output(str(path))


def _sbir_guide(path: Path) -> None:
    document = DocxDocument()
    document.add_heading("SBIR: innovatieve oplossingen laten ontwikkelen", 0)
    document.add_paragraph("Met SBIR daagt een overheidsorganisatie ondernemers uit om met innovatieve oplossingen te "
                           "komen voor een maatschappelijk probleem.")
    document.add_heading("Hoe werkt SBIR?", 1)
    document.add_paragraph("Een SBIR-traject bestaat uit drie fasen:")
    for phase in ["Fase 1: haalbaarheidsonderzoek. Deze fase duurt maximaal zes maanden.",
                  "Fase 2: onderzoek en ontwikkeling. Deze fase duurt maximaal twee jaar.",
                  "Fase 3: commercialisering. De overheid kan het product dan inkopen."]:
        document.add_paragraph(phase, style="List Number")
    document.add_heading("Budget", 1)
    document.add_paragraph("In fase 1 ontvangt een ondernemer maximaal 50.000 euro; in fase 2 maximaal 1 miljoen euro.")
    document.save(str(path))


def _comparison(path: Path) -> None:
    document = DocxDocument()
    document.add_heading("Kiezen tussen SBIR en het innovatiepartnerschap", 0)
    document.add_paragraph("Deze notitie helpt inkopers kiezen tussen twee instrumenten.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("Kenmerk", "SBIR", "Innovatiepartnerschap"),
                                       ("Looptijd", "Enkele maanden tot twee jaar", "Meerdere jaren"),
                                       ("Afname", "Geen afnameverplichting", "Afname is voorzien bij succes")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(str(path))


def _consultation_forms(path: Path) -> None:
    """A PDF whose facts are in a ruled table only."""
    guide = _Guide("PIANOo | Vormen van marktconsultatie")
    guide.write("Vormen van marktconsultatie", size=18, bold=True)
    guide.write("Een marktconsultatie kan verschillende vormen hebben. De tabel zet ze naast elkaar.")
    with guide.table() as table:
        for cells in (("Vorm", "Geschikt voor", "Doorlooptijd"),
                      ("Informatiebijeenkomst", "Veel partijen tegelijk informeren", "Een dagdeel"),
                      ("Een-op-een gesprekken", "Diepgaande vragen over oplossingen", "Twee tot vier weken"),
                      ("Schriftelijke vragenlijst", "Snel een breed beeld van de markt", "Drie weken")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    guide.output(str(path))


def _bold_headed(path: Path) -> None:
    """A Word document whose headings are bold lines, not heading styles."""
    document = DocxDocument()
    for text, bold in (("Handreiking marktverkenning", True),
                       ("Deze handreiking helpt inkopers de markt te verkennen.", False),
                       ("Valkuilen", True),
                       ("Een veelgemaakte fout is dat inkopers alleen met bekende leveranciers praten.", False)):
        document.add_paragraph().add_run(text).bold = bold
    document.save(str(path))


def _procurement_plan(path: Path) -> None:
    """A guide whose way of working is a list without numbers under the heading "Werkwijze"."""
    path.write_text(
        "# Handreiking inkoopplan\n\nEen inkoopplan legt vast wat een organisatie het komende jaar inkoopt.\n\n"
        "## Werkwijze\n\n- Inventariseer de behoeften van alle afdelingen.\n"
        "- Bundel vergelijkbare behoeften tot inkooppakketten.\n- Kies per pakket een inkoopprocedure.\n"
        "- Laat het plan vaststellen door de directie.\n\n"
        "## Valkuilen\n\nEen inkoopplan dat niemand bijhoudt, veroudert binnen een half jaar.\n",
        encoding="utf-8",
    )


def _extracted(blocks: list[str], width: int = 48) -> str:
    """Text as the corpus's PDF extractions print it: a page opens with one space, every line ends in one and is
    followed by a blank line, and numbered items break over lines like paragraphs ("2. Publiceer …" / "ten minste …")."""
    lines = [line + " " for block in blocks for line in textwrap.wrap(block, width)]
    return " " + "\n\n".join(lines) + "\n"


def _prijsvraag_factsheet(path: Path) -> None:
    path.write_text(_extracted([
        "PRIJSVRAAG ALS INKOOPINSTRUMENT",
        "Een prijsvraag daagt de markt uit met een maatschappelijk probleem. De jury kiest de beste inzendingen.",
        "Wanneer kiest u voor een prijsvraag?",
        "Een prijsvraag past als u nog niet weet welke oplossing er mogelijk is en u veel ideeën wilt verzamelen.",
        "Hoe verloopt een prijsvraag?",
        "Een prijsvraag bestaat in de regel uit vier stappen.",
        "1. Stel het vraagstuk en de spelregels vast, inclusief het prijzengeld en de jury.",
        "2. Publiceer de prijsvraag en geef deelnemers ten minste zes weken om een inzending voor te bereiden.",
        "3. Laat de jury de inzendingen anoniem beoordelen aan de hand van de criteria.",
        "4. Maak de winnaars bekend en besluit of u een vervolgopdracht gunt.",
    ]), encoding="utf-8")


def _proeftuin_guide(path: Path) -> None:
    contents = ["Inhoud"] + [f"Stap {n}: {title} {'.' * 20} {n + 1}" for n, title in enumerate(
        ["Bepaal het doel", "Kies de locatie", "Selecteer de deelnemers", "Maak afspraken", "Evalueer"], start=1)]
    steps = [
        ("BEPAAL HET DOEL VAN DE PROEFTUIN", "Begin met de vraag wat u wilt leren en formuleer toetsbare vragen."),
        ("KIES DE LOCATIE EN DE DUUR", "Een proeftuin duurt meestal zes tot twaalf maanden."),
        ("SELECTEER DE DEELNEMERS", "De selectie van ondernemers verloopt transparant via een open oproep."),
        ("MAAK AFSPRAKEN OVER KOSTEN", "Vaak betaalt de overheid een vergoeding voor de gebruikte voorzieningen."),
        ("EVALUEER EN BESLUIT OVER VERVOLG", "Een proeftuin geeft geen recht op een vervolgopdracht."),
    ]
    path.write_text("\n".join(contents) + "\n" + _extracted(
        ["INLEIDING", "Een proeftuin is een afgebakende omgeving waarin een overheid een oplossing test."]
        + [part for n, (title, text) in enumerate(steps, start=1) for part in (f"STAP {n}: {title}", text)],
        width=66,
    ), encoding="utf-8")


def _faq(path: Path) -> None:
    path.write_text(_extracted([
        "VEELGESTELDE VRAGEN OVER MARKTCONSULTATIE",
        "Is een marktconsultatie verplicht?",
        "Nee, een marktconsultatie is niet verplicht. Voor innovatieve opdrachten raden wij het wel sterk aan.",
        "Mag ik de informatie uit een marktconsultatie gebruiken in mijn aanbesteding?",
        "Ja, maar u mag geen bedrijfsgeheimen van deelnemers openbaar maken.",
    ], width=66), encoding="utf-8")


def _web_page(path: Path) -> None:
    """A page as PIANOo's website serves it: a cookie notice, a menu and a breadcrumb before the article, a footer
    after it; a question heading, and a heading a list follows."""
    path.write_text("""<!DOCTYPE html><html lang="nl"><head><title>Prestatie-inkoop | PIANOo</title>
<script>var tracking = 1;</script></head><body>
<div class="cookie-banner">Deze website gebruikt cookies. <a href="#">Accepteren</a></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/themas">Thema's</a></li></ul></nav>
<div class="breadcrumb">U bent hier: Home › Inkoopproces › Prestatie-inkoop</div></header>
<main><h1>Prestatie-inkoop</h1>
<p>Prestatie-inkoop is een werkwijze waarbij de leverancier als expert de prestatie bepaalt en de opdrachtgever
stuurt op resultaat. De opdrachtgever beoordeelt vooral de aantoonbare prestaties van de leverancier.</p>
<h2>Wanneer kiest u voor prestatie-inkoop?</h2>
<p>U kiest voor prestatie-inkoop als u de kennis van de markt wilt benutten en zelf niet precies weet hoe de
oplossing eruitziet.</p>
<h2>Aandachtspunten</h2>
<ul><li>Beperk het aantal eisen tot wat echt nodig is.</li>
<li>Laat leveranciers hun risico's en kansen zelf benoemen.</li>
<li>Leg vooraf vast hoe u de prestaties meet.</li></ul></main>
<footer><p>PIANOo is onderdeel van het Ministerie van Economische Zaken.</p></footer></body></html>""",
                    encoding="utf-8")


@pytest.fixture(scope="module")
def new_documents(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    base = tmp_path_factory.mktemp("new")
    folder = base / "docs"
    folder.mkdir()
    _dialogue_guide(folder / "dialoog.pdf")
    _specification_guide(folder / "functioneel.pdf")
    _sbir_guide(folder / "sbir.docx")
    _prijsvraag_factsheet(folder / "prijsvraag.txt")
    _proeftuin_guide(folder / "proeftuin.txt")
    _faq(folder / "faq.txt")
    _web_page(folder / "prestatie-inkoop.html")
    _comparison(folder / "keuzehulp.docx")
    _consultation_forms(folder / "marktconsultatie.pdf")
    _bold_headed(folder / "marktverkenning.docx")
    _procurement_plan(folder / "inkoopplan.md")
    pipeline = Pipeline(Settings(data_dir=base / "data"))
    report = pipeline.ingest([folder, MINI_CORPUS])  # the mini corpus has an innovation partnership's phases
    assert not report.failed, report.failed
    return pipeline


def test_a_two_page_guides_title_is_its_own_not_its_running_header(new_documents: Pipeline) -> None:
    assert new_documents.retriever.documents()["functioneel.pdf"][0] == "Functioneel specificeren"


def test_a_duration_written_in_words_answers_how_long(new_documents: Pipeline) -> None:
    answer = new_documents.ask("Hoe lang duurt een concurrentiegerichte dialoog?", doc_ids=["dialoog.pdf"])
    assert not answer.refused and "twaalf tot achttien maanden" in answer.text


def test_a_section_on_the_asked_aspect_is_quoted_from_its_start(new_documents: Pipeline) -> None:
    assert new_documents.ask("Wat zijn de risico's van de concurrentiegerichte dialoog?").text.startswith(
        "Een belangrijk risico is dat de dialoog te lang duurt."
    )
    answer = new_documents.ask("Welke knelpunten zijn er bij functioneel specificeren?")
    assert answer.text.startswith("Inkopers vinden het lastig om los te komen van de bestaande oplossing.")


def test_phases_told_in_prose_and_steps_told_in_lines(new_documents: Pipeline) -> None:
    prose = new_documents.ask("Welke fasen heeft de concurrentiegerichte dialoog?").text
    assert prose.startswith("De procedure kent vier fasen.") and "Tot slot vraagt u" in prose
    lines = new_documents.ask("Welke stappen zet ik bij functioneel specificeren?").text.splitlines()
    assert [line.split(":")[0] for line in lines] == ["- Stap 1", "- Stap 2", "- Stap 3", "- Stap 4"]
    one = new_documents.ask("Wat is stap 3 van functioneel specificeren?").text
    assert one.startswith("Stap 3: Formuleer eisen als prestaties") and "Stap 4" not in one


def test_a_named_phase_of_one_instrument(new_documents: Pipeline) -> None:
    duration = new_documents.ask("Hoe lang duurt fase 1 van SBIR?")
    assert "zes maanden" in duration.text and "Fase 3" not in duration.text
    money = new_documents.ask("Hoeveel geld krijgt een ondernemer in fase 2 van SBIR?")
    assert "1 miljoen euro" in money.text
    assert {citation.chunk.doc_id for citation in money.citations} == {"sbir.docx"}


def test_extracted_text_keeps_numbered_items_and_question_headings(new_documents: Pipeline) -> None:
    steps = new_documents.ask("Welke stappen heeft een prijsvraag?").text
    assert [line[:4] for line in steps.splitlines()[1:]] == ["- 1.", "- 2.", "- 3.", "- 4."]
    assert "ten minste zes weken" in steps  # the item's second line stays in the item
    assert "Wanneer kiest u" not in new_documents.ask("Wat is een prijsvraag?").text
    answer = new_documents.ask("Moet ik altijd een marktconsultatie houden?")
    assert answer.text.startswith("Nee, een marktconsultatie is niet verplicht.") and "Mag ik" not in answer.text


def test_the_steps_of_a_guide_with_a_table_of_contents(new_documents: Pipeline) -> None:
    outline = new_documents.ask("Welke stappen zet ik om een proeftuin op te zetten?").text
    assert [line.split(":")[0] for line in outline.splitlines()] == [f"- STAP {n}" for n in range(1, 6)]
    one = new_documents.ask("Wat is stap 3 van de proeftuin?").text
    assert one.startswith("De selectie van ondernemers") and "vervolgopdracht" not in one


def test_a_web_page_is_indexed_without_its_menus_and_answered_from_its_article(new_documents: Pipeline) -> None:
    page = [c for c in new_documents.retriever.lexical_index().chunks if c.doc_id == "prestatie-inkoop.html"]
    assert page and not any("cookies" in c.text or "U bent hier" in c.text or "Ministerie" in c.text for c in page)
    definition = new_documents.ask("Wat is prestatie-inkoop?").text
    assert definition.startswith("Prestatie-inkoop is een werkwijze")  # not the section "Wanneer kiest u …?"
    points = new_documents.ask("Waar moet ik op letten bij prestatie-inkoop?").text
    assert [line[:12] for line in points.splitlines()[:3]] == ["- Beperk het", "- Laat lever", "- Leg vooraf"]


def test_a_row_of_a_table_names_its_columns(new_documents: Pipeline) -> None:
    answer = new_documents.ask("Is er bij SBIR een afnameverplichting?")
    assert "SBIR: Geen afnameverplichting" in answer.text  # the row alone tells whose afname it is


def test_a_way_of_working_listed_without_numbers_answers_how_to_go_about_it(new_documents: Pipeline) -> None:
    for question in ("Hoe pak ik een inkoopplan aan?", "Hoe voer ik het opstellen van een inkoopplan uit?"):
        lines = new_documents.ask(question).text.splitlines()
        expected = ["- Inventaris", "- Bundel ver", "- Kies per p", "- Laat het p"]
        assert [line[:12] for line in lines] == expected, question


def test_a_row_of_a_pdf_table_names_its_columns(new_documents: Pipeline) -> None:
    answer = new_documents.ask("Waarvoor is een schriftelijke vragenlijst geschikt bij een marktconsultatie?")
    assert "Vorm: Schriftelijke vragenlijst; Geschikt voor: Snel een breed beeld van de markt" in answer.text


def test_a_word_document_headed_by_bold_lines(new_documents: Pipeline) -> None:
    answer = new_documents.ask("Wat zijn de valkuilen van een marktverkenning?")
    assert answer.text.startswith("Een veelgemaakte fout is dat inkopers alleen met bekende leveranciers praten.")
    assert answer.citations[0].source_label == "Handreiking marktverkenning (Valkuilen)"
