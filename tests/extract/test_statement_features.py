"""What the measure-statement classifier sees of a sentence: policy language, not topics."""

from __future__ import annotations

from npcegraph.concepts import Vocabulary
from npcegraph.extract.statement_features import SentenceContext, sentence_features


def _context(text: str) -> SentenceContext:
    return SentenceContext(start=0, text=text, previous="", mentions=(), amounts=(), status="",
                           in_answer=False, government_action=False)


def test_a_sentence_is_described_by_its_policy_language(tiny_vocab: Vocabulary) -> None:
    features = sentence_features(
        _context("Ik laat in 2026 onderzoeken of een heffing op matrassen nodig is."), tiny_vocab)
    assert [f for f in features if f.startswith("cue=")] == [
        "cue=date", "cue=evaluative", "cue=research"]
    assert "voice" in features


def test_topic_words_are_no_features(tiny_vocab: Vocabulary) -> None:
    # Trained on four letters, words learn those letters' topics: two sentences that differ
    # only in what they are about look the same to the classifier.
    mattresses = sentence_features(
        _context("Ik zal de inzameling van matrassen in 2027 verbeteren."), tiny_vocab)
    tyres = sentence_features(
        _context("Ik zal de inzameling van autobanden in 2027 verbeteren."), tiny_vocab)
    assert mattresses == tyres
    assert not [f for f in mattresses if f.startswith(("w=", "p=", "start"))]
