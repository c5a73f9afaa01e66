"""news_lines: a line break starts a sentence, before the parser sees the text."""
from __future__ import annotations

import spacy

from pipelines.lines import split_at_line_breaks

HEADER = ("Exchange hack live: White House says ‘act now to patch’\n"
          "Fri 5 Mar 2021 19:40 GMT · First published 13:00 GMT\n"
          "Microsoft also said it was deploying some mitigation techniques.\n\n"
          "It told customers to apply updates.")


def test_each_line_starts_a_sentence_without_a_model():
    doc = split_at_line_breaks(spacy.blank("en")(HEADER))
    starts = [t.text for t in doc[1:] if t.is_sent_start]
    assert starts == ["Fri", "Microsoft", "It"]
    assert all(not t.is_sent_start for t in doc if t.is_space)


def test_the_parser_keeps_lines_apart_and_no_content_crosses_one(nlp):
    doc = nlp(HEADER)
    assert [s.text.strip() for s in doc.sents][:3] == HEADER.split("\n")[:3]
    for claim in doc._.claims:
        assert "\n" not in claim["content"]["text"], claim
    assert not any("First published" in c["content"]["text"] for c in doc._.claims)
