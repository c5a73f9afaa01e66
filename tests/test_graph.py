"""The who-accused-whom graph: edges with roll-ups, disputes, and exports that read back."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from extractor.graph import aggregate, ancestors, build_graph, disputes, edges, write_graph


def actor(aid, kind, part_of=None, title=None):
    return {"id": aid, "name": aid.title(), "kind": kind, "aliases": [], "title": title, "part_of": part_of,
            "country": None}


def claim(cid, ctype, src, tgt):
    span = {"start": 0, "end": 4, "text": "text"}
    return {"id": cid, "type": ctype, "source": {"actor": src, "start": 0, "end": 1, "text": "x"},
            "target": {"actor": tgt, "start": 0, "end": 1, "text": "y"} if tgt else None,
            "cue": span, "content": span, "sentence": span, "quote": False, "hedges": ["allegedly"],
            "confidence": None, "negated": False}


ACTORS = [actor("united-states", "state"), actor("white-house", "government_body", "united-states"),
          actor("jen-psaki", "official", "white-house", "press secretary"), actor("china", "state"),
          actor("china-spokesman", "official", "china", "spokesman"), actor("microsoft", "company")]
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


def person(aid, kind, part_of=None, title=None, country=None):
    return {**actor(aid, kind, part_of), "title": title, "country": country}


def test_a_claim_rolls_up_by_its_own_documents_part_of_not_another_documents():
    # d1 names Clinton as Secretary of State (part of the State Department); d2, where she accuses
    # Trump as a candidate, gives her no body: her d2 claim stays hers alone.
    d1 = {"id": "d1", "actors": [person("clinton", "official", "state-department", "Secretary of State"),
                                 actor("state-department", "government_body"), actor("iran", "state")],
          "claims": [claim("d1#c1", "accusation", "clinton", "iran")]}
    d2 = {"id": "d2", "actors": [person("clinton", "person"), person("trump", "person")],
          "claims": [claim("d2#c1", "accusation", "clinton", "trump")]}
    g = build_graph([d1, d2])
    assert g.nodes["clinton"]["part_of"] == "state-department"  # shown on her page
    assert ("state-department", "iran", "accusation") in edges(g)
    assert ("state-department", "trump", "accusation") not in edges(g)


def test_a_members_claim_is_not_the_bodys():
    doc = {"id": "d", "actors": [person("cruz", "official", "us-senate", "Sen."),
                                 actor("us-senate", "government_body"), person("obama", "person")],
           "claims": [claim("d#c1", "accusation", "cruz", "obama")]}
    assert edges(build_graph([doc])) == {("cruz", "obama", "accusation")}


def test_a_claim_rolls_up_to_a_state_only_against_another_state():
    us = actor("united-states", "state")
    us["country"] = "US"
    ru = actor("russia", "state")
    ru["country"] = "RU"
    doc = {"id": "d", "actors": [us, ru, actor("fbi", "government_body", "united-states"),
                                 person("comey", "official", "fbi", "director"),
                                 person("clinton", "person", "united-states"),
                                 person("lavrov", "official", "russia", "foreign minister")],
           "claims": [claim("d#c1", "accusation", "comey", "clinton"),
                      claim("d#c2", "accusation", "comey", "lavrov"),
                      claim("d#c3", "accusation", "comey", "russia")]}
    got = edges(build_graph([doc]))
    assert ("fbi", "clinton", "accusation") in got  # the director speaks for the FBI
    assert ("united-states", "clinton", "accusation") not in got  # a domestic matter is not the state's
    assert {("united-states", "lavrov", "accusation"), ("united-states", "russia", "accusation")} <= got


def test_a_negated_claim_draws_no_arrow():
    c = claim("d#c1", "accusation", "microsoft", "china")
    doc = {"id": "d", "actors": ACTORS, "claims": [{**c, "negated": True}]}
    g = build_graph([doc])
    assert g.number_of_edges() == 0 and g.nodes["microsoft"]["statements"] == 1
