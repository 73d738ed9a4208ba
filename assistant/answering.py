"""Extractive answers with citations: the sentences of the retrieved passages that best answer the question.

No LLM needed: every sentence of an answer is quoted from a passage and followed by its [n], so a buyer can
check and quote it. When the evidence is too weak the answerer says so instead of guessing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise, takewhile

from .lexical import analyse, named_parts, opens_named_part, opens_other_part
from .models import Answer, Citation, Hit
from .phrasing import ASKS_A_VIEW
from .quotes import (
    ANSWER_CHARS,
    BEGINS_INSIDE,
    FOOTNOTE,
    LOOSE_GAP,
    MIN_OUTLINE_STEPS,
    REFERS_BACK,
    ScoredUnit,
    best_list,
    fit,
    leading_run,
    leads_in,
    length,
    lists,
    score_units,
    similar,
    span,
    stands_alone,
    step_outline,
)
from .refusal import (
    CAUTION,
    REFUSAL,
    WRITTEN_NUMBER,
    answers_too_little,
    asks_quantity,
    gives_asked_quantity,
    refuses,
    states_asked_amount,
)
from .retrieval import Retriever, in_named_part
from .settings import Settings
from .thesaurus import COURSE_OF_A_PROCEDURE, COURSE_VERB, stepping

LIST_QUESTION = re.compile(
    r"\b(stappen|stap|stappenplan|fasen|fases|fase|welke\b.*\b(zijn|kent|noemt|bestaan|horen)|wat zijn de \w+|noem|"
    r"lijst|tips|"
    r"belemmeringen|knelpunten|voorwaarden|dimensies|criteria|aandachtspunten|punten|bronnen|vragen|onderdelen)\b",
    re.IGNORECASE,
)
TITLED_ITEM = re.compile(r"^- ([^.:;]{3,40})[.:]\s")  # "- Risico’s. Zorgvuldige inschatting …"
PART_WORDS = re.compile(r"\b(?:stap|fase)\w*", re.IGNORECASE)  # "stap 1", "stappenplan", "fasen"
# a section heading naming a way of working, whose list is the steps: "Werkwijze", "Aanpak", "Zo pakt u het aan"
WAY_OF_WORKING = re.compile(
    r"^(?:werkwijze|aanpak|stappen|stappenplan|(?:het |de )?(?:proces|procedure|verloop)|zo (?:pakt|werkt|gaat)\b"
    r"|hoe (?:pakt|werkt|gaat|verloopt)\b)",
    re.IGNORECASE,
)
# "Welke afwegingen maak ik …?": several of something, which a list announcing them by that name answers
ASKS_SEVERAL = re.compile(
    r"^(?:(?:en|maar|ook)\s+)?(?:welke|wat\s+zijn\s+(?:de\s+)?(?:\w+ste\s+)?)\s*(\w+(?:en|s|’s|'s))\b", re.IGNORECASE
)
STEPS_QUESTION = re.compile(
    rf"\b(stappen|stappenplan|fasen|fases|{COURSE_OF_A_PROCEDURE}|doorlopen|aanpak|aanpakken|te werk)\b|"
    r"\bpak\b[^?.]*\baan\b|\bhoe\b[^?.]*\b(?:voer\b[^?.]*\buit|uitvoeren)\b",  # "Hoe voer ik een marktverkenning uit?"
    re.IGNORECASE,
)
# "Moet ik de stappen strikt na elkaar doorlopen?" asks whether, not which; "Kun je de stappen noemen?" asks which
ASKS_WHETHER = re.compile(
    r"^(?:moet|moeten|mag|mogen|kan|kun|kunt|kunnen|hoef|hoeft|hoeven|dien|dient|dienen)\b(?![^?]*\b(?:noemen|geven|"
    r"opsommen|beschrijven|uitleggen|toelichten|vertellen|laten zien)\b)",
    re.IGNORECASE,
)
# "Mag een bedrijf uit het partnerschap stappen?" uses the verb: it asks no steps
STEPPING_OUT = re.compile(stepping("uit|in|over|af|mee|terug"), re.IGNORECASE)
# "Uit hoeveel stappen bestaat de voorbereiding, en hoeveel stappen telt het plan?" asks two things.
SECOND_QUESTION = re.compile(
    r",?\s+en\s+(?=(?:wat|hoe|hoeveel|welke?|wie|waarom|wanneer|waar|in welke|op welke|met welke)\b)", re.IGNORECASE
)
OPTIONS = re.compile(r"\b([\w-]{4,})\s+of\s+(?:een\s+|de\s+|het\s+)?(?!niet\b)([\w-]{4,})\b", re.IGNORECASE)
# "het verschil tussen SBIR en een innovatiepartnerschap", "… tussen precommercieel inkopen en een concurrentiegerichte
# dialoog?": an option of two words ends at "en" or, the last, at the question's end
COMPARED = re.compile(
    r"\bverschil\w*\s+tussen\s+(?:een\s+|de\s+|het\s+)?((?:[\w-]{3,}\s+)?[\w-]{3,})\s+en\s+(?:een\s+|de\s+|het\s+)?"
    r"([\w-]{3,}(?:\s+[\w-]{3,}(?=\s*\??$))?)",
    re.IGNORECASE,
)
# "Is een partnerschap hetzelfde als een gewone relatie …?", "Waarin verschilt X van Y?" ask how alike two things are,
# which a sentence that compares them answers ("… is een andere relatie dan …", "… is vrijwel identiek aan …")
ASKS_ALIKE = re.compile(
    r"\b(?:hetzelfde|dezelfde|gelijk|vergelijkbaar|identiek)\s+(?:als|aan|met)\b|\banders\s+dan\b|\bverschil(?:t|len)\b",
    re.IGNORECASE,
)
COMPARES = re.compile(
    r"\bander[es]?\b[^.?!;]{0,60}?\bdan\b|\bverschil\w*|\bvergeleken\b|\bidentiek\b|\bhetzelfde\b|\bvergelijkbaar\b"
    r"|\bin\s+tegenstelling\b",
    re.IGNORECASE,
)
CHOICE = re.compile(r"\b(kies|kiezen|keuze|verschil\w*|beter|voorkeur)\b", re.IGNORECASE)
# "De procedure kent vier fasen.", "Het traject bestaat uit drie stappen:", "De 3 fases zijn: …"
ANNOUNCES_STEPS = re.compile(
    rf"\b(?:kent|bestaat uit|omvat|telt|doorloopt|heeft)\s+(?:{WRITTEN_NUMBER}|\d{{1,2}})\s+(?:\w+\s+)?"
    rf"(?:fasen|fases|stappen)\b|\bde\s+(?:{WRITTEN_NUMBER}|\d{{1,2}})\s+(?:fasen|fases|stappen)\s+(?:zijn|luiden)\b",
    re.IGNORECASE,
)
# "Welke stap komt na de mededingingsfase?", "Wat gebeurt er na stap 4?", "Welke fase volgt op de vraagarticulatie?"
STEP_AFTER = re.compile(r"\b(?:komt|volgt|gebeurt)\s+(?:er\s+)?(?:na|op)\s+([^?]+)", re.IGNORECASE)
# "Wat is de laatste stap?" asks for the outline's last; "… de laatste stap in de voorbereiding?" for a part's last
LAST_STEP = re.compile(r"\blaatste\s+(?:stap|fase)\b(?!\s+(?:in|binnen|tijdens)\b)", re.IGNORECASE)
# a bare source reference: "Dialogic, 2017, Evaluatie SBIR", "Link: Overwegingen bij functioneel specificeren", a
# footnote's "19 Zie onder meer: conclusies van de Raad COMP (30 mei 2008, …)", a web page's title with its site's
# ("Onderzoek naar inkoopvaardigheden: … | PIANOo - Expertisecentrum Aanbesteden")
BARE_REFERENCE = re.compile(
    r"(?:\d{1,3}\s+)?(?:link|bron|zie(?: ook| onder meer| bijvoorbeeld| voor een overzicht)?):\s"
    r"|[A-Z][\w .&()-]{1,40}, (?:19|20)\d\d, |(?!- ).*\s\|\s[^|.?!]{2,30}\s-\s[^|.?!]{2,40}$",
    re.IGNORECASE,
)
COUNT_QUESTION = re.compile(r"\b(hoeveel|aantal)\b", re.IGNORECASE)  # "hoeveel stappen?" wants a number
WHO_WHEN_OR_WHY = re.compile(
    r"\s*(?:en\s+)?(?:(?:voor|door|met|bij|aan|van)\s+)?(?:wie|wanneer|sinds wanneer|waar|waarom|waarvoor|waartoe)\b",
    re.IGNORECASE,
)
# "Van welke situatie gaat het stappenplan uit?", "Welk doel heeft het stappenplan?" ask for something of the plan,
# named after "welk(e)", not for its steps ("Welke stappen …", "Uit welke twee fasen …")
WHICH_OTHER_THING = re.compile(
    r"\s*(?:\w+\s+)?welke?\s+(?!(?:[\w-]+\s+)?(?:stap|fase|onderde|element|activiteit))[\w-]+", re.IGNORECASE
)
# "In welke fasen van innovatie kun je SBIR inzetten?", "Na welke stap …?" ask in which of them something happens;
# not "In welke stappen verloopt SBIR?", "In welke fasen is het opgedeeld?"
IN_WHICH_PART = re.compile(
    rf"\b(?:in|bij|na|tijdens|vanaf|tot|vóór|voor)\s+welke?\s+(?:stap|fase)"
    rf"(?!.*\b(?:{COURSE_VERB}|(?:onder|op|in)?(?:verdeeld|gedeeld)|bestaa?t|bestaan)\b)",
    re.IGNORECASE,
)
# "Hoe pak ik deze knelpunten aan?", "… maatschappelijke vraagstukken sneller aanpakken …?" ask how to tackle a
# problem, not for a procedure's steps
_PROBLEM = r"(?:vraagstuk|probleem|problemen|knelpunt|uitdaging|opgave|belemmering)\w*"
TACKLES_A_PROBLEM = re.compile(
    rf"\b{_PROBLEM}\s+(?:[\w-]+\s+){{0,3}}aan(?:\s*te)?\s*pak|\bpak\w*\s+(?:[\w-]+\s+){{0,3}}{_PROBLEM}\s+aan\b",
    re.IGNORECASE,
)
# "Welke stappen lopen tegelijk?" asks which of the steps overlap, not all of them
RUN_TOGETHER = re.compile(r"\b(?:tegelijk\w*|gelijktijdig\w*|parallel\w*|overlap\w*)\b", re.IGNORECASE)
PLURAL_PARTS = {"fase": "(?:fasen|fases)", "stap": "stappen"}  # a line naming a plan's parts in the plural
# "Welke twee fasen brengt het innovatiepartnerschap samen?": how many it asks for, which a list must count too
_COUNTS = ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")
ASKED_COUNT = re.compile(rf"\b(?:welke|de|die|deze)\s+({'|'.join(_COUNTS)}|\d{{1,2}})\s+\w", re.IGNORECASE)
NUMBERED_ITEM = re.compile(r"^- (\d{1,2})[.)]\s+\S")  # "- 2. Houd een marktconsultatie …"
NUMBERED_LABEL = re.compile(r"^(?:- )?\d{1,2}[.)]\s+")  # "3. Commerciële fase", "- 2) Houd …"
NUMBERED_STEP_PREFIX = re.compile(r"^(?:stap|fase)?\s*\d{1,2}[.:]?\s+", re.IGNORECASE)
# "Wat is een marktconsultatie?", "Wat is SBIR precies?": asks what the thing is, and nothing more
WHAT_IS = re.compile(
    r"^wat\s+(?:is|zijn)\s+(?:een\s+|de\s+|het\s+)?(?P<thing>[\w-]+(?:\s+(?!precies\b)[\w-]+)?)(?:\s+precies)?\s*\?$",
    re.IGNORECASE,
)
QUESTION_WORD = re.compile(r"\W*(wat|wanneer|hoe|hoeveel|waarom|wie|welke?|waar\w*)\b", re.IGNORECASE)
PASSAGES_CONSIDERED = 4
# the passages a section titled by the asked aspect may answer from, best first: the retriever raises the sections it
# sees titled so; one a neighbour's heading shows further down is about something else as often
ASPECT_PASSAGES = 2
ASPECT_BEST_MARGIN = 0.02  # ... and quotes the section's best sentence in a later one when it scores this much better
ANNOUNCING_PASSAGES = 2  # the passages a steps question's answer may find its steps announced in, best first
HEADING_MARGIN = 0.02  # a heading naming a word of the question leads when it scores within this of the best
NAMING_HEADING_MARGIN = 0.04  # ... within this when it names a word of the question the best sentence lacks
NAMED_PART_MARGIN = 0.05  # "Wat is fase 2?": a sentence naming "fase 2" leads when it scores within this of the best
# "Wat is stap 3?" asks what a named step is, which its own section says; "Met wie … bij stap 3 …?" asks something in it
ASKS_WHAT_THE_PART_IS = re.compile(r"\s*(?:en\s+)?wat\s+(?:is|was|houdt|behelst|betekent)\b", re.IGNORECASE)
COMPARISON_MARGIN = 0.08  # "Is X hetzelfde als Y?": a sentence comparing them leads when it scores within this
DEFINITION_MARGIN = 0.05  # "Wat is X?": a sentence saying what X is leads when it scores within this of the best
QUANTITY_MARGIN = 0.1  # "hoeveel X?": a sentence stating the quantity leads when it scores within this of the best
AMOUNT_MARGIN = 0.15  # ... and one stating an asked amount beside what it is of ("Hoe groot zijn de startopdrachten?")
LISTING_MARGIN = 0.05  # "Welke thema's …?": a sentence listing them leads when it scores within this of the best
FILL_MARGIN = 0.06  # a further sentence of a quoted passage must score within this of the best
# ... and within this when it stands in another section of the passage: "Om een lock-in te voorkomen …, kan de
# opdrachtgever starten met meer opdrachtnemers" answers "Waarom met meerdere opdrachtnemers?" as well as the best
# sentence, under the heading before it (0.025: three answers gain a must-mention, none loses one; 0.04 loses one)
SECTION_MARGIN = 0.025


@dataclass
class ExtractiveAnswerer:
    """Composes a cited answer from the best sentences of the retrieved passages."""

    retriever: Retriever
    settings: Settings

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        hits = self.scored(question, hits)
        best_similarity = evidence_similarity(hits)
        searched = self.retriever.query(question)
        if refuses(question, searched, hits, best_similarity, self.retriever.last_lexical_index(), self.settings):
            return Answer(question=question, text=REFUSAL, citations=[], retrieved=hits, refused=True)
        units = _quotable(score_units(hits[:PASSAGES_CONSIDERED]), hits)
        answer = self._composed(question, searched, hits, units)
        lexical = self.retriever.last_lexical_index()
        # a list answers in its items' words ("Welke stappen …?": "- 1. Vraagarticulatie …"), not the question's
        quotes_list = any(line.startswith("- ") for line in answer.text.splitlines())
        if not quotes_list and answers_too_little(question, searched, answer.text, best_similarity, lexical,
                                                  self.settings):
            return Answer(question=question, text=REFUSAL, citations=[], retrieved=hits, refused=True)
        return self.cautioned(answer, best_similarity)

    def scored(self, question: str, hits: list[Hit]) -> list[Hit]:
        """The hits, the sentences of those an answer may quote scored against the question."""
        return self.retriever.with_sentences(question, hits[:PASSAGES_CONSIDERED]) + hits[PASSAGES_CONSIDERED:]

    def cautioned(self, answer: Answer, best_similarity: float) -> Answer:
        """The answer, with the notice that its passages may not be about the question when no sentence of them is
        much like it (see `evidence_similarity`)."""
        if best_similarity < self.settings.caution_similarity:
            answer.notice = CAUTION
        return answer

    def _composed(self, question: str, searched: str, hits: list[Hit], units: list[ScoredUnit]) -> Answer:
        """The answer from the passages' best sentences: a procedure's steps, the step or aspect asked about, or the
        best sentence with what it needs around it."""
        after = STEP_AFTER.search(question)
        last = LAST_STEP.search(question)
        # "Uit hoeveel fasen bestaat een innovatiepartnerschap?": when no passage states the number, the phases are
        # the answer the buyer can count
        steps = asks_for_steps(question) or _counts_unstated_steps(question, units)
        if (steps or after or last) and hits:
            outlines = {doc_id: step_outline(hits, doc_id) for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits)}
            best = hits[0].chunk.doc_id  # another document answers only with steps of its own
            subject = self.retriever.subject_document(question, [d for d in outlines if d == best or outlines[d]])
            outline = outlines[subject]
            if after and (following := _step_after(outline, after.group(1))):
                return compose(question, [following], hits, cite_each=True)
            if last and outline:
                return compose(question, [outline[-1]], hits, cite_each=True)
            # the partnership's steps do not answer "Hoe verloopt de concurrentiegerichte dialoog?"
            about = self.retriever.is_about(question, subject)
            if (outline and steps and about and not _asks_inside_a_step(question, outline)
                    and not _counted_otherwise(question, outline)):
                return compose(question, outline, hits, cite_each=True)
        named = self.retriever.named_parts(question)
        lead = {p for p, hit in enumerate(hits[:PASSAGES_CONSIDERED]) if in_named_part(hit, named, hits)}
        on_aspect = self.retriever.aspect_section(searched)
        # a passage inside such a section, whose heading is in the passage before it, counts by its section title
        inside = {p for p, hit in enumerate(hits[:PASSAGES_CONSIDERED])
                  if on_aspect(hit.chunk.section.split(" › ")[-1], hit.chunk.index_text)}

        def asked_aspect(unit: ScoredUnit) -> bool:
            if unit.heading:
                return on_aspect(unit.text, hits[unit.passage].chunk.index_text)
            return unit.passage in inside

        chosen = self.select(question, units, named, lead, asked_aspect, hits)
        # "Wat is het verschil tussen X en Y?" asks "Wat is X?", which names its subject: any passage may answer it
        anywhere = bool(COMPARED.search(question))
        for part in question_parts(question):
            chosen += self.cover(part, hits[:PASSAGES_CONSIDERED], chosen, anywhere)
        return compose(question, chosen, hits)

    def cover(self, part: str, hits: list[Hit], chosen: list[ScoredUnit], anywhere: bool = False) -> list[ScoredUnit]:
        """For one part of a two-part question ("Hoeveel ..., en hoe lang ...?"): the sentences of the passages
        already quoted that answer it, when the answer so far does not hold them yet. The part alone lacks the
        question's subject ("hoe lang duurt het?"), so it only chooses within the sources the whole question chose;
        a part that names its subject may choose in all of them (`anywhere`)."""
        quoted = {u.passage for u in chosen}
        rescored = self.retriever.with_sentences(part, [dataclasses.replace(h, sentences=None) for h in hits])
        units = [u for u in score_units(rescored) if anywhere or u.passage in quoted]
        best = max(units, key=lambda u: u.score, default=None)
        shown = {(u.passage, u.position) for u in chosen}
        if best is None or (best.passage, best.position) in shown or any(similar(best.text, c.text) for c in chosen):
            return []
        by_position = [u for u in units if u.passage == best.passage]
        return span(best, by_position, budget=ANSWER_CHARS - length(chosen))

    def select(
        self, question: str, units: list[ScoredUnit], named: set[tuple[str, str]] | None = None,
        lead: set[int] | None = None, asked_aspect: Callable[[ScoredUnit], bool] | None = None,
        hits: Sequence[Hit] = (),
    ) -> list[ScoredUnit]:
        """A short run of sentences around the best one (its list, when the question asks for one) and the quoted
        passage's other sentences that score nearly as well, while the answer has room. Not a second passage that
        merely scores as well: it was the wrong source five times for once the right one (reports/ideas.md). The
        `lead` passages are the section of the step the question names (`named`: "Wat is stap 4?"): the answer starts
        there and stays there. Without a named step, a section whose heading `asked_aspect` says titles the aspect the
        question asks about (see `Retriever.aspect_section`) is quoted from its heading, as far as the answer has
        room; else a heading that names the question and scores nearly as well as the best sentence leads. The `hits`
        the units come from tell which passages follow each other in a document."""
        # "Wat is stap 5?" is answered from step 5's section; "Met wie … bij stap 5 …?" may be answered by a sentence
        # elsewhere that names it ("Bij Stap 5 kunt u samen met experts …", see _named_part_first)
        elsewhere = not ASKS_WHAT_THE_PART_IS.match(question)
        if lead and named:
            units = [u for u in units if u.passage in lead or elsewhere and named_parts(u.text) & named]
        by_passage: dict[int, list[ScoredUnit]] = {}
        for unit in units:
            by_passage.setdefault(unit.passage, []).append(unit)
        if named and not lead and (item := _item_by_place(by_passage, named)):
            return item
        several = ASKS_SEVERAL.search(question)
        announced = _announced_list(question, by_passage, several, hits) if several and not named else []
        if announced and not asks_for_steps(question):
            return fit(announced)  # "Welke aanbevelingen …?": "… leiden tot 3 aanbevelingen:" with its list
        if asked_aspect and not named and (section := _aspect_section(units, by_passage, asked_aspect)):
            return section
        if asks_for_steps(question) and (announced := _announced_steps(question, by_passage)) \
                and not _counted_otherwise(question, announced):
            return announced
        # "Wat is stap 1 van het stappenplan?" asks what the step is, "Waar haal ik ideeën vandaan om de fasen in te
        # richten?" where from: their step words ask for no list
        steps_aside = named or WHO_WHEN_OR_WHY.match(question)
        asks_list = LIST_QUESTION.search(PART_WORDS.sub(" ", question) if steps_aside else question)
        found = _list_answer(units, by_passage, hits) if asks_list or several else []
        if found and not asks_list and not _announces(found[0], several):
            found = []  # "Welke standaarden …?" is not answered by "… onderstaande tien regels:"
        if found and several and _an_item_names(found, several):
            found = []  # "Welke knelpunten …?" is not answered by a list of tasks, one "Identificeren van knelpunten"
        asked_for = " ".join(match.group(0) for match in (several, asks_list) if match)  # "Welke knelpunten", "stap"
        if found and not _on_the_subject(question, asked_for, found, units, hits):
            found = []  # "Welke knelpunten zijn er rond budgetten?" is not answered by "- Identificeren van knelpunten"
        if found and _counted_otherwise(question, found):
            found = []  # "Welke twee fasen …?" is not answered by a list of four
        if found and not (named and any(opens_other_part(u.text, named) for u in found)):
            return fit(found)  # but "Hoe lang duurt fase 1?" is not answered with the list of all phases
        if asks_for_steps(question) and not named:
            # a list of the document the question is about, not a checklist's "Na afloop" for "Hoe pak ik X aan?"
            # (units without their `hits` count as of that document)
            about = {passage: passage_units for passage, passage_units in by_passage.items()
                     if passage >= len(hits) or self.retriever.is_about(question, hits[passage].chunk.doc_id)}
            numbered = _numbered_list(about) or _way_of_working(about)
            if numbered and not _counted_otherwise(question, numbered):
                return numbered
        ranked = _named_part_first(sorted(units, key=lambda u: -u.score), named, lead, elsewhere)
        ranked = _quantity_first(question, ranked)
        ranked = _listing_first(question, _definition_first(question, ranked))
        ranked = _comparison_first(question, ranked)
        if not named and not asks_quantity(question):  # a named step's heading leads already, and a
            documents = [hit.chunk.doc_id for hit in hits]  # sentence giving an asked quantity ("hoeveel …?") too
            ranked = _heading_first(question, ranked, documents)
        voices = bool(ASKS_A_VIEW.search(question))  # "Wat vond de bouwer ervan?": his quoted words answer it
        spans = ((unit, span(unit, by_passage[unit.passage], voices=voices)) for unit in ranked)
        best, chosen = next(((unit, quoted) for unit, quoted in spans if quoted), (ranked[0], []))
        if best.text.startswith("- ") and _states_asked_quantity(question, [best]):
            # "Hoeveel gegadigden selecteer ik?": the step that says how many, not the rest of the procedure
            chosen = [u for u in chosen if u.position <= best.position]
        more = [] if _states_asked_quantity(question, chosen) else _more_from_quoted(best, ranked, chosen)
        if named and lead:  # "Wat is stap 6?": not the end of step 5 before it, nor step 7 after it
            inside = {(p, position) for p in lead for position in _named_part_positions(by_passage.get(p, []), named)}
            more = [u for u in more if (u.passage, u.position) in inside or named_parts(u.text) & named]
        return chosen + more


def _counted_otherwise(question: str, found: list[ScoredUnit]) -> bool:
    """Whether the question says how many it asks for and the list or outline found has another number of items:
    the four phases of the procedure do not answer "Welke twee fasen brengt het innovatiepartnerschap samen?"."""
    asked = ASKED_COUNT.search(question)
    if not asked:
        return False
    count = asked.group(1).lower()
    wanted = int(count) if count.isdigit() else _COUNTS.index(count) + 2
    items = sum(u.text.startswith("- ") for u in found) or len(found)  # a list's items, or an outline's steps
    return items != wanted


def _named_part_positions(passage_units: list[ScoredUnit], named: set[tuple[str, str]]) -> set[int]:
    """The positions of a passage of the `named` part's section: from the line that opens it (from the start,
    when no line does: the passage lies inside the part) to a line that opens another part."""
    inside = not any(opens_named_part(u.text, named) for u in passage_units)
    positions = set()
    for unit in passage_units:
        if opens_named_part(unit.text, named) or opens_other_part(unit.text, named):
            inside = opens_named_part(unit.text, named)
        if inside:
            positions.add(unit.position)
    return positions


def _quotable(units: list[ScoredUnit], hits: list[Hit]) -> list[ScoredUnit]:
    """The units but the lines that repeat their document's title ("Handreiking concurrentiegerichte dialoog"), which
    resemble every question on the document's subject and say nothing the citation does not, bare source
    references ("PIANOo, 2021, De aanbestedings- en staatssteunrechtelijke kaders …", "Link: … (pianoo.nl)"), and the
    end of a line the extraction took for a heading ("2. Welke voordelen zie jij …" / "(binnen jouw organisatie)?"),
    a fragment without it."""
    headings = {(u.passage, u.position) for u in units if u.heading}
    return [
        u for u in units
        if not (u.heading and u.text.lower() in hits[u.passage].chunk.title.lower() or BARE_REFERENCE.match(u.text))
        and not (BEGINS_INSIDE.match(u.text) and (u.passage, u.position - 1) in headings)
    ]


def _aspect_section(
    units: list[ScoredUnit], by_passage: dict[int, list[ScoredUnit]], asked_aspect: Callable[[ScoredUnit], bool]
) -> list[ScoredUnit]:
    """For "Wat zijn de risico's van …?": the opening of a section titled by that aspect ("Risico's en valkuilen"),
    as much of it as the answer has room for, or the start of a passage inside such a section (`asked_aspect` says
    so of its sentences), or else a list item titled by it ("- Risico’s. Zorgvuldige inschatting …"), in the best
    `ASPECT_PASSAGES`; [] when there is none."""
    def on_aspect(unit: ScoredUnit) -> bool:
        return unit.passage < ASPECT_PASSAGES and asked_aspect(unit)

    heading = next((u for u in units if u.heading and on_aspect(u)), None)
    inside = next((u for p in sorted(by_passage) for u in by_passage[p] if not u.heading and on_aspect(u)), None)
    opening = heading or inside
    if opening is not None:
        opened = span(opening, by_passage[opening.passage], budget=ANSWER_CHARS, max_units=None)
        # the section goes on in the next passage, whose sentence answers best: "Een tweede beperking zijn de tijd
        # en de investering …" for "Wat is naast het beperkte bereik nog een nadeel?"
        further = [u for u in units if u.passage != opening.passage and not u.heading and on_aspect(u)]
        best = max(further, key=lambda u: u.score, default=None)
        if best is None or best.score <= max(u.score for u in opened or [opening]) + ASPECT_BEST_MARGIN:
            return opened
        told = span(best, by_passage[best.passage])
        return span(opening, by_passage[opening.passage], budget=ANSWER_CHARS - length(told), max_units=None) + told
    for unit in units:  # "- Risico’s. Zorgvuldige inschatting van risico’s …": an item titled by the aspect
        title = TITLED_ITEM.match(unit.text)
        if title and on_aspect(dataclasses.replace(unit, text=title[1], heading=True)):
            return [unit]
    return []


def _announced_steps(question: str, by_passage: dict[int, list[ScoredUnit]]) -> list[ScoredUnit]:
    """For "Welke fasen heeft de dialoog?" when the best passage tells them in prose: the sentence announcing how
    many there are ("De procedure kent vier fasen.") with what follows it ("Eerst … Daarna … Tot slot …"), as
    far as the answer has room; [] when no passage announces them. The next passage counts only when the section
    it announces them in is titled by a word of the question ("SBIR"): the same passage may hold other procedures."""
    asked = set(analyse(question)) | set(analyse(question.replace("-", " ")))  # "SBIR-traject" names "SBIR"
    for rank, passage in enumerate(sorted(by_passage)[:ANNOUNCING_PASSAGES]):
        units = by_passage[passage]
        announcing = next((i for i, u in enumerate(units) if ANNOUNCES_STEPS.search(u.text)), None)
        if announcing is None:
            continue
        heading = next((u for u in reversed(units[:announcing]) if u.heading), None)
        if rank == 0 or (heading is not None and set(analyse(heading.text)) & asked):
            return span(units[announcing], units, budget=ANSWER_CHARS, max_units=None)
    return []


def _step_after(outline: list[ScoredUnit], previous: str) -> ScoredUnit | None:
    """The step of the outline after the one `previous` names ("stap 4", "de mededingingsfase"); None when it
    names none of them, or the last."""
    numbered = {number for kind, number in named_parts(previous)}
    asked = set(analyse(PART_WORDS.sub(" ", previous)))  # "na afloop van elke fase" names none of them
    for step, following in pairwise(outline):
        if numbered and str(step.position) in numbered or not numbered and asked & _step_title(step):
            return following
    return None


def _step_title(step: ScoredUnit) -> set[str]:
    """The stems of an outline step's title: "Mededingingsfase" of "- 2. Mededingingsfase: De mededingingsfase …"."""
    return set(analyse(NUMBERED_STEP_PREFIX.sub("", step.text.removeprefix("- ")).split(":")[0]))


