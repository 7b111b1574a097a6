"""Merging statements into measures: what a merged measure takes from its statements."""

from __future__ import annotations

from npcegraph.concepts import Vocabulary
from npcegraph.extract.facts import Measure, sentence_evidence
from npcegraph.extract.resolve import resolve_measures

STATUS = "https://w3id.org/npcegraph/id/status/"
SDE = "https://w3id.org/npcegraph/id/instrument/sde-plus-plus"
GROUP = "https://w3id.org/npcegraph/id/product-group/"


def _statement(text: str, start: int, confidence: float, status: str,
               groups: tuple[str, ...] = ()) -> Measure:
    evidence = sentence_evidence(start, text, confidence)
    return Measure(key="", label="", evidence=evidence, status=STATUS + status,
                   instruments=(SDE,), product_groups=groups, statements=(evidence,))


def test_a_doubtful_statement_does_not_set_the_status_of_a_measure(
        tiny_vocab: Vocabulary) -> None:
    # An ambition in the present tense ("running" by default) that the classifier doubts, then
    # the exploration the letter announces: the measure is being prepared.
    text = ("Het kabinet streeft met de SDE++ naar minder uitstoot. "
            "De mogelijkheden hiertoe worden bij de SDE++ onderzocht.")
    doubtful = _statement(text[:55], 0, 0.32, "in-uitvoering")
    sure = _statement(text[56:], 56, 0.87, "in-voorbereiding")
    [measure] = resolve_measures([doubtful, sure], tiny_vocab, text)
    assert measure.status == STATUS + "in-voorbereiding"
    assert [s.start for s in measure.statements] == [0, 56]
    [alone] = resolve_measures([doubtful], tiny_vocab, text)
    assert alone.status == STATUS + "in-uitvoering"


def test_a_doubtful_statement_adds_no_product_group_to_a_measure(tiny_vocab: Vocabulary) -> None:
    text = ("Met de SDE++ werken we aan textiel en matrassen. "
            "Ik stel de SDE++ open voor het recyclen van matrassen.")
    doubtful = _statement(text[:48], 0, 0.3, "in-uitvoering",
                          (GROUP + "textiel", GROUP + "matrassen"))
    sure = _statement(text[49:], 49, 0.9, "aangekondigd", (GROUP + "matrassen",))
    [measure] = resolve_measures([doubtful, sure], tiny_vocab, text)
    assert measure.product_groups == (GROUP + "matrassen",)
