"""Split Dutch text into sentences without breaking at abbreviations such as "bijv." or "o.a."."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "bijv", "bv", "o.a", "d.w.z", "e.d", "etc", "nr", "ca", "m.b.t", "i.p.v", "m.n", "z.g", "zgn", "evt",
    "incl", "excl", "resp", "vgl", "art", "lid", "mr", "dr", "ir", "drs", "prof", "e.a", "t.b.v", "jl",
    "i.c.m", "n.a.v", "a.s", "o.b.v", "mln", "mld", "min", "max", "enz", "ref",
}
NAME_SHARE = 0.6  # of words capitalised: Dutch prose capitalises about one word in ten
WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'-]*")
# What a publication calls itself ("deze handreiking") and a question calls it ("volgens het rapport")
DOCUMENT_KINDS = r"handreiking|document|publicatie|factsheet|brochure|rapport|stappenplan|wegwijzer|checklist"
# A sentence about the publication itself: "Deze handreiking …", "In dit hoofdstuk …", "Dit is een uitgave van PIANOo"
DOCUMENT_ITSELF = re.compile(
    rf"(?:\bin\s+)?\b(?:deze|dit)\s+(?:is\s+een\s+|\w+\s+)?(?:{DOCUMENT_KINDS}|notitie|uitgave|hoofdstuk|paragraaf|"
    r"artikel)\b",
    re.IGNORECASE,
)
# A finite verb makes a line a sentence, be it without its full stop ("Tijdens de inventarisatie zijn belemmeringen
# per thema geclusterd", above a list); a heading names ("Beperkingen", "Kennis en vaardigheden")
FINITE_VERB = re.compile(r"\b(?:is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|kan|kunnen|moet|moeten)\b", re.IGNORECASE)
# The headings of further reading ("LINKS", "Meer informatie"), and a question that asks for it
READING_SECTION = re.compile(
    r"^(?:(?:nuttige\s+)?links|meer\s+informatie|verder\s+lezen|zie\s+ook|bronnen|bronvermelding|literatuur\w*|"
    r"referenties)\b",
    re.IGNORECASE,
)
ASKS_FOR_READING = re.compile(
    r"\b(?:bronnen|links?|literatuur|meer\s+informatie|(?:na\s*)?lezen|websites?|publicaties|handreiking\w*)\b", re.IGNORECASE
)
BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZÀ-Ý0-9•-])|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, stripped; list lines ("- item") count as sentences of their own."""
    sentences: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        candidate = text[start : match.start()].strip()
        if match.group(0).strip() == "" and "\n" not in match.group(0) and _ends_with_abbreviation(candidate):
            continue
        if candidate:
            sentences.append(candidate)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _ends_with_abbreviation(candidate: str) -> bool:
    if re.fullmatch(r"(?:(?:tabel|figuur|grafiek|afbeelding|bijlage|kader)\s+)?(?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2})*\.?",
                    candidate.strip(), re.IGNORECASE):
        return True  # an enumerator ("1.", "III.2.", "TABEL 2.") opens a heading, caption or list item, it ends nothing
    last = candidate.rsplit(None, 1)[-1].lower().rstrip(".") if candidate else ""
    # Initials ("F.", "M.") and known abbreviations do not end a sentence.
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def looks_like_heading(text: str) -> bool:
    """Whether a line reads as a heading by its shape: short, and ending on no punctuation ("Beperkingen", "STAP 4:
    BEPAAL CRITERIA"). The cleaner knows more headings (`Chunk.headings`); this catches the rest."""
    short = len(text.split()) <= 8 and not re.search(r"[.!?:;)]$", text.rstrip())
    table_row = " | " in text  # "Vorm | Geschikt voor" is data
    return short and not FINITE_VERB.search(text) and not text.startswith("- ") and not table_row


def reads_as_names(text: str) -> bool:
    """Whether the text is a run of names rather than a sentence: "Ramona Apostol Senior inkoopadviseur Dienst
    Justitiële inrichtingen Martin Boerema …" (a member list, a table of contacts)."""
    words = WORD.findall(text)
    return len(words) >= 8 and sum(word[0].isupper() for word in words) > NAME_SHARE * len(words)


def about_document(text: str) -> bool:
    """Whether the sentence opens by saying what the document itself does: "Deze handreiking licht de stappen toe
    …", "In dit hoofdstuk beschrijven we …"."""
    return bool(DOCUMENT_ITSELF.match(text))


def in_reading_section(section: str) -> bool:
    """Whether a section path ("LINKS › Algemeen") or heading is one of further reading."""
    return any(READING_SECTION.match(heading) for heading in section.split(" › "))


def is_further_reading(text: str, section: str) -> bool:
    """Whether a list item is the title of another publication to read: an item without a full stop in a section of
    further reading ("LINKS › Algemeen": "- Durf nodig bij keuze voor innovatiepartnerschap (SC Online)"). Being
    short, such a title resembles many a question more than the sentences that answer it."""
    return text.startswith("- ") and not text.rstrip().endswith((".", ":", ";")) and in_reading_section(section)
