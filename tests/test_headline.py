"""Claims of the headline (extractor/headline.py): parsed apart from the body, kept only when typed
with a verb cue and a named source, never counted twice with the body's own claims, and carried with
`in_title` through the store, the graph, the exports and the briefing."""
from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from extractor.headline import headline_claims, repeated
from extractor.records import RawDocument
from extractor.run import run_corpus
from extractor.settings import Settings
from extractor.work import process_batch


BODY = ("<p>A spokesman for the Chinese government told Reuters on Monday that the country was not "
        "behind the attack on the email servers.</p><p>Microsoft said a group it calls Hafnium had stolen "
        "information from law firms and universities in the United States.</p>")


def page(title: str, body: str = BODY) -> RawDocument:
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    return RawDocument(id="p", origin="p.html", html=html)


def extracted(title: str, body: str = BODY) -> dict:
    (outcome,) = process_batch([page(title, body)], Settings())
    assert outcome.error is None, outcome.error
    return outcome.document


def title_claims(doc: dict) -> list[dict]:
    return [c for c in doc["claims"] if c["in_title"]]


@pytest.mark.slow
def test_a_headline_denial_is_a_claim_with_offsets_into_the_title(nlp, schemas):
    jsonschema = pytest.importorskip("jsonschema")
    doc = extracted("China denies role in Microsoft Exchange hack")
    assert doc["title"] == "China denies role in Microsoft Exchange hack"
    assert not doc["text"].startswith("China denies")  # cleaning took the headline out of the text
    (claim,) = title_claims(doc)
    assert (claim["id"], claim["type"], claim["source"]["actor"]) == ("p#t1", "denial", "china")
    for part in ("source", "cue", "content", "sentence"):
        span = claim[part]
        assert doc["title"][span["start"]:span["end"]] == span["text"], part
    assert claim["cue"]["text"] == "denies" and claim["sentence"]["text"] == doc["title"]
    assert any(a["id"] == "china" for a in doc["actors"])
    assert all(not c["in_title"] for c in doc["claims"] if c["id"].startswith("p#c"))
    for schema in schemas:
        assert not list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


@pytest.mark.slow
def test_a_headline_accusation_keeps_its_target_and_maps_a_surname_to_the_bodys_person(nlp):
    # a body that does not make the accusation itself ("said that Beijing was using force to coerce"
    # would be one, and the headline's claim then adds nothing)
    body = ("<p>Defense Secretary Mark Esper spoke on Saturday at a meeting of regional defence ministers "
            "in Bangkok.</p><p>The Pentagon chief met delegates from eleven nations, where they discussed "
            "maritime security.</p>")
    doc = extracted("Esper accuses China of intimidating smaller Asian nations", body)
    (claim,) = title_claims(doc)
    assert claim["type"] == "accusation" and claim["target"]["actor"] == "china"
    assert claim["source"]["actor"] == "mark-esper"  # the body's actor, not a headline-only "esper"
    assert "esper" not in {a["id"] for a in doc["actors"]}


@pytest.mark.slow
@pytest.mark.parametrize("title", [
    "White House says it is time to act now to patch",     # a statement: headline statements are unreliable
    "Hong Kong chaos: China deploys troops and warns of surrender",  # a kicker before a colon is no speaker
    "Investors don't seem to know what to make of the trade war",  # no reporting sense
    "He denies role in the Microsoft Exchange hack",       # a pronoun: nothing in a headline to resolve it
])
def test_unreliable_headline_claims_are_left_out(nlp, title):
    assert title_claims(extracted(title)) == []


