"""SKOS vocabularies -> plain :class:`Concept` records -> gazetteer phrases.

The vocabularies in ``ontology/vocab/*.ttl`` are the single source of the entity ruler's
patterns: every ``skos:prefLabel``, ``altLabel`` and ``hiddenLabel`` of a concept becomes a
phrase carrying the concept's IRI. Labels with two or more capitals, or of four characters or
fewer, are matched case-sensitively (abbreviations such as ``UPV``); all others ignore case.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.exceptions import ParserError

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.errors import VocabError
from npcegraph.namespaces import CONCEPT_KINDS, ORG, SKOS, Iris
from npcegraph.resources import vocab_dir
from npcegraph.settings import DEFAULT_BASE_IRI

_SEGMENT_TO_KIND = {segment: kind for kind, segment in CONCEPT_KINDS.items()}

def vocab_files(directory: Path | None = None) -> list[Path]:
    """The vocabulary files, sorted by name."""
    folder = directory or vocab_dir()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise VocabError(folder, "no vocabulary files (*.ttl) found")
    return files


def load_vocab_graph(base_iri: str = DEFAULT_BASE_IRI, directory: Path | None = None) -> Graph:
    """Parse every vocabulary file into one graph, rebased onto ``base_iri``."""
    graph = Graph()
    for path in vocab_files(directory):
        text = path.read_text(encoding="utf-8")
        if base_iri != DEFAULT_BASE_IRI:
            text = text.replace(DEFAULT_BASE_IRI, base_iri)
        try:
            graph.parse(data=text, format="turtle", publicID=path.as_uri())
        except (ParserError, SyntaxError, ValueError) as exc:
            raise VocabError(path, f"not valid Turtle: {exc}") from exc
    return graph


def _kind_of(iri: str, base_iri: str) -> str | None:
    prefix = base_iri + "id/"
    if not iri.startswith(prefix):
        return None
    segment = iri[len(prefix):].split("/", 1)[0]
    return _SEGMENT_TO_KIND.get(segment)


def _literal_date(value: object) -> date | None:
    if isinstance(value, Literal) and isinstance(value.toPython(), date):
        return value.toPython()
    return None


def _year(value: object) -> int | None:
    match = re.match(r"\d{4}", str(value)) if value is not None else None
    return int(match.group()) if match else None


def concepts_from_graph(graph: Graph, base_iri: str = DEFAULT_BASE_IRI) -> list[Concept]:
    """Flatten every ``skos:Concept`` of ``graph`` into a :class:`Concept`."""
    npce = Iris(base_iri).npce
    predecessors: dict[str, set[str]] = {}
    successors: dict[str, set[str]] = {}
    for event in graph.subjects(ORG.originalOrganization, None):
        originals = {str(o) for o in graph.objects(event, ORG.originalOrganization)}
        results = {str(o) for o in graph.objects(event, ORG.resultingOrganization)}
        for original in originals:
            successors.setdefault(original, set()).update(results - {original})
        for resulting in results - originals:
            predecessors.setdefault(resulting, set()).update(originals)
    result: list[Concept] = []
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None)), key=str):
        if not isinstance(subject, URIRef):
            continue
        kind = _kind_of(str(subject), base_iri)
        if kind is None:
            continue
        prefs = list(graph.objects(subject, SKOS.prefLabel))
        pref_nl = next((p for p in prefs if getattr(p, "language", None) == "nl"), prefs[0])
        labels = [str(pref_nl)]
        for predicate in (SKOS.altLabel, SKOS.hiddenLabel):
            labels.extend(str(o) for o in graph.objects(subject, predicate))
        labels.extend(str(p) for p in prefs if getattr(p, "language", None) in (None, "nl"))
        notation = graph.value(subject, SKOS.notation)
        if notation is not None:
            labels.append(str(notation))
        result.append(Concept(
            iri=str(subject),
            kind=kind,
            pref_label=str(pref_nl),
            labels=tuple(dict.fromkeys(label.strip() for label in labels if label.strip())),
            notation=str(notation) if notation is not None else None,
            broader=tuple(sorted(str(o) for o in graph.objects(subject, SKOS.broader))),
            post_in=_str_or_none(graph.value(subject, ORG.postIn)),
            valid_from=_literal_date(graph.value(subject, npce.validFrom)),
            valid_until=_literal_date(graph.value(subject, npce.validUntil)),
            target_year=_year(graph.value(subject, npce.targetYear)),
            target_quantity=_str_or_none(graph.value(subject, npce.targetQuantity)),
            cues=tuple(sorted(str(o) for o in graph.objects(subject, npce.cue))),
            types=tuple(sorted(str(o).rsplit("/", 1)[-1]
                               for o in graph.objects(subject, npce.instrumentType))),
            scope=tuple(sorted(str(o) for o in graph.objects(subject, npce.scopeProductGroup))),
            predecessors=tuple(sorted(predecessors.get(str(subject), ()))),
            successors=tuple(sorted(successors.get(str(subject), ()))),
        ))
    return result


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def build_vocabulary(graph: Graph, base_iri: str = DEFAULT_BASE_IRI) -> Vocabulary:
    """A :class:`Vocabulary` from an already loaded graph."""
    return Vocabulary(tuple(concepts_from_graph(graph, base_iri)), base_iri)


@lru_cache(maxsize=4)
def load_vocabulary(base_iri: str = DEFAULT_BASE_IRI) -> Vocabulary:
    """The shipped vocabularies as a :class:`Vocabulary` (cached per base IRI)."""
    return build_vocabulary(load_vocab_graph(base_iri), base_iri)
