"""BM25 over the chunks in the store, with Dutch stemming and stopwords.

Embedded Chroma has no sparse index, so this one is derived from the store and cached on disk per store
revision: it is rebuilt after an ingest changed the store, never per question.
"""

from __future__ import annotations

import logging
import math
import pickle
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .cache import write_atomically
from .models import Chunk, summarise_documents

log = logging.getLogger(__name__)

TOKEN = re.compile(r"\w+")
# the modal verbs Snowball's list lacks ("Welke stappen kun je …?") say nothing of what is asked, as its "kan" does not
_STOPWORDS = frozenset(STOPWORDS_DUTCH) | {"u", "je", "jij", "we", "wij", "ik", "welke", "wat", "hoe", "waarom",
                                          "kun", "kunt", "moet", "moeten", "mag", "mogen", "wil", "wilt", "willen"}
# Snowball takes the -s of these singulars for a plural's ("toets" -> "toet"), not of their plurals and other forms
# ("toetsen", "toetsing" -> "toets"): a word ending in one keeps its -s, and meets them
_SINGULAR_ON_S = ("toets", "proces", "succes", "advies", "kans", "mens", "wens", "fonds", "grens")
# Nouns in ge- that the stemmer takes for past participles and strips ("gemeente" -> "meen", the stem of "mening";
# "gebied" -> "bied", of "bieden"; "gegevens" -> "geven"): they keep their ge-, in their forms and compounds, but not
# the participle that looks like one ("gevolgd", of "volgen")
NOUN_IN_GE = re.compile(
    r"^(?:gemeente|gebied|gegevens|geheel|gedrag|gevolg|gesprek|gebrek|gelegenheid|gezag|gedeelte|gewoon)(?![dt]$)"
)
# "op te schalen" is a form of "opschalen": a separable verb split around "te".
PARTICLES = frozenset({"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "uit", "vast", "voor",
                       "weg", "terug", "samen"})
SEPARATED_VERB = re.compile(rf"\b({'|'.join(sorted(PARTICLES))})\s+te\s+(\w+)")
# a separable verb a question splits ("Waarom werken organisaties niet samen?", "Hoe stel ik de eisen op?"): the
# particle after the verb, within this many words, which the documents write joined ("samenwerken", "opstellen")
SPLIT_VERB_REACH = 5
DETERMINERS = frozenset({"de", "het", "een", "deze", "die", "dit", "dat", "mijn", "onze", "uw", "hun", "zijn", "haar",
                         "welke", "elke", "ieder"})
