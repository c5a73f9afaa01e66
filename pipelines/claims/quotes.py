"""Quotation spans of a text: marks paired by their open/close characters, paragraph by paragraph.

A pure function over the text (no parse), so it is tested without a model and runs in one pass.
An unpaired mark never rejects a document: the span is skipped and the reason logged.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

OPENERS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb"}  # “ „ «
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'
DOUBLE_APOSTROPHE = "''"  # some wires and archives write quotation marks as two apostrophes
SYMMETRIC = {STRAIGHT, DOUBLE_APOSTROPHE}
MARK_RE = re.compile("''|[\u201c\u201d\u201e\u00ab\u00bb\"]")
PARA_RE = re.compile(r"\n\s*")
MIN_INNER = 2  # characters: shorter "quotes" are not speech


@dataclass(frozen=True)
class Quote:
    start: int        # the opening mark (or the paragraph start when the opener is missing)
    end: int          # after the closing mark (or the paragraph end when the closer is missing)
    inner_start: int  # the quoted words, marks excluded
    inner_end: int
    para: int         # index of the paragraph
    open_end: bool    # not closed in its paragraph: a paragraph break ended it
    continued: bool   # the next paragraph opens with a quote mark that continues this quote


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of the non-blank lines; a newline ends a paragraph."""
    out, pos = [], 0
    for m in PARA_RE.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def trim_space(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without the white space at its edges."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quotes(text: str) -> list[Quote]:
    """All quotations, sorted by start. A closing mark with no opener at the start of a paragraph
    quotes from the paragraph start (an opener lost in editing); elsewhere it is skipped."""
    paras = paragraphs(text)
    quotes: list[Quote] = []
    marks = [(m.start(), m.group()) for m in MARK_RE.finditer(text)]
    width = 1
    k = 0
    for p, (ps, pe) in enumerate(paras):
        open_at, closer, seen = None, None, False
        while k < len(marks) and marks[k][0] < ps:
            k += 1
        while k < len(marks) and marks[k][0] < pe:
            i, ch = marks[k]
            k += 1
            closing_position = i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([{\u2014"
            if open_at is not None and (ch == closer or (closer == STRAIGHT and ch in CLOSERS)
                                        or (closing_position and i > open_at + width)):
                # a mark right after a word closes whatever opened ("“crumbling,"", "“Apparently not,“")
                _add(quotes, text, open_at, i + len(ch), open_at + width, i, p, False)
                open_at, seen = None, True
            elif ch in OPENERS or (ch in SYMMETRIC and open_at is None) or opens_paragraph(text, i, ps, pe, ch, open_at):
                if open_at is not None:
                    LOGGER.debug("unclosed quote mark at %d skipped (reopened at %d)", open_at, i)
                open_at, closer, width = i, OPENERS.get(ch, ch), len(ch)
            elif ch in CLOSERS and open_at is None and not seen and not text[ps:i].count(STRAIGHT):
                _add(quotes, text, ps, i + 1, ps, i, p, False)  # opener missing at the paragraph start
                seen = True
            else:
                LOGGER.debug("unpaired quote mark %r at %d skipped", ch, i)
        if open_at is not None:
            nxt = paras[p + 1][0] if p + 1 < len(paras) else None
            continued = nxt is not None and (text[nxt] in OPENERS or text[nxt] == STRAIGHT
                                             or text.startswith(DOUBLE_APOSTROPHE, nxt))
            if not continued:
                LOGGER.debug("quote opened at %d closed by the paragraph break", open_at)
            _add(quotes, text, open_at, pe, open_at + width, pe, p, True, continued)
    return quotes


def opens_paragraph(text: str, i: int, ps: int, pe: int, ch: str, open_at: int | None) -> bool:
    """A closing mark typed as the opener ("”We will act.”"): at the paragraph start, before a word."""
    return ch in CLOSERS and open_at is None and i == ps and i + 1 < pe and not text[i + 1].isspace()


def _add(quotes, text, s, e, inner_s, inner_e, para, open_end, continued=False) -> None:
    inner_s, inner_e = trim_space(text, inner_s, inner_e)
    if inner_e - inner_s >= MIN_INNER:
        quotes.append(Quote(s, e, inner_s, inner_e, para, open_end, continued))
