"""The corpus run over the store: incremental, resumable after SIGKILL, the same with 2 processes."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import clean as clean_mod
from extractor.run import run_corpus, update_store
from extractor.store import CorpusStore
from extractor.settings import Settings

from .conftest import CORPUS, ROOT

OUTPUTS = ("documents.jsonl", "claims.csv", "graph.json")


def varied_corpus(folder: Path, copies: int) -> list[str]:
    """The sample pages, each `copies` times, every copy with its own closing line (so a different
    input), as a corpus big enough to stop a run in the middle of."""
    folder.mkdir()
    ids = []
    for page in sorted(CORPUS.iterdir()):
        stem, suffix = page.name.split(".", 1)
        data = page.read_text(encoding="utf-8")
        for n in range(copies):
            extra = f"Correction {n}: an earlier version of this story misspelled a name."
            end = "</article>" if "</article>" in data else "</body>"
            text = data.replace(end, f"<p>{extra}</p>{end}") if suffix == "html" else f"{data}\n{extra}\n"
            (folder / f"{stem}-{n}.{suffix}").write_text(text, encoding="utf-8")
            ids.append(f"{stem}-{n}")
    return sorted(ids)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def stored(db: Path) -> int:
    """Documents in the store so far (0 while the run has not created it)."""
    try:
        return rows(db, "SELECT count(*) FROM documents")[0][0] if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_a_rerun_skips_unchanged_documents_without_cleaning_them(nlp, tmp_path, monkeypatch):
    src = tmp_path / "in"
    varied_corpus(src, 1)
    out = tmp_path / "out"
    first = run_corpus([str(src)], out, Settings())
    assert (first.written, first.unchanged) == (5, 0)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}

    def no_cleaning(*args, **kwargs):
        raise AssertionError("an unchanged document was cleaned again")

    monkeypatch.setattr(clean_mod, "clean", no_cleaning)
    again = run_corpus([str(src)], out, Settings())
    assert (again.read, again.written, again.unchanged, again.failed) == (5, 0, 5, 0)
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    monkeypatch.undo()

    page = (src / "wire-brief-0.html").read_text(encoding="utf-8")
    (src / "wire-brief-0.html").write_text(page.replace("Reuters reported.", "Reuters reported. Shares fell 2%."), encoding="utf-8")
    (src / "new-one.txt").write_text("Microsoft said hackers had used its mail server to attack their targets.\n",
                                     encoding="utf-8")
    third = run_corpus([str(src)], out, Settings())
    assert (third.written, third.unchanged) == (2, 4)
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs][-1] == "new-one" and len(docs) == 6  # a new document comes last
    assert "Shares fell 2%." in next(d["text"] for d in docs if d["id"] == "wire-brief-0")

    # a run killed after storing a document but before its corpus pass: the next run does that pass
    (src / "late.txt").write_text("China denied the accusations.\n", encoding="utf-8")
    with CorpusStore(out / "corpus.sqlite") as store:
        assert update_store([str(src)], store, Settings()).written == 1
    resumed = run_corpus([str(src)], out, Settings())
    assert (resumed.written, resumed.unchanged) == (0, 7)
    assert '"id": "late"' in (out / "documents.jsonl").read_text(encoding="utf-8")

    changed_pipeline = run_corpus([str(src)], out, Settings(verbatim=True))  # another config: redo all
    assert (changed_pipeline.written, changed_pipeline.unchanged) == (7, 0)
    runs = rows(out / "corpus.sqlite", "SELECT processed, unchanged, finished IS NOT NULL FROM runs ORDER BY id")
    assert runs == [(5, 0, 1), (0, 5, 1), (2, 4, 1), (None, None, 0), (0, 7, 1), (7, 0, 1)]


@pytest.mark.slow
def test_killed_runs_resume_to_exactly_the_documents_of_an_uninterrupted_run(nlp, tmp_path):
    """SIGKILL at random points mid-run, three times, then a run to the end: every document is in the
    store once, the database is sound, and the outputs are those of one uninterrupted run."""
    src = tmp_path / "in"
    ids = varied_corpus(src, 6)  # 30 documents
    out, clean_out = tmp_path / "out", tmp_path / "clean"
    cmd = [sys.executable, "-m", "extractor", "run", str(src), "-o", str(out), "--batch-size", "2"]
    rng = random.Random(10)
    db = out / "corpus.sqlite"
    kills = 0
    for _ in range(3):
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = stored(db) + rng.randint(1, 6)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if stored(db) >= target:
                time.sleep(rng.uniform(0, 0.3))  # somewhere inside the next batches
                break
            time.sleep(0.05)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 2, "the runs finished before they could be killed: make the corpus bigger"
    assert stored(db) < len(ids)
    final = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert "unchanged" in final.stderr.splitlines()[-1]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert sorted(r[0] for r in rows(db, "SELECT id FROM documents WHERE error IS NULL")) == ids
    assert rows(db, "SELECT count(*) FROM claims WHERE document NOT IN (SELECT id FROM documents)") == [(0,)]
    run_corpus([str(src)], clean_out, Settings(batch_size=2))
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (clean_out / name).read_bytes(), name


@pytest.mark.slow
def test_two_processes_give_the_outputs_of_one(nlp, tmp_path):
    src = tmp_path / "in"
    varied_corpus(src, 2)
    run_corpus([str(src)], tmp_path / "one", Settings(batch_size=2))
    two = run_corpus([str(src)], tmp_path / "two", Settings(batch_size=2, n_process=2))
    assert two.written == 10 and not two.failed
    for name in (*OUTPUTS, "index.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


@pytest.mark.slow
def test_exports_meet_both_schemas(nlp, tmp_path, schemas):
    jsonschema = pytest.importorskip("jsonschema")
    run_corpus([str(CORPUS)], tmp_path, Settings())
    docs = [json.loads(line) for line in (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 5
    for schema in schemas:
        validator = jsonschema.Draft202012Validator(schema)
        for doc in docs:
            assert not list(validator.iter_errors(doc)), doc["id"]
    assert all("duplicate_of" not in d for d in docs)  # the contract, nothing more


@pytest.mark.slow
def test_a_second_run_on_the_same_store_stops_at_once_with_one_line_and_harms_nothing(tmp_path):
    """Two processes: the first holds the store while it waits for its input on stdin; a second
    `extractor run` on that store says in one line which store and why, exits 2 without waiting for
    the first, and leaves it to finish as if it had been alone."""
    from extractor.store import run_lock

    out = tmp_path / "out"
    db, lock = out / "corpus.sqlite", out / "corpus.sqlite.lock"
    log = open(tmp_path / "first.err", "w+", encoding="utf-8")
    first = subprocess.Popen([sys.executable, "-m", "extractor", "run", "-", "-o", str(out)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (lock.exists() and "pid" in lock.read_text(encoding="utf-8")):
            assert first.poll() is None and time.monotonic() < deadline, "the first run never took the store"
            time.sleep(0.05)
        second = subprocess.run([sys.executable, "-m", "extractor", "run", str(CORPUS / "wire-brief.html"),
                                 "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert first.poll() is None  # the second did not wait for the first
        assert second.returncode == 2
        (line,) = second.stderr.strip().splitlines()
        assert line.startswith(f"error: {db}: in use by another extractor run (pid {first.pid}, since ")
        assert line.endswith("run again when it has finished")
        records = [{"id": "seed", "text": (CORPUS / "hafnium-article.txt").read_text(encoding="utf-8")},
                   {"id": "denial", "html": (CORPUS / "china-denial.html").read_text(encoding="utf-8")}]
        first.communicate("".join(json.dumps(r) + "\n" for r in records), timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
        log.close()
    assert first.returncode == 0, (tmp_path / "first.err").read_text(encoding="utf-8")
    assert rows(db, "SELECT id FROM documents WHERE error IS NULL ORDER BY seq") == [("seed",), ("denial",)]
    assert rows(db, "SELECT count(*), count(finished) FROM runs") == [(1, 1)]  # the second never began one
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert all((out / name).exists() for name in OUTPUTS)
    with run_lock(db):  # released with the first run
        pass
