"""Acts owned or alleged (pipelines/claims/acts.py): "claimed responsibility for" is an attribution
to the claimant, "allegedly" + an act a sourceless accusation of its doer; concerns raised about a
party (pipelines/claims/concerns.py) an accusation of that party."""
from __future__ import annotations

import pytest


def typed(doc) -> list[tuple[str, str | None, str | None]]:
    return [(c["type"], c["source"]["text"], (c["target"] or {}).get("text")) for c in doc._.claims
            if c["type"] != "statement"]


@pytest.mark.parametrize("sentence, expected", [
    ("The rebels claimed responsibility for the attack on the convoy.",
     [("attribution", "The rebels", "The rebels")]),
    ("Nobody has claimed responsibility for the attack.", []),
    ("The company took responsibility for the delays.", []),  # an admission, no claim
    ("Smith allegedly stole the money from the till.", [("accusation", None, "Smith")]),
    ("The storm allegedly destroyed the pier.", []),  # no party did it
    ("The mayor allegedly said the budget was balanced.", []),  # a report, left to its own structure
])
def test_acts(nlp, sentence, expected):
    assert typed(nlp(sentence)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Senator Smith raised questions about Mayor Jones's spending.", [("accusation", "Senator Smith", "Mayor Jones")]),
    ("In his testimony, he raised questions about the judgment of another witness, Alexander Vindman.",
     [("accusation", "he", "another witness, Alexander Vindman")]),
    ("Economists raised concerns about the economy.", []),  # no party the concern is about
    ("Rival campaigns cried foul.", [("accusation", "Rival campaigns", None)]),
])
def test_concerns_raised_about_a_party(nlp, sentence, expected):
    assert typed(nlp(sentence)) == expected