# "stap 4" is one thing to find, and "4" alone is too short to index
PART_KINDS = "stap|fase|hoofdstuk|aanbeveling"  # the parts of a plan or report a question names by number
NUMBERED_PART = re.compile(rf"\b({PART_KINDS})\s+(\d{{1,2}})\b")
ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende")
ORDINAL_PART = re.compile(
    rf"\b(?:(?:de|het)\s+)?(?P<ordinal>{'|'.join(ORDINALS)})\s+(?P<kind>{PART_KINDS})\b", re.IGNORECASE
)
NUMBERED_PHASE = re.compile(r"(\d{1,2})\.\s+(?:[\w-]+\s+)?[\w-]*fase\b", re.IGNORECASE)  # "2. Ontwikkelfase"
PART_NUMBER = re.compile(r"^(?:- )?(?:(?:stap|fase)\s+\d{1,2}\s*:?|\d{1,2}\.)\s*", re.IGNORECASE)  # "STAP 6: ", "2. "
STEP_LINE = re.compile(r"(?:stap|fase)\s+(\d{1,2})\s*:\s*\S", re.IGNORECASE)  # "Stap 2: Betrek de …"
MAX_HEADING_WORDS = 12  # longer, a line naming "Stap 1: … Stap 2: …" is an overview, not one part's heading
# A plan's parts, numbered or not: what a question on steps asks about besides its subject
STEP_WORDS = re.compile(r"\b(?:stap|stappen|fase|fasen|fases|hoofdstuk|aanbeveling)(?:\s+\d{1,2})?\b", re.IGNORECASE)
# What a question can ask about a subject that a document may give a section of its own ("Beperkingen", "Risico's").
ASPECT = re.compile(
    r"\b(?:nadel\w*|nadeel|beperkingen|beperking|risico'?s?|risico’s|voordel\w*|voordeel|knelpunt\w*|belemmering\w*|"
    r"barrières|valkuil\w*|kansen|succesfactoren|aandachtspunt\w*|randvoorwaarden|uitdaging\w*|bezwaren|"
    r"kritiekpunt\w*|tips|lessen|aanbeveling\w*|fouten|misverstand\w*)\b",
    re.IGNORECASE,
)
# Words that qualify an aspect in a heading without narrowing its subject: "Veelvoorkomende knelpunten"
ASPECT_QUALIFIER = re.compile(
    r"\b(?:belangrijkste|voornaamste|grootste|veelvoorkomende|veelgemaakte|meest\w*|mogelijke|bekende|algemene|"
    r"enkele|praktische|concrete|overige|eventuele|typische|overkoepelende)\b",
    re.IGNORECASE,
)
# One aspect under several names: a question on "knelpunten" is answered by a section on "belemmeringen"
ASPECT_KIN = ("knelpunten belemmeringen barrières",)
# a capitalised word inside a question is a name: "Welke organisatie in Duitsland …?", "Hoe werkt Rijkswaterstaat …?"
PROPER_NAME = re.compile(r"(?<!^)(?<![.?!:]\s)\b([A-Z][a-zà-ÿ][\w-]+)")
PLACE_ADJECTIVE = re.compile(r"(?:s|sch)e$")  # "Zweedse", "Europese", "Amsterdamse"
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")  # "AVG", "VOG", "CPV" in "CPV-code"
NAME_SPREAD = 0.05  # a word said in at most this share of the chunks is specific, not one most passages say
MIN_COMPOUND_PART = 4
# A misspelling is fixed only when it is long (short unknown words are mostly real words the documents do not
# use) and one edit away from a word the documents use often (not a rare near-namesake: "veranderd" is not
# "verankerd").
MIN_MISSPELT_CHARS = 7
MIN_FIX_OCCURRENCES = 5
MIN_TYPO_CHARS = 5  # a shorter word one letter off a known one is mostly another word ("cao" is no "ca")
DUTCH_WORD_ZIPF = 2.5  # wordfreq's scale: a word this frequent in Dutch is a word, not a typo ("stoppen" 5.1, "risicos" 1.4)
ASKED_FOR = re.compile(r"\bwelke?\s+([^\W\d_]{3,})", re.IGNORECASE)  # "Welke boete …?" asks for a boete, "Welke cao …?" a cao
# what a question asks about, the last word of what it names: "Hoe werkt de klachtenregeling …?", "Wat is een
# gedragsverklaring?", "Wat is de laatste fase van …?" (a fase, not a laatste); not "het verschil tussen …"
ASKED_ABOUT = re.compile(
    r"\b(?:hoe werk(?:t|en)|wat (?:is|zijn|houdt|houden|betekent|doet|doen))\s+(?:de|het|een)\s+(?:[^\W\d_]+\s+){0,2}?"
    r"([^\W\d_]{4,})(?=\s+(?:van|voor|bij|in|op|met|tussen|en|of|om|die|dat|als|na|tijdens|binnen)\b|\s*[?.!]|\s*$)",
    re.IGNORECASE,
)
ASKS_WHAT_IT_IS = re.compile(r"\b(?:houdt|houden)\b(?=[^.?!]*\bin\s*\?)", re.IGNORECASE)  # "Wat houdt de ontwikkelfase in?"
_stemmer = Stemmer.Stemmer("dutch")
_PHASE = re.compile(r"fa+se?$")
_VERB_ENDING = re.compile(r"(?<=e)e?([lr])[td]?$")
# "kindcentrum" and "kindcentra", "criterium" and "criteria", "consortium" and "consortia" meet
_LATIN_SINGULAR = re.compile(r"(?<=[ire])um$")
# the adjective and its noun: "technisch" and "techniek", "methodisch" and "methodiek", "logistisch" and "logistiek"
_ADJECTIVE_ON_ISCH = re.compile(r"(?<=\w{3})isch$")
# "experts", "themas"; not "iets", "huis"
_LOAN_PLURAL = re.compile(r"(?:[^\W\d_]{3}t|[^\W\d_]{2}[^\Waeiouy\d_][aiou])s$")


