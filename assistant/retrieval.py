"""Hybrid retrieval tuned for Dutch questions in the users' own words.

Four signals are combined per candidate passage: the dense similarity of the whole chunk (Chroma), the best
dense similarity of one of its sentence windows (Chroma; paraphrases match a sentence better than a whole
passage; lowered for windows that resemble many others, hubness.py), Dutch BM25 (derived index), and how much of
its section titles the question names. Each is
standardised over the candidate pool and summed with weights. The question is searched with its misspellings
fixed and the documents' words for its own added (thesaurus.py). The winners are returned small-to-big: the
matched chunk with its neighbours, as one readable passage. The best few are then re-ordered by their best
sentence, scored against the question and against the question without the topic they all share; a question
naming a numbered step ("Wat is stap 4?") gets that step's section first.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from .chunking import heading_lines, opening_headings, sentence_units, shown_text
from .embeddings import Embedder
from .errors import EmptyStore, UnknownDocument
from .hubness import Hubness
from .lexical import (
    ASKS_WHAT_IT_IS,
    ASPECT,
    ASPECT_KIN,
    ASPECT_QUALIFIER,
    STEP_WORDS,
    LexicalIndex,
    analyse,
    corrected,
    named_parts,
    opens_named_part,
)
from .models import Chunk, Hit, SentenceScore
from .phrasing import BY_NAMED_SOURCE, without_speaker
from .sentences import (
    ASKS_FOR_READING,
    DOCUMENT_ITSELF,
    about_document,
    in_reading_section,
    is_further_reading,
    looks_like_heading,
    reads_as_names,
)
from .settings import Settings
from .store import ChromaStore
from .thesaurus import COURSE_VERB, added_terms, concepts, expand, without_added_terms
from .vectors import VectorIndex

Mode = Literal["hybrid", "dense", "bm25"]
# The theme a question ties to the aspect it asks: "op financieel gebied", "juridische knelpunten"
THEMED_ASPECT = re.compile(
    rf"\bop het (?:gebied|vlak|terrein) van (\w+(?: en \w+)?)\b|\bop (\w+) (?:gebied|vlak|terrein)\b|"
    rf"\b(\w+e) (?={ASPECT.pattern})",
    re.IGNORECASE,
)
# "Hoe verloopt …?", "Hoe pak ik … aan?", "Hoe voer ik … uit?" ask for the steps: their verbs name no subject
ASKS_THE_COURSE = re.compile(rf"\b(?:{COURSE_VERB}|pak\w*|aanpak\w*|voer\w*|uitvoer\w*|te werk)\b", re.IGNORECASE)
THEME_PAIR = re.compile(r"^[\w-]+(?:\s*/\s*|\s+(?:en|&)\s+)[\w-]+$")  # "Politiek/Bestuurlijk", "Kennis en ervaring"
# who meets the aspect, and how: "Welke knelpunten ervaren inkopers bij …?" asks about the knelpunten of what follows
ASKER_WORDS = frozenset(analyse("ervaren ervaart ondervinden ondervindt tegenkomen inkopers inkoper overheden"))
BROAD_SPREAD = 0.15  # a question's word held by this share of a document's chunks is that document's subject
ABOUT_SPREAD = 0.5  # a document says what it is about in most of its chunks
PASSAGE_CHARS = 2400  # the yardstick, and a reader, take at most ~2,500 characters of a source
MAX_OPENING_HEADINGS = 3  # headings a chunk may open with before the sentences it repeats from the chunk before
QUESTION_WORD = re.compile(r"[\w'-]+")
# a passage's heading loses this much of its strength in the re-ranking (0.01-0.02 gain probe p03 and check c02,
# which a heading naming the question's words put first; 0.04 loses held-out MRR)
HEADING_PENALTY = 0.02
ASKS_WHO = re.compile(
    r"\bwie\b|\bwelke (?:personen|mensen|leden|deelnemers|organisaties|partijen|bedrijven|overheden)\b", re.IGNORECASE
)

# "Is het een nadeel dat er later geen aanbieders bij kunnen?" asks about that one case, which the section on the
# drawbacks may not mention; so do "Welk risico moet ik uitbannen?" and "Wat is de tweede beperking?", one of them
_ONE_ASPECT = r"risico|nadeel|voordeel|beperking|knelpunt|belemmering|valkuil|uitdaging|bezwaar|aandachtspunt|fout"
ONE_CASE_OF_ASPECT = re.compile(
    rf"{ASPECT.pattern}\s+(?:is\s+)?dat\b"
    rf"|\b(?:welke?|eerste|tweede|derde|vierde|vijfde|laatste)\s+(?:[\w-]+\s+)?(?:{_ONE_ASPECT})(?![\w'’])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Derived:
    """What is derived from one revision of the store: the BM25 index, the windows' hubness and, for exact dense
    search, the chunks' and the windows' vectors."""

    lexical: LexicalIndex
    hubness: Hubness
    chunk_vectors: VectorIndex | None
    window_vectors: VectorIndex | None


@dataclass
class Retriever:
    """Finds the passages that answer a question. Thread-safe; share one per process."""

    store: ChromaStore
    embedder: Embedder
    settings: Settings

    def __post_init__(self) -> None:
        self._derived: Derived | None = None
        self._by_id: dict[str, Chunk] = {}
        self._index_of: dict[str, int] = {}
        self._lock = threading.Lock()
        self.rebuilds = 0

    def lexical_index(self) -> LexicalIndex:
        """The BM25 index for the store as it is now (see `derived`)."""
        return self.derived().lexical

    def derived(self) -> Derived:
        """What is derived from the store as it is now: from memory, from the disk cache, or built afresh (counted
        in `rebuilds`)."""
        revision = self.store.revision
        with self._lock:
            if self._derived is None or self._derived.lexical.revision != revision:
                self._derived = self._load_or_build(revision)
                self._by_id = {c.chunk_id: c for c in self._derived.lexical.chunks}
                self._index_of = {c.chunk_id: i for i, c in enumerate(self._derived.lexical.chunks)}
            return self._derived

    def _load_or_build(self, revision: int) -> Derived:
        cache, name = self.settings.cache_dir, self.settings.collection
        paths = {kind: cache / f"{kind}-vectors-{name}.npz" for kind in ("chunk", "window")}
        lexical_path, hubness_path = cache / f"lexical-{name}.pkl", cache / f"hubness-{name}.npz"
        exact = self.settings.dense_search == "exact"
        index = LexicalIndex.load(lexical_path, revision)
        # switched off, it would only cost a pass over every window vector at start-up
        hubness = Hubness.load(hubness_path, revision) if self.settings.hub_weight else Hubness(revision, {})
        loaded = {kind: VectorIndex.load(path, revision) for kind, path in paths.items()} if exact else {}
        if index is None or hubness is None or None in loaded.values():
            self.rebuilds += 1
        if index is None:
            index = LexicalIndex.build(self.store.all_chunks(), revision)
            index.save(lexical_path)
        vectors = {kind: found or self._vectors_afresh(kind, revision, paths[kind]) for kind, found in loaded.items()}
        if hubness is None:
            windows = vectors.get("window")
            hubness = Hubness.build(*((windows.ids, windows.matrix) if windows else self.store.all_vectors()), revision)
            hubness.save(hubness_path)
        return Derived(index, hubness, vectors.get("chunk"), vectors.get("window"))

    def _vectors_afresh(self, kind: str, revision: int, path: Path) -> VectorIndex:
        vectors = VectorIndex.build(*self.store.all_vectors(kind), revision)
        vectors.save(path)
        return vectors

    def last_lexical_index(self) -> LexicalIndex:
        """The index the last search used, without asking the store again: for work that follows a search."""
        return self._derived.lexical if self._derived else self.lexical_index()

    def _nearest(self, derived: Derived, vector: list[float], k: int, doc_ids: list[str] | None, kind: str
                 ) -> list[tuple[str, float]]:
        """The k records of `kind` ("chunk" or "window") nearest to `vector`: exact, or from Chroma's index."""
        exact = derived.chunk_vectors if kind == "chunk" else derived.window_vectors
        return exact.search(vector, k, doc_ids) if exact else self.store.search(vector, k, doc_ids, kind=kind)

    def documents(self) -> dict[str, tuple[str, int]]:
        """Indexed documents: id -> (title, number of chunks), from memory."""
        return self.lexical_index().documents()

    def documents_named(self, source: str | None) -> dict[str, str] | None:
        """The documents whose title names `source` ("werkgroep" -> the work group's report), id -> title, or None
        when no title or every title does: the question then names the author of them all ("PIANOo") or no
        document."""
        if not source:
            return None
        documents = self.documents()
        words = set(analyse(source))
        named = {doc_id: title for doc_id, (title, _) in documents.items() if words <= set(analyse(title))}
        return named if 0 < len(named) < len(documents) else None

    def searched_also(self, question: str) -> tuple[str, ...]:
        """What the question is also searched with: the documents' words for the words it seems to misspell,
        and for what it mentions in a buyer's words (thesaurus.py). None when query expansion is off."""
        if not self.settings.query_expansion:
            return ()
        fixed, fixes = self._spelt_right(question)
        return tuple(dict.fromkeys([*fixes, *added_terms(fixed)]))

    def query(self, question: str) -> str:
        """What is searched for `question`: the question with its misspellings fixed and the documents' words
        for what it mentions added (see `searched_also`)."""
        return expand(self._spelt_right(question)[0]) if self.settings.query_expansion else question

    def _spelt_right(self, question: str) -> tuple[str, tuple[str, ...]]:
        """The question with its misspelt words replaced, and the documents' words put in their place."""
        fixes = self.last_lexical_index().spelling_fixes(question)
        return corrected(question, fixes), tuple(fixes.values())

    def search(
        self, question: str, k: int | None = None, doc_ids: list[str] | None = None, mode: Mode = "hybrid"
    ) -> list[Hit]:
        """The `k` best passages for `question`, best first, optionally only from `doc_ids`."""
        k = k or self.settings.top_k
        derived = self.derived()
        lexical, hubness = derived.lexical, derived.hubness
        if not lexical.chunks:
            raise EmptyStore("De index is leeg. Lees eerst documenten in met `python ingest.py`.")
        unknown = sorted(set(doc_ids) - self.documents().keys()) if doc_ids else []
        if unknown:
            raise UnknownDocument(
                f"Onbekend document: {', '.join(unknown)}. Kies uit de ingelezen documenten "
                "(`python -m assistant docs` toont ze)."
            )
        n = max(self.settings.candidates, k)
        query = self.query(question)
        # chunk id -> [chunk dense, best window dense, bm25, question words in its section titles]
        features: dict[str, list[float]] = {}
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_query(query)
            for chunk_id, sim in self._nearest(derived, vector, n, doc_ids, kind="chunk"):
                features.setdefault(chunk_id, [np.nan] * 4)[0] = sim
            windows = self._nearest(derived, vector, 4 * n, doc_ids, kind="window")
            for window_id, sim in hubness.discount(windows, self.settings.hub_weight):
                row = features.setdefault(window_id.rsplit("~", 1)[0], [np.nan] * 4)
                row[1] = sim if np.isnan(row[1]) else max(row[1], sim)
        if mode in ("hybrid", "bm25"):
            terms = lexical.question_terms(query)
            scores = lexical.scores(terms)
            if doc_ids:
                allowed = set(doc_ids)
                scores = np.where([c.doc_id in allowed for c in lexical.chunks], scores, 0.0)
            for i in np.argsort(-scores, kind="stable")[:n]:
                if scores[i] > 0:
                    features.setdefault(lexical.chunks[i].chunk_id, [np.nan] * 4)
            asked = set(terms)
            for chunk_id, row in features.items():
                if chunk_id in self._index_of:
                    row[2] = float(scores[self._index_of[chunk_id]])
                    row[3] = lexical.section_share(asked, self._index_of[chunk_id])
        ranked = self._rank(features, mode)
        aspect_sections: set[str] = set()
        if mode == "hybrid":
            ranked, aspect_sections = self._aspect_sections_up(ranked, query)
        named = self.named_parts(question)
        if named and mode == "hybrid" and ranked:
            ranked = self._named_parts_first(ranked, named, question)
        hits = self._passages(ranked, k)
        if mode == "bm25":
            return hits

        def asked_section(hit: Hit) -> bool:  # the step or the aspect the question names
            return in_named_part(hit, named, hits) or hit.chunk.chunk_id in aspect_sections

        return self._rerank(query, hits, vector, asked_section)

    def _rerank(self, question: str, hits: list[Hit], vector: list[float], stays_first: Callable[[Hit], bool]) -> list[Hit]:
        """The best passages re-ordered by their best sentence: a passage is only as good as the sentence
        that answers the question, which a whole-passage score blurs; a heading that repeats the question's words
        ("3. Commerciële fase") answers nothing, and counts a little less. Those that `stays_first` says are the
        section the question names (a step, an aspect) stay first."""
        depth = self.settings.rerank_depth
        head = self.with_sentences(question, hits[:depth], vector)
        strength = {id(hit): max((s.strength(rank) - HEADING_PENALTY * s.heading for s in hit.sentences or ()),
                                 default=-np.inf)
                    for rank, hit in enumerate(head)}
        first = [hit for hit in head if stays_first(hit)]
        rest = sorted((hit for hit in head if hit not in first), key=lambda hit: -strength[id(hit)])
        return first + rest + hits[depth:]

    def _aspect_sections_up(
        self, ranked: list[tuple[str, float]], query: str
    ) -> tuple[list[tuple[str, float]], set[str]]:
        """For "Wat zijn de nadelen van een innovatiepartnerschap?": a section titled by what the question asks
        about ("Beperkingen", with the thesaurus' word for "nadelen") is the answer, though no sentence of it
        resembles the question much (see `aspect_section`); so are its subsections ("Financieel › Lange looptijd"),
        and a chunk in which such a section opens. They come before every passage that only names the aspect
        ("De werkgroep moet de knelpunten identificeren"), however often; the chunk a section opens in comes before
        the chunks deeper in it, which go on with what it opened. A section titled by the theme the question
        names ("Welke politieke knelpunten …?" -> "Politiek/Bestuurlijk") comes first of all: the buyer named the
        section. Returns the raised ranking and the ids of the chunks raised."""
        on_aspect = self.aspect_section(query)
        theme = self._asked_theme(query)
        titles: dict[str, set[str]] = {}  # each candidate's headings that title the asked aspect
        for chunk_id, _ in ranked:
            chunk = self._by_id[chunk_id]
            titles[chunk_id] = {h for h in heading_lines(chunk) if on_aspect(h, chunk.index_text)}
        titled = {i for i, found in titles.items() if found}
        on_theme = {i for i in titled if any(self._titles_theme(h, theme) for h in titles[i])}
        opening = {i for i in titled if titles[i] & self._opened(self._by_id[i])}
        raised = [(chunk_id, score + self.settings.aspect_weight * (chunk_id in titled)) for chunk_id, score in ranked]

        def order(ranked_chunk: tuple[str, float]) -> tuple[bool, bool, bool, float]:
            chunk_id, score = ranked_chunk
            return chunk_id not in on_theme, chunk_id not in titled, chunk_id not in opening, -score

        return sorted(raised, key=order), titled

    def aspect_section(self, query: str) -> Callable[[str, str], bool]:
        """A test of a section, by its heading and text: whether it is about an aspect `query` asks about
        ("nadelen", "risico's", see ASPECT). Besides aspects and their qualifiers, its heading may name nothing
        the question does not: "Beperkingen", "Risico's en valkuilen", "Belangrijkste risico's" or "Risico's van
        SBIR" qualify for a question on SBIR's risks, "Onderzoek knelpunten" does not. Its text (with its
        document's title) must name something of the question besides aspects, when the question does: "Risico's
        en valkuilen" of a dialogue does not answer "Wat zijn de valkuilen van SBIR?". A heading naming only the
        theme the question ties to the aspect qualifies too: "Financieel" for "Welke knelpunten zijn er op financieel
        gebied?", "Juridisch" for "Welke juridische knelpunten …?" (see THEMED_ASPECT), "Politiek/Bestuurlijk" for
        "Welke politieke knelpunten …?". Never, when `aspect_weight`
        switches the rule off."""
        aspects = set(analyse(" ".join(ASPECT.findall(query))))
        if not aspects or not self.settings.aspect_weight or ONE_CASE_OF_ASPECT.search(query):
            return lambda heading, text: False
        aspects |= {stem for kin in map(set, map(analyse, ASPECT_KIN)) if aspects & kin for stem in kin}
        lexical = self.last_lexical_index()
        asked = set(lexical.terms(query))
        # whole words: "innovatie", a part of "innovatiepartnerschap", is said everywhere
        naming_aspects = lexical.title_terms(" ".join(ASPECT.findall(query) + ASPECT_QUALIFIER.findall(query)))
        subject = set(analyse(query)) - naming_aspects
        # "Welke taak heeft de overheid volgens Mazzucato …?": a section that does not name her is not hers
        names = lexical.specific_names(without_added_terms(query))
        theme = self._asked_theme(query)
        overview = lexical.title_terms("identificeren inventarisatie overzicht")

        @functools.cache
        def broad() -> bool:
            """Whether the question asks about a whole document's subject ("Wat zijn de grootste knelpunten bij
            innovatiegericht inkopen?"): its words, besides who meets the aspect ("ervaren inkopers"), are in a good
            share of one document's chunks. A heading presenting the aspect as a whole ("Identificeren van
            belemmeringen") answers it. Worked out only for such a heading."""
            core = subject - ASKER_WORDS
            return any(all(lexical.spread(t, doc) >= BROAD_SPREAD for t in core) for doc in self.documents())

        def on_aspect(heading: str, text: str) -> bool:
            if self._titles_theme(heading, theme):
                return True
            terms = lexical.title_terms(heading)
            aspect_words = " ".join(ASPECT.findall(heading) + ASPECT_QUALIFIER.findall(heading))
            unasked = terms - lexical.title_terms(aspect_words) - asked
            if not terms & aspects or unasked and not (unasked <= overview and broad()):
                return False
            said = set(lexical.terms(text))
            return (not subject or bool(subject & said)) and names <= said

        return on_aspect

    def _asked_theme(self, query: str) -> set[str]:
        """The theme the question ties to the aspect it asks about: {"financieel"} for "… op financieel gebied?"."""
        themed = " ".join(word for words in THEMED_ASPECT.findall(query) for word in words)
        return set(self.last_lexical_index().terms(ASPECT_QUALIFIER.sub(" ", themed)))

    def _titles_theme(self, heading: str, theme: set[str]) -> bool:
        """Whether the heading names the theme and nothing else ("Financieel"), or is a pair of themes one of which
        is it ("Politiek/Bestuurlijk", "Kennis en ervaring")."""
        terms = self.last_lexical_index().title_terms(heading)
        return bool(terms and theme) and (terms <= theme or bool(THEME_PAIR.search(heading)) and bool(terms & theme))

    def named_parts(self, question: str) -> set[tuple[str, str]]:
        """The numbered steps or phases the question names, by number ("stap 4") or else by their heading's
        words ("de ontwikkelfase": "2. Ontwikkelfase")."""
        return named_parts(question) or self.last_lexical_index().parts_titled(question)

    def _named_parts_first(
        self, ranked: list[tuple[str, float]], named: set[tuple[str, str]], question: str
    ) -> list[tuple[str, float]]:
        """For "Wat is stap 4?": the chunk that opens step 4's section first, found by its section title even when
        the search missed it (a question that is little more than "stap 4" gives the embedder nothing to go on).
        Only in the document the question is about (see `subject_document`): "fase 2 van SBIR" is not the innovation
        partnership's phase 2."""
        lexical = self.last_lexical_index()
        openings = [lexical.chunks[position] for position in lexical.part_openings(named)]
        with_part = {chunk.doc_id for chunk in openings}
        ranked_docs = list(dict.fromkeys(self._by_id[chunk_id].doc_id for chunk_id, _ in ranked))
        candidates = [d for d in ranked_docs if d in with_part or d == ranked_docs[0]] + sorted(with_part - {*ranked_docs})
        doc_id = self.subject_document(question, candidates)
        first = [chunk.chunk_id for chunk in openings if chunk.doc_id == doc_id]
        if not first:
            return ranked
        scores = dict(ranked)
        best = ranked[0][1] if ranked else 0.0
        return [(chunk_id, scores.get(chunk_id, best)) for chunk_id in first] + [
            (chunk_id, score) for chunk_id, score in ranked if chunk_id not in first
        ]

    def subject_document(self, question: str, doc_ids: list[str]) -> str:
        """Of `doc_ids` (best first), the one most about the question's own words besides the steps or phases it
        names (see `LexicalIndex.subject_share`; the thesaurus' words would favour the documents that use them):
        "Wat is stap 3 van de proeftuin?" is about the proeftuin guide, though a plan mentioning proeftuinen may rank
        first. The first on a tie, as when the question names nothing else ("Wat is stap 4?")."""
        lexical = self.last_lexical_index()
        subject = set(lexical.terms(self._without_steps(question)))
        share = {doc_id: round(lexical.subject_share(subject, doc_id), 2) for doc_id in doc_ids}
        return max(doc_ids, key=share.__getitem__)  # the first of equals

    def is_about(self, question: str, doc_id: str) -> bool:
        """Whether the document is about the question's own subject, besides the steps it asks for: one of the
        question's words is said in most of the document's chunks (its title counts for all). A factsheet on the
        innovation partnership mentions the competitive dialogue in a few; its steps are not the dialogue's. True
        when the question names nothing the documents know ("Welke stappen zijn er?")."""
        lexical = self.last_lexical_index()
        own = ASKS_THE_COURSE.sub(" ", self._without_steps(question))
        known = [t for t in analyse(own) if t in lexical.document_frequency]  # whole words: not a compound's parts
        return not known or any(lexical.spread(t, doc_id) >= ABOUT_SPREAD for t in known)

    def _without_steps(self, question: str) -> str:
        """The question, its spelling fixed, without the steps or phases it names: what else it is about."""
        return STEP_WORDS.sub(" ", self._spelt_right(question)[0])

    def with_sentences(self, question: str, hits: list[Hit], vector: list[float] | None = None) -> list[Hit]:
        """The hits with each of their sentences scored against the question (kept when already scored);
        `vector` is the question's embedding when the caller has it already."""
        todo = [hit for hit in hits if hit.sentences is None]
        if not todo:
            return hits
        query = np.asarray(vector if vector is not None else self.embedder.embed_query(question), dtype=np.float32)
        terms = set(analyse(question))
        phrased = ASKS_WHAT_IT_IS.sub(" ", question)  # "Wat houdt X in?": its verb is no concept to find
        phrased = without_speaker(phrased)  # "Wat zegt X over Y?": what it says about Y
        asked = [concept for concept in (set(analyse(phrase)) for phrase in concepts(phrased)) if concept]
        # "werken … samen" is said by "samenwerken", a part of either
        joined = self.last_lexical_index().split_verbs(phrased)
        asked = [concept | {joined[stem] for stem in concept if stem in joined} for concept in asked]
        units = {id(hit): [(text, set(analyse(text))) for text in sentence_units(hit.chunk.text)] for hit in todo}
        focus = self._focus_vector(question, terms, [set().union(*(w for _, w in units[id(hit)])) for hit in todo])
        weight = self.settings.focus_weight
        names_wanted = bool(ASKS_WHO.search(question))
        document_asked = bool(DOCUMENT_ITSELF.search(question))
        reading_asked = bool(ASKS_FOR_READING.search(question))
        names = self._asked_names(question)
        vectors = self._sentence_vectors(todo)
        scored: dict[int, Hit] = {}
        for hit in todo:
            headings = heading_lines(hit.chunk)
            # a sentence's own section is looked up only in a passage with a section of further reading
            may_read = not reading_asked and any(map(in_reading_section, (hit.chunk.section, *headings)))
            sentences = []
            named_before = False  # the section so far names what the question asks about
            for position, (text, words) in enumerate(units[id(hit)]):
                window = vectors.get(text)
                similarity = float(window @ query) if window is not None else 0.0
                dense = similarity
                if window is not None and focus is not None:
                    dense = (1 - weight) * similarity + weight * float(window @ focus)
                lexical = sum(bool(concept & words) for concept in asked) / len(asked) if asked else 0.0
                names_only = not names_wanted and reads_as_names(text)
                meta = not document_asked and about_document(text)
                heading = text in headings or looks_like_heading(text)
                names_it = bool(names & words)
                reading = may_read and is_further_reading(text, hit.chunk.section_at(hit.chunk.text.find(text)))
                sentences.append(SentenceScore(text, position, dense, lexical, names_only, meta, heading,
                                               names_asked=names_it, named_before=named_before and not heading,
                                               further_reading=reading,
                                               question_similarity=similarity))
                named_before = names_it if heading else named_before or names_it  # a heading opens a section
            scored[id(hit)] = dataclasses.replace(hit, sentences=tuple(sentences))
        return [scored.get(id(hit), hit) for hit in hits]

    def _asked_names(self, question: str) -> set[str]:
        """The specific names the question asks about (see `LexicalIndex.specific_names`), not counting the
        documents' words added to it, nor a source it names with "volgens", which is who says the answer."""
        return self.last_lexical_index().specific_names(BY_NAMED_SOURCE.sub(" ", without_added_terms(question)))

    def _focus_vector(self, question: str, terms: set[str], passages: list[set[str]]) -> np.ndarray | None:
        """The embedding of the question without its topic: the words (`terms`) every one of the `passages`
        shares. The passages' sentences differ in what the question asks about that topic ("Welke problemen met
        budgetten remmen innovatiegericht inkopen af?" -> "... problemen met budgetten remmen ... af"), which an
        embedding of the whole question drowns in the topic. None when there is no shared topic or too little else."""
        if not self.settings.focus_weight or len(passages) < 2:
            return None
        topic = terms.intersection(*passages)
        if not topic or len(terms - topic) < 2:
            return None
        focus = " ".join(w for w in QUESTION_WORD.findall(question) if not set(analyse(w)) & topic)
        return np.asarray(self.embedder.embed_query(focus), dtype=np.float32)

    def _sentence_vectors(self, hits: list[Hit]) -> dict[str, np.ndarray]:
        """Sentence-window vectors stored at ingest, keyed by the sentence they start with."""
        chunk_ids = [part for hit in hits for part in (hit.parts or (hit.chunk.chunk_id,))]
        stored = self.store.window_vectors(list(dict.fromkeys(chunk_ids)))
        vectors: dict[str, np.ndarray] = {}
        for chunk_id, chunk_vectors in stored.items():
            chunk = self._by_id.get(chunk_id)
            if chunk is None:
                continue  # written by an ingest after this search read the index; its sentences score 0
            shown = shown_text(chunk, self._neighbour(chunk, -1))
            for unit, vector in zip(sentence_units(shown), chunk_vectors):
                vectors.setdefault(unit, vector)
        return vectors

    def _opened(self, chunk: Chunk) -> set[str]:
        """The headings of the sections that open in the chunk: inside its text, or at its start."""
        return {*chunk.headings, *opening_headings(chunk, self._neighbour(chunk, -1))}

    def _neighbour(self, chunk: Chunk, offset: int) -> Chunk | None:
        return self._by_id.get(f"{chunk.doc_id}#{chunk.position + offset}")

    def _rank(self, features: dict[str, list[float]], mode: Mode) -> list[tuple[str, float]]:
        ids = [i for i in features if i in self._by_id]
        if not ids:
            return []
        matrix = np.array([features[i] for i in ids], dtype=np.float64)
        weights = {
            "hybrid": [self.settings.chunk_weight, self.settings.window_weight, self.settings.lexical_weight,
                       self.settings.section_weight],
            "dense": [self.settings.chunk_weight, self.settings.window_weight, 0.0, 0.0],
            "bm25": [0.0, 0.0, 1.0, 0.0],
        }[mode]
        total = np.zeros(len(ids))
        for column, weight in enumerate(weights):
            if weight:
                total += weight * _standardise(matrix[:, column])
        order = np.argsort(-total, kind="stable")
        return [(ids[i], float(total[i])) for i in order]

    def _passages(self, ranked: list[tuple[str, float]], k: int) -> list[Hit]:
        """Small-to-big: each winner with its neighbours, skipping winners already shown whole inside another. A
        neighbour of which a passage shows only the last paragraphs may still be a passage of its own: the
        paragraphs before them may be what the question asks."""
        hits: list[Hit] = []
        shown: set[str] = set()
        for chunk_id, score in ranked:
            if chunk_id in shown:
                continue
            passage, parts = self.expand(self._by_id[chunk_id], shown)
            shown.update(part for part in parts if part == chunk_id or self._shown_whole(part, passage.text))
            hits.append(Hit(passage, score, parts))
            if len(hits) == k:
                break
        return hits

    def _shown_whole(self, chunk_id: str, text: str) -> bool:
        """Whether `text` holds every paragraph the chunk adds to the one before it (see `shown_text`)."""
        chunk = self._by_id[chunk_id]
        return all(p.strip() in text for p in shown_text(chunk, self._neighbour(chunk, -1)).split("\n\n"))

    def expand(self, chunk: Chunk, shown: set[str] | None = None) -> tuple[Chunk, tuple[str, ...]]:
        """The chunk with the text of its neighbours around it, within `PASSAGE_CHARS`; neighbours already
        `shown` in a better passage are left out, so no two passages repeat each other."""
        before, after = self._neighbour(chunk, -1), self._neighbour(chunk, +1)
        text = shown_text(chunk, before)
        if before is not None and before.chunk_id in (shown or ()):
            before = None
        if after is not None and after.chunk_id in (shown or ()):
            after = None
        parts = [chunk.chunk_id]
        if not self.settings.small_to_big:
            return self._passage(chunk, text, parts), tuple(parts)
        # a chunk's own section reads on before it rather than into the next section after it (a list cut in two)
        before_first = before is not None and after is not None and after.section != chunk.section == before.section
        if before is not None and before_first:
            text = self._with_lead(chunk, before, text, parts)
        if after is not None and len(text) + len(after.text) <= PASSAGE_CHARS:
            text = _join_overlapping(text, shown_text(after, chunk))
            parts.append(after.chunk_id)
        if before is not None and not before_first:
            text = self._with_lead(chunk, before, text, parts)
        return self._passage(chunk, text, parts), tuple(parts)

    def _with_lead(self, chunk: Chunk, before: Chunk, text: str, parts: list[str]) -> str:
        """`text` opened by the last paragraphs of the chunk `before` it that fit, recorded in `parts`."""
        lead = _tail_within(shown_text(before, self._neighbour(chunk, -2)), PASSAGE_CHARS - len(text))
        if not lead:
            return text
        parts.insert(0, before.chunk_id)
        return _join_overlapping(lead, text)

    def _passage(self, chunk: Chunk, text: str, parts: list[str]) -> Chunk:
        """`chunk` as the passage of `text`, which its `parts` make up: the headings are those of all of them."""
        headings = [line for part in parts for line in sorted(heading_lines(self._by_id.get(part, chunk)))]
        return dataclasses.replace(chunk, text=text, headings=tuple(dict.fromkeys(headings)))


