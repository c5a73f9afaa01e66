"""The command line as users and other tools call it: outputs, summary line, exit status 0 / 1 / 2."""
from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import ROOT, SEED

runner = CliRunner()

PARAGRAPH = ("Microsoft said hackers had used its mail server to attack their targets. "
             "A spokesman for the Chinese government told Reuters news agency that the country "
             "was definitely not behind the hack.")


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def mixed_folder(tmp_path):
    """Good and bad inputs side by side, as a batch meets them."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a-good.txt").write_text(PARAGRAPH + "\n", encoding="utf-8")
    (d / "b-empty.txt").write_bytes(b"")
    (d / "c-binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "d-notgzip.html.gz").write_bytes(b"<html>not compressed</html>")
    (d / "e-records.jsonl").write_text(
        json.dumps({"id": "rec1", "text": PARAGRAPH}) + "\n{broken json\n"
        + json.dumps({"id": "rec2", "html": f"<html><body><article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"})
        + "\n", encoding="utf-8")
    return d


def test_extract_seed_to_stdout(nlp):
    result = invoke("extract", SEED, "-o", "-")
    assert result.exit_code == 0, result.stderr
    (doc,) = lines(result.stdout)
    assert doc["id"] == "hafnium-article"
    assert "Oh hi there" not in doc["text"] and "privacy policy" not in doc["text"]
    assert "The Microsoft Threat Intelligence Center (MSTIC) attributed the attacks" in doc["text"]
    assert result.stderr.strip().splitlines()[-1] == "documents read 1, written 1, failed 0"


def test_a_batch_goes_on_past_bad_documents(nlp, mixed_folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("extract", mixed_folder, "-o", out)
    assert result.exit_code == 1
    assert [d["id"] for d in lines(out.read_text(encoding="utf-8"))] == ["a-good", "rec1", "rec2"]
    err = result.stderr.strip().splitlines()
    assert err[-1] == "documents read 7, written 3, failed 4"
    failures = err[:-1]
    assert len(failures) == 4
    for name in ("b-empty.txt", "c-binary.txt", "d-notgzip.html.gz", "e-records.jsonl:2"):
        assert sum(name in line for line in failures) == 1, (name, failures)
    assert not (tmp_path / "out.jsonl.part").exists()


def test_verbatim_keeps_text_exactly(nlp, tmp_path):
    raw = "Tech Edition\n\n" + PARAGRAPH + "\r\n\r\nSign up to receive awesome content in your inbox\n"
    f = tmp_path / "v.txt"
    f.write_bytes(raw.encode("utf-8"))
    doc, = lines(invoke("extract", "--verbatim", f, "-o", "-").stdout)
    assert doc["text"] == raw
    doc, = lines(invoke("extract", f, "-o", "-").stdout)
    assert "Sign up" not in doc["text"] and "Tech Edition" not in doc["text"]


def test_stdin_jsonl(nlp):
    record = json.dumps({"id": "s1", "text": PARAGRAPH, "url": "https://example.org/a", "source": "Example"})
    result = invoke("extract", "-", "-o", "-", input=record + "\n")
    assert result.exit_code == 0, result.stderr
    (doc,) = lines(result.stdout)
    assert (doc["id"], doc["url"], doc["source"]) == ("s1", "https://example.org/a", "Example")


def test_run_keeps_a_store_and_a_rerun_does_only_what_changed(nlp, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("one", "two"):
        (src / f"{name}.txt").write_text(PARAGRAPH, encoding="utf-8")
    out = tmp_path / "report"
    result = invoke("run", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "documents read 2, written 2, failed 0"
    assert {p.name for p in out.iterdir()} == {"corpus.sqlite", "documents.jsonl", "claims.csv", "graph.graphml",
                                               "graph.gexf", "graph.json", "index.html", "articles", "actors", "lists"}
    again = invoke("run", src, "-o", out)
    assert again.stderr.strip().splitlines()[-1] == "documents read 2, written 0, failed 0, unchanged 2"
    (src / "two.txt").write_text(PARAGRAPH + " Microsoft said the attack was over.", encoding="utf-8")
    third = invoke("run", src, "-o", out, "--resume")  # --resume is accepted: every run resumes
    assert third.exit_code == 0, third.stderr
    assert third.stderr.strip().splitlines()[-1] == "documents read 2, written 1, failed 0, unchanged 1"
    docs = lines((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert [d["id"] for d in docs] == ["one", "two"]
    assert docs[1]["text"].endswith("the attack was over.")


def test_export_writes_jsonl_and_csv_from_the_store(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    out, db = tmp_path / "report", tmp_path / "state" / "a.sqlite"
    assert invoke("run", tmp_path / "a.txt", "-o", out, "--db", db).exit_code == 0
    assert db.exists() and not (out / "corpus.sqlite").exists()
    result = invoke("export", db, "--format", "jsonl", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (out / "documents.jsonl").read_text(encoding="utf-8")
    result = invoke("export", db, "--format", "csv", "-o", tmp_path / "claims.csv")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "claims.csv").read_text(encoding="utf-8") == (out / "claims.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "claims.csv").read_text(encoding="utf-8"))))
    assert len(rows) >= 2 and result.stderr.strip() == f"{len(rows)} claims exported"
    assert {(r["source_actor"], r["cue"]) for r in rows} >= {("microsoft", "said"), ("chinese-government-spokesman", "told")}
    assert {r["origin"] for r in rows} == {"rules"}  # the trained tagger is off by default
    missing = invoke("export", tmp_path / "nope.sqlite", "--format", "csv", "-o", "-")
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"error: {tmp_path / 'nope.sqlite'}: no such corpus database"


def test_missing_path_is_a_usage_error(tmp_path):
    result = invoke("extract", tmp_path / "nope.txt", "-o", "-")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or directory"


def test_unknown_option_is_a_usage_error():
    assert invoke("extract", "--no-such-option", "x", "-o", "-").exit_code == 2


def test_python_m_works_as_a_real_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(tmp_path / "missing"), "-o", "-"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("missing: no such file or directory")
    assert proc.stdout == ""


def test_gzipped_jsonl_and_html(nlp, tmp_path):
    page = (ROOT / "corpus" / "hafnium" / "daily-edition.html").read_bytes()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    with gzip.open(tmp_path / "recs.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": PARAGRAPH}) + "\n")
    result = invoke("extract", tmp_path, "-o", "-")
    assert result.exit_code == 0, result.stderr
    docs = lines(result.stdout)
    assert [d["id"] for d in docs] == ["page", "z"]
    assert docs[0]["title"] and docs[0]["source"] and docs[0]["published"]


def test_a_component_failure_costs_only_its_document(nlp, tmp_path, monkeypatch):
    """A parser exception on one document: that document fails with a reason, the others are written."""
    from extractor import run

    settings = run.Settings()
    real = run.load_nlp(settings.model, settings.tagger)

    class Exploding:
        """The real parser, raising on one document as a Cython component would."""

        def __init__(self, parser):
            self.parser = parser

        def __call__(self, doc):
            if "EXPLODE" in doc.text:
                raise ValueError("boom")
            return self.parser(doc)

        def pipe(self, docs, batch_size=128):
            for d in docs:
                yield self(d)

    for name in ("a", "b", "c"):
        text = PARAGRAPH + (" EXPLODE" if name == "b" else "")
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(real, "_components", [(n, Exploding(p) if n == "parser" else p) for n, p in real._components])
    result = invoke("extract", tmp_path, "-o", "-")
    assert result.exit_code == 1
    assert [d["id"] for d in lines(result.stdout)] == ["a", "c"]
    assert "b.txt: the spaCy pipeline failed on this document" in result.stderr


def test_documents_with_the_same_id_stay_apart(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "a", "text": PARAGRAPH}) + "\n", encoding="utf-8")
    result = invoke("extract", tmp_path / "a.txt", tmp_path / "b.jsonl", "-o", "-")
    assert [d["id"] for d in lines(result.stdout)] == ["a", "a-2"]


def test_two_worker_processes_give_the_same_documents(nlp, tmp_path):
    corpus = ROOT / "corpus" / "hafnium"
    one = lines(invoke("extract", corpus, "-o", "-").stdout)
    two = invoke("extract", corpus, "-o", "-", "--n-process", "2", "--batch-size", "2")
    assert two.exit_code == 0, two.stderr
    assert lines(two.stdout) == one and len(one) == 5


@pytest.fixture()
def corpus_file(tmp_path):
    from .test_report import hand_made

    path = tmp_path / "documents.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in hand_made()), encoding="utf-8")
    return path


def test_report_re_renders_from_documents_jsonl(corpus_file, tmp_path):
    out = tmp_path / "briefing"
    result = invoke("report", corpus_file, "-o", out, "--title", "Ruritania")
    assert result.exit_code == 0, result.stderr
    assert "briefing:" in result.stderr and (out / "index.html").exists() and (out / "graph.json").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Ruritania</h1>" in index and "2 articles from 2 outlets" in index


def test_report_narrows_by_outlet_and_date(corpus_file, tmp_path):
    result = invoke("report", corpus_file.parent, "-o", tmp_path / "gazette", "--outlet", "gazette")
    assert result.exit_code == 0, result.stderr
    index = (tmp_path / "gazette" / "index.html").read_text(encoding="utf-8")
    assert "1 article from 1 outlet" in index and "narrowed to outlets gazette" in index
    assert not (tmp_path / "gazette" / "articles" / "b.html").exists()
    result = invoke("report", corpus_file, "-o", tmp_path / "late", "--since", "2021-03-02")
    assert result.exit_code == 0, result.stderr
    assert "0 articles from 0 outlets" in (tmp_path / "late" / "index.html").read_text(encoding="utf-8")
    assert invoke("report", corpus_file, "-o", tmp_path / "x", "--until", "March").exit_code == 2


def test_graph_writes_the_exports_and_a_drawing_of_the_top_actors(corpus_file, tmp_path):
    out = tmp_path / "graph"
    result = invoke("graph", corpus_file, "-o", out, "--top", "2")
    assert result.exit_code == 0, result.stderr
    assert {p.name for p in out.iterdir()} == {"graph.graphml", "graph.gexf", "graph.json", "graph.svg"}
    svg = (out / "graph.svg").read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.count('<g class="node"') == 2


def test_report_of_a_missing_source_is_a_usage_error(tmp_path):
    result = invoke("report", tmp_path / "nothing-here", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"error: {tmp_path / 'nothing-here'}: no corpus.sqlite or documents.jsonl")


def test_report_re_renders_from_the_corpus_store(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    out = tmp_path / "run"
    assert invoke("run", tmp_path / "a.txt", "-o", out).exit_code == 0
    expected = (out / "index.html").read_text(encoding="utf-8")
    for source in (out, out / "corpus.sqlite"):  # the run's folder reads its store; the database itself
        again = tmp_path / f"again-{source.name}"
        result = invoke("report", source, "-o", again)
        assert result.exit_code == 0, result.stderr
        assert (again / "index.html").read_text(encoding="utf-8") == expected
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 10)
    junk = invoke("report", tmp_path / "junk.sqlite", "-o", tmp_path / "x")
    assert junk.exit_code != 0 and junk.stderr.count("\n") == 1 and "junk.sqlite" in junk.stderr


def test_an_unknown_engine_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    result = invoke("run", tmp_path / "a.txt", "-o", tmp_path / "out", "--engine", "spark")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: spark: unknown engine (expected one of local, dask)"


def test_a_run_with_the_tagger_on_keeps_which_claims_the_model_made(nlp, tmp_path, monkeypatch):
    """$EXTRACTOR_TAGGER=on: the model's statements reach documents.jsonl, the store and claims.csv
    with origin "model"; the rules' claims say "rules"."""
    monkeypatch.setenv("EXTRACTOR_TAGGER", "on")
    (tmp_path / "a.txt").write_text("The mayor said on Tuesday that the bridge would reopen in May. "
                                    "Residents fretted that the factory would close.", encoding="utf-8")
    out = tmp_path / "report"
    assert invoke("run", tmp_path / "a.txt", "-o", out).exit_code == 0
    (doc,) = lines((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert sorted((c["cue"]["text"], c["origin"]) for c in doc["claims"]) == [("fretted", "model"), ("said", "rules")]
    rows = list(csv.DictReader((out / "claims.csv").open(encoding="utf-8")))
    assert sorted((r["cue"], r["origin"]) for r in rows) == [("fretted", "model"), ("said", "rules")]
    monkeypatch.setenv("EXTRACTOR_TAGGER", "off")  # switched off, the store re-runs it: the rules' claim alone
    assert invoke("run", tmp_path / "a.txt", "-o", out).exit_code == 0
    (doc,) = lines((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert [(c["cue"]["text"], c["origin"]) for c in doc["claims"]] == [("said", "rules")]