def _numbered_list(by_passage: dict[int, list[ScoredUnit]]) -> list[ScoredUnit]:
    """For "Hoe pak ik dat aan?" when a passage lists the steps without naming them steps ("Zo pakt u het aan:" /
    "1. Stel de behoefte vast." / "2. Houd een marktconsultatie." …): the first passage's numbered list that runs
    from 0 or 1 without a gap, at least three items, as far as the answer has room; [] when none does."""
    for passage in sorted(by_passage):
        run = leading_run(_numbered_items(by_passage[passage]))
        if len(run) >= MIN_OUTLINE_STEPS:
            return fit(run)
    return []


def _way_of_working(by_passage: dict[int, list[ScoredUnit]]) -> list[ScoredUnit]:
    """For "Hoe pak ik een marktverkenning aan?" when a guide lists its way of working without numbers: the first list
    under a heading that names it ("Werkwijze" / "- Beschrijf eerst de behoefte …" / "- Zoek openbare bronnen …"),
    with a sentence introducing it, as far as the answer has room; [] when none has such a heading."""
    for passage in sorted(by_passage):
        units = by_passage[passage]
        for found in lists(units):
            heading = found[0] if found[0].heading else next(
                (u for u in units if u.position == found[0].position - 1 and u.heading), None)
            if heading is not None and WAY_OF_WORKING.match(heading.text.strip()):
                return fit(found)
    return []


