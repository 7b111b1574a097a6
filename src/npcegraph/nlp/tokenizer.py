"""Tokenizer adjustments for Dutch policy prose.

Abbreviations such as ``nr.``, ``o.a.``, ``m.b.t.`` and ``mln.`` stay one token (so the sentence
splitter never breaks after them), and hyphenated compounds (``UPV-regeling``, ``MKI-eis``) and
slashed pairs (``VNO-NCW/MKB-Nederland``) are split so that the names inside them can be matched
on their own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

ABBREVIATIONS = (
    "nr.", "nrs.", "Nr.", "o.a.", "m.b.t.", "mln.", "mld.", "mrd.", "bijv.", "i.p.v.", "d.w.z.",
    "e.d.", "ca.", "art.", "resp.", "jl.", "incl.", "excl.", "blz.", "zgn.", "z.s.m.", "t.a.v.",
    "n.a.v.", "i.s.m.", "m.n.", "vs.", "t.b.v.", "o.b.v.", "m.i.v.", "i.c.m.", "e.a.", "enz.",
    "etc.", "dhr.", "mw.", "mevr.", "drs.", "dr.", "ir.", "prof.", "mr.", "Kamerst.", "t/m",
    "vgl.", "p.", "pag.", "kg.", "min.", "max.", "gem.", "o.g.v.", "a.s.", "z.g.", "i.o.m.",
)

# A hyphen between letters/digits splits (``UPV-regeling`` -> ``UPV``, ``-``, ``regeling``).
HYPHEN_INFIX = r"(?<=[A-Za-z0-9+À-ÿ])-(?=[A-Za-zÀ-ÿ])"
# A slash between words splits (``NCW/MKB`` -> ``NCW``, ``/``, ``MKB``); ``t/m`` is an exception.
SLASH_INFIX = r"(?<=[A-Za-z0-9À-ÿ])/(?=[A-Za-zÀ-ÿ])"


def customise_tokenizer(nlp: Language) -> None:
    """Add abbreviation exceptions and the hyphen and slash infixes to ``nlp``'s tokenizer."""
    tokenizer = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    infixes = list(nlp.Defaults.infixes or []) + [HYPHEN_INFIX, SLASH_INFIX]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
