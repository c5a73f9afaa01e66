"""One actor per person within a document (issue 8, point 5) on hand-built parses (tests/parses.py):
a given name alone is the one full name it begins, "Mrs. Clinton" of Bill and Hillary Clinton is
Hillary Clinton; a given name or a surname that two of the document's people share stays no one's."""
from __future__ import annotations

import pytest

from pipelines import read_jsonl
from pipelines.actors import ActorLexicon
from pipelines.actors.lookup import entity_names
from pipelines.actors.persons import honorific_surnames, persons
from pipelines.lexicons import read_actor_words

from .parses import parse
from .test_actor_passes import mentions, run

PASSES = (persons, entity_names, honorific_surnames)


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.from_data(read_jsonl("actors.jsonl"), read_actor_words("en"))


TWO_THEN_ONE = """
    {g1} NNP PROPN compound 1 {g1}
    {s1} NNP PROPN nsubj 5 {s1}
    and CC CCONJ cc 1 and
    {g2} NNP PROPN compound 4 {g2}
    {s2} NNP PROPN conj 1 {s2}
    spoke VBD VERB ROOT 5 speak -
    . . PUNCT punct 5 .
    {h} NNP PROPN compound 8 {h}
    {last} NNP PROPN nsubj 9 {last}
    said VBD VERB ROOT 9 say
    so RB ADV advmod 9 so -
    . . PUNCT punct 9 .
"""


def actor_of_last(lex, ents=((0, 2, "PERSON"), (3, 5, "PERSON"), (8, 9, "PERSON")), **words) -> str:
    """The actor of the last sentence's name in "<g1> <s1> and <g2> <s2> spoke. <h> <last> said so."."""
    doc = parse(TWO_THEN_ONE.format(**words), ents=list(ents))
    table = run(doc, lex, *PASSES)
    return next(aid for text, aid, _ in mentions(doc, table) if text == words["last"])


def test_a_given_name_alone_is_the_one_full_name_it_begins(lex):
    assert actor_of_last(lex, g1="Maria", s1="Velez", g2="John", s2="Harlow", h="Later", last="Maria",
                         ents=((0, 2, "PERSON"), (3, 5, "PERSON"), (8, 9, "PERSON"))) == "maria-velez"


def test_a_given_name_two_people_share_is_neither(lex):
    found = actor_of_last(lex, g1="Ted", s1="Cruz", g2="Ted", s2="Kennedy", h="Later", last="Ted")
    assert found not in ("ted-cruz", "ted-kennedy")


def test_mrs_and_a_shared_surname_is_the_woman_of_that_name(lex):
    assert actor_of_last(lex, g1="Bill", s1="Clinton", g2="Hillary", s2="Clinton", h="Mrs.", last="Clinton") \
        == "hillary-clinton"
    assert actor_of_last(lex, g1="Bill", s1="Clinton", g2="Hillary", s2="Clinton", h="Mr.", last="Clinton") \
        == "bill-clinton"


def test_a_shared_surname_stays_no_ones_without_one_gender_to_tell(lex):
    # two women: "Mrs. Clinton" could be either; no honorific: "Clinton" could be either
    assert actor_of_last(lex, g1="Maria", s1="Clinton", g2="Hillary", s2="Clinton", h="Mrs.", last="Clinton") \
        not in ("maria-clinton", "hillary-clinton")
    assert actor_of_last(lex, g1="Bill", s1="Clinton", g2="Hillary", s2="Clinton", h="Later", last="Clinton") \
        not in ("bill-clinton", "hillary-clinton")
