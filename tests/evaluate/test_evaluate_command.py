"""``npcegraph evaluate`` and the threshold choice of ``train-measures`` on a hand-made gold
folder: two short letters (written for these tests) with their annotations."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from npcegraph.evaluate.train import measure_threshold
from npcegraph.extract.statement_model import StatementModel
from npcegraph.pipeline import Pipeline

GOLD = Path(__file__).resolve().parent / "data" / "gold"


def evaluate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The evaluate command in a fresh process."""
    return subprocess.run([sys.executable, "-m", "npcegraph", "evaluate", *map(str, args)],
                          capture_output=True, text=True, timeout=600, check=False)


def _counts(report: dict, category: str) -> tuple[int, int, int]:
    counts = report["overall"][category]
    return counts["tp"], counts["fp"], counts["fn"]


def test_evaluate_scores_the_gold_letters_and_cross_validates_on_request(
        corpus_dir: Path) -> None:
    plain = evaluate(GOLD, "--json", "--corpus", corpus_dir)
    assert plain.returncode == 0, plain.stderr
    assert list(json.loads(plain.stdout)) == ["gold"]

    result = evaluate(GOLD, "--json", "--cross-validate", "--corpus", corpus_dir)
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert list(reports) == ["gold", "gold (leave-one-letter-out)"]
    seen, unseen = reports["gold"], reports["gold (leave-one-letter-out)"]
    assert sorted(unseen["letters"]) == ["kst-99999-1", "kst-99999-2"]
    # With the shipped classifier every gold measure is found with its relations.
    assert _counts(seen, "measure") == (4, 0, 0)
    assert _counts(seen, "relation:ministry") == (4, 0, 0)
    assert _counts(seen, "relation:amount") == (2, 0, 0)
    assert seen["metadata"]["correct"] == seen["metadata"]["total"] == 10
    # A classifier trained on one short letter alone is far less sure what is no measure: it
    # also keeps "Het weer was deze winter zacht." and "Beton is een veelgebruikt materiaal."
    # (each a measure of its own, the second with the product group beton).
    assert _counts(unseen, "measure") == (4, 2, 0)
    assert _counts(unseen, "relation:ministry") == (4, 0, 0)
    assert _counts(unseen, "relation:product_group") == (4, 1, 0)


def test_evaluate_names_the_gold_file_whose_quote_is_not_in_the_letter(
        corpus_dir: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    shutil.copytree(GOLD, gold)
    path = gold / "kst-99999-2.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Ik zal de MKI-eis in 2027 verlagen", "Ik zal de MKI-eis in 2028 verlagen"),
        encoding="utf-8")
    result = evaluate(gold, "--corpus", corpus_dir)
    assert result.returncode == 2
    assert "kst-99999-2.yaml" in result.stderr
    assert "quote not found in the letter text: 'Ik zal de MKI-eis in 2028 verlagen'" in (
        " ".join(result.stderr.split()))


def test_the_threshold_is_chosen_on_the_measures_the_pipeline_finds(corpus_dir: Path) -> None:
    # Fold models that give a sentence naming an instrument 0.88 and any other 0.12: below
    # 0.15 every sentence (the salutation, "Het weer was deze winter zacht.") becomes a measure;
    # from 0.15 to 0.85 exactly the four gold measures are found; above, none. Smoothing over
    # neighbouring steps picks the lowest threshold inside the plateau.
    from npcegraph.settings import Settings

    model = StatementModel(weights={"has=instrument": 4.0}, bias=-2.0)
    folds = {"kst-99999-1": model, "kst-99999-2": model}
    assert measure_threshold(folds, GOLD, corpus_dir, Pipeline(Settings())) == 0.2


def test_a_gold_commitment_must_name_a_measure_of_its_letter() -> None:
    from npcegraph.evaluate.gold import GoldError, gold_record
    from npcegraph.letters import letter_from_text

    letter = letter_from_text("Ik zal de UPV voor matrassen in 2027 invoeren.\n")
    raw = {"letter": "kst-1-1", "_path": "kst-1-1.yaml",
           "measures": [{"id": "m1", "quote": "Ik zal de UPV voor matrassen"}],
           "commitments": [{"quote": "in 2027 invoeren", "due": "2027", "measure": "m2"}]}
    with pytest.raises(GoldError, match="names measure 'm2', which the letter's measures do"):
        gold_record(raw, letter)
    raw["commitments"][0]["measure"] = "m1"
    assert gold_record(raw, letter).commitments == (("2027", (29, 45), "m1"),)


def test_evaluate_errors_lists_each_letters_measure_errors(corpus_dir: Path) -> None:
    """``--errors`` adds, per letter, the unmatched measures with their reasons (none here:
    the shipped classifier finds every gold measure of the hand-made letters)."""
    result = evaluate(GOLD, "--json", "--errors", "--corpus", corpus_dir)
    assert result.returncode == 0, result.stderr
    errors = json.loads(result.stdout)["gold"]["errors"]
    assert sorted(errors) == ["kst-99999-1", "kst-99999-2"]
    assert [e for letter in errors.values() for e in letter["measures"]] == []
    plain = evaluate(GOLD, "--json", "--corpus", corpus_dir)
    assert "errors" not in json.loads(plain.stdout)["gold"]
    table = evaluate(GOLD, "--errors", "--corpus", corpus_dir)
    assert "gold: measure errors in kst-99999-1" in table.stdout
