"""Extractive answers with citations: the sentences of the retrieved passages that best answer the question.

No LLM needed: every sentence of an answer is quoted from a passage and followed by its [n], so a buyer can
check and quote it. When the evidence is too weak the answerer says so instead of guessing.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from itertools import pairwise

from .chunking import sentence_units
from .lexical import analyse, named_parts, opens_named_part
from .models import Answer, Citation, Hit
from .refusal import REFUSAL, gives_asked_quantity, refuses
from .retrieval import Retriever, within_named_part
from .settings import Settings

LIST_QUESTION = re.compile(
    r"\b(stappen|stap|stappenplan|fasen|fases|fase|welke\b.*\b(zijn|kent|noemt|bestaan|horen)|noem|lijst|tips|"
    r"belemmeringen|knelpunten|voorwaarden|dimensies|criteria|aandachtspunten|punten|bronnen|vragen|onderdelen)\b",
    re.IGNORECASE,
)
STEPS_QUESTION = re.compile(r"\b(stappen|stappenplan|fasen|fases|verloop|doorlopen)\b", re.IGNORECASE)
# "Mag een bedrijf uit het partnerschap stappen?" uses the verb: it asks no steps
STEPPING_OUT = re.compile(r"\b(?:uit|eruit|in|erin|over|af|mee|terug)\b[^?.,;]*\bstappen\b", re.IGNORECASE)
# "Uit hoeveel stappen bestaat de voorbereiding, en hoeveel stappen telt het plan?" asks two things.
SECOND_QUESTION = re.compile(
    r",?\s+en\s+(?=(?:wat|hoe|hoeveel|welke?|wie|waarom|wanneer|waar|in welke|op welke|met welke)\b)", re.IGNORECASE
)
OPTIONS = re.compile(r"\b([\w-]{4,})\s+of\s+(?:een\s+|de\s+|het\s+)?(?!niet\b)([\w-]{4,})\b", re.IGNORECASE)
CHOICE = re.compile(r"\b(kies|kiezen|keuze|verschil\w*|beter|voorkeur)\b", re.IGNORECASE)
COUNT_QUESTION = re.compile(r"\b(hoeveel|aantal)\b", re.IGNORECASE)  # "hoeveel stappen?" wants a number
INLINE_STEP = re.compile(r"\b(stap|fase)\s+(\d{1,2})\s*[:.]\W*(.+?)\s*(?=\b(?:stap|fase)\s+\d{1,2}\s*[:.]|$)", re.IGNORECASE)
CAPITALS_RUN = re.compile(r"\s+(?=[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý?]{2,})+)")  # the next heading, run on
NUMBERED_STEP = re.compile(r"^(?:stap\s+)?(\d{1,2})[.:]?\s+\S", re.IGNORECASE)
NUMBERED_STEP_PREFIX = re.compile(r"^(?:stap|fase)?\s*\d{1,2}[.:]?\s+", re.IGNORECASE)
ANSWER_CHARS = 1000  # the yardstick, and a busy reader, take at most ~1,200 characters
PASSAGES_CONSIDERED = 4
LIST_MARGIN = 0.03  # a list wins when its best item scores within this of the best sentence
LIST_REACH = 4  # ... or when it starts at most this many sentences after the best sentence
SECOND_SPAN_MARGIN = 0.015  # a second passage is quoted only when it scores within this of the best
HEADING_MARGIN = 0.02  # a heading naming a word of the question leads when it scores within this of the best
QUANTITY_MARGIN = 0.03  # "hoeveel X?": a sentence stating the quantity leads when it scores within this of the best
FILL_MARGIN = 0.06  # a further sentence of a quoted passage must score within this of the best
SPAN_CHARS = 700
MAX_SPAN_UNITS = 4
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
MIN_TRIMMED_CHARS = 120  # a cut sentence shorter than this says too little to quote
CONNECTIVE = re.compile(
    r"^(dit|dat|deze|die|daarom|daardoor|hierdoor|hiervoor|daarvoor|ook|bovendien|zo|daarbij|echter|wel)\b",
    re.IGNORECASE,
)


@dataclass
class ScoredUnit:
    """A sentence or list item of a retrieved passage, scored against the question."""

    text: str
    passage: int  # index into the hits
    position: int  # index within the passage
    dense: float
    lexical: float
    score: float = 0.0
    quotes: tuple[str, ...] = ()  # the passage sentences the unit shows, when not its text verbatim


@dataclass
class ExtractiveAnswerer:
    """Composes a cited answer from the best sentences of the retrieved passages."""

    retriever: Retriever
    settings: Settings

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        hits = self.retriever.with_sentences(question, hits[:PASSAGES_CONSIDERED]) + hits[PASSAGES_CONSIDERED:]
        units = score_units(hits[:PASSAGES_CONSIDERED])
        best_similarity = max((u.dense for u in units), default=0.0)
        searched = self.retriever.query(question)
        if refuses(question, searched, hits, best_similarity, self.retriever.last_lexical_index(), self.settings):
            return Answer(question=question, text=REFUSAL, citations=[], retrieved=hits, refused=True)
        if asks_for_steps(question):
            outline = step_outline(hits)
            if outline and not _asks_inside_a_step(question, outline):
                return compose(question, outline, hits, cite_each=True)
        named = named_parts(question)
        lead = {p for p, hit in enumerate(hits[:PASSAGES_CONSIDERED]) if named and within_named_part(hit, named)}
        chosen = self.select(question, units, named, lead)
        for part in question_parts(question):
            chosen += self.cover(part, hits[:PASSAGES_CONSIDERED], chosen)
        return compose(question, chosen, hits)

    def cover(self, part: str, hits: list[Hit], chosen: list[ScoredUnit]) -> list[ScoredUnit]:
        """For one part of a two-part question ("Hoeveel ..., en hoe lang ...?"): the sentences of the passages
        already quoted that answer it, when the answer so far does not hold them yet. The part alone lacks the
        question's subject ("hoe lang duurt het?"), so it only chooses within the sources the whole question chose."""
        quoted = {u.passage for u in chosen}
        rescored = self.retriever.with_sentences(part, [dataclasses.replace(h, sentences=None) for h in hits])
        units = [u for u in score_units(rescored) if u.passage in quoted]
        best = max(units, key=lambda u: u.score, default=None)
        shown = {(u.passage, u.position) for u in chosen}
        if best is None or (best.passage, best.position) in shown or any(_similar(best.text, c.text) for c in chosen):
            return []
        by_position = [u for u in units if u.passage == best.passage]
        return _span(best, by_position, budget=ANSWER_CHARS - _length(chosen))

    def select(
        self, question: str, units: list[ScoredUnit], named: set[tuple[str, str]] | None = None,
        lead: set[int] | None = None,
    ) -> list[ScoredUnit]:
        """A short run of sentences around the best one (its list, when the question asks for one),
        a second run from another passage when that scores as well, and the quoted passages' other
        sentences that score nearly as well, while the answer has room. The `lead` passages are the section of
        the step the question names (`named`: "Wat is stap 4?"): the answer starts there."""
        by_passage: dict[int, list[ScoredUnit]] = {}
        for unit in units:
            by_passage.setdefault(unit.passage, []).append(unit)
        if LIST_QUESTION.search(question):
            best = max(units, key=lambda u: u.score)
            # "Wat is stap 7?" (`lead`: step 7's section) is answered from that step; a list elsewhere is beside it
            listing = {p: passage for p, passage in sorted(by_passage.items()) if not lead or p in lead}
            found = _best_list([lst for passage in listing.values() for lst in _lists(passage)], best,
                               by_passage[best.passage])
            if not found and best.passage in listing:  # a list with explanations between its items, when the
                loose = _lists(listing[best.passage], LOOSE_GAP)  # best sentence introduces it
                found = _best_list(loose, best, listing[best.passage], introduced_only=True)
            if found:
                return _fit(found)
        ranked = _named_part_first(_quantity_first(question, sorted(units, key=lambda u: -u.score)), named, lead)
        if not named and gives_asked_quantity(question, []):  # a named step's heading leads already, and
            ranked = _heading_first(question, ranked)  # a sentence giving an asked quantity ("hoeveel …?") too
        spans = ((unit, _span(unit, by_passage[unit.passage])) for unit in ranked)
        best, chosen = next(((unit, span) for unit, span in spans if span), (ranked[0], []))
        for unit in ranked[ranked.index(best) + 1 :]:
            if unit.score < best.score - SECOND_SPAN_MARGIN:
                break
            if lead and unit.passage not in lead:
                continue  # "Wat is stap 5?" is answered from step 5's section, not from passages that mention it
            if unit.passage != best.passage and not any(_similar(unit.text, c.text) for c in chosen):
                extra = _span(unit, by_passage[unit.passage], budget=ANSWER_CHARS - _length(chosen))
                if extra:
                    chosen += extra
                break
        more = _more_from_quoted(best, ranked, chosen)
        if named and opens_named_part(best.text, named):  # "Wat is stap 6?": not the end of step 5 before it
            more = [u for u in more if u.passage != best.passage or u.position > best.position]
        return chosen + more