def _item_by_place(by_passage: dict[int, list[ScoredUnit]], named: set[tuple[str, str]]) -> list[ScoredUnit]:
    """For "Hoe lang duurt fase 1?" when a document numbers its phases only by their place in a list ("De fasen van
    SBIR" / "1. Haalbaarheidsonderzoek: …" / "2. …"): the item in that place of the first numbered list after a line
    naming the phases (or steps); [] when the question names more than one part, or no passage has such a list."""
    if len(named) != 1:
        return []
    ((kind, number),) = named
    names_them = re.compile(rf"\b{PLURAL_PARTS.get(kind, kind)}\b", re.IGNORECASE)
    for passage in sorted(by_passage):
        units = by_passage[passage]
        opening = next((i for i, u in enumerate(units) if names_them.search(u.text)), None)
        if opening is not None and (item := _numbered_items(units[opening:]).get(int(number))):
            return [item]
    return []


def _numbered_items(units: list[ScoredUnit]) -> dict[int, ScoredUnit]:
    """The list items among the units by their number ("- 2. Houd een marktconsultatie." -> 2), the first of each."""
    items: dict[int, ScoredUnit] = {}
    for unit in units:
        if numbered := NUMBERED_ITEM.match(unit.text):
            items.setdefault(int(numbered.group(1)), unit)
    return items