def words(text: str) -> list[str]:
    """Lower-cased content words, hyphens dropped ("lock-in" and "lockin" meet), without the verb of "Wat houdt X
    in?", which asks what X is: a sentence that "houdt … in" something says nothing of X."""
    text = ASKS_WHAT_IT_IS.sub(" ", text.lower().replace("-", ""))
    return [w for w in TOKEN.findall(text) if w not in _STOPWORDS and len(w) > 1]


def analyse(text: str) -> list[str]:
    """Lower-cased, stopword-free Dutch stems: "aanbestedingen" and "aanbesteding" meet."""
    return _stems(words(text))


def word_stems(text: str) -> list[tuple[str, str]]:
    """Every word of `text` with its Dutch stem, stopwords and numbers included, hyphenated parts apart."""
    found = TOKEN.findall(text.lower().replace("-", " "))
    return list(zip(found, _stems(found)))


def _stems(found: list[str]) -> list[str]:
    return [_stem(word) for word in found]


@lru_cache(maxsize=1 << 16)  # every sentence of every passage found is stemmed again for each question
def _stem(word: str) -> str:
    # Snowball keeps the -e of adjectives in -iek ("politieke", "specifieke", "publieke") that it drops elsewhere
    # ("juridische" -> "juridisch"): "Welke politieke knelpunten …?" should meet the section "Politiek". It makes
    # "faas" of "fasen" and "ontwikkelfas" of "ontwikkelfase": "fasen", "fases" and "fase" should meet. It keeps
    # the plural -s of loanwords in -t and of words on a vowel ("experts", "accountants", "themas"), which the
    # singular then never meets. It keeps the -t and -d of verbs on -elen and -eren, and the long vowel before them
    # ("ontwikkelt", "evalueert", "geëvalueerd"), which then never meet "ontwikkelen" or "evalueren". A Latin noun's
    # plural ("criteria") never meets its singular, nor an adjective in -isch its noun in -iek.
    if word.endswith(_SINGULAR_ON_S):
        return word
    stem = _stemmer.stemWord(word[:-1] if word.endswith("s") and _LOAN_PLURAL.search(word) else word)
    if NOUN_IN_GE.match(word) and not stem.startswith(word[:4]):
        stem = "ge" + stem
    stem = _PHASE.sub("fase", stem[:-1] if stem.endswith("ieke") else stem)
    stem = _ADJECTIVE_ON_ISCH.sub("iek", _LATIN_SINGULAR.sub("a", stem))
    return _VERB_ENDING.sub(r"\1", stem) if len(stem) >= 6 else stem


def with_numbers(text: str) -> str:
    """The text with its parts numbered in words numbered in digits: "Wat gebeurt er in de tweede fase?" -> "Wat
    gebeurt er in fase 2?", which names the part as the documents' headings do ("Fase 2", "2. Ontwikkelfase")."""
    return ORDINAL_PART.sub(lambda m: f"{m['kind']} {ORDINALS.index(m['ordinal'].lower()) + 1}", text)


def named_parts(text: str) -> set[tuple[str, str]]:
    """The numbered parts of a plan a text names: {("stap", "4")} for "Wat is stap 4?"."""
    return set(NUMBERED_PART.findall(text.lower()))


def opens_named_part(line: str, named: set[tuple[str, str]]) -> bool:
    """Whether `line` is the heading of one of the `named` parts ("STAP 4: BEPAAL CRITERIA ..."): that part of a
    plan answers "Wat is stap 4?", more than the lines that refer to it."""
    return _opened_part(line) in named


def opens_other_part(line: str, named: set[tuple[str, str]]) -> bool:
    """Whether `line` opens a numbered part other than the `named` ones ("Stap 4: Bepaal …" after "Wat is stap 3?")."""
    part = _opened_part(line)
    return part is not None and part not in named


def told_step(line: str) -> int | None:
    """The number of the one step or phase a line or list item tells, however long ("Stap 3: Formuleer eisen als
    prestaties, …", "- Fase 1: haalbaarheidsonderzoek. …"); None for any other line, an overview naming several
    steps among them."""
    line = line.removeprefix("- ")
    told = STEP_LINE.match(line)
    return int(told.group(1)) if told and len(NUMBERED_PART.findall(line.lower())) == 1 else None


