"""news_lines: a line break ends a sentence, set before the parser so that it parses each line alone.

Headlines, bylines, datelines and live-blog time stamps stand on lines of their own without a
final full stop; the statistical parser then runs them into the next line ("White House says ...
\\nFri 5 Mar 2021 · First published 13:00 GMT"), and a claim's content crosses into the next line.
A wire dateline opening a line ("BERLIN, March 4 (Reuters) - ", "FLINT, Mich., Oct. 4 (UPI) — ",
"WASHINGTON -- ") ends there too: run into the sentence it opens, it makes the small model parse
the city as the root and the speaker as an apposition ("BERLIN, March 4 - Union leader X slammed Y").
The parser respects sentence starts set before it.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# a place in capitals (its state abbreviated after a comma: "FAIRVIEW, W.Va."), an optional date and
# agency, then a dash; at the start of a line only, so that a capitalised phrase in a sentence is left
_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'’ ]{1,30}[A-Z.]"
    r"(?:, [A-Z][A-Za-z.]{1,6}(?: [A-Z][A-Za-z.]{1,6})?(?=,| \(| [-–—]))?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: \([A-Z][A-Za-z ]{1,20}\))?"
    r" ?(?:--|[-–—]) ")


@Language.factory("news_lines", default_config={})
def make_lines(nlp: Language, name: str):
    return split_at_line_breaks


def split_at_line_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not tok.is_space:
                tok.is_sent_start = True
    for match in _DATELINE.finditer(doc.text):
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if after is None or after.start == 0 or after[0].is_space:
            continue
        first = after.start
        for tok in doc[first - 1:first + 2]:  # neither the dateline nor the sentence's first word alone
            if tok.i != first and tok.is_sent_start is None and not tok.is_space:
                tok.is_sent_start = False
        doc[first].is_sent_start = True
    return doc
