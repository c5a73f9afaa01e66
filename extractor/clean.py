"""RawDocument -> Article: main text out of HTML (trafilatura, readability when that is short), then
boilerplate lines and the repeated headline out of the text; metadata repaired; the language detected.

The boilerplate rules are data (`extractor/data/boilerplate.json`), compiled once at import. Plain
text given with `verbatim=True` is left exactly as it is, so that character offsets keep agreeing
with annotations made on it. Every cleaning rule was kept only when it measured better on real pages
(`benchmarks/clean_eval.py`, the aeb-dev half of an article-extraction benchmark) with no page worse.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from importlib import resources

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.external import try_readability
from trafilatura.utils import load_html

from .errors import NoArticleError
from .language import detect_language
from .metadata import registered_domain, repair_author, repair_source, strip_title_suffix
from .records import Article, RawDocument

LOGGER = logging.getLogger(__name__)

ANYWHERE, EDGE = "anywhere", "edge"
LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")  # every line with its line end, so that kept lines stay byte-identical
# an article has at least one line of this many words, or characters (scripts without spaces: Japanese,
# Chinese); shorter lines alone are menus and labels
MIN_ARTICLE_LINE_WORDS = 4
MIN_ARTICLE_LINE_CHARS = 40
# favor_precision sometimes keeps only a sliver of a page (a reprint notice): under this many characters,
# trafilatura's bundled readability port gets a try, and the longer text wins
SHORT_TEXT_CHARS = 600
# elements whose text readability's summary would run together: each starts a new line
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dd", "dt",
              "figcaption", "section", "article", "header", "footer", "ul", "ol", "table")
# Measured on a 181-page benchmark: 0.964 4-gram F1 with these options, 0.953 with trafilatura's defaults.
EXTRACTION_OPTIONS = {"with_metadata": True, "favor_precision": True, "include_comments": False}


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule: a whole line matching `regex`, with at most `max_words` words."""

    name: str
    where: str  # ANYWHERE, or EDGE: only inside a leading/trailing boilerplate block
    max_words: int
    regex: re.Pattern[str]


def _load_rules() -> tuple[Rule, ...]:
    data = json.loads(resources.files(__package__).joinpath("data", "boilerplate.json").read_text("utf-8"))
    rules = []
    for entry in data["rules"]:
        if entry["where"] not in (ANYWHERE, EDGE):
            raise ValueError(f"boilerplate rule {entry['name']!r}: 'where' must be {ANYWHERE!r} or {EDGE!r}")
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        regex = re.compile("|".join(f"(?:{pattern})" for pattern in entry["patterns"]), flags)
        rules.append(Rule(entry["name"], entry["where"], entry["max_words"], regex))
    return tuple(rules)


RULES = _load_rules()


def clean(raw: RawDocument, *, verbatim: bool = False) -> Article:
    """The article in `raw`: text as given (verbatim) or filtered, HTML always through trafilatura.

    Plain text wins over HTML when a record has both: it is what the producer says the article is.
    Record metadata wins over metadata found in the page, which is validated and repaired
    (`extractor.metadata`). A first line that repeats the headline leaves the text for `title`.
    The language is detected on every text, verbatim or not (the text itself is never changed for it).
    """
    found: dict = {}
    if raw.text is not None:
        text = raw.text if verbatim else filter_boilerplate(raw.text)
    elif raw.html is not None:
        text, found = _extract_html(raw)
    else:
        raise NoArticleError(raw.origin, "neither HTML nor text to read")
    if not text.strip():
        reason = "text is empty" if raw.text is not None and not raw.text.strip() else "no article text left after removing boilerplate"
        raise NoArticleError(raw.origin, reason)
    url = raw.url or found.get("url")
    source = raw.source or repair_source(found.get("source"), url)
    domain = registered_domain(url)
    outlets = [source, found.get("source"), domain, domain and domain.split(".")[0]]
    title = strip_title_suffix(found.get("title"), outlets)
    if raw.html is not None and raw.text is None:
        text, headline = drop_headline(text, [raw.title, title, found.get("title"), *found["headings"]])
        title = headline or title
    return Article(
        id=raw.id,
        origin=raw.origin,
        text=text,
        url=url,
        title=raw.title or title,
        source=source,
        author=repair_author(found.get("author"), outlets),
        published=raw.published or found.get("published"),
        fetched=raw.fetched,
        language=detect_language(text),
    )


