"""Quote bylines ("“...” ― Jane Doe", bylines.py) and the quotation marks they need (quotes.py).
Sentences are our own."""
from __future__ import annotations

import pytest

from pipelines.claims.quotes import find_quotes

from .test_claims import claims_of, find

EPIGRAPHS = ("Readers wrote in.\n"
             "“The new bridge has changed how we live in this town.” ― Maria Lopez\n"
             "“I hope the council listens to the people who use the ferry.”\u00a0― Jorge Ramos.\n"
             "”Nobody asked us before the works began.” — Julie A. Diaz, a teacher\n")


def test_closing_mark_typed_as_opener():
    text = "Intro.\n”Nobody asked us before the works began.” ― Julie Diaz\n"
    (q,) = find_quotes(text)
    assert text[q.inner_start:q.inner_end] == "Nobody asked us before the works began."


@pytest.mark.slow
@pytest.mark.parametrize("source, content", [
    ("Maria Lopez", "The new bridge has changed how we live in this town."),
    ("Jorge Ramos", "I hope the council listens to the people who use the ferry."),  # no-break space, final stop
    ("Julie A. Diaz", "Nobody asked us before the works began."),  # ” as opener, initial, description
])
def test_epigraph_lines(nlp, source, content):
    claims = claims_of(nlp, EPIGRAPHS)
    assert find(claims, type="statement", source=source, content=content, quote=True), claims


@pytest.mark.slow
def test_epigraph_cue_is_the_dash(nlp):
    claims = claims_of(nlp, EPIGRAPHS)
    assert [c["cue"]["text"] for c in claims if c["source"]["text"] == "Maria Lopez"] == ["―"]


@pytest.mark.slow
@pytest.mark.parametrize("line", [
    "“This blender is the best one I have ever owned in my life.” – $49.99",  # a price
    "“This blender is the best one I have ever owned in my life.” – 4.5 out of 5",  # a rating
    "Price: “This blender is the best one I have ever owned.” – Kitchen Pro",  # a label before the quote
    "“This blender is the best one I have ever owned in my life.” – Springfield Police Department",  # no person
    "“This blender is the best one I have ever owned in my life.” – Amazon",
    "We will act against every group that attacks us – Jane Smith",  # no quotation before the dash
])
def test_no_byline_on_data_or_without_a_person(nlp, line):
    claims = claims_of(nlp, "Reviews.\n" + line + "\n")
    assert not any(c["cue"]["text"] in ("–", "-", ":") for c in claims), claims


@pytest.mark.slow
def test_byline_of_no_person_continues_no_earlier_speaker(nlp):
    text = ("“We will rebuild the pier before the summer.” ― Maria Lopez\n"
            "“Our blender outsells every other model in the shop.” ― Acme Kitchen Appliances\n")
    claims = claims_of(nlp, text)
    assert find(claims, source="Maria Lopez", content="We will rebuild the pier before the summer."), claims
    assert not any("blender" in c["content"]["text"] for c in claims), claims


@pytest.mark.slow
def test_name_and_colon_before_a_quote(nlp):
    text = "The hearing went on for hours.\n\nCouncillor Jane Smith: “We will rebuild the pier before the summer.”\n"
    claims = claims_of(nlp, text)
    assert find(claims, source="Councillor Jane Smith", cue=":", quote=True,
                content="We will rebuild the pier before the summer."), claims
    assert len([c for c in claims if c["cue"]["text"] == ":"]) == 1, claims  # the headline rule's line is the same claim


@pytest.mark.slow
def test_person_and_colon_before_a_quote_inside_a_sentence(nlp):
    text = ("The early lead does not surprise the pollster Jane Marlow: “Lesser-known candidates who win early "
            "contests have always seen a boost in the national polls.” She ran the survey.")
    claims = claims_of(nlp, text)
    assert find(claims, source="Jane Marlow", cue=":", quote=True,
                content="Lesser-known candidates who win early contests have always seen a boost in the national polls."), claims


@pytest.mark.slow
def test_no_colon_speaker_after_an_excerpt_byline(nlp):
    text = ("Worth reading.\n\n“The old pier will close for a year,” by the Herald’s Tom Baker: “The city council "
            "voted on Monday to shut the pier while it is rebuilt.”\n")
    claims = claims_of(nlp, text)
    assert not any(c["source"]["text"] == "Tom Baker" for c in claims), claims


@pytest.mark.slow
def test_transcript_labels_inside_quotes(nlp):
    text = ("The interview, in part:\n\n“SMITH: We will rebuild the pier before the summer comes.\n\n"
            "“JONES: And who is going to pay for all of it, in your view?\n")
    claims = claims_of(nlp, text)
    assert find(claims, source="SMITH", cue=":", content="We will rebuild the pier before the summer comes."), claims
    assert find(claims, source="JONES", cue=":", content="And who is going to pay for all of it, in your view?"), claims


def test_transcript_label_stands_for_the_named_speaker(nlp):
    # "PENCE:" after "Mark Pence" was named: the label is his, even where the parser saw no name in it
    text = ("Senator Mark Pence spoke to the host Chris Wallace on Sunday.\n\n"
            "WALLACE: Will the guest be there tomorrow night?\n\n"
            "PENCE: She will not be attending the debate tomorrow night.\n")
    claim = find(claims_of(nlp, text), source="PENCE", cue=":")
    assert claim is not None and claim["source"]["actor"] == "mark-pence", claim


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Reviews.\n\nPrice: “The best blender we have ever tested in our kitchen.”\n",  # a label, no speaker
    "Reviews.\n\nUpdate: “The best blender we have ever tested in our kitchen.”\n",
    "Notes.\n\n“UPDATE: The pier will reopen in the summer after the works.\n",  # one label, no transcript
])
def test_no_colon_speaker_on_labels(nlp, text):
    claims = claims_of(nlp, text)
    assert not any(c["cue"]["text"] == ":" for c in claims), claims
