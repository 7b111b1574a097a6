"""Evaluation reports as tables (rich) or JSON."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from npcegraph.evaluate.run import SetReport


def reports_json(reports: list[SetReport], errors: bool = False) -> str:
    """All sets as one JSON document (with ``errors``, each letter's measure errors too)."""
    return json.dumps({r.name: r.as_dict(errors) for r in reports}, indent=2,
                      ensure_ascii=False, default=sorted)


def print_errors(reports: list[SetReport], console: Console) -> None:
    """Each letter's unmatched measures with their reasons, and the matched pairs whose
    relations or status differ."""
    for report in reports:
        for slug, errors in sorted(report.errors.items()):
            table = Table(title=f"{report.name}: measure errors in {slug}", show_lines=False)
            for column in ("", "key", "reason", "at", "statement / quote"):
                table.add_column(column, overflow="fold")
            for e in errors.measures:
                mark = "miss" if e.side == "miss" else ("extra*" if e.low_confidence else "extra")
                near = f" ({', '.join(e.overlapping)})" if e.overlapping else ""
                shown = f"{e.label}\n{e.quote}" if e.label else e.quote
                table.add_row(mark, e.key, e.reason + near, str(e.start), shown)
            for p in errors.pairs:
                parts = [f"-{k}: {', '.join(v)}" for k, v in p.missing.items()]
                parts += [f"+{k}: {', '.join(v)}" for k, v in p.extra.items()]
                if p.status:
                    parts.append(f"status {p.status[0]} -> {p.status[1]}")
                table.add_row("pair", f"{p.gold} = {p.system}", "; ".join(parts), "", "")
            console.print(table)
    console.print("extra*: stored with the low-confidence flag; -: gold has it, the pipeline "
                  "not; +: the pipeline has it, the gold not")


def print_reports(reports: list[SetReport], console: Console) -> None:
    """An overall table and a per-letter F1 table for each set."""
    for report in reports:
        overall = report.overall()
        table = Table(title=f"{report.name}: overall ({len(report.letters)} letters)")
        for column in ("category", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "category" else "right")
        for category, counts in sorted(overall.items()):
            table.add_row(category, f"{counts.precision:.3f}", f"{counts.recall:.3f}",
                          f"{counts.f1:.3f}", str(counts.tp), str(counts.fp), str(counts.fn))
        correct, total = report.metadata_accuracy()
        table.add_row("metadata (fields right)", "", "", f"{correct}/{total}", "", "", "")
        console.print(table)
        for part in _letter_groups(sorted(report.letters), console.width):
            per_letter = Table(title=f"{report.name}: F1 per letter")
            per_letter.add_column("category", no_wrap=True)
            for slug in part:
                per_letter.add_column(_short(slug), justify="right", no_wrap=True)
            for category in sorted(overall):
                cells = [f"{report.letters[s][category].f1:.2f}"
                         if category in report.letters[s] else "" for s in part]
                per_letter.add_row(category, *cells)
            console.print(per_letter)
        wrong = [f"{slug}.{name}" for slug, fields in report.metadata.items()
                 for name, ok in fields.items() if not ok]
        if wrong:
            console.print("metadata fields wrong: " + ", ".join(wrong))


# Width of the category column and of the borders around a letter's column.
_CATEGORY_WIDTH = 27
_CELL_PADDING = 3


def _short(slug: str) -> str:
    return slug.removeprefix("kst-")


def _letter_groups(slugs: list[str], width: int) -> list[list[str]]:
    """The letters in groups whose per-letter table fits ``width`` columns (at least one)."""
    per_column = max((len(_short(s)) for s in slugs), default=4) + _CELL_PADDING
    size = max(1, (width - _CATEGORY_WIDTH) // per_column)
    return [slugs[i:i + size] for i in range(0, len(slugs), size)] or [[]]
