"""news_lines: a line break ends a sentence, set before the parser so that it parses each line alone.

Headlines, bylines, datelines and live-blog time stamps stand on lines of their own without a
final full stop; the statistical parser then runs them into the next line ("White House says ...
\\nFri 5 Mar 2021 · First published 13:00 GMT"), and a claim's content crosses into the next line.
The parser respects sentence starts set before it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("news_lines", default_config={})
def make_lines(nlp: Language, name: str):
    return split_at_line_breaks


def split_at_line_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not tok.is_space:
                tok.is_sent_start = True
    return doc
