"""news_claims: statements, accusations, attributions and denials with source, cue, content and target.

Rules over the dependency parse (textacy style: generator functions over a Doc yielding small
frozen drafts), word lists as data (pipelines/data/<lang>/: the cue verbs built by scripts/build_cues.py,
the other lists by hand; see pipelines.lexicons). A claim goes one way, one module a stage, as in citron:

    structures   STRUCTURES, each a generator of drafts (structures.py, more_structures.py, acts.py,
                 concerns.py, criticism.py), over the
                 document's quotations found once (quotes.py); cue words (lexicon.py), content spans
                 (content.py), parties (sources.py), qualifiers (qualifiers.py), the draft (draft.py)
    tail cues    nouns, "be" + adjectives and object verbs that no structure took, kept when a small
                 classifier trained on PolNeAR says they are cues (tail_cues.py)
    nested       cues inside a quotation or inside another claim's content dropped (nested.py)
    attached     quotations attached to cues and speakers, as new drafts (attach.py)
    retyped      a statement whose content reproaches an actor or rebuts a claim made an accusation
                 or a denial (reproach.py), one whose cue or content answers an accusation a denial
                 (rebuttals.py)
    resolved     duplicates resolved by one rule, sorted (overlaps.py)
    split        a typed claim of coordinated parties made one claim per party (coordination.py)
    records      text and actors made once: the dicts of `Doc._.claims` (draft.to_record)
    unnamed      a party with a phrase but no actor ("experts", "a source", "the poll"), the writer's
                 "I", a "they"/"it" after an unnamed group or document: unnamed actors (`named:
                 false`) added to `Doc._.actors` and `Doc._.mentions` (unnamed.py)

syntax.py and spans.py hold dependency-label sets, parse helpers and character ranges. Offsets are
characters.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..lexicons import check_language
from .acts import alleged_acts, responsibility_claims
from .attach import attach_quotes
from .concerns import concern_claims
from .coordination import split_parties
from .criticism import accuser_claims, criticism_noun_claims
from .draft import Draft, to_record
from .lexicon import Lexicon
from .more_structures import (
    censure_claims,
    channel_claims,
    headline_claims,
    nominal_claims,
    reported_adverb_claims,
    stance_claims,
    view_claims,
)
from .nested import drop_nested_cues, drop_quoted_cues
from .overlaps import resolve
from .quotes import find_quotes
from .rebuttals import retype_rebuttals
from .reproach import retype_reproaches
from .spans import kept_text, memo
from .speakerless import drop_unspoken
from .structures import verb_claims
from .tagged import tagged_claims
from .tail_cues import add_tail_cues
from .unnamed import name_unnamed

__all__ = ["ClaimExtractor", "Lexicon", "Settings", "extract_claims", "find_drafts", "make_claims"]

# the claim structures, in the order their drafts are made (the order decides which of two equal
# drafts wins, overlaps.py)
STRUCTURES = (verb_claims, channel_claims, nominal_claims, censure_claims, headline_claims, stance_claims, view_claims,
              responsibility_claims, alleged_acts, concern_claims, criticism_noun_claims, accuser_claims,
              reported_adverb_claims)


@Language.factory("news_claims", assigns=["doc._.claims", "doc._.actors", "doc._.mentions"],
                  default_config={"quote_fragments": "auto", "quoted_cues": "drop", "nested_cues": "drop",
                                  "unnamed": True, "tagged_min_score": 0.0})
def make_claims(nlp: Language, name: str, quote_fragments: str, quoted_cues: str, nested_cues: str,
                unnamed: bool, tagged_min_score: float) -> ClaimExtractor:
    return ClaimExtractor(nlp, name, quote_fragments=quote_fragments, quoted_cues=quoted_cues, nested_cues=nested_cues,
                          unnamed=unnamed, tagged_min_score=tagged_min_score)


@dataclass(frozen=True)
class Settings:
    """The behaviour switches of news_claims, each a factory config key (defaults in `make_claims`)."""

    # a quote split by its cue or continued over sentences: its longest fragment, first to last, "auto"
    # (the longest when it holds a clear majority of the quoted words), or one claim a sentence
    quote_fragments: str = "auto"
    # a cue inside a quotation: a claim of its own ("keep"), only when not I/we/you ("first-person"), none
    quoted_cues: str = "drop"
    # a report inside another claim's content: a claim of its own ("keep"), only for strong cues ("weak"), none
    nested_cues: str = "drop"
    # a party with no actor whose phrase says who speaks ("experts", "the report"): an unnamed actor
    unnamed: bool = True
    # the attribution tagger's span probability a model claim's cue and content need (tagged.py)
    tagged_min_score: float = 0.0

    def __post_init__(self):
        for key, allowed in SETTINGS_VALUES.items():
            if getattr(self, key) not in allowed:
                raise ValueError(f"news_claims: {key} = {getattr(self, key)!r}, expected one of {', '.join(allowed)}")


SETTINGS_VALUES = {"quote_fragments": ("auto", "longest", "span", "separate"),
                   "quoted_cues": ("drop", "first-person", "keep"), "nested_cues": ("drop", "weak", "keep"),
                   "unnamed": (True, False)}


class ClaimExtractor(Pipe):
    """Finds claims in a parsed Doc and sets `Doc._.claims`. Data (cue lexicon, word lists) arrive at
    `initialize` and persist with `to_disk` / `from_disk`."""

    def __init__(self, nlp: Language, name: str = "news_claims", **settings):
        register_extensions()
        self.name = name
        self.settings = Settings(**settings)
        self.cues: list[dict] = []
        self.words: dict[str, Any] = {}
        self.lex = Lexicon()

    @property
    def quote_fragments(self) -> str:
        return self.settings.quote_fragments

    # -- data
    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   cues: list[dict] | None = None, lexicon: dict | None = None) -> None:
        check_language(self.name, lexicon or {}, nlp)
        self.cues = list(cues or [])
        self.words = dict(lexicon or {})
        self.lex = Lexicon.from_data(self.cues, self.words)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "cues.jsonl", self.cues)
        srsly.write_json(path / "lexicon.json", self.words)
        srsly.write_json(path / "cfg.json", asdict(self.settings))

    def from_disk(self, path, *, exclude=()) -> ClaimExtractor:
        path = Path(path)
        self.cues, self.words = [], {}
        self.cues = list(srsly.read_jsonl(path / "cues.jsonl"))
        self.words = srsly.read_json(path / "lexicon.json")
        if (path / "cfg.json").exists():
            self.settings = replace(self.settings, **srsly.read_json(path / "cfg.json"))
        self.lex = Lexicon.from_data(self.cues, self.words)
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.msgpack_dumps({"cues": self.cues, "words": self.words, "settings": asdict(self.settings)})

    def from_bytes(self, data: bytes, *, exclude=()) -> ClaimExtractor:
        msg = srsly.msgpack_loads(data)
        self.cues, self.words = list(msg["cues"]), dict(msg["words"])
        self.settings = replace(self.settings, **msg.get("settings", {}))
        self.lex = Lexicon.from_data(self.cues, self.words)
        return self

    # -- running
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.claims = extract_claims(doc, self.lex, self.settings)
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], e)
        return doc


def find_drafts(doc: Doc, lex: Lexicon, settings: Settings = Settings()) -> tuple[Draft, ...]:
    """The resolved drafts of a parsed doc: structures -> nested cues dropped -> quotes attached -> resolved."""
    with kept_text(doc) as text:
        quotes = memo(doc, "quotes", lambda: find_quotes(text))
        drafts = tuple(d for structure in STRUCTURES for d in structure(doc, lex, quotes))
        drafts = add_tail_cues(doc, drafts, lex)
        drafts = drop_quoted_cues(doc, drafts, quotes, settings.quoted_cues)
        drafts = drop_nested_cues(doc, drafts, lex, settings.nested_cues)
        drafts = attach_quotes(doc, drafts, quotes, lex, settings.quote_fragments)
        drafts = retype_rebuttals(doc, retype_reproaches(doc, drafts, lex), lex)
        drafts = drop_unspoken(doc, drafts, lex)  # an active cue whose speaker the rules did not find
        # the trained tagger's cues the rules left, but not inside a quotation (as drop_quoted_cues)
        drafts += drop_quoted_cues(doc, tagged_claims(doc, drafts, lex, settings.tagged_min_score), quotes,
                                   settings.quoted_cues)
        return split_parties(doc, resolve(drafts), lex)


def extract_claims(doc: Doc, lex: Lexicon, settings: Settings = Settings()) -> list[dict]:
    """All claims of a parsed doc as the dicts of `Doc._.claims`, sorted by cue, then content position."""
    with kept_text(doc) as text:
        records = [to_record(doc, d, lex.people_nouns) for d in find_drafts(doc, lex, settings)]
        if not settings.unnamed:
            return records
        return name_unnamed(doc, records, lex, memo(doc, "quotes", lambda: find_quotes(text)))
