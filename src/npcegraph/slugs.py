"""Slugs for IRIs and keys (no rdflib, so every stage may use it)."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII slug: ``"DEI+ CE-regeling"`` -> ``"dei-ce-regeling"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
        slug = slug[: max_length - 9].rstrip("-") + "-" + digest
    return slug or hashlib.sha1(text.encode()).hexdigest()[:12]
