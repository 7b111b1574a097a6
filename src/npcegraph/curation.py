"""Candidate curation: list the candidates in the store, accept one into the curated vocabulary
(``accepted.ttl`` beside the other SKOS files) or reject it (``rejected-candidates.txt``).

Candidates are written into letter graphs as ``id/candidate/<segment>/<slug>`` concepts with
``npce:candidate true`` and mentions (:mod:`npcegraph.extract.candidates` finds them); nothing
is curated until an editor accepts it here. Accepting appends a plain SKOS concept that
:func:`npcegraph.vocab.load_vocab_graph` loads like every other vocabulary file, so the next
pipeline build matches it in the gazetteer. Both files are rewritten atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.exceptions import ParserError
from rdflib.namespace import SKOS

from npcegraph.errors import NpcegraphError
from npcegraph.namespaces import CONCEPT_KINDS, XSD, Iris
from npcegraph.settings import DEFAULT_BASE_IRI
from npcegraph.store import EmbeddedStore
from npcegraph.vocab import load_vocab_graph

ACCEPTED_FILE = "accepted.ttl"
REJECTED_FILE = "rejected-candidates.txt"
CANDIDATE_KINDS = ("instrument", "product_group", "organisation")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The instrument type of an accepted instrument, from the end of its label's words.
INSTRUMENT_TYPES: tuple[tuple[str, str], ...] = (
    ("subsidieregeling", "subsidieregeling"), ("subsidie", "subsidieregeling"),
    ("regeling", "subsidieregeling"), ("subsidiemodule", "subsidieregeling"),
    ("fonds", "fonds"), ("fund", "fonds"),
    ("heffing", "heffing"), ("belasting", "heffing"),
    ("norm", "norm-en-verplichting"), ("verplichting", "norm-en-verplichting"),
    ("akkoord", "convenant-en-akkoord"), ("convenant", "convenant-en-akkoord"),
    ("pact", "convenant-en-akkoord"), ("deal", "convenant-en-akkoord"),
    ("programma", "beleidsprogramma"), ("programme", "beleidsprogramma"),
    ("program", "beleidsprogramma"), ("agenda", "beleidsprogramma"),
)

HEADER = """# npcegraph: concepts accepted from candidates discovered in letters
#
# Written by npcegraph.curation.accept_candidate; edit a concept here like any other (add
# alt labels, a real definition, broader links), or move it into its kind's file. Each keeps
# npce:acceptedFrom, the candidate IRI it was found as.

@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix npce: <https://w3id.org/npcegraph/def/> .
@prefix scheme: <https://w3id.org/npcegraph/id/scheme/> .
@prefix itype: <https://w3id.org/npcegraph/id/instrument-type/> .
"""

DEFINITION = ("{label}: in Kamerbrieven ontdekt en door een redacteur aanvaard; "
              "definitie aan te vullen.")


class CurationError(NpcegraphError):
    """A candidate cannot be accepted or rejected (``path`` names the vocabulary file)."""


@dataclass(frozen=True)
class CandidateRecord:
    """A candidate concept in the store, with the letters that mention it."""

    kind: str
    slug: str
    label: str
    letters: tuple[str, ...]
    mentions: int
    cue: str


def _list_query(iris: Iris) -> str:
    npce = str(iris.npce)
    return f"""PREFIX npce: <{npce}>
PREFIX skos: <{SKOS}>
SELECT ?c (MIN(STR(?pref)) AS ?label)
       (GROUP_CONCAT(DISTINCT STR(?cueText); separator="\\u001f") AS ?cues)
       (GROUP_CONCAT(DISTINCT STR(?letter); separator="\\u001f") AS ?letters)
       (COUNT(DISTINCT ?m) AS ?mentions)
