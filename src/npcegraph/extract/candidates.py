"""Open vocabulary: instruments, product groups and organisations the curated vocabulary does
not know yet, found from Dutch word formation and context and offered for curation.

Nothing found here enters the curated vocabulary: the rdf stage writes candidates under
``id/candidate/`` and an editor accepts or rejects them (:mod:`npcegraph.curation`). The rules
prefer missing a candidate over proposing junk. :func:`find_candidates` returns one
:class:`Candidate` per occurrence (the caller aggregates); ``cue`` names the rule:

- ``green-deal`` / ``city-deal`` / ``regio-deal`` (0.8): "Green Deal" + capitalised name.
- ``named:<head>``: Regeling, Subsidieregeling, Subsidiemodule, Fonds, Programma, Stelsel, IBO,
  Convenant, or a capitalised compound with an instrument suffix followed by a capitalised name
  ("het Ketenakkoord Houtbouw", "de Stimuleringsregeling Hergebruik Meubilair"), + a name:
  capitalised head mid-sentence, name capitalised or lower-case opening with an adjective
  ("Subsidieregeling circulaire zonneparken") 0.75; lower-case head + capitalised name
  ("het programma Digitalisering") 0.65; "de subsidieregeling" + lower-case name 0.6.
- ``capitalised-programme`` (0.7): two or more capitalised words (the first word of a
  sentence does not count), one of them an instrument word ("Circulair Ontwerpfonds").
- ``suffix:-<suffix>`` (0.6, +0.1 capitalised mid-sentence, +0.1 when the modifier is a curated
  product group; at most 0.8): one compound ending in -regeling, -subsidie, -fonds, -heffing,
  -belasting, -norm, -akkoord, -convenant, -pact, -verplichting, -programma, -agenda, -deal
  or -nota
  whose modifier is specific ("verpakkingenheffing"; not "innovatieregeling").
- ``org-head:<head>`` (0.75, lower-case head 0.65): Stichting, Platform, Vereniging, ... +
  capitalised name; ``suffix:-platform`` (0.65): "CE-platform", "het Grondstoffenplatform".
- ``acronym`` (0.7): "Full Name (ACR)" or "ACR (Full Name)" whose initials match, kept only
  when the name holds an organisation word (raad, vereniging, council, bank, ...) or an
  instrument word; the kind follows that word.
- product groups, each item of the list "X, Y en Z" that follows: ``product-list`` after
  "productgroepen zoals/als" or "de productgroepen" (at least two items) 0.75, "producten
  zoals" 0.65; ``upv-context`` after UPV voor/op 0.7; ``chain-context`` after ketenaanpak
  voor/van 0.65; ``recycling-context`` after recycling/inzameling van 0.6;
  ``chain-compound``: "de vlakglas-keten" 0.6, "de vlakglasketen" 0.55;
  ``sector-compound``: "de matras-sector" 0.5.

A candidate is dropped when it overlaps a curated gazetteer match of a named kind
(instrument, organisation, ministry, post, EU act, party; for a product group: of any kind),
unless the match lies inside the rule's generic head ("Green Deal" in "Green Deal X"); when
its label is a curated label or a generic word; or when its slug is a curated slug of its kind.
Leading articles are not part of a label; a capital only due to position is lowered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from npcegraph.concepts import Vocabulary
from npcegraph.extract.facts import Evidence
from npcegraph.nlp import CONCEPTS_KEY
from npcegraph.slugs import slugify

INSTRUMENT, PRODUCT_GROUP, ORGANISATION = "instrument", "product_group", "organisation"


def _words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Curated matches of these kinds name a thing: a candidate overlapping one is that thing.
NAME_KINDS = _words_of("instrument organisation ministry post eu_act party")
# Longest first, so "subsidieregeling" is "subsidie" + "regeling" (a generic modifier).
INSTRUMENT_SUFFIXES = ("verplichting", "programma", "convenant", "belasting", "regeling",
                       "subsidie", "heffing", "akkoord", "agenda", "fonds", "norm", "pact", "deal",
                       "nota")
ENGLISH_HEADS = _words_of("fund programme program pact agenda deal")
# Heads a name follows: "Regeling X", "het programma Digitalisering", "het stelsel Vitaal",
# "IBO Klimaat" (an interdepartementaal beleidsonderzoek).
NAMED_HEADS = _words_of("subsidieregeling regeling subsidiemodule fonds programma stelsel ibo "
                        "convenant")
DEAL_KINDS = _words_of("green city regio")
ORG_HEADS = _words_of("stichting platform vereniging branchevereniging brancheorganisatie "
                      "federatie coöperatie kenniscentrum netwerk coalitie")
ORG_WORDS = ORG_HEADS | _words_of(
    "raad agentschap instituut centrum bureau dienst autoriteit commissie inspectie "
    "organisatie overleg council forum alliance association agency institute foundation bank "
    "organisation organization")
ORG_SUFFIXES = ("vereniging", "organisatie", "platform", "instituut", "centrum", "raad",
                "bureau", "dienst", "federatie", "agentschap")
# Modifiers that make a compound a type, not a named thing ("innovatieregeling").
GENERIC_MODIFIERS = _words_of("""
aanschaf actie administratie beleid bestuur begroting compensatie coalitie europees
exploitatie financiering garantie handel hoofdlijnen implementatie informatie innovatie
investering kader keten kennis lening meerjaren meld milieu monitoring nationaal
onderhandelaar onderzoek ontwikkeling ondersteuning opleiding over overgang overheid pilot
principe project proef rapportage regeer registratie regel regelgeving rijks samenwerking
sector stimulering transitie uitvoering uitzondering veiligheid vrijstelling werk wet zorg
zorgvuldigheid emissie basis jaar totaal eind internationaal lokaal publiek privaat financieel
verkiezing vergader voorjaar najaar miljoen
""")
# Modifiers of -keten / -sector that are no product group ("waardeketen", "energiesector").
CHAIN_MODIFIERS = GENERIC_MODIFIERS | _words_of("""
productie product waarde toelevering distributie verwerking grondstoffen materiaal
materiaalproductie afval mijnbouw hele gehele energie waterstof koolstof stroom warmte gas
elektriciteit
""")
NOT_COMPOUNDS = ("impact", "compact", "enorm", "abnorm")
# Nouns that are never a product group.
GENERIC_NOUNS = _words_of("""
producten product productgroep productgroepen materialen materiaal grondstoffen grondstof
afval afvalstoffen afvalstromen stromen producenten bedrijven consumenten gemeenten sectoren
sector ketens keten partijen ondernemers importeurs fabrikanten overheden burgers
toepassingen onderdelen componenten goederen zaken andere overige diverse verschillende meer
alle nieuwe bepaalde deze kosten inzameling recycling hergebruik verwerking instrumenten
maatregelen doelen doelstellingen eisen normen afspraken ketenpartijen
""")
ARTICLES = _words_of("de het een deze dit die dat dergelijke zo’n zo'n")
CONNECTORS = _words_of("van voor de het een en in op der & for and on of the to met or")
COORDINATORS = _words_of("en of and or &")
STOPWORDS = _words_of("""
de het een deze dit die dat wat wie waar waarin waarmee waarvan waarvoor waarop er hier daar
van voor in op met aan bij uit naar over door onder tegen tussen zonder via binnen na rond om
te tot sinds vanaf per als zoals en of maar want omdat zodat dan ook nog al niet wel nu reeds
verder daarnaast inmiddels eerder later vooral meer zal zullen zou zouden kan kunnen moet
moeten mag mogen wil willen is zijn was waren wordt worden werd werden heeft hebben had hadden
gaat gaan komt komen krijgt krijgen staat staan biedt bieden geldt gelden loopt lopen maakt
maken richt draagt werkt blijft blijven ondersteunt stimuleert helpt levert vormt betreft
bevat valt vallen geeft geven kent neemt zet ik we wij u zij hij ze men ons onze mijn uw hun
haar elk elke alle enkele veel minder andere zo hoe opnieuw graag snel
""")
ADJECTIVE_ENDINGS = ("aire", "ische", "ale", "ele", "ieve", "ige", "lijke", "ende")
APOSTROPHE_S = _words_of("’s 's")
CLAUSE_OPENERS = _words_of(': • – « “ " - * ·')
PARTICIPLE = re.compile(r"^(ge|[a-z]{2,5}ge)[a-z]{3,}[dt]$")
STOP_LABELS = STOPWORDS | _words_of(
    "regeling subsidie subsidies subsidieregeling norm normen fonds programma agenda heffing "
    "belasting akkoord convenant pact deal verplichting platform stichting vereniging keten "
    "sector") | {"green deal", "green deals", "city deal", "regio deal"}
CONFIDENCE = {
    "deal": 0.8, "named": 0.75, "named-lower-head": 0.65, "named-lower": 0.6,
    "capitalised-programme": 0.7, "suffix": 0.6, "org-head": 0.75, "org-head-lower": 0.65,
    "suffix:-platform": 0.65, "acronym": 0.7, "product-list": 0.75, "product-list-named": 0.75,
    "product-list-loose": 0.65, "upv-context": 0.7, "chain-context": 0.65,
    "recycling-context": 0.6, "chain-hyphen": 0.6, "chain-compound": 0.55,
    "sector-compound": 0.5,
}
MAX_TAIL = 6


@dataclass(frozen=True)
class Candidate:
    """A concept named in a letter that the curated vocabulary does not know (one occurrence)."""

    kind: str  # "instrument" | "product_group" | "organisation"
    label: str  # normalised surface form
    slug: str  # npcegraph.namespaces.slugify(label)
    cue: str  # the rule that found it
    evidence: Evidence


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int  # token indices into the Doc
    end: int
    label: str
    cue: str
    confidence: float
    head: tuple[int, int] | None = None  # a curated match inside the head does not block


# --- token predicates ------------------------------------------------------------------


def _word(tok: Token) -> bool:
    return any(ch.isalpha() for ch in tok.text) and not tok.is_space and not tok.like_url


def _lower_word(tok: Token) -> bool:
    return tok.text.isalpha() and tok.text.islower()


def _acronym(tok: Token) -> bool:
    text = tok.text
    return (len(text) >= 2 and sum(ch.isupper() for ch in text) >= 2
            and all(ch.isalnum() or ch in "&+" for ch in text))


def _capitalised(tok: Token) -> bool:
    return _word(tok) and tok.text[0].isupper()


def _attached(left: Token, right: Token) -> bool:
    """Whether two adjacent tokens are written without a space between them."""
    return left.i + 1 == right.i and not left.whitespace_


def _inner_hyphen(doc: Doc, i: int, start: int, limit: int) -> bool:
    """Whether ``doc[i]`` is a hyphen inside a compound ("E-waste", "CO2-heffing")."""
    return (start < i < limit - 1 and doc[i].text == "-" and _attached(doc[i - 1], doc[i])
            and _attached(doc[i], doc[i + 1]) and _word(doc[i + 1]))


def _clause_initial(tok: Token) -> bool:
    """First word of a sentence, line, bullet or quotation: its capital proves nothing."""
    doc = tok.doc
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        if _word(doc[i]):
            return False
        if (doc[i].is_space and "\n" in doc[i].text) or doc[i].text in CLAUSE_OPENERS:
            return True
    return True


def _compound_parts(text: str) -> tuple[str, str] | None:
    """``(modifier, suffix)`` of a one-word instrument compound, else None."""
    lower = text.lower()
    if lower.endswith(NOT_COMPOUNDS):
        return None
    return next(((lower[: -len(s)], s) for s in INSTRUMENT_SUFFIXES
                 if lower.endswith(s) and len(lower) - len(s) >= 4), None)


def _head_word(tok: Token) -> bool:
    """Whether a word names an instrument type ("Fund", "Programma", "Ontwerpfonds")."""
    return (tok.lower_ in ENGLISH_HEADS or tok.lower_ in INSTRUMENT_SUFFIXES
            or _compound_parts(tok.text) is not None)


def _generic(modifier: str, generic: frozenset[str] = GENERIC_MODIFIERS) -> bool:
    """Whether a compound's modifier is too general to name something ("innovatie-")."""
    variants = {modifier.rstrip("-")}
    for ending in ("s", "e", "en", "n"):
        variants |= {v[: -len(ending)] for v in list(variants) if v.endswith(ending)}
    return any(v in generic or v in INSTRUMENT_SUFFIXES or v in ORG_HEADS for v in variants)


