"""The batch: ingest -> clean -> nlp.pipe -> records -> JSON Lines. One bad document never stops it."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language
from tqdm import tqdm

from . import clean as clean_mod
from . import ingest
from .convert import document_from_doc
from .errors import ExtractorError
from .records import Article, Document
from .graph import build_graph, disputes, write_graph
from .report import write_report
from .resolve import resolve_file
from .settings import Settings
from .store import JsonlWriter, iter_jsonl

LOGGER = logging.getLogger(__name__)
ERROR_KEY = "news_error"  # Doc.user_data key where the error handler leaves a component failure


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    skipped: int = 0  # already written by an earlier run (--resume)
    merged: int = 0  # actor ids merged across documents by corpus resolution
    ignored: Counter = field(default_factory=Counter)  # records that are not articles, by reason (WARC)
    graph: str = ""  # what run_corpus wrote besides the documents
    failures: list[ExtractorError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        s = f"documents read {self.read}, written {self.written}, failed {self.failed}"
        s += f", already done {self.skipped}" if self.skipped else ""
        if self.ignored:
            reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.ignored.items(), key=lambda kv: (-kv[1], kv[0])))
            s += f"; {sum(self.ignored.values())} records skipped ({reasons})"
        s += f"; {self.merged} actor ids merged across documents" if self.merged else ""
        return f"{self.graph}\n{s}" if self.graph else s


@lru_cache(maxsize=2)
def load_nlp(model: str) -> Language:
    """One pipeline per process and model name."""
    from pipelines import build_nlp

    nlp = build_nlp(model)
    for _, proc in nlp.pipeline:
        try:
            proc.set_error_handler(_keep_error)
        except AttributeError:  # spaCy's Cython parser/NER cannot take one (they raise on bad input anyway)
            pass
    return nlp


def _keep_error(proc_name, proc, docs, e) -> None:
    """spaCy error handler: mark the doc failed and let the batch go on."""
    for doc in docs:
        doc.user_data[ERROR_KEY] = f"{proc_name} failed: {type(e).__name__}: {e}"


def articles(paths: Sequence[str] | ingest.Inputs, settings: Settings, summary: Summary,
             on_error: Callable[[ExtractorError], None], skip: set[str] = frozenset()) -> Iterator[Article]:
    """Read and clean lazily; failures go to `on_error` and into the summary. Ids are made unique
    within the run in input order ("a.txt" and "a.html" -> "a", "a-2"), so resume skips the right ones."""
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
        if item.id in skip:
            summary.skipped += 1
            continue
        try:
            yield clean_mod.clean(item, verbatim=settings.verbatim)
        except ExtractorError as e:
            summary.failures.append(e)
            on_error(e)


def process(arts: Iterable[Article], settings: Settings, summary: Summary,
            on_error: Callable[[ExtractorError], None]) -> Iterator[Document]:
    """Parse articles in batches with one model, in input order."""
    nlp = load_nlp(settings.model)
    model = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    for doc, art in _pipe(nlp, arts, settings):
        error = doc.user_data.get(ERROR_KEY) if doc is not None else None
        if doc is None or error:
            err = ExtractorError(art.origin, error or "the spaCy pipeline failed on this document")
            summary.failures.append(err)
            on_error(err)
            continue
        yield document_from_doc(art, doc, model=model)


def _pipe(nlp: Language, arts: Iterable[Article], settings: Settings) -> Iterator[tuple]:
    """`nlp.pipe` over (text, article) pairs. In one process, batch by batch, so that an exception
    in a component without an error handler (spaCy's Cython parser and NER) costs only the one
    document: the failing batch is redone document by document; a failed one comes back as None."""
    pairs = ((_parsed_text(nlp, a), a) for a in arts)
    if settings.n_process > 1:
        yield from nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size, n_process=settings.n_process)
        return
    for batch in iter(lambda: list(islice(pairs, settings.batch_size)), []):
        try:
            yield from list(nlp.pipe(batch, as_tuples=True, batch_size=settings.batch_size))
        except Exception:  # noqa: BLE001 - narrowed down to the document below
            for text, art in batch:
                try:
                    yield nlp(text), art
                except Exception as e:  # noqa: BLE001
                    LOGGER.debug("%s: %s", art.origin, e, exc_info=True)
                    yield None, art


def _parsed_text(nlp: Language, art: Article) -> str:
    """What the pipeline parses of `art`: nothing when it is in a language the pipeline has no rules
    for (`nlp.lang`), so its Document keeps text and metadata with no actors, entities or claims.
    An unclear language (None) gets the pipeline's rules."""
    if art.language is None or art.language == nlp.lang:
        return art.text
    LOGGER.info("%s: language %r, the pipeline's is %r: no actors or claims", art.origin, art.language, nlp.lang)
    return ""


def extract(paths: Sequence[str] | ingest.Inputs, out: str | Path, settings: Settings, *, resume: bool = False,
            progress: bool = False, on_error: Callable[[ExtractorError], None] = lambda e: None) -> Summary:
    """Run the whole batch into `out` (a .jsonl path or '-'), atomically; returns the counts.
    A file output then gets corpus-level actor resolution (stdout streams, so it cannot)."""
    summary = Summary()
    with JsonlWriter(out, resume=resume) as writer:
        arts = articles(paths, settings, summary, on_error, skip=writer.done)
        docs = process(arts, settings, summary, on_error)
        for doc in tqdm(docs, desc="documents", unit="doc", disable=not progress, leave=False):
            writer.write(doc.to_dict())
            summary.written += 1
    if str(out) != "-":
        summary.merged = len(resolve_file(Path(out)).mapping)
    return summary


def run_corpus(paths: Sequence[str] | ingest.Inputs, folder: str | Path, settings: Settings, **kwargs) -> Summary:
    """The main job: `extract` into FOLDER/documents.jsonl, then the corpus graph and the HTML
    briefing (index.html, articles/, actors/) beside it."""
    folder = Path(folder)
    documents = folder / "documents.jsonl"
    summary = extract(paths, documents, settings, **kwargs)
    g = build_graph(iter_jsonl(documents))
    write_graph(g, folder)
    write_report(lambda: iter_jsonl(documents), g, folder)
    n = len(disputes(g))
    summary.graph = (f"graph: {g.number_of_nodes()} actors, {g.number_of_edges()} claims between them, "
                     f"{n} dispute{'' if n == 1 else 's'} -> {folder}/graph.{{graphml,gexf,json}}\n"
                     f"briefing: {folder / 'index.html'}")
    return summary
