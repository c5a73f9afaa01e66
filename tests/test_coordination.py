"""One typed claim per coordinated party (pipelines/claims/coordination.py), reciprocal "each
other" as two claims; statements and coordinations of things are left whole."""
from __future__ import annotations

import pytest


def typed(doc) -> list[tuple[str, str, str | None]]:
    return [(c["type"], c["source"]["text"], (c["target"] or {}).get("text")) for c in doc._.claims
            if c["type"] != "statement"]


@pytest.mark.parametrize("sentence, expected", [
    ("The ambassador accused the UK and the US of meddling in the country's affairs.",
     [("accusation", "The ambassador", "the UK"), ("accusation", "The ambassador", "the US")]),
    ("Egypt and Jordan sharply criticised the policy.",
     [("accusation", "Egypt", "the policy"), ("accusation", "Jordan", "the policy")]),
    ("In their first debate, Johnson and Corbyn attacked each other's policies on health care.",
     [("accusation", "Johnson", "Corbyn"), ("accusation", "Corbyn", "Johnson")]),
    ("The chairman denied the corruption and the greed of the bank.", [("denial", "The chairman", None)]),
])
def test_one_claim_per_party(nlp, sentence, expected):
    assert typed(nlp(sentence)) == expected


def test_a_statement_keeps_its_coordinated_source(nlp):
    (claim,) = nlp("Smith and Jones said the talks would resume in May.")._.claims
    assert (claim["type"], claim["source"]["text"]) == ("statement", "Smith and Jones")
