"""Measure resolution: sentence statements -> measures with keys that hold across letters.

Rules (also in the README):

1. A statement is one sentence with all the instruments it names. Consecutive statements of one
   paragraph that share an instrument form a passage (one measure told over several sentences);
   a statement naming none continues the passage unless it introduces an instrument of its own
   ("een subsidie") or opens a new item ("Daarnaast ..."); one pointing back ("hiervoor",
   "hiermee") continues it whatever instrument it names. Statements without instrument lead in
   to the next statement of the paragraph unless either opens a new item.
2. A passage's primary instrument is the one it names most often, preferring real instruments
   over framing programmes and reports (NPCE, ICER), then the first named.
3. For producer-responsibility instruments (UPV) every product group is its own measure: UPV for
   textiel and UPV for matrassen are two schemes, also when one sentence names both.
4. The key is ``<primary instrument>-<primary product group>``, the primary group being the one
   the statements name most often (ties: the most specific, then alphabetical). Passages of a
   letter with the same key are one measure; an instrument named without product group joins that
   instrument's only measure with one. A passage that opens a new item ("Daarnaast zal ik ...")
   with a key the letter already has is a further measure: its key gets the hash of its first
   sentence. A passage without instrument is its own measure keyed by that hash, unless it names
   an EU act: the government's position on that act is one measure, ``inzet-<act>``. The key is
   the node's IRI, so the same measure in several letters is one node with
   a mention per letter.
5. A measure needs one statement whose probability reaches the classifier's seed threshold
   (chosen like the statement threshold, on letters each fold's model did not see); statements
   between the two thresholds only add to a measure that has one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.extract.confidence import measure_confidence, most_certain
from npcegraph.extract.facts import Measure
from npcegraph.extract.statement_features import is_framing
from npcegraph.extract.statement_model import StatementModel

PRODUCER_RESPONSIBILITY = "producentenverantwoordelijkheid"
# A sentence introducing an instrument of its own ("een subsidie", "een nieuwe regeling") does
# not refer back to an earlier one; "een dergelijke verplichting" does.
OWN_INSTRUMENT = re.compile(
    r"\been\s(?!(?:dergelijke|soortgelijke|vergelijkbare|zelfde)\b)(?:\w+\s){0,2}?"
    r"(?:\w*(?:subsidie|regeling|fonds|heffing|norm|verplichting|"
    r"convenant|akkoord|wet|wetsvoorstel|programma|campagne|pilot|proef))\b", re.IGNORECASE)
# A sentence opening with these words adds a new item ("Daarnaast ...", "Zo steunt ..."), unless
# a demonstrative soon after points back ("Ook voor dit onderdeel ...").
NEW_ITEM = re.compile(r"\s*(?:daarnaast|ook|verder|tevens|bovendien|voorts|eveneens|vervolgens|zo|"
                      r"ten (?:eerste|tweede|derde|vierde|slotte)|tot slot)\b"
                      r"(?!(?:\W+\w+){0,2}?\W+(?:dit|deze|dezelfde|hetzelfde)\b)", re.IGNORECASE)
# A sentence pointing back with a pronominal adverb ("is hiervoor € 45 miljoen uit het
# Klimaatfonds beschikbaar") adds to the measure before it, whatever instrument it names.
POINTS_BACK = re.compile(r"\b(?:hiervoor|daarvoor|hiermee|daarmee|hiertoe|daartoe)\b",
                         re.IGNORECASE)
STATUS_PRIORITY = ("afgerond", "gestopt", "in-uitvoering", "in-voorbereiding", "aangekondigd")


def measure_key(instrument: Concept, primary: Concept | None) -> str:
    """The key that identifies a measure across letters."""
    return instrument.slug + (f"-{primary.slug}" if primary else "")


def measure_label(instrument: Concept, primary: Concept | None) -> str:
    """A readable Dutch label: ``UPV voor textiel``."""
    name = instrument.notation or instrument.pref_label
    return f"{name} voor {primary.pref_label}" if primary else name


def action_label(statement: Measure, words: int = 12) -> str:
    """A label for a measure without instrument: the start of the sentence stating it."""
    text = " ".join(statement.evidence.quote.split())
    parts = text.split(" ")
    return " ".join(parts[:words]).rstrip(",;:") + (" …" if len(parts) > words else "")


def _digest(statement: Measure) -> str:
    """A short hash of a statement's quote, for keys of measures named by their sentence."""
    return hashlib.sha1(statement.evidence.quote.encode()).hexdigest()[:12]


