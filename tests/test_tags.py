"""Parenthetical speech tags ("A, the mayor said, B", tags.py). Sentences are our own."""
from __future__ import annotations

import pytest

from .test_claims import claims_of, find


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # the tag after the main clause, the sentence going on after it: both parts, the tag between
    ("The new bridge has badly hurt the local shops, the mayor said, since most drivers now skip the old town.",
     dict(source="the mayor", cue="said",
          content="The new bridge has badly hurt the local shops, the mayor said, since most drivers now skip the old town")),
    # the opening clause parsed under the cue: the longer part after it holds most of the words
    ("To see it, the author said, one should visit the old library on the hill above the harbour.",
     dict(source="the author", cue="said", content="one should visit the old library on the hill above the harbour")),
    # a sentence-final tag after a phrase with no verb of its own
    ("The shortage hit every school in the county.\n\nThe teachers above all, the union said.",
     dict(source="the union", cue="said", content="The teachers above all")),
    # a headline-like clause with a tag at its end: the clause is what was said
    ("Rules unclear on whether part-time workers are covered, lawyers say.\n",
     dict(source="lawyers", cue="say", content="Rules unclear on whether part-time workers are covered")),
    # speech inside another claim's content stands on its own (nested.py): a relative clause of speech
    ("The mayor promised a new wall along the river, which he said the county should pay for.",
     dict(source="he", cue="said", content="the county should pay for")),
    # ... and a participle of speech after a comma, with its own clause
    ("The union criticized the new contract on Monday, saying it does nothing for the youngest workers.",
     dict(source="The union", cue="saying", content="it does nothing for the youngest workers")),
    # the one asked is not the speaker of the question: who asked is not said
    ("Asked whether the long campaign had been hard for the senator, Mr. Brown said it had.",
     dict(source=None, cue="Asked", content="whether the long campaign had been hard for the senator")),
    ("The senator spoke on Monday.\n\nAsked what might surprise people about him, he laughed and said it was simple.",
     dict(source=None, cue="Asked", content="what might surprise people about him")),
    # an "as" tag before the clause it reports, with a time of its own
    ("As several budget experts have pointed out in May, the council is free to publish the figures.",
     dict(source="several budget experts", cue="pointed", content="the council is free to publish the figures")),
    # ... with the day it was said ("on" of when, not of what: "as the council decides on the budget")
    ("As the mayor said on Tuesday, the old bridge will close for a year.",
     dict(source="the mayor", cue="said", content="the old bridge will close for a year")),
    # ... after it, set off by a comma
    ("The new road will cost twice as much, as the auditor noted.",
     dict(source="the auditor", cue="noted", content="The new road will cost twice as much")),
    # "put it" is a report only in an "as" tag
    ("As one shop owner put it, the market has lost its heart.",
     dict(source="one shop owner", cue="put", content="the market has lost its heart")),
    # a quotation in the clause an "as" tag reports is part of it, closing mark and all
    ("As the senator put it, the plan is \u201ca disaster for the state.\u201d",
     dict(source="the senator", cue="put", content="the plan is \u201ca disaster for the state.\u201d")),
])
def test_speech_tag(nlp, text, want):
    claims = claims_of(nlp, text)
    assert find(claims, **want), claims


@pytest.mark.slow
def test_tag_with_both_parts_keeps_them_as_fragments(nlp):
    text = "The new bridge has badly hurt the local shops, the mayor said, since most drivers now skip the old town."
    (claim,) = [c for c in claims_of(nlp, text) if c["cue"]["text"] == "said"]
    assert [f["text"] for f in claim["content"]["fragments"]] == [
        "The new bridge has badly hurt the local shops", "since most drivers now skip the old town"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # a fronted clause before the sentence's own verb is no tag
    "When the money finally came, after months of waiting, the council backed the plan.",
    "After the vote, under pressure from the unions, the minister said nothing.",
    "The agents seized less this year. That said, the agency expects a rise.",  # an idiom of concession
    "The budget grew every year. But when the funding was cut in the spring, the minister said.",
])
def test_no_tag_after_a_fronted_clause(nlp, text):
    claims = claims_of(nlp, text)
    assert not any(c["content"]["text"] and c["content"]["text"].startswith(("When", "After", "the agency", "But"))
                   for c in claims), claims


@pytest.mark.slow
def test_document_relative_stays_nested(nlp):
    text = "The mayor released a report on Friday that says the river wall will cost twice as much."
    claims = claims_of(nlp, text)
    assert not any(c["cue"]["text"] == "says" and c["source"]["text"] and c["source"]["text"].endswith("that")
                   for c in claims), claims


@pytest.mark.slow
@pytest.mark.parametrize("text, clause", [
    ("The fans cheered loudly as they celebrated.", ""),  # an "as" after its clause with no comma says when
    # "hints at": a "while" (the tail classifier may take "hints at a new tax" itself, its own object)
    ("As the mayor hints at a new tax, the shop owners are not having any of it.", "the shop owners"),
    ("As the council decides on the budget, the unions wait.", ""),
    ("She put it on the table as the guests arrived.", ""),  # "put" outside a tag is no cue
])
def test_no_as_tag(nlp, text, clause):
    # no claim on the verb after "as" ("" is in every content), or none whose content is the other clause
    claims = claims_of(nlp, text)
    assert not any(c["cue"]["text"] in ("celebrated", "hints", "decides", "put") and clause in c["content"]["text"]
                   for c in claims), claims


@pytest.mark.slow
def test_as_tag_leaves_a_reported_clause_to_its_cue(nlp):
    """"As he noted, officials said Y": the officials' claim stands; the tag makes no claim that would
    swallow it."""
    claims = claims_of(nlp, "As he noted, officials said the plan had failed.")
    assert find(claims, source="officials", cue="said", content="the plan had failed"), claims


SHORT_SPLIT = "The rally ended late.\n\n“We will never give up this fight,” she said. “We want to win the vote very soon.”"
LONG_SPLIT = ("The meeting ran long.\n\n“The new bridge over the river has cut the drive to the city by half for everyone "
              "who works there, and the shops on the old road have lost most of their trade since it opened,” the mayor "
              "said. “Nobody in the council expected the change to come this fast, and nobody has a plan for the old road "
              "yet, though the mayor promised one before the next election.”")


@pytest.mark.slow
def test_a_short_split_quote_of_two_near_equal_parts_is_both(nlp):
    # 33 and 34 characters: with their quotation marks the longer part holds under half of the quotation
    (claim,) = [c for c in claims_of(nlp, SHORT_SPLIT) if c["cue"]["text"] == "said"]
    assert claim["content"]["text"] == "We will never give up this fight,” she said. “We want to win the vote very soon."


@pytest.mark.slow
def test_a_long_split_quote_is_its_longer_part_when_it_holds_the_majority(nlp):
    # 174 and 160 characters: the longer part holds a majority of the quotation, marks counted
    (claim,) = [c for c in claims_of(nlp, LONG_SPLIT) if c["cue"]["text"] == "said"]
    assert claim["content"]["text"].startswith("The new bridge over the river") and "Nobody" not in claim["content"]["text"]
    assert len(claim["content"]["fragments"]) == 2
