"""The measure-error listing of ``npcegraph evaluate --errors`` on small hand-made cases."""

from __future__ import annotations

from dataclasses import replace

from npcegraph.evaluate.errors import letter_errors
from tests.evaluate.test_scores import letter, measure

TEXT = "x" * 400


def reasons(gold: tuple, system: tuple) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(side, key, reason, overlapping keys) of each unmatched measure, in text order."""
    errors = letter_errors(letter(gold), letter(system), TEXT)
    return [(e.side, e.key, e.reason, e.overlapping) for e in errors.measures]


def test_errors_a_miss_and_an_extra_without_any_overlap() -> None:
    gold = (measure("g1", (10, 40), {"upv"}),)
    system = (measure("sde", (200, 240), {"sde"}),)
    assert reasons(gold, system) == [("miss", "g1", "no statement", ()),
                                     ("extra", "sde", "no statement", ())]


def test_errors_an_overlap_with_another_instrument_or_product_group() -> None:
    assert reasons((measure("g1", (10, 40), {"upv"}, {"textiel"}),),
                   (measure("sde", (20, 60), {"sde"}, {"textiel"}),)) == [
        ("miss", "g1", "instrument differs", ("sde",)),
        ("extra", "sde", "instrument differs", ("g1",))]
    assert reasons((measure("g1", (10, 40), {"upv"}, {"textiel"}),),
                   (measure("upv-matrassen", (20, 60), {"upv"}, {"matrassen"}),)) == [
        ("miss", "g1", "product group differs", ("upv-matrassen",)),
        ("extra", "upv-matrassen", "product group differs", ("g1",))]


def test_errors_one_system_measure_absorbing_two_gold_measures() -> None:
    # the system states both gold measures in one measure: one pair, one gold measure left
    gold = (measure("g1", (10, 40), {"upv"}), measure("g2", (100, 140), {"upv"}))
    system = (replace(measure("upv", (10, 40), {"upv"}), spans=((10, 40), (100, 120))),)
    errors = letter_errors(letter(gold), letter(system), TEXT)
    assert [(e.side, e.key, e.reason, e.overlapping) for e in errors.measures] == [
        ("miss", "g2", "paired elsewhere", ("upv",))]


def test_errors_a_matched_pair_lists_what_differs() -> None:
    gold = (measure("g1", (10, 40), {"upv"}, {"textiel"}, {"ienw"}, status="aangekondigd"),)
    system = (measure("upv-textiel", (10, 40), {"upv", "dei"}, {"textiel"}, set(),
                      status="in-uitvoering"),)
    errors = letter_errors(letter(gold), letter(system), TEXT)
    assert errors.measures == ()
    assert [p.as_dict() for p in errors.pairs] == [{
        "gold": "g1", "system": "upv-textiel", "missing": {"ministry": ["ienw"]},
        "extra": {"instrument": ["dei"]}, "status": ["aangekondigd", "in-uitvoering"]}]


def test_errors_an_agreeing_pair_is_no_error() -> None:
    both = measure("g1", (10, 40), {"upv"}, {"textiel"}, {"ienw"})
    errors = letter_errors(letter((both,)), letter((both,)), TEXT)
    assert (errors.measures, errors.pairs) == ((), ())
