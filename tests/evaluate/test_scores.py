"""The evaluation's matching rules on small hand-made cases."""

from __future__ import annotations

from npcegraph.evaluate.model import LetterRecord, MeasureRecord
from npcegraph.evaluate.scores import Counts, match_measures, score_letter


def measure(key: str, span: tuple[int, int], instruments: set[str] | None = None,
            groups: set[str] | None = None, ministries: set[str] | None = None,
            amounts: set[str] | None = None, status: str = "aangekondigd") -> MeasureRecord:
    """A measure record with the given relations."""
    return MeasureRecord(key, (span,), {
        "instrument": frozenset(instruments or ()), "product_group": frozenset(groups or ()),
        "ministry": frozenset(ministries or ()), "goal": frozenset(),
        "amount": frozenset(amounts or ())}, status)


def letter(measures: tuple[MeasureRecord, ...] = (), instruments: set[str] | None = None,
           amounts: tuple[str, ...] = ()) -> LetterRecord:
    """A letter record with only the parts a case needs."""
    return LetterRecord("kst-1-1", {}, {"instrument": frozenset(instruments or ())},
                        frozenset(), amounts, frozenset(), measures)


GOLD_MEASURE = measure("g1", (100, 150), {"upv"}, {"textiel"}, {"ienw"}, {"12000000"})


