"""The HTML page escapes everything it shows and links only http(s) IRIs."""

from __future__ import annotations

import pyoxigraph as ox

from npcegraph.api.resource_page import Page, render

IRI = "https://w3id.org/npcegraph/id/measure/x"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SEE_ALSO = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")


def page(*triples: ox.Triple) -> str:
    def href(iri: str) -> str | None:
        if iri.startswith("https://w3id.org/npcegraph/"):
            return "/" + iri[len("https://w3id.org/npcegraph/"):]
        return iri if iri.startswith(("http://", "https://")) else None
    prefixes = {"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    alternates = [("/id/measure/x?format=ttl", "text/turtle", "Turtle")]
    return render(Page(IRI, list(triples), [], 200, prefixes, alternates, "/"), href)


def test_linkeddata_page_escapes_literals_and_labels() -> None:
    html = page(ox.Triple(ox.NamedNode(IRI), LABEL,
                          ox.Literal('<script>alert("x")</script> & co', language="nl")))
    assert "<script>" not in html
    assert "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</h1>" in html
    assert ('<span lang="nl">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</span>'
            " <small>@nl</small>") in html


def test_linkeddata_page_links_only_http_iris() -> None:
    html = page(ox.Triple(ox.NamedNode(IRI), SEE_ALSO, ox.NamedNode("javascript:alert(1)")),
                ox.Triple(ox.NamedNode(IRI), SEE_ALSO, ox.NamedNode("https://e.org/?a=1&b='2'")))
    assert 'href="javascript' not in html
    assert "<code>javascript:alert(1)</code>" in html
    assert ('<a href="https://e.org/?a=1&amp;b=&#x27;2&#x27;">https://e.org/?a=1&amp;b=&#x27;2&#x27;'
            "</a>") in html


def test_linkeddata_page_folds_long_literals() -> None:
    text = "woord " * 100
    html = page(ox.Triple(ox.NamedNode(IRI), ox.NamedNode("https://w3id.org/npcegraph/def/text"),
                          ox.Literal(text)))
    assert f"<details><summary>{text[:200]}…</summary><pre>{text}</pre></details>" in html