def _one_edit_away(word: str, candidates: Iterable[str]) -> str | None:
    """A candidate at most one letter from `word` (the nearest), or None."""
    match = process.extractOne(word, candidates, scorer=Levenshtein.distance, score_cutoff=1)
    return match[0] if match else None


def _part_headings(chunk: Chunk) -> Iterator[tuple[str, tuple[str, str], bool]]:
    """Each section title and line of the chunk that opens a numbered part: (the line, the part, whether it is a
    section title)."""
    for titled, lines in ((True, chunk.section.split(" › ")), (False, chunk.text.split("\n"))):
        for line in lines:
            if (part := _opened_part(line)) is not None:
                yield line, part, titled


def _opened_part(line: str) -> tuple[str, str] | None:
    """The numbered part a heading opens: ("stap", "4") for "STAP 4: BEPAAL CRITERIA", ("fase", "2") for
    "2. Ontwikkelfase"; also the step a line or list item tells (see `told_step`)."""
    line = line.removeprefix("- ")
    if len(line.split()) > MAX_HEADING_WORDS and told_step(line) is None:
        return None
    if opening := NUMBERED_PART.match(line.lower()):
        return opening[1], opening[2]
    if phase := NUMBERED_PHASE.match(line):
        return "fase", phase[1]
    return None


def _is_dutch(word: str) -> bool:
    """Whether Dutch uses the word, though the documents may not: "stoppen" is no misspelling of "stappen"."""
    from wordfreq import zipf_frequency  # on first use: loading it and its word list takes 0.2 s

    return zipf_frequency(word, "nl") >= DUTCH_WORD_ZIPF


def corrected(text: str, fixes: Mapping[str, str]) -> str:
    """`text` with each misspelt word (see `LexicalIndex.spelling_fixes`) replaced by its fix, or followed by it
    when the word was written hyphenated ("innovatie-partnerchap")."""
    for word, fix in fixes.items():
        text, replaced = re.subn(rf"\b{re.escape(word)}\b", fix, text, flags=re.IGNORECASE)
        if not replaced:
            text += f" {fix}"
    return text


def at_either_end(part: str, word: str) -> bool:
    """Whether `part` is the first or last part of `word`, or the whole of it: "nieuws" of "nieuwsberichten"."""
    return word.startswith(part) or word.endswith(part)


def compound_parts(word: str, vocabulary: Mapping[str, int]) -> tuple[str, ...]:
    """The two known words a Dutch compound is made of ("inkoopvolwassenheid" -> "inkoop", "volwassenheid"),
    allowing a linking s ("investerings|bereidheid"); the most frequent pair wins, none when no split is known."""
    best: tuple[str, ...] = ()
    best_weight = 0
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail not in vocabulary or tail in _STOPWORDS:
            continue
        for candidate in (head, head[:-1] if head.endswith("s") else ""):
            if len(candidate) >= MIN_COMPOUND_PART and candidate in vocabulary and candidate not in _STOPWORDS:
                weight = vocabulary[candidate] * vocabulary[tail]
                if weight > best_weight:
                    best, best_weight = (candidate, tail), weight
    return best


FORMAT = 19  # bump when what is pickled changes: an older cache is then rebuilt, not misread