def _per_product_group(statements: list[Measure]) -> list[list[Measure]]:
    """Split a passage into one cluster per product group; statements naming none join the
    only cluster, or form their own when there are several or none."""
    clusters: dict[str, list[Measure]] = {}
    without = []
    for statement in statements:
        if not statement.product_groups:
            without.append(statement)
        for group in statement.product_groups:
            clusters.setdefault(group, []).append(replace(statement, product_groups=(group,)))
    result = list(clusters.values())
    if without:
        if len(result) == 1:
            result[0].extend(without)
        else:
            result.append(without)
    return result


def _primary(vocabulary: Vocabulary, statements: list[Measure]) -> Concept | None:
    counts = Counter(g for s in statements for g in s.product_groups)
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (
        item[1], len(vocabulary.ancestors(item[0])), -ord(item[0][-1]), item[0]))
    return vocabulary[best[0]]


def _merge(statements: list[Measure], key: str, label: str, primary: Concept | None) -> Measure:
    best = max(statements, key=lambda m: (m.evidence.confidence, -m.evidence.start))
    rank = {slug: position for position, slug in enumerate(STATUS_PRIORITY)}
    # Statements the classifier doubts ("Het kabinet streeft naar ...") do not set the status
    # or add product groups when the measure has others.
    sure = [m for m in statements if not m.evidence.low_confidence] or statements
    status = min((m.status for m in sure),
                 key=lambda iri: rank.get(iri.rsplit("/", 1)[-1], len(STATUS_PRIORITY)))
    explicit = [m for m in statements if m.ministry_source in ("text", "section", "answer")]
    chosen = explicit or statements

    def union(attribute: str, items: Sequence[Measure]) -> tuple:
        return tuple(dict.fromkeys(x for m in items for x in getattr(m, attribute)))

    groups = union("product_groups", sure)
    if primary is not None:
        groups = (primary.iri, *[g for g in groups if g != primary.iri])
    evidences = {e for m in statements for e in m.statements}
    return Measure(
        key=key, label=label, evidence=best.evidence, status=status,
        ministries=union("ministries", chosen), instruments=union("instruments", statements),
        product_groups=groups, goals=union("goals", statements),
        strategies=union("strategies", statements), amounts=union("amounts", statements),
        eu_acts=union("eu_acts", statements),
        ministry_source=next((m.ministry_source for m in chosen if m.ministries),
                             chosen[0].ministry_source),
        statements=tuple(sorted(evidences, key=lambda e: e.start)),
        answer=best.answer,
    )


def _passages(statements: Sequence[Measure], text: str) -> list[list[Measure]]:
    """Statements of one paragraph form a passage while they share an instrument; a statement
    naming no instrument continues the passage before it (unless it introduces one of its own,
    "een subsidie", or opens a new item, "Daarnaast ..."), as does one pointing back
    ("hiervoor"); a passage of statements without instrument is the lead-in of the next
    statement of the paragraph, unless either opens a new item ("Zo steunt het kabinet ...")."""
    passages: list[list[Measure]] = []
    for statement in sorted(statements, key=lambda m: m.evidence.start):
        if passages:
            last = passages[-1][-1]
            same_paragraph = "\n\n" not in text[last.evidence.end:statement.evidence.start]
            named = {i for m in passages[-1] for i in m.instruments}
            quote = statement.evidence.quote
            continues = ((not statement.instruments and not OWN_INSTRUMENT.search(quote)
                          and not NEW_ITEM.match(quote)) or bool(POINTS_BACK.search(quote)))
            lead_in = not named and not (NEW_ITEM.match(passages[-1][0].evidence.quote)
                                         or (statement.instruments and NEW_ITEM.match(quote)))
            if same_paragraph and (continues or lead_in
                                   or set(statement.instruments) & set(last.instruments)):
                passages[-1].append(statement)
                continue
        passages.append([statement])
    return passages


