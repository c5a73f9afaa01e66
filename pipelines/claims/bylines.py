"""Quote bylines for news_claims: a quotation followed on its line by a dash and a person's name,
the epigraph and pull-quote convention of web pages ("“We will act.” ― Jane Doe", one a line).

The dash is the cue, the name the source, the quoted words the content (attach.py makes the claim
when no cue verb took the quotation). The dash counts only right after a closing quotation mark,
on a line that is no data, price or label line, and only before a person's name: a PERSON entity,
or two to four capitalised words that no other entity type claims. The same holds a name and a
colon right before a quotation ("Jane Doe: “We will act.”") and a transcript's speaker label
("“DOE: We will act."). Pure functions of the parsed doc and one quotation.
"""
from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span

from .quotes import Quote
from .sources import MAX_NAME_TOKENS, actor_kind, party_actor
from .spans import memo, text_of

LOGGER = logging.getLogger(__name__)

Range = tuple[int, int]

DASHES = "-\u2012\u2013\u2014\u2015"  # - ‒ – — ―
# at the end of a quotation: the dash, the name, an optional ", description", the end of the line
BYLINE_RE = re.compile(rf"[^\S\n]*(--|[{DASHES}])[^\S\n]*([^\s,;:()\[\]\u201c\u201d\"][^\n,;:()\[\]\u201c\u201d\"]{{0,59}}?)"
                       r"[^\S\n]*(,[^\n]{0,120}?)?[^\S\n]*\.?[^\S\n]*(?=\n|$)")
# what may stand before the quotation on its line: nothing, a bullet, or a sentence's end
LINE_OPENING_RE = re.compile(r"(?:^|[.!?][\u201d\"']?[^\S\n]+)[^\S\n]*[*\u2022\u00b7>-]?[^\S\n]*$")
DATA_CHARS_RE = re.compile(r"[\d$\u20ac\u00a3\u00a5%#@&=+/|]")
NAME_SHAPE_TOKENS = (2, 4)
NAME_PARTICLES = {"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "ibn", "al",
                  "el", "y"}
