"""When the documents do not answer: the checks that make the assistant refuse instead of guessing.

Each check looks for a different way evidence can be missing: nothing is about the question (low similarity,
unless a best passage stands under a heading naming the question's subject), the question's rarer words are absent
(low coverage), it asks about a year no passage about the question mentions ("Hoeveel … in 2022?") or for or about a
thing no document names ("Welke boete …?", "Hoe werkt de klachtenregeling …?"), it names something the documents do
not ("de Commissie van Aanbestedingsexperts", "de Wet open overheid"), it asks for a quantity ("Hoeveel punten …?",
"Wat kost …?", "Hoe lang is de bezwaartermijn?") that no passage gives of what it asks about, or for a phone number or
an e-mail address no passage gives, or who holds a post in a named organisation ("Wie is de directeur van PIANOo?")
when no passage names the post beside it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from .lexical import TOKEN, LexicalIndex, analyse, at_either_end, word_stems
from .models import Hit
from .settings import Settings
from .thesaurus import added_terms

REFUSAL = (
    "Daarover vind ik geen antwoord in de PIANOo-documenten in de index. "
    "Hieronder staan de passages die er het dichtst bij komen; misschien helpen die verder."
)
# an answer whose best sentence is barely similar enough not to refuse: most of these answer a question the documents
# do not answer (18 of the 29 over the evaluation sets, reports/ideas.md)
CAUTION = (
    "Let op: de gevonden passages gaan mogelijk niet over uw vraag. Controleer de bronnen voordat u dit antwoord "
    "gebruikt."
)
EVIDENCE_PASSAGES = 3
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
QUANTITY_COVERAGE = 0.2  # an asked quantity counts only in a passage holding this share of the question's terms
TOLD_QUANTITY_COVERAGE = 0.4  # ... and answers a question the embedder finds too far off in one holding this share
# A number written out: "vijf", "achttien", "vijfentwintig", "tweehonderd", "tientallen".
_NUMBER_WORD = (
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|"
    r"achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderden|honderd|duizenden|"
    r"duizend"
)
WRITTEN_NUMBER = rf"(?:{_NUMBER_WORD})(?:(?:ën|en)?(?:{_NUMBER_WORD}))*(?:tallen)?"
NUMERAL = re.compile(rf"\d|{WRITTEN_NUMBER}$")
HOW_MANY = re.compile(r"\bhoeveel\s+((?:[\w-]+\s+){0,1}[\w-]+)", re.IGNORECASE)
_HOW_LONG_VERB = r"hoe lang (?:duurt|duren|mag|moet|is|zijn|loopt|lopen)"
HOW_LONG = re.compile(
    rf"\b({_HOW_LONG_VERB}|(?:minimale|maximale) (?:termijn|looptijd|duur|doorlooptijd))\b", re.IGNORECASE
)
# what lasts: "Hoe lang duurt de bezwaartermijn …?", "Hoe lang mag een marktconsultatie duren?"
WHAT_LASTS = re.compile(
    rf"\b{_HOW_LONG_VERB}\s+(?:(?:de|het|een|zijn|haar|hun|mijn|onze?|uw)\s+)?([\w-]+)", re.IGNORECASE
)
# asks the amount: "Wat is het maximale bedrag …?", not "Waarom is het moeilijk om budget te krijgen …?"; or pay:
# "Wat verdient een inkoopadviseur?"
HOW_MUCH_MONEY = re.compile(
    r"\bhoeveel geld\b|\b(?:hoe groot|hoe hoog|welk|wat (?:is|was|bedraagt))\b[\w\s-]{0,30}?\b(?:bedrag|budget)"
    r"|\b(?:wat|hoeveel)\s+(?:verdient|verdienen|verdiende|verdienden)\b",
    re.IGNORECASE,
)
# asks what is spent, an amount: "Hoeveel geven overheden in Europa uit aan inkoop?" (not a count of "overheden"),
# "Hoeveel wordt er besteed aan SBIR?"
ASKS_SPENDING = re.compile(
    r"\bhoeveel (?:geeft|geven|gaf|gaven)\b[^?]*\buit\b"
    r"|\bhoeveel\b[^?]*\b(?:uitgeven|uitgegeven|besteden|besteedt|besteed|investeren|investeert|geïnvesteerd)\b",
    re.IGNORECASE,
)
# asks a moment: "In welk jaar …?", "Sinds wanneer …?", "Wanneer is de wet gewijzigd?"; not "Wanneer is een
# innovatiepartnerschap geschikt?", which asks in which case
WHEN_IN_TIME = re.compile(
    r"\b(?:in welk jaar|sinds wanneer|vanaf wanneer|per wanneer)\b|\bwanneer\s+(?:is|was|werd|zijn|werden|trad|ging)\b"
    r"[^?]*\b(?:gewijzigd|veranderd|ingevoerd|ingegaan|in werking|opgericht|gestart|begonnen|verschenen|gepubliceerd|"
    r"vastgesteld|aangenomen|geïntroduceerd|afgeschaft)\b",
    re.IGNORECASE,
)
MOMENT = re.compile(  # a year, or a day of a month
    rf"{YEAR.pattern}|\b\d{{1,2}}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december)\b",
    re.IGNORECASE,
)
WHAT_SHARE = re.compile(r"\b(percentage|procent)\b", re.IGNORECASE)
# "20 dagen", "30 kalenderdagen", "twaalf tot achttien maanden", "een jaar", "meerdere jaren": the unit follows the
# number, so that "18 het jaar" (a footnote) is none
DURATION = re.compile(
    rf"\b(?:\d+|{WRITTEN_NUMBER}|een|één|anderhalf|enkele|meerdere|vele|paar)\s+"
    r"\w*(?:dag|dagen|week|weken|maand|maanden|jaar|jaren|uur|uren)\b",
    re.IGNORECASE,
)
# a span given as the whole of something: "De eindgebruiker dient gedurende het gehele inkooptraject betrokken te
# worden" says how long the user takes part; it tells a duration only in a sentence naming what lasts
WHOLE_SPAN = r"\b(?:gedurende|tijdens)\s+(?:het|de)\s+(?:gehele|hele|volledige)\b"
MONEY = re.compile(r"€|\beuro\b|\bmiljoen\b|\bmiljard\b|\bmln\b", re.IGNORECASE)
# "Wat kost …?", "Hoeveel kostte …?", "Wat heeft het traject gekost?", "Hoe hoog zijn de kosten?"
WHAT_COST = re.compile(
    r"\b(?:wat|hoeveel) (?:kost|kosten|kostte|kostten)\b|\b(?:wat|hoeveel) (?:heeft|hebben|had|hadden)\b[^?]*\bgekost\b"
    r"|\bhoe hoog (?:zijn|waren) de (?:[\w-]+ )?kosten\b",
    re.IGNORECASE,
)
# "Wat zijn de kosten van een marktconsultatie?" asks a price, or what the documents say of its costs; "Wat zijn de
# kosten en risico's van …?" asks about costs among other things, as a barrier
COSTS_OF = re.compile(r"\bwat (?:zijn|waren) de (?:[\w-]+ )?kosten (?:van|voor) (?:een |het |de )?(?P<subject>[\w-]+)",
                      re.IGNORECASE)


# asks how to reach someone: "Wat is het telefoonnummer van de helpdesk?", "Naar welk e-mailadres stuur ik …?"; a
# passage gives the number or the address itself
ASKS_PHONE = re.compile(r"\btelefoonnummer\w*|\btelefonisch\b|\bbel(?:len)?\b", re.IGNORECASE)
PHONE_NUMBER = re.compile(r"(?:\+31\s?|\b0)\d{1,3}(?:[\s–-]{0,3}\d{2,4}){2,3}\b")  # "070 - 123 4567", "0800-1234567"
ASKS_EMAIL = re.compile(r"\be-?mail(?:adres)?\w*|\bmailadres\w*", re.IGNORECASE)
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


EUROS = r"€|\beuro\b"
PERCENT = re.compile(r"\d\s?%|\bprocent\b", re.IGNORECASE)
EUROS_OR_SHARE = f"{EUROS}|{PERCENT.pattern}"


def _amount_of(nouns: str, amount: str = EUROS) -> re.Pattern[str]:
    """An amount (of euros) and what it is of in one sentence: "Een licentie kost € 500", "de kosten bedragen
    € 2 miljoen", "de drempelwaarde van € 221.000", "heeft € 40.000 gekost"."""
    within = r"(?:[^.;?!]|(?<=\d)[.](?=\d)){0,80}"  # a number's thousands ("40.000") do not end the sentence
    return re.compile(rf"\b(?:{nouns})\b{within}(?:{amount})|(?:{amount}){within}\b(?:{nouns})\b", re.IGNORECASE)