def counts(result: dict[str, Counts], category: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of a category."""
    value = result[category]
    return value.tp, value.fp, value.fn


def test_scores_identical_letters_score_one() -> None:
    gold = letter((GOLD_MEASURE,), {"upv", "mki"}, ("12000000",))
    system = letter((measure("upv-textiel", (90, 160), {"upv"}, {"textiel"}, {"ienw"},
                             {"12000000"}),), {"upv", "mki"}, ("12000000",))
    result = score_letter(gold, system)
    assert all(c.f1 == 1.0 for c in result.values()), {k: v for k, v in result.items()
                                                      if v.f1 != 1.0}


def test_scores_wrong_concept_lowers_entity_precision_and_recall() -> None:
    result = score_letter(letter(instruments={"upv", "mki"}),
                          letter(instruments={"upv", "sde-plus-plus"}))
    assert counts(result, "entity:instrument") == (1, 1, 1)
    assert result["entity:instrument"].f1 == 0.5


def test_scores_shifted_span_unmatches_the_measure() -> None:
    system = measure("upv-textiel", (150, 200), {"upv"}, {"textiel"}, {"ienw"}, {"12000000"})
    result = score_letter(letter((GOLD_MEASURE,)), letter((system,)))
    assert counts(result, "measure") == (0, 1, 1)
    assert counts(result, "relation:ministry") == (0, 1, 1)  # its relations no longer count


def test_scores_overlap_of_one_character_is_enough() -> None:
    system = measure("upv-textiel", (149, 200), {"upv"}, {"textiel"})
    assert counts(score_letter(letter((GOLD_MEASURE,)), letter((system,))), "measure") == (
        1, 0, 0)


def test_scores_missing_relation_lowers_only_that_relation() -> None:
    system = measure("upv-textiel", (100, 150), {"upv"}, {"textiel"}, set(), {"12000000"})
    result = score_letter(letter((GOLD_MEASURE,)), letter((system,)))
    assert counts(result, "measure") == (1, 0, 0)
    assert counts(result, "relation:ministry") == (0, 0, 1)
    assert counts(result, "relation:amount") == (1, 0, 0)
    assert counts(result, "relation:instrument") == (1, 0, 0)


def test_scores_different_instrument_is_no_match() -> None:
    system = measure("mki-textiel", (100, 150), {"mki"}, {"textiel"})
    assert counts(score_letter(letter((GOLD_MEASURE,)), letter((system,))), "measure") == (
        0, 1, 1)


def test_scores_disjoint_product_groups_are_no_match_but_missing_ones_are() -> None:
    other_group = measure("upv-matrassen", (100, 150), {"upv"}, {"matrassen"})
    no_group = measure("upv", (100, 150), {"upv"})
    assert match_measures([GOLD_MEASURE], [other_group]) == {}
    assert match_measures([GOLD_MEASURE], [no_group]) == {"upv": "g1"}


def test_scores_matching_pairs_as_many_measures_as_possible() -> None:
    # "a" overlaps both gold measures, most with g1; "b" overlaps only g1. Pairing "a" with g1
    # (its largest overlap) would leave g2 and "b" unpaired: the assignment pairs both.
    second = measure("g2", (200, 250), {"upv"})
    spanning = MeasureRecord("a", ((100, 150), (200, 220)), GOLD_MEASURE.relations, "aangekondigd")
    inside = measure("b", (120, 140), {"upv"})
    assert match_measures([GOLD_MEASURE, second], [spanning, inside]) == {"a": "g2", "b": "g1"}
    result = score_letter(letter((GOLD_MEASURE, second)), letter((spanning, inside)))
    assert counts(result, "measure") == (2, 0, 0)


def test_scores_matching_is_one_to_one_largest_overlap_first() -> None:
    small = measure("a", (140, 160), {"upv"})
    large = measure("b", (100, 150), {"upv"})
    assert match_measures([GOLD_MEASURE], [small, large]) == {"b": "g1"}
    result = score_letter(letter((GOLD_MEASURE,)), letter((small, large)))
    assert counts(result, "measure") == (1, 1, 0)


def test_scores_amounts_count_with_multiplicity() -> None:
    result = score_letter(letter(amounts=("100", "100", "5")), letter(amounts=("100", "7")))
    assert counts(result, "amount") == (1, 1, 2)


def test_scores_status_counts_only_for_matched_measures() -> None:
    wrong_status = measure("upv-textiel", (100, 150), {"upv"}, {"textiel"}, status="afgerond")
    result = score_letter(letter((GOLD_MEASURE,)), letter((wrong_status,)))
    assert counts(result, "status") == (0, 1, 1)


def test_scores_confident_measures_leave_out_the_flagged_ones() -> None:
    flagged = MeasureRecord("upv-textiel", ((100, 150),), GOLD_MEASURE.relations,
                            low_confidence=True)
    stray = measure("mki", (300, 350), {"mki"})
    result = score_letter(letter((GOLD_MEASURE,)), letter((flagged, stray)))
    assert counts(result, "measure") == (1, 1, 0)
    assert counts(result, "measure:confident") == (0, 1, 1)


def test_scores_commitments_match_by_overlap_and_check_the_due_date() -> None:
    gold = LetterRecord("kst-1-1", {}, {}, frozenset(), (), frozenset(), (),
                        commitments=(("2025", (10, 40), ""), ("", (100, 120), "")))
    system = LetterRecord("kst-1-1", {}, {}, frozenset(), (), frozenset(), (),
                          commitments=(("2026", (5, 45), ""), ("", (300, 320), "")))
    result = score_letter(gold, system)
    assert counts(result, "commitment") == (1, 1, 1)
    assert counts(result, "commitment:due") == (0, 1, 2)


def test_scores_commitment_measure_is_the_matched_measure() -> None:
    # the gold commitments belong to g1 and to no measure; the system links the first to the
    # measure matched to g1, the second to a measure of its own
    gold = LetterRecord("kst-1-1", {}, {}, frozenset(), (), frozenset(), (GOLD_MEASURE,),
                        commitments=(("2025", (100, 150), "g1"), ("", (200, 220), "")))
    system = LetterRecord(
        "kst-1-1", {}, {}, frozenset(), (), frozenset(),
        (measure("upv-textiel", (100, 150), {"upv"}, {"textiel"}), measure("mki", (200, 220))),
        commitments=(("2025", (100, 150), "upv-textiel"), ("", (200, 220), "mki")))
    result = score_letter(gold, system)
    assert counts(result, "commitment") == (2, 0, 0)
    assert counts(result, "commitment:measure") == (1, 1, 1)
    unlinked = LetterRecord(**{**system.__dict__,
                               "commitments": (("2025", (100, 150), ""), ("", (200, 220), ""))})
    assert counts(score_letter(gold, unlinked), "commitment:measure") == (1, 1, 1)
