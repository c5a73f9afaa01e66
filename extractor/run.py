"""The batch: ingest -> (skip what is current) -> engine (clean, nlp.pipe, records) -> JSON Lines or
the corpus store. One bad document never stops it."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from tqdm import tqdm

from . import ingest
from .engines import Job, run_batches
from .errors import ExtractorError
from .fingerprint import content_hash, pipeline_fingerprint
from .graph import build_graph, disputes, write_graph
from .records import RawDocument
from .report import write_report
from .resolve import resolve, resolve_file
from .settings import Settings
from .store import CorpusStore, JsonlWriter, StoredDocument, run_lock
from .work import load_nlp  # noqa: F401  (one pipeline per process; tests reach it through here)

LOGGER = logging.getLogger(__name__)
DB_NAME = "corpus.sqlite"


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    skipped: int = 0  # already written by an earlier run (--resume)
    unchanged: int = 0  # already in the store from the same input and pipeline
    merged: int = 0  # actor ids merged across documents by corpus resolution
    ignored: Counter = field(default_factory=Counter)  # records that are not articles, by reason (WARC)
    run: int = 0  # the store's runs.id of this run
    graph: str = ""  # what run_corpus wrote besides the documents
    failures: list[ExtractorError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        s = f"documents read {self.read}, written {self.written}, failed {self.failed}"
        s += f", already done {self.skipped}" if self.skipped else ""
        s += f", unchanged {self.unchanged}" if self.unchanged else ""
        if self.ignored:
            reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.ignored.items(), key=lambda kv: (-kv[1], kv[0])))
            s += f"; {sum(self.ignored.values())} records skipped ({reasons})"
        s += f"; {self.merged} actor ids merged across documents" if self.merged else ""
        return f"{self.graph}\n{s}" if self.graph else s


def raw_documents(paths: Sequence[str] | ingest.Inputs, settings: Settings, summary: Summary,
                  on_error: Callable[[ExtractorError], None]) -> Iterator[RawDocument]:
    """Read lazily; failures go to `on_error` and into the summary. Ids are made unique within the
    run in input order ("a.txt" and "a.html" -> "a", "a-2"), so resume skips the right ones."""
    seen: Counter = Counter()
    for item in ingest.iter_inputs(paths, max_bytes=settings.max_bytes):
        if isinstance(item, ingest.Skipped):
            summary.ignored[item.reason] += 1
            continue
        summary.read += 1
        if isinstance(item, ExtractorError):
            summary.failures.append(item)
            on_error(item)
            continue
        seen[item.id] += 1
        if seen[item.id] > 1:
            unique = f"{item.id}-{seen[item.id]}"
            LOGGER.warning("%s: id %r is taken by an earlier document; using %r", item.origin, item.id, unique)
            item = replace(item, id=unique)
        yield item


def _input_names(paths: Sequence[str] | ingest.Inputs) -> list[str]:
    """What the run read, for the store's runs table: paths, URL files, feeds and sitemaps."""
    if not isinstance(paths, ingest.Inputs):
        return [str(p) for p in paths]
    return [*paths.paths, *(f"--urls {u}" for u in paths.urls), *(f"--feed {u}" for u in paths.feeds),
            *(f"--sitemap {u}" for u in paths.sitemaps)]