PRICE = _amount_of(r"(?:ge)?kost\w*|prijs\w*|tarie\w*|bedraag\w*")
# "Wat is de drempelwaarde …?", "Wat zijn de Europese aanbestedingsdrempels?" ask the threshold's amount
ASKS_THRESHOLD = re.compile(r"drempelwaarde|drempelbedrag|aanbestedingsdrempel", re.IGNORECASE)
THRESHOLD = _amount_of(r"\w*drempel\w*")
# "Wat is het btw-tarief …?", "Hoe hoog is het uurtarief?" ask a rate: a share or an amount, beside the rate
ASKS_RATE = re.compile(r"\b(?:wat|welk|hoe hoog)\b[\w\s-]{0,30}?tarie[fv]", re.IGNORECASE)
RATE = _amount_of(r"\w*tarie\w*|btw", EUROS_OR_SHARE)
# what a question asks for, and how a passage that gives it writes it
ASKED_AND_TOLD = (
    (ASKS_THRESHOLD, THRESHOLD), (ASKS_RATE, RATE), (HOW_LONG, DURATION), (WHEN_IN_TIME, MOMENT),
    (ASKS_PHONE, PHONE_NUMBER), (ASKS_EMAIL, EMAIL_ADDRESS),
)
# "Hoe hoog is de boete …?", "Hoe groot zijn de startopdrachten …?" ask a sum of money, or a share, beside the word
# for it: a document names a fine, a fee or a contract when it gives its sum. Not "Hoe hoog is het risico?", nor a
# subsidy or a saving, which a document may give in other words ("bijna € 64 miljoen aan SBIR-trajecten", "een
# efficiëntieverbetering van 10-30%"). "Wat is het salaris van …?" asks it too, of a word that names only a sum (not
# "Wat is de opdracht van de werkgroep?")
_ONLY_A_SUM = r"boete|premie|korting|loon|salaris|honorarium"
ASKS_SUM = re.compile(
    r"\b(?:hoe (?:hoog|groot) (?:is|zijn|was|waren|wordt|worden)"
    rf"|wat (?:is|was|zijn|waren|bedraagt|bedragen)(?= (?:de|het|een) [\w-]*(?:{_ONLY_A_SUM})))"
    r" (?:de|het|een) "
    rf"(?P<sum>[\w-]*(?:{_ONLY_A_SUM}|vergoeding|omzet|opdracht)(?:s|en)?)\b",
    re.IGNORECASE,
)
# Who holds a post in a named organisation: "Wie is de directeur van PIANOo?", "Wie is op dit moment voorzitter van
# …?", "Wie is de contactpersoon bij RVO?"; the organisation by its name, not "… van een SBIR-traject". A post is a
# person's; "Wie is de opdrachtgever / uitvoerder van …?" asks for an organisation, which a passage names without that
# word ("RVO … voert SBIR-trajecten uit").
POST = (r"directeur|directrice|voorzitter|minister|staatssecretaris|wethouder|burgemeester|gedeputeerde|hoofd|"
        r"manager|coördinator|contactpersoon|woordvoerder|secretaris|oprichter|ceo|cio|cpo")
