"""Run the pipeline on annotated letters and score it: ``npcegraph evaluate``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from npcegraph.evaluate.errors import LetterErrors, letter_errors
from npcegraph.evaluate.gold import GoldError, gold_record, load_gold_dir
from npcegraph.evaluate.scores import Counts, metadata_agreement, score_letter
from npcegraph.evaluate.system import normalise_references, system_record
from npcegraph.extract.statement_model import shipped_model
from npcegraph.letters import read_letter
from npcegraph.pipeline import Pipeline


@dataclass
class SetReport:
    """Scores of one set of letters (the tuning corpus or the held-out letters)."""

    name: str
    letters: dict[str, dict[str, Counts]] = field(default_factory=dict)
    metadata: dict[str, dict[str, bool]] = field(default_factory=dict)
    errors: dict[str, LetterErrors] = field(default_factory=dict)

    def overall(self) -> dict[str, Counts]:
        """Counts pooled over the letters."""
        pooled: dict[str, Counts] = {}
        for counts in self.letters.values():
            for category, value in counts.items():
                pooled.setdefault(category, Counts()).add(value)
        return pooled

    def metadata_accuracy(self) -> tuple[int, int]:
        """Correct and total metadata fields."""
        values = [ok for fields in self.metadata.values() for ok in fields.values()]
        return sum(values), len(values)

    def as_dict(self, errors: bool = False) -> dict[str, Any]:
        """A JSON-ready form; with ``errors``, the measure errors of each letter too."""
        correct, total = self.metadata_accuracy()
        result = {
            "set": self.name,
            "overall": {k: v.as_dict() for k, v in sorted(self.overall().items())},
            "metadata": {"correct": correct, "total": total, "letters": self.metadata},
            "letters": {slug: {k: v.as_dict() for k, v in sorted(c.items())}
                        for slug, c in self.letters.items()},
        }
        if errors:
            result["errors"] = {slug: e.as_dict() for slug, e in self.errors.items()}
        return result


def letter_path(raw: dict[str, Any], gold_dir: Path, corpus: Path) -> Path:
    """Where a gold file's letter is: beside the gold (``letters/``) or in the corpus."""
    name = raw.get("file")
    if not name:
        raise GoldError(raw.get("_path"), "missing 'file' (the letter's file name)")
    for candidate in (gold_dir / "letters" / name, gold_dir / name, corpus / name):
        if candidate.is_file():
            return candidate
    raise GoldError(raw.get("_path"), f"letter file {name!r} not found in "
                    f"{gold_dir / 'letters'} or {corpus}")


def _named(slug: str, raw: dict[str, Any], only: Sequence[str]) -> bool:
    return slug in only or raw.get("file") in only


def evaluate_set(name: str, gold_dir: Path, corpus: Path, pipeline: Pipeline,
                 only: Sequence[str] = ()) -> SetReport:
    """Score every annotated letter of ``gold_dir`` (or those named in ``only``)."""
    report = SetReport(name)
    for slug, raw in sorted(load_gold_dir(gold_dir).items()):
        if only and not _named(slug, raw, only):
            continue
        letter = read_letter(letter_path(raw, gold_dir, corpus))
        gold = gold_record(raw, letter)
        gold = gold.__class__(**{**gold.__dict__, "references": normalise_references(
            gold.references, pipeline.vocabulary)})
        facts = pipeline.facts(letter)
        system = system_record(letter, facts, pipeline.vocabulary)
        report.letters[slug] = score_letter(gold, system)
        report.metadata[slug] = metadata_agreement(gold, system)
        labels = {str(m.get("id")): str(m.get("label") or "") for m in raw.get("measures") or []}
        labels.update({m.key: m.label for m in facts.measures})
        report.errors[slug] = letter_errors(gold, system, letter.text, labels)
    return report


def evaluate(gold_dir: Path, corpus: Path, pipeline: Pipeline,
             only: Sequence[str] = (), cross_validate: bool = False) -> list[SetReport]:
    """The gold directory's own letters, with ``cross_validate`` also scored by classifiers
    that did not see them, and its ``heldout/`` letters as a separate set."""
    reports = [evaluate_set(gold_dir.name, gold_dir, corpus, pipeline, only)]
    if cross_validate:
        reports.append(evaluate_cross_validated(gold_dir, corpus, pipeline, only))
    heldout = gold_dir / "heldout"
    if heldout.is_dir() and any(heldout.glob("*.yaml")):
        reports.append(evaluate_set("heldout", heldout, corpus, pipeline, only))
    return [r for r in reports if r.letters]


def evaluate_cross_validated(gold_dir: Path, corpus: Path, pipeline: Pipeline,
                             only: Sequence[str] = ()) -> SetReport:
    """Score each letter of ``gold_dir`` (or those named in ``only``) with the
    measure-statement classifier trained on the directory's other letters, at the model's own
    threshold and calibration: the figures of letters the classifier has not seen."""
    from npcegraph.evaluate.train import cross_validated, letter_examples

    own = pipeline.statement_model
    model = own or shipped_model()
    golds = load_gold_dir(gold_dir)
    folds = cross_validated(letter_examples(gold_dir, corpus, pipeline))
    report = SetReport(f"{gold_dir.name} (leave-one-letter-out)")
    try:
        for slug, fold in sorted(folds.items()):
            if only and not _named(slug, golds[slug], only):
                continue
            pipeline.statement_model = replace(fold, threshold=model.threshold, seed=model.seed,
                                               calibration=model.calibration)
            part = evaluate_set(report.name, gold_dir, corpus, pipeline, [slug])
            report.letters.update(part.letters)
            report.metadata.update(part.metadata)
            report.errors.update(part.errors)
    finally:
        pipeline.statement_model = own
    return report
