"""Gold annotation files (``tests/gold/*.yaml``) read into :class:`LetterRecord`s.

A letter may be annotated in parts (``parts/<slug>-a.yaml``, ...): parts with the same
``letter`` are merged (lists joined, metadata from the part that has it).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from npcegraph.errors import NpcegraphError
from npcegraph.evaluate.model import ENTITY_TYPES, LetterRecord, MeasureRecord
from npcegraph.letters import Letter
from npcegraph.namespaces import slugify

_LIST_KEYS = ("amounts", "references", "measures", "commitments", "questions")


class GoldError(NpcegraphError):
    """A gold file is malformed or does not fit its letter."""


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldError(path, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or "letter" not in data:
        raise GoldError(path, "expected a mapping with a 'letter' key")
    data["_path"] = str(path)
    return data


def _merge(into: dict[str, Any], part: dict[str, Any]) -> None:
    for key in _LIST_KEYS:
        into[key] = list(into.get(key) or []) + list(part.get(key) or [])
    entities = into.setdefault("entities", {}) or {}
    for kind, items in (part.get("entities") or {}).items():
        entities[kind] = sorted(set(entities.get(kind) or []) | set(items or []))
    into["entities"] = entities
    for key in ("metadata", "file"):
        if part.get(key) and not into.get(key):
            into[key] = part[key]


def load_gold_dir(directory: Path) -> dict[str, dict[str, Any]]:
    """Raw gold per letter slug from ``directory/*.yaml`` and ``directory/parts/*.yaml``."""
    result: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("parts/*.yaml")):
        data = _read(path)
        slug = str(data["letter"])
        if slug in result:
            _merge(result[slug], data)
        else:
            result[slug] = {"letter": slug}
            _merge(result[slug], data)
            result[slug]["_path"] = data["_path"]
    return result


def locate(text: str, quote: str, occurrence: int, source: str) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th exact occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            raise GoldError(source, f"quote not found in the letter text: {quote!r}")
    return start, start + len(quote)


def amount_key(value: object) -> str:
    """A canonical string for an amount in euros."""
    number = Decimal(str(value))
    return str(number.quantize(Decimal(1))) if number == number.to_integral_value() \
        else str(number.normalize())


def _quotes(item: dict[str, Any]) -> list[tuple[str, int]]:
    quotes = item.get("quotes") or ([item["quote"]] if item.get("quote") else [])
    occurrence = int(item.get("occurrence", 1))
    return [(q if isinstance(q, str) else q["text"],
             occurrence if isinstance(q, str) else int(q.get("occurrence", 1))) for q in quotes]


def _slugs(items: list[Any] | None) -> frozenset[str]:
    return frozenset(str(i) for i in items or [] if not str(i).startswith("new:"))


def _measure_of(commitment: dict[str, Any], keys: set[str], source: str) -> str:
    """The id of the measure a gold commitment belongs to ("" for none); it must exist."""
    key = str(commitment.get("measure") or "")
    if key and key not in keys:
        raise GoldError(source, f"commitment {commitment.get('quote')!r} names measure {key!r}, "
                        "which the letter's measures do not have")
    return key


def gold_record(raw: dict[str, Any], letter: Letter) -> LetterRecord:
    """The gold of one letter, quotes located in ``letter.text``."""
    source = raw.get("_path", raw["letter"])
    entities_raw = raw.get("entities") or {}
    entities = {kind: _slugs(entities_raw.get(kind)) for kind in ENTITY_TYPES}
    new = frozenset((kind, slugify(str(item)[4:])) for kind, items in entities_raw.items()
                    for item in items or [] if str(item).startswith("new:"))
    measures = []
    for item in raw.get("measures") or []:
        spans = tuple(locate(letter.text, q, n, source) for q, n in _quotes(item))
        if not spans:
            raise GoldError(source, f"measure {item.get('id')} has no quote")
        relations = {
            "ministry": _slugs(item.get("ministries")),
            "instrument": _slugs(item.get("instruments")),
            "product_group": _slugs(item.get("product_groups")),
            "goal": _slugs(item.get("goals")),
            "amount": frozenset(amount_key(v) for v in item.get("amounts") or []),
        }
        measures.append(MeasureRecord(str(item["id"]), spans, relations,
                                      str(item.get("status") or "onbekend")))
    metadata = dict(raw.get("metadata") or {})
    if isinstance(metadata.get("date"), date):
        metadata["date"] = metadata["date"].isoformat()
    if "co_senders" in metadata:
        metadata["co_senders"] = frozenset(metadata["co_senders"] or [])
    for key in ("dossier", "number", "document_number", "signer"):
        if metadata.get(key) is not None:
            metadata[key] = str(metadata[key])
    keys = {m.key for m in measures}
    commitments = tuple(
        (str(item.get("due") or ""), locate(letter.text, q, n, source),
         _measure_of(item, keys, source))
        for item in raw.get("commitments") or [] for q, n in _quotes(item)[:1])
    questions = frozenset((str(q["number"]), str(q.get("party") or ""))
                          for q in raw.get("questions") or [])
    return LetterRecord(
        letter=str(raw["letter"]), metadata=metadata, entities=entities, new_concepts=new,
        amounts=tuple(amount_key(a["value"]) for a in raw.get("amounts") or []),
        references=frozenset((str(r["type"]), str(r["id"])) for r in raw.get("references") or []),
        measures=tuple(measures), questions=questions, commitments=commitments,
    )