def _extract_html(raw: RawDocument) -> tuple[str, dict]:
    """Text and metadata of the page; `headings` holds the page's <h1> texts (trafilatura copies the tree)."""
    tree = load_html(raw.html)
    extracted = bare_extraction(tree, url=raw.url, **EXTRACTION_OPTIONS) if tree is not None else None
    if extracted is None or not (extracted.text or "").strip():
        raise NoArticleError(raw.origin, "no article text found in the HTML")
    meta = {
        "headings": [" ".join(h1.text_content().split()) for h1 in tree.iter("h1")],
        "url": extracted.url,
        "title": extracted.title,
        "source": extracted.sitename,
        "author": extracted.author,
        "published": extracted.date,  # ISO 8601 (YYYY-MM-DD), htmldate's default output format
    }
    text = filter_boilerplate(extracted.text)
    if len(text.strip()) < SHORT_TEXT_CHARS:
        fallback = filter_boilerplate(readability_text(tree))
        if len(fallback.strip()) > len(text.strip()):
            LOGGER.debug("%s: %d characters from trafilatura, %d from readability: readability's kept",
                         raw.origin, len(text.strip()), len(fallback.strip()))
            text = fallback
    if text.strip() and not any(_is_article_line(line) for line in text.splitlines()):
        # trafilatura falls back to whatever text a page has: a menu ("Home News") is no article
        raise NoArticleError(raw.origin, "no article text found in the HTML (only menu-like short lines)")
    return text, meta


def readability_text(tree: HtmlElement) -> str:
    """The text of readability's summary of the page, one line per block (its paragraph breaks kept)."""
    summary = try_readability(tree)
    for element in summary.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in summary.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def drop_headline(text: str, headlines: list[str | None]) -> tuple[str, str | None]:
    """`text` without a first line that repeats the headline (the page title or an <h1>: article text
    starts after it), and that line, whitespace-normalised, or None when the first line is no headline."""
    lines = LINE_RE.findall(text)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return text, None
    headline = " ".join(lines[first].split())
    if headline not in {" ".join(h.split()) for h in headlines if h}:
        return text, None
    rest = first + 1
    while rest < len(lines) and not lines[rest].strip():
        rest += 1
    if rest == len(lines):  # the headline is all there is: keep it as the text
        return text, None
    LOGGER.debug("dropped the headline line: %r", headline)
    return "".join(lines[rest:]), headline


def _is_article_line(line: str) -> bool:
    """A line long enough to be prose in any script: words counted by spaces, or characters."""
    return len(line.split()) >= MIN_ARTICLE_LINE_WORDS or len(line.strip()) >= MIN_ARTICLE_LINE_CHARS


def filter_boilerplate(text: str) -> str:
    """Drop boilerplate lines (sign-up boxes, share bars, banners, cookie notices); keep every other line byte-identical.

    A blank-line run survives only between two kept lines (the first run, if a dropped line sat
    between them), so dropping never leaves stray blank lines at the edges.
    """
    lines = LINE_RE.findall(text)
    rules = [_match(line) for line in lines]
    drop = [rule is not None and rule.where == ANYWHERE for rule in rules]
    for block in (_edge_block(rules, lines, leading=True), _edge_block(rules, lines, leading=False)):
        if any(rules[i] is not None and rules[i].where == ANYWHERE for i in block):
            for i in block:
                drop[i] = drop[i] or rules[i] is not None
    if not any(drop):
        return text
    kept_content = [i for i, line in enumerate(lines) if line.strip() and not drop[i]]
    last_kept = kept_content[-1] if kept_content else -1
    out: list[str] = []
    previous_kept = True
    for i, line in enumerate(lines):
        if not line.strip():
            if previous_kept and i < last_kept:
                out.append(line)
        elif drop[i]:
            previous_kept = False
            LOGGER.debug("dropped boilerplate line (rule %s): %r", rules[i].name, line.strip())
        else:
            previous_kept = True
            out.append(line)
    return "".join(out)


def _match(line: str) -> Rule | None:
    stripped = line.strip()
    if not stripped:
        return None
    words = len(stripped.split())
    for rule in RULES:
        if words <= rule.max_words and rule.regex.fullmatch(stripped):
            return rule
    return None


def _edge_block(rules: list[Rule | None], lines: list[str], *, leading: bool) -> list[int]:
    """Indexes of the leading (or trailing) run of lines that are blank or match some rule."""
    order = range(len(lines)) if leading else range(len(lines) - 1, -1, -1)
    block = []
    for i in order:
        if lines[i].strip() and rules[i] is None:
            break
        block.append(i)
    return block
