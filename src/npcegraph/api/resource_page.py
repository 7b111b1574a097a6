"""The HTML page of a resource: its label and types, its triples, the nodes it owns and the
links pointing at it. Server-rendered, no scripts; every text and attribute is escaped, and only
``http(s)`` IRIs become links."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

import pyoxigraph as ox

from npcegraph.describe import LABELS, is_owned
from npcegraph.namespaces import DCTERMS, RDF, SKOS, XSD

Href = Callable[[str], str | None]  # IRI -> where to link it (None: do not link)
# labels first; a notation or identifier names a node that has no label
_LABEL_RANK = {str(p): i for i, p in enumerate((*LABELS, SKOS.notation, DCTERMS.identifier))}
_LANG_RANK = {"nl": 0, "en": 1, "": 2}
_LONG = 400  # literals longer than this are folded
_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem}
header{font-size:.9rem;margin-bottom:1rem}code,.iri{font-family:ui-monospace,monospace}
.iri{color:#555;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td:first-child{width:16rem;word-break:break-all}small{color:#777}
pre{white-space:pre-wrap}"""


@dataclass(frozen=True)
class Page:
    """What a resource page shows."""

    iri: str
    triples: list[ox.Triple]  # the description (resource, owned nodes, object labels)
    incoming: list[ox.Triple]  # triples pointing at the resource, with their subjects' labels
    incoming_limit: int
    prefixes: dict[str, str]  # for display; may hold ``id:`` for the project's things
    alternates: list[tuple[str, str, str]]  # (href, media type, name)
    home: str  # link to the query page


class _Labels:
    """The best label of each node: SKOS prefLabel, rdfs:label, title, name; Dutch first."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        best: dict[object, tuple[tuple[int, int], str]] = {}
        for t in triples:
            rank = _LABEL_RANK.get(t.predicate.value)
            if rank is None or not isinstance(t.object, ox.Literal):
                continue
            key = (rank, _LANG_RANK.get(t.object.language or "", 3))
            if t.subject not in best or key < best[t.subject][0]:
                best[t.subject] = (key, t.object.value)
        self._best = {node: text for node, (_, text) in best.items()}

    def get(self, node: object) -> str | None:
        return self._best.get(node)


class _Renderer:
    def __init__(self, page: Page, href: Href) -> None:
        self.page, self.href = page, href
        self.labels = _Labels([*page.triples, *page.incoming])
        self.sections: list[ox.NamedNode | ox.BlankNode] = []  # owned nodes described here
        for t in page.triples:
            s = t.subject
            if s not in self.sections and isinstance(s, ox.NamedNode | ox.BlankNode) and (
                    s.value != page.iri) and is_owned(s, page.iri):
                self.sections.append(s)

    def curie(self, iri: str) -> str:
        for prefix, namespace in self.page.prefixes.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def anchor(self, node: ox.NamedNode | ox.BlankNode) -> str:
        return "b-" + node.value if isinstance(node, ox.BlankNode) else "n-" + node.value.rsplit(
            self.page.iri, 1)[-1].strip("/#").replace("/", "-")

    def node(self, term: ox.NamedNode | ox.BlankNode, label: bool = True) -> str:
        text = (self.labels.get(term) if label else None) or (
            "_:" + term.value if isinstance(term, ox.BlankNode) else self.curie(term.value))
        if term in self.sections:
            return f'<a href="#{escape(self.anchor(term))}">{escape(text)}</a>'
        if isinstance(term, ox.BlankNode):
            return escape(text)
        target = self.href(term.value)
        if target is None:
            return f"<code>{escape(text)}</code>"
        title = f' title="{escape(term.value)}"' if text != term.value else ""
        return f'<a href="{escape(target)}"{title}>{escape(text)}</a>'

    def literal(self, lit: ox.Literal) -> str:
        value = escape(lit.value)
        if len(lit.value) > _LONG:
            value = (f"<details><summary>{escape(lit.value[:200])}…</summary>"
                     f"<pre>{value}</pre></details>")
        if lit.language:
            lang = escape(lit.language)
            return f'<span lang="{lang}">{value}</span> <small>@{lang}</small>'
        if lit.datatype.value != str(XSD.string):
            return f"{value} <small>^^{escape(self.curie(lit.datatype.value))}</small>"
        return value

    def term(self, term: object) -> str:
        if isinstance(term, ox.Literal):
            return self.literal(term)
        if isinstance(term, ox.NamedNode | ox.BlankNode):
            return self.node(term)
        return escape(str(term))  # an RDF-star triple term

    def table(self, rows: list[tuple[str, str]], heads: tuple[str, str]) -> str:
        body = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
        return (f"<table><thead><tr><th>{heads[0]}</th><th>{heads[1]}</th></tr></thead>"
                f"<tbody>{body}</tbody></table>")

    def properties(self, subject: object) -> str:
        rows = sorted((t for t in self.page.triples if t.subject == subject),
                      key=lambda t: (t.predicate.value != str(RDF.type), t.predicate.value,
                                     str(t.object)))
        return self.table([(self.node(t.predicate, label=False), self.term(t.object))
                           for t in rows], ("property", "value"))

    def owned_sections(self) -> str:
        parts = []
        for s in self.sections:
            name = self.labels.get(s) or ("_:" + s.value if isinstance(s, ox.BlankNode)
                                          else "…" + s.value[len(self.page.iri):])
            link = ("" if isinstance(s, ox.BlankNode)
                    else f' <small><a href="{escape(self.href(s.value) or "")}">page</a></small>')
            parts.append(f'<h3 id="{escape(self.anchor(s))}">{escape(name)}{link}</h3>'
                         f"{self.properties(s)}")
        return "".join(parts)

    def incoming(self) -> str:
        target = ox.NamedNode(self.page.iri)
        rows = sorted((t for t in self.page.incoming if t.object == target),
                      key=lambda t: (t.predicate.value, str(t.subject)))
        if not rows:
            return "<p>No other resource links here.</p>"
        more = (f"<p><small>The first {len(rows)} links.</small></p>"
                if len(rows) >= self.page.incoming_limit else "")
        return more + self.table([(self.term(t.subject), self.node(t.predicate, label=False))
                                  for t in rows], ("resource", "property"))

    def render(self) -> str:
        page, subject = self.page, ox.NamedNode(self.page.iri)
        title = self.labels.get(subject) or self.curie(page.iri)
        types = [t.object for t in page.triples
                 if t.subject == subject and t.predicate.value == str(RDF.type)]
        type_list = ", ".join(self.term(t) for t in types) or "<small>none stated</small>"
        alternates = " · ".join(f'<a href="{escape(h)}" type="{escape(m)}">{escape(n)}</a>'
                                for h, m, n in page.alternates)
        links = "".join(f'<link rel="alternate" type="{escape(m)}" href="{escape(h)}">'
                        for h, m, _ in page.alternates)
        own = self.properties(subject) if any(t.subject == subject for t in page.triples) \
            else "<p>The graph states nothing about this resource itself.</p>"
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{escape(title)} · npcegraph</title>{links}<style>{_STYLE}</style>"
                f'</head><body><header><a href="{escape(page.home)}">npcegraph</a></header>'
                f'<main><h1>{escape(title)}</h1><p class="iri">{escape(page.iri)}</p>'
                f"<p>Type: {type_list}</p><p><small>Also as {alternates}</small></p>"
                f"<h2>Properties</h2>{own}{self.owned_sections()}"
                f"<h2>Links to this resource</h2>{self.incoming()}</main></body></html>")


def render(page: Page, href: Href) -> str:
    """The page as an HTML document."""
    return _Renderer(page, href).render()
