"""The word lists of news_claims (Lexicon, loaded from cues.jsonl and claims_lexicon.json) and the
cue kind of a token."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from .syntax import VERB_POS

LOGGER = logging.getLogger(__name__)



@dataclass
class Lexicon:
    """All word lists of the component, loaded in one place from its two data files."""

    report: set[str] = field(default_factory=set)
    sourceless: set[str] = field(default_factory=set)
    refusal: set[str] = field(default_factory=set)
    raising: set[str] = field(default_factory=set)
    ccomp_only: set[str] = field(default_factory=set)
    strong: set[str] = field(default_factory=set)
    addressee: set[str] = field(default_factory=set)
    accuse: set[str] = field(default_factory=set)
    accuse_with: dict[str, str] = field(default_factory=dict)
    deny: set[str] = field(default_factory=set)
    attribute: dict[str, str] = field(default_factory=dict)
    wrongdoing: set[str] = field(default_factory=set)
    wrongdoing_phrases: dict[str, set[str]] = field(default_factory=dict)
    wrongdoing_objects: set[str] = field(default_factory=set)
    attempt: set[str] = field(default_factory=set)
    prep_content: dict[str, list[str]] = field(default_factory=dict)
    object_cues: set[str] = field(default_factory=set)
    incident_nouns: set[str] = field(default_factory=set)
    culprit_nouns: set[str] = field(default_factory=set)
    claim_nouns: dict[str, str] = field(default_factory=dict)
    as_cues: set[str] = field(default_factory=set)
    naming_cues: set[str] = field(default_factory=set)
    stance_adjectives: dict[str, list[str]] = field(default_factory=dict)
    view_nouns: set[str] = field(default_factory=set)
    channel_nouns: dict[str, str] = field(default_factory=dict)
    hedges: set[str] = field(default_factory=set)
    hedge_phrases: list[str] = field(default_factory=list)
    confidence: dict[str, str] = field(default_factory=dict)
    confidence_re: re.Pattern | None = None
    hedge_re: re.Pattern | None = None

    @classmethod
    def from_data(cls, cues: Iterable[dict], words: dict) -> Lexicon:
        lex = cls()
        for c in cues:
            kind, lemma = c["kind"], c["lemma"]
            if kind == "report":
                lex.report.add(lemma)
                if (c.get("rule_precision") or 0) >= 0.6:
                    lex.strong.add(lemma)
                if c.get("ccomp_only"):
                    lex.ccomp_only.add(lemma)
                if (c.get("sourceless") or 0) > 0.5:
                    lex.sourceless.add(lemma)
            elif kind == "accuse" and c.get("with"):
                lex.accuse_with[lemma] = c["with"]
            elif kind == "accuse":
                lex.accuse.add(lemma)
            elif kind == "deny":
                lex.deny.add(lemma)
            elif kind == "attribute":
                lex.attribute[lemma] = c["prep"]
        lex.wrongdoing = set(words.get("wrongdoing", ()))
        lex.wrongdoing_phrases = {verb: set(words) for verb, words in words.get("wrongdoing_phrases", {}).items()}
        lex.wrongdoing_objects = set(words.get("wrongdoing_objects_required", ()))
        lex.attempt = set(words.get("attempt", ()))
        lex.refusal = set(words.get("refusal", ()))
        lex.raising = set(words.get("raising", ()))
        lex.addressee = set(words.get("addressee", ()))
        lex.prep_content = dict(words.get("prep_content", {}))
        lex.object_cues = set(words.get("object_cues", ()))
        lex.incident_nouns = set(words.get("incident_nouns", ()))
        lex.culprit_nouns = set(words.get("culprit_nouns", ()))
        lex.claim_nouns = dict(words.get("claim_nouns", {}))
        lex.as_cues = set(words.get("as_cues", ()))
        lex.naming_cues = set(words.get("naming_cues", ()))
        lex.stance_adjectives = dict(words.get("stance_adjectives", {}))
        lex.view_nouns = set(words.get("view_nouns", ()))
        lex.channel_nouns = dict(words.get("channel_nouns", {}))
        lex.hedges = set(words.get("hedges", ()))
        lex.hedge_phrases = list(words.get("hedge_phrases", ()))
        lex.confidence = dict(words.get("confidence", {}))
        if lex.confidence:
            alts = "|".join(re.escape(k) for k in sorted(lex.confidence, key=len, reverse=True))
            lex.confidence_re = re.compile(rf"\b({alts})", re.IGNORECASE)
        if lex.hedge_phrases:
            lex.hedge_re = re.compile(r"\b(" + "|".join(re.escape(p) for p in lex.hedge_phrases) + r")\b", re.IGNORECASE)
        return lex

    def kind(self, tok: Token) -> str | None:
        """The cue kind of a token, or None."""
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according"
        if tok.pos_ not in VERB_POS:
            return None
        if lemma in self.accuse:
            return "accuse"
        if lemma in self.deny:
            return "deny"
        if lemma in self.attribute:
            return "attribute"
        if lemma in self.accuse_with:
            return "accuse_with"
        if lemma in self.report:
            return "report"
        return None