def _list_answer(
    units: list[ScoredUnit], by_passage: dict[int, list[ScoredUnit]], hits: Sequence[Hit]
) -> list[ScoredUnit]:
    """For a question that asks for a list: the list the best sentence introduces, or one whose best item scores
    nearly as well, else a list with explanations between its items that the best sentence introduces; [] when
    none does."""
    best = max(units, key=lambda u: u.score)
    passage = by_passage[best.passage]
    found = best_list([lst for p in sorted(by_passage) for lst in lists(by_passage[p])], best, passage)
    if found:
        return _begun_before(found, by_passage, hits)
    return best_list(lists(passage, LOOSE_GAP), best, passage, introduced_only=True)


def _begun_before(
    found: list[ScoredUnit], by_passage: dict[int, list[ScoredUnit]], hits: Sequence[Hit]
) -> list[ScoredUnit]:
    """A list that opens its passage without a lead-in of its own may have begun in the passage before it in the
    document, cut in two by the chunking ("1." to "2." there, "3." to "10." here): when that passage was retrieved
    too and ends with list items, both halves as one list, the earlier first, with its lead-in."""
    items = [u for u in found if u.text.startswith("- ")]
    passage = items[0].passage
    if not hits or any(u.position < items[0].position - 1 for u in by_passage[passage]) or leads_in(found[0].text):
        return found
    first = hits[passage].parts[0] if hits[passage].parts else hits[passage].chunk.chunk_id
    doc_id, _, position = first.rpartition("#")
    before = f"{doc_id}#{int(position) - 1}"
    for earlier, units in by_passage.items():
        ending = list(takewhile(lambda u: u.text.startswith("- "), reversed(units)))[::-1]  # the list's first half
        if ending and hits[earlier].parts[-1:] == (before,):
            lead = [u for u in units if u.position == ending[0].position - 1 and not u.heading]
            return lead + ending + items
    return found


