"""The who-accused-whom graph: edges with roll-ups, disputes, and exports that read back."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from extractor.graph import aggregate, ancestors, build_graph, disputes, edges, write_graph


def actor(aid, kind, part_of=None):
    return {"id": aid, "name": aid.title(), "kind": kind, "aliases": [], "title": None, "part_of": part_of,
            "country": None}


def claim(cid, ctype, src, tgt):
    span = {"start": 0, "end": 4, "text": "text"}
    return {"id": cid, "type": ctype, "source": {"actor": src, "start": 0, "end": 1, "text": "x"},
            "target": {"actor": tgt, "start": 0, "end": 1, "text": "y"} if tgt else None,
            "cue": span, "content": span, "sentence": span, "quote": False, "hedges": ["allegedly"],
            "confidence": None, "negated": False}


ACTORS = [actor("united-states", "state"), actor("white-house", "government_body", "united-states"),
          actor("jen-psaki", "official", "white-house"), actor("china", "state"),
          actor("china-spokesman", "official", "china"), actor("microsoft", "company")]
DOCS = [
    {"id": "d1", "source": "Outlet A", "actors": ACTORS, "claims": [
        claim("d1#c1", "accusation", "jen-psaki", "china"),
        claim("d1#c2", "statement", "microsoft", None),
        claim("d1#c3", "denial", "china-spokesman", "united-states"),
    ]},
    {"id": "d2", "source": "Outlet B", "actors": ACTORS[3:], "claims": [
        claim("d2#c1", "accusation", "microsoft", "china"),
        claim("d2#c2", "accusation", "microsoft", "china"),
    ]},
]


@pytest.fixture()
def g():
    return build_graph(DOCS)


def test_claims_with_a_target_are_edges_and_statements_count_on_the_source(g):
    assert g.number_of_edges() == 4
    assert g.nodes["microsoft"]["statements"] == 1
    assert g.nodes["china"]["documents"] == ["d1", "d2"]
    assert g.edges["jen-psaki", "china", "d1#c1"]["outlet"] == "Outlet A"


def test_an_officials_claim_rolls_up_to_its_body_and_state(g):
    assert ancestors(g, "jen-psaki") == ["jen-psaki", "white-house", "united-states"]
    assert {("jen-psaki", "china", "accusation"), ("white-house", "china", "accusation"),
            ("united-states", "china", "accusation"), ("china", "united-states", "denial")} <= edges(g)
    assert ("united-states", "china", "accusation") not in edges(g, rollup=False)


def test_aggregate_counts_claims_per_pair(g):
    agg = aggregate(g)
    assert agg.edges["microsoft", "china"]["weight"] == 2
    assert agg.edges["microsoft", "china"]["documents"] == ["d2"]
    assert aggregate(g, rollup=True).edges["united-states", "china"]["types"] == {"accusation": 1}


def test_dispute_is_an_accusation_answered_by_a_denial(g):
    assert disputes(g) == [{"accuser": "united-states", "accused": "china", "accusations": ["d1#c1"],
                            "denials": ["d1#c3"]}]


def test_exports_read_back(g, tmp_path):
    paths = write_graph(g, tmp_path)
    assert sorted(p.name for p in paths) == ["graph.gexf", "graph.graphml", "graph.json"]
    assert not list(tmp_path.glob(".*.tmp"))
    for back in (nx.read_graphml(tmp_path / "graph.graphml"), nx.read_gexf(tmp_path / "graph.gexf")):
        assert back.number_of_edges() == 4 and set(back.nodes) == set(g.nodes)
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert len(data["edges"]) == 4 and data["disputes"] == disputes(g)
    assert ["united-states", "china", "accusation"] in data["rollup_edges"]
    hedges = {e["hedges"] for _, _, e in nx.read_graphml(tmp_path / "graph.graphml").edges(data=True)}
    assert hedges == {'["allegedly"]'}
