"""The pipeline's facts for one letter reduced to a :class:`LetterRecord`."""

from __future__ import annotations

from collections.abc import Iterable

from npcegraph.concepts import Vocabulary
from npcegraph.evaluate.gold import amount_key
from npcegraph.evaluate.model import ENTITY_TYPES, LetterRecord, MeasureRecord
from npcegraph.extract.facts import LetterFacts
from npcegraph.letters import Letter


def slug(iri: str) -> str:
    """The last path segment of an IRI."""
    return iri.rsplit("/", 1)[-1]


def normalise_references(references: Iterable[tuple[str, str]], vocabulary: Vocabulary,
                         ) -> frozenset[tuple[str, str]]:
    """EU acts by vocabulary slug when the CELEX number is known, so a number and a name agree."""
    by_notation = {c.notation: c.slug for c in vocabulary.of_kind("eu_act") if c.notation}
    return frozenset((kind, by_notation.get(ident, ident) if kind == "eu-act" else ident)
                     for kind, ident in references)


def system_record(letter: Letter, facts: LetterFacts, vocabulary: Vocabulary) -> LetterRecord:
    """What the pipeline says about ``letter``, in the evaluation's terms."""
    entities: dict[str, set[str]] = {kind: set() for kind in ENTITY_TYPES}
    for mention in facts.mentions:
        if mention.kind in entities:
            entities[mention.kind].add(slug(mention.concept))
        if mention.ministry:
            entities["ministry"].add(slug(mention.ministry))
    measures = tuple(
        MeasureRecord(
            key=m.key,
            spans=tuple((e.start, e.end) for e in m.statements or (m.evidence,)),
            relations={
                "ministry": frozenset(map(slug, m.ministries)),
                "instrument": frozenset(map(slug, m.instruments)),
                "product_group": frozenset(map(slug, m.product_groups)),
                "goal": frozenset(map(slug, m.goals)),
                "amount": frozenset(amount_key(a.value) for a in m.amounts),
            },
            status=slug(m.status),
            low_confidence=m.evidence.low_confidence,
        )
        for m in facts.measures
    )
    metadata: dict[str, object] = {
        "dossier": letter.dossier, "number": letter.number,
        "document_number": letter.document_number,
        "date": letter.date.isoformat() if letter.date else None, "kind": letter.kind,
        "sender": slug(facts.sender) if facts.sender else None,
        "co_senders": frozenset(map(slug, facts.co_senders)), "signer": letter.signer_name,
    }
    return LetterRecord(
        letter=letter.slug, metadata=metadata,
        entities={kind: frozenset(items) for kind, items in entities.items()},
        new_concepts=frozenset((c.kind, c.slug) for c in facts.candidates),
        amounts=tuple(amount_key(a.value) for a in facts.amounts),
        references=normalise_references(
            ((r.ref_type, slug(r.target) if r.target else r.identifier)
             for r in facts.references), vocabulary),
        measures=measures,
        questions=frozenset((q.number, q.party or "") for q in letter.questions),
        commitments=tuple((c.due or "", (c.evidence.start, c.evidence.end), c.measure or "")
                          for c in facts.commitments),
    )
