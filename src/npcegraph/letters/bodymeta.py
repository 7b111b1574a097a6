"""Metadata read from the body of a letter (source ``text``; see :mod:`.metadata`).

* addressee: ``Aan de Voorzitter van de Tweede Kamer der Staten-Generaal`` near the top;
  in a verslag, whom the questions were put to (``voorgelegd aan de Minister van ...``).
* date: ``Den Haag, 20 maart 2025`` near the top. A verslag schriftelijk overleg carries its own
  date only as ``Vastgesteld <datum>`` in the header; when that is missing (PDF text without
  header) the date of the answering letter (``Bij brief van 18 april 2023 zijn de vragen
  beantwoord``) is used - the last event the document records - with a warning.
* sender and signer: the signature at the end (``De Minister van ...,`` then a name such as
  ``M.G.J. Harbers``); in a verslag the committee (``De vaste commissie voor ... heeft``); in
  answers to Kamervragen the ``Antwoord van minister <naam> (<ministerie>) (ontvangen <datum>)``
  line, which also gives the date.
* co-senders: the titles after the first ``mede namens`` that names ministers or
  staatssecretarissen, without footnote markers; failing that, the titles of further signatures.
* kind: a question-and-answer layout with ``vragen en opmerkingen`` is a verslag schriftelijk
  overleg; ``Vraag N`` with ``Antwoord N`` are answers to Kamervragen; a letter signed by a
  minister or staatssecretaris is a brief regering (the last two are guesses, with a warning).
"""

from __future__ import annotations

import re

from . import metadata
from .model import SIGNATURE, Block
from .paragraphs import ADDRESSEE, DATELINE

NAME = re.compile(
    r"^(?:(?:dr|drs|mr|ir|prof|ing)\.\s)*(?:[A-Z][a-z]{0,2}\.\s?)+"
    r"(?:(?:van|de|der|den|ten|ter|het|'t|in 't)\s)*[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?$"
)
_SIG_INLINE = re.compile(r"^(?:De|de)\s+(.{5,150}?),\s+(\S.*)$")
_MEDE = re.compile(r"\bmede namens\s+")
_COMMISSIE = re.compile(r"^De (vaste commissie voor .+?|commissie voor .+?) heeft\b")
_VOORGELEGD = re.compile(r"\bvoorgelegd aan\s+")
_ANSWER_BY = re.compile(
    r"^Antwoord van (?:de )?(?P<role>minister|staatssecretaris) (?P<name>[^(]+?) "
    r"\((?P<ministry>[^)]+)\)(?: \(ontvangen (?P<date>\d{1,2} \w+ \d{4})\))?",
    re.IGNORECASE,
)
# Blocks searched for the addressee and the dateline (a page dump may put its own furniture
# and a metadata table above the letter).
HEAD_BLOCKS = 40
_ANSWERED = re.compile(r"Bij brief van (\d{1,2} \w+ \d{4}) zijn de vragen beantwoord")


def body_fields(
    blocks: list[Block], qa: bool, known: dict[str, object]
) -> tuple[dict[str, object], list[str]]:
    """Fields found in the body blocks (placeholders already removed) and warnings.

    ``known`` holds what more trusted sources gave; guesses for those fields are skipped.
    """
    fields: dict[str, object] = {}
    warnings: list[str] = []
    texts = [b.text for b in blocks]
    head = texts[:HEAD_BLOCKS]
    for t in head:
        if ADDRESSEE.match(t) and "addressee" not in fields:
            fields["addressee"] = metadata.normalise_role(t[4:])
        if DATELINE.match(t) and "date" not in fields:
            fields["date"] = metadata.parse_date(t)
    for t in texts[:5]:
        if m := _ANSWER_BY.match(t):
            role = f"{m.group('role')} van {m.group('ministry')}"
            fields.setdefault("sender", metadata.normalise_role(role))
            fields.setdefault("signer_name", m.group("name").strip())
            if m.group("date"):
                fields.setdefault("date", metadata.parse_date(m.group("date")))
            break
    _signature(blocks, fields)
    _co_senders(texts, fields)
    kind = known.get("kind") or _kind(texts, qa, fields, warnings)
    if kind and "kind" not in known:
        fields["kind"] = kind
    if kind == "verslag-schriftelijk-overleg":
        _verslag(texts, fields, warnings, "date" in known)
    fields.pop("signed_with", None)
    return fields, warnings