def _announced_list(
    question: str, by_passage: dict[int, list[ScoredUnit]], asked: re.Match[str], hits: Sequence[Hit]
) -> list[ScoredUnit]:
    """The first list of the best passages whose lead-in announces what the question asks several of, on the
    question's subject ("Welke aandachtspunten zijn er bij de uitvraag …?": "In de uitvraag … geldt een aantal
    specifieke aandachtspunten:", not the report's "… 3 primaire aandachtspunten:"); []."""
    best = sorted(by_passage)[:ANNOUNCING_PASSAGES]
    announced = [lst for p in best for lst in lists(by_passage[p]) if _announces(lst[0], asked)]
    units = [unit for passage_units in by_passage.values() for unit in passage_units]
    return next((lst for lst in announced if _on_the_subject(question, asked.group(0), lst, units, hits)), [])


def _on_the_subject(
    question: str, asked_for: str, found: list[ScoredUnit], units: list[ScoredUnit], hits: Sequence[Hit]
) -> bool:
    """Whether a list, with its document's and section's titles and the headings before it, says a word of the
    question besides the words that ask for it (`asked_for`): "budgetten" of "Welke knelpunten zijn er rond
    budgetten?". Only words some of the `units` found say count ("maak" of "Welke afwegingen maak ik?" tells no list
    apart): any list is on the subject when the question says nothing else."""
    subject = set(analyse(question)) - set(analyse(asked_for))
    subject &= set(analyse(" ".join(u.text for u in units)))
    start = found[0]
    chunk = hits[start.passage].chunk if start.passage < len(hits) else None
    titles = f"{chunk.title} {chunk.section}" if chunk else ""  # "Welke aanbevelingen doet de werkgroep?"
    opened_by = [u.text for u in units if u.passage == start.passage and u.heading and u.position < start.position]
    said = " ".join([titles, *opened_by, *(u.text for u in found)])
    return not subject or bool(subject & set(analyse(said)))