WHO_HOLDS = re.compile(
    rf"\b[Ww]ie\s+(?:is|was|wordt)\s+(?:(?:nu|momenteel|tegenwoordig|thans|op dit moment)\s+)?(?:(?:de|het)\s+)?"
    rf"((?:\w+)?(?:{POST}))\s+(?:van|bij|binnen)\s+"
    r"((?:de\s+)?[A-Z][^?,.]*)"
)
NAMED_NEAR = 6  # words between a post and whose it is: "Coördinerend Directeur Inkoop Ministerie van OCW"
LAW_NAME = re.compile(r"(?<![\w-])Wet\s+([a-zà-ÿ]{2,})")  # "de Wet open overheid": a law by its name
# A name of two or more capitalised words inside the question: "het Uniform Europees Aanbestedingsdocument", "Best
# Value Procurement"; not the question's first word ("Wat Is …")
CAPITALISED_NAME = re.compile(r"(?<!^)(?<![.?!:]\s)\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+")
NEAR = 4  # words from a number to what it counts ("5 antwoorden op de 5 vragen")
TITLE_CASED = re.compile(r"[A-Z][a-zà-ÿ]")
# what a count of "partijen" is told as: a search would drift off with these words ("samenwerking tussen partijen in een
# gebied" is not about suppliers), a count may use them ("drie opdrachtnemers", "vier aanbieders")
COUNTED_AS = {"partij": "opdrachtnemers aanbieders bedrijven leveranciers ondernemers organisaties"}
SHARED_FIRST_PART = 9  # letters: "innovatie", "efficiëntie"; not "opdracht" (-nemer / -gever)
KIND_OF = re.compile(
    r"(?:soort|vorm|type|variant|variatie|manier|mogelijkhe?d|optie|methode|categorie|keuze|alternatie[fv])\w*$",
    re.IGNORECASE,
)


