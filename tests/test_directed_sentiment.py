"""The directed-sentiment scorer (benchmarks/directed_sentiment.py) on sentences of its own set:
the graph's arrows of one-sentence documents matched with the gold pairs, found pairs and negatives
without an arrow, and the criticism rules they exercise (criticism.py, the phrasal and named-body
senses, the withheld infinitive)."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("directed_sentiment", ROOT / "benchmarks" / "directed_sentiment.py")
ds = importlib.util.module_from_spec(_spec)
sys.modules["directed_sentiment"] = ds
_spec.loader.exec_module(ds)

ROWS = {r["id"]: r for r in ds.load_set()}
FOUND = ["ds050",  # "called out the Pentagon for failing ..."
         "ds010",  # "slammed Orbital Networks on Wednesday"
         "ds080",  # "Amnesty's criticism of Qatar"
         "ds043",  # "rebuked the administration of Governor Kim Sato"
         "ds108"]  # "denied the accusations made by Senator Mary Cole"
NEGATIVES = ["ds116",  # praised
             "ds138",  # "blasted five goals past PSV"
             "ds135",  # a knife attack
             "ds151",  # "stopped short of accusing"
             "ds156",  # "expect France to condemn Iran"
             "ds132"]  # "the criticism had been useful": no critic, no criticised


@pytest.fixture(scope="module")
def outcomes(nlp):
    rows = [ROWS[i] for i in FOUND + NEGATIVES]
    return {r["id"]: ds.score(r, d) for r, d in ds.run(rows, nlp)}


def test_the_set_is_split_by_its_text_and_annotated_with_offsets():
    rows = ds.load_set()
    assert len(rows) >= 160
    assert {r["split"] for r in rows} == {"dev", "test"}
    negatives = [r for r in rows if not r["pairs"]]
    assert len(negatives) / len(rows) > 0.3
    for r in rows:
        for p in r["pairs"]:
            s, e = p["source_span"]
            assert r["text"][s:e] in p["source"].split("|")


@pytest.mark.parametrize("row_id", FOUND)
def test_pair_found_as_an_arrow(outcomes, row_id):
    o = outcomes[row_id]
    assert o.found and not o.missed, [a.label() for a in o.arrows]
    assert not o.wrong, [a.label() for a, _ in o.wrong]


@pytest.mark.parametrize("row_id", NEGATIVES)
def test_negative_draws_no_arrow(outcomes, row_id):
    o = outcomes[row_id]
    assert not o.row["pairs"] and not [a for a in o.arrows if not a.rolled_up], [a.label() for a in o.arrows]


def test_a_reversed_arrow_is_wrong_and_misses_the_pair():
    row = ROWS["ds080"]
    doc = {"id": "x", "actors": [{"id": "q", "name": "Qatar", "kind": "state"},
                                 {"id": "a", "name": "Amnesty", "kind": "organisation"}],
           "claims": [{"id": "x#c1", "type": "accusation", "source": {"actor": "q"}, "target": {"actor": "a"},
                       "cue": {"text": "criticism"}, "content": {"text": "of Qatar"},
                       "sentence": {"text": row["text"], "start": 0}}]}
    o = ds.score(row, doc)
    assert o.missed and [why for _, why in o.wrong] == ["reversed"]


def test_names_match_by_words_either_way():
    assert ds.names_match("Maria Lopez", ["Senator Maria Lopez"])
    assert ds.names_match("Kyiv|Ukraine", ["Ukraine"])
    assert ds.names_match("Rail Workers' Union", ["Rail Workers' Union"])
    assert not ds.names_match("Maria Lopez", ["Alan Pryce"])


def _typed(nlp, text):
    doc = nlp(text)
    return [(c["type"], c["cue"]["text"], c["source"]["text"] if c["source"] else None,
             (c.get("target") or {}).get("text"), c.get("negated", False)) for c in doc._.claims]


@pytest.mark.parametrize("text,expected", [
    ("One of Governor Paul Hearst's accusers, Dana Ruiz, spoke to reporters on Friday.",
     ("accusation", "accusers", "Dana Ruiz", "Governor Paul Hearst", False)),
    ("The trade union's condemnation of Norvik Shipping was read out at the rally.",
     ("accusation", "condemnation", "The trade union", "Norvik Shipping", False)),
    ("The campaign expects Lena Ortiz to win the debate by calling out Mayor Tom Reyes for the budget.",
     ("accusation", "calling", "Lena Ortiz", "Mayor Tom Reyes", True)),
])
def test_criticism_structures(nlp, text, expected):
    assert expected in _typed(nlp, text)


@pytest.mark.parametrize("text", [
    "Governor Ann Mills called out the National Guard after the floods.",  # deployed, no criticism
    "Senator Joe Park said the criticism of the budget was unfair.",       # a thing criticised, no party
    "Celtic blasted Rangers 4-0 at Parkhead on Sunday.",                   # a score
])
def test_no_criticism_accusation(nlp, text):
    assert not [c for c in _typed(nlp, text) if c[0] == "accusation" and not c[4]]
