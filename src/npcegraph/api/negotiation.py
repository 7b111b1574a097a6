"""Content negotiation: ``Accept`` parsing and the explicit tables of what we serve.

A table maps the media types a client may ask for (aliases included) to the canonical media
type of the Oxigraph format that answers; the first entry is the default for a missing
``Accept`` or ``*/*``. Ties on quality go to the more specific range, then to the client's
order, then to the table's order.
"""

from __future__ import annotations

from dataclasses import dataclass

# SELECT and ASK answers (pyoxigraph.QueryResultsFormat media types).
SOLUTIONS: dict[str, str] = {
    "application/sparql-results+json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
}
# CONSTRUCT and DESCRIBE answers, graphs of the Graph Store Protocol (pyoxigraph.RdfFormat).
GRAPHS: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "application/ld+json": "application/ld+json",
    "application/rdf+xml": "application/rdf+xml",
    "application/n-quads": "application/n-quads",
    "application/trig": "application/trig",
    "application/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/x-json+ld": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
# ``?format=`` / ``?output=`` values of ``/sparql``, as the media type each stands for; the
# JSON and XML aliases are in both tables, so ``json`` gives SPARQL JSON or JSON-LD per query form.
# ``json-ld``, ``rdf+xml`` and ``rdf`` are what SPARQLWrapper sends; its ``n3`` names no format
# we serve, so it leaves the choice to ``Accept`` (as does an empty value).
FORMAT_NAMES: dict[str, str] = {
    "json": "application/json",
    "xml": "application/xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}
NEGOTIATED = ("", "n3")
# The service description: Turtle by default, RDF/XML for clients that ask for it.
DESCRIPTIONS: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/rdf+xml": "application/rdf+xml",
    "application/n-triples": "application/n-triples",
    "application/ld+json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "application/turtle": "text/turtle",
}


@dataclass(frozen=True)
class MediaRange:
    """One element of an ``Accept`` header."""

    type: str
    subtype: str
    q: float
    order: int

    def specificity(self, media_type: str) -> int:
        """-1 when this range does not match ``media_type``; else 0 (``*/*``), 1, 2 (exact)."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header (malformed parts are skipped)."""
    ranges: list[MediaRange] = []
    for order, part in enumerate((header or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(kind, sub, q, order))
    return ranges


def choose(header: str | None, table: dict[str, str]) -> str | None:
    """The canonical media type to answer with, or ``None`` when nothing is acceptable."""
    ranges = parse_accept(header)
    if not ranges:
        return next(iter(table.values()))
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for position, offered in enumerate(table):
        matches = [(r.specificity(offered), r) for r in ranges]
        matches = [(s, r) for s, r in matches if s >= 0]
        if not matches:
            continue
        specificity, match = max(matches, key=lambda m: (m[0], -m[1].order))
        if match.q <= 0:
            continue
        key = (match.q, specificity, -match.order, -position)
        if best is None or key > best:
            best, chosen = key, table[offered]
    return chosen


def accepts_json(header: str | None) -> bool:
    """Whether ``Accept`` names some JSON type (``application/json``, ``…+json``) with q > 0."""
    return any(r.q > 0 and (r.subtype == "json" or r.subtype.endswith("+json"))
               for r in parse_accept(header))


def format_accept(value: str) -> str | None:
    """The media range(s) a ``format=`` value names: a key of :data:`FORMAT_NAMES`, or media
    types as in ``Accept`` (``text/csv``; SPARQLWrapper sends lists); ``None`` for neither."""
    wanted = value.strip().lower()
    if wanted in FORMAT_NAMES:
        return FORMAT_NAMES[wanted]
    parts = [p for p in wanted.split(",") if p.strip()]
    if parts and len(parse_accept(wanted)) == len(parts):
        return wanted
    return None
