"""officielebekendmakingen-style HTML and XML to a :class:`Draft`.

Metadata comes from the markup first (source ``markup``): the ``<meta name=... content=...>``
tags both formats carry (``OVERHEIDop.dossiernummer``, ``OVERHEIDop.ondernummer``,
``OVERHEIDop.vergaderjaar``, ``OVERHEIDop.dossiertitel``, ``OVERHEIDop.indiener``,
``OVERHEIDop.datumBrief``, ``OVERHEIDop.documenttitel``, ``DC.title``, ``DC.type``;
``DCTERMS.issued`` is the publication date, used only when the letter gives no date), then the
kamerstuk elements of the XML (``tekstregel inhoud="vergaderjaar"``, ``dossiernr``,
``dossier/titel``, ``ondernummer``, ``stuk/titel``, ``datum/@isodatum``, ``ondertekening``).

Body: HTML navigation, headers, footers, scripts and forms are dropped; the content is the
``.stuk`` element, else ``<article>``/``<main>``/``<body>``. Headings (``h2``-``h6``, XML
``tussenkop``/``kop``), paragraphs (``p``, ``al``), list items (``li``, prefixed ``•`` or their
number) and table rows become blocks. Footnotes come from the footnote list (an element whose
class or id is ``voetnoten``/``footnotes``/``noten``; XML ``noot``), and their markers
(``<sup>``/``<a href="#id">`` in HTML, the ``noot`` element's place in XML) become placeholders,
so anchors are exact, not guessed.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from lxml import etree

from ..errors import LetterError
from . import metadata
from .model import HEADING, ITEM, SIGNATURE, Block, Draft, marker
from .normalise import clean_chars, qa_layout
from .sections import heading_level

_NOTES_NAME = re.compile(r"^(?:voetnoten|footnotes?|noten|notes|eindnoten|voetnootlijst)$", re.I)
_NOTE_ITEM = re.compile(r"^(?:voetnoot|footnote|noot|note)$", re.I)
_JUNK_NAME = re.compile(
    r"^(?:nav|navigation|navbar|menu|breadcrumbs?|skiplinks?|cookie\w*|site-header|site-footer)$",
    re.I,
)
_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "div",
          "section", "article", "main", "blockquote", "dd", "dt", "dl", "address", "pre",
          "header", "footer", "figure", "figcaption"}


def _meta_hints(meta: dict[str, list[str]], draft: Draft) -> None:
    def get(name: str) -> str:
        values = meta.get(name.lower()) or [""]
        return clean_chars(values[0]).strip()

    if dossier := get("OVERHEIDop.dossiernummer"):
        draft.hint("markup", "dossier", metadata.dossier_key(dossier))
    draft.hint("markup", "number", get("OVERHEIDop.ondernummer"))
    if m := re.match(r"(\d{4})\s*[-–/]\s*(\d{4})", get("OVERHEIDop.vergaderjaar")):
        draft.hint("markup", "year_label", metadata.year_label(m.group(1), m.group(2)))
    draft.hint("markup", "dossier_title", get("OVERHEIDop.dossiertitel"))
    draft.hint("markup", "signer_name", get("OVERHEIDop.indiener")
               or get("OVERHEIDop.ondertekenaar"))
    for name in ("OVERHEIDop.datumBrief", "OVERHEIDop.datumOndertekening"):
        draft.hint("markup", "date", metadata.parse_date(get(name)))
    draft.hint("markup", "issued", metadata.parse_date(get("DCTERMS.issued")))
    title = get("OVERHEIDop.documenttitel")
    segments = [s.strip() for s in get("DC.title").split(";") if s.strip()]
    for candidate in [title, get("DC.type"), *segments]:
        if candidate.lower() in metadata.DOC_TYPES:
            draft.hint("markup", "kind", metadata.DOC_TYPES[candidate.lower()])
    content = [s for s in [title, *segments[::-1]] if s.lower() not in metadata.DOC_TYPES]
    draft.hint("markup", "title", content[0] if content else None)


# ---------------------------------------------------------------------------------------------
# HTML


def html_to_draft(text: str, source: str) -> Draft:
    """Parse officielebekendmakingen-style HTML (or any letter-like HTML page)."""
    soup = BeautifulSoup(text, "lxml")
    draft = Draft(source, "html", [])
    meta: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        name = tag.get("name") or tag.get("property")
        if name and tag.get("content") is not None:
            meta.setdefault(str(name).lower(), []).append(str(tag["content"]))
    _meta_hints(meta, draft)
    for tag in soup(["script", "style", "noscript", "template", "svg", "form", "button",
                     "iframe", "nav", "aside", "head"]):
        tag.decompose()
    for tag in soup.find_all(_is_junk):
        tag.decompose()
    root = soup.find(class_="stuk") or soup.find("article") or soup.find("main") or soup.body
    if root is None:
        raise LetterError(source, "no HTML body")
    for cls, key in (("dossiernummer", "dossier"), ("dossiertitel", "dossier_title")):
        for tag in root.find_all(class_=cls):
            value = clean_chars(tag.get_text(" ")).strip()
            draft.hint("markup", key, metadata.dossier_key(value) if key == "dossier" else value)
            tag.decompose()
    _html_footnotes(root, draft)
    for br in root.find_all("br"):
        br.replace_with(" ")
    _html_walk(root, draft)
    draft.qa_layout = qa_layout("\n".join(b.text for b in draft.blocks))
    return draft


def _is_junk(tag: Tag) -> bool:
    if tag.name in ("header", "footer") and not tag.find_parent(class_="stuk"):
        return True
    if tag.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    names = list(tag.get("class") or []) + [tag.get("id") or ""]
    return any(_JUNK_NAME.match(str(n)) for n in names if n)


def _names(tag: Tag) -> list[str]:
    return [str(n) for n in list(tag.get("class") or []) + [tag.get("id") or ""] if n]


def _html_footnotes(root: Tag, draft: Draft) -> None:
    containers = [t for t in root.find_all(True) if any(_NOTES_NAME.match(n) for n in _names(t))]
    containers = [c for c in containers if not any(p in containers for p in c.parents)]
    items: list[Tag] = []
    for container in containers:
        items += container.find_all("li") or [
            c for c in container.find_all(["p", "div"]) if c.get_text(strip=True)
            and not c.find(["p", "div"])
        ]
    if not containers:
        items = [t for t in root.find_all(True) if any(_NOTE_ITEM.match(n) for n in _names(t))]
    by_id: dict[str, int] = {}
    by_number: dict[str, int] = {}
    for item in items:
        ids = [item.get("id")] + [a.get("id") or a.get("name") for a in item.find_all("a")]
        for back in item.find_all("a", href=re.compile(r"^#")):
            if not back.get_text(strip=True).isdigit():
                back.decompose()
        number = None
        lead = item.find(["sup", "span", "a"], string=re.compile(r"^\s*\d{1,3}\s*$"))
        if lead is not None:
            number = lead.get_text(strip=True)
            lead.decompose()
        body = re.sub(r"[↩\ufe0e]", "", clean_chars(item.get_text(""))).strip()
        if number is None:
            m = re.match(r"^(\d{1,3})[.)]?\s+(.*)$", body, re.S)
            number, body = (m.group(1), m.group(2)) if m else (str(len(draft.footnotes) + 1), body)
        position = len(draft.footnotes)
        draft.footnotes.append((number, " ".join(body.split())))
        by_number.setdefault(number, position)
        for i in ids:
            if i:
                by_id[str(i)] = position
    for container in containers:
        container.decompose()
    for item in items:
        if not item.decomposed:
            item.decompose()
    for ref in list(root.find_all(["a", "sup"])):
        if ref.decomposed or not any(p is root for p in ref.parents):
            continue
        href = str(ref.get("href") or "")
        index: int | None = by_id.get(href[1:]) if href.startswith("#") else None
        if index is None and ref.name == "sup":
            index = by_number.get(ref.get_text(strip=True))
        if index is None:
            continue
        target = ref.parent if ref.parent is not None and ref.parent.name == "sup" else ref
        target.replace_with(NavigableString(marker(index)))


def _inline(tag: Tag) -> str:
    return " ".join(tag.get_text("").split())


def _has_block(tag: Tag) -> bool:
    return any(isinstance(c, Tag) and c.name in _BLOCK for c in tag.descendants)


def _html_walk(node: Tag, draft: Draft) -> None:
    pending: list[str] = []

    def flush() -> None:
        text = " ".join("".join(pending).split())
        pending.clear()
        if text:
            draft.blocks.append(Block(text))

    for child in list(node.children):
        if isinstance(child, NavigableString):
            pending.append(_clean_keep(str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            flush()
            text = _clean_keep(_inline(child))
            if name == "h1":
                draft.blocks.append(Block(text))
            elif text:
                depth = int(name[1]) - 1
                draft.blocks.append(Block(text, HEADING, max(heading_level(text), min(depth, 3))))
        elif name in ("ul", "ol"):
            flush()
            for i, li in enumerate(child.find_all("li", recursive=False), 1):
                nested = li.find_all(["ul", "ol"], recursive=False)
                for n in nested:
                    n.extract()
                prefix = f"{i}. " if name == "ol" else "• "
                text = _clean_keep(_inline(li))
                if text:
                    draft.blocks.append(Block(prefix + text, ITEM))
                for n in nested:
                    holder = BeautifulSoup("<div></div>", "lxml").div
                    assert holder is not None
                    holder.append(n)
                    _html_walk(holder, draft)
        elif name == "table":
            flush()
            for row in child.find_all("tr"):
                cells = [_clean_keep(_inline(c)) for c in row.find_all(["td", "th"])]
                if any(cells):
                    draft.blocks.append(Block(" | ".join(c for c in cells if c)))
        elif name in _BLOCK and _has_block(child):
            flush()
            _html_walk(child, draft)
        elif name in _BLOCK:
            flush()
            text = _clean_keep(_inline(child))
            if text:
                draft.blocks.append(Block(text))
        elif _has_block(child):
            flush()
            _html_walk(child, draft)
        else:
            pending.append(_clean_keep(child.get_text("")))
    flush()


def _clean_keep(text: str) -> str:
    """``clean_chars`` that keeps footnote placeholders."""
    parts = re.split(r"(\ue000\d+\ue001)", text)
    return "".join(p if p.startswith("\ue000") else clean_chars(p) for p in parts)


# ---------------------------------------------------------------------------------------------
# XML


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def xml_to_draft(text: str, source: str) -> Draft:
    """Parse an officielebekendmakingen kamerstuk XML document."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, remove_pis=True, huge_tree=True)
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = etree.fromstring(body.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise LetterError(source, f"malformed XML: {exc}") from exc
    draft = Draft(source, "xml", [])
    meta: dict[str, list[str]] = {}
    for el in root.iter():
        if _local(el.tag) in ("meta", "metadata") and el.get("name") and el.get("content"):
            meta.setdefault(el.get("name", "").lower(), []).append(el.get("content", ""))
    _meta_hints(meta, draft)
    _xml_fields(root, draft)
    stuk = next((el for el in root.iter() if _local(el.tag) == "stuk"), root)
    _xml_walk(stuk, draft)
    draft.qa_layout = qa_layout("\n".join(b.text for b in draft.blocks))
    return draft


def _text(el: etree._Element | None) -> str:
    return " ".join(clean_chars("".join(el.itertext())).split()) if el is not None else ""


def _find(root: etree._Element, *path: str) -> etree._Element | None:
    for el in root.iter():
        if _local(el.tag) != path[-1]:
            continue
        parents = [_local(p.tag) for p in el.iterancestors()]
        if all(p in parents for p in path[:-1]):
            return el
    return None


def _xml_fields(root: etree._Element, draft: Draft) -> None:
    for el in root.iter():
        if _local(el.tag) == "tekstregel" and el.get("inhoud") == "vergaderjaar":
            if m := re.search(r"(\d{4})\s*[-–/]\s*(\d{4})", _text(el)):
                draft.hint("markup", "year_label", metadata.year_label(m.group(1), m.group(2)))
    if nr := _text(_find(root, "dossiernummer", "dossiernr")):
        draft.hint("markup", "dossier", metadata.dossier_key(nr))
    draft.hint("markup", "dossier_title", _text(_find(root, "dossier", "titel")))
    draft.hint("markup", "number", _text(_find(root, "stuknr", "ondernummer")))
    doc_title = _text(_find(root, "stuk", "titel"))
    for key, value in metadata.doc_title_fields(doc_title).items():
        draft.hint("markup", key, value)
    for el in root.iter():
        if _local(el.tag) == "datum" and el.get("isodatum"):
            draft.hint("markup", "date", metadata.parse_date(el.get("isodatum", "")))
    sign = _find(root, "ondertekening")
    if sign is not None:
        draft.hint("markup", "sender", metadata.normalise_role(_text(_find(sign, "functie"))))
        draft.hint("markup", "signer_name", _text(_find(sign, "naam")))


_XML_SKIP = {"kamerstukkop", "dossier", "stuknr", "metadata", "meta", "noot", "li.nr"}


def _xml_inline(el: etree._Element, draft: Draft) -> str:
    parts = [el.text or ""]
    for child in el:
        tag = _local(child.tag)
        if tag == "noot":
            parts.append(_xml_note(child, draft))
        elif tag not in ("li.nr",) and tag:
            parts.append(_xml_inline(child, draft))
        parts.append(child.tail or "")
    return _clean_keep(" ".join("".join(parts).split()))


def _xml_note(note: etree._Element, draft: Draft) -> str:
    nr = _text(_find(note, "noot.nr")) or str(len(draft.footnotes) + 1)
    text = " ".join(_text(c) for c in note if _local(c.tag) not in ("noot.nr", ""))
    draft.footnotes.append((nr, text))
    return marker(len(draft.footnotes) - 1)


def _xml_walk(el: etree._Element, draft: Draft) -> None:
    parent = _local(el.tag)
    for child in el:
        tag = _local(child.tag)
        if not tag or tag in _XML_SKIP or (tag == "titel" and parent in ("stuk", "kamerstuk")):
            continue
        if tag in ("al", "dagtekening", "adres.regel", "aanhef", "slotformulering"):
            if text := _xml_inline(child, draft):
                draft.blocks.append(Block(text))
        elif tag == "tussenkop":
            if text := _xml_inline(child, draft):
                draft.blocks.append(Block(text, HEADING, heading_level(text)))
        elif tag == "kop":
            text = " ".join(_xml_inline(c, draft) for c in child
                            if _local(c.tag) in ("label", "nr", "titel"))
            if text.strip():
                draft.blocks.append(Block(text.strip(), HEADING, heading_level(text)))
        elif tag == "li":
            nr = _text(_find(child, "li.nr")) or "•"
            texts = [_xml_inline(c, draft) for c in child if _local(c.tag) == "al"]
            draft.blocks.append(Block(f"{nr} {' '.join(texts)}".strip(), ITEM))
            for sub in child:
                if _local(sub.tag) == "lijst":
                    _xml_walk(sub, draft)
        elif tag == "ondertekening":
            for part in child:
                if text := _xml_inline(part, draft):
                    draft.blocks.append(Block(text, SIGNATURE))
        elif tag == "row":
            cells = [_xml_inline(c, draft) for c in child if _local(c.tag) == "entry"]
            if any(cells):
                draft.blocks.append(Block(" | ".join(c for c in cells if c)))
        else:
            _xml_walk(child, draft)
