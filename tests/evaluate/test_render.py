"""The evaluation tables: every letter named in full, however narrow the terminal."""

from __future__ import annotations

import io

from rich.console import Console

from npcegraph.evaluate.render import print_reports
from npcegraph.evaluate.run import SetReport
from npcegraph.evaluate.scores import Counts


def _printed(width: int, letters: int) -> str:
    report = SetReport("heldout", letters={
        f"kst-32852-{950 + i}": {"measure": Counts(3, 1, 0), "relation:goal": Counts(1, 0, 1)}
        for i in range(letters)})
    out = io.StringIO()
    print_reports([report], Console(file=out, width=width, color_system=None))
    return out.getvalue()


def test_narrow_terminals_split_the_letters_over_tables_instead_of_cutting_names() -> None:
    text = _printed(80, 8)
    assert text.count("heldout: F1 per letter") == 2
    assert all(f"32852-{950 + i}" in text for i in range(8))
    assert "…" not in text
    assert "relation:goal" in text and "0.67" in text and "0.86" in text


def test_wide_terminals_show_all_letters_in_one_table() -> None:
    assert _printed(200, 8).count("heldout: F1 per letter") == 1