def refuses(
    question: str, searched: str, hits: list[Hit], best_similarity: float, lexical: LexicalIndex, settings: Settings
) -> bool:
    """Whether the best passages fail to answer `question`, which was `searched` with the documents' words added
    (see `Retriever.query`): a passage using the documents' word for the buyer's own ("lock-in" for
    "vastzitten") covers it."""
    passages = [h.chunk.text for h in hits[:EVIDENCE_PASSAGES]]
    # each passage's share of the question's terms, with or without the documents' words, whichever is larger
    shares = [max(pair) for pair in zip(*(lexical.coverage(q, passages) for q in {question, searched}))]
    # "Hoeveel … in 2022?" is answered by a passage that names 2022 with its figure, not by a 2016-2021 count
    # beside a passage that mentions 2022 for something else
    years = YEAR.findall(question)
    # an asked duration counts in a passage that names what lasts, not one that only says "lang" ("even lange")
    on_subject = [True] * len(passages)
    if HOW_LONG.search(question):
        lasting = {HOW_LONG.sub(" ", q) for q in {question, searched}}
        on_subject = [max(pair) > 0 for pair in zip(*(lexical.coverage(q, passages) for q in lasting))]
        # and when the question names what lasts, the passage names it too, alone or in a compound ("voorbereiding":
        # "voorbereidingstijd"): a "bezwaartermijn" is not told by the fifteen years of a subsidy in a passage about
        # "Europese aanbestedingen"
        if asked := WHAT_LASTS.search(question):
            lasts = analyse(asked.group(1))
            on_subject = [named and _says_all(lasts, p) for p, named in zip(passages, on_subject)]
    # "Hoeveel SBIR-trajecten heeft Rotterdam uitgevoerd?" is not answered by the national count: a passage that gives
    # the quantity or year must name the place or organisation asked about
    names = lexical.specific_names(question)
    dated = {p: share for p, share, named in zip(passages, shares, on_subject)
             if named and all(y in p for y in years) and (not names or names <= set(analyse(p)))}
    # "Hoe lang duurt fase 1 van SBIR?" is not answered by "de komende 48 uur" in a passage about forest fires
    about_it = [p for p, share in dated.items() if share >= QUANTITY_COVERAGE]
    # "Hoeveel kilometer kademuren heeft Amsterdam?" is told in passing in a long sentence about something else
    # ("… of de 200 km aan kademuren in Amsterdam."): a passage naming most of the question with the asked quantity
    told = asks_quantity(question) and gives_asked_quantity(
        question, [p for p, share in dated.items() if share >= TOLD_QUANTITY_COVERAGE]
    )
    return (
        best_similarity < settings.min_similarity and not told and not _headed_by_its_subject(question, hits, lexical)
        or max(shares, default=0.0) < settings.refusal_threshold
        or any(_names_nothing_known(word) for word in lexical.unknown_asked(searched))
        or bool(years) and not about_it
        or not gives_asked_quantity(question, about_it)
        or _names_what_no_passage_says(question, hits)
        or bool(lexical.unknown_names(question))
        or _asks_a_post_none_names(question, passages)
    )