def _primary_instrument(vocabulary: Vocabulary, statements: list[Measure]) -> Concept | None:
    counts = Counter(i for s in statements for i in s.instruments)
    if not counts:
        return None
    framing = {i for i in counts if is_framing(vocabulary[i])}
    order = list(dict.fromkeys(i for s in statements for i in s.instruments))
    best = max(order, key=lambda i: (i not in framing, counts[i], -order.index(i)))
    return vocabulary[best]


def _fold_instrument_only(clusters: dict[str, list[Measure]],
                          labels: dict[str, tuple[Concept | None, Concept | None]]) -> None:
    """An instrument named without product group joins that instrument's only measure with
    one ("Sturen met MKI" belongs to "MKI in de GWW" when the letter has no other MKI measure)."""
    for key, (instrument, primary) in list(labels.items()):
        if instrument is None or primary is not None:
            continue
        targets = [k for k, (i, p) in labels.items() if i == instrument and p is not None]
        if len(targets) == 1:
            clusters[targets[0]].extend(clusters.pop(key))
            del labels[key]


def resolve_measures(statements: Sequence[Measure], vocabulary: Vocabulary, text: str = "",
                     model: StatementModel | None = None) -> list[Measure]:
    """Passages of statements become measures; passages with the same key are one measure,
    kept when its most certain statement reaches the ``model``'s seed threshold. ``model``
    recalibrates their confidence (none: that of the most certain statement)."""
    clusters: dict[str, list[Measure]] = {}
    labels: dict[str, tuple[Concept | None, Concept | None]] = {}
    described: dict[str, str] = {}  # labels taken from the sentence (no instrument to name it)
    for passage in _passages(statements, text):
        instrument = _primary_instrument(vocabulary, passage)
        if instrument is None:  # an action without a named instrument: its own measure,
            # or the government's position on the EU act it is about ("Via de CRMA wil het
            # kabinet ...", "Het kabinet zal er in het kader van de CRMA voor pleiten ...")
            acts = [a for m in passage for a in m.eu_acts]
            if acts:
                act = vocabulary[Counter(acts).most_common(1)[0][0]]
                key = f"inzet-{act.slug}"
                described.setdefault(key, f"Kabinetsinzet: {act.pref_label}")
            else:
                key = f"actie-{_digest(passage[0])}"
                described[key] = action_label(passage[0])
            clusters.setdefault(key, []).extend(passage)
            labels.setdefault(key, (None, _primary(vocabulary, passage)))
            continue
        split = PRODUCER_RESPONSIBILITY in instrument.types
        for cluster in (_per_product_group(passage) if split else [passage]):
            primary = _primary(vocabulary, cluster)
            key = measure_key(instrument, primary)
            if key in clusters and NEW_ITEM.match(cluster[0].evidence.quote):
                # "Daarnaast zal ik ... de MKI ...": a further measure with the same instrument
                key = f"{key}-{_digest(cluster[0])}"
                described[key] = (f"{measure_label(instrument, primary)}: "
                                  f"{action_label(cluster[0])}")
            clusters.setdefault(key, []).extend(cluster)
            labels.setdefault(key, (instrument, primary))
    _fold_instrument_only(clusters, labels)
    seed = model.measure_seed if model is not None else 0.0
    measures = []
    for key, members in clusters.items():
        instrument, primary = labels[key]
        label = described.get(key) or measure_label(instrument, primary)
        merged = _merge(members, key, label, primary)
        if most_certain(merged) < seed:
            continue  # no statement sure enough to start a measure (see StatementModel.seed)
        evidence = replace(merged.evidence, confidence=measure_confidence(merged, model))
        measures.append(replace(merged, evidence=evidence))
    return sorted(measures, key=lambda m: m.evidence.start)