def _an_item_names(found: list[ScoredUnit], asked: re.Match[str]) -> bool:
    """Whether an item of a list names the things the question asks several of: a list of those things does not
    (its items are the things), a list of tasks or events about them may. Steps and phases excepted ("- Stap 1: …")."""
    things = set(analyse(PART_WORDS.sub(" ", asked.group(1))))
    return bool(things) and any(things & set(analyse(u.text)) for u in found if u.text.startswith("- "))


def _announces(lead_in: ScoredUnit, asked: re.Match[str] | None) -> bool:
    """Whether a list's lead-in announces what the question asks several of ("Enkele voorbeelden van afwegingen:"),
    not a sentence before it that happens to name them ("… onzekerheden en risico’s … worden weggenomen.")."""
    return leads_in(lead_in.text) and asked is not None and bool(set(analyse(asked.group(1))) & set(analyse(lead_in.text)))


def _heading_first(question: str, ranked: list[ScoredUnit], documents: Sequence[str] = ()) -> list[ScoredUnit]:
    """A heading that names a word of the question and scores nearly as well as the best sentence leads: the
    answer is then the opening of its section ("Inkoopactiviteiten Toelichting benaming" -> "Fundering (F)
    Standaardcontracten, …" for "Wat valt onder 'fundering' als inkoopactiviteit?"). `documents` are the
    documents of the units' passages, by passage (none: all of one document)."""
    asked = set(analyse(question))
    best = ranked[0]
    lacking = asked - set(analyse(best.text))

    def same_document(unit: ScoredUnit) -> bool:
        return unit.passage >= len(documents) or best.passage >= len(documents) or (
            documents[unit.passage] == documents[best.passage])

    def leads(unit: ScoredUnit) -> bool:
        if _asks_otherwise(unit.text, question):
            return False  # "Wanneer kiest u voor een prijsvraag?" opens no answer to "Wat is een prijsvraag?"
        named = set(analyse(unit.text)) & asked
        # one that names what the best sentence lacks ("Meerjarige budgetten ontbreken" for "Welke problemen met
        # budgetten …?" over "… meer en hogere risico's") may score further below it; not one in another document,
        # which may name only its own subject ("Opbrengst ontwikkeltraject" for "Wordt elke fase van het
        # ontwikkeltraject los betaald?" over "Elke fase wordt apart afgerekend …")
        margin = NAMING_HEADING_MARGIN if named & lacking and same_document(unit) else HEADING_MARGIN
        return bool(named) and unit.score >= best.score - margin

    def titled_by_the_question(unit: ScoredUnit) -> bool:
        """A list item titled by words of the question only, one the best sentence lacks: "- Geheimhouding. Vaak
        zijn de code …" for "Wanneer moet ik afspraken over geheimhouding vastleggen?"."""
        title = TITLED_ITEM.match(unit.text)
        words = set(analyse(title[1])) if title else set()
        return bool(words & lacking) and words <= asked

    heading = next((u for u in ranked if (u.heading or titled_by_the_question(u)) and leads(u)), None)
    return ranked if heading is None else [heading] + [u for u in ranked if u is not heading]


def _asks_otherwise(heading: str, question: str) -> bool:
    """Whether the heading is a question asked with another question word than `question` ("Wanneer …?" / "Wat …?")."""
    theirs, ours = QUESTION_WORD.match(heading), QUESTION_WORD.match(question)
    return heading.rstrip().endswith("?") and theirs is not None and ours is not None and (
        _question_word(theirs[1]) != _question_word(ours[1]))


def _question_word(word: str) -> str:
    """The question word as compared: "waarop" and "waar" ask the same, "welk" and "welke" too."""
    word = word.lower()
    return "waar" if word.startswith("waar") and word != "waarom" else word.rstrip("e")  # "waarop", "welke"


