"""Measure resolution: sentence statements -> one measure per instrument and target.

Rules (also in the README):

1. Statements are grouped by instrument.
2. For producer-responsibility instruments (UPV) every product group is its own measure: UPV for
   textiel and UPV for matrassen are two schemes, also when one sentence names both.
3. For other instruments, statements whose product groups overlap form one measure (MKI in the
   GWW and in bouw and GWW); statements without product group join the instrument's only measure
   in the letter, or form an instrument-only measure when there are several or none.
4. A measure's key is ``<instrument>-<primary product group>``, the primary group being the one its
   statements name most often (ties: the most specific, then alphabetical). The key is the node's
   IRI, so the same measure in several letters is one node with a mention per letter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.extract.facts import Measure

PRODUCER_RESPONSIBILITY = "producentenverantwoordelijkheid"
STATUS_PRIORITY = ("afgerond", "gestopt", "in-uitvoering", "in-voorbereiding", "aangekondigd")


def measure_key(instrument: Concept, primary: Concept | None) -> str:
    """The key that identifies a measure across letters."""
    return instrument.slug + (f"-{primary.slug}" if primary else "")


def measure_label(instrument: Concept, primary: Concept | None) -> str:
    """A readable Dutch label: ``UPV voor textiel``."""
    name = instrument.notation or instrument.pref_label
    return f"{name} voor {primary.pref_label}" if primary else name


def _clusters(statements: list[Measure], split: bool) -> list[list[Measure]]:
    with_groups: list[tuple[set[str], list[Measure]]] = []
    without = []
    for statement in statements:
        groups = [{g} for g in statement.product_groups] if split else \
            [set(statement.product_groups)] if statement.product_groups else []
        if not groups:
            without.append(statement)
        for group in groups:
            part = replace(statement, product_groups=tuple(group)) if split else statement
            overlapping = [c for c in with_groups if c[0] & group]
            merged_groups, merged = set(group), [part]
            for cluster in overlapping:
                merged_groups |= cluster[0]
                merged.extend(cluster[1])
                with_groups.remove(cluster)
            with_groups.append((merged_groups, merged))
    clusters = [members for _, members in with_groups]
    if without:
        if len(clusters) == 1:
            clusters[0].extend(without)
        else:
            clusters.append(without)
    return clusters


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
    status = min((m.status for m in statements),
                 key=lambda iri: rank.get(iri.rsplit("/", 1)[-1], len(STATUS_PRIORITY)))
    explicit = [m for m in statements if m.ministry_source in ("text", "section", "answer")]
    chosen = explicit or statements

    def union(attribute: str, items: Sequence[Measure]) -> tuple:
        return tuple(dict.fromkeys(x for m in items for x in getattr(m, attribute)))

    groups = union("product_groups", statements)
    if primary is not None:
        groups = (primary.iri, *[g for g in groups if g != primary.iri])
    evidences = {e for m in statements for e in m.statements}
    return Measure(
        key=key, label=label, evidence=best.evidence, status=status,
        ministries=union("ministries", chosen), instruments=union("instruments", statements),
        product_groups=groups, goals=union("goals", statements),
        strategies=union("strategies", statements), amounts=union("amounts", statements),
        ministry_source=chosen[0].ministry_source,
        statements=tuple(sorted(evidences, key=lambda e: e.start)),
        answer=best.answer,
    )


def _passages(statements: Sequence[Measure], text: str) -> list[list[Measure]]:
    """Consecutive statements of one paragraph that share an instrument form one passage."""
    passages: list[list[Measure]] = []
    for statement in sorted(statements, key=lambda m: m.evidence.start):
        if passages:
            last = passages[-1][-1]
            same_paragraph = "\n\n" not in text[last.evidence.end:statement.evidence.start]
            shared = set(last.instruments) & set(statement.instruments)
            if same_paragraph and shared:
                passages[-1].append(statement)
                continue
        passages.append([statement])
    return passages


def _primary_instrument(vocabulary: Vocabulary, statements: list[Measure]) -> Concept:
    counts = Counter(i for s in statements for i in s.instruments)
    framing = {i for i in counts if vocabulary[i].types
               and set(vocabulary[i].types) <= {"beleidsprogramma", "monitoring-en-evaluatie"}}
    order = list(dict.fromkeys(i for s in statements for i in s.instruments))
    best = max(order, key=lambda i: (i not in framing, counts[i], -order.index(i)))
    return vocabulary[best]


def resolve_measures(statements: Sequence[Measure], vocabulary: Vocabulary, text: str = "",
                     ) -> list[Measure]:
    """Passages of statements become measures with stable keys (see the module doc)."""
    measures: list[Measure] = []
    used: Counter[str] = Counter()
    for passage in _passages(statements, text):
        instrument = _primary_instrument(vocabulary, passage)
        split = PRODUCER_RESPONSIBILITY in instrument.types
        clusters = _clusters(passage, split) if split else [passage]
        for cluster in clusters:
            primary = _primary(vocabulary, cluster)
            base = measure_key(instrument, primary)
            used[base] += 1
            key = base if used[base] == 1 else f"{base}-{used[base]}"
            measures.append(_merge(cluster, key, measure_label(instrument, primary), primary))
    return sorted(measures, key=lambda m: m.evidence.start)
