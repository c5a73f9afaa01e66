"""Roll-ups: a person's claim counts for the body it is `part_of` only when the title says the
person speaks for that body (spokesman, secretary, ambassador, director...), never for a member,
a chair, an adviser or aide, an official at large, nor anyone who no longer holds the title."""
from __future__ import annotations

import pytest

from extractor.convert import document_from_doc
from extractor.graph import build_graph, edges, speaks_for_body
from extractor.records import Article


def actor(aid, kind, part_of=None, title=None, named=True):
    return {"id": aid, "name": aid.replace("-", " ").title() if named else title, "kind": kind, "aliases": [],
            "title": title if named else None, "part_of": part_of, "country": None, "named": named}


def claim(cid, src, tgt):
    span = {"start": 0, "end": 4, "text": "text"}
    return {"id": cid, "type": "accusation", "source": {"actor": src, "start": 0, "end": 1, "text": "x"},
            "target": {"actor": tgt, "start": 0, "end": 1, "text": "y"}, "cue": span, "content": span,
            "sentence": span, "quote": False, "hedges": [], "confidence": None, "negated": False}


def rolled(speaker: dict, rival: str = "organisation", body: str = "government_body") -> set[tuple[str, str, str]]:
    """The arrows a claim of `speaker` (part of the Ministry of Trade) against a rival draws."""
    doc = {"id": "d", "actors": [speaker, actor("trade-ministry", body), actor("rival", rival)],
           "claims": [claim("d#c1", speaker["id"], "rival")]}
    return edges(build_graph([doc], unnamed=True))


@pytest.mark.parametrize("title", ["spokeswoman", "Trade Secretary", "minister", "ambassador", "Director",
                                   "chief executive", "deputy press secretary", "president"])
def test_a_speaker_for_the_body_rolls_up(title):
    assert ("trade-ministry", "rival", "accusation") in rolled(actor("ann-lee", "official", "trade-ministry", title))


@pytest.mark.parametrize("title", ["adviser", "senior adviser", "aide", "chief of staff", "Chairman", "official",
                                   "Sen.", "former minister", "analyst", None])
def test_a_member_chair_adviser_or_former_holder_does_not_roll_up(title):
    got = rolled(actor("ann-lee", "official", "trade-ministry", title))
    assert got == {("ann-lee", "rival", "accusation")}


@pytest.mark.parametrize("title, up", [("Trade Secretary", False), ("minister", False), ("press secretary", True),
                                       ("spokeswoman", True), ("Director", True)])
def test_against_a_person_a_secretary_or_minister_speaks_as_a_politician(title, up):
    # "Labor Secretary Jane Doe said the candidate is a fraud": a campaigner's attack, not the department's
    speaker = actor("ann-lee", "official", "trade-ministry", title)
    assert (("trade-ministry", "rival", "accusation") in rolled(speaker, rival="person")) is up
    assert ("trade-ministry", "rival", "accusation") in rolled(speaker, rival="official")  # an office holder: as before
    assert (("trade-ministry", "rival", "accusation") in rolled(speaker, rival="person", body="organisation")) is up
    assert ("trade-ministry", "rival", "accusation") in rolled(speaker, rival="person", body="company")  # a firm's


def test_an_unnamed_spokesman_speaks_by_its_description_and_a_body_always_rolls_up():
    assert ("trade-ministry", "rival", "accusation") in rolled(
        actor("ministry-spokesman", "official", "trade-ministry", "the ministry's spokesman", named=False))
    assert speaks_for_body(actor("trade-office", "government_body", "trade-ministry"))
    assert not speaks_for_body(actor("husband", "person", "ann-lee", "husband", named=False))


# (a portfolio names no body: "Trade Minister X" is part of nothing, "Canada's Trade Minister X" of
# Canada, whose claims roll up to it against another state)
TEXT = ("Canada's former Trade Minister Paul Ashby accused Mexico of lying about the port. "
        "Canada's Trade Minister Ruth Kane accused Mexico of hiding the accounts. "
        "Trade Ministry adviser Ben Oates accused Mexico of cheating. "
        "Jo Marsh, the former Trade Ministry spokesman, accused Mexico of cheating. "
        "Then-Trade Minister Ann Frey accused Mexico of hiding the loans.")


@pytest.fixture(scope="module")
def document(nlp):
    return document_from_doc(Article("r", "r", TEXT), nlp(TEXT)).to_dict()


@pytest.mark.slow
def test_a_former_official_is_part_of_no_body_and_a_serving_one_is(document):
    actors = {a["name"]: a for a in document["actors"]}
    assert actors["Ruth Kane"]["part_of"] == "canada"  # "Canada's Trade Minister Ruth Kane"
    assert actors["Paul Ashby"]["kind"] == "official" and actors["Paul Ashby"]["part_of"] is None
    assert actors["Jo Marsh"]["part_of"] is None  # "the former ... spokesman" in apposition
    assert actors["Ann Frey"]["kind"] == "official" and actors["Ann Frey"]["part_of"] is None  # "Then-Trade Minister"
    assert actors["Ben Oates"]["title"] == "adviser" and actors["Ben Oates"]["part_of"]


@pytest.mark.slow
def test_only_the_serving_ministers_accusation_rolls_up(document):
    g = build_graph([document])
    sources = {s for s, t, _ in edges(g, rollup=True)} - {s for s, t, _ in edges(g, rollup=False)}
    kane = next(a for a in document["actors"] if a["name"] == "Ruth Kane")
    assert sources == {kane["part_of"]}  # not for the former minister, the adviser, the former spokesman, the then-minister
