"""news_claims: statements, accusations, attributions and denials with source, cue, content and target.

Rules over the dependency parse (textacy style: generator functions over a Doc yielding small
frozen drafts), cue lexicons as data (pipelines/data/cues.jsonl, built by scripts/build_cues.py; the
hand-written claims_lexicon.json). A claim goes one way, one module a stage, as in citron:

    structures   STRUCTURES, each a generator of drafts (structures.py, more_structures.py), over the
                 document's quotations found once (quotes.py); cue words (lexicon.py), content spans
                 (content.py), parties (sources.py), qualifiers (qualifiers.py), the draft (draft.py)
    nested       cues inside a quotation or inside another claim's content dropped (nested.py)
    attached     quotations attached to cues and speakers, as new drafts (attach.py)
    resolved     duplicates resolved by one rule, sorted (overlaps.py)
    records      text and actors made once: the dicts of `Doc._.claims` (draft.to_record)

syntax.py and spans.py hold dependency-label sets, parse helpers and character ranges. Offsets are
characters.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..extensions import register_extensions
from .attach import attach_quotes
from .draft import Draft, to_record
from .lexicon import Lexicon
from .more_structures import channel_claims, headline_claims, nominal_claims, stance_claims, view_claims
from .nested import drop_nested_cues, drop_quoted_cues
from .overlaps import resolve
from .quotes import find_quotes
from .spans import kept_text
from .structures import verb_claims

__all__ = ["ClaimExtractor", "Lexicon", "extract_claims", "find_drafts", "make_claims"]

# the claim structures, in the order their drafts are made (the order decides which of two equal
# drafts wins, overlaps.py)
STRUCTURES = (verb_claims, channel_claims, nominal_claims, headline_claims, stance_claims, view_claims)


@Language.factory("news_claims", assigns=["doc._.claims"], default_config={"quote_fragments": "auto"})
def make_claims(nlp: Language, name: str, quote_fragments: str = "auto") -> ClaimExtractor:
    return ClaimExtractor(nlp, name, quote_fragments=quote_fragments)


class ClaimExtractor(Pipe):
    """Finds claims in a parsed Doc and sets `Doc._.claims`. Data (cue lexicon, word lists) arrive at
    `initialize` and persist with `to_disk` / `from_disk`."""

    def __init__(self, nlp: Language, name: str = "news_claims", *, quote_fragments: str = "auto"):
        register_extensions()
        self.name = name
        self.quote_fragments = quote_fragments
        self.cues: list[dict] = []
        self.words: dict[str, Any] = {}
        self.lex = Lexicon()

    # -- data
    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   cues: list[dict] | None = None, lexicon: dict | None = None) -> None:
        self.cues = list(cues or [])
        self.words = dict(lexicon or {})
        self.lex = Lexicon.from_data(self.cues, self.words)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "cues.jsonl", self.cues)
        srsly.write_json(path / "lexicon.json", self.words)
        srsly.write_json(path / "cfg.json", {"quote_fragments": self.quote_fragments})

    def from_disk(self, path, *, exclude=()) -> ClaimExtractor:
        path = Path(path)
        self.cues, self.words = [], {}
        self.cues = list(srsly.read_jsonl(path / "cues.jsonl"))
        self.words = srsly.read_json(path / "lexicon.json")
        if (path / "cfg.json").exists():
            self.quote_fragments = srsly.read_json(path / "cfg.json").get("quote_fragments", self.quote_fragments)
        self.lex = Lexicon.from_data(self.cues, self.words)
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.msgpack_dumps({"cues": self.cues, "words": self.words, "quote_fragments": self.quote_fragments})

    def from_bytes(self, data: bytes, *, exclude=()) -> ClaimExtractor:
        msg = srsly.msgpack_loads(data)
        self.cues, self.words = list(msg["cues"]), dict(msg["words"])
        self.quote_fragments = msg.get("quote_fragments", self.quote_fragments)
        self.lex = Lexicon.from_data(self.cues, self.words)
        return self

    # -- running
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.claims = extract_claims(doc, self.lex, quote_fragments=self.quote_fragments)
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], e)
        return doc


def find_drafts(doc: Doc, lex: Lexicon, *, quote_fragments: str = "auto") -> tuple[Draft, ...]:
    """The resolved drafts of a parsed doc: structures -> nested cues dropped -> quotes attached -> resolved."""
    with kept_text(doc) as text:
        quotes = find_quotes(text)
        drafts = tuple(d for structure in STRUCTURES for d in structure(doc, lex, quotes))
        drafts = drop_quoted_cues(doc, drafts, quotes)
        drafts = drop_nested_cues(doc, drafts, lex)
        drafts = attach_quotes(doc, drafts, quotes, lex, quote_fragments)
        return resolve(drafts)


def extract_claims(doc: Doc, lex: Lexicon, *, quote_fragments: str = "auto") -> list[dict]:
    """All claims of a parsed doc as the dicts of `Doc._.claims`, sorted by cue, then content position."""
    with kept_text(doc):
        return [to_record(doc, d) for d in find_drafts(doc, lex, quote_fragments=quote_fragments)]
