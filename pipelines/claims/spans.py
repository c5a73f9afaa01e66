"""Character ranges of a parsed Doc for news_claims: token ranges to `(start, end)` characters with
edge punctuation, quote marks and a dangling conjunction trimmed, and a range cut to one line. Text
is made only when a draft becomes a record (draft.py)."""
from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from spacy.tokens import Doc, Token

from ..words import indices_having, word_index
from .quotes import trim_space

EDGE_PUNCT = set(",;:-\u2013\u2014") | {"--"}
LEADING_PUNCT = EDGE_PUNCT | {"(", ")"}  # what a range does not start with
TRAILING_CC = {"and", "but", "or"}
QUOTE_CHARS = set('"\u201c\u201d\u201e\u00ab\u00bb') | {"''", "\u2018\u2018", "\u2019\u2019"}
T = TypeVar("T")


def tok_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Characters of tokens [start, end), with edge punctuation and quote marks trimmed, and a last
    "and"/"but" whose conjunct the parse hung outside the range ("said she met him twice but")."""
    toks = tokens(doc)
    while start < end and ((tok := toks[start]).is_punct and tok.text in LEADING_PUNCT or tok.is_space
                           or tok.lower_ in ("and", "but") and start == end - 1):
        start += 1
    while end > start and ((tok := toks[end - 1]).text in EDGE_PUNCT or tok.is_space
                           or tok.dep_ == "cc" and tok.lower_ in TRAILING_CC):
        end -= 1  # "..., and": a conjunction whose conjunct lies outside the span
    if start >= end:
        return None
    return toks[start].idx, toks[end - 1].idx + len(toks[end - 1])


def chars(doc: Doc, start: int, end: int) -> int:
    """How long tokens [start, end) are in characters, first word to last (no Span text built): the
    measure for choosing the longer of two parts of what was said."""
    return doc[end - 1].idx + len(doc[end - 1]) - doc[start].idx


TEXT_KEY = "news_claims.text"  # the Doc's text, kept in its user_data while news_claims works on it
MEMO_KEY = "news_claims.memo"  # values computed once per Doc while news_claims works on it (`memo`)


def text_of(doc: Doc) -> str:
    """The Doc's text: the copy `kept_text` holds while news_claims runs (Doc.text is rebuilt from
    the tokens on every access), else built."""
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


@contextmanager
def kept_text(doc: Doc) -> Iterator[str]:
    """Keep the Doc's text with the Doc while the block runs; gone after it (no copy travels with
    the Doc through `to_bytes`, and nothing outlives the document)."""
    if TEXT_KEY in doc.user_data:  # an enclosing block keeps it already
        yield doc.user_data[TEXT_KEY]
        return
    doc.user_data[TEXT_KEY] = text = doc.text
    doc.user_data[MEMO_KEY] = {}
    try:
        yield text
    finally:
        doc.user_data.pop(TEXT_KEY, None)
        doc.user_data.pop(MEMO_KEY, None)


def memo(doc: Doc, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, computed once per Doc and key inside a `kept_text` block (a rule asks again for
    each cue: a paragraph's quotations, whether the text is a transcript), else at every call."""
    store = doc.user_data.get(MEMO_KEY)
    if store is None:
        return make()
    if key not in store:
        store[key] = make()
    return store[key]


def tokens(doc: Doc) -> Sequence[Token]:
    """The Doc's tokens, made once inside a `kept_text` block (each structure walks every token, and
    a Token object is made anew at each step of iterating or indexing a Doc); outside it, the Doc."""
    if doc.user_data.get(MEMO_KEY) is None:
        return doc
    return memo(doc, "tokens", lambda: tuple(doc))


def having(doc: Doc, **forms: Collection[str]) -> list[Token]:
    """The tokens whose form (`lemma`, lowercased; `lower`; `pos`) is one of the values given for
    it, in order: a structure walks only the tokens its words can be; each form's index is made
    once inside `kept_text` (words.py)."""
    indexes = {form: memo(doc, ("having", form), lambda: word_index(doc, form)) for form in forms}  # noqa: B023
    toks = tokens(doc)
    return [toks[i] for i in indices_having(indexes, forms)]


def one_line(doc: Doc, rng: tuple[int, int] | None, anchor: int) -> tuple[int, int] | None:
    """The part of a range on the anchor's line: a parse can run over a line break (a dateline,
    a timestamp), a source or a content does not."""
    if rng is None:
        return rng
    text = text_of(doc)
    s, e = rng
    if "\n" not in text[s:e]:
        return rng
    if anchor >= e:
        s = text.rfind("\n", s, e) + 1
    elif anchor < s:
        e = text.find("\n", s, e)
    else:
        s, e = text.rfind("\n", s, anchor) + 1, (text.find("\n", anchor, e) + 1 or e + 1) - 1
    s, e = trim_space(text, s, e)
    return (s, e) if e > s else None