def _heading_first(question: str, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """A heading that names a word of the question and scores nearly as well as the best sentence leads: the
    answer is then the opening of its section ("Inkoopactiviteiten Toelichting benaming" -> "Fundering (F)
    Standaardcontracten, …" for "Wat valt onder 'fundering' als inkoopactiviteit?")."""
    asked = set(analyse(question))
    near = (u for u in ranked if u.score >= ranked[0].score - HEADING_MARGIN)
    heading = next((u for u in near if _is_heading(u.text) and set(analyse(u.text)) & asked), None)
    return ranked if heading is None else [heading] + [u for u in ranked if u is not heading]


def _more_from_quoted(best: ScoredUnit, ranked: list[ScoredUnit], chosen: list[ScoredUnit]) -> list[ScoredUnit]:
    """Other sentences of the quoted passages that score nearly as well as the best, while the answer has room."""
    quoted = {u.passage for u in chosen}
    shown = {(u.passage, u.position) for u in chosen}
    more: list[ScoredUnit] = []
    for unit in ranked:
        if unit.score < best.score - FILL_MARGIN:
            break
        if unit.passage not in quoted or (unit.passage, unit.position) in shown or not _stands_alone(unit.text):
            continue
        if any(_similar(unit.text, c.text) for c in chosen + more):
            continue
        if _length(chosen + more + [unit]) <= ANSWER_CHARS:
            more.append(unit)
    return more


def _quantity_first(question: str, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """For "hoeveel vragen ...?": a sentence that states that quantity first, when it scores nearly as well as
    the best one that does not."""
    if not ranked or gives_asked_quantity(question, [ranked[0].text]):
        return ranked  # the best sentence gives it, or no quantity is asked
    near = (u for u in ranked if u.score >= ranked[0].score - QUANTITY_MARGIN)
    giving = next((u for u in near if gives_asked_quantity(question, [u.text])), None)
    return ranked if giving is None else [giving] + [u for u in ranked if u is not giving]


def _named_part_first(
    ranked: list[ScoredUnit], named: set[tuple[str, str]] | None, lead: set[int] | None
) -> list[ScoredUnit]:
    """For "Wat is stap 4?" (`named`): the heading of step 4 leads, so the answer is what that step's section
    opens with; without the heading in view, the best sentence of the `lead` passages (step 4's section) leads."""
    if not named:
        return ranked
    opening = next((u for u in ranked if opens_named_part(u.text, named)), None)
    opening = opening or next((u for u in ranked if u.passage in (lead or set())), None)
    return ranked if opening is None else [opening] + [u for u in ranked if u is not opening]


def _stands_alone(text: str) -> bool:
    """A whole sentence that reads without its neighbours: no heading, list item, list lead-in or fragment."""
    return not (_is_heading(text) or text.startswith("- ") or _leads_in(text) or text[:1].islower() or _unfinished(text))


def _unfinished(text: str) -> bool:
    """Whether the text stops mid-sentence: a line cut off where the PDF broke it ("… bij een van de")."""
    return not SENTENCE_END.search(text.rstrip())


def asks_for_steps(question: str) -> bool:
    """Whether the question wants the steps or phases themselves: not their number ("hoeveel stappen?"), not the
    verb ("uit het partnerschap stappen"), and not one of them ("Wat is stap 4 van het stappenplan?")."""
    wants_steps = STEPS_QUESTION.search(question) and not COUNT_QUESTION.search(question)
    return bool(wants_steps) and not STEPPING_OUT.search(question) and not named_parts(question)


def question_parts(question: str) -> list[str]:
    """The separate questions in a question that asks two (or more) things; [] for a single question.
    A choice ("proeftuin of innovatiepartnerschap, wanneer kies ik wat?") asks about each option."""
    options = OPTIONS.search(question)
    if options and CHOICE.search(question):
        return [question.replace(options.group(0), option, 1) for option in options.groups()]
    parts = [p.strip() for p in SECOND_QUESTION.split(question) if len(p.split()) >= 3]
    return parts if len(parts) >= 2 else []


def score_units(hits: list[Hit]) -> list[ScoredUnit]:
    """The scored sentences of the hits (see `Retriever.with_sentences`), as units to compose from."""
    return [
        ScoredUnit(s.text, p, s.position, s.dense, s.lexical, s.strength(p))
        for p, hit in enumerate(hits) for s in hit.sentences or ()
    ]


def step_outline(hits: list[Hit]) -> list[ScoredUnit]:
    """The numbered steps or phases of the best document, in order: from its step headings ("1. Mededingingsfase",
    each with the sentence that opens it) or from an overview naming them in one line ("Stap 1: ... Stap 2: ...").
    Only a run from step 0 or 1 without gaps counts: steps 3, 8 and 9 alone do not answer "welke stappen"."""
    best_doc = hits[0].chunk.doc_id if hits else ""
    from_headings: dict[int, ScoredUnit] = {}
    overviews: list[dict[int, ScoredUnit]] = []
    for p, hit in enumerate(hits):
        if hit.chunk.doc_id != best_doc:
            continue
        units = sentence_units(hit.chunk.text)
        headings = [(i, u) for i, u in enumerate(units) if _is_step_heading(u)]
        section = hit.chunk.section.split(" › ")[-1]
        if _is_step_heading(section):
            headings.append((len(units), section))  # only when the text does not show it: no opening
        for i, heading in headings:
            number = int(NUMBERED_STEP.match(heading).group(1))  # type: ignore[union-attr]
            opening = units[i + 1] if i + 1 < len(units) and not _is_step_heading(units[i + 1]) else ""
            if number not in from_headings:
                quotes = (heading, opening) if opening and len(opening) < 220 else (heading,)
                from_headings[number] = ScoredUnit("- " + ": ".join(quotes), p, number, 0.0, 0.0, quotes=quotes)
        for unit in units:
            named = INLINE_STEP.findall(unit)
            if len(named) >= 3:
                overviews.append({
                    int(number): ScoredUnit(f"- {word.capitalize()} {number}: {CAPITALS_RUN.split(title)[0]}", p,
                                            int(number), 0.0, 0.0, quotes=(unit,))
                    for word, number, title in named
                })
    best_run = max((_leading_run(steps) for steps in (from_headings, *overviews)), key=len)
    return _fit(best_run) if len(best_run) >= 3 else []


def _asks_inside_a_step(question: str, outline: list[ScoredUnit]) -> bool:
    """Whether the question names one of the steps ("Welke stappen kent de ontwikkelfase?"): it then asks
    what happens within that step, which the outline of all steps does not answer."""
    asked = set(analyse(question))
    titles = (set(analyse(NUMBERED_STEP_PREFIX.sub("", u.text.removeprefix("- ")).split(":")[0])) for u in outline)
    return any(title and title <= asked for title in titles)


def _leading_run(steps: dict[int, ScoredUnit]) -> list[ScoredUnit]:
    """The steps numbered 0 or 1, 2, 3, ... up to the first gap."""
    number = min(steps, default=2)
    run: list[ScoredUnit] = []
    while number <= 1 + len(run) and number in steps:
        run.append(steps[number])
        number += 1
    return run


def _leads_in(text: str) -> bool:
    """Whether the sentence introduces what follows it, a list mostly ("... nieuwsberichten over:")."""
    return text.rstrip().endswith(":")


def _is_heading(text: str) -> bool:
    return len(text.split()) <= 8 and not re.search(r"[.!?:;)]$", text.rstrip()) and not text.startswith("- ")


def _is_step_heading(text: str) -> bool:
    return bool(NUMBERED_STEP.match(text)) and len(text.split()) <= 6 and not text.rstrip().endswith(".")


def _span(anchor: ScoredUnit, passage_units: list[ScoredUnit], budget: int | None = None) -> list[ScoredUnit]:
    """The anchor sentence with its neighbours: the sentence it refers back to, and what follows. A heading
    anchors the text it opens ("STAP 5: …" for "Wat is stap 5?"): it says nothing without it."""
    budget = budget or SPAN_CHARS
    by_position = {u.position: u for u in passage_units}
    span = [anchor]
    previous = by_position.get(anchor.position - 1)
    refers_back = CONNECTIVE.match(anchor.text) or (anchor.text[:1].islower() and _unfinished(previous.text if previous else ""))
    if previous and refers_back and not previous.text.startswith("- "):
        span.insert(0, previous)  # the sentence it refers back to, or the start of the sentence it ends
    position = anchor.position + 1
    if _is_heading(anchor.text):
        while position in by_position and _is_heading(by_position[position].text):
            position += 1  # the heading goes on over a line ("STAP 4: BEPAAL CRITERIA OM DE INNOVATIE / TE BEOORDELEN")
        opened = by_position.get(position)
        room = budget - _length(span)
        if opened is None or room < MIN_TRIMMED_CHARS:
            return []
        span.append(_trimmed(opened, room))
        position += 1
    while position in by_position and _length(span + [by_position[position]]) <= budget:
        if sum(not _is_heading(u.text) for u in span) >= MAX_SPAN_UNITS:
            break
        following = by_position[position]
        if following.text.startswith("- ") != span[-1].text.startswith("- ") and not _leads_in(span[-1].text):
            break
        if _is_heading(following.text):
            break  # the next section starts
        span.append(following)
        position += 1
    if len(span) > 1 and _leads_in(span[-1].text):
        span.pop()  # "... kunt u zoeken naar:" says nothing without the list it opens, which did not fit
    if _length(span) <= budget:
        return span
    return [_trimmed(anchor, budget)]


def _trimmed(unit: ScoredUnit, budget: int) -> ScoredUnit:
    """An overlong unit (a PDF line run without sentence ends) cut at its last sentence end or clause within
    `budget`, marked with an ellipsis; the cut text stays a verbatim quote of the passage."""
    if _length([unit]) <= budget:
        return unit
    head = unit.text[: budget - 10]
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind("? "))
    kept = head[: cut + 1] if cut > budget // 3 else head.rsplit(" ", 1)[0]
    return ScoredUnit(f"{kept} …", unit.passage, unit.position, unit.dense, unit.lexical, unit.score,
                      quotes=(kept.removeprefix("- "),))


def _lists(passage_units: list[ScoredUnit], gap: int = 0) -> list[list[ScoredUnit]]:
    """Every list of at least three items in a passage, with the sentence that introduces it. A short line
    between two items (a PDF line break inside an item) is kept with the item before it; a few sentences
    between two items (at most `gap`; what an item means: "- Zorg voor draagvlak. Een traject duurt jaren.
    - Houd ...") are left out, and the list goes on."""
    found: list[list[ScoredUnit]] = []
    items: list[ScoredUnit] = []
    skipped = 0
    for i, unit in enumerate(passage_units + [ScoredUnit("", -1, -1, 0.0, 0.0)]):
        following = passage_units[i + 1].text if i + 1 < len(passage_units) else ""
        if unit.text.startswith("- "):
            items.append(unit)
            skipped = 0
            continue
        if items and not _is_heading(unit.text):
            if not skipped and following.startswith("- ") and len(unit.text) < 200:
                items[-1] = _joined(items[-1], unit)
                continue
            if skipped < gap and _item_follows(passage_units[i + 1 : i + 1 + gap - skipped]):
                skipped += 1
                continue
        if len(items) >= 3:
            lead = [u for u in passage_units if u.position == items[0].position - 1]
            found.append(lead + items)
        items = []
        skipped = 0
    return found


LOOSE_GAP = 6  # sentences that may explain an item before the next item of the same list


def _item_follows(units: list[ScoredUnit]) -> bool:
    """Whether a list item comes among `units` before any heading."""
    for unit in units:
        if unit.text.startswith("- "):
            return True
        if _is_heading(unit.text):
            return False
    return False


def _best_list(
    lists: list[list[ScoredUnit]], best: ScoredUnit, best_passage: list[ScoredUnit], introduced_only: bool = False
) -> list[ScoredUnit]:
    """The list that answers a question asking for one: the list the best sentence introduces (or is the lead-in
    of), or else (unless `introduced_only`) a list whose best item scores nearly as well as the best sentence;
    [] when none does."""
    follows_best = [
        lst for lst in lists
        if (best in lst[:1] or _introduces(best, lst, best_passage))
        and max(u.score for u in lst) >= best.score - 2 * LIST_MARGIN
    ]
    if follows_best or introduced_only:
        return follows_best[0] if follows_best else []
    best_list = max(lists, key=lambda lst: max(u.score for u in lst), default=[])
    return best_list if best_list and max(u.score for u in best_list) >= best.score - LIST_MARGIN else []


def _introduces(anchor: ScoredUnit, lst: list[ScoredUnit], passage_units: list[ScoredUnit]) -> bool:
    """Whether the list follows the anchor closely, in the same section (no heading in between)."""
    start = lst[0].position
    between = [u for u in passage_units if anchor.position < u.position < start]
    return (lst[0].passage == anchor.passage and 0 < start - anchor.position <= LIST_REACH
            and not any(_is_heading(u.text) for u in between))


def _joined(item: ScoredUnit, continuation: ScoredUnit) -> ScoredUnit:
    """A list item with the line that continues it, shown and quoted as one."""
    quotes = (item.quotes or (item.text.removeprefix("- "),)) + (continuation.text,)
    return dataclasses.replace(item, text=f"{item.text} {continuation.text}", score=max(item.score, continuation.score),
                               quotes=quotes)


def _fit(units: list[ScoredUnit]) -> list[ScoredUnit]:
    fitted: list[ScoredUnit] = []
    for unit in units:
        if _length(fitted + [unit]) > ANSWER_CHARS:
            break
        fitted.append(unit)
    return fitted


def _similar(a: str, b: str) -> bool:
    sa, sb = set(analyse(a)), set(analyse(b))
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) > 0.8


