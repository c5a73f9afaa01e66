"""Exports from the corpus store, without re-extracting: documents.jsonl (the JSON contract) and
claims.csv (one row a claim), each streamed and written atomically (temp file + rename)."""
from __future__ import annotations

import csv
import logging
import os
import sys
from pathlib import Path

from .errors import StoreError
from .store import CorpusStore, JsonlWriter

LOGGER = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv")
CLAIM_COLUMNS = ("document", "outlet", "date", "url", "claim", "type", "source", "source_actor", "cue",
                 "content", "target", "target_actor", "hedges", "confidence", "quote", "negated", "sentence",
                 "duplicate_of", "independent", "in_title", "source_named", "origin")
HEDGE_SEPARATOR = "; "


def export_jsonl(store: CorpusStore, out: str | Path) -> int:
    """Every stored document, actor ids resolved across the corpus, one JSON object a line."""
    n = 0
    with JsonlWriter(out) as writer:
        for doc in store.iter_documents():
            writer.write(doc)
            n += 1
    return n


def claim_rows(store: CorpusStore):
    """One dict a claim, in corpus order; `independent` is false for a syndicated copy's claims,
    `in_title` true for a claim of the headline (its sentence is the title), `source_named` false for
    a claim of an unnamed source ("experts", "a source", "the poll"), empty when it has no source actor;
    `origin` "model" for a claim of the trained attribution tagger, "rules" for the others."""
    for doc in store.iter_documents(duplicates=True):
        unnamed = {a["id"] for a in doc["actors"] if a.get("named") is False}
        for c in doc["claims"]:
            target = c.get("target") or {}
            yield {"document": doc["id"], "outlet": doc.get("source"), "date": doc.get("published"),
                   "url": doc.get("url"), "claim": c["id"], "type": c["type"], "source": c["source"].get("text"),
                   "source_actor": c["source"].get("actor"), "cue": c["cue"]["text"],
                   "content": c["content"]["text"], "target": target.get("text"), "target_actor": target.get("actor"),
                   "hedges": HEDGE_SEPARATOR.join(c.get("hedges") or ()), "confidence": c.get("confidence"),
                   "quote": c.get("quote"), "negated": c.get("negated"), "sentence": c["sentence"]["text"],
                   "duplicate_of": doc["duplicate_of"], "independent": doc["duplicate_of"] is None,
                   "in_title": bool(c.get("in_title")),
                   "source_named": None if c["source"].get("actor") is None else c["source"]["actor"] not in unnamed,
                   "origin": c.get("origin", "rules")}


def export_csv(store: CorpusStore, out: str | Path) -> int:
    n = 0
    path = None if str(out) == "-" else Path(out)
    tmp = None if path is None else path.with_name(f".{path.name}.tmp")
    fh = sys.stdout if path is None else open(tmp, "w", encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(fh, fieldnames=CLAIM_COLUMNS)
        writer.writeheader()
        for row in claim_rows(store):
            writer.writerow(row)
            n += 1
    except BaseException:
        if path is not None:
            fh.close()
            tmp.unlink()
        raise
    if path is not None:
        fh.close()
        os.replace(tmp, path)
    return n


def export(db: str | Path, fmt: str, out: str | Path) -> int:
    """`extractor export DB --format jsonl|csv -o OUT`: returns the number of documents or claims."""
    if fmt not in FORMATS:
        raise StoreError(fmt, f"unknown export format (expected {' or '.join(FORMATS)})")
    if not Path(db).is_file():
        raise StoreError(str(db), "no such corpus database")
    with CorpusStore(db) as store:
        return (export_jsonl if fmt == "jsonl" else export_csv)(store, out)
