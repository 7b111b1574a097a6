"""Open vocabulary: instruments, product groups and organisations the curated vocabulary does
not know yet, found from Dutch word formation and context and offered for curation.

Nothing found here enters the curated vocabulary: the rdf stage writes candidates under
``id/candidate/`` and a curator accepts or rejects them (:mod:`npcegraph.curation`). The rules
prefer missing a candidate over proposing junk. Each returns one :class:`Candidate` per
occurrence (the caller aggregates), with the rule as ``cue`` and this confidence:

====================================  ===============================================  =====
cue                                   finds                                            conf.
====================================  ===============================================  =====
``green-deal``                        Green/City/Regio Deal + capitalised name          0.8
``named:<head>``                      mid-sentence Regeling/Subsidieregeling/Fonds/     0.75
                                      Programma + name (lower-case name allowed)
``named:<head>``                      lower-case head + capitalised name                0.65
``capitalised-programme``             run of capitalised words holding a word that      0.7
                                      ends in an instrument suffix
``suffix:-<suffix>``                  one compound: specific modifier + -regeling,      0.6
                                      -fonds, -heffing, ... (+0.1 capitalised
                                      mid-sentence, +0.1 modifier a curated product
                                      group; at most 0.8)
``org-head:<head>``                   Stichting/Platform/Vereniging/... + capitalised   0.75
                                      name (lower-case head 0.65)
``suffix:-platform``                  capitalised X-platform                            0.65
``acronym``                           "Full Name (ACR)" or "ACR (Full Name)" whose      0.7
                                      initials match and whose name has an
                                      organisation or instrument head word
``product-list``                      items after "productgroepen (zoals)"              0.75
``upv-context``                       items after UPV voor/op                           0.7
``chain-context``                     items after ketenaanpak voor/van                  0.65
``recycling-context``                 items after recycling/inzameling van              0.6
``chain-compound``                    de X-keten (0.6), de Xketen (0.55)                0.6
``sector-compound``                   lower-case X-sector (hyphenated only)             0.5
====================================  ===============================================  =====

A candidate is dropped when it overlaps a curated gazetteer match of a named kind
(instrument, organisation, ministry, post, EU act, party; for product groups: any kind),
except a match lying inside the rule's generic head ("Green Deal" in "Green Deal X"); when
its label is a curated label or a generic word (:data:`STOP_LABELS`); or when its slug is
already a curated concept's slug of its kind.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from npcegraph.concepts import Vocabulary
from npcegraph.extract.facts import Evidence
from npcegraph.nlp import CONCEPTS_KEY

INSTRUMENT, PRODUCT_GROUP, ORGANISATION = "instrument", "product_group", "organisation"

# Curated matches of these kinds name a thing: a candidate overlapping one is that thing.
NAME_KINDS = frozenset({"instrument", "organisation", "ministry", "post", "eu_act", "party"})

# Longest first, so "subsidieregeling" ends in "regeling" with the generic modifier "subsidie".
INSTRUMENT_SUFFIXES = (
    "verplichting", "programma", "convenant", "belasting", "regeling", "subsidie", "heffing",
    "akkoord", "agenda", "fonds", "norm", "pact", "deal",
)
ENGLISH_HEADS = frozenset({"fund", "programme", "program", "pact", "agenda", "deal"})
NAMED_HEADS = frozenset({"subsidieregeling", "regeling", "subsidiemodule", "fonds", "programma"})
DEAL_KINDS = frozenset({"green", "city", "regio"})
ORG_HEADS = frozenset({
    "stichting", "platform", "vereniging", "branchevereniging", "brancheorganisatie",
    "federatie", "coöperatie", "kenniscentrum", "netwerk", "coalitie",
})
# Head words that make an acronym's full name an organisation.
ORG_WORDS = frozenset({
    "stichting", "vereniging", "federatie", "platform", "raad", "agentschap", "instituut",
    "centrum", "bureau", "dienst", "autoriteit", "commissie", "inspectie", "organisatie",
    "netwerk", "coalitie", "overleg", "council", "forum", "alliance", "association", "agency",
    "institute", "foundation", "bank", "organisation", "organization", "coöperatie",
})
ORG_SUFFIXES = ("vereniging", "organisatie", "platform", "instituut", "centrum", "raad",
                "bureau", "dienst", "federatie", "agentschap")

# Modifiers that make a compound a type, not a named instrument ("innovatieregeling").
GENERIC_MODIFIERS = frozenset({
    "aanschaf", "actie", "administratie", "beleid", "bestuur", "begroting", "compensatie",
    "coalitie", "europees", "exploitatie", "financiering", "garantie", "handel", "hoofdlijnen",
    "implementatie", "informatie", "innovatie", "investering", "kader", "keten", "kennis",
    "lening", "meerjaren", "meld", "milieu", "monitoring", "nationaal", "onderhandelaar",
    "onderzoek", "ontwikkeling", "ondersteuning", "opleiding", "over", "overgang", "overheid",
    "pilot", "principe", "project", "proef", "rapportage", "regeer", "registratie", "regel",
    "regelgeving", "rijks", "samenwerking", "sector", "stimulering", "transitie",
    "uitvoering", "uitzondering", "veiligheid", "vrijstelling", "werk", "wet",
    "zorg", "zorgvuldigheid", "emissie", "basis", "jaar", "totaal", "eind", "programma",
    "productie", "product", "waarde", "toelevering", "distributie", "verwerking",
    "grondstoffen", "materiaal", "materiaalproductie", "afval", "mijnbouw", "hele", "gehele",
    "internationaal", "lokaal", "publiek", "privaat", "financieel",
})
NOT_COMPOUNDS = ("impact", "compact", "enorm", "abnorm")

# Nouns that are never a product group on their own.
GENERIC_NOUNS = frozenset({
    "producten", "product", "productgroep", "productgroepen", "materialen", "materiaal",
    "grondstoffen", "grondstof", "afval", "afvalstoffen", "afvalstromen", "stromen",
    "producenten", "bedrijven", "consumenten", "gemeenten", "sectoren", "sector", "ketens",
    "keten", "partijen", "ondernemers", "importeurs", "fabrikanten", "overheden", "burgers",
    "toepassingen", "onderdelen", "componenten", "goederen", "zaken", "andere", "overige",
    "diverse", "verschillende", "meer", "alle", "nieuwe", "bepaalde", "deze", "kosten",
    "inzameling", "recycling", "hergebruik", "verwerking", "instrumenten", "maatregelen",
})

ARTICLES = frozenset({"de", "het", "een", "deze", "dit", "die", "dat", "dergelijke", "zo’n",
                      "zo'n"})
CONNECTORS = frozenset({"van", "voor", "de", "het", "en", "in", "op", "der", "&", "for",
                        "and", "on", "of", "the", "to", "met"})
STOPWORDS = frozenset("""
de het een deze dit die dat wat wie waar waarin waarmee waarvan waarvoor waarop er hier daar
van voor in op met aan bij uit naar over door onder tegen tussen zonder via binnen na rond om
te tot sinds vanaf per als zoals en of maar want omdat zodat dan ook nog al niet wel nu reeds
verder daarnaast inmiddels eerder later vooral onder meer zal zullen zou zouden kan kunnen
moet moeten mag mogen wil willen is zijn was waren wordt worden werd werden heeft hebben had
hadden gaat gaan komt komen krijgt krijgen staat staan biedt bieden geldt gelden loopt lopen
maakt maken richt draagt werkt blijft blijven ondersteunt stimuleert helpt levert vormt
betreft bevat valt vallen geeft geven kent neemt zet ik we wij u zij hij ze men ons onze
mijn uw hun haar zijn elk elke alle enkele veel meer minder andere zo hoe
""".split())
ADJECTIVE_ENDINGS = ("aire", "ische", "ale", "ele", "ieve", "ige", "lijke", "ende")
APOSTROPHE_S = frozenset({"’s", "'s"})

STOP_LABELS = frozenset({
    "regeling", "subsidie", "subsidies", "subsidieregeling", "norm", "normen", "fonds",
    "programma", "agenda", "heffing", "belasting", "akkoord", "convenant", "pact", "deal",
    "verplichting", "platform", "stichting", "vereniging", "green deal", "green deals",
    "city deal", "regio deal", "keten", "sector",
})

CONFIDENCE = {
    "green-deal": 0.8, "named": 0.75, "named-lower-head": 0.65, "capitalised-programme": 0.7,
    "suffix": 0.6, "org-head": 0.75, "org-head-lower": 0.65, "suffix:-platform": 0.65,
    "acronym": 0.7, "product-list": 0.75, "product-list-loose": 0.65, "upv-context": 0.7,
    "chain-context": 0.65, "recycling-context": 0.6, "chain-hyphen": 0.6,
    "chain-compound": 0.55, "sector-compound": 0.5,
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


def slugify(text: str, max_length: int = 80) -> str:
    """Same as :func:`npcegraph.namespaces.slugify`, without importing rdflib (the extract
    stage must not load it; a test keeps the two equal)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
        slug = slug[: max_length - 9].rstrip("-") + "-" + digest
    return slug or hashlib.sha1(text.encode()).hexdigest()[:12]


