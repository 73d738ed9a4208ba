"""The shapes a quote takes: a sentence with its neighbours, a list with its lead-in, the numbered steps of a plan.

Each is a run of scored units (sentences and list items) of one retrieved passage, quoted verbatim, so the answer
can cite it and the page can highlight it. `answering.py` decides which of them answers a question.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .chunking import sentence_units
from .lexical import analyse, told_step
from .models import Hit
from .sentences import split_sentences

INLINE_STEP = re.compile(r"\b(stap|fase)\s+(\d{1,2})\s*[:.]\W*(.+?)\s*(?=\b(?:stap|fase)\s+\d{1,2}\s*[:.]|$)", re.IGNORECASE)
# "haalbaarheidsonderzoek (fase 1), onderzoek, ontwikkeling (fase 2) en vermarkten (fase 3)": each part before its
# number in brackets, from the colon or the part before
BRACKETED_STEP = re.compile(r"\((stap|fase)\s+(\d{1,2})\)", re.IGNORECASE)
PART_SEPARATOR = re.compile(r"^\s*(?:(?:,|\ben\b)\s*)?|\s*[.;]?\s*$", re.IGNORECASE)
CAPITALS_RUN = re.compile(r"\s+(?=[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý?]{2,})+)")  # the next heading, run on
MIN_OUTLINE_STEPS = 3  # fewer numbered lines are no plan
NUMBERED_STEP = re.compile(r"^(?:stap\s+)?(\d{1,2})[.:]?\s+\S", re.IGNORECASE)
ANSWER_CHARS = 1000  # the yardstick, and a busy reader, take at most ~1,200 characters
LIST_MARGIN = 0.03  # a list wins when its best item scores within this of the best sentence
LIST_REACH = 4  # ... or when it starts at most this many sentences after the best sentence
SPAN_CHARS = 700
MAX_SPAN_UNITS = 4
MAX_ITEM_REST = 200  # characters: a line between two list items this short is the rest of the item before it
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
MIN_TRIMMED_CHARS = 120  # a cut sentence shorter than this says too little to quote
BEGINS_INSIDE = re.compile(r"[(\"'‘“]*[a-zà-ÿ]")  # a line going on with a sentence begun on the line before
MAX_REFERRED_BACK = 2  # sentences a quote reaches back for what its first sentence refers to
# a sentence opening with what points back ("Dit kan …", "Hierdoor …", "Zo kan …") needs the sentence before it
_POINTERS = r"dit|dat|deze|die|daarom|vandaar|(?:hier|daar)(?:door|voor|mee|bij|in|op|van|over|toe|uit|aan)|zo"
REFERS_BACK = re.compile(rf"^(?:{_POINTERS})\b", re.IGNORECASE)
CONNECTIVE = re.compile(  # ... and one going on from it ("Ook …", "Bovendien …") reads best with it
    rf"^(?:{_POINTERS}|ook|bovendien|echter|toch|wel)\b"
    # "Start het gesprek hierover met overheden": what "hierover" points back to is in the sentence before
    r"|^(?:[\w-]+\s+){1,4}(?:hier|daar)(?:over|mee|bij|van|in|op|aan|uit|toe)\b",
    re.IGNORECASE,
)
POINTS_AHEAD = re.compile(r"\bonderstaande\b|\bals volgt(?:\s+\w+)?\W*$", re.IGNORECASE)
OPENS_QUOTATION = re.compile(r"^[“„\"]")  # someone's words, or a pull quote printed between the paragraphs
FOOTNOTE = re.compile(r"^\d{1,3}\s+(?=[A-ZÀ-Ý])")  # "16 Het staat elke aanbestedende dienst vrij …", after the text it notes
MAX_ITEM_TITLE_WORDS = 3  # "- Raming. Het is verplicht …": a first sentence this short titles the item
LOOSE_GAP = 6  # sentences that may explain an item before the next item of the same list


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
    heading: bool = False  # a heading, as the cleaned document or its shape says (see Retriever.with_sentences)


def score_units(hits: list[Hit]) -> list[ScoredUnit]:
    """The scored sentences of the hits (see `Retriever.with_sentences`), as units to compose from."""
    return [
        ScoredUnit(s.text, p, s.position, s.dense, s.lexical, s.strength(p), heading=s.heading)
        for p, hit in enumerate(hits) for s in hit.sentences or ()
    ]


def span(
    anchor: ScoredUnit, passage_units: list[ScoredUnit], budget: int | None = None, max_units: int | None = MAX_SPAN_UNITS,
    voices: bool = False,
) -> list[ScoredUnit]:
    """The anchor sentence with its neighbours: the sentence it refers back to, and what follows, up to
    `max_units` sentences (None: as far as the `budget` and the section go). A heading anchors the text it opens
    ("STAP 5: …" for "Wat is stap 5?"): it says nothing without it. Someone's quoted words end the span, unless
    the question asks for what someone says or thinks (`voices`)."""
    budget = budget or SPAN_CHARS
    by_position = {u.position: u for u in passage_units}
    run = [anchor]
    for _ in range(MAX_REFERRED_BACK):  # "Ook …" after "Start het gesprek hierover …" after what "hierover" is
        previous = by_position.get(run[0].position - 1)
        if not previous or previous.text.startswith("- ") or not (
            CONNECTIVE.match(run[0].text) or BEGINS_INSIDE.match(run[0].text) and _unfinished(previous.text)
        ):
            break
        run.insert(0, previous)  # the sentence it refers back to, or the start of the sentence it ends
    position = anchor.position + 1
    if anchor.heading:
        while position in by_position and by_position[position].heading:
            position += 1  # the heading goes on over a line ("STAP 4: BEPAAL CRITERIA OM DE INNOVATIE / TE BEOORDELEN")
        opened = by_position.get(position)
        room = budget - length(run)
        if opened is None or room < MIN_TRIMMED_CHARS:
            return []
        run.append(trimmed(opened, room))
        position += 1
    in_item = run[-1].text.startswith("- ")  # whether the run ends inside a list item (a heading may open one)
    while position in by_position and length(run + [by_position[position]]) <= budget:
        following = by_position[position]
        in_list = following.text.startswith("- ") and (in_item or leads_in(run[-1].text))
        after = by_position.get(position + 1)
        rest_of_item = in_item and _rest_of_item(following, after.text if after else "")
        if max_units is not None and sum(not u.heading for u in run) >= max_units and not (in_list or rest_of_item):
            break  # a list the span has begun is quoted whole, as far as the budget allows
        # a list follows the line announcing it, with or without its colon ("… per thema geclusterd" / "- Financieel")
        announced = leads_in(run[-1].text) or _unfinished(run[-1].text) and not run[-1].heading
        if following.text.startswith("- ") != in_item and not announced and not rest_of_item:
            break
        if following.heading or told_step(following.text) is not None and told_step(run[-1].text) is not None:
            break  # the next section starts, or the next step after a line that tells one ("Stap 3: Formuleer …")
        if OPENS_QUOTATION.match(following.text) and not (announced or voices or OPENS_QUOTATION.match(anchor.text)):
            break  # another voice: an interviewee, or a pull quote the layout set between the paragraphs
        if FOOTNOTE.match(following.text):
            break  # a footnote the extraction printed after the sentence is no part of what it says
        if rest_of_item:
            run[-1] = _joined(run[-1], following)  # shown as the one item it is
        else:
            run.append(following)
            in_item = following.text.startswith("- ")
        position += 1
    if len(run) > 1 and leads_in(run[-1].text):
        run.pop()  # "... kunt u zoeken naar:" says nothing without the list it opens, which did not fit
    if length(run) <= budget:
        return run
    return [trimmed(anchor, budget)]


def trimmed(unit: ScoredUnit, budget: int) -> ScoredUnit:
    """An overlong unit (a PDF line run without sentence ends) cut at its last sentence end or clause within
    `budget`, marked with an ellipsis; the cut text stays a verbatim quote of the passage."""
    if length([unit]) <= budget:
        return unit
    head = unit.text[: budget - 10]
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind("? "))
    kept = head[: cut + 1] if cut > budget // 3 else head.rsplit(" ", 1)[0]
    return dataclasses.replace(unit, text=f"{kept} …", quotes=(kept.removeprefix("- "),))


def lists(passage_units: list[ScoredUnit], gap: int = 0) -> list[list[ScoredUnit]]:
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
        if items and not skipped and _rest_of_item(unit, following):
            items[-1] = _joined(items[-1], unit)
            continue
        explains = items and not unit.heading and not leads_in(unit.text)  # "… de volgende checks:" opens a list
        if explains and skipped < gap and _item_follows(passage_units[i + 1 : i + 1 + gap - skipped]):
            skipped += 1
            continue
        if len(items) >= 3:
            lead = [u for u in passage_units if u.position == items[0].position - 1]
            found.append(lead + items)
        items = []
        skipped = 0
    return found


def _rest_of_item(line: ScoredUnit, next_text: str) -> bool:
    """Whether a line between two list items is the rest of the item before it, which the PDF broke off: short, no
    heading, and no lead-in ("… de volgende checks:" opens another list)."""
    return (
        not line.text.startswith("- ") and not line.heading and not leads_in(line.text)
        and len(line.text) < MAX_ITEM_REST and next_text.startswith("- ")
    )


def _item_follows(units: list[ScoredUnit]) -> bool:
    """Whether a list item comes among `units` before any heading."""
    for unit in units:
        if unit.text.startswith("- "):
            return True
        if unit.heading:
            return False
    return False


def best_list(
    candidates: list[list[ScoredUnit]], best: ScoredUnit, best_passage: list[ScoredUnit], introduced_only: bool = False
) -> list[ScoredUnit]:
    """The list that answers a question asking for one: the list the best sentence introduces (or is the lead-in
    of), or else (unless `introduced_only`) a list whose best item scores nearly as well as the best sentence;
    [] when none does."""
    follows_best = [  # a heading's own score says nothing of the lists in its section
        lst for lst in candidates
        if (best in lst[:1] or _introduces(best, lst, best_passage))
        and (best.heading or max(u.score for u in lst) >= best.score - 2 * LIST_MARGIN)
    ]
    if follows_best or introduced_only:
        return follows_best[0] if follows_best else []
    strongest = max(candidates, key=lambda lst: max(u.score for u in lst), default=[])
    return strongest if strongest and max(u.score for u in strongest) >= best.score - LIST_MARGIN else []


def _introduces(anchor: ScoredUnit, lst: list[ScoredUnit], passage_units: list[ScoredUnit]) -> bool:
    """Whether the list follows the anchor closely, in the same section (no heading in between); a heading
    introduces the lists of the section it opens ("De tien regels van Bureau ICT Toetsing" / "Om te bepalen …" /
    "… onderstaande tien regels?" / "- 1. …")."""
    start = lst[0].position
    between = [u for u in passage_units if anchor.position < u.position < start]
    close = anchor.heading or start - anchor.position <= LIST_REACH
    same_section = not any(u.heading for u in between)
    return lst[0].passage == anchor.passage and start > anchor.position and close and same_section


def _joined(item: ScoredUnit, continuation: ScoredUnit) -> ScoredUnit:
    """A list item with the line that continues it, shown and quoted as one."""
    quotes = (item.quotes or (item.text.removeprefix("- "),)) + (continuation.text,)
    return dataclasses.replace(item, text=f"{item.text} {continuation.text}", score=max(item.score, continuation.score),
                               quotes=quotes)


def fit(units: list[ScoredUnit]) -> list[ScoredUnit]:
    """As many of the units as the answer has room for. Items of a list too long to show whole are cut to their
    first sentence ("1. Zorg voor een zakelijke rechtvaardiging …", without its explanation), so more items fit."""
    if length(units) > ANSWER_CHARS:
        units = [_first_sentence(u) for u in units]
    fitted: list[ScoredUnit] = []
    for unit in units:
        if length(fitted + [unit]) > ANSWER_CHARS:
            break
        fitted.append(unit)
    return fitted


def _first_sentence(unit: ScoredUnit) -> ScoredUnit:
    """A list item cut to its first sentence; an item's title ("- Raming.") keeps the sentence that says it."""
    if not unit.text.startswith("- ") or unit.quotes:
        return unit
    sentences = split_sentences(unit.text.removeprefix("- "))
    kept = 2 if len(sentences[0].split()) <= MAX_ITEM_TITLE_WORDS else 1
    if len(sentences) <= kept:
        return unit
    return dataclasses.replace(unit, text="- " + " ".join(sentences[:kept]), quotes=tuple(sentences[:kept]))