@dataclass
class LexicalIndex:
    """BM25 scores for a fixed list of chunks, in the order of `chunks`."""

    revision: int
    chunks: list[Chunk]
    bm25: bm25s.BM25
    document_frequency: dict[str, int]
    vocabulary: dict[str, int]  # word -> occurrences in the corpus, to recognise compounds
    format: int = FORMAT
    _splits: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _title_terms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _fixes: dict[str, str | None] = field(default_factory=dict, repr=False)
    _common_words: list[str] | None = field(default=None, repr=False)
    _openings: dict[tuple[str, str], list[int]] | None = field(default=None, repr=False)
    _part_titles: set[tuple[tuple[str, str], frozenset[str], frozenset[str]]] | None = field(default=None, repr=False)
    _spread: dict[str, tuple[int, Counter[str]]] = field(default_factory=dict, repr=False)  # see `subject_share`
    _documents: dict[str, tuple[str, int]] | None = field(default=None, repr=False)  # see `documents`
    _acronyms: frozenset[str] | None = field(default=None, repr=False)  # see `unknown_names`

    @classmethod
    def build(cls, chunks: list[Chunk], revision: int) -> LexicalIndex:
        vocabulary = Counter(w for c in chunks for w in words(c.index_text))
        index = cls(revision, chunks, bm25s.BM25(k1=1.2, b=0.75), {}, dict(vocabulary))
        corpus_tokens = [index.terms(c.index_text) or ["_"] for c in chunks]
        if chunks:
            index.bm25.index(corpus_tokens, show_progress=False)
        frequency: Counter[str] = Counter()
        for tokens in corpus_tokens:
            frequency.update(set(tokens))
        index.document_frequency = dict(frequency)
        return index

    def terms(self, text: str) -> list[str]:
        """The stems of `text` (see `analyse`), plus the parts of its compounds and its separated verbs
        joined, so that "vastzitten" meets "vast", "op te schalen" meets "opschaling", and "stap 4" is one term."""
        found = words(text)
        found += [a + b for a, b in SEPARATED_VERB.findall(text.lower()) if a + b in self.vocabulary]
        found += [a + b for a, b in NUMBERED_PART.findall(text.lower())]
        found += [part for w in found if len(w) >= 2 * MIN_COMPOUND_PART for part in self._parts(w)]
        return _stems(found)

    def question_terms(self, question: str) -> list[str]:
        """The `terms` of a question, with the separable verbs it splits joined (see `split_verbs`)."""
        return self.terms(question) + sorted(set(self.split_verbs(question).values()))

    def split_verbs(self, question: str) -> dict[str, str]:
        """The separable verbs the question splits, each part's stem with the stem of the verb joined, when the
        documents use it: "Waarom werken organisaties niet samen?" -> {"werk": "samenwerk", "samen": "samenwerk"}."""
        tokens = TOKEN.findall(question.lower())
        joined: dict[str, str] = {}
        for i, particle in enumerate(tokens):
            if particle not in PARTICLES or tokens[i + 1 : i + 2] and tokens[i + 1] in DETERMINERS:
                continue  # "in de dialoog" is a preposition's phrase
            for verb in tokens[max(0, i - SPLIT_VERB_REACH) : i]:
                whole_verb = _stem(particle + verb)
                if verb not in _STOPWORDS and whole_verb in self.document_frequency:
                    joined[_stem(verb)] = joined[_stem(particle)] = whole_verb
        return joined

    def _parts(self, word: str) -> tuple[str, ...]:
        if word not in self._splits:
            self._splits[word] = compound_parts(word, self.vocabulary)
        return self._splits[word]

    def spelling_fixes(self, text: str) -> dict[str, str]:
        """The words of `text` that seem misspelt, each with the documents' word it probably means:
        "innovatiepartnerchap" -> "innovatiepartnerschap". Another form of the same word ("elektronisch" for
        "elektronische") is no misspelling: the stems meet anyway."""
        fixes = {word: self._fix(word) for word in words(text)}
        return {word: fix for word, fix in fixes.items() if fix}

    def _fix(self, word: str) -> str | None:
        if word in self.vocabulary or len(word) < MIN_MISSPELT_CHARS or not word.isalpha():
            return None
        if word not in self._fixes:
            if self._common_words is None:
                self._common_words = [w for w, n in self.vocabulary.items() if n >= MIN_FIX_OCCURRENCES]
            near = _one_edit_away(word, self._common_words)
            fix = near if near and analyse(near) != analyse(word) else None
            self._fixes[word] = fix if fix and not _is_dutch(word) else None
        return self._fixes[word]

    def documents(self) -> dict[str, tuple[str, int]]:
        """The indexed documents: id -> (title, number of chunks); worked out once per index, as a question naming
        its source and a search filtered by document both ask (32,600 chunks at 100x the corpus)."""
        if self._documents is None:
            self._documents = summarise_documents(self.chunks)
        return self._documents

    def part_openings(self, named: set[tuple[str, str]]) -> list[int]:
        """The positions of the chunks that open a section of one of the `named` parts, the first per document
        and part: where "Wat is stap 4?" finds step 4, whatever the search ranked. A part opens where a chunk's
        section titles say so, or a line of its text: short steps share a chunk."""
        if self._openings is None:  # one pass over the sections per index, not one per question
            by_line: dict[tuple[str, tuple[str, str]], int] = {}  # (document, part) -> the first chunk opening it
            by_title: dict[tuple[str, tuple[str, str]], int] = {}
            for position, chunk in enumerate(self.chunks):
                for _, part, titled in _part_headings(chunk):
                    (by_title if titled else by_line).setdefault((chunk.doc_id, part), position)
            self._openings = {}
            for (_, part), position in (by_line | by_title).items():  # a chunk titled by the part comes first
                self._openings.setdefault(part, []).append(position)
        return sorted(position for part in named for position in self._openings.get(part, []))

    def parts_titled(self, question: str) -> set[tuple[str, str]]:
        """The numbered parts a question is about by their heading's words: ("fase", "2") for "Wat houdt de
        ontwikkelfase van een innovatiepartnerschap in?" under "2. Ontwikkelfase" in the partnership's factsheet,
        ("stap", "6") for "Hoe maak ik een opschalingsplan?" under "STAP 6: MAAK EEN OPSCHALINGSPLAN". The heading
        and its document's title say all the question asks but for one word ("Wat gebeurt er in de ontwikkelfase?");
        "Moet ik vooraf een schatting geven van wat de commerciële fase gaat kosten?" asks more than the phase."""
        if self._part_titles is None:  # one pass over the headings per index
            self._part_titles = {
                (part, frozenset(analyse(PART_NUMBER.sub("", line))), frozenset(analyse(chunk.title)))
                for chunk in self.chunks for line, part, _ in _part_headings(chunk)
            }
        # "Welke stappen doorloop je in de ontwikkelfase?" asks about that phase as much as "Wat gebeurt er in …?"
        asked = set(analyse(STEP_WORDS.sub(" ", question)))
        return {part for part, title, document in self._part_titles
                if title and title <= asked and len(asked - title - document) <= 1}

    def specific_names(self, question: str) -> set[str]:
        """The stems of the specific names the question says ("Welke organisatie in Duitsland …?": "duitsland")."""
        return self.specific_terms(" ".join(PROPER_NAME.findall(question)))

    def specific_terms(self, text: str) -> set[str]:
        """The stems of `text` that the documents use, but few of their chunks ("hoogheemraadschap", not
        "innovatie")."""
        limit = NAME_SPREAD * len(self.chunks)
        return {stem for stem in analyse(text) if 0 < self.document_frequency.get(stem, 0) <= limit}

    def subject_share(self, terms: set[str], doc_id: str) -> float:
        """How much document `doc_id` is about `terms`: the IDF-weighted share of its chunks that hold each. A
        guide on "proeftuinen" says the word in every chunk; a plan that mentions proeftuinen once, in one."""
        chunks, holding = self._document_spread(doc_id)
        terms = {t for t in terms if t in self.document_frequency}  # a word no document uses tells none apart
        if not chunks or not terms:
            return 0.0
        idf = {t: self._idf(t) for t in terms}
        return sum(idf[t] * holding[t] for t in terms) / (chunks * sum(idf.values()))

    def spread(self, term: str, doc_id: str) -> float:
        """The share of document `doc_id`'s chunks that hold `term` (its title counts: every chunk holds it)."""
        chunks, holding = self._document_spread(doc_id)
        return holding[term] / chunks if chunks else 0.0

    def _document_spread(self, doc_id: str) -> tuple[int, Counter[str]]:
        if doc_id not in self._spread:  # worked out per document when first asked
            chunk_terms = [set(self.terms(c.index_text)) for c in self.chunks if c.doc_id == doc_id]
            self._spread[doc_id] = (len(chunk_terms), Counter(t for held in chunk_terms for t in held))
        return self._spread[doc_id]

    def _idf(self, term: str) -> float:
        return math.log((len(self.chunks) + 1) / (self.document_frequency.get(term, 0) + 0.5))

    def section_share(self, terms: set[str], position: int) -> float:
        """The share of the words of chunk `position`'s section path ("Stap 4 › Criteria") that are among
        `terms`: a section called "Beperkingen" is about what a question on "beperkingen" asks, whatever its text
        says."""
        title_terms = self.title_terms(self.chunks[position].section)
        return len(terms & title_terms) / len(title_terms) if title_terms else 0.0

    def title_terms(self, title: str) -> frozenset[str]:
        """The terms of a section title or path (see `terms`), worked out once per index: every search asks again."""
        if title not in self._title_terms:
            self._title_terms[title] = frozenset(self.terms(title))
        return self._title_terms[title]

    def coverage(self, question: str, passages: list[str], in_compounds: bool = False) -> list[float]:
        """For each passage, the IDF-weighted share of the question's terms it contains; `in_compounds`: also as
        the first or last part of a longer word ("nieuws" in "nieuwsberichten").

        Low coverage means the documents do not speak of what the question is about: a refusal signal
        that, unlike embedding similarity, separates in-domain but unanswered questions.
        """
        terms = list(dict.fromkeys(analyse(question)))  # whole words: a compound's parts are no evidence
        if not terms:
            return [0.0] * len(passages)
        idf = {t: self._idf(t) for t in terms}
        total = sum(idf.values())

        def says(term: str, words: set[str]) -> bool:
            return term in words or in_compounds and len(term) >= MIN_COMPOUND_PART + 1 and any(
                at_either_end(term, w) for w in words)

        return [sum(idf[t] for t in terms if says(t, words)) / total for words in (set(analyse(p)) for p in passages)]

    def unknown_asked(self, question: str) -> list[str]:
        """What the question asks for or about ("Welke boete krijgt …?", "Hoe werkt de klachtenregeling …?") when no
        indexed document uses that word, a word it starts or ends with ("subsidieregeling" is known by "subsidie") or
        a word one letter away (a typo: "stapen"): the documents cannot name one."""
        # what a question asks about may be a word of everyday Dutch the documents happen not to use ("Wat is het
        # verschil …?"); only a specialist's term ("klachtenregeling") tells they cannot answer
        asked = ASKED_FOR.findall(question) + [word for word in ASKED_ABOUT.findall(question) if not _is_dutch(word)]
        return [word for word in asked if not self._known(word.lower())]

    def unknown_names(self, question: str) -> list[str]:
        """The names the question uses (a capitalised word inside it: "de Commissie van Aanbestedingsexperts"; an
        acronym anywhere: "de AVG", "een CPV-code") that no indexed document says, in any form or one letter off.
        Known parts do not make a name known, unlike an asked-for word's ("Aanbestedingsexperts" is no
        "aanbesteding"); compounds with a hyphen ("SBIR-contract") and a place's adjective ("Zweedse", where the
        documents say "Zweden") are left to the other checks."""
        if self._acronyms is None:  # as the documents write them: "ONS" (a project) is no stopword there
            self._acronyms = frozenset(a for c in self.chunks for a in ACRONYM.findall(c.text))
        return [
            name for name in PROPER_NAME.findall(question)
            if "-" not in name and not PLACE_ADJECTIVE.search(name) and analyse(name)  # not "Een" in "Wat Is Een …"
            and not self._known(name.lower(), by_parts=False)
        ] + [acronym for acronym in ACRONYM.findall(question) if acronym not in self._acronyms]

    def _known(self, word: str, by_parts: bool = True) -> bool:
        """Whether the documents use `word` in some form or one letter off, or (`by_parts`) a part of it or a word
        it starts or ends with."""
        if set(self.terms(word) if by_parts else analyse(word)) & self.document_frequency.keys():
            return True
        stem = "".join(analyse(word))
        if by_parts and any(
            len(t) >= MIN_COMPOUND_PART + 2 and at_either_end(t, stem) for t in self.document_frequency
        ):
            return True
        return len(word) >= MIN_TYPO_CHARS and _one_edit_away(word, self.vocabulary.keys()) is not None

    def scores(self, terms: list[str]) -> np.ndarray:
        """A BM25 score for every chunk for a question's `terms` (zeros when none is indexed)."""
        if not self.chunks:
            return np.zeros(0, dtype=np.float32)
        known = [t for t in terms if t in self.bm25.vocab_dict]
        if not known:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(known), dtype=np.float32)

    def save(self, path: Path) -> None:
        write_atomically(path, lambda f: pickle.dump(self, f))

    @classmethod
    def load(cls, path: Path, revision: int) -> LexicalIndex | None:
        """The cached index, or None when there is none for this store revision."""
        try:
            with path.open("rb") as f:
                index = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        # an index pickled before a field was added lacks it, whether or not FORMAT was bumped for it
        whole = isinstance(index, cls) and {f.name for f in fields(cls)} <= vars(index).keys()
        current = whole and index.format == FORMAT and index.revision == revision
        return index if current else None
