"""Parties the small model's NER leaves without an actor: a proper name it missed becomes a named
actor (pipelines.claims.unnamed `missed_name`), a name set off by commas after a description is
the party (`sources.comma_name`), an offshoot is not the body it grew from, and the states of the
curated list (all UN members now) resolve with their capitals. Through the model, on sentences of
our own."""
from __future__ import annotations

import pytest

from pipelines.claims.unnamed import _headline


def parties(doc, role: str) -> list[tuple[str | None, str | None]]:
    actors = {a["id"]: a for a in doc._.actors}
    return [(c[role]["text"], actors.get(c[role]["actor"], {}).get("name")) for c in doc._.claims if c.get(role)]


def actor(doc, name: str) -> dict | None:
    return next((a for a in doc._.actors if a["name"] == name), None)


def test_a_missed_single_name_becomes_the_target(nlp):
    doc = nlp("Skyway Airlines blamed Eurocontrol for the cancellation of more than 200 flights.")
    assert ("Eurocontrol", "Eurocontrol") in parties(doc, "target")
    assert actor(doc, "Eurocontrol")["kind"] == "other"  # the words alone do not say what it is


def test_a_title_before_a_missed_name_is_read_as_a_title(nlp):
    doc = nlp("Actress Naomi Reed accused producer Stan Koller of harassment in an interview published on Sunday.")
    assert [n for _, n in parties(doc, "source")] == ["Naomi Reed"]
    assert actor(doc, "Naomi Reed")["kind"] == "person"


def test_a_title_case_headline_makes_no_names(nlp):
    assert _headline(nlp("Retired General Reveals Demoralizing Experience Of Serving Under Obama").sents.__next__())
    assert not _headline(nlp("Skyway Airlines blamed Eurocontrol for the delays.").sents.__next__())


def test_a_capitalised_word_used_in_lower_case_elsewhere_is_no_name(nlp):
    doc = nlp("Bankruptcy is like a chess game, he said. A bankruptcy takes years.")
    assert actor(doc, "Bankruptcy") is None


@pytest.mark.parametrize("text, target", [
    ("Coach Mia Sandberg lashed out at the referees' federation, UEFA, after the match.", "UEFA"),
])
def test_a_name_set_off_by_commas_is_the_party(nlp, text, target):
    assert target in [n for _, n in parties(nlp(text), "target")]


def test_a_name_in_a_list_after_a_description_is_not_the_party():
    from pipelines.claims.sources import comma_name

    from .parses import parse
    doc = parse("""
        the DT DET det 1 the
        union NN NOUN pobj 1 union -
        , , PUNCT punct 1 ,
        Apple NNP PROPN conj 1 Apple
        , , PUNCT punct 3 ,
        and CC CCONJ cc 3 and
        Google NNP PROPN conj 3 Google
    """, mentions=[(3, 4, "apple", "ORG"), (6, 7, "google", "ORG")])
    assert comma_name(doc[0:2]) is None


def test_an_offshoot_is_not_the_body_it_grew_from(nlp):
    doc = nlp("The group is an al-Qaeda offshoot, which French President Emmanuel Macron blamed for the attacks.")
    assert all(n != "al-Qaeda" for _, n in parties(doc, "target"))


def test_states_beyond_the_first_list_and_their_capitals(nlp):
    doc = nlp("Chile accused Peru of violating its airspace. Lima rejected the accusation on Monday.")
    kinds = {a["name"]: a["kind"] for a in doc._.actors}
    assert kinds.get("Chile") == "state" and kinds.get("Peru") == "state"
    assert ("Peru", "Peru") in parties(doc, "target")
    assert any(m["text"] == "Lima" and m["actor"] == "peru" for m in doc._.mentions)


def test_a_sentence_s_first_word_is_no_missed_name(nlp):
    # its capital says nothing: "Beijing" here is China's metonym, which the NER did not tag
    doc = nlp("Beijing denied US accusations that it hacked the servers. News of the breach spread.")
    assert not any(a["name"] in ("Beijing", "News") and a["kind"] == "other" for a in doc._.actors)
