"""news_claims: statements, accusations, attributions and denials with source, cue, content and target.

Rules over the dependency parse (textacy style: generator functions over a Doc yielding small
records), cue lexicons as data (pipelines/data/cues.jsonl, built by scripts/build_cues.py; the
hand-written claims_lexicon.json). One module a stage, as in citron, orchestrated here:

- quotes.py         quotation spans of the text (no parse)
- cues.py           the word lists (Lexicon), cue kinds, cues that make no claim of their own
- content.py        content spans
- sources.py        source and target parties
- qualifiers.py     hedges, confidence, negation
- structures.py     the claim structures ("X said Y", "X accused Y of Z", ...) and the claim record
- quote_claims.py   quotations attributed to a cue, a dash and a name, or the previous speaker
- syntax.py, spans.py  dependency-label sets and parse helpers; character spans

Offsets are characters.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .cues import Lexicon, drop_nested_cues, drop_quoted_cues
from .extensions import register_extensions
from .quote_claims import quote_claims
from .quotes import find_quotes
from .spans import text_of
from .structures import verb_claims

__all__ = ["ClaimExtractor", "Lexicon", "extract_claims", "make_claims"]

TYPE_ORDER = {"statement": 0, "accusation": 1, "attribution": 2, "denial": 3}


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


def extract_claims(doc: Doc, lex: Lexicon, *, quote_fragments: str = "auto") -> list[dict]:
    """All claims of a parsed doc, sorted by cue, then content position."""
    cue_claims: dict[int, list[dict]] = {}
    for tok, claim in verb_claims(doc, lex):
        cue_claims.setdefault(tok.i, []).append(claim)
    quotes = find_quotes(text_of(doc))
    drop_quoted_cues(doc, cue_claims, quotes)
    drop_nested_cues(doc, cue_claims, lex)
    extra = list(quote_claims(doc, quotes, cue_claims, lex, quote_fragments))
    seen, out = set(), []
    for claim in [c for cs in cue_claims.values() for c in cs] + extra:
        if claim["content"].get("text") is None:
            claim["content"]["text"] = text_of(doc)[claim["content"]["start"]:claim["content"]["end"]]
        key = (claim["cue"]["start"], claim["content"]["start"], claim["content"]["end"])
        if key in seen:
            continue
        seen.add(key)
        frags = claim.pop("_fragments", None)
        if frags and len(frags) > 1:  # all parts of a split or continued quote, for readers of Doc._.claims
            claim["content"] = dict(claim["content"], fragments=[
                {"start": f["start"], "end": f["end"], "text": text_of(doc)[f["start"]:f["end"]]} for f in frags])
        out.append(claim)
    out.sort(key=lambda c: (c["cue"]["start"], c["content"]["start"], c["content"]["end"], TYPE_ORDER[c["type"]]))
    return out
