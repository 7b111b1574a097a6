"""A :class:`Draft` to a :class:`Letter`: classify, place footnotes, assemble, merge metadata.

Assembly: the body blocks joined by one blank line, then - when there are footnotes - a final
``Voetnoten`` heading and one line per footnote, ``<number> <text>``. Footnote placeholders are
removed from the body and their positions become the footnotes' anchors (a space doubled by the
removal is dropped). Every offset is computed here, on the final text.

Metadata is merged field by field from the sources in order of trust (see :mod:`.metadata`);
what is missing or guessed is recorded in ``Letter.warnings``.
"""

from __future__ import annotations

import datetime
import re

from . import metadata
from .bodymeta import body_fields, mark_signatures
from .footnotes import place_markers
from .model import (
    HEADING,
    MARK_CLOSE,
    MARK_OPEN,
    Block,
    Draft,
    Footnote,
    Letter,
    Section,
)
from .sections import classify, questions_and_answers

VOETNOTEN = "Voetnoten"
_ORDER = ("markup", "site", "header", "text", "footer")
_PLACEHOLDER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def build(draft: Draft) -> Letter:
    """Turn a reader's draft into the final letter."""
    warnings = list(draft.warnings)
    blocks = _tidy(draft.blocks)
    top = blocks[:metadata.HEADER_REACH + 12]
    header, used = metadata.parse_header([b.text for b in top if b.kind is None])
    if used:
        unclassified = [i for i, b in enumerate(top) if b.kind is None]
        drop = {unclassified[i] for i in used}
        blocks = [b for i, b in enumerate(blocks) if i not in drop]
    for key, value in header.items():
        draft.hint("header", key, value)
    for key, value in metadata.parse_table_rows([b.text for b in top]).items():
        draft.hint("site", key, value)
    classify(blocks, draft.qa_layout)
    mark_signatures(blocks)
    if draft.detect_markers:
        warnings += place_markers(blocks, draft.footnotes)
    text, spans, anchors = _assemble(blocks)
    sections = [
        Section(b.text, b.level or 2, *spans[i]) for i, b in enumerate(blocks) if b.kind == HEADING
    ]
    questions, answers, qa_warnings = questions_and_answers(blocks, spans)
    warnings += qa_warnings
    text, footnotes, notes_section = _append_footnotes(text, draft.footnotes, anchors)
    if notes_section:
        sections.append(notes_section)
    known = _merged(draft.hints)
    fields, body_warnings = body_fields(blocks, draft.qa_layout, known)
    draft.hints["text"] = {k: v for k, v in fields.items() if v not in (None, "", ())}
    meta, meta_warnings = _metadata(draft)
    warnings += body_warnings + meta_warnings + _shape_warnings(blocks)
    date = meta["date"]
    return Letter(
        source=draft.source,
        source_format=draft.source_format,
        text=text,
        kind=str(meta["kind"]),
        title=_opt(meta["title"]),
        dossier=_opt(meta["dossier"]),
        dossier_title=_opt(meta["dossier_title"]),
        number=_opt(meta["number"]),
        document_number=_opt(meta["document_number"]),
        date=date if isinstance(date, datetime.date) else None,
        year_label=_opt(meta["year_label"]),
        sender=_opt(meta["sender"]),
        signer_name=_opt(meta["signer_name"]),
        co_senders=tuple(str(c) for c in meta["co_senders"]),  # type: ignore[attr-defined]
        addressee=_opt(meta["addressee"]),
        sections=tuple(sections),
        footnotes=tuple(footnotes),
        questions=tuple(questions),
        answers=tuple(answers),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _tidy(blocks: list[Block]) -> list[Block]:
    out = []
    for block in blocks:
        block.text = re.sub(r"\s+", " ", block.text).strip()
        if block.text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").strip():
            out.append(block)
    return out


def strip_placeholders(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove footnote placeholders; return the text and ``(footnote index, offset)`` pairs."""
    out = ""
    found: list[tuple[int, int]] = []
    last = 0
    for m in _PLACEHOLDER.finditer(text):
        out += text[last:m.start()]
        last = m.end()
        if out.endswith(" ") and (last == len(text) or text[last] in " ,.;:!?)"):
            out = out[:-1]
        found.append((int(m.group(1)), len(out)))
    out += text[last:]
    lead = len(out) - len(out.lstrip())
    out = out.strip()
    return out, [(i, min(max(0, off - lead), len(out))) for i, off in found]


def _assemble(blocks: list[Block]) -> tuple[str, list[tuple[int, int]], dict[int, int]]:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    anchors: dict[int, int] = {}
    pos = 0
    for block in blocks:
        clean, found = strip_placeholders(block.text)
        block.text = clean
        if parts:
            pos += 2
        for index, offset in found:
            anchors.setdefault(index, pos + offset)
        spans.append((pos, pos + len(clean)))
        parts.append(clean)
        pos += len(clean)
    return "\n\n".join(parts), spans, anchors


def _append_footnotes(
    text: str, notes: list[tuple[str, str]], anchors: dict[int, int]
) -> tuple[str, list[Footnote], Section | None]:
    if not notes:
        return text, [], None
    prefix = f"{text}\n\n" if text else ""
    head_start = len(prefix)
    section = Section(VOETNOTEN, 1, head_start, head_start + len(VOETNOTEN))
    pieces = [prefix, VOETNOTEN, "\n\n"]
    pos = head_start + len(VOETNOTEN) + 2
    footnotes: list[Footnote] = []
    for index, (number, note) in enumerate(notes):
        note = re.sub(r"\s+", " ", note).strip()
        line = f"{number} {note}" if note else number
        if index:
            pieces.append("\n")
            pos += 1
        start = pos + len(number) + (1 if note else 0)
        footnotes.append(Footnote(number, note, start, start + len(note), anchors.get(index)))
        pieces.append(line)
        pos += len(line)
    return "".join(pieces), footnotes, section


def _merged(hints: dict[str, dict[str, object]]) -> dict[str, object]:
    merged: dict[str, object] = {}
    for source in _ORDER:
        for key, value in hints.get(source, {}).items():
            merged.setdefault(key, value)
    return merged


def _pick(hints: dict[str, dict[str, object]], key: str) -> tuple[object, str | None]:
    for source in _ORDER:
        value = hints.get(source, {}).get(key)
        if value not in (None, "", ()):
            return value, source
    return None, None


def _metadata(draft: Draft) -> tuple[dict[str, object], list[str]]:
    hints = draft.hints
    warnings: list[str] = []
    meta: dict[str, object] = {}
    sources: dict[str, str | None] = {}
    for key in ("kind", "title", "dossier", "dossier_title", "number", "document_number",
                "date", "year_label", "sender", "signer_name", "addressee"):
        meta[key], sources[key] = _pick(hints, key)
    co = hints.get("text", {}).get("co_senders") or _pick(hints, "co_senders")[0] or ()
    meta["co_senders"] = tuple(co)  # type: ignore[arg-type]
    from_footer = [k for k in ("dossier", "number", "year_label") if sources[k] == "footer"]
    if "dossier" in from_footer or "number" in from_footer:
        warnings.append("no header: kamerstuk taken from page footers")
    elif from_footer:
        warnings.append("vergaderjaar taken from page footers")
    footer = hints.get("footer", {})
    if footer.get("dossier") and meta["dossier"] and sources["dossier"] != "footer" and (
        footer.get("dossier"), footer.get("number")
    ) != (meta["dossier"], meta["number"]):
        warnings.append(
            f"page footers name kamerstuk {footer.get('dossier')}-{footer.get('number')}, "
            f"not {meta['dossier']}-{meta['number']}"
        )
    if not meta["dossier"] or not meta["number"]:
        warnings.append("kamerstuk (dossier and number) unknown")
    if meta["dossier"] and not meta["dossier_title"]:
        title = metadata.KNOWN_DOSSIERS.get(str(meta["dossier"]))
        if title:
            meta["dossier_title"] = title
            warnings.append("dossier title taken from the built-in list of known dossiers")
    date = meta["date"]
    issued, _ = _pick(hints, "issued")
    if not isinstance(date, datetime.date) and isinstance(issued, datetime.date):
        date = meta["date"] = issued
        warnings.append("date: the letter gives none; the publication date is used")
    if not isinstance(date, datetime.date):
        meta["date"] = None
        warnings.append("date unknown")
    elif not meta["year_label"]:
        meta["year_label"] = metadata.vergaderjaar_for(date)
        warnings.append("vergaderjaar derived from the date")
    if not meta["kind"]:
        meta["kind"] = "onbekend"
        warnings.append("kind unknown")
    if not meta["sender"]:
        warnings.append("sender unknown")
    return meta, warnings


def _shape_warnings(blocks: list[Block]) -> list[str]:
    body = [b for b in blocks if b.kind not in ("signature",)]
    if not body:
        return ["no body text"]
    warnings = []
    first, last = body[0].text, body[-1].text
    if first[0].islower():
        warnings.append("text starts mid-sentence: the beginning may be missing")
    if last[-1].isalpha() and last[-1].islower() and body[-1].kind != HEADING:
        warnings.append("text ends mid-sentence: the letter may be cut off")
    return warnings
