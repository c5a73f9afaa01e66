"""Where each word form stands in a Doc (pipelines/words.py), and the rules that walk only those
tokens (news_claims' spans.having, news_actors' DocView.having): the same tokens, in the same order,
as a walk over every token would find."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipelines.actors.table import DocView
from pipelines.claims.spans import having, kept_text
from pipelines.words import word_index

from .parses import parse

# "Be" as a lemma in title case: the index lowercases lemmas, and merges the two in token order
BE_SAID = parse("""
Be VB AUX ROOT 0 Be
quiet JJ ADJ acomp 0 quiet -
, , PUNCT punct 4 ,
he PRP PRON nsubj 4 he
said VBD VERB ROOT 4 say -
. . PUNCT punct 4 .
They PRP PRON nsubj 7 they
were VBD AUX ROOT 7 be
. . PUNCT punct 7 .
""")


def test_word_index_puts_every_token_under_its_form_once_in_order():
    for form in ("lemma", "lower", "pos"):
        index = word_index(BE_SAID, form)
        assert sorted(i for found in index.values() for i in found) == list(range(len(BE_SAID)))
        assert all(found == sorted(found) for found in index.values())
    assert word_index(BE_SAID, "lemma")["be"] == [0, 7]  # "Be" and "be"
    assert word_index(BE_SAID, "lower")["they"] == [6]
    assert word_index(BE_SAID, "pos")["AUX"] == [0, 7]
    assert word_index(Doc(BE_SAID.vocab, words=[]), "lemma") == {}


def test_having_gives_each_token_once_in_order_inside_and_outside_kept_text():
    outside = [t.i for t in having(BE_SAID, lemma={"be", "say"}, lower=("he", "were"))]
    with kept_text(BE_SAID):
        inside = [t.i for t in having(BE_SAID, lemma={"be", "say"}, lower=("he", "were"))]
        again = [t.i for t in having(BE_SAID, pos=("PRON",))]
    assert outside == inside == [0, 3, 4, 7]  # "were" is both a lemma "be" and the lower form: once
    assert again == [3, 6]
    assert having(BE_SAID, lemma=()) == []


@pytest.mark.parametrize("words", [
    {"lemma": {"say", "claim", "accuse", "deny", "be"}},
    {"lower": {"the", "microsoft", "in"}, "pos": ("PROPN",)},
    {"pos": ("NOUN", "ADJ", "VERB")},
])
def test_having_finds_what_a_walk_over_every_token_finds_on_the_seed(nlp, seed_text, words):
    doc = nlp(seed_text)
    read = {"lemma": lambda t: t.lemma_.lower(), "lower": lambda t: t.lower_, "pos": lambda t: t.pos_}
    walked = [t.i for t in doc if any(read[form](t) in values for form, values in words.items())]
    assert walked  # the seed has each of these words
    assert [t.i for t in having(doc, **words)] == walked
    assert [t.i for t in DocView.of(doc).having(**words)] == walked