def _length(units: list[ScoredUnit]) -> int:
    return sum(len(u.text) + 5 for u in units)


def _without_headings(units: list[ScoredUnit]) -> list[ScoredUnit]:
    """The units but their headings, which would read as run-on prose ("Provincie Overijssel Ook de provincie
    ..."); the sentences under a heading say what it announces. All of them when there is nothing else."""
    sentences = [u for u in units if u.text.startswith("- ") or not _is_heading(u.text)]
    return sentences or units


def _quoted_prose(units: list[ScoredUnit]) -> str:
    """Sentences of one passage in its order; an ellipsis marks where the passage has text in between."""
    text = units[0].text if units else ""
    for previous, unit in pairwise(units):
        gap = unit.position > previous.position + 1 and not text.endswith("…")  # a cut sentence shows one already
        text += (" … " if gap else " ") + unit.text
    return text


def compose(question: str, chosen: list[ScoredUnit], hits: list[Hit], cite_each: bool = False) -> Answer:
    """Number the sources of the chosen units and write the answer: grouped by source, or (`cite_each`)
    in the given order with a citation after every line, as for a list of steps. A unit chosen twice (two
    spans that meet) is written once; a heading is not written in running text."""
    unique: dict[tuple[int, int], ScoredUnit] = {}
    for unit in chosen:
        unique.setdefault((unit.passage, unit.position), unit)
    ordered = list(unique.values())
    if not cite_each:
        ordered = _without_headings(ordered)
        ordered.sort(key=lambda u: (u.passage, u.position))
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
        group = [u for u in ordered if u.passage == p]
        prose = _quoted_prose([u for u in group if not u.text.startswith("- ")])
        items = "\n".join(u.text for u in group if u.text.startswith("- "))
        blocks.append("\n".join(part for part in (prose, items) if part) + f" [{n}]")
    separator = "\n\n" if any("\n" in b for b in blocks) else " "
    return Answer(question=question, text=separator.join(blocks), citations=citations, retrieved=hits)
