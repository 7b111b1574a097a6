"""The ``npcegraph`` command: thin commands over the library functions.

Exit codes: 0 ok; 1 a letter was quarantined or data does not conform; 2 bad input or
configuration (the message names the file and the problem).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
import typer._click as typer_click  # typer 0.29 raises its own bundled click's errors
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from npcegraph.errors import NpcegraphError
from npcegraph.settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="NPCE policy letters as a validated, queryable knowledge graph.")
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

StoreOption = Annotated[Path | None, typer.Option("--store", help="Oxigraph store directory "
                                                  "(default: $NPCEGRAPH_STORE or data/store)")]


class ExtractFormat(StrEnum):
    """Serialisations of ``npcegraph extract``."""

    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"


class TableFormat(StrEnum):
    """Output formats of ``npcegraph query``."""

    table = "table"
    csv = "csv"
    json = "json"


def _settings(store: Path | None = None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"store": store}) if store else settings


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="letter files or directories")],
    store: StoreOption = None,
) -> None:
    """Read, extract, validate and store letters (one named graph per letter)."""
    from npcegraph.ingest import collect_files

    files, skipped = collect_files(paths)
    for path in skipped:
        console.print(f"[dim]skipped (unsupported format): {path}[/dim]")
    if not files:
        raise NpcegraphError(", ".join(map(str, paths)), "no letter files found")
    results = _run_ingest(files, _settings(store))
    raise typer.Exit(_exit_code(results))


def _run_ingest(files: list[Path], settings: Settings) -> list:
    from npcegraph.ingest import ingest_files
    from npcegraph.pipeline import Pipeline
    from npcegraph.store import EmbeddedStore

    with console.status("loading the NLP pipeline and vocabularies"):
        pipeline = Pipeline(settings)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with EmbeddedStore(settings.store, pipeline.iris) as store, \
            Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        results = ingest_files(files, store, pipeline,
                               on_done=lambda _result: progress.advance(task))
        _print_results(results)
        stats = store.stats()
    console.print(f"store {settings.store}: {stats.letters} letters, "
                  f"{stats.public_triples} public triples, {stats.quarantined} quarantined")
    return results


def _print_results(results: list) -> None:
    table = Table(title="ingest")
    for column in ("file", "letter", "status", "triples", "measures", "seconds", "problem"):
        table.add_column(column, overflow="fold")
    for r in results:
        colour = {"stored": "green", "quarantined": "yellow", "failed": "red"}[r.status]
        table.add_row(r.path.name, r.slug or "", f"[{colour}]{r.status}[/{colour}]",
                      str(r.triples), str(r.measures), f"{r.seconds:.2f}", r.message[:80])
    console.print(table)


def _exit_code(results: list) -> int:
    if any(r.status == "failed" for r in results):
        return 2
    return 1 if any(r.status == "quarantined" for r in results) else 0


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="letter files")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.trig,
) -> None:
    """Print the letters' graphs without touching any store."""
    from rdflib import Dataset

    from npcegraph.pipeline import Pipeline

    pipeline = Pipeline(get_settings())
    dataset = Dataset()
    for path in files:
        processed = pipeline.process_file(path, validate=False)
        target = dataset.graph(processed.graph.identifier)
        for triple in processed.graph:
            target.add(triple)
    rdflib_format = {"turtle": "turtle", "trig": "trig", "nquads": "nquads",
                     "jsonld": "json-ld"}[format.value]
    if format is ExtractFormat.turtle:
        merged = dataset.graph()
        for graph in list(dataset.graphs()):
            for triple in graph:
                merged.add(triple)
        output = merged.serialize(format="turtle")
    else:
        output = dataset.serialize(format=rdflib_format)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")