def _sections(units: list[ScoredUnit]) -> dict[tuple[int, int], tuple[int, int]]:
    """(passage, position) -> (passage, the number of headings up to it): which section of its passage a unit is in."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for passage, group in groupby(sorted(units, key=lambda u: (u.passage, u.position)), key=lambda u: u.passage):
        headings = 0
        for unit in group:
            headings += unit.heading
            found[passage, unit.position] = (passage, headings)
    return found


def _more_from_quoted(best: ScoredUnit, ranked: list[ScoredUnit], chosen: list[ScoredUnit]) -> list[ScoredUnit]:
    """Other sentences of the quoted sections that score nearly as well as the best, while the answer has room."""
    quoted = {u.passage for u in chosen}
    shown = {(u.passage, u.position) for u in chosen}
    section = _sections(ranked)
    quoted_sections = {section[u.passage, u.position] for u in chosen if (u.passage, u.position) in section}
    # a bulleted sentence may join sentences, not a quoted list, which it would seem to belong to
    items_join = not any(u.text.startswith("- ") for u in chosen)
    more: list[ScoredUnit] = []
    for unit in ranked:
        if unit.score < best.score - FILL_MARGIN:
            break
        if unit.passage not in quoted or (unit.passage, unit.position) in shown:
            continue
        if not (stands_alone(unit) or items_join and _whole_item(unit)):
            continue
        if section[unit.passage, unit.position] not in quoted_sections and unit.score < best.score - SECTION_MARGIN:
            continue  # the section after the quoted one answers another question ("Hoeveel tijd kost …?")
        if any(similar(unit.text, c.text) for c in chosen + more):
            continue
        if length(chosen + more + [unit]) <= ANSWER_CHARS:
            more.append(unit)
    return _with_what_they_point_at(more, shown)


def _whole_item(unit: ScoredUnit) -> bool:
    """A bulleted item that is a whole sentence of its own ("- Voorbeeld van risico in de praktijk: Ongemerkte
    beïnvloeding door sturende AI."), which reads without the rest of its list; not a numbered step ("- 9. Zorg
    …"), which belongs in its order."""
    text = unit.text.removeprefix("- ")
    return (unit.text.startswith("- ") and not NUMBERED_LABEL.match(text)
            and stands_alone(dataclasses.replace(unit, text=text)))


def _lone_item_as_prose(group: list[ScoredUnit]) -> list[ScoredUnit]:
    """A passage's quoted units with a single bulleted sentence among sentences read as one of them: a list of one
    item would break the answer's prose for nothing."""
    items = [u for u in group if u.text.startswith("- ")]
    if len(items) != 1 or len(group) == 1 or not _whole_item(items[0]):
        return group
    before = group.index(items[0]) - 1
    if before >= 0 and not re.search(r"[.!?:]\W*$", group[before].text):
        return group  # after a title ("Vooraf enkele tips …") the item stays one
    return [dataclasses.replace(u, text=u.text.removeprefix("- ")) if u is items[0] else u for u in group]


def _with_what_they_point_at(more: list[ScoredUnit], shown: set[tuple[int, int]]) -> list[ScoredUnit]:
    """The further sentences but those that point back ("Dit kan voor elk innovatiepartnerschap anders zijn.") at a
    sentence the answer does not quote: without it, what "dit" is cannot be read."""
    kept = list(more)
    while True:
        quoted = shown | {(u.passage, u.position) for u in kept}
        dangling = [u for u in kept if REFERS_BACK.match(u.text) and (u.passage, u.position - 1) not in quoted]
        if not dangling:
            return kept
        kept = [u for u in kept if u not in dangling]


def _states_asked_quantity(question: str, chosen: list[ScoredUnit]) -> bool:
    """Whether the quote answers "Hoeveel stappen heeft het stappenplan?" by itself: the passage's other sentences,
    which resemble the question more than the number does, would come first in the answer and bury it. Not for a
    question that asks two things ("Met welk model …, en hoeveel niveaus kent dat?")."""
    return (asks_quantity(question) and not question_parts(question)
            and gives_asked_quantity(question, [u.text for u in chosen]))


def _quantity_first(question: str, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """For "hoeveel vragen ...?": a sentence that states that quantity first (see `_first_if_near`); from further
    down for an amount stated with what it is of ("startopdrachten van € 25.000"), which is surer than a number
    that may count something else."""
    if not asks_quantity(question):
        return ranked
    ranked = _first_if_near(ranked, AMOUNT_MARGIN, lambda u: states_asked_amount(question, u.text))
    return _first_if_near(ranked, QUANTITY_MARGIN, lambda u: gives_asked_quantity(question, [u.text]))


def _definition_first(question: str, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """For "Wat is een marktconsultatie?": a sentence that says what it is ("Een marktconsultatie is …", "De kern van
    SBIR is …", "Onder X verstaan we …", or what one does: "Een marktverkenning geeft de inkoper een beeld …") first
    (see `_first_if_near`)."""
    asked = WHAT_IS.match(question.strip())
    if not asked:
        return ranked
    thing = re.escape(asked["thing"])
    defines = re.compile(
        rf"^(?:(?:een|de|het)\s+)?(?:kern\s+van\s+(?:een\s+|de\s+|het\s+)?)?{thing}\b[^.?!]{{0,60}}?"
        rf"\b(?:is|zijn|betekent|houdt\s+in)\b|\bonder\s+(?:een\s+|de\s+|het\s+)?{thing}\s+(?:wordt\s+)?verst"
        rf"|^een\s+{thing}\s+[a-zà-ÿ]",
        re.IGNORECASE,
    )
    return _first_if_near(ranked, DEFINITION_MARGIN,
                          lambda u: not u.heading and bool(defines.search(u.text.removeprefix("- "))))


def _comparison_first(question: str, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """For "Is een partnerschap hetzelfde als een gewone relatie tussen opdrachtgever en opdrachtnemer?": a sentence
    that compares ("Partnerschap is een andere relatie dan simpelweg opdrachtgever-opdrachtnemer.") first, before
    one that only names both (see `_first_if_near`)."""
    if not ASKS_ALIKE.search(question):
        return ranked
    return _first_if_near(ranked, COMPARISON_MARGIN, lambda u: not u.heading and bool(COMPARES.search(u.text)))


def _listing_first(question: str, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """For "Welke thema's behandelt de checklist?": a sentence that lists them after their name ("… behandelt 3
    thema's; strategie, processen & mensen, middelen en cultuur") first, before one that only counts them (see
    `_first_if_near`)."""
    asked = ASKS_SEVERAL.search(question.strip())
    if not asked:
        return ranked
    stems = analyse(asked[1])
    if not stems:
        return ranked
    # the name, a colon or semicolon, then at least two items: "a, b en c", "a, b, c"
    listing = re.compile(rf"\b{re.escape(stems[0])}[\w'’]*\s*[:;]\s*[^.;:]+?,[^.;:]+?(?:,|\ben\b|&)", re.IGNORECASE)
    return _first_if_near(ranked, LISTING_MARGIN, lambda u: bool(listing.search(u.text)))


def _first_if_near(ranked: list[ScoredUnit], margin: float, answers: Callable[[ScoredUnit], bool]) -> list[ScoredUnit]:
    """`ranked` with the best unit that `answers` what the question asks in front, when the best unit does not and
    that one scores within `margin` of it."""
    if not ranked or answers(ranked[0]):
        return ranked
    near = (u for u in ranked if u.score >= ranked[0].score - margin)
    found = next((u for u in near if answers(u)), None)
    return ranked if found is None else [found] + [u for u in ranked if u is not found]


def _named_part_first(
    ranked: list[ScoredUnit], named: set[tuple[str, str]] | None, lead: set[int] | None, elsewhere: bool
) -> list[ScoredUnit]:
    """For "Wat is stap 4?" (`named`): the heading of step 4 leads, so the answer is what that step's section
    opens with; without the heading in view, the best sentence of the `lead` passages (step 4's section) leads;
    without that section, a sentence that names the step ("… demonstratie van een prototype (fase 2) …") leads
    when it scores nearly as well as the best; with it, and when the question asks about something in the step
    (`elsewhere`), one that scores far better than the opening."""
    if not named or not ranked:
        return ranked
    opening = next((u for u in ranked if opens_named_part(u.text, named)), None)
    opening = opening or next((u for u in ranked if u.passage in (lead or set())), None)
    opening = opening or next((u for u in ranked if u.score >= ranked[0].score - NAMED_PART_MARGIN
                               and named & named_parts(u.text)), None)
    # a sentence that names the step, more of the question, and answers far better leads: "Bij Stap 3 kunt u
    # vervolgens samen met experts de minimale randvoorwaarden nader uitdiepen" for "Met wie werk ik bij stap 3 de
    # minimale randvoorwaarden verder uit?"
    naming = next((u for u in ranked if named & named_parts(u.text)), None) if elsewhere else None
    if opening is not None and naming is not None \
            and naming.lexical > opening.lexical and naming.score > opening.score + NAMED_PART_MARGIN:
        opening = naming
    return ranked if opening is None else [opening] + [u for u in ranked if u is not opening]


def evidence_similarity(hits: list[Hit]) -> float:
    """The similarity to the question of the most similar sentence an answer may quote (of hits from `scored`)."""
    return max((s.question_similarity for hit in hits[:PASSAGES_CONSIDERED] for s in hit.sentences or ()), default=0.0)


def asks_for_steps(question: str) -> bool:
    """Whether the question wants the steps or phases themselves: not their number ("hoeveel stappen?"), not who or
    when ("Wie heeft het stappenplan gemaakt?"), not whether one must or may follow them ("Moet ik de stappen na elkaar
    doorlopen?"), not which of them overlap ("Welke stappen lopen tegelijk?"), not the verb ("uit het partnerschap
    stappen"), and not one of them ("Wat is stap 4 van het stappenplan?")."""
    if COUNT_QUESTION.search(question) or WHO_WHEN_OR_WHY.match(question) or WHICH_OTHER_THING.match(question) \
            or STEPPING_OUT.search(question) or RUN_TOGETHER.search(question) or TACKLES_A_PROBLEM.search(question) \
            or IN_WHICH_PART.search(question):
        return False
    if ASKS_WHETHER.match(question.strip()):  # "Moet ik de stappen na elkaar doorlopen?"
        return False
    return bool(STEPS_QUESTION.search(question)) and not named_parts(question)


def _counts_unstated_steps(question: str, units: list[ScoredUnit]) -> bool:
    """Whether the question asks how many steps or phases there are ("Hoeveel fasen heeft …?") and none of the
    passages' sentences states a number of them."""
    counts = COUNT_QUESTION.search(question) and STEPS_QUESTION.search(question) and not STEPPING_OUT.search(question)
    if not counts or named_parts(question) or question_parts(question):
        return False
    unlabelled = [NUMBERED_LABEL.sub("", u.text) for u in units]  # "3. Commerciële fase" names a phase, counts none
    return not gives_asked_quantity(question, unlabelled)


def question_parts(question: str) -> list[str]:
    """The separate questions in a question that asks two (or more) things; [] for a single question.
    A choice ("proeftuin of innovatiepartnerschap, wanneer kies ik wat?") asks about each option, a comparison
    ("het verschil tussen SBIR en een innovatiepartnerschap") what each is."""
    options = OPTIONS.search(question)
    if options and CHOICE.search(question):
        return [question.replace(options.group(0), option, 1) for option in options.groups()]
    if compared := COMPARED.search(question):  # "Wat is het verschil tussen SBIR en een innovatiepartnerschap?"
        return [f"Wat is {option}?" for option in compared.groups()]
    parts = [p.strip() for p in SECOND_QUESTION.split(question) if len(p.split()) >= 3]
    return parts if len(parts) >= 2 else []


def _asks_inside_a_step(question: str, outline: list[ScoredUnit]) -> bool:
    """Whether the question names one of the steps ("Welke stappen kent de ontwikkelfase?", "Welke tips geeft het
    stappenplan voor de minimale eisen?" for "Beschrijven minimale eisen"): it then asks what happens within that
    step, which the outline of all steps does not answer. A title of several words is named by most of them."""
    asked = set(analyse(question))
    titles = (_step_title(u) for u in outline)
    return any(title and (title <= asked or len(title) > 2 and len(title & asked) > len(title) / 2) for title in titles)


def _without_headings(units: list[ScoredUnit]) -> list[ScoredUnit]:
    """The units but their headings, which would read as run-on prose ("Provincie Overijssel Ook de provincie
    ..."); the sentences under a heading say what it announces. All of them when there is nothing else. A sentence
    that points back at its heading ("Persoonlijke autonomie" / "Dit grondrecht gaat over …") is led by it."""
    by_place = {(u.passage, u.position): u for u in units}
    sentences = []
    for unit in units:
        if unit.heading and not unit.text.startswith("- "):
            continue
        heading = by_place.get((unit.passage, unit.position - 1))
        if heading is not None and heading.heading and REFERS_BACK.match(unit.text):
            unit = dataclasses.replace(unit, text=f"{heading.text.rstrip(': ')}: {unit.text}",
                                       quotes=(heading.text, *(unit.quotes or (unit.text,))))
        sentences.append(unit)
    return sentences or units


def _quoted_prose(units: list[ScoredUnit]) -> str:
    """Sentences of one passage in its order; an ellipsis marks where the passage has text in between."""
    text = units[0].text if units else ""
    for previous, unit in pairwise(units):
        gap = unit.position > previous.position + 1 and not text.endswith("…")  # a cut sentence shows one already
        text += (" … " if gap else " ") + unit.text
    return text


def _without_footnote_number(unit: ScoredUnit) -> ScoredUnit:
    """A footnote quoted as it reads ("Het staat elke aanbestedende dienst vrij …"): its number pointed at a marker
    the cleaned text no longer has. The passage is still highlighted with the number."""
    number = FOOTNOTE.match(unit.text)
    if number is None:
        return unit
    return dataclasses.replace(unit, text=unit.text[number.end() :], quotes=unit.quotes or (unit.text,))


def compose(question: str, chosen: list[ScoredUnit], hits: list[Hit], cite_each: bool = False) -> Answer:
    """Number the sources of the chosen units and write the answer: grouped by source, in the order the chosen
    units take the sources up (a list begun in a later-ranked passage is read from there), or (`cite_each`) in the
    given order with a citation after every line, as for a list of steps. A unit chosen twice (two spans that
    meet), or a sentence the document repeats, is written once; a heading is not written in running text."""
    unique: dict[str, ScoredUnit] = {}
    for unit in chosen:
        unique.setdefault(unit.text, unit)
    ordered = [_without_footnote_number(unit) for unit in unique.values()]
    if not cite_each:
        first_use: dict[int, int] = {}
        for unit in ordered:
            first_use.setdefault(unit.passage, len(first_use))
        ordered = _without_headings(ordered)
        ordered.sort(key=lambda u: (first_use[u.passage], u.position))
    numbers: dict[int, int] = {}
    for unit in ordered:
        numbers.setdefault(unit.passage, len(numbers) + 1)
    citations = [
        Citation(n=n, chunk=hits[p].chunk,
                 sentences=tuple(q for u in ordered if u.passage == p for q in u.quotes or (u.text.removeprefix("- "),)))
        for p, n in numbers.items()
    ]
    if cite_each:
        text = "\n".join(f"{u.text} [{numbers[u.passage]}]" for u in ordered)
        return Answer(question=question, text=text, citations=citations, retrieved=hits)
    blocks: list[str] = []
    for p, n in numbers.items():
        group = _lone_item_as_prose([u for u in ordered if u.passage == p])
        runs = [list(run) for _, run in groupby(group, key=lambda u: u.text.startswith("- "))]
        lines = ["\n".join(u.text for u in run) if run[0].text.startswith("- ") else _quoted_prose(run) for run in runs]
        for i in range(1, len(runs)):  # prose that the passage has further on than the list before it
            if not runs[i][0].text.startswith("- ") and runs[i][0].position > runs[i - 1][-1].position + 1:
                lines[i] = "… " + lines[i]
        blocks.append("\n".join(lines) + f" [{n}]")
    separator = "\n\n" if any("\n" in b or b.startswith("- ") for b in blocks) else " "  # a list starts a line
    return Answer(question=question, text=separator.join(blocks), citations=citations, retrieved=hits)
