"""The output contract on real news: every document of the PolNeAR dev texts (84 articles), run
through the whole pipeline, is valid against the shared schema and ours, with offsets that hold."""
from __future__ import annotations

import json

import pytest

from extractor.convert import document_from_doc
from extractor.records import Article

from .conftest import SHARED, need_shared

DEV = SHARED / "eval" / "polnear" / "dev.jsonl"


@pytest.fixture(scope="module")
def dev_documents(nlp) -> list[dict]:
    rows = [json.loads(line) for line in need_shared(DEV).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = nlp.pipe(row["text"] for row in rows)
    return [document_from_doc(Article(row["id"], row["id"], row["text"]), doc).to_dict()
            for row, doc in zip(rows, docs)]


@pytest.mark.slow
def test_every_document_meets_both_schemas(dev_documents, schemas):
    jsonschema = pytest.importorskip("jsonschema")
    validators = [jsonschema.Draft202012Validator(s) for s in schemas]
    for doc in dev_documents:
        for v in validators:
            errors = list(v.iter_errors(doc))
            assert not errors, (doc["id"], errors[0].message)


@pytest.mark.slow
def test_every_offset_points_at_its_text(dev_documents):
    for doc in dev_documents:
        text, ids = doc["text"], {a["id"] for a in doc["actors"]}
        for m in doc["entities"]:
            assert text[m["start"]:m["end"]] == m["text"] and m["actor"] in ids, (doc["id"], m)
        for c in doc["claims"]:
            for key in ("cue", "content", "sentence"):
                assert text[c[key]["start"]:c[key]["end"]] == c[key]["text"], (doc["id"], key, c)
            for key in ("source", "target"):
                party = c[key]
                if party and party["start"] is not None:
                    assert text[party["start"]:party["end"]] == party["text"], (doc["id"], key, c)
                if party and party["actor"] is not None:
                    assert party["actor"] in ids, (doc["id"], key, party)