def batched(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    it = iter(jobs)
    return iter(lambda: list(islice(it, size)), [])


def _results(batches: Iterable[list[Job]], settings: Settings, summary: Summary,
             on_error: Callable[[ExtractorError], None], progress: bool) -> Iterator[tuple[list[Job], list]]:
    """The engine's batches, with failures reported and a progress bar counting documents."""
    with tqdm(desc="documents", unit="doc", disable=not progress, leave=False) as bar:
        for jobs, outcomes in run_batches(batches, settings):
            for job, outcome in zip(jobs, outcomes):
                if outcome.error is not None:
                    err = ExtractorError(job.raw.origin, outcome.error)
                    summary.failures.append(err)
                    on_error(err)
            bar.update(len(jobs))
            yield jobs, outcomes


def extract(paths: Sequence[str] | ingest.Inputs, out: str | Path, settings: Settings, *, resume: bool = False,
            progress: bool = False, on_error: Callable[[ExtractorError], None] = lambda e: None) -> Summary:
    """Run the whole batch into `out` (a .jsonl path or '-'), atomically; returns the counts.
    A file output then gets corpus-level actor resolution (stdout streams, so it cannot)."""
    summary = Summary()
    with JsonlWriter(out, resume=resume) as writer:
        def todo() -> Iterator[Job]:
            for raw in raw_documents(paths, settings, summary, on_error):
                if raw.id in writer.done:
                    summary.skipped += 1
                else:
                    yield Job(raw)

        for _, outcomes in _results(batched(todo(), settings.batch_size), settings, summary, on_error, progress):
            for outcome in outcomes:
                if outcome.document is not None:
                    writer.write(outcome.document)
                    summary.written += 1
    if str(out) != "-":
        summary.merged = len(resolve_file(Path(out)).mapping)
    return summary


def update_store(paths: Sequence[str] | ingest.Inputs, store: CorpusStore, settings: Settings, *, progress: bool = False,
                 on_error: Callable[[ExtractorError], None] = lambda e: None) -> Summary:
    """Bring the store up to date with `paths`: documents whose raw input and pipeline are unchanged
    are skipped before cleaning; the others are processed and written one transaction per batch."""
    summary = Summary()
    fp = pipeline_fingerprint(settings)
    run = store.begin_run(fp, _input_names(paths))

    def todo() -> Iterator[Job]:
        for raw in raw_documents(paths, settings, summary, on_error):
            h = content_hash(raw)
            if store.is_current(raw.id, h, fp.digest):
                summary.unchanged += 1
            else:
                yield Job(raw, h)

    for jobs, outcomes in _results(batched(todo(), settings.batch_size), settings, summary, on_error, progress):
        rows = []
        for job, o in zip(jobs, outcomes):
            raw = job.raw
            rows.append(StoredDocument(
                id=raw.id, origin=raw.origin, content_hash=job.content_hash, fetched=raw.fetched,
                document=o.document, error=o.error,
                meta={"url": raw.url, "title": raw.title, "source": raw.source, "published": raw.published},
                minhash=o.minhash))
        store.write_batch(rows, fp.digest, run)
        summary.written += sum(o.document is not None for o in outcomes)
    summary.run = run
    return summary


def run_corpus(paths: Sequence[str] | ingest.Inputs, folder: str | Path, settings: Settings, *, db: str | Path | None = None,
               resume: bool = True, progress: bool = False,
               on_error: Callable[[ExtractorError], None] = lambda e: None) -> Summary:
    """The main job: the corpus store FOLDER/corpus.sqlite (or `db`) brought up to date with
    `paths`, then, from the store, corpus-level actor resolution, syndication groups, the graph,
    documents.jsonl, claims.csv and the HTML briefing (index.html, articles/, actors/) in FOLDER.
    Every run resumes from the store (`resume` is kept for the command line's sake). One run at a
    time per store: a second one raises StoreBusyError before touching it (`store.run_lock`)."""
    from .export import export_csv, export_jsonl
    from .syndication import group_duplicates

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    db_path = Path(db) if db else folder / DB_NAME
    with run_lock(db_path), CorpusStore(db_path) as store:
        previous = store.last_finished_run()
        summary = update_store(paths, store, settings, progress=progress, on_error=on_error)
        # the corpus files are current when no run since the last finished one (this one, or one
        # killed before its corpus pass) changed a document, and the pipeline is the same
        current = (previous is not None and not store.changed_since(previous["id"])
                   and previous["fingerprint"] == pipeline_fingerprint(settings).digest
                   and all((folder / name).exists() for name in CORPUS_FILES))
        if current:
            LOGGER.info("nothing changed since run %d: the corpus files in %s are current", previous["id"], folder)
            summary.merged = len(store.load_resolution()[0])
            summary.graph = f"nothing changed: {folder} is current"
        else:
            LOGGER.info("corpus pass over %s: syndication, actor resolution, graph, exports", store.path)
            group_duplicates(store)
            res = resolve(store.iter_actor_lists())
            store.save_resolution(res.mapping, res.actors, res.kept)
            summary.merged = len(res.mapping)
            documents = lambda: store.iter_documents(duplicates=True)  # noqa: E731
            g = build_graph(documents())
            write_graph(g, folder)
            export_jsonl(store, folder / "documents.jsonl")
            export_csv(store, folder / "claims.csv")
            LOGGER.info("briefing from the store into %s", folder)
            write_report(documents, g, folder)
            n = len(disputes(g))
            summary.graph = (f"graph: {g.number_of_nodes()} actors, {g.number_of_edges()} claims between them, "
                             f"{n} dispute{'' if n == 1 else 's'} -> {folder}/graph.{{graphml,gexf,json}}\n"
                             f"briefing: {folder / 'index.html'}")
        store.finish_run(summary.run, read=summary.read, processed=summary.written, unchanged=summary.unchanged,
                         failed=summary.failed, merged=summary.merged)
    return summary


CORPUS_FILES = ("documents.jsonl", "claims.csv", "graph.json", "graph.graphml", "graph.gexf", "index.html")
