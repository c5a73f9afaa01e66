"""Denials without "deny" (pipelines/claims/rebuttals.py): a cue that answers an accusation, or a
content that denies knowledge of or part in it after an accusation was reported. Made-up sentences
through the model, positive and negative."""
from __future__ import annotations

import pytest

ACCUSED = "The senator accused the envoy of pressuring the court. "


def typed(doc) -> list[tuple[str, str, str | None]]:
    return [(c["type"], c["cue"]["text"], (c["target"] or {}).get("text")) for c in doc._.claims
            if c["type"] != "statement"]


@pytest.mark.parametrize("sentence, expected", [
    ("The minister defended the party's actions.", [("denial", "defended", None)]),
    ("The government has ruled out any involvement of the army in the attack.", [("denial", "ruled", None)]),
    ("The director responded to the senator's allegations in a post.", [("denial", "responded", "the senator")]),
    # another sense: a title, a possibility, a question
    ("The champion defended her title on Sunday.", []),
    ("The bank has ruled out a rate rise this year.", []),
    ("The director responded to questions from the audience.", []),
    ("He said he cannot defend his own record.", []),
])
def test_answering_cues(nlp, sentence, expected):
    assert typed(nlp(sentence)) == expected


@pytest.mark.parametrize("sentence, denied", [
    ("The envoy said he had no knowledge of any such plan.", True),
    ("“At no time was I aware of any effort to pressure the court,” the envoy said.", True),
    ("“We never took part in it,” the envoy said.", True),
    ("“There was no sign of it, absolutely no sign,” the envoy said.", True),
    # a plain "not", a finding in a paraphrase
    ("“I don't know what she was thinking,” the envoy said.", False),
    ("There was no evidence linking the two cases, the health ministry said.", False),
])
def test_denied_knowledge_or_part_after_an_accusation(nlp, sentence, denied):
    found = [c for c in typed(nlp(ACCUSED + sentence)) if c[0] == "denial"]
    assert bool(found) is denied
    assert not [c for c in typed(nlp(sentence)) if c[0] == "denial"]  # no accusation reported: a statement