# ---------------------------------------------------------------------------------------
# token predicates


def _word(tok: Token) -> bool:
    return any(ch.isalpha() for ch in tok.text) and not tok.is_space and not tok.like_url


def _lower_word(tok: Token) -> bool:
    return tok.text.isalpha() and tok.text.islower()


def _acronym(tok: Token) -> bool:
    text = tok.text
    return len(text) >= 2 and sum(ch.isupper() for ch in text) >= 2 and any(
        ch.isalpha() for ch in text) and " " not in text


def _capitalised(tok: Token) -> bool:
    return _word(tok) and tok.text[0].isupper()


def _attached(left: Token, right: Token) -> bool:
    """Whether two adjacent tokens are written without a space between them."""
    return left.i + 1 == right.i and not left.whitespace_


def _clause_initial(tok: Token) -> bool:
    """First word of a sentence, line, bullet or quotation: its capital proves nothing."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and not _word(doc[i]):
        if doc[i].is_space and "\n" in doc[i].text or doc[i].text in {":", "•", "–", "«", "“"}:
            return True
        if doc[i].is_sent_start:
            return True
        i -= 1
    return tok.is_sent_start or i < 0 or tok.sent.start > i


def _compound_parts(text: str) -> tuple[str, str] | None:
    """``(modifier, suffix)`` of a one-word instrument compound, else None."""
    lower = text.lower()
    if lower.endswith(NOT_COMPOUNDS):
        return None
    for suffix in INSTRUMENT_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)], suffix
    return None


def _generic(modifier: str) -> bool:
    variants = {modifier, modifier.rstrip("-")}
    for ending in ("s", "e", "en", "n", "-"):
        variants |= {v[: -len(ending)] for v in list(variants) if v.endswith(ending)}
    return any(v in GENERIC_MODIFIERS or v in INSTRUMENT_SUFFIXES or v in ORG_HEADS
               for v in variants)


def _adjective_like(word: str) -> bool:
    return word.lower().endswith(ADJECTIVE_ENDINGS)


def _text(doc: Doc, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", doc[start:end].text).strip()


def _plural_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in APOSTROPHE_S and _attached(doc[end - 1], doc[end])


# ---------------------------------------------------------------------------------------
# name tails: the words after a head ("Regeling" + "circulaire ketenprojecten")


def _capital_tail(doc: Doc, start: int, limit: int) -> int:
    """End of a run of capitalised words (connectors allowed between capitals)."""
    end = i = start
    while i < limit and i - start < MAX_TAIL + 3:
        tok = doc[i]
        if _capitalised(tok) or (tok.like_num and end > start and _attached(doc[i - 1], tok)
                                 is False and i == end):
            i += 1
            end = i
        elif tok.text == "-" and end == i and i > start and _attached(doc[i - 1], tok) \
                and i + 1 < limit and _attached(tok, doc[i + 1]) and _word(doc[i + 1]):
            i += 2
            end = i
        elif tok.lower_ in CONNECTORS and end == i and end > start:
            i += 1
        else:
            break
    return end


def _lower_tail(doc: Doc, start: int, limit: int) -> int:
    """End of a short run of lower-case content words ("circulaire ketenprojecten")."""
    end = i = start
    while i < limit and i - start < 4:
        tok = doc[i]
        if tok.text == "-" and i > start and _attached(doc[i - 1], tok) and i + 1 < limit \
                and _attached(tok, doc[i + 1]):
            i += 2
            end = i
            continue
        if not (_lower_word(tok) or _acronym(tok)) or tok.lower_ in STOPWORDS:
            break
        if re.match(r"^(ge|[a-z]{2,5}ge)[a-z]{3,}[dt]$", tok.lower_):  # a participle
            break
        i += 1
        end = i
    while end > start and _adjective_like(doc[end - 1].text):
        end -= 1
    return end


# ---------------------------------------------------------------------------------------
# rules: each yields hits for one sentence


def _suffix_compounds(sent: Span, pg_labels: frozenset[str]) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if not tok.text.isalpha() or _plural_follows(doc, tok.i + 1):
            continue
        start = tok.i
        if tok.lower_ in INSTRUMENT_SUFFIXES and tok.i >= sent.start + 2 \
                and doc[tok.i - 1].text == "-" and _attached(doc[tok.i - 1], tok) \
                and _attached(doc[tok.i - 2], doc[tok.i - 1]):
            left = doc[tok.i - 2]  # hyphenated: "verpakkingen-heffing", "ABC-regeling"
            if not left.text.isalnum() or (left.text[0].isupper() and not _acronym(left)):
                continue
            modifier, suffix, start = left.lower_, tok.lower_, left.i
        else:
            parts = _compound_parts(tok.text)
            if parts is None:
                continue
            modifier, suffix = parts
        if _generic(modifier):
            continue
        first = doc[start]
        initial = _clause_initial(first)
        label = _text(doc, start, tok.i + 1)
        if initial and label[1:].islower():
            label = label.lower()
        confidence = CONFIDENCE["suffix"]
        if first.text[0].isupper() and not initial:
            confidence += 0.1
        if modifier in pg_labels:
            confidence += 0.1
        yield _Hit(INSTRUMENT, start, tok.i + 1, label, f"suffix:-{suffix}",
                   round(min(confidence, 0.8), 2))


def _named_heads(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in NAMED_HEADS or _plural_follows(doc, tok.i + 1):
            continue
        named = tok.text[0].isupper() and not _clause_initial(tok)
        end = _capital_tail(doc, tok.i + 1, sent.end)
        if end == tok.i + 1 and named:
            end = _lower_tail(doc, tok.i + 1, sent.end)
        if end == tok.i + 1 or not any(len(t.text) >= 3 and _word(t)
                                       for t in doc[tok.i + 1:end]):
            continue
        key = "named" if named else "named-lower-head"
        yield _Hit(INSTRUMENT, tok.i, end, _text(doc, tok.i, end), f"named:{tok.lower_}",
                   CONFIDENCE[key], head=(tok.i, tok.i + 1))


def _deals(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if tok.text != "Deal" or tok.i == sent.start or doc[tok.i - 1].lower_ not in DEAL_KINDS:
            continue
        end = _capital_tail(doc, tok.i + 1, sent.end)
        if end == tok.i + 1:
            continue
        start = tok.i - 1
        yield _Hit(INSTRUMENT, start, end, _text(doc, start, end),
                   f"{doc[start].lower_}-deal", CONFIDENCE["green-deal"], head=(start, tok.i + 1))


def _capitalised_runs(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        if not _capitalised(doc[i]):
            i += 1
            continue
        end = _capital_tail(doc, i, sent.end)
        start = i
        while start < end and doc[start].lower_ in ARTICLES:
            start += 1
        i = max(end, i + 1)
        words = [t for t in doc[start:end] if _capitalised(t)]
        counted = words[1:] if words and _clause_initial(words[0]) else words
        if len(counted) < 2 or _plural_follows(doc, end):
            continue
        if not any(t.lower_ in ENGLISH_HEADS or _compound_parts(t.text) or t.lower_ in
                   INSTRUMENT_SUFFIXES for t in words):
            continue
        if all(t.text.isupper() for t in words):
            continue
        yield _Hit(INSTRUMENT, start, end, _text(doc, start, end), "capitalised-programme",
                   CONFIDENCE["capitalised-programme"])


def _organisations(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if tok.lower_ in ORG_HEADS:
            end = _capital_tail(doc, tok.i + 1, sent.end)
            if end > tok.i + 1:
                capital = tok.text[0].isupper()
                label = _text(doc, tok.i, end)
                label = label[0].upper() + label[1:]
                yield _Hit(ORGANISATION, tok.i, end, label, f"org-head:{tok.lower_}",
                           CONFIDENCE["org-head" if capital else "org-head-lower"],
                           head=(tok.i, tok.i + 1))
        elif tok.lower_ == "platform" or (tok.lower_.endswith("platform") and _capitalised(tok)
                                          and not _clause_initial(tok)):
            start = tok.i
            if tok.lower_ == "platform":
                if not (tok.i >= sent.start + 2 and doc[tok.i - 1].text == "-"
                        and _attached(doc[tok.i - 1], tok)
                        and _attached(doc[tok.i - 2], doc[tok.i - 1])
                        and _capitalised(doc[tok.i - 2])):
                    continue
                start = tok.i - 2
            elif len(tok.text) - len("platform") < 4 or _generic(tok.lower_[:-8]):
                continue
            yield _Hit(ORGANISATION, start, tok.i + 1, _text(doc, start, tok.i + 1),
                       "suffix:-platform", CONFIDENCE["suffix:-platform"])


def _initials_match(acronym: str, words: list[Token]) -> bool:
    letters = [ch for ch in acronym if ch.isupper()]
    if len(letters) < 2 or not words or words[0].text[0].upper() != letters[0]:
        return False
    k = 0
    for word in words:
        if k < len(letters) and word.text[0].upper() == letters[k]:
            k += 1
        elif word.lower_ not in CONNECTORS:
            return False
    return k == len(letters)


def _acronym_kind(words: list[Token]) -> str | None:
    lowered = [w.lower_ for w in words]
    if any(w in ORG_WORDS or w.endswith(ORG_SUFFIXES) for w in lowered):
        return ORGANISATION
    if any(w in ENGLISH_HEADS or _compound_parts(w) or w in INSTRUMENT_SUFFIXES
           for w in lowered):
        return INSTRUMENT
    return None


def _acronym_pairs(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        if tok.text != "(" or tok.i + 2 >= sent.end:
            continue
        inner, close = tok.i + 1, None
        if _acronym(doc[inner]) and doc[inner + 1].text == ")":  # Full Name (ACR)
            close = inner + 1
            name_end, begin = tok.i, tok.i
            while begin > sent.start and (_capitalised(doc[begin - 1])
                                          or doc[begin - 1].lower_ in CONNECTORS):
                begin -= 1
            for start in range(name_end - 1, begin - 1, -1):
                words = [t for t in doc[start:name_end] if t.text != "-"]
                if _capitalised(doc[start]) and _initials_match(doc[inner].text, words):
                    break
            else:
                continue
            span_start, span_end = start, close + 1
        elif tok.i > sent.start and _acronym(doc[tok.i - 1]):  # ACR (Full Name)
            close = next((t.i for t in doc[inner:min(sent.end, inner + 12)] if t.text == ")"),
                         None)
            if close is None or not all(_capitalised(t) or t.lower_ in CONNECTORS
                                        or t.text == "-" for t in doc[inner:close]):
                continue
            start, name_end = inner, close
            words = [t for t in doc[start:name_end] if t.text != "-"]
            if not _initials_match(doc[tok.i - 1].text, words):
                continue
            span_start, span_end = tok.i - 1, close + 1
        else:
            continue
        if sum(_capitalised(w) for w in words) < 2:
            continue
        kind = _acronym_kind(words)
        if kind is not None:
            yield _Hit(kind, span_start, span_end, _text(doc, start, name_end), "acronym",
                       CONFIDENCE["acronym"])


# ---------------------------------------------------------------------------------------
# product groups


def _list_items(doc: Doc, i: int, limit: int) -> Iterator[tuple[int, int]]:
    """Token ranges of the items of "X, Y en Z" starting at ``i``."""
    item_start, last = None, False
    while i <= limit:
        tok = doc[i] if i < limit else None
        if tok is not None and item_start is None and tok.lower_ in ARTICLES:
            i += 1
            continue
        if tok is not None and (_lower_word(tok) or _acronym(tok)) \
                and tok.lower_ not in STOPWORDS and (item_start is None or i - item_start < 3):
            item_start = i if item_start is None else item_start
            i += 1
            continue
        if tok is not None and item_start is not None and (
                tok.text in APOSTROPHE_S or tok.text == "-") and _attached(doc[i - 1], tok):
            i += 1
            continue
        if item_start is not None:
            yield item_start, i
        if tok is None or last or item_start is None:
            return
        if tok.text == ",":
            item_start = None
        elif tok.lower_ in {"en", "of", "en/of"}:
            item_start, last = None, True
        else:
            return
        i += 1


def _list_triggers(sent: Span, upv: frozenset[str]) -> Iterator[tuple[int, str]]:
    """``(index where a list starts, cue)`` for every product-group context of ``sent``."""
    doc = sent.doc
    spans = {s.start: s for s in doc.spans.get(CONCEPTS_KEY, []) if s.id_ in upv}
    for tok in sent:
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if tok.lower_ in {"productgroepen", "productgroep"}:
            skip = 1 + (nxt is not None and nxt.lower_ in {"zoals", "als", ":"})
            yield tok.i + skip, "product-list"
        elif tok.lower_ == "producten" and nxt is not None and nxt.lower_ in {"zoals", "als"}:
            yield tok.i + 2, "product-list-loose"
        elif tok.i in spans and spans[tok.i].end < sent.end \
                and doc[spans[tok.i].end].lower_ in {"voor", "op"}:
            j = spans[tok.i].end + 1
            while j < sent.end and doc[j].lower_ in ARTICLES | {"productgroep", "productgroepen"}:
                j += 1
            yield j, "upv-context"
        elif tok.lower_ in {"ketenaanpak", "ketenaanpakken"} and nxt is not None \
                and nxt.lower_ in {"voor", "van"}:
            yield tok.i + 2, "chain-context"
        elif tok.lower_ in {"recycling", "inzameling"} and nxt is not None \
                and nxt.lower_ == "van":
            yield tok.i + 2, "recycling-context"


def _product_lists(sent: Span, upv: frozenset[str]) -> Iterator[_Hit]:
    doc = sent.doc
    for begin, cue in _list_triggers(sent, upv):
        for start, end in _list_items(doc, begin, sent.end):
            words = [t for t in doc[start:end] if _word(t) and t.text not in APOSTROPHE_S]
            last = words[-1].lower_ if words else ""
            if not words or last in GENERIC_NOUNS or _adjective_like(last) or any(
                    w.lower_ in GENERIC_NOUNS for w in words):
                continue
            label = _text(doc, start, end)
            label = label if _acronym(doc[start]) else label.lower()
            yield _Hit(PRODUCT_GROUP, start, end, label, cue.replace("-loose", ""),
                       CONFIDENCE[cue])


def _chains(sent: Span) -> Iterator[_Hit]:
    doc = sent.doc
    for tok in sent:
        lower = tok.lower_
        if _plural_follows(doc, tok.i + 1):
            continue
        if lower in {"keten", "sector"} and tok.i >= sent.start + 2 \
                and doc[tok.i - 1].text == "-" and _attached(doc[tok.i - 1], tok) \
                and _attached(doc[tok.i - 2], doc[tok.i - 1]) and _lower_word(doc[tok.i - 2]):
            left = doc[tok.i - 2]
            if _generic(left.lower_) or left.lower_ in GENERIC_NOUNS:
                continue
            key = "chain-hyphen" if lower == "keten" else "sector-compound"
            yield _Hit(PRODUCT_GROUP, left.i, left.i + 1, left.lower_,
                       "chain-compound" if lower == "keten" else key, CONFIDENCE[key])
        elif lower.endswith("keten") and len(lower) >= 10 and tok.text.isalpha() \
                and tok.i > sent.start and doc[tok.i - 1].lower_ in {"de", "deze", "hele"}:
            modifier = lower[:-5]
            if _generic(modifier) or modifier in GENERIC_NOUNS:
                continue
            yield _Hit(PRODUCT_GROUP, tok.i, tok.i + 1, modifier, "chain-compound",
                       CONFIDENCE["chain-compound"])


# ---------------------------------------------------------------------------------------
# filtering against the curated vocabulary


class _Curated:
    """The curated matches of one Doc and the curated labels and slugs."""

    def __init__(self, doc: Doc, vocabulary: Vocabulary) -> None:
        self.spans = list(doc.spans.get(CONCEPTS_KEY, []))
        self.labels = frozenset(label.casefold() for c in vocabulary.concepts
                                for label in c.labels)
        self.slugs = frozenset((c.kind, c.slug) for c in vocabulary.concepts)
        self.product_labels = frozenset(label.casefold()
                                        for c in vocabulary.of_kind(PRODUCT_GROUP)
                                        for label in c.labels)
        self.upv = frozenset(c.iri for c in vocabulary.of_kind(INSTRUMENT)
                             if c.notation == "UPV" or "producentenverantwoordelijkheid" in c.types)

    def blocks(self, hit: _Hit) -> bool:
        """Whether a curated match makes ``hit`` a known concept."""
        for span in self.spans:
            if span.end <= hit.start or span.start >= hit.end:
                continue
            if hit.head and hit.head[0] <= span.start and span.end <= hit.head[1]:
                continue
            if hit.kind == PRODUCT_GROUP or span.label_ in NAME_KINDS:
                return True
        return False

    def known(self, hit: _Hit) -> bool:
        """Whether the label or slug is already curated, or the label is a generic word."""
        label = hit.label.casefold()
        return (label in self.labels or label in STOP_LABELS or len(label) < 4
                or (hit.kind, slugify(hit.label)) in self.slugs)


def _strip_articles(doc: Doc, hit: _Hit) -> _Hit:
    start = hit.start
    while start < hit.end - 1 and doc[start].lower_ in ARTICLES:
        start += 1
    if start == hit.start:
        return hit
    label = hit.label.split(" ", start - hit.start)[-1]
    return _Hit(hit.kind, start, hit.end, label, hit.cue, hit.confidence, hit.head)


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Overlapping hits: the longest wins, then the most confident."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), -h.confidence, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def find_candidates(doc: Doc, vocabulary: Vocabulary) -> list[Candidate]:
    """Instruments, product groups and organisations ``doc`` names that ``vocabulary`` does
    not know, one :class:`Candidate` per occurrence, in text order."""
    curated = _Curated(doc, vocabulary)
    hits: list[_Hit] = []
    for sent in doc.sents:
        for found in (_suffix_compounds(sent, curated.product_labels), _named_heads(sent),
                      _deals(sent), _capitalised_runs(sent), _organisations(sent),
                      _acronym_pairs(sent), _product_lists(sent, curated.upv), _chains(sent)):
            hits.extend(_strip_articles(doc, h) for h in found)
    hits = [h for h in hits if not curated.blocks(h) and not curated.known(h)]
    result = []
    for hit in _resolve(hits):
        span = doc[hit.start:hit.end]
        evidence = Evidence(span.start_char, span.end_char, doc.text[span.start_char:span.end_char],
                            hit.confidence)
        result.append(Candidate(hit.kind, hit.label, slugify(hit.label), hit.cue, evidence))
    return result