def answers_too_little(
    question: str, searched: str, answer: str, best_similarity: float, lexical: LexicalIndex, settings: Settings
) -> bool:
    """Whether a composed answer is too weak to give: its best sentence barely resembles the question and it says
    less than half of what the question asks about, with or without the documents' words; or its best sentence
    resembles the question only moderately and it says next to nothing of it. A question on procurement law the
    documents do not treat ("Mag ik bij een aanbesteding een minimale jaaromzet eisen?") passes the checks of
    `refuses` on a passage that shares its general words ("aanbesteding") and quotes a sentence about something
    else; an answer to a question the documents answer says more of it, or resembles it more."""
    tiers = ((settings.weak_similarity, settings.min_answer_coverage),
             (settings.moderate_similarity, settings.min_moderate_answer_coverage))
    needed = max((coverage for similarity, coverage in tiers if best_similarity < similarity), default=0.0)
    return needed > 0 and max(lexical.coverage(q, [answer], in_compounds=True)[0] for q in {question, searched}) < needed


def _says_all(stems: list[str], passage: str) -> bool:
    """Whether the passage says the word of each of `stems`, alone or as a part of a compound
    ("voorbereidingstijd")."""
    said = set(analyse(passage))
    return all(any(at_either_end(stem, word) for word in said) for stem in stems)


def _asks_a_post_none_names(question: str, passages: list[str]) -> bool:
    """Whether the question asks who holds a post in a named organisation ("Wie is de directeur van PIANOo?") that
    none of the best passages names near that organisation: a list of a work group's members, each with a title
    (a "Coördinerend Directeur" of a ministry), would look like an answer and is not."""
    asked = WHO_HOLDS.search(question)
    if asked is None:
        return False
    post, holder = set(analyse(asked.group(1))), set(analyse(asked.group(2)))
    for passage in passages:
        stems = [stem for _, stem in word_stems(passage)]
        for i, stem in enumerate(stems):
            if stem in post and holder <= set(stems[max(0, i - NAMED_NEAR) : i + NAMED_NEAR + 1]):
                return False
    return True


def _headed_by_its_subject(question: str, hits: list[Hit], lexical: LexicalIndex) -> bool:
    """Whether a best passage stands under a heading that names a specific word of the question ("Welke ervaringen
    heeft het hoogheemraadschap met …?" under "Hoogheemraadschap"): a question in general words ("ervaringen")
    is far from every sentence by the embedder, yet that passage is about it."""
    specific = lexical.specific_terms(question)
    return any(specific & set(analyse(h.chunk.section)) for h in hits[:EVIDENCE_PASSAGES])