NOT_PERSON = {"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
              "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def quote_byline(doc: Doc, q: Quote, m: re.Match) -> tuple[Range, Range] | None:
    """(dash, name) character ranges of the byline `m` (`byline_match`) after quotation `q`, or None
    when its line is a data or label line or the words after the dash name no person."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, q.start) + 1
    if not LINE_OPENING_RE.search(text[line_start:q.start]):
        LOGGER.debug("dash after the quote at %d: the quote does not open its line or sentence", q.start)
        return None  # "Price: “Deluxe” – ...": a label before the quote
    if m.group(3) and DATA_CHARS_RE.search(m.group(3)):
        return None  # "“Deluxe” – Smith, $4.99": a price or data after the name
    name = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if name is None or not person_name(name) or actor_kind(doc, m.span(2)) not in (None, "person"):
        LOGGER.debug("dash after the quote at %d: %r is no person's name", q.start, m.group(2))
        return None
    return m.span(1), m.span(2)


def byline_match(text: str, q: Quote) -> re.Match | None:
    """A dash and some words that end the line right after the quotation's closing mark: a byline,
    though perhaps of no person (then no speaker, and the quote continues no earlier one either)."""
    if q.open_end or q.end <= q.inner_end or text[q.end - 1].isalnum():
        return None
    return BYLINE_RE.match(text, q.end)


def person_name(name: Span) -> bool:
    """A person's name, perhaps with a title ("Commissioner Jane Smith"): no digits or symbols, at
    most MAX_NAME_TOKENS words, and a PERSON entity or the shape of a name (two to four capitalised
    words or initials, no other entity type, no function words)."""
    words = [t for t in name if not t.is_space]
    while words and words[-1].text == ".":
        words.pop()
    if not words or len(words) > MAX_NAME_TOKENS or any(DATA_CHARS_RE.search(t.text) for t in words):
        return False
    if any(t.ent_type_ == "PERSON" for t in words):
        return not any(t.ent_type_ in NOT_PERSON for t in words) and words[-1].ent_type_ == "PERSON"
    lo, hi = NAME_SHAPE_TOKENS
    if words[-1].tag_ in ("NNS", "NNPS"):
        return False  # "Acme Kitchen Appliances": a plural ends no one's name
    if not lo <= len(words) <= hi or any(t.ent_type_ in NOT_PERSON or t.is_stop and t.lower_ not in NAME_PARTICLES
                                         for t in words):
        return False
    shaped = all(t.lower_ in NAME_PARTICLES and 0 < k < len(words) - 1 or name_word(t.text)
                 for k, t in enumerate(words))
    return shaped and any(t.pos_ == "PROPN" for t in words)


def name_word(word: str) -> bool:
    """"Jane", "O'Neill", "Smith-Jones", "P." (an initial); not "SALE" or "iPhone"."""
    if re.fullmatch(r"[A-Z]\.?", word):
        return True
    parts = re.split(r"[-'\u2019]", word)
    return word[:1].isupper() and all(p[:1].isupper() and (p[1:].islower() or not p[1:]) and p.isalpha()
                                      for p in parts if p)


# "Carl Bialik: “...”", "- Jane Doe: “...”": a speaker's name and a colon right before the quotation
COLON_NAME_RE = re.compile(r"(?:^|(?<=[.!?\n])|(?<=\s[-\u2013\u2014]))[^\S\n]*"
                           r"([A-Z][^\n:.!?\u201c\u201d\"]{0,60}?)[^\S\n]*:[^\S\n]*$")
# a transcript inside a quotation: "“WALLACE: Let's start ..." (a speaker's label in capitals)
TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2}):[^\S\n]+(?=\S)")
# a paragraph opening with such a label: two of them make the text a transcript
TRANSCRIPT_LINE_RE = re.compile(r"(?m)^[\"\u201c\u201d]?[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2}:[^\S\n]")
SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
LABEL_WORDS = {"note", "update", "updates", "warning", "editor", "correction", "clarification", "breaking", "video",
               "photo", "photos", "watch", "read", "source", "sources", "related", "advertisement", "exclusive", "live",
               "analysis", "opinion", "more", "also", "q", "a", "price", "total", "date", "time", "title", "caption"}


def colon_speaker(doc: Doc, q: Quote) -> tuple[Range, Range, Range] | None:
    """(colon, name, content) of a quotation spoken by the name before a colon ("Jane Doe: “A.”"),
    or of a transcript's speaker label opening the quotation ("“DOE: A."), or None. The name is
    a person or body: an entity of those kinds or an actor of the document, and no label word;
    a transcript's label counts only where two paragraphs at least open with such labels."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, q.start) + 1
    m = COLON_NAME_RE.search(text, line_start, q.start)
    if m is not None and m.group(1).strip():
        name = (m.start(1), m.start(1) + len(m.group(1).rstrip()))
        colon = text.rindex(":", name[1], q.start)
        if speaker_name(doc, name):
            return (colon, colon + 1), name, (q.inner_start, q.inner_end)
    name = person_before_colon(doc, line_start, q.start)
    if name is not None:
        colon = text.rindex(":", name[1], q.start)
        return (colon, colon + 1), name, (q.inner_start, q.inner_end)
    t = TRANSCRIPT_RE.match(text, q.inner_start)
    if t is not None and t.group(1).lower() not in LABEL_WORDS and memo(doc, "transcript", lambda: transcript(text)):
        name = t.span(1)
        colon = name[1]
        return (colon, colon + 1), name, (t.end(), q.inner_end)
    return None


COLON_END_RE = re.compile(r":[^\S\n]*$")
BYLINE_REACH = 4  # tokens before the name that a "by" of an excerpt's byline may stand ("by the Herald's")


def person_before_colon(doc: Doc, line_start: int, quote_start: int) -> Range | None:
    """The person named right before a colon that opens a quotation in the middle of a line ("...
    doesn't surprise pollster Jane Doe: “A.”", "Then came Jane Doe: “A.”"): a PERSON entity that
    ends at the colon, or None."""
    text = text_of(doc)
    m = COLON_END_RE.search(text, line_start, quote_start)
    if m is None:
        return None
    ent = next((e for e in doc.ents if e.end_char == m.start() and e.label_ == "PERSON"), None)
    if ent is None or ent.start_char < line_start or not person_name(ent):
        return None
    if any(t.lower_ == "by" for t in doc[max(0, ent.start - BYLINE_REACH):ent.start]):
        return None  # "..., by the Times' Jane Doe: “A.”": the byline of an excerpt, whose writer is not quoted
    return ent.start_char, ent.end_char


def speaker_name(doc: Doc, rng: Range) -> bool:
    """A name that speaks: a few words with a person, organisation or group entity or an actor of
    the document, no label word, no figures outside a parenthesis ("Rep. Jane Doe (D-Ore.)")."""
    span = doc.char_span(*rng, alignment_mode="expand")
    if span is None or not len(span) or len(span) > MAX_NAME_TOKENS:
        return False
    if any(t.lower_ in LABEL_WORDS for t in span) or any(t.pos_ in ("VERB", "AUX") and t.ent_type_ == "" for t in span):
        return False
    if any(t.text == "," or t.pos_ == "ADP" and t.lower_ != "of" for t in span):
        return False  # "Then, later that month on CNN:": a setting before the colon, no name
    bare = re.sub(r"\([^)]*\)", "", text_of(doc)[rng[0]:rng[1]])
    if DATA_CHARS_RE.search(bare):
        return False
    return any(t.ent_type_ in SPEAKER_ENTS for t in span) or party_actor(doc, rng) is not None


def transcript(text: str) -> bool:
    """Two paragraphs at least open (perhaps after a quotation mark) with a capitalised speaker label."""
    return len(TRANSCRIPT_LINE_RE.findall(text)) >= 2
