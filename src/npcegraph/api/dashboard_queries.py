"""SPARQL of the dashboard API: query texts whose inputs are bound in ``VALUES`` blocks.

Every value a client sends reaches SPARQL as a typed RDF term written by Oxigraph (a literal,
or an IRI minted from a validated slug), never pasted into the query text. Sort orders come
from a fixed table. No FastAPI here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from npcegraph.namespaces import DCTERMS, OA, RDFS, SCHEMA, SKOS, Iris

Term = ox.NamedNode | ox.Literal
SORTS: dict[str, str] = {
    "label": "ASC(LCASE(?label))",
    "-label": "DESC(LCASE(?label))",
    "mentions": "ASC(?mentions) ASC(LCASE(?label))",
    "-mentions": "DESC(?mentions) ASC(LCASE(?label))",
    "first_date": "ASC(?first_date) ASC(LCASE(?label))",
    "-first_date": "DESC(?first_date) ASC(LCASE(?label))",
}
# Concept lists: kind -> the measure property linking measures to concepts of that kind.
CONCEPT_LINKS: dict[str, str] = {
    "instrument": "usesInstrument",
    "ministry": "responsibleMinistry",
    "product_group": "targetsProductGroup",
    "goal": "servesGoal",
}
SEPARATOR = "|"


def prefixes(iris: Iris) -> str:
    """The PREFIX lines every dashboard query starts with."""
    names = {"npce": str(iris.npce), "skos": str(SKOS), "rdfs": str(RDFS),
             "dcterms": str(DCTERMS), "oa": str(OA), "schema": str(SCHEMA)}
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in names.items())


def values(bindings: dict[str, Term]) -> str:
    """A one-row ``VALUES`` block binding each variable to its term ("" for none)."""
    if not bindings:
        return ""
    variables = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    return f"VALUES ({variables}) {{ ({terms}) }}\n"


@dataclass(frozen=True)
class MeasureFilter:
    """The filters of ``/api/measures``; slugs are validated before they get here."""

    ministry: str | None = None
    instrument: str | None = None
    product_group: str | None = None
    goal: str | None = None
    status: str | None = None
    letter: str | None = None
    q: str | None = None
    eu_act: str | None = None

    def bindings(self, iris: Iris) -> dict[str, Term]:
        """The filter values as RDF terms, by variable name."""
        found: dict[str, Term] = {}
        if self.ministry:
            found["f_ministry"] = ox.Literal(self.ministry)
        if self.instrument:
            found["f_instrument"] = ox.Literal(self.instrument)
        for name, kind in (("product_group", "product_group"), ("goal", "goal"),
                           ("status", "status"), ("eu_act", "eu_act")):
            slug = getattr(self, name)
            if slug:
                found[f"f_{name}"] = ox.NamedNode(str(iris.concept(kind, slug)))
        if self.letter:
            found["f_letter"] = ox.NamedNode(str(iris.letter(self.letter)))
        if self.q:
            found["f_q"] = ox.Literal(self.q)
        return found


_FILTER_PATTERNS = {
    "f_ministry": "?m npce:responsibleMinistry ?fm . ?fm skos:notation ?f_ministry ; "
                  "skos:inScheme ?ministry_scheme .",
    "f_instrument": "?m npce:usesInstrument ?fi . ?fi skos:notation ?f_instrument ; "
                    "skos:inScheme ?instrument_scheme .",
    "f_product_group": "?m npce:targetsProductGroup ?f_product_group .",
    "f_goal": "?m npce:servesGoal ?f_goal .",
    "f_status": "?m npce:status ?f_status .",
    "f_eu_act": "?m npce:concernsEuAct ?f_eu_act .",
    "f_letter": "?m npce:hasMention/npce:inLetter ?f_letter .",
    "f_q": "?m rdfs:label ?fl . FILTER(CONTAINS(LCASE(STR(?fl)), LCASE(STR(?f_q))))",
}


def _measure_selection(filters: MeasureFilter, iris: Iris) -> str:
    """Graph patterns selecting ``?m``, the measures that pass ``filters``."""
    bound = filters.bindings(iris)
    if "f_ministry" in bound:
        bound["ministry_scheme"] = ox.NamedNode(str(iris.scheme("ministry")))
    if "f_instrument" in bound:
        bound["instrument_scheme"] = ox.NamedNode(str(iris.scheme("instrument")))
    patterns = "\n    ".join(_FILTER_PATTERNS[name] for name in bound if name in _FILTER_PATTERNS)
    return f"{values(bound)}    ?m a npce:Measure .\n    {patterns}\n"


def measures_count(filters: MeasureFilter, iris: Iris) -> str:
    """How many measures pass ``filters`` (``?total``)."""
    return (f"{prefixes(iris)}SELECT (COUNT(DISTINCT ?m) AS ?total) WHERE {{\n"
            f"{_measure_selection(filters, iris)}}}")


def _concat(variable: str, name: str) -> str:
    return f'(GROUP_CONCAT(DISTINCT STR({variable}); separator="{SEPARATOR}") AS ?{name})'


def measures_page(filters: MeasureFilter, iris: Iris, sort: str, limit: int,
                  offset: int) -> str:
    """One page of measures passing ``filters``, with their facets, in ``sort`` order."""
    return f"""{prefixes(iris)}SELECT ?m (MIN(STR(?l)) AS ?label) (SAMPLE(?st) AS ?status)
  (COUNT(DISTINCT ?mm) AS ?mentions) (MIN(?d) AS ?first_date)
  {_concat("?min", "ministries")} {_concat("?ins", "instruments")}
  {_concat("?pg", "product_groups")} {_concat("?goal", "goals")}
  {_concat("?letter", "letters")}