WHERE {{
  ?c npce:candidate true ; skos:prefLabel ?pref .
  FILTER(STRSTARTS(STR(?c), "{iris.base}id/candidate/") && LANGMATCHES(LANG(?pref), "nl"))
  FILTER NOT EXISTS {{ ?accepted npce:acceptedFrom ?c }}
  OPTIONAL {{ ?c npce:cue ?cueText }}
  OPTIONAL {{ ?m npce:concept ?c ; npce:inLetter ?letter }}
}}
GROUP BY ?c"""


def list_candidates(store: EmbeddedStore) -> list[CandidateRecord]:
    """Every candidate in the public graphs that no curated concept was accepted from, most
    mentioned first (native SPARQL in Oxigraph)."""
    segments = {segment: kind for kind, segment in CONCEPT_KINDS.items()}
    prefix = f"{store.iris.base}id/candidate/"
    letter_prefix = str(store.iris.letter(""))
    records = []
    for row in store.query(_list_query(store.iris)):
        segment, _, slug = row["c"].value[len(prefix):].partition("/")
        kind = segments.get(segment)
        if kind is None or not slug:
            continue
        letters = _split(row["letters"])
        records.append(CandidateRecord(
            kind=kind, slug=slug, label=row["label"].value,
            letters=tuple(sorted(iri.removeprefix(letter_prefix) for iri in letters)),
            mentions=int(row["mentions"].value), cue=", ".join(sorted(_split(row["cues"]))),
        ))
    return sorted(records, key=lambda r: (-r.mentions, r.kind, r.slug))


def _split(term: object) -> list[str]:
    value = getattr(term, "value", "") if term is not None else ""
    return [part for part in value.split("\u001f") if part]


# ---------------------------------------------------------------------------------------
# accept / reject


def _check_kind_and_slug(kind: str, slug: str, where: Path) -> None:
    if kind not in CANDIDATE_KINDS:
        raise CurationError(where, f"unknown candidate kind {kind!r}; one of "
                                   f"{', '.join(CANDIDATE_KINDS)}")
    if not SLUG.match(slug):
        raise CurationError(where, f"invalid slug {slug!r}: lower-case ASCII words joined by '-'")


def _check_label(label: str, where: Path) -> None:
    if not label or label != label.strip() or "(" in label or ")" in label or "\n" in label:
        raise CurationError(where, f"label {label!r} must be trimmed, non-empty text on one "
                                   "line without parentheses")


def _instrument_type(label: str, where: Path) -> str:
    last_words = [w.lower() for w in re.findall(r"[\w+]+", label)]
    for word in reversed(last_words):
        for ending, itype in INSTRUMENT_TYPES:
            if word.endswith(ending):
                return itype
    raise CurationError(where, f"cannot tell the instrument type of {label!r} "
                               "(no -regeling, -fonds, -heffing, -norm, -akkoord, -programma, ...)")


def _conflicts(graph: Graph, kind: str, slug: str, label: str, notation: str | None) -> str | None:
    """Why the vocabulary already has this concept, if it does."""
    iris = Iris(DEFAULT_BASE_IRI)
    if (iris.concept(kind, slug), None, None) in graph:
        return f"slug {slug!r} is already a curated {kind}"
    wanted = {label.casefold()} | ({notation.casefold()} if notation else set())
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation):
        for subject, value in graph.subject_objects(predicate):
            if isinstance(value, Literal) and str(value).casefold() in wanted \
                    and str(subject).startswith(f"{iris.base}id/"):
                return f"{str(value)!r} is already a label of {subject}"
    return None


def _concept_block(kind: str, slug: str, label: str, notation: str | None, itype: str | None,
                   today: date) -> str:
    iris = Iris(DEFAULT_BASE_IRI)
    concept, scheme = iris.concept(kind, slug).n3(), iris.scheme(kind).n3()
    types = "skos:Concept, org:Organization" if kind == "organisation" else "skos:Concept"
    lines = [
        f"{concept} a {types} ;",
        f"    skos:inScheme {scheme} ;",
        f"    skos:topConceptOf {scheme} ;",
        f"    skos:prefLabel {Literal(label, lang='nl').n3()} ;",
    ]
    if notation is not None:
        lines.append(f"    skos:notation {Literal(notation).n3()} ;")
    if itype is not None:
        lines.append(f"    npce:instrumentType itype:{itype} ;")
    lines += [
        f"    skos:definition {Literal(DEFINITION.format(label=label), lang='nl').n3()} ;",
        f"    npce:acceptedFrom {iris.candidate(kind, slug).n3()} ;",
        f"    dcterms:created {Literal(today.isoformat(), datatype=XSD.date).n3()} .",
        f"{scheme} skos:hasTopConcept {concept} .",
    ]
    return "\n".join(lines) + "\n"



def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def accept_candidate(kind: str, slug: str, label: str, vocab_dir: Path,
                     notation: str | None = None, *, instrument_type: str | None = None) -> Path:
    """Append the candidate as a curated concept to ``vocab_dir/accepted.ttl`` and return that
    path. Instruments get ``notation`` (default: the label) and an instrument type (default:
    from the label's -regeling, -fonds, -heffing, ...). Refuses a slug or label (or
    notation) the vocabulary already has."""
    path = Path(vocab_dir) / ACCEPTED_FILE
    _check_kind_and_slug(kind, slug, path)
    _check_label(label, path)
    if kind == "instrument":
        notation = notation or label
        itype = instrument_type or _instrument_type(label, path)
    else:
        itype = None
    try:
        graph = load_vocab_graph(directory=Path(vocab_dir))
    except NpcegraphError as exc:
        raise CurationError(exc.path, exc.problem) from exc
    if itype is not None and (Iris().concept("instrument_type", itype), None, None) not in graph:
        raise CurationError(path, f"unknown instrument type {itype!r}")
    conflict = _conflicts(graph, kind, slug, label, notation if kind == "instrument" else None)
    if conflict is not None:
        raise CurationError(path, f"refused: {conflict}")
    existing = path.read_text(encoding="utf-8") if path.exists() else HEADER
    text = existing.rstrip("\n") + "\n\n" + _concept_block(kind, slug, label, notation, itype,
                                                          date.today())
    try:
        Graph().parse(data=text, format="turtle")
    except (ParserError, SyntaxError, ValueError) as exc:
        raise CurationError(path, f"the result would not be valid Turtle: {exc}") from exc
    _write_atomically(path, text)
    return path


def rejected(vocab_dir: Path) -> frozenset[str]:
    """The rejected candidates as ``"kind/slug"`` strings (empty when none were rejected)."""
    path = Path(vocab_dir) / REJECTED_FILE
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip()
                     and not line.lstrip().startswith("#"))


def reject_candidate(kind: str, slug: str, vocab_dir: Path) -> Path:
    """Record ``kind/slug`` in ``vocab_dir/rejected-candidates.txt`` (sorted, no duplicates)
    and return that path."""
    path = Path(vocab_dir) / REJECTED_FILE
    _check_kind_and_slug(kind, slug, path)
    entries = sorted(rejected(vocab_dir) | {f"{kind}/{slug}"})
    _write_atomically(path, "\n".join(entries) + "\n")
    return path


__all__ = [
    "ACCEPTED_FILE", "REJECTED_FILE", "CandidateRecord", "CurationError", "accept_candidate",
    "list_candidates", "reject_candidate", "rejected",
]