def _adjective_like(word: str) -> bool:
    return word.lower().endswith(ADJECTIVE_ENDINGS)


def _text(doc: Doc, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", doc[start:end].text).strip()


def _plural_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in APOSTROPHE_S and _attached(doc[end - 1], doc[end])


def _words(doc: Doc, start: int, end: int) -> list[str]:
    """The words of a name, hyphenated compounds kept whole ("E-waste")."""
    words: list[str] = []
    for i in range(start, end):
        tok = doc[i]
        if words and (tok.text == "-" or doc[i - 1].text == "-") \
                and _attached(doc[i - 1], tok):
            words[-1] += tok.text
        elif _word(tok) or tok.like_num:
            words.append(tok.text)
    return words


def _name_token(doc: Doc, i: int, start: int, limit: int) -> bool:
    return (_capitalised(doc[i]) or doc[i].lower_ in CONNECTORS
            or _inner_hyphen(doc, i, start, limit)
            or (i - 1 > start and _inner_hyphen(doc, i - 1, start, limit)))


# --- name tails: the words after a head ("Regeling" + "circulaire ketenprojecten") ------


def _capital_tail(doc: Doc, start: int, limit: int, longest: int = MAX_TAIL) -> int:
    """End of a run of capitalised words; connectors only between capitals (not "en het"),
    numbers only after them ("Green Deal Duurzame Zorg 3.0")."""
    end = i = start
    while i < limit and end - start < longest:
        tok = doc[i]
        if _capitalised(tok) or (i == end > start and tok.text[0].isdigit()):
            i = end = i + 1
        elif i == end and _inner_hyphen(doc, i, start, limit):
            i = end = i + 2
        elif tok.lower_ in CONNECTORS and end > start and i - end < 2 and not (
                i > end and doc[end].lower_ in COORDINATORS and tok.lower_ in ARTICLES):
            i += 1
        else:
            break
    return end


def _lower_tail(doc: Doc, start: int, limit: int) -> int:
    """End of a lower-case name of adjectives and one noun ("circulaire ketenprojecten")."""
    i = start
    while i < limit and i - start < 4 and _lower_word(doc[i]) and doc[i].lower_.endswith("e") \
            and doc[i].lower_ not in STOPWORDS:
        i += 1  # the adjectives
    if i == start or i >= limit or doc[i].lower_ in STOPWORDS or PARTICIPLE.match(doc[i].lower_) \
            or not (_lower_word(doc[i]) or _acronym(doc[i])) or _adjective_like(doc[i].text):
        return start
    end = i + 1
    while end + 1 < limit and _inner_hyphen(doc, end, start, limit):
        end += 2  # "circulaire kunststof-verpakkingen"
    return end


# --- instrument and organisation rules (each yields the hits of one sentence) ----------


def _suffix_compounds(sent: Span, pg_labels: frozenset[str]) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if not tok.lower_.endswith(INSTRUMENT_SUFFIXES) or not tok.text.isalpha() \
                or _plural_follows(doc, tok.i + 1):
            continue
        start = tok.i
        if tok.lower_ in INSTRUMENT_SUFFIXES and _inner_hyphen(doc, tok.i - 1, sent.start,
                                                               sent.end):
            left = doc[tok.i - 2]  # "verpakkingen-heffing", "ABC-regeling"
            if not left.text.isalnum() or (left.text[0].isupper() and not _acronym(left)):
                continue
            modifier, suffix, start = left.lower_, tok.lower_, left.i
            if start > sent.start and _acronym(doc[start - 1]) and doc[start - 1].whitespace_:
                start -= 1  # "DEI+ CE-regeling"
        elif (parts := _compound_parts(tok.text)) is not None:
            modifier, suffix = parts
        else:
            continue
        if _generic(modifier):
            continue
        initial = _clause_initial(doc[start])
        label = _text(doc, start, tok.i + 1)
        if initial and label[1:].islower():
            label = label.lower()
        confidence = CONFIDENCE["suffix"] + 0.1 * (label[0].isupper() and not initial) \
            + 0.1 * (modifier in pg_labels)
        yield _Hit(INSTRUMENT, start, tok.i + 1, label, f"suffix:-{suffix}",
                   round(min(confidence, 0.8), 2))


def _named_heads(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        named = tok.text[0].isupper() and not _clause_initial(tok)
        # a capitalised compound head with a capitalised name: "het Ketenakkoord Houtbouw",
        # "de Stimuleringsregeling Hergebruik Meubilair"
        compound = (named and tok.text.isalpha() and tok.lower_ not in NAMED_HEADS
                    and tok.lower_.endswith(INSTRUMENT_SUFFIXES)
                    and _capital_tail(doc, tok.i + 1, sent.end) > tok.i + 1)
        if (tok.lower_ not in NAMED_HEADS and not compound) or _plural_follows(doc, tok.i + 1):
            continue
        definite = tok.lower_.startswith("subsidie") and tok.i > sent.start \
            and doc[tok.i - 1].lower_ == "de"
        end = _capital_tail(doc, tok.i + 1, sent.end)
        key = "named" if named else "named-lower-head"
        if end == tok.i + 1 and (named or definite):
            end = _lower_tail(doc, tok.i + 1, sent.end)
            key = "named" if named else "named-lower"
        if any(len(w) >= 3 and not w[0].isdigit() for w in _words(doc, tok.i + 1, end)):
            yield _Hit(INSTRUMENT, tok.i, end, _text(doc, tok.i, end), f"named:{tok.lower_}",
                       CONFIDENCE[key], head=(tok.i, tok.i + 1))


def _deals(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if tok.text == "Deal" and tok.i > sent.start and doc[tok.i - 1].lower_ in DEAL_KINDS:
            end = _capital_tail(doc, tok.i + 1, sent.end)
            if end > tok.i + 1 and not _plural_follows(doc, end):
                yield _Hit(INSTRUMENT, tok.i - 1, end, _text(doc, tok.i - 1, end),
                           f"{doc[tok.i - 1].lower_}-deal", CONFIDENCE["deal"],
                           head=(tok.i - 1, tok.i + 1))


def _capitalised_runs(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        if not _capitalised(doc[i]):
            i += 1
            continue
        start, end = i, _capital_tail(doc, i, sent.end, 2 * MAX_TAIL)
        i = end
        while start < end and (doc[start].lower_ in STOPWORDS or doc[start].lower_ in CONNECTORS
                               or (_clause_initial(doc[start]) and not _head_word(doc[start]))):
            start += 1  # "In het ...", "«Effectbeoordeling Nationale ...": not the name
        capitals = [t for t in doc[start:end] if _capitalised(t)]
        if len(capitals) >= 2 and not _plural_follows(doc, end) \
                and not all(t.is_upper for t in capitals) and any(map(_head_word, capitals)):
            yield _Hit(INSTRUMENT, start, end, _text(doc, start, end), "capitalised-programme",
                       CONFIDENCE["capitalised-programme"])


def _organisations(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if tok.lower_ in ORG_HEADS and (end := _capital_tail(doc, tok.i + 1, sent.end)) \
                > tok.i + 1:
            label = _text(doc, tok.i, end)
            key = "org-head" if tok.text[0].isupper() else "org-head-lower"
            yield _Hit(ORGANISATION, tok.i, end, label[0].upper() + label[1:],
                       f"org-head:{tok.lower_}", CONFIDENCE[key], head=(tok.i, tok.i + 1))
        if tok.lower_ == "platform" and _inner_hyphen(doc, tok.i - 1, sent.start, sent.end) \
                and _capitalised(doc[tok.i - 2]):
            start = tok.i - 2  # "CE-platform"
        elif tok.lower_.endswith("platform") and len(tok.text) >= 12 and _capitalised(tok) \
                and tok.i > sent.start and doc[tok.i - 1].lower_ in ARTICLES \
                and not _generic(tok.lower_[:-8]):
            start = tok.i  # "het Grondstoffenplatform"
        else:
            continue
        yield _Hit(ORGANISATION, start, tok.i + 1, _text(doc, start, tok.i + 1),
                   "suffix:-platform", CONFIDENCE["suffix:-platform"])


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Whether the capitals of ``acronym`` are the initials of ``words`` (connectors may
    give a letter or none: "Rijksdienst voor Ondernemend Nederland" is RVO)."""
    letters = [ch for ch in acronym if ch.isupper()]
    if len(letters) < 2 or not words or words[0][0].upper() != letters[0]:
        return False
    k = 0
    for word in words:
        if k < len(letters) and word[0].upper() == letters[k]:
            k += 1
        elif word.lower() not in CONNECTORS:
            return False
    return k == len(letters)


def _acronym_kind(words: list[str]) -> str | None:
    lowered = [w.lower() for w in words]
    if any(w in ORG_WORDS or w.endswith(ORG_SUFFIXES) for w in lowered):
        return ORGANISATION
    if any(w in ENGLISH_HEADS or w in INSTRUMENT_SUFFIXES or _compound_parts(w) for w in lowered):
        return INSTRUMENT
    return None


def _acronym_pairs(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        inner = tok.i + 1
        if tok.text != "(" or inner + 1 >= sent.end:
            continue
        if _acronym(doc[inner]) and doc[inner + 1].text == ")":  # Full Name (ACR)
            begin = tok.i
            while begin > sent.start and _name_token(doc, begin - 1, sent.start, sent.end):
                begin -= 1
            starts = [s for s in range(tok.i - 1, begin - 1, -1) if _capitalised(doc[s])
                      and _initials_match(doc[inner].text, _words(doc, s, tok.i))]
            if not starts:
                continue
            span = (starts[0], inner + 2)
            name = (starts[0] + (doc[starts[0]].lower_ in ARTICLES), tok.i)
        elif tok.i > sent.start and _acronym(doc[tok.i - 1]):  # ACR (Full Name)
            close = next((t.i for t in doc[inner:min(sent.end, inner + 12)] if t.text == ")"),
                         None)
            if close is None or not _capitalised(doc[inner]) \
                    or not all(_name_token(doc, j, inner, close) for j in range(inner, close)) \
                    or not _initials_match(doc[tok.i - 1].text, _words(doc, inner, close)):
                continue
            span, name = (tok.i - 1, close + 1), (inner, close)
        else:
            continue
        words = _words(doc, *name)
        kind = _acronym_kind(words)
        if kind is not None and sum(w[0].isupper() for w in words) >= 2:
            yield _Hit(kind, *span, _text(doc, *name), "acronym", CONFIDENCE["acronym"])


# --- product groups --------------------------------------------------------------------


def _list_items(doc: Doc, i: int, limit: int) -> Iterator[tuple[int, int]]:
    """Token ranges of the items of "X, Y en Z" from ``i``: an item is adjectives and one
    noun ("afgedankte banden"); the list ends after the item its conjunction opens, or at
    any other word."""
    start: int | None = None
    last = False
    while i < limit:
        tok = doc[i]
        content = (_lower_word(tok) or _acronym(tok)) and tok.lower_ not in STOPWORDS
        if start is None and tok.lower_ in ARTICLES:
            pass
        elif content and (start is None or (doc[i - 1].lower_.endswith("e") and i - start < 3)):
            start = i if start is None else start
        elif start is not None and tok.text in APOSTROPHE_S and _attached(doc[i - 1], tok):
            pass  # "auto’s"
        elif start is not None and _inner_hyphen(doc, i, start, limit):
            i += 1  # "glas-in-lood"
        elif start is None:
            return
        else:
            yield start, i
            if last or tok.lower_ not in {",", "en", "of"}:
                return
            start, last = None, tok.lower_ != ","
        i += 1
    if start is not None:
        yield start, i


def _list_triggers(sent: Span, upv_spans: dict[int, int]) -> Iterator[tuple[int, str]]:
    """``(index where a list starts, cue)`` for every product-group context of ``sent``;
    ``upv_spans`` maps the start of each UPV match to its end."""
    doc = sent.doc
    for tok in sent:
        after = doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if tok.lower_ in {"productgroepen", "productgroep"} and after in {"zoals", "als", ":"}:
            yield tok.i + 2, "product-list"
        elif tok.lower_ == "productgroepen" and tok.i > sent.start \
                and doc[tok.i - 1].lower_ == "de":
            yield tok.i + 1, "product-list-named"  # "de productgroepen X, Y en Z"
        elif tok.lower_ == "producten" and after in {"zoals", "als"}:
            yield tok.i + 2, "product-list-loose"
        elif tok.i in upv_spans and (end := upv_spans[tok.i]) < sent.end \
                and doc[end].lower_ in {"voor", "op"}:
            j = end + 1
            while j < sent.end and doc[j].lower_ in ARTICLES:
                j += 1
            if j < sent.end and doc[j].lower_ not in {"productgroep", "productgroepen"}:
                yield j, "upv-context"  # "UPV voor de productgroepen ..." is product-list's
        elif tok.lower_ in {"ketenaanpak", "ketenaanpakken"} and after in {"voor", "van"}:
            yield tok.i + 2, "chain-context"
        elif tok.lower_ in {"recycling", "inzameling"} and after == "van":
            yield tok.i + 2, "recycling-context"


def _product_lists(sent: Span, upv_spans: dict[int, int]) -> Iterator[_Hit]:
    doc = sent.doc
    for begin, cue in _list_triggers(sent, upv_spans):
        items = list(_list_items(doc, begin, sent.end))
        if cue == "product-list-named" and len(items) < 2:
            continue
        for start, end in items:
            words = [w.lower() for w in _words(doc, start, end)]
            if words and not _adjective_like(words[-1]) and not GENERIC_NOUNS.intersection(words):
                label = _text(doc, start, end)
                yield _Hit(PRODUCT_GROUP, start, end,
                           label if _acronym(doc[start]) else label.lower(),
                           cue.removesuffix("-loose").removesuffix("-named"), CONFIDENCE[cue])


def _chains(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        lower = tok.lower_
        if _plural_follows(doc, tok.i + 1):
            continue
        if lower in {"keten", "sector"} and _inner_hyphen(doc, tok.i - 1, sent.start, sent.end) \
                and _lower_word(doc[tok.i - 2]):
            left = doc[tok.i - 2]  # "de vlakglas-keten", "de matras-sector"
            key, cue = (("chain-hyphen", "chain-compound") if lower == "keten"
                        else ("sector-compound", "sector-compound"))
            start, modifier = left.i, left.lower_
        elif lower.endswith("keten") and len(lower) >= 10 and tok.text.isalpha() \
                and tok.i > sent.start and doc[tok.i - 1].lower_ in {"de", "deze"}:
            key = cue = "chain-compound"  # "de vlakglasketen"
            start, modifier = tok.i, lower[:-5]
        else:
            continue
        if not _generic(modifier, CHAIN_MODIFIERS) and modifier not in GENERIC_NOUNS:
            yield _Hit(PRODUCT_GROUP, start, tok.i + 1 if start == tok.i else start + 1,
                       modifier, cue, CONFIDENCE[key])


# --- filtering against the curated vocabulary ------------------------------------------


class _Curated:
    """The curated matches of one Doc and the curated labels and slugs."""

    def __init__(self, doc: Doc, vocabulary: Vocabulary) -> None:
        self.spans = list(doc.spans.get(CONCEPTS_KEY, []))
        self.labels = frozenset(label.casefold() for c in vocabulary.concepts
                                for label in c.labels)
        self.slugs = frozenset((c.kind, c.slug) for c in vocabulary.concepts)
        self.product_labels = frozenset(label.casefold() for c in vocabulary.of_kind(PRODUCT_GROUP)
                                        for label in c.labels)
        upv = {c.iri for c in vocabulary.of_kind(INSTRUMENT)
               if c.notation == "UPV" or "producentenverantwoordelijkheid" in c.types}
        self.upv_spans = {s.start: s.end for s in self.spans if s.id_ in upv}

    def blocks(self, hit: _Hit) -> bool:
        """Whether a curated match makes ``hit`` a known concept."""
        for span in self.spans:
            if span.end <= hit.start or span.start >= hit.end or (
                    hit.head and hit.head[0] <= span.start and span.end <= hit.head[1]):
                continue
            if hit.kind == PRODUCT_GROUP or span.label_ in NAME_KINDS:
                return True
        return False

    def known(self, hit: _Hit) -> bool:
        """Whether the label or slug is curated already, or the label is a generic word."""
        label = hit.label.casefold()
        return (label in self.labels or label in STOP_LABELS or len(label) < 4
                or (hit.kind, slugify(hit.label)) in self.slugs)


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Of overlapping hits the longest wins, then the most confident."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, -h.confidence, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def find_candidates(doc: Doc, vocabulary: Vocabulary) -> list[Candidate]:
    """Instruments, product groups and organisations ``doc`` names that ``vocabulary`` does
    not know, one :class:`Candidate` per occurrence, in text order. ``doc`` must come from a
    pipeline whose gazetteer was built from ``vocabulary``. Occurrences of one concept carry
    one label (that of the most confident occurrence), so a letter gives it one prefLabel."""
    curated = _Curated(doc, vocabulary)
    hits: list[_Hit] = []
    for sent in doc.sents:
        for rule in (_suffix_compounds(sent, curated.product_labels), _named_heads(sent),
                     _deals(sent), _capitalised_runs(sent), _organisations(sent),
                     _acronym_pairs(sent), _product_lists(sent, curated.upv_spans), _chains(sent)):
            hits.extend(h for h in rule if not curated.blocks(h) and not curated.known(h))
    kept = _resolve(hits)
    labels: dict[tuple[str, str], _Hit] = {}  # one label per concept: its most confident form
    for hit in kept:
        key = (hit.kind, slugify(hit.label))
        if key not in labels or hit.confidence > labels[key].confidence:
            labels[key] = hit
    result = []
    text = doc.text  # Doc.text joins every token: compute it once
    for hit in kept:
        start, end = doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1])
        evidence = Evidence(start, end, text[start:end], hit.confidence)
        slug = slugify(hit.label)
        result.append(Candidate(hit.kind, labels[hit.kind, slug].label, slug, hit.cue, evidence))
    return result
