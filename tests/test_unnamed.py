"""Unnamed speakers (pipelines.claims.unnamed): a party with a phrase and no actor becomes an unnamed
actor of its document ("experts", "a source", "the report"), the writer's "I" the byline's author,
"they" the unnamed group before it; the corpus pass never merges them and the graph draws no arrow
for them by default. Hand-built parses for the rules, then the model and the whole record path."""
from __future__ import annotations

import csv
import io

import jsonschema
import pytest

from extractor.convert import document_from_doc
from extractor.graph import build_graph
from extractor.records import Article
from extractor.resolve import apply, resolve
from pipelines.claims.lexicon import Lexicon
from pipelines.claims.quotes import find_quotes
from pipelines.claims.unnamed import UnnamedActors, name_unnamed
from pipelines.lexicons import read_words

from .parses import parse

LEX = Lexicon.from_data([], read_words("en", ("unnamed.json",)))


def chars(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def record(doc, start: int, end: int) -> dict:
    s, e = chars(doc, start, end)
    verb = doc[start:end].root.head  # the verb the speaker is the subject of: the cue
    return {"type": "statement", "source": {"actor": None, "start": s, "end": e, "text": doc.text[s:e]},
            "cue": {"start": verb.idx, "end": verb.idx + len(verb.text), "text": verb.text}, "target": None}


EXPERTS = """
    Security NN NOUN compound 1 security
    experts NNS NOUN nsubj 6 expert
    in IN ADP prep 1 in
    the DT DET det 4 the
    United NNP PROPN compound 5 United
    States NNP PROPN pobj 2 States
    said VBD VERB ROOT 6 say
    it PRP PRON nsubj 8 it
    failed VBD VERB ccomp 6 fail -
    . . PUNCT punct 6 .
    They PRP PRON nsubj 11 they
    warned VBD VERB ROOT 11 warn -
    . . PUNCT punct 11 .
"""


def test_a_plural_person_noun_is_an_unnamed_group_named_by_its_head_phrase():
    doc = parse(EXPERTS, mentions=[(3, 6, "united-states", "GPE")])
    out = name_unnamed(doc, [record(doc, 0, 6)], LEX, find_quotes(doc.text))
    assert out[0]["source"]["actor"] == "security-experts"  # not the United States in its phrase
    actor = next(a for a in doc._.actors if a["id"] == "security-experts")
    assert (actor["name"], actor["kind"], actor["named"]) == ("security experts", "group", False)
    assert any(m["text"] == "Security experts" and m["actor"] == "security-experts" for m in doc._.mentions)


def test_they_takes_the_unnamed_group_that_is_the_nearest_plural_subject():
    doc = parse(EXPERTS, mentions=[(3, 6, "united-states", "GPE")])
    out = name_unnamed(doc, [record(doc, 0, 6), record(doc, 10, 11)], LEX, find_quotes(doc.text))
    assert [r["source"]["actor"] for r in out] == ["security-experts", "security-experts"]


def test_they_after_a_named_plural_subject_stays_unresolved():
    doc = parse("""
        Democrats NNPS PROPN nsubj 1 Democrats
        said VBD VERB ROOT 1 say
        experts NNS NOUN nsubj 3 expert
        erred VBD VERB ccomp 1 err -
        . . PUNCT punct 1 .
        They PRP PRON nsubj 6 they
        left VBD VERB ROOT 6 leave -
        . . PUNCT punct 6 .
    """)
    made = UnnamedActors(doc, LEX, find_quotes(doc.text))
    assert made.antecedent(doc[5]) == "experts"  # the nearest plural subject is the experts
    doc = parse("""
        experts NNS NOUN nsubj 1 expert
        said VBD VERB ROOT 1 say
        Democrats NNPS PROPN nsubj 3 Democrats
        erred VBD VERB ccomp 1 err -
        . . PUNCT punct 1 .
        They PRP PRON nsubj 6 they
        left VBD VERB ROOT 6 leave -
        . . PUNCT punct 6 .
    """)
    assert UnnamedActors(doc, LEX, find_quotes(doc.text)).antecedent(doc[5]) is None


def test_a_definite_singular_person_points_back_and_gets_no_unnamed_actor():
    doc = parse("""
        The DT DET det 1 the
        businessman NN NOUN nsubj 2 businessman
        said VBD VERB ROOT 2 say
        no DT DET det 4 no
        more JJR ADJ dobj 2 more -
        . . PUNCT punct 2 .
    """)
    assert name_unnamed(doc, [record(doc, 0, 2)], LEX, [])[0]["source"]["actor"] is None


def test_a_source_and_later_the_source_are_one_actor():
    doc = parse("""
        A DT DET det 1 a
        source NN NOUN nsubj 2 source
        said VBD VERB ROOT 2 say
        so RB ADV advmod 2 so -
        . . PUNCT punct 2 .
        The DT DET det 6 the
        source NN NOUN nsubj 7 source
        added VBD VERB ROOT 7 add
        more JJR ADJ dobj 7 more -
        . . PUNCT punct 7 .
    """)
    out = name_unnamed(doc, [record(doc, 5, 7), record(doc, 0, 2)], LEX, [])
    assert [r["source"]["actor"] for r in out] == ["source", "source"]
    assert [a["kind"] for a in doc._.actors] == ["person"]


def test_a_thing_that_is_neither_person_body_nor_document_gets_no_actor():
    doc = parse("""
        Softer JJR ADJ amod 1 soft
        language NN NOUN nsubj 2 language
        suggests VBZ VERB ROOT 2 suggest
        more JJR ADJ dobj 2 more -
        . . PUNCT punct 2 .
    """)
    assert name_unnamed(doc, [record(doc, 0, 2)], LEX, [])[0]["source"]["actor"] is None
    assert not doc._.actors


def test_the_writers_i_outside_quotations_only():
    doc = parse("""
        I PRP PRON nsubj 1 I
        think VBP VERB ROOT 1 think
        so RB ADV advmod 1 so -
        . . PUNCT punct 1 .
        “ `` PUNCT punct 6 “ -
        I PRP PRON nsubj 6 I
        agree VBP VERB ROOT 6 agree -
        , , PUNCT punct 6 , -
        ” '' PUNCT punct 6 ”
        he PRP PRON nsubj 10 he
        said VBD VERB ROOT 10 say -
        . . PUNCT punct 10 .
    """)
    out = name_unnamed(doc, [record(doc, 0, 1), record(doc, 5, 6)], LEX, find_quotes(doc.text))
    assert [r["source"]["actor"] for r in out] == ["writer", None]


# -- through the model and the records -------------------------------------------------------------

TEXT = ("A Democratic source said the bill would fail. Experts warned that it was too late. "
        "I think they are right. Experts accused Sen. John Smith of lying, Reuters reported.")


@pytest.fixture(scope="module")
def documents(nlp):
    """Two articles of the same words, one with a byline."""
    return [document_from_doc(Article(i, i, TEXT, author=author), nlp(TEXT)).to_dict()
            for i, author in (("a", "Jane Doe"), ("b", None))]


@pytest.mark.slow
def test_records_scope_unnamed_ids_to_their_document_and_meet_both_schemas(documents, schemas):
    a, b = documents
    unnamed_a = {x["id"] for x in a["actors"] if not x["named"]}
    unnamed_b = {x["id"] for x in b["actors"] if not x["named"]}
    assert "experts@a" in unnamed_a and "experts@b" in unnamed_b and "democratic-source@a" in unnamed_a
    sources = {c["source"]["text"]: c["source"]["actor"] for c in a["claims"]}
    assert sources["I"] == "jane-doe"  # the byline's author for the writer's "I"
    assert {c["source"]["text"]: c["source"]["actor"] for c in b["claims"]}["I"] == "writer@b"
    assert next(x for x in a["actors"] if x["id"] == "jane-doe")["named"] is True
    for doc in documents:
        ids = {x["id"] for x in doc["actors"]}
        assert {m["actor"] for m in doc["entities"]} <= ids
        for schema in schemas:
            jsonschema.validate(doc, schema)


@pytest.mark.slow
def test_the_corpus_pass_never_merges_unnamed_actors(documents):
    res = resolve(documents)
    assert not any("@" in k or "@" in v for k, v in res.mapping.items())
    assert not any(x["id"].startswith("experts") for x in apply(documents[0], res)["actors"] if x["named"]) 


@pytest.mark.slow
def test_the_graph_draws_no_arrow_from_an_unnamed_actor_unless_asked(documents):
    g = build_graph(documents)
    assert not any("@" in n for n in g.nodes) and g.number_of_edges() == 0
    shown = build_graph(documents, unnamed=True)
    assert ("experts@a", "john-smith") in shown.edges() and ("experts@b", "john-smith") in shown.edges()
    assert shown.nodes["experts@a"]["named"] is False and shown.nodes["john-smith"]["named"] is True


@pytest.mark.slow
def test_store_and_csv_keep_the_flag(documents, tmp_path):
    from extractor.export import claim_rows
    from extractor.store import CorpusStore, StoredDocument

    with CorpusStore(tmp_path / "c.db") as store:
        store.write_batch([StoredDocument(d["id"], d["id"], d["id"], document=d) for d in documents], "fp", 1)
        back = list(store.iter_documents())
        assert [x["named"] for x in back[0]["actors"]] == [x["named"] for x in documents[0]["actors"]]
        rows = {(r["document"], r["source"]): r["source_named"] for r in claim_rows(store)}
    assert rows["a", "Experts"] is False and rows["a", "I"] is True and rows["b", "Reuters"] is True


def test_a_share_of_people_is_the_group_of_its_of_phrase():
    doc = parse("""
        52 CD NUM nummod 1 52
        percent NN NOUN nsubj 5 percent
        of IN ADP prep 1 of
        registered VBN VERB amod 4 register
        voters NNS NOUN pobj 2 voter
        said VBD VERB ROOT 5 say
        no UH INTJ intj 5 no -
        . . PUNCT punct 5 .
    """)
    assert name_unnamed(doc, [record(doc, 0, 5)], LEX, [])[0]["source"]["actor"] == "registered-voters"


def test_a_possessed_document_speaks_for_its_owner_and_the_fund_is_the_one_fund_named():
    doc = parse("""
        Her PRP$ PRON poss 1 her
        submission NN NOUN nsubj 2 submission
        cited VBD VERB ROOT 2 cite
        the DT DET det 4 the
        IMF NNP PROPN dobj 2 IMF -
        . . PUNCT punct 2 .
        The DT DET det 7 the
        fund NN NOUN nsubj 8 fund
        warned VBD VERB ROOT 8 warn -
        . . PUNCT punct 8 .
    """, mentions=[(0, 1, "jane-doe", "PRON"), (4, 5, "imf", "ORG")])
    doc._.actors = [{"id": "jane-doe", "name": "Jane Doe", "kind": "person"},
                    {"id": "imf", "name": "International Monetary Fund", "kind": "organisation", "aliases": ["IMF"]}]
    out = name_unnamed(doc, [record(doc, 0, 2), record(doc, 6, 8)], LEX, [])
    assert [r["source"]["actor"] for r in out] == ["jane-doe", "imf"]


def test_the_writers_i_in_a_question_or_after_an_unpaired_quote_mark_is_no_one():
    doc = parse("""
        Would MD AUX aux 2 would
        I PRP PRON nsubj 2 I
        rather RB ADV advmod 2 rather
        pay VB VERB ROOT 2 pay -
        ? . PUNCT punct 2 ?
        " `` PUNCT punct 7 " -
        I PRP PRON nsubj 7 I
        agree VBP VERB ROOT 7 agree -
        . . PUNCT punct 7 .
    """)
    out = name_unnamed(doc, [record(doc, 1, 2), record(doc, 6, 7)], LEX, find_quotes(doc.text))
    assert [r["source"]["actor"] for r in out] == [None, None]


def test_they_after_a_team_of_people_is_that_group():
    doc = parse("""
        A DT DET det 1 a
        team NN NOUN nsubj 4 team
        of IN ADP prep 1 of
        scientists NNS NOUN pobj 2 scientist
        built VBD VERB ROOT 4 build
        it PRP PRON dobj 4 it -
        . . PUNCT punct 4 .
        They PRP PRON nsubj 8 they
        said VBD VERB ROOT 8 say
        so RB ADV advmod 8 so -
        . . PUNCT punct 8 .
    """)
    out = name_unnamed(doc, [record(doc, 7, 8)], LEX, [])
    assert out[0]["source"]["actor"] == "scientists"


def test_the_writers_we_and_an_apostrophe_before_i_is_no_quotation():
    doc = parse("""
        We PRP PRON nsubj 1 we
        tested VBD VERB ROOT 1 test
        it PRP PRON dobj 1 it -
        . . PUNCT punct 1 .
        That DT PRON nsubj 5 that -
        ’s VBZ AUX ROOT 5 be
        why WRB ADV advmod 8 why
        I PRP PRON nsubj 8 I
        say VBP VERB ccomp 5 say
        so RB ADV advmod 8 so -
        . . PUNCT punct 5 .
    """)
    out = name_unnamed(doc, [record(doc, 0, 1), record(doc, 7, 8)], LEX, find_quotes(doc.text))
    assert [r["source"]["actor"] for r in out] == ["writer", "writer"]


def test_no_writer_in_a_question_and_answer_text():
    doc = parse("""
        Q PRP NOUN ROOT 0 Q -
        : : PUNCT punct 0 :
        Why WRB ADV advmod 0 why -
        ? . PUNCT punct 0 ?
        \\n _SP SPACE dep 3 \\n
        A NN NOUN dep 9 A -
        : : PUNCT punct 5 :
        I PRP PRON nsubj 8 I
        think VBP VERB ROOT 8 think
        so RB ADV advmod 8 so -
        . . PUNCT punct 8 .
    """)
    assert name_unnamed(doc, [record(doc, 7, 8)], LEX, [])[0]["source"]["actor"] is None


def test_unnamed_ids_are_scoped_and_the_writer_is_the_one_byline_author_only():
    from extractor.convert import unnamed_scope
    from extractor.records import Actor

    actors = (Actor("jane-doe", "Jane Doe", "person"), Actor("experts", "experts", "group", named=False),
              Actor("writer", "the writer", "person", named=False))
    kept, ids = unnamed_scope(Article("d", "d", "x", author="Jane Doe"), actors)
    assert ids == {"experts": "experts@d", "writer": "jane-doe"}
    assert [a.id for a in kept] == ["jane-doe", "experts@d"]  # the author named in the text is one actor
    _, ids = unnamed_scope(Article("d", "d", "x", author="Jane Doe; John Roe"), actors)
    assert ids["writer"] == "writer@d"  # two bylines: whose "I" is not said


def test_a_person_noun_with_a_name_in_apposition_is_that_name_not_an_unnamed_source():
    doc = parse("""
        his PRP$ PRON poss 2 his
        best JJS ADJ amod 2 good
        friend NN NOUN nsubj 6 friend
        , , PUNCT punct 2 ,
        Tom NNP PROPN compound 5 Tom
        Reyes NNP PROPN appos 2 Reyes
        said VBD VERB ROOT 6 say -
        . . PUNCT punct 6 .
    """)
    # the NER missed the name in apposition: it is the speaker, never an unnamed "friend"
    assert name_unnamed(doc, [record(doc, 0, 6)], LEX, [])[0]["source"]["actor"] == "tom-reyes"
    assert not any(a["id"].startswith("friend") for a in doc._.actors)


def test_a_bodys_name_head_is_its_last_word_or_the_one_before_of():
    from pipelines.claims.unnamed import _name_head

    assert [_name_head(n) for n in ("International Monetary Fund", "Commission on Presidential Debates",
                                    "Bank of America", "Mayor Disputes Account Of Station")] == [
        "fund", "commission", "bank", "account"]


def test_a_noun_in_apposition_to_a_name_is_that_name():
    doc = parse("""
        Citizens NNP PROPN compound 1 Citizens
        First NNP PROPN ROOT 1 First -
        , , PUNCT punct 1 ,
        a DT DET det 5 a
        watchdog NN NOUN compound 5 watchdog
        group NN NOUN appos 1 group
        that WDT PRON nsubj 7 that
        sued VBD VERB relcl 5 sue -
        . . PUNCT punct 1 .
    """, mentions=[(0, 2, "citizens-first", "ORG")])
    out = name_unnamed(doc, [record(doc, 3, 7)], LEX, [])
    assert out[0]["source"]["actor"] == "citizens-first" and not doc._.actors
