"""The money-per-instrument query counts a budget once, not again through its parts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from npcegraph.cli import app
from tests.extract.conftest import HEADER

BODY = (
    "Ik open in 2026 de DEI+ CE-regeling met € 65 miljoen uit het Klimaatfonds, waarvan "
    "€ 45 miljoen in de eerste openstelling.\n\n"
    "Daarnaast stel ik € 12 miljoen beschikbaar voor de UPV voor matrassen.\n"
)


def test_money_per_instrument_does_not_count_a_part_twice(tmp_path: Path) -> None:
    letter, store = tmp_path / "kst-32852-990.txt", tmp_path / "store"
    letter.write_text(HEADER + BODY, encoding="utf-8")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(letter), "--store", str(store)])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(app, ["query", "money-per-instrument", "--store", str(store),
                                 "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["instrument"], r["euros"], r["amounts"]) for r in rows] == [
        ("DEI+CE", "65000000", "1"), ("Klimaatfonds", "65000000", "1"),
        ("UPV", "12000000", "1")]