def in_named_part(hit: Hit, named: set[tuple[str, str]], hits: list[Hit]) -> bool:
    """Whether the passage is (partly) the section of one of the `named` steps or phases, its section titles or one
    of its lines opening it, in the document of the best of the `hits`: the document the question is about (see
    `Retriever._named_parts_first`)."""
    if not named or hit.chunk.doc_id != hits[0].chunk.doc_id:
        return False
    return any(opens_named_part(line, named) for line in [*hit.chunk.section.split(" › "), *sentence_units(hit.chunk.text)])


def _standardise(column: np.ndarray) -> np.ndarray:
    """z-scores over the candidate pool; a missing value counts as the pool's minimum."""
    present = column[~np.isnan(column)]
    if present.size == 0:
        return np.zeros_like(column)
    filled = np.where(np.isnan(column), present.min(), column)
    spread = filled.std()
    return (filled - filled.mean()) / spread if spread > 0 else np.zeros_like(filled)


def _tail_within(text: str, room: int) -> str:
    """The last whole paragraphs of `text` that fit in `room` characters."""
    kept: list[str] = []
    for paragraph in reversed(text.split("\n\n")):
        if sum(len(p) + 2 for p in kept) + len(paragraph) > room:
            break
        kept.insert(0, paragraph)
    return "\n\n".join(kept)


def _join_overlapping(first: str, second: str) -> str:
    """Join consecutive chunks; a chunk opens with the last sentences of the one before, shown only once. When
    its section opened inside the chunk before, the headings shown before those sentences come earlier in the
    document than they do: shown there already, or cut off with the start of that chunk."""
    paragraphs = second.split("\n\n")
    ending = first.rstrip()
    for headings in range(min(MAX_OPENING_HEADINGS, len(paragraphs) - 2) + 1):
        if ending.endswith(paragraphs[headings].strip()):
            return "\n\n".join([first, *paragraphs[headings + 1 :]])
    return f"{first}\n\n{second}"


class LangChainRetriever(BaseRetriever):
    """The retriever as a LangChain `BaseRetriever`, to plug into LangChain chains."""

    retriever: Any
    k: int = 10
    doc_ids: list[str] | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(
                page_content=hit.chunk.text,
                metadata={"doc": hit.chunk.doc_id, "title": hit.chunk.title, "page": hit.chunk.page,
                          "section": hit.chunk.section, "score": hit.score},
            )
            for hit in self.retriever.search(query, k=self.k, doc_ids=self.doc_ids)
        ]