@pytest.mark.slow
def test_a_headline_the_first_sentence_repeats_is_not_counted_twice(nlp):
    title = nlp("Microsoft blames China for hack")
    assert title._.claims and title._.claims[0]["type"] == "accusation"
    # the first sentence repeats the headline (and goes on): its own claims, in context, stand for it
    repeat = nlp("Microsoft blames China for hack of its Exchange email servers, the company said on Tuesday. "
                 "Officials in Beijing did not comment.")
    assert repeated(title.text, repeat) and headline_claims(title, repeat).claims == ()
    # the first sentence makes the same claim (type, source, target) in other words
    lede = nlp("Microsoft has blamed China for an attack on its Exchange email servers. "
               "Officials in Beijing did not comment.")
    assert not repeated(title.text, lede)
    assert any(c["type"] == "accusation" for c in lede._.claims) and headline_claims(title, lede).claims == ()
    # a body that makes no such claim: the headline's claim counts
    other = nlp("Thousands of email servers were attacked last week. Officials in Beijing did not comment.")
    head = headline_claims(title, other)
    assert [c["type"] for c in head.claims] == ["accusation"]
    # each of its actors is either the body's (mapped) or added, never both, never missing
    (claim,) = head.claims
    for aid in (claim["source"]["actor"], claim["target"]["actor"]):
        assert (aid in head.ids) != (aid in {a.id for a in head.actors})
    # a body that makes it later on: its sentence, in context, stands for the headline's
    later = nlp("Thousands of email servers were attacked last week. "
                "On Tuesday Microsoft blamed China for the attack on its Exchange servers.")
    assert any(c["type"] == "accusation" for c in later._.claims) and headline_claims(title, later).claims == ()


@pytest.mark.slow
def test_a_headline_denial_without_target_yields_to_the_bodys_denial(nlp):
    title = nlp("China denies role in Microsoft hack")
    (denial,) = title._.claims
    assert denial["type"] == "denial" and not denial.get("target")
    quiet = nlp("Thousands of email servers were attacked last week. Beijing did not comment further.")
    assert [c["type"] for c in headline_claims(title, quiet).claims] == ["denial"]
    body = nlp("Microsoft said a group based in China was behind the attack. "
               "China rejected the accusations by Microsoft, a foreign ministry spokesman said.")
    denials = [c for c in body._.claims if c["type"] == "denial"]
    assert denials and denials[0]["source"]["actor"] == "china"
    assert headline_claims(title, body).claims == ()


@pytest.mark.slow
def test_headline_claims_reach_the_store_the_graph_the_exports_and_the_briefing(nlp, tmp_path):
    # the sample corpus's pages make their headlines' claims in the body too, so pages whose headline
    # says more than their body
    pages = {"china-denial": ("China denies role in Microsoft Exchange hack", BODY),
             "daily-edition": ("Microsoft blames China as US warns of Exchange email hack",
                               "<p>Thousands of email servers were attacked last week, officials said.</p>"
                               "<p>Microsoft said it had released updates for the servers.</p>")}
    paths = []
    for name, (title, body) in pages.items():
        path = tmp_path / "in" / f"{name}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page(title, body).html, encoding="utf-8")
        paths.append(str(path))
    run_corpus(paths, tmp_path / "out", Settings())
    tmp_path = tmp_path / "out"
    with sqlite3.connect(tmp_path / "corpus.sqlite") as db:
        stored = db.execute("SELECT id, type, cue_text FROM claims WHERE in_title = 1 ORDER BY id").fetchall()
    assert stored == [("china-denial#t1", "denial", "denies"), ("daily-edition#t1", "accusation", "blames")]
    graph = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    (edge,) = [e for e in graph["edges"] if e["in_title"]]
    assert (edge["source"], edge["target"], edge["type"], edge["key"]) == ("microsoft", "china", "accusation",
                                                                          "daily-edition#t1")
    assert 'attr.name="in_title"' in (tmp_path / "graph.graphml").read_text(encoding="utf-8")
    assert 'title="in_title"' in (tmp_path / "graph.gexf").read_text(encoding="utf-8")
    with open(tmp_path / "claims.csv", encoding="utf-8", newline="") as fh:
        rows = {r["claim"]: r for r in csv.DictReader(fh)}
    assert rows["daily-edition#t1"]["in_title"] == "True" and rows["daily-edition#c1"]["in_title"] == "False"
    assert rows["daily-edition#t1"]["sentence"] == "Microsoft blames China as US warns of Exchange email hack"
    article = (tmp_path / "articles" / "daily-edition.html").read_text(encoding="utf-8")
    headline = article.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert 'id="headline"' in headline and 'href="#claim-daily-edition-t1"' in headline
    assert '<span class="cue">blames</span>' in headline
    assert 'href="#headline"' in article  # the claim's row links to the headline, not to a sentence
    listing = (tmp_path / "lists" / "actor-microsoft-1.html").read_text(encoding="utf-8")
    assert "../articles/daily-edition.html#headline" in listing
