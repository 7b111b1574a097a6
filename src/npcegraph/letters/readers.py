"""Read a letter file in any supported format: ``read_letter`` and ``letter_from_text``.

* ``.txt``: bytes decoded as UTF-8 (a byte-order mark, also UTF-16's, is honoured); failing
  that as cp1252, with a warning; failing that the file is undecodable. NUL bytes outside
  UTF-16 mean binary data, not text.
* ``.pdf``: pypdf's text of each page, pages separated by a form feed, then the plain-text path.
* ``.docx``: paragraphs in order (tables row by row, cells joined by `` | ``), heading styles as
  headings, list styles as items, footnotes from ``word/footnotes.xml`` with their references.
* ``.html``/``.htm``/``.xml``: see :mod:`.markup`.

Every failure is a :class:`~npcegraph.errors.LetterError` naming the file and the problem.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..errors import LetterError
from .build import build
from .markup import html_to_draft, xml_to_draft
from .model import HEADING, ITEM, Block, Draft, Letter, marker
from .normalise import clean_chars, qa_layout, text_to_draft
from .sections import heading_level

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".html", ".htm", ".xml", ".pdf", ".docx"})

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_letter(path: Path) -> Letter:
    """Read, normalise and parse the letter at ``path``."""
    path = Path(path)
    if not path.exists():
        raise LetterError(path, "file not found")
    if not path.is_file():
        raise LetterError(path, "not a file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = repr(suffix) if suffix else "(none)"
        raise LetterError(path, f"unsupported suffix {shown}; supported: {supported}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LetterError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise LetterError(path, "empty file")
    source = str(path)
    if suffix == ".pdf":
        draft = text_to_draft(pdf_text(data, source), source, "pdf")
    elif suffix == ".docx":
        draft = docx_to_draft(data, source)
    else:
        text, warnings = decode_text(data, source)
        if suffix in (".html", ".htm"):
            draft = html_to_draft(text, source)
        elif suffix == ".xml":
            draft = xml_to_draft(text, source)
        else:
            draft = text_to_draft(text, source, "txt")
        draft.warnings[:0] = warnings
    _require_text(draft)
    return build(draft)


def letter_from_text(text: str, source: str = "<text>", source_format: str = "txt") -> Letter:
    """Parse a letter given as a string (``source_format`` ``html``/``xml`` parse markup)."""
    if not text or not text.strip():
        raise LetterError(source, "empty text")
    if source_format in ("html", "htm"):
        draft = html_to_draft(text, source)
    elif source_format == "xml":
        draft = xml_to_draft(text, source)
    else:
        draft = text_to_draft(text, source, source_format)
    _require_text(draft)
    return build(draft)


def _require_text(draft: Draft) -> None:
    if not any(b.text.strip() for b in draft.blocks) and not draft.footnotes:
        raise LetterError(draft.source, "no letter text found")


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (or a BOM's encoding), else cp1252 with a warning."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as exc:
                raise LetterError(source, f"undecodable {encoding} text: {exc.reason}") from exc
    if b"\x00" in data:
        raise LetterError(source, "binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not UTF-8: decoded as cp1252 (Windows-1252)"]
    except UnicodeDecodeError as exc:
        raise LetterError(source, "undecodable: neither UTF-8 nor cp1252") from exc


# ---------------------------------------------------------------------------------------------
# PDF


def pdf_text(data: bytes, source: str) -> str:
    """The text of every page, pages separated by a form feed."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LetterError(source, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LetterError:
        raise
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError,
            struct.error, zlib.error, RecursionError) as exc:
        raise LetterError(source, f"corrupt PDF: {exc}") from exc
    if not any(p.strip() for p in pages):
        raise LetterError(source, "PDF has no extractable text (scanned images?)")
    return "\f".join(pages)


# ---------------------------------------------------------------------------------------------
# DOCX


def docx_to_draft(data: bytes, source: str) -> Draft:
    """Paragraphs, tables and footnotes of a DOCX file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        notes_xml = _docx_footnotes(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise LetterError(source, f"corrupt DOCX: {exc}") from exc
    draft = Draft(source, "docx", [])
    refs: dict[str, int] = {}
    number = 0
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            text = _docx_runs(child, notes_xml, refs, draft)
            style = _docx_style(document, child)
            if style == "title":
                draft.hint("markup", "title", text.strip())
                continue
            block = Block(text)
            if style.startswith(("heading", "kop")):
                depth = int(re.sub(r"\D", "", style) or 1)
                block.kind, block.level = HEADING, max(heading_level(text), min(depth, 3))
            elif "list" in style or "lijst" in style:
                number = number + 1 if "number" in style or "nummer" in style else 0
                prefix = f"{number}. " if number else "• "
                block.kind, block.text = ITEM, prefix + text
            else:
                number = 0
            draft.blocks.append(block)
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [_docx_runs(c, notes_xml, refs, draft) for c in row.iter(f"{_W}tc")]
                draft.blocks.append(Block(" | ".join(c for c in cells if c)))
    title = (document.core_properties.title or "").strip()
    draft.hint("markup", "title", title)
    draft.footnotes = [(n, clean_chars(t)) for n, t in draft.footnotes]
    draft.qa_layout = qa_layout("\n".join(b.text for b in draft.blocks))
    return draft


def _docx_style(document: object, p: etree._Element) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return ""
    style_id = style.get(f"{_W}val", "")
    styles = document.styles  # type: ignore[attr-defined]
    for s in styles:
        if s.style_id == style_id:
            return str(s.name or style_id).lower()
    return str(style_id).lower()


def _docx_footnotes(document: object) -> dict[str, str]:
    notes: dict[str, str] = {}
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if rel.is_external or not rel.reltype.endswith("/footnotes"):
            continue
        root = etree.fromstring(rel.target_part.blob)
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator",
                                         "continuationNotice"):
                continue
            paras = [" ".join("".join(t.text or "" for t in p.iter(f"{_W}t")).split())
                     for p in note.iter(f"{_W}p")]
            notes[note.get(f"{_W}id", "")] = " ".join(p for p in paras if p)
    return notes


def _docx_runs(element: etree._Element, notes: dict[str, str], refs: dict[str, int],
               draft: Draft) -> str:
    parts: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr",
                             f"{_W}footnoteReference", f"{_W}noBreakHyphen"):
        if node.tag == f"{_W}t":
            parts.append(clean_chars(node.text or ""))
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif node.tag == f"{_W}footnoteReference":
            note_id = node.get(f"{_W}id", "")
            if note_id not in refs:
                refs[note_id] = len(draft.footnotes)
                draft.footnotes.append((str(len(draft.footnotes) + 1), notes.get(note_id, "")))
            parts.append(marker(refs[note_id]))
        else:
            parts.append(" ")
    return "".join(parts)
