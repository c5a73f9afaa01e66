"""The hand annotation of the seed article (shared/gold/hafnium-seed.json) as a test, end to end:
the .txt goes through cleaning, the full pipeline and the records, as `extractor extract` does it."""
from __future__ import annotations

import json

import pytest

from extractor.graph import build_graph, disputes, edges
from extractor.run import extract
from extractor.settings import Settings

from .conftest import SEED, load_gold

GOLD_DATA = load_gold()


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory, nlp) -> dict:
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    summary = extract([str(SEED)], out, Settings())
    assert (summary.read, summary.written, summary.failed) == (1, 1, 0)
    (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return doc


def _actors(doc) -> dict[str, dict]:
    return {a["id"]: a for a in doc["actors"]}


def test_boilerplate_is_gone_and_sentences_stay(seed_doc, seed_text):
    for line in GOLD_DATA["boilerplate"]:
        assert line not in seed_doc["text"]
    for sentence in ("Microsoft said hackers had used its mail server to attack their targets",
                     "So, too, is its search engine Bing, although locally-run Baidu dominates the search market."):
        assert sentence in seed_doc["text"]


def test_output_meets_the_contract(seed_doc, schemas):
    jsonschema = pytest.importorskip("jsonschema")
    for schema in schemas:
        jsonschema.validate(seed_doc, schema)
    text = seed_doc["text"]
    for m in seed_doc["entities"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for c in seed_doc["claims"]:
        for key in ("cue", "content", "sentence"):
            assert text[c[key]["start"]:c[key]["end"]] == c[key]["text"]


@pytest.mark.parametrize("gold_actor", GOLD_DATA["actors"], ids=lambda a: a["id"])
def test_actor_is_found_with_its_kind_and_names(seed_doc, gold_actor):
    actors = _actors(seed_doc)
    assert gold_actor["id"] in actors, sorted(actors)
    found = actors[gold_actor["id"]]
    assert found["kind"] == gold_actor["kind"]
    for key in ("part_of", "country", "title"):
        if key in gold_actor:
            assert (found.get(key) or "").lower() == gold_actor[key].lower()
    if "organisation" in gold_actor:
        assert found["part_of"] == gold_actor["organisation"]
    resolved = {m["text"] for m in seed_doc["entities"] if m["actor"] == gold_actor["id"]}
    for name in gold_actor["names"]:
        assert any(name.lower() in text.lower() for text in resolved), (name, resolved)


def test_no_boilerplate_or_product_becomes_an_actor(seed_doc):
    names = {m["text"] for m in seed_doc["entities"]}
    assert not names & {"Exchange", "Tech Edition", "Business Edition Logo", "Oh hi there"}


def _matches(claim, gold, doc) -> bool:
    return (gold["evidence"] in claim["sentence"]["text"]
            and gold["cue"].lower() in claim["cue"]["text"].lower())


@pytest.mark.parametrize("gold_claim", GOLD_DATA["claims"], ids=lambda c: c["id"])
def test_claim_is_found_with_type_source_and_target(seed_doc, gold_claim):
    """Required and stretch claims alike: all 19 are found, so a stretch case may not slip back."""
    candidates = [c for c in seed_doc["claims"] if _matches(c, gold_claim, seed_doc)]
    assert candidates, f"no claim with cue {gold_claim['cue']!r} in the sentence of {gold_claim['evidence']!r}"
    got = [(c["type"], c["source"]["actor"], (c["target"] or {}).get("actor")) for c in candidates]
    want_target = gold_claim.get("target") if "target" in gold_claim else None
    ok = [c for c in candidates
          if c["type"] == gold_claim["type"] and c["source"]["actor"] == gold_claim["source"]
          and ("target" not in gold_claim or (c["target"] or {}).get("actor") == want_target)]
    assert ok, f"found {got}"
    claim = ok[0]
    if gold_claim.get("quote"):
        assert claim["quote"] is True
    if "hedges" in gold_claim:
        assert set(gold_claim["hedges"]) <= set(claim["hedges"])
    if "confidence" in gold_claim:
        assert claim["confidence"] == gold_claim["confidence"]


@pytest.mark.parametrize("edge", [tuple(e) for e in GOLD_DATA["graph"].get("must_have", [])], ids=str)
def test_graph_edge_must_be_there(seed_doc, edge):
    assert edge in edges(build_graph([seed_doc]), rollup=True)


@pytest.mark.parametrize("edge", [tuple(e) for e in GOLD_DATA["graph"].get("must_not_have", [])], ids=str)
def test_graph_edge_must_not_be_there(seed_doc, edge):
    assert edge not in edges(build_graph([seed_doc]), rollup=True)


def test_the_seed_dispute_us_accuses_china_denies(seed_doc):
    (dispute,) = disputes(build_graph([seed_doc]))
    assert (dispute["accuser"], dispute["accused"]) == ("united-states", "china")