def similar(a: str, b: str) -> bool:
    sa, sb = set(analyse(a)), set(analyse(b))
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) > 0.8


def length(units: list[ScoredUnit]) -> int:
    return sum(len(u.text) + 5 for u in units)


def leads_in(text: str) -> bool:
    """Whether the sentence introduces what follows it, a list mostly ("... nieuwsberichten over:", "Hoe staat u
    ervoor na het lezen van onderstaande tien regels?")."""
    return text.rstrip().endswith(":") or bool(POINTS_AHEAD.search(text))


def stands_alone(unit: ScoredUnit) -> bool:
    """A whole sentence that reads without its neighbours: no heading, list item, list lead-in, fragment,
    footnote or the end of someone's words begun before it ("… positief te beïnvloeden.”")."""
    text = unit.text
    return not (
        unit.heading or text.startswith("- ") or leads_in(text) or text[:1].islower() or _unfinished(text)
        or FOOTNOTE.match(text) or text.rstrip().endswith("”") and "“" not in text
    )


def _unfinished(text: str) -> bool:
    """Whether the text stops mid-sentence: a line cut off where the PDF broke it ("… bij een van de")."""
    return not SENTENCE_END.search(text.rstrip())


def step_outline(hits: list[Hit], doc_id: str) -> list[ScoredUnit]:
    """The numbered steps or phases of document `doc_id` in the hits, in order: from its step headings ("1.
    Mededingingsfase", each with the sentence that opens it), from lines that each tell one step ("Stap 2: Betrek de
    eindgebruikers …") or from an overview naming them in one line ("Stap 1: ... Stap 2: ..."). Only a run from
    step 0 or 1 without gaps counts: steps 3, 8 and 9 alone do not answer "welke stappen"."""
    from_headings: dict[int, ScoredUnit] = {}
    from_lines: dict[int, ScoredUnit] = {}
    overviews: list[dict[int, ScoredUnit]] = []
    for p, hit in enumerate(hits):
        if hit.chunk.doc_id != doc_id:
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
            named = INLINE_STEP.findall(unit) or _bracketed_steps(unit)
            if len(named) >= 3:
                overviews.append({
                    int(number): ScoredUnit(f"- {word.capitalize()} {number}: {CAPITALS_RUN.split(title)[0]}", p,
                                            int(number), 0.0, 0.0, quotes=(unit,))
                    for word, number, title in named
                })
            elif (told := told_step(unit)) is not None:
                text = unit.removeprefix("- ")
                from_lines.setdefault(told, ScoredUnit(f"- {text}", p, told, 0.0, 0.0, quotes=(text,)))
    # lines that say "Stap 2: …" win a tie with numbered headings, which may be a guide's chapters
    best_run = max((leading_run(steps) for steps in (from_lines, from_headings, *overviews)), key=len)
    return fit(best_run) if len(best_run) >= MIN_OUTLINE_STEPS else []


def _bracketed_steps(line: str) -> list[tuple[str, str, str]]:
    """(kind, number, title) of each part a line names with its number in brackets, after a colon ("De 3 fases
    zijn: haalbaarheidsonderzoek (fase 1), onderzoek (fase 2) en vermarkten (fase 3)")."""
    start = line.find(":") + 1
    if not start:
        return []
    steps = []
    for marker in BRACKETED_STEP.finditer(line, start):
        steps.append((marker.group(1), marker.group(2), PART_SEPARATOR.sub("", line[start : marker.start()])))
        start = marker.end()
    return steps if all(title for _, _, title in steps) else []


def leading_run(steps: dict[int, ScoredUnit]) -> list[ScoredUnit]:
    """The steps numbered 0 or 1, 2, 3, ... up to the first gap."""
    number = min(steps, default=2)
    run: list[ScoredUnit] = []
    while number <= 1 + len(run) and number in steps:
        run.append(steps[number])
        number += 1
    return run


def _is_step_heading(text: str) -> bool:
    """A numbered heading that may name a step: short, no sentence and no question ("1. Wat is …?" is a chapter)."""
    return bool(NUMBERED_STEP.match(text)) and len(text.split()) <= 6 and not text.rstrip().endswith((".", "?"))