def _signature(blocks: list[Block], fields: dict[str, object]) -> None:
    """Signatures among the last blocks: the first signs as sender, the others co-sign."""
    tail = [b.text for b in blocks[-12:]]
    found: list[tuple[str | None, str | None]] = []
    for i, text in enumerate(tail):
        nxt = tail[i + 1] if i + 1 < len(tail) else ""
        role = metadata.normalise_role(text) if text.endswith(",") else None
        if role and text[:3].lower() == "de " and metadata.ROLE_RE.match(role[:60]):
            # "De Minister van ...," or, in capitals, "DE STAATSSECRETARIS VAN ...,"
            found.append((role, nxt if NAME.match(nxt) else None))
        elif (m := _SIG_INLINE.match(text)) and NAME.match(m.group(2)):
            if metadata.ROLE_RE.match(m.group(1)):
                found.append((metadata.normalise_role(m.group(1)), m.group(2)))
    if not found:
        return
    fields.setdefault("sender", found[0][0])
    if found[0][1]:
        fields.setdefault("signer_name", found[0][1])
    co = tuple(role for role, _ in found[1:] if role)
    if co:
        fields["signed_with"] = co


def mark_signatures(blocks: list[Block]) -> None:
    """The name block after a signature title is part of the signature, not a heading."""
    for i, block in enumerate(blocks[:-1]):
        if block.kind == SIGNATURE and blocks[i + 1].kind != SIGNATURE:
            if NAME.match(blocks[i + 1].text):
                blocks[i + 1].kind = SIGNATURE


def _co_senders(texts: list[str], fields: dict[str, object]) -> None:
    for text in texts[: max(3, len(texts) // 2)]:
        for m in _MEDE.finditer(text):
            roles = metadata.roles_in(text[m.end():])
            if roles:
                fields["co_senders"] = tuple(roles)
                return
    if fields.get("signed_with"):
        fields["co_senders"] = fields["signed_with"]


def _kind(texts: list[str], qa: bool, fields: dict[str, object], warnings: list[str]) -> str | None:
    joined_head = " ".join(texts[:30]).lower()
    if qa and ("vragen en opmerkingen" in joined_head or "schriftelijk overleg" in joined_head):
        return "verslag-schriftelijk-overleg"
    has_vraag = any(re.match(r"^Vraag \d+", t) for t in texts)
    has_antw = any(re.match(r"^Antwoord \d+", t) for t in texts)
    if has_vraag and has_antw:
        warnings.append("kind guessed from 'Vraag'/'Antwoord' blocks: antwoord-kamervragen")
        return "antwoord-kamervragen"
    if qa:
        warnings.append("kind guessed from numbered questions and answers: verslag")
        return "verslag-schriftelijk-overleg"
    sender = str(fields.get("sender") or "")
    if re.match(r"(Minister|Staatssecretaris)", sender):
        warnings.append("kind guessed from the signature: brief-regering")
        return "brief-regering"
    return None


def _verslag(
    texts: list[str], fields: dict[str, object], warnings: list[str], date_known: bool
) -> None:
    for text in texts[:5]:
        if (m := _COMMISSIE.match(text)) and "sender" not in fields:
            fields["sender"] = metadata.normalise_role(m.group(1))
        if (m := _VOORGELEGD.search(text)) and "addressee" not in fields:
            roles = metadata.roles_in(text[m.end():], limit=1)
            if roles:
                fields["addressee"] = roles[0]
        if (m := _ANSWERED.search(text)) and "date" not in fields and not date_known:
            date = metadata.parse_date(m.group(1))
            if date:
                fields["date"] = date
                warnings.append(
                    f"date guessed: the verslag gives no date of its own; {date.isoformat()} "
                    "is the date of the letter that answered the questions"
                )
