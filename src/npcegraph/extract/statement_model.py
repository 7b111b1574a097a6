"""The measure-statement classifier: logistic regression over sentence features.

Trained from the gold annotations (``npcegraph train-measures``, :mod:`npcegraph.evaluate.train`)
and shipped as a small JSON file of feature weights; applying it needs no more than a dictionary
lookup per feature. Its probability is the statement's confidence: the model is fitted by maximum
likelihood, so the probabilities are calibrated on the data it was trained on. A measure's
confidence starts from its most certain statement and is recalibrated by Platt scaling
(``calibration``), fitted on how often such measures matched gold measures in letters the model
had not seen (``bench/crossval_measures.py`` prints both reliabilities).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from npcegraph.concepts import Vocabulary
from npcegraph.extract.statement_features import SentenceContext, sentence_features

MODEL_FILE = "measure_statements.json"
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class StatementModel:
    """Feature weights, a bias and two thresholds: a sentence at or above ``threshold`` is a
    measure statement; a measure needs one statement at or above ``seed`` (statements between
    the two only add to a measure that has such a statement)."""

    weights: dict[str, float]
    bias: float
    threshold: float = DEFAULT_THRESHOLD
    meta: dict[str, object] = field(default_factory=dict)
    calibration: tuple[float, float] = (1.0, 0.0)  # Platt scaling of measure confidence: a, b
    seed: float = 0.0  # below ``threshold``: no further condition

    @property
    def measure_seed(self) -> float:
        """The probability a measure's most certain statement must reach."""
        return max(self.threshold, self.seed)

    def probability(self, features: Sequence[str]) -> float:
        """The probability that a sentence with these features states a measure."""
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in features))

    def sentence_probability(self, context: SentenceContext, vocabulary: Vocabulary) -> float:
        """The probability that a candidate sentence states a measure (from its features)."""
        return self.probability(sentence_features(context, vocabulary))

    def measure_probability(self, statement_probability: float) -> float:
        """The probability that a measure is right, given its most certain statement's
        probability: ``sigmoid(a * logit(p) + b)``."""
        a, b = self.calibration
        return _sigmoid(a * _logit(statement_probability) + b)

    def to_json(self) -> str:
        """The model as JSON, weights sorted by name (stable diffs)."""
        return json.dumps({"bias": self.bias, "threshold": self.threshold, "seed": self.seed,
                           "meta": self.meta,
                           "calibration": list(self.calibration),
                           "weights": dict(sorted(self.weights.items()))},
                          indent=0, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> StatementModel:
        """Read a model written by :meth:`to_json`."""
        raw = json.loads(text)
        return cls(weights={k: float(v) for k, v in raw["weights"].items()},
                   bias=float(raw["bias"]), threshold=float(raw["threshold"]),
                   seed=float(raw.get("seed", 0.0)), meta=raw.get("meta", {}),
                   calibration=tuple(float(x) for x in raw.get("calibration", (1.0, 0.0))))


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _logit(probability: float) -> float:
    p = min(0.999, max(0.001, probability))
    return math.log(p / (1.0 - p))


def fit_platt(pairs: Sequence[tuple[float, bool]], l2: float = 0.01,
              iterations: int = 50) -> tuple[float, float]:
    """Platt scaling ``(a, b)`` that maps probabilities to observed outcomes (Newton's method,
    a small L2 penalty keeps it defined when the outcomes separate)."""
    if not pairs or all(label for _, label in pairs) or not any(label for _, label in pairs):
        return (1.0, 0.0)
    x = np.array([_logit(p) for p, _ in pairs])
    y = np.array([1.0 if label else 0.0 for _, label in pairs])
    design = np.column_stack([x, np.ones_like(x)])
    theta = np.array([1.0, 0.0])
    for _ in range(iterations):
        predicted = 1.0 / (1.0 + np.exp(-np.clip(design @ theta, -30, 30)))
        gradient = design.T @ (predicted - y) + l2 * theta
        hessian = (design.T * (predicted * (1 - predicted))) @ design + l2 * np.eye(2)
        theta = theta - np.linalg.solve(hessian, gradient)
    return (round(float(theta[0]), 4), round(float(theta[1]), 4))


def model_path() -> Path:
    """Where the shipped model lives (inside the package)."""
    return Path(str(resources.files("npcegraph"))) / "models" / MODEL_FILE


@lru_cache(maxsize=1)
def shipped_model() -> StatementModel:
    """The model that ships with the package."""
    return StatementModel.from_json(model_path().read_text(encoding="utf-8"))


def fit(examples: Sequence[tuple[Sequence[str], bool]], l2: float = 1.0, min_count: int = 2,
        iterations: int = 400, learning_rate: float = 0.1) -> StatementModel:
    """Fit L2-regularised logistic regression (full-batch Adam, deterministic).

    Features seen fewer than ``min_count`` times are left out; ``l2`` is the penalty on the
    summed squared weights (not on the bias), relative to the number of examples.
    """
    counts = Counter(f for features, _ in examples for f in set(features))
    names = sorted(f for f, n in counts.items() if n >= min_count and f != "bias")
    index = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((len(examples), len(names)), dtype=np.float64)
    for row, (features, _) in enumerate(examples):
        for f in features:
            if f in index:
                matrix[row, index[f]] = 1.0
    labels = np.array([1.0 if label else 0.0 for _, label in examples])
    weights, bias = np.zeros(len(names)), 0.0
    moments = [np.zeros(len(names)), np.zeros(len(names)), 0.0, 0.0]
    beta1, beta2, epsilon = 0.9, 0.999, 1e-8
    n = max(1, len(examples))
    for step in range(1, iterations + 1):
        scores = np.clip(matrix @ weights + bias, -30, 30)
        error = 1.0 / (1.0 + np.exp(-scores)) - labels
        gradient = matrix.T @ error / n + l2 * weights / n
        gradient_bias = float(error.mean())
        moments[0] = beta1 * moments[0] + (1 - beta1) * gradient
        moments[1] = beta2 * moments[1] + (1 - beta2) * gradient ** 2
        moments[2] = beta1 * moments[2] + (1 - beta1) * gradient_bias
        moments[3] = beta2 * moments[3] + (1 - beta2) * gradient_bias ** 2
        correction1, correction2 = 1 - beta1 ** step, 1 - beta2 ** step
        weights -= learning_rate * (moments[0] / correction1) / (
            np.sqrt(moments[1] / correction2) + epsilon)
        bias -= learning_rate * (moments[2] / correction1) / (
            math.sqrt(moments[3] / correction2) + epsilon)
    kept = {name: round(float(w), 4) for name, w in zip(names, weights, strict=True)
            if abs(w) >= 1e-4}
    return StatementModel(weights=kept, bias=round(float(bias), 4),
                          meta={"examples": len(examples), "positives": int(labels.sum()),
                                "l2": l2, "min_count": min_count, "iterations": iterations})
