"""Fuzzing: no input bytes crash reading and cleaning; no text crashes our components or breaks offsets."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor.clean import clean
from extractor.convert import document_from_doc
from extractor.errors import ExtractorError
from extractor.ingest import iter_raw
from extractor.records import Article, RawDocument

NEWSY = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", " said ", " told reporters that ", " accused ", " denied ", "Microsoft",
    "China", "Beijing", " the company ", "It ", " according to ", "\n\n", ". ", ", ", "Ms Psaki", " blamed ",
    " attributed the attacks to ", " was not behind the hack", "(MSTIC)", " allegedly ", "with high confidence",
])
TEXTS = st.lists(st.one_of(NEWSY, st.text(min_size=1, max_size=12)), min_size=1, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".html.gz", ".jsonl.gz"]))
def test_any_bytes_give_a_document_or_a_domain_error(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in iter_raw([str(path)]):
        if isinstance(item, RawDocument):
            try:
                article = clean(item)
            except ExtractorError as e:
                assert e.reason and "\n" not in str(e)
            else:
                assert article.text.strip()
        else:
            assert isinstance(item, ExtractorError) and "\n" not in str(item)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
@example(text="‘, ” told reporters that China")  # a cue after the quotation opens: no lead-in (attach._lead_in)
def test_any_text_gives_consistent_offsets(nlp, text):
    doc = nlp(text)
    record = document_from_doc(Article("f", "fuzz", text), doc).to_dict()
    for m in record["entities"]:
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["actor"] in {a["id"] for a in record["actors"]}
    for c in record["claims"]:
        for key in ("cue", "content", "sentence"):
            span = c[key]
            assert 0 <= span["start"] <= span["end"] <= len(text) and text[span["start"]:span["end"]] == span["text"]
        for key in ("source", "target"):
            party = c[key]
            if party and party["start"] is not None:
                assert text[party["start"]:party["end"]] == party["text"]