WHERE {{
  {{ SELECT DISTINCT ?m WHERE {{
{_measure_selection(filters, iris)}  }} }}
  ?m rdfs:label ?l .
  OPTIONAL {{ ?m npce:status ?st }}
  OPTIONAL {{ ?m npce:hasMention ?mm . ?mm npce:inLetter/dcterms:identifier ?letter .
             OPTIONAL {{ ?mm dcterms:date ?d }} }}
  OPTIONAL {{ ?m npce:responsibleMinistry/skos:notation ?min }}
  OPTIONAL {{ ?m npce:usesInstrument/skos:notation ?ins }}
  OPTIONAL {{ ?m npce:targetsProductGroup ?pg }}
  OPTIONAL {{ ?m npce:servesGoal ?goal }}
}}
GROUP BY ?m
ORDER BY {SORTS[sort]} ASC(?m)
LIMIT {int(limit)} OFFSET {int(offset)}"""


def measure_relations(measure: ox.NamedNode, iris: Iris) -> str:
    """The label, concepts and status of one measure (``?relation ?concept ?notation
    ?concept_label``; ``?relation`` is ``label`` for the measure's own labels)."""
    return f"""{prefixes(iris)}SELECT DISTINCT ?relation ?concept ?notation ?concept_label WHERE {{
  {values({"m": measure})}  {{ ?m rdfs:label ?concept_label . BIND("label" AS ?relation) }}
  UNION {{ ?m ?p ?concept .
    VALUES (?p ?relation) {{
      (npce:responsibleMinistry "ministries") (npce:usesInstrument "instruments")
      (npce:targetsProductGroup "product_groups") (npce:servesGoal "goals")
      (npce:appliesStrategy "strategies") (npce:concernsEuAct "eu_acts") (npce:status "status") }}
    OPTIONAL {{ ?concept skos:notation ?notation }}
    OPTIONAL {{ ?concept skos:prefLabel ?concept_label FILTER(lang(?concept_label) = "nl") }} }}
}} ORDER BY ?relation ?notation ?concept_label ?concept"""


def measure_amounts(measure: ox.NamedNode, iris: Iris) -> str:
    """The amounts of one measure (``?value ?currency ?letter ?part_of``)."""
    return f"""{prefixes(iris)}SELECT DISTINCT ?amount ?value ?currency ?letter ?part_of WHERE {{
  {values({"m": measure})}  ?m npce:hasAmount ?amount . ?amount schema:value ?value .
  OPTIONAL {{ ?amount schema:currency ?currency }}
  OPTIONAL {{ ?amount dcterms:isPartOf ?part_of }}
  OPTIONAL {{ ?amount npce:evidence/oa:hasTarget/oa:hasSource/dcterms:identifier ?letter }}
}} ORDER BY ?letter ?amount"""


def measure_evidence(measure: ox.NamedNode, iris: Iris) -> str:
    """The evidence of one measure: quote, letter, offsets and confidence."""
    return f"""{prefixes(iris)}SELECT ?evidence ?quote ?letter ?start ?end ?confidence WHERE {{
  {values({"m": measure})}  ?m npce:evidence ?evidence .
  ?evidence oa:hasTarget ?target ; npce:confidence ?confidence .
  ?target oa:hasSource/dcterms:identifier ?letter ;
          oa:hasSelector ?qs , ?ps .
  ?qs a oa:TextQuoteSelector ; oa:exact ?quote .
  ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}} ORDER BY ?letter ?start"""


def measure_timeline(measure: ox.NamedNode, iris: Iris) -> str:
    """The mentions of one measure by date (undated letters last), with the status each letter
    states."""
    return f"""{prefixes(iris)}SELECT ?mention ?letter ?date ?status ?status_label ?source WHERE {{
  {values({"m": measure})}  ?m npce:hasMention ?mention .
  ?mention npce:inLetter/dcterms:identifier ?letter .
  OPTIONAL {{ ?mention dcterms:date ?date }}
  OPTIONAL {{ ?mention npce:status ?status .
             OPTIONAL {{ ?status skos:prefLabel ?status_label
                        FILTER(lang(?status_label) = "nl") }} }}
  OPTIONAL {{ ?mention npce:ministrySource ?source }}
}} ORDER BY (!BOUND(?date)) ?date ?letter ?mention"""


def concepts(kind: str, iris: Iris) -> str:
    """Concepts of ``kind`` (a key of :data:`CONCEPT_LINKS`) that a measure links to or a
    letter names, with how many measures and letters."""
    bound = values({"scheme": ox.NamedNode(str(iris.scheme(kind))),
                    "link": ox.NamedNode(str(iris.npce[CONCEPT_LINKS[kind]]))})
    return f"""{prefixes(iris)}SELECT ?concept (SAMPLE(?n) AS ?notation) (SAMPLE(?pl) AS ?label)
  (COUNT(DISTINCT ?m) AS ?measures) (COUNT(DISTINCT ?l) AS ?letters)
WHERE {{
  {bound}  ?concept skos:inScheme ?scheme .
  OPTIONAL {{ ?concept skos:notation ?n }}
  OPTIONAL {{ ?concept skos:prefLabel ?pl FILTER(lang(?pl) = "nl") }}
  OPTIONAL {{ ?m ?link ?concept ; a npce:Measure }}
  OPTIONAL {{ ?l npce:mentions|dcterms:creator|npce:coSender ?concept ; a npce:Letter }}
}}
GROUP BY ?concept
HAVING (COUNT(DISTINCT ?m) + COUNT(DISTINCT ?l) > 0)
ORDER BY LCASE(STR(?label)) ?concept"""


def letters(iris: Iris, letter: ox.NamedNode | None = None) -> str:
    """Every letter (or one) with its metadata and number of measures, oldest first."""
    bound = values({"l": letter}) if letter is not None else ""
    return f"""{prefixes(iris)}SELECT ?l ?slug (SAMPLE(?d) AS ?date) (SAMPLE(?t) AS ?title)
  (SAMPLE(?ks) AS ?kamerstuk) (SAMPLE(?doc) AS ?document_number) (SAMPLE(?k) AS ?kind)
  (SAMPLE(?sn) AS ?sender) (SAMPLE(?see) AS ?see_also)
  (GROUP_CONCAT(DISTINCT ?co; separator="{SEPARATOR}") AS ?co_senders)
  (COUNT(DISTINCT ?mm) AS ?measures)
WHERE {{
  {bound}  ?l a npce:Letter ; dcterms:identifier ?slug ; dcterms:type ?k .
  OPTIONAL {{ ?l dcterms:date ?d }}
  OPTIONAL {{ ?l dcterms:title ?t }}
  OPTIONAL {{ ?l npce:kamerstuk ?ks }}
  OPTIONAL {{ ?l npce:documentNumber ?doc }}
  OPTIONAL {{ ?l dcterms:creator/skos:notation ?sn }}
  OPTIONAL {{ ?l npce:coSender/skos:notation ?co }}
  OPTIONAL {{ ?l rdfs:seeAlso ?see }}
  OPTIONAL {{ ?mm a npce:MeasureMention ; npce:inLetter ?l }}
}}
GROUP BY ?l ?slug
ORDER BY ?date ?slug"""


def letter_mention_counts(letter: ox.NamedNode, iris: Iris) -> str:
    """Concept mentions of one letter per kind (``?kind ?n``)."""
    return f"""{prefixes(iris)}SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  {values({"l": letter})}  ?x a npce:Mention ; npce:inLetter ?l ; npce:mentionType ?kind .
}} GROUP BY ?kind ORDER BY ?kind"""


def letter_measures(letter: ox.NamedNode, iris: Iris) -> str:
    """The measures one letter mentions, with the status it states."""
    return f"""{prefixes(iris)}SELECT ?m (MIN(STR(?l)) AS ?label) (SAMPLE(?st) AS ?status) WHERE {{
  {values({"letter": letter})}  ?mm a npce:MeasureMention ; npce:inLetter ?letter .
  ?m npce:hasMention ?mm ; rdfs:label ?l .
  OPTIONAL {{ ?mm npce:status ?st }}
}} GROUP BY ?m ORDER BY LCASE(?label) ?m"""


def stats(iris: Iris) -> str:
    """Letters, measures, measure mentions and triples of the public dataset."""
    return f"""{prefixes(iris)}SELECT ?letters ?measures ?measure_mentions ?triples WHERE {{
  {{ SELECT (COUNT(DISTINCT ?l) AS ?letters) WHERE {{ ?l a npce:Letter }} }}
  {{ SELECT (COUNT(DISTINCT ?m) AS ?measures) WHERE {{ ?m a npce:Measure }} }}
  {{ SELECT (COUNT(DISTINCT ?mm) AS ?measure_mentions) WHERE {{ ?mm a npce:MeasureMention }} }}
  {{ SELECT (COUNT(*) AS ?triples) WHERE {{ ?s ?p ?o }} }}
}}"""


def mention_kinds(iris: Iris) -> str:
    """Concept mentions per kind over all letters (``?kind ?n``)."""
    return f"""{prefixes(iris)}SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  ?x a npce:Mention ; npce:mentionType ?kind .
}} GROUP BY ?kind ORDER BY ?kind"""
