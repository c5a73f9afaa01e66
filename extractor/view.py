"""What a briefing is drawn from and how far it looks: the corpus as a re-readable stream of
document dicts, narrowed by date and outlet, and the outlet a document counts for.

A corpus of 10,000 articles does not fit in memory as documents, so the report and the graph
take a zero-argument callable that returns a fresh iterator each time it is called, and read
it a bounded number of times.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import UsageError
from .metadata import registered_domain
from .store import iter_documents, iter_jsonl

LOGGER = logging.getLogger(__name__)

Documents = Callable[[], Iterable[dict]]

UNKNOWN_OUTLET = "unknown outlet"


@dataclass(frozen=True)
class ReportOptions:
    """How the briefing is cut: `top` actors in the graph, dates from `since` to `until`
    (inclusive, ISO days), only `outlets` when given; `page_size` rows per claims page."""

    title: str | None = None
    top: int = 35
    since: date | None = None
    until: date | None = None
    outlets: tuple[str, ...] = ()
    page_size: int = 100

    @property
    def narrowed(self) -> bool:
        return bool(self.since or self.until or self.outlets)


def outlet(doc: dict) -> str:
    """The site name, else the URL's registered domain, else "unknown outlet": one outlet for all
    the documents that name none, never one per document."""
    return (doc.get("source") or "").strip() or registered_domain(doc.get("url")) or UNKNOWN_OUTLET


def day(doc: dict) -> str | None:
    """The document's ISO day ("2021-03-02"), or None when it has no readable date."""
    value = str(doc.get("published") or "")[:10]
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


DATABASE_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})


def open_documents(source: str | Path) -> Documents:
    """SOURCE as a document iterator factory: a corpus database (`corpus.sqlite`, or any file
    ending in .sqlite/.db), a `documents.jsonl`, or a folder `extractor run` wrote (its database
    when it has one, else its documents.jsonl). The one place that knows what a SOURCE can be."""
    path = Path(source)
    if path.is_dir():
        path = path / "corpus.sqlite" if (path / "corpus.sqlite").is_file() else path / "documents.jsonl"
    if not path.is_file():
        raise UsageError(str(source), "no corpus.sqlite or documents.jsonl there "
                                      "(give the database, the file or the folder `run` wrote)")
    if path.suffix in DATABASE_SUFFIXES:
        return lambda: iter_documents(path, duplicates=True)
    return lambda: iter_jsonl(path)


def narrowed(documents: Documents, options: ReportOptions) -> Documents:
    """Only the documents inside the options' dates and outlets (an undated document is kept only
    when no date bound is given)."""
    if not options.narrowed:
        return documents
    wanted = {o.lower() for o in options.outlets}

    def keep(doc: dict) -> bool:
        if wanted and outlet(doc).lower() not in wanted:
            return False
        if options.since or options.until:
            d = day(doc)
            if d is None:
                return False
            if options.since and d < options.since.isoformat():
                return False
            if options.until and d > options.until.isoformat():
                return False
        return True

    def stream() -> Iterator[dict]:
        return (d for d in documents() if keep(d))

    return stream