def _names_what_no_passage_says(question: str, hits: list[Hit]) -> bool:
    """Whether the question names a law ("de Wet open overheid") or a thing by a name of capitalised words ("het
    Uniform Europees Aanbestedingsdocument") that none of the passages found says: its words are known one by one,
    so only the name itself tells that the documents are silent. The passages found, not the whole store: a passage
    naming it ranks among them."""
    law = LAW_NAME.search(question)
    names = [law.group(0)] if law and analyse(law.group(1)) else []  # "Wet en regelgeving" names no law
    # a name of common words only is a capitalised phrase ("Wat Is Een …"), not a name
    names += [name for name in CAPITALISED_NAME.findall(question) if all(analyse(word) for word in name.split())]
    if not names:  # most questions: the passages need no reading
        return False
    passages = [_as_said(hit.chunk.text) for hit in hits]
    return any(not any(_says_name(name, passage) for passage in passages) for name in names)


def _says_name(name: str, passage: str) -> bool:
    """Whether the passage says the name, or says the name after its first word and that word elsewhere: "het
    Vlaamse Programma Innovatieve Overheidsopdrachten" is the "Programma Innovatieve Overheidsopdrachten" of the
    "Vlaamse Overheid"."""
    said = _as_said(name)
    if said in passage:
        return True
    first, _, rest = said.partition(" ")
    return " " in rest and rest in passage and re.search(rf"\b{re.escape(first)}\b", passage) is not None


def _as_said(text: str) -> str:
    """The text as a name in it is compared: lower case, a hyphen as a space ("Bureau ICT-toetsing" is the
    documents' "Bureau ICT Toetsing"), single spaces."""
    return " ".join(text.lower().replace("-", " ").split())


def _names_nothing_known(word: str) -> bool:
    """Whether an asked-for word the documents do not use ("Welke boete …?") means they cannot answer: not when
    the documents say it in their own words (the thesaurus: "wethouder" -> "bestuur"), not for a kind of things
    ("Welke varianten van de dialoog …?" asks about the dialoog), nor for a quantity ("Welk percentage …?"), which the
    quantity check judges."""
    return not (added_terms(word) or KIND_OF.match(word) or asks_quantity(f"welk {word}"))


def asks_quantity(question: str) -> bool:
    """Whether the question asks for a quantity: how many of something, how long, how much money, what share; or for
    a number or an address to reach someone by."""
    return bool(_quantity_asks(question))


def gives_asked_quantity(question: str, passages: list[str]) -> bool:
    """False when the question asks for a quantity (see `asks_quantity`) and no passage states one: quoting
    other numbers would look like an answer and is not."""
    asks = _quantity_asks(question)
    counts = [ask for ask in asks if not isinstance(ask, re.Pattern)]
    return not asks or any(
        states_asked_amount(question, passage) or bool(counts) and _counts_one(counts, passage) for passage in passages
    )


def states_asked_amount(question: str, text: str) -> bool:
    """Whether `text` states an amount the question asks for beside what it is of ("bescheiden startopdrachten van
    € 25.000" for "Hoe groot zijn de startopdrachten?"), not only a number (see `gives_asked_quantity`)."""
    return any(ask.search(text) for ask in _quantity_asks(question) if isinstance(ask, re.Pattern))


def _counts_one(counts: list[tuple[Callable[[str], bool], int]], passage: str) -> bool:
    """Whether the passage gives a number beside a word one of the `counts` asks about ("3 opdrachtnemers")."""
    words = word_stems(passage)  # "vragen" counts as "vraag"
    labels = _labelling_numbers(passage)
    for names, reach in counts:
        for i, (word, _) in enumerate(words):
            if not NUMERAL.match(word) or YEAR.fullmatch(word) or i in labels:  # "in 2021 innovatiegericht …"
                continue
            near = words[i + 1 : i + 1 + reach]  # "3 opdrachtnemers"
            # "stap 6", "fase 2": a number after what it would count names one, it counts none; but after the
            # verb of "Hoeveel stappen telt …?", which the question's words include, "telt 10 stappen" counts
            if i >= 1 and names(words[i - 1][1]) and not (near and names(near[0][1])):
                continue
            if i >= 2 and words[i - 1][0] == "van":  # "een efficiëntieverbetering van 10-30%"
                near.append(words[i - 2])
            if any(names(stem) for _, stem in near):
                return True
    return False


