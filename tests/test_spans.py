"""The Doc's text and per-Doc values that news_claims keeps while it works on a Doc (spans.py)."""
from __future__ import annotations

import spacy

from pipelines.claims.bylines import colon_speaker
from pipelines.claims.quotes import find_quotes
from pipelines.claims.sources import quotation_around
from pipelines.claims.spans import MEMO_KEY, TEXT_KEY, kept_text, memo

TWO_PARAGRAPHS = "“We will act,” she said.\n  He said the plan, “a bold one,” was late.\n“It is late.”"


def test_memo_computes_once_inside_the_block_and_nothing_outlives_it():
    doc = spacy.blank("en")("A short text.")
    calls = []
    with kept_text(doc):
        assert memo(doc, "k", lambda: calls.append(1) or len(calls)) == 1
        assert memo(doc, "k", lambda: calls.append(1) or len(calls)) == 1
        assert memo(doc, "other", lambda: calls.append(1) or len(calls)) == 2
    assert TEXT_KEY not in doc.user_data and MEMO_KEY not in doc.user_data
    assert memo(doc, "k", lambda: "again") == "again"  # outside a block: computed at every call


def test_quotation_around_gives_the_same_quotes_inside_and_outside_the_block():
    doc = spacy.blank("en")(TWO_PARAGRAPHS)
    text = doc.text
    probes = [text.index(w) for w in ("will", "she", "bold", "plan", "late.”")]
    outside = [quotation_around(doc, p) for p in probes]
    with kept_text(doc):
        inside = [quotation_around(doc, p) for p in probes]
        again = [quotation_around(doc, p) for p in reversed(probes)][::-1]
    assert inside == outside == again
    spans = [None if q is None else text[q.inner_start:q.inner_end] for q in inside]
    # "a bold one," ends in a comma: speech; "It is late." is the third paragraph's own quotation
    assert spans == ["We will act,", None, "a bold one,", None, "It is late."]
    assert len(find_quotes(text)) == 3


def test_a_transcript_label_counts_only_with_two_labelled_paragraphs_also_when_asked_twice():
    text = "“DOE: We will act.\n“SMITH: When?\n“DOE: Soon."
    doc = spacy.blank("en")(text)
    with kept_text(doc):
        found = [colon_speaker(doc, q) for q in find_quotes(text)]
    assert [text[n[0]:n[1]] for _, n, _ in found] == ["DOE", "SMITH", "DOE"]
    single = spacy.blank("en")("“DOE: We will act.”\nThe rest is prose.")
    with kept_text(single):
        assert [colon_speaker(single, q) for q in find_quotes(single.text)] == [None]
