"""References to bodies and companies: a definite nominal put beside a name is that name for the rest
of the document ("The group, WeCare Coalition, ... the group"), else the one compatible actor in
reach (coreference); a possessed body ("Dolan Pryce's company", "her firm", "X's lawyers") is an
unnamed body of its possessor, never the possessor (pipelines.claims.unnamed); and a company in one
article is one in all (extractor.resolve). Hand-built parses; no model."""
from __future__ import annotations

import pytest

from extractor.resolve import apply, resolve
from pipelines import read_jsonl
from pipelines.actors import ActorLexicon
from pipelines.actors.coreference import coreference
from pipelines.actors.lookup import entity_names
from pipelines.actors.table import ActorTable, DocView, cyber_context
from pipelines.claims.lexicon import Lexicon
from pipelines.claims.unnamed import name_unnamed
from pipelines.lexicons import read_actor_words, read_words

from .parses import parse

LEX = Lexicon.from_data([], read_words("en", ("unnamed.json",)))


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.from_data(read_jsonl("actors.jsonl"), read_actor_words("en"))


def nominals(doc, lex) -> list[tuple[str, int, str]]:
    view = DocView.of(doc)
    table = ActorTable(cyber=cyber_context(view, lex))
    for p in (entity_names, coreference):
        p(view, lex, table)
    return [(doc[s:e].text, s, aid) for s, e, aid, label in table.mentions.items if label == "NOMINAL"]


COALITION = """
    The DT DET det 1 the
    group NN NOUN nsubj 6 group -
    , , PUNCT punct 1 ,
    Zentrix NNP PROPN compound 4 Zentrix
    Coalition NNP PROPN appos 1 Coalition -
    , , PUNCT punct 1 ,
    formed VBD VERB ROOT 6 form -
    . . PUNCT punct 6 .
    The DT DET det 9 the
    group NN NOUN nsubj 10 group
    said VBD VERB ROOT 10 say
    Morvane NNP PROPN nsubj 12 Morvane
    reached VBD VERB ccomp 10 reach
    a DT DET det 14 a
    deal NN NOUN dobj 12 deal
    with IN ADP prep 14 with
    Quellan NNP PROPN pobj 15 Quellan -
    . . PUNCT punct 10 .
    The DT DET det 19 the
    group NN NOUN nsubj 20 group
    added VBD VERB ROOT 20 add -
    . . PUNCT punct 20 .
"""


def test_the_group_put_beside_a_name_is_that_name_for_the_rest_of_the_document(lex):
    doc = parse(COALITION, ents=[(3, 5, "ORG"), (11, 12, "ORG"), (16, 17, "ORG")])
    assert nominals(doc, lex) == [("The group", 0, "zentrix-coalition"), ("The group", 8, "zentrix-coalition"),
                                  ("The group", 18, "zentrix-coalition")]


def record(doc, role: str, start: int, end: int, aid: str) -> dict:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    party = {"actor": aid, "start": s, "end": e, "text": doc.text[s:e]}
    verb = doc[start:end].root.head
    other = {"actor": None, "start": None, "end": None, "text": None}
    return {"type": "accusation", "source": party if role == "source" else other,
            "cue": {"start": verb.idx, "end": verb.idx + len(verb.text), "text": verb.text},
            "target": party if role == "target" else None}


def test_a_possessed_company_or_lawyers_are_an_unnamed_body_of_the_possessor_not_the_possessor():
    doc = parse("""
        Senators NNS NOUN nsubj 1 senator
        criticised VBD VERB ROOT 1 criticise
        Dolan NNP PROPN compound 3 Dolan
        Pryce NNP PROPN poss 5 Pryce -
        's POS PART case 3 's
        company NN NOUN dobj 1 company -
        . . PUNCT punct 1 .
        Pryce NNP PROPN poss 9 Pryce -
        's POS PART case 7 's
        lawyers NNS NOUN nsubj 10 lawyer
        objected VBD VERB ROOT 10 object -
        . . PUNCT punct 10 .
    """, mentions=[(2, 5, "dolan-pryce", "PERSON"), (7, 9, "dolan-pryce", "PERSON")])
    doc._.actors = [{"id": "dolan-pryce", "name": "Dolan Pryce", "kind": "person"}]
    out = name_unnamed(doc, [record(doc, "target", 2, 6, "dolan-pryce"), record(doc, "source", 7, 10, "dolan-pryce")],
                       LEX, [])
    assert [out[0]["target"]["actor"], out[1]["source"]["actor"]] == ["company-of-dolan-pryce", "lawyers-of-dolan-pryce"]
    made = {a["id"]: (a["kind"], a["part_of"], a["named"]) for a in doc._.actors if a["id"] != "dolan-pryce"}
    assert made == {"company-of-dolan-pryce": ("company", "dolan-pryce", False),
                    "lawyers-of-dolan-pryce": ("group", "dolan-pryce", False)}


def test_a_possessed_campaign_or_spokesman_keeps_the_possessor():
    doc = parse("""
        Pryce NNP PROPN poss 2 Pryce -
        's POS PART case 0 's
        campaign NN NOUN nsubj 3 campaign
        objected VBD VERB ROOT 3 object -
        . . PUNCT punct 3 .
    """, mentions=[(0, 2, "pryce", "PERSON")])
    doc._.actors = [{"id": "pryce", "name": "Pryce", "kind": "person"}]
    assert name_unnamed(doc, [record(doc, "source", 0, 3, "pryce")], LEX, [])[0]["source"]["actor"] == "pryce"


def test_an_organisation_one_article_calls_a_company_is_a_company_in_every_article():
    def doc(did, kind):
        return {"id": did, "text": "", "entities": [], "claims": [],
                "actors": [{"id": "zorblex", "name": "Zorblex", "kind": kind, "aliases": [], "title": None,
                            "part_of": None, "country": None}]}
    res = resolve([doc("a", "organisation"), doc("b", "company"), doc("c", "organisation")])
    assert [apply(doc(d, "organisation"), res)["actors"][0]["kind"] for d in "ac"] == ["company", "company"]
    res = resolve([doc("a", "organisation"), doc("c", "organisation")])
    assert apply(doc("a", "organisation"), res)["actors"][0]["kind"] == "organisation"


def test_the_store_carries_a_company_kind_to_the_articles_that_do_not_say_it(tmp_path):
    from extractor.store import CorpusStore, StoredDocument

    from .test_store import DOC

    def doc(did, kind):
        actors = [dict(a, id="zorblex", name="Zorblex", kind=kind) if a["id"] == "microsoft" else a
                  for a in DOC["actors"]]
        return StoredDocument(id=did, origin=f"{did}.html", content_hash="h-" + did, error=None,
                              document=dict(DOC, id=did, actors=actors, entities=[], claims=[]))
    with CorpusStore(tmp_path / "c.sqlite") as store:
        store.write_batch([doc("d1", "organisation"), doc("d2", "company")], "fp", 1)
        res = resolve(store.iter_actor_lists())
        store.save_resolution(res.mapping, res.actors, res.kept)
        assert [next(a["kind"] for a in d["actors"] if a["id"] == "zorblex") for d in store.iter_documents()] == \
            ["company", "company"]
        assert [next(a["kind"] for a in d["actors"] if a["id"] == "zorblex")
                for d in store.iter_documents(resolved=False)] == ["organisation", "company"]
