"""Where documents are kept: JSON Lines output files, and the corpus's SQLite database.

JSON Lines (`extract`): written to `NAME.part`, renamed on success, so never half-written. A run
that dies leaves `NAME.part` with every document finished so far (one flushed line each);
`resume=True` keeps those lines (dropping a torn last line) and the caller skips their ids.

The corpus store (`run`): `CorpusStore`, one SQLite file per corpus (tables documented in the
README), written one transaction per batch in WAL mode, so a killed run loses at most the batch in
flight and the next run picks up where it stopped.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator

from .errors import StoreBusyError, StoreError

try:  # POSIX; elsewhere runs are not locked against each other (see run_lock)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

if TYPE_CHECKING:
    from .fingerprint import Fingerprint

LOGGER = logging.getLogger(__name__)


def read_jsonl_ids(path: Path) -> list[str]:
    """Ids of the complete lines of a JSON Lines file (a torn or invalid line ends the read)."""
    ids = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                ids.append(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                break
    return ids


class JsonlWriter:
    """Context manager writing one JSON object a line to `path` ('-' for stdout) atomically."""

    def __init__(self, path: str | Path, *, resume: bool = False):
        self.path = None if str(path) == "-" else Path(path)
        self.resume = resume
        self.done: set[str] = set()  # ids already written by an earlier run (resume)
        self._fh: IO[str] | None = None

    @property
    def part(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".part")

    def __enter__(self) -> "JsonlWriter":
        if self.path is None:
            self._fh = sys.stdout
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.resume:
            self._resume()
        else:
            self._fh = open(self.part, "w", encoding="utf-8")
        return self

    def _resume(self) -> None:
        """Start from the earlier run's complete lines: its finished output or its `.part` file."""
        previous = self.part if self.part.exists() else self.path if self.path.exists() else None
        lines: list[str] = []
        if previous is not None:
            ids = read_jsonl_ids(previous)
            with open(previous, encoding="utf-8") as fh:
                lines = [next(fh) for _ in ids]
            self.done = set(ids)
            LOGGER.info("resuming %s: %d documents already written", self.path, len(ids))
        tmp = self.part.with_name(self.part.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        os.replace(tmp, self.part)
        self._fh = open(self.part, "a", encoding="utf-8")

    def write(self, record: dict) -> None:
        assert self._fh is not None
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path is None:
            self._fh.flush()
            return
        self._fh.close()
        if exc_type is None:
            os.replace(self.part, self.path)
        else:
            LOGGER.warning("run stopped; %s keeps the documents written so far (use --resume)", self.part)


def iter_jsonl(path: Path) -> Iterator[dict]:
    """Read back a JSON Lines output file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# --- the corpus store: one SQLite database per corpus --------------------------------------------

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    version TEXT NOT NULL,
    model TEXT NOT NULL,
    model_version TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    data_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    inputs TEXT NOT NULL,
    read INTEGER,
    processed INTEGER,
    unchanged INTEGER,
    failed INTEGER,
    merged INTEGER,
    changed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    origin TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    language TEXT,
    model TEXT,
    text TEXT,
    content_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    fetched TEXT,
    processed TEXT NOT NULL,
    error TEXT,
    run INTEGER REFERENCES runs(id),
    minhash BLOB,
    duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE IF NOT EXISTS actors (
    document TEXT NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    title TEXT,
    part_of TEXT,
    country TEXT,
    named INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (document, position)
);
CREATE INDEX IF NOT EXISTS actors_id ON actors(id);
CREATE TABLE IF NOT EXISTS mentions (
    document TEXT NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT,
    actor TEXT NOT NULL,
    PRIMARY KEY (document, position)
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    source_actor TEXT, source_start INTEGER, source_end INTEGER, source_text TEXT,
    cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, cue_text TEXT NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
    target_actor TEXT, target_start INTEGER, target_end INTEGER, target_text TEXT,
    has_target INTEGER NOT NULL,
    quote INTEGER NOT NULL,
    hedges TEXT NOT NULL,
    confidence TEXT,
    negated INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, sentence_text TEXT NOT NULL,
    in_title INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'rules'
);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document, position);
CREATE INDEX IF NOT EXISTS claims_source_actor ON claims(source_actor);
CREATE INDEX IF NOT EXISTS claims_target_actor ON claims(target_actor);
CREATE INDEX IF NOT EXISTS claims_type ON claims(type);
CREATE TABLE IF NOT EXISTS minhash_bands (
    document TEXT NOT NULL REFERENCES documents(id),
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    PRIMARY KEY (document, band)
);
CREATE INDEX IF NOT EXISTS minhash_bands_bucket ON minhash_bands(band, hash);
CREATE TABLE IF NOT EXISTS actor_merges (
    actor TEXT PRIMARY KEY,
    canonical TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actor_merges_kept (
    document TEXT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (document, actor)
);
CREATE TABLE IF NOT EXISTS canonical_actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    title TEXT,
    part_of TEXT,
    country TEXT
);
"""
DOCUMENT_COLUMNS = ("id", "origin", "url", "outlet", "title", "author", "published", "language", "model",
                    "text", "content_hash", "fingerprint", "fetched", "processed", "error", "run", "minhash")
# columns added since the first version of a table, with their definition: a store made before
# one is migrated when it is opened (ALTER TABLE ... ADD COLUMN; its rows take the default)
ADDED_COLUMNS = (("claims", "in_title", "INTEGER NOT NULL DEFAULT 0"),  # headline claims
                 ("claims", "origin", "TEXT NOT NULL DEFAULT 'rules'"),  # "model": the attribution tagger's
                 ("actors", "named", "INTEGER NOT NULL DEFAULT 1"))  # unnamed sources: 0
PARTY_KEYS = ("actor", "start", "end", "text")
SPAN_KEYS = ("start", "end", "text")
BUSY_TIMEOUT_S = 30.0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class StoredDocument:
    """One row for `CorpusStore.write_batch`: the document dict (None when it failed) and its keys."""

    id: str
    origin: str
    content_hash: str
    fetched: str | None = None
    document: dict | None = None
    error: str | None = None
    meta: dict | None = None  # url, title, source, published of the raw input, kept for a failure
    minhash: bytes | None = None  # syndication.signature of the text


class CorpusStore:
    """The corpus's SQLite database (stdlib sqlite3, WAL): documents and what was extracted from
    them, the runs, and the corpus-level actor merges. Other modules may keep their own tables in
    the same file (the fetch cache's `responses`); this class creates only its own."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            # with WAL, a killed process loses nothing committed and a power cut at most the last
            # batches (the next run redoes them); neither corrupts the file
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(str(self.path), f"not a usable SQLite database ({e})") from None

    def _migrate(self) -> None:
        """Add the columns a store of an earlier version lacks (ADDED_COLUMNS), in one transaction."""
        missing = [(table, column, definition) for table, column, definition in ADDED_COLUMNS
                   if column not in {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}]
        if not missing:
            return
        with self.transaction() as db:
            for table, column, definition in missing:
                LOGGER.info("%s: adding column %s.%s (a store of an earlier version)", self.path, table, column)
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    def __enter__(self) -> "CorpusStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" not in str(e):
                raise
            # another program kept its write lock past the busy timeout
            raise StoreBusyError(str(self.path), f"locked by another program for over {BUSY_TIMEOUT_S:g} s "
                                                 f"({e})") from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # runs
    def begin_run(self, fp: "Fingerprint", inputs: list[str]) -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO runs (started, version, model, model_version, config_hash, data_hash, fingerprint, inputs)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_now(), fp.version, fp.model, fp.model_version, fp.config_hash, fp.data_hash, fp.digest,
                 json.dumps(inputs, ensure_ascii=False)))
            return cur.lastrowid

    def finish_run(self, run: int, *, read: int, processed: int, unchanged: int, failed: int, merged: int) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished=?, read=?, processed=?, unchanged=?, failed=?, merged=? WHERE id=?",
                       (_now(), read, processed, unchanged, failed, merged, run))

    def last_finished_run(self) -> dict | None:
        row = self.db.execute("SELECT id, fingerprint FROM runs WHERE finished IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
        return {"id": row[0], "fingerprint": row[1]} if row else None

    def changed_since(self, run: int) -> int:
        """Documents that runs after `run` (finished or killed) added, replaced or dropped."""
        return self.db.execute("SELECT coalesce(sum(changed), 0) FROM runs WHERE id > ?", (run,)).fetchone()[0]

    # documents
    def is_current(self, doc_id: str, content_hash: str, fingerprint: str) -> bool:
        """Stored, without error, from the same input and the same pipeline: nothing to redo."""
        row = self.db.execute("SELECT content_hash, fingerprint, error FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row is not None and row[0] == content_hash and row[1] == fingerprint and row[2] is None

    def write_batch(self, rows: list[StoredDocument], fingerprint: str, run: int) -> int:
        """One transaction: each document replaces what an earlier run stored under its id (keeping
        its place in the corpus's order), with its actors, mentions and claims. Returns how many
        rows change the corpus (a document written, or a good one replaced by a failure)."""
        now = _now()
        changed = 0
        with self.transaction() as db:
            for row in rows:
                changed += self._write(db, row, fingerprint, run, now)
            db.execute("UPDATE runs SET changed = changed + ? WHERE id=?", (changed, run))
        return changed

    def _write(self, db: sqlite3.Connection, row: StoredDocument, fingerprint: str, run: int, now: str) -> bool:
        before = db.execute("SELECT error FROM documents WHERE id=?", (row.id,)).fetchone()
        changed = row.document is not None or (before is not None and before[0] is None)
        d = row.document or {}
        meta = row.meta or {}
        values = {
            "id": row.id, "origin": row.origin, "url": d.get("url", meta.get("url")),
            "outlet": d.get("source", meta.get("source")), "title": d.get("title", meta.get("title")),
            "author": d.get("author"), "published": d.get("published", meta.get("published")),
            "language": d.get("language"), "model": d.get("model"), "text": d.get("text"),
            "content_hash": row.content_hash, "fingerprint": fingerprint, "fetched": row.fetched,
            "processed": now, "error": row.error, "run": run, "minhash": row.minhash,
        }
        cols = ", ".join(DOCUMENT_COLUMNS)
        marks = ", ".join("?" for _ in DOCUMENT_COLUMNS)
        updates = ", ".join(f"{c}=excluded.{c}" for c in DOCUMENT_COLUMNS if c != "id")
        db.execute(f"INSERT INTO documents ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
                   [values[c] for c in DOCUMENT_COLUMNS])
        for table in ("actors", "mentions", "claims", "minhash_bands"):
            db.execute(f"DELETE FROM {table} WHERE document=?", (row.id,))
        if row.document is None:
            return changed
        if row.minhash is not None:
            from .syndication import bands

            db.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)", [(row.id, b, h) for b, h in bands(row.minhash)])
        db.executemany(
            "INSERT INTO actors (document, position, id, name, kind, aliases, title, part_of, country, named)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row.id, i, a["id"], a["name"], a["kind"], json.dumps(a.get("aliases") or [], ensure_ascii=False),
              a.get("title"), a.get("part_of"), a.get("country"), int(a.get("named", True)))
             for i, a in enumerate(d["actors"])])
        db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(row.id, i, m["start"], m["end"], m["text"], m.get("label"), m["actor"])
             for i, m in enumerate(d["entities"])])
        db.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 28)})",
                       [_claim_row(row.id, i, c) for i, c in enumerate(d["claims"])])
        return changed

    def count(self, *, failed: bool = False) -> int:
        where = "error IS NOT NULL" if failed else "error IS NULL"
        return self.db.execute(f"SELECT count(*) FROM documents WHERE {where}").fetchone()[0]

    # corpus level
    def iter_actor_lists(self) -> Iterator[dict]:
        """{"id", "actors", "entities"} per stored document, in corpus order: what `resolve.resolve`
        reads (each mention with its actor, its text and the 8 characters before it, `before`)."""
        rows = self.db.execute(
            "SELECT a.document, a.id, a.name, a.kind, a.aliases, a.title, a.part_of, a.country, a.named"
            " FROM actors a JOIN documents d ON d.id = a.document WHERE d.error IS NULL"
            " ORDER BY d.seq, a.position")
        for doc_id, group in groupby(rows, key=lambda r: r[0]):
            entities = [{"actor": m[0], "text": m[1], "before": m[2]} for m in self.db.execute(
                "SELECT m.actor, m.text, substr(d.text, max(1, m.start_char - 7), min(8, m.start_char))"
                " FROM mentions m JOIN documents d ON d.id = m.document WHERE m.document = ? ORDER BY m.position",
                (doc_id,))]
            yield {"id": doc_id, "actors": [_actor(r[1:]) for r in group], "entities": entities}

    def save_resolution(self, mapping: dict[str, str], actors: dict[str, dict],
                        kept: Iterable[tuple[str, str]] = ()) -> None:
        """The corpus-level merges (`resolve.Resolution`): id -> canonical id, the canonical records,
        and the (document, id) pairs that keep their id although it merges elsewhere."""
        targets = set(mapping.values()) | {aid for aid, a in actors.items() if a.get("kind") == "company"}
        with self.transaction() as db:
            db.execute("DELETE FROM actor_merges")
            db.execute("DELETE FROM actor_merges_kept")
            db.execute("DELETE FROM canonical_actors")
            db.executemany("INSERT INTO actor_merges VALUES (?, ?)", sorted(mapping.items()))
            db.executemany("INSERT INTO actor_merges_kept VALUES (?, ?)", sorted(kept))
            db.executemany("INSERT INTO canonical_actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(a["id"], a["name"], a["kind"], json.dumps(a.get("aliases") or [], ensure_ascii=False),
                             a.get("title"), a.get("part_of"), a.get("country"))
                            for aid, a in sorted(actors.items()) if aid in targets])

    def load_resolution(self) -> tuple[dict[str, str], dict[str, dict], frozenset[tuple[str, str]]]:
        mapping = dict(self.db.execute("SELECT actor, canonical FROM actor_merges"))
        actors = {r[0]: _actor(r) for r in self.db.execute(
            "SELECT id, name, kind, aliases, title, part_of, country FROM canonical_actors")}
        kept = frozenset(self.db.execute("SELECT document, actor FROM actor_merges_kept"))
        return mapping, actors, kept

    def iter_documents(self, *, resolved: bool = True, duplicates: bool = False) -> Iterator[dict]:
        """Every stored document without error, in corpus order, as the JSON contract (the dict
        `Document.to_dict()` gave), one at a time. `resolved`: with the corpus-level actor merges
        applied. `duplicates`: plus "duplicate_of" (the id of the syndicated copy's original, or None)."""
        from .resolve import Resolution, apply  # resolve reads JSON Lines through this module

        if resolved:
            mapping, actors, kept = self.load_resolution()
            res = Resolution(mapping, actors, kept=kept)
        else:
            res = None
        rows = self.db.execute(
            "SELECT id, url, title, outlet, author, published, language, model, text, duplicate_of"
            " FROM documents WHERE error IS NULL ORDER BY seq")
        for r in rows:
            doc = {"id": r[0], "url": r[1], "title": r[2], "source": r[3], "author": r[4], "published": r[5],
                   "language": r[6], "model": r[7], "text": r[8],
                   "actors": [_actor(a) for a in self.db.execute(
                       "SELECT id, name, kind, aliases, title, part_of, country, named FROM actors"
                       " WHERE document=? ORDER BY position", (r[0],))],
                   "entities": [{"start": m[0], "end": m[1], "text": m[2], "label": m[3], "actor": m[4]}
                                for m in self.db.execute(
                                    "SELECT start_char, end_char, text, label, actor FROM mentions"
                                    " WHERE document=? ORDER BY position", (r[0],))],
                   "claims": [_claim(c) for c in self.db.execute(
                       "SELECT * FROM claims WHERE document=? ORDER BY position", (r[0],))]}
            if res is not None:
                doc = apply(doc, res)
            if duplicates:
                doc["duplicate_of"] = r[9]
            yield doc


LOCK_SUFFIX = ".lock"  # DB.lock beside the store: who is running on it


@contextmanager
def run_lock(db_path: str | Path) -> Iterator[Path]:
    """One `extractor run` at a time per store: an exclusive lock on DB.lock for the whole run,
    taken before the store is opened, so a second run stops at once with StoreBusyError (naming the
    store and the process holding it) and touches nothing of the first. The lock is the kernel's
    (flock), so a run killed even with SIGKILL leaves none behind, only the file (with its pid),
    which the next run takes over; a run that ends removes it. A separate file, since SQLite's own
    POSIX locks on the database are dropped when any descriptor of that file is closed."""
    path = Path(db_path)
    lock = path.with_name(path.name + LOCK_SUFFIX)
    lock.parent.mkdir(parents=True, exist_ok=True)
    fh = _locked(path, lock)
    try:
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, since {_now()}\n")
        fh.flush()
        yield lock
    finally:
        if fcntl is not None:
            lock.unlink(missing_ok=True)  # still holding it: a run that opened it meanwhile sees another file
        fh.close()


def _locked(path: Path, lock: Path) -> IO[str]:
    """DB.lock opened and locked, or StoreBusyError. Locked is not enough: the file must still be
    the one at that path (a run that ended may have removed it between our open and our lock)."""
    while True:
        fh = open(lock, "a+", encoding="utf-8")
        if fcntl is None:
            return fh
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise StoreBusyError(str(path), f"in use by another extractor run ({holder}); "
                                            f"run again when it has finished") from None
        try:
            same = os.stat(lock).st_ino == os.fstat(fh.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fh
        fh.close()


def iter_documents(db_path: str | Path, **kwargs) -> Iterator[dict]:
    """The documents of the store at `db_path` (see `CorpusStore.iter_documents`), streamed: a
    fresh iterator each call, so a reader can make several passes without holding the corpus."""
    path = Path(db_path)
    if not path.exists():
        raise StoreError(str(path), "no such corpus database")
    with CorpusStore(path) as store:
        yield from store.iter_documents(**kwargs)


def _actor(r) -> dict:
    """An actor's dict from its row (id, name, kind, aliases, title, part_of, country[, named])."""
    return {"id": r[0], "name": r[1], "kind": r[2], "aliases": json.loads(r[3]), "title": r[4],
            "part_of": r[5], "country": r[6], "named": bool(r[7]) if len(r) > 7 else True}


def _claim_row(doc_id: str, position: int, c: dict) -> tuple:
    source, target = c["source"], c.get("target")
    return (c["id"], doc_id, position, c["type"], *(source.get(k) for k in PARTY_KEYS),
            *(c["cue"][k] for k in SPAN_KEYS), *(c["content"][k] for k in SPAN_KEYS),
            *((target or {}).get(k) for k in PARTY_KEYS), int(target is not None),
            int(bool(c.get("quote"))), json.dumps(c.get("hedges") or [], ensure_ascii=False),
            c.get("confidence"), int(bool(c.get("negated"))), *(c["sentence"][k] for k in SPAN_KEYS),
            int(bool(c.get("in_title"))), c.get("origin", "rules"))


def _claim(r) -> dict:
    """A claims row (SELECT *) back into the contract's claim dict."""
    party = lambda i: dict(zip(PARTY_KEYS, r[i:i + 4]))  # noqa: E731
    span = lambda i: dict(zip(SPAN_KEYS, r[i:i + 3]))  # noqa: E731
    return {"id": r[0], "type": r[3], "source": party(4), "cue": span(8), "content": span(11),
            "target": party(14) if r[18] else None, "quote": bool(r[19]), "hedges": json.loads(r[20]),
            "confidence": r[21], "negated": bool(r[22]), "sentence": span(23), "in_title": bool(r[26]),
            "origin": r[27]}