@app.command()
def validate(
    files: Annotated[list[Path] | None, typer.Argument(help="letter files; none: the store")]
    = None,
    store: StoreOption = None,
) -> None:
    """Validate letter files, or every letter graph in the store, against the shapes."""
    from npcegraph.validation_runs import validate_files, validate_store

    settings = _settings(store)
    outcomes = validate_files(files, settings) if files else validate_store(settings)
    failed = 0
    for name, outcome in outcomes:
        state = "[green]conforms[/green]" if outcome.conforms else "[red]violates[/red]"
        console.print(f"{name}: {state} ({len(outcome.violations)} violations, "
                      f"{len(outcome.warnings)} warnings)")
        for problem in outcome.violations:
            console.print(f"  {problem.shape} {problem.path} on {problem.focus}: {problem.message}")
        failed += not outcome.conforms
    raise typer.Exit(1 if failed else 0)


@app.command()
def query(
    spec: Annotated[str, typer.Argument(help="a .rq file, a canned query name, or SPARQL")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value")] = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query on the store."""
    from npcegraph.query_output import run_query

    values = dict(p.split("=", 1) for p in param or [] if "=" in p)
    bad = [p for p in param or [] if "=" not in p]
    if bad:
        raise NpcegraphError(None, f"--param expects key=value, got {bad[0]!r}")
    run_query(_settings(store), spec, values, format.value, console)


@app.command()
def stats(store: StoreOption = None) -> None:
    """Letters, graphs and triple counts in the store."""
    from npcegraph.store import EmbeddedStore

    settings = _settings(store)
    if not settings.store.exists():
        raise NpcegraphError(settings.store, "no store here yet; run `npcegraph ingest` first")
    with EmbeddedStore(settings.store) as opened:
        result = opened.stats()
    table = Table(title=f"store {settings.store}")
    table.add_column("graph")
    table.add_column("triples", justify="right")
    for graph in result.graphs:
        table.add_row(graph.iri, str(graph.triples))
    console.print(table)
    console.print(f"{result.letters} letters, {result.quarantined} quarantined, "
                  f"{result.public_triples} public triples, {result.triples} quads in all")


CorpusOption = Annotated[Path | None, typer.Option(
    "--corpus", help="folder of the corpus letters (default: $NPCEGRAPH_CORPUS)")]


def _gold_folder(gold_dir: Path) -> Path:
    """The gold folder, or a clear error when it does not exist."""
    if not gold_dir.is_dir():
        raise NpcegraphError(gold_dir, "gold folder not found")
    return gold_dir


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="folder of gold YAML files (tests/gold)")],
    letters: Annotated[list[str] | None, typer.Argument(help="letter slugs or file names")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")]
    = False,
    cross_validate: Annotated[bool, typer.Option(
        "--cross-validate", help="also score each gold letter with the measure classifier "
        "trained on the other gold letters (leave one letter out)")] = False,
    errors: Annotated[bool, typer.Option(
        "--errors", help="also list each letter's missed and extra measures with the reason, "
        "and matched measures whose relations or status differ")] = False,
    corpus: CorpusOption = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per type."""
    from npcegraph.evaluate.render import print_errors, print_reports, reports_json
    from npcegraph.evaluate.run import evaluate as run_evaluation
    from npcegraph.pipeline import Pipeline

    settings = get_settings()
    reports = run_evaluation(_gold_folder(gold_dir), corpus or settings.corpus, Pipeline(settings),
                             letters or (), cross_validate)
    if not reports:
        raise NpcegraphError(gold_dir, "no annotated letters found")
    if as_json:
        sys.stdout.write(reports_json(reports, errors) + "\n")
    else:
        print_reports(reports, console)
        if errors:
            print_errors(reports, console)


@app.command("train-measures")
def train_measures(
    gold_dir: Annotated[Path, typer.Argument(help="folder of gold YAML files (tests/gold); "
                                             "its heldout/ letters are never used")],
    out: Annotated[Path | None, typer.Option("--out", help="where to write the model "
                                             "(default: the package's model file)")] = None,
    corpus: CorpusOption = None,
) -> None:
    """Train the measure-statement classifier on annotated letters and write it as JSON."""
    from npcegraph.evaluate.train import train_from_gold
    from npcegraph.extract.statement_model import model_path
    from npcegraph.pipeline import Pipeline

    settings = get_settings()
    model = train_from_gold(_gold_folder(gold_dir), corpus or settings.corpus, Pipeline(settings))
    if model is None:
        raise NpcegraphError(gold_dir, "no annotated letters found")
    target = out or model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(model.to_json(), encoding="utf-8")
    console.print(f"{model.meta['examples']} sentences ({model.meta['positives']} measure "
                  f"statements) from {len(model.meta['letters'])} letters; "
                  f"{len(model.weights)} weights, threshold {model.threshold}, seed "
                  f"{model.measure_seed}, measure "
                  f"calibration {model.calibration} from {model.meta['calibration_measures']} "
                  f"measures -> {target}")


candidates_app = typer.Typer(help="Concepts found in letters but not yet in the vocabulary.",
                             no_args_is_help=True)
app.add_typer(candidates_app, name="candidates")


@candidates_app.command("list")
def candidates_list(store: StoreOption = None) -> None:
    """List the candidate concepts in the store, most mentioned first."""
    from npcegraph.curation import list_candidates
    from npcegraph.store import EmbeddedStore

    settings = _settings(store)
    if not settings.store.exists():
        raise NpcegraphError(settings.store, "no store here yet; run `npcegraph ingest` first")
    with EmbeddedStore(settings.store, read_only=True) as opened:
        records = list_candidates(opened)
    table = Table("kind", "slug", "label", "mentions", "letters", "cue",
                  title="candidate concepts (accept or reject them)")
    for record in records:
        table.add_row(record.kind, record.slug, record.label, str(record.mentions),
                      ", ".join(record.letters), record.cue)
    console.print(table)
    console.print(f"{len(records)} candidates")


@candidates_app.command("accept")
def candidates_accept(
    kind: Annotated[str, typer.Argument(help="instrument, product_group or organisation")],
    slug: Annotated[str, typer.Argument(help="the candidate's slug (from `candidates list`)")],
    label: Annotated[str, typer.Argument(help="the Dutch preferred label")],
    notation: Annotated[str | None, typer.Option(help="key of an instrument")] = None,
) -> None:
    """Add a candidate to the curated vocabulary (ontology/vocab/accepted.ttl)."""
    from npcegraph.curation import accept_candidate
    from npcegraph.resources import vocab_dir

    path = accept_candidate(kind, slug, label, vocab_dir(), notation=notation)
    console.print(f"accepted {kind}/{slug} into {path}; re-ingest letters to use it")


@candidates_app.command("reject")
def candidates_reject(
    kind: Annotated[str, typer.Argument(help="instrument, product_group or organisation")],
    slug: Annotated[str, typer.Argument(help="the candidate's slug")],
) -> None:
    """Never propose this candidate again (ontology/vocab/rejected-candidates.txt)."""
    from npcegraph.curation import reject_candidate
    from npcegraph.resources import vocab_dir

    path = reject_candidate(kind, slug, vocab_dir())
    console.print(f"rejected {kind}/{slug}; recorded in {path}")


@app.command()
def vocab(
    kind: Annotated[str | None, typer.Argument(help="instrument, ministry, product_group, ...")]
    = None,
    labels: Annotated[bool, typer.Option("--labels", help="also list every label")] = False,
) -> None:
    """List the curated vocabulary: slug, notation and Dutch label of each concept."""
    from npcegraph.vocab import load_vocabulary

    vocabulary = load_vocabulary(get_settings().base_iri)
    kinds = sorted({c.kind for c in vocabulary.concepts})
    if kind is not None and kind not in kinds:
        raise NpcegraphError(None, f"unknown kind {kind!r}; choose from {', '.join(kinds)}")
    table = Table("kind", "slug", "notation", "label", *(["labels"] if labels else []))
    for concept in vocabulary.concepts:
        if kind is None or concept.kind == kind:
            extra = ["; ".join(concept.labels)] if labels else []
            table.add_row(concept.kind, concept.slug, concept.notation or "", concept.pref_label,
                          *extra)
    console.print(table)


@app.command()
def demo(store: StoreOption = None) -> None:
    """Ingest the sample letters shipped with the package and show what to try next."""
    from npcegraph.ingest import collect_files
    from npcegraph.resources import samples_dir

    settings = _settings(store)
    files, _ = collect_files([samples_dir()])
    results = _run_ingest(files, settings)
    store_flag = f" --store {settings.store}" if store else ""
    console.print("\nNext, try:")
    for line in (f"npcegraph stats{store_flag}", f"npcegraph query letters{store_flag}",
                 f"npcegraph query measures-per-ministry{store_flag}",
                 f"npcegraph query instruments-per-letter -p letter=kst-32852-901{store_flag}",
                 "npcegraph ingest ../shared/corpus   # the real letters, if you have them"):
        console.print(f"  {line}")
    raise typer.Exit(_exit_code(results))


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
    store: StoreOption = None,
) -> None:
    """Serve the store over HTTP: SPARQL 1.1 Protocol at /sparql, Graph Store Protocol."""
    import copy

    import uvicorn
    import uvicorn.config

    from npcegraph.api import create_app
    from npcegraph.store import EmbeddedStore

    settings = _settings(store)
    if not settings.store.exists():
        console.print(f"[yellow]no store at {settings.store} yet: "
                      "serving a new, empty one[/yellow]")
    with EmbeddedStore(settings.store):  # fail here, clearly, if another process holds it
        pass
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    log_config["loggers"]["npcegraph"] = {"handlers": ["default"], "level": "INFO",
                                          "propagate": False}
    uvicorn.run(create_app(settings), host=host, port=port, log_config=log_config,
                timeout_graceful_shutdown=5)


class DumpName(StrEnum):
    """Formats of ``npcegraph export`` (the keys of ``npcegraph.dumps.DUMP_FORMATS``)."""

    nquads = "nquads"
    trig = "trig"
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"


@app.command()
def export(
    format: Annotated[DumpName, typer.Argument(help="nquads, trig or jsonld (every public "
                                               "graph), turtle or ntriples (their union)")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="file to write (default: stdout)")] = None,
    store: StoreOption = None,
) -> None:
    """Dump the public graphs (letters, vocabularies, ontology) with their DCAT/VoID
    description, written by Oxigraph as a stream."""
    from npcegraph.dataset import describe_store
    from npcegraph.dumps import DUMP_FORMATS, write_dump
    from npcegraph.namespaces import Iris
    from npcegraph.store import EmbeddedStore

    settings = _settings(store)
    if not settings.store.is_dir():
        raise NpcegraphError(settings.store, "no store here; run `npcegraph ingest` first")
    fmt = DUMP_FORMATS[format.value]
    with EmbeddedStore(settings.store, Iris(settings.base_iri)) as db:
        with errors.status("counting the dataset for its description"):
            description = describe_store(db)
        if output is None:
            write_dump(db, fmt, sys.stdout.buffer, description)
            sys.stdout.buffer.flush()
            return
        with output.open("wb") as sink:
            write_dump(db, fmt, sink, description)
    console.print(f"wrote {fmt.title} dump of {settings.store} to {output} "
                  f"({output.stat().st_size:,} bytes)")


def main() -> None:
    """Entry point with error handling: bad input exits 2 with a clear message."""
    try:
        code = app(standalone_mode=False)  # returns the exit code of typer.Exit
    except NpcegraphError as exc:
        errors.print(f"[red]error:[/red] {exc}")
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer_click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