def _labelling_numbers(passage: str) -> set[int]:
    """The positions (as `word_stems` counts them) of the numbers that label what follows them instead of counting
    it: a footnote's number before its text ("43 Startup in Residence Intergov 44 Buyer groups duurzaamheid"); the
    word a number counts is not capitalised, unless it is an abbreviation ("55 SBIR-projecten"). A numbered item
    ("1. Mededingingsfase", "2) Ontwikkelfase") counts the steps up to it."""
    text = passage.replace("-", " ")
    words = list(TOKEN.finditer(text))
    return {
        i for i, (number, after) in enumerate(pairwise(words))
        if number[0].isdigit() and text[number.end():after.start()].isspace() and TITLE_CASED.match(after[0])
    }


@lru_cache(maxsize=256)  # asked of every sentence an answer may quote
def _quantity_asks(question: str) -> tuple[tuple[Callable[[str], bool], int] | re.Pattern[str], ...]:
    """What the question asks to be counted or measured: for each, a test for the word naming the quantity and
    how far after the number it may stand, or the pattern of an amount written with its unit ("€ 64 miljoen",
    "15%")."""
    spending = ASKS_SPENDING.search(question)
    asks: list[tuple[Callable[[str], bool], int] | re.Pattern[str]] = [
        (_counts(match.group(1)), NEAR) for match in HOW_MANY.finditer(question)
        if not spending and not re.search(r"geld|procent|^kost", match.group(1))
    ]
    if WHAT_COST.search(question):
        asks.append(PRICE)
    if costs := COSTS_OF.search(question):
        # its forms ("innovatie", "innovaties") and compounds ("SBIR-traject": "SBIR-projecten")
        subject = _forms_of(costs["subject"].split("-")[0])
        asks += [PRICE, _amount_of(r"kost\w*", subject), _amount_of(subject, MONEY.pattern)]
    if asked_sum := ASKS_SUM.search(question):
        # and compounds ending in it: "onkostenvergoeding"
        asks.append(_amount_of(r"\w*" + _forms_of(asked_sum["sum"].split("-")[-1]), EUROS_OR_SHARE))
    asks += [told for asked, told in ASKED_AND_TOLD if asked.search(question)]
    if lasting := WHAT_LASTS.search(question):
        asks.append(_amount_of(_forms_of(lasting.group(1)), WHOLE_SPAN))
    if WHAT_SHARE.search(question):
        asks.append(PERCENT)  # "welk percentage van het budget": the share is asked, not the amount
    elif HOW_MUCH_MONEY.search(question) or spending:
        asks.append(MONEY)
    return tuple(asks)


def _forms_of(word: str) -> str:
    """A pattern for the forms of `word` and the compounds it begins: "innovatie" for "innovaties", "boete" for
    "boetes"."""
    return re.escape(word[: max(4, len(word) - 2)]) + r"[\w-]*"


def _counts(phrase: str) -> Callable[[str], bool]:
    """A test for words naming what "hoeveel <phrase>" counts: compounds and plurals included, and a compound
    with the same first part ("efficiëntiewinst" / "efficiëntieverbetering")."""
    # and the documents' words for it: "Hoeveel partijen …?" is answered by "drie opdrachtnemers"
    said = analyse(" ".join([phrase, *added_terms(phrase)]).replace("-", " "))
    stems = said + analyse(" ".join(COUNTED_AS.get(stem, "") for stem in said))
    # a stem of one or two letters ("a4") only as a whole word, not inside every word that has its letters
    def counts(word: str) -> bool:
        return any(stem == word or len(stem) >= 3 and (
            stem in word or len(os.path.commonprefix([stem, word])) >= SHARED_FIRST_PART) for stem in stems)

    return counts
