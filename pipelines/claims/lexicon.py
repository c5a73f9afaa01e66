"""The word lists of news_claims (Lexicon: the cue verbs and the other lists of pipelines/data/<lang>/,
see pipelines.lexicons) and the cue kind of a token."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Token

from .syntax import VERB_POS

LOGGER = logging.getLogger(__name__)



# the keys of the word lists (pipelines/data/<lang>/*.json) that Lexicon.from_data reads
WORD_KEYS = ("refusal", "refusal_of", "refusal_preps", "unrealised", "negative_subjects", "raising", "report_adverbs", "state_participles", "wrongdoing", "wrongdoing_phrases", "wrongdoing_objects_required", "attempt",
             "prep_content", "object_cues", "incident_nouns", "culprit_nouns", "claim_nouns", "as_cues", "naming_cues",
             "stance_adjectives", "view_nouns", "channel_nouns", "hedges", "hedge_phrases", "confidence",
             "censure_nouns", "censure_verbs", "censure_preps", "censure_reason_required",
             "party_nouns", "feeling_reports", "hypothetical_marks", "reflexive_objects", "rebuttal_words", "plea_verbs",
             "physical_means", "body_parts",
             "reproach", "criticism", "tail_model", "people_nouns", "body_nouns", "document_nouns",
             "quantifier_heads", "share_nouns", "owned_bodies", "collective_nouns")


@dataclass(frozen=True)
class Lexicon:
    """All word lists of the component, loaded in one place from its data."""

    report: set[str] = field(default_factory=set)
    sourceless: set[str] = field(default_factory=set)
    refusal: set[str] = field(default_factory=set)
    refusal_of: set[str] = field(default_factory=set)  # "stopped short of", "steered clear of"
    refusal_preps: set[str] = field(default_factory=set)  # "warned against blaming", "without naming"
    unrealised: set[str] = field(default_factory=set)  # "asked to condemn", "urged X to condemn"
    negative_subjects: set[str] = field(default_factory=set)  # "Nobody blamed", "Neither X nor Y"
    raising: set[str] = field(default_factory=set)
    report_adverbs: set[str] = field(default_factory=set)  # "X reportedly did Y": someone unnamed reported it
    state_participles: set[str] = field(default_factory=set)  # "is focused on X": a state, no report
    ccomp_only: set[str] = field(default_factory=set)
    strong: set[str] = field(default_factory=set)
    accuse: set[str] = field(default_factory=set)
    accuse_with: dict[str, str] = field(default_factory=dict)
    # the sense frame of an accusation verb: {"sense": "legal"|"verbal", "particle": ..., "prep": ...,
    # "bodies": True when a verbal one also accuses a named body without a reason ("slammed Ford")}
    accuse_frames: dict[str, dict[str, str]] = field(default_factory=dict)
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
    censure_nouns: set[str] = field(default_factory=set)
    censure_verbs: set[str] = field(default_factory=set)
    censure_preps: dict[str, list[str]] = field(default_factory=dict)
    censure_reason_required: set[str] = field(default_factory=set)
    party_nouns: set[str] = field(default_factory=set)
    feeling_reports: set[str] = field(default_factory=set)
    hypothetical_marks: set[str] = field(default_factory=set)
    reflexive_objects: set[str] = field(default_factory=set)
    rebuttal_words: set[str] = field(default_factory=set)
    plea_verbs: set[str] = field(default_factory=set)
    physical_means: frozenset[str] = frozenset()  # "attacked X with knives": no words (senses.py)
    body_parts: frozenset[str] = frozenset()  # "attacked X's body": no words (senses.py)
    # the words of reproach.py, by list name (reproach.json): {"strong": {...}, "verbs": {...}, ...}
    reproach: dict[str, frozenset[str]] = field(default_factory=dict)
    # the words of criticism.py (claim_nouns.json): {"nouns": ..., "accuser_nouns": ..., "member_preps": ...,
    # "governing_nouns": ...}
    criticism: dict[str, frozenset[str]] = field(default_factory=dict)
    # the classifier of the tail cues (tail_cues.py): {"threshold", "bias", "weights": {feature: weight}},
    # with build_cues.py --tail-dense also "dense" (tok2vec weights, base model, width) and "sparse" (fallback)
    tail_model: dict = field(default_factory=dict)
    # the head lemmas of unnamed speakers (unnamed.py, unnamed.json): people, bodies, documents, "Some say"
    people_nouns: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    quantifier_heads: frozenset[str] = frozenset()
    share_nouns: frozenset[str] = frozenset()  # "52 percent of registered voters": the voters
    owned_bodies: frozenset[str] = frozenset()  # "her campaign": hers
    collective_nouns: frozenset[str] = frozenset()  # "the team ... they"
    confidence_re: re.Pattern | None = None
    hedge_re: re.Pattern | None = None
    # any confidence or hedge phrase, word boundaries aside: a text with none has none in any sentence
    qualifier_any: re.Pattern | None = None

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """The lemmas `kind` gives a kind to (besides "according" before "to")."""
        return frozenset((*self.accuse, *self.deny, *self.attribute, *self.accuse_with, *self.report))

    @classmethod
    def from_data(cls, cues: Iterable[dict], words: dict) -> Lexicon:
        """Built once, at initialize: the cue verbs by kind, then the other lists (a list missing
        from the data is said, not taken as empty in silence)."""
        missing = [key for key in WORD_KEYS if key not in words]
        if missing:
            LOGGER.warning("news_claims: word lists missing from the data, taken as empty: %s", ", ".join(missing))
        report, strong, ccomp_only, sourceless, accuse, deny = set(), set(), set(), set(), set(), set()
        accuse_with, attribute, accuse_frames = {}, {}, {}
        for c in cues:
            kind, lemma = c["kind"], c["lemma"]
            if kind == "report":
                report.add(lemma)
                if (c.get("rule_precision") or 0) >= 0.6:
                    strong.add(lemma)
                if c.get("ccomp_only"):
                    ccomp_only.add(lemma)
                if (c.get("sourceless") or 0) > 0.5:
                    sourceless.add(lemma)
            elif kind == "accuse" and c.get("with"):
                accuse_with[lemma] = c["with"]
            elif kind == "accuse":
                accuse.add(lemma)
                frame = {k: c[k] for k in ("sense", "particle", "prep", "prep_needed", "bodies") if c.get(k)}
                if frame:
                    accuse_frames[lemma] = frame
            elif kind == "deny":
                deny.add(lemma)
            elif kind == "attribute":
                attribute[lemma] = c["prep"]
        confidence = dict(words.get("confidence", {}))
        hedge_phrases = list(words.get("hedge_phrases", ()))
        confidence_re = hedge_re = qualifier_any = None
        if confidence:
            alts = "|".join(re.escape(k) for k in sorted(confidence, key=len, reverse=True))
            confidence_re = re.compile(rf"\b({alts})", re.IGNORECASE)
        if hedge_phrases:
            hedge_re = re.compile(r"\b(" + "|".join(re.escape(p) for p in hedge_phrases) + r")\b", re.IGNORECASE)
        if confidence or hedge_phrases:
            qualifier_any = re.compile("|".join(re.escape(p) for p in (*confidence, *hedge_phrases)), re.IGNORECASE)
        return cls(
            report=report, sourceless=sourceless, refusal=set(words.get("refusal", ())),
            refusal_of=set(words.get("refusal_of", ())), refusal_preps=set(words.get("refusal_preps", ())),
            unrealised=set(words.get("unrealised", ())),
            negative_subjects=set(words.get("negative_subjects", ())),
            raising=set(words.get("raising", ())), report_adverbs=set(words.get("report_adverbs", ())), state_participles=set(words.get("state_participles", ())),
            ccomp_only=ccomp_only, strong=strong,
            accuse=accuse, accuse_with=accuse_with, accuse_frames=accuse_frames, deny=deny,
            attribute=attribute, wrongdoing=set(words.get("wrongdoing", ())),
            wrongdoing_phrases={verb: set(ws) for verb, ws in words.get("wrongdoing_phrases", {}).items()},
            wrongdoing_objects=set(words.get("wrongdoing_objects_required", ())),
            attempt=set(words.get("attempt", ())), prep_content=dict(words.get("prep_content", {})),
            object_cues=set(words.get("object_cues", ())), incident_nouns=set(words.get("incident_nouns", ())),
            culprit_nouns=set(words.get("culprit_nouns", ())), claim_nouns=dict(words.get("claim_nouns", {})),
            as_cues=set(words.get("as_cues", ())), naming_cues=set(words.get("naming_cues", ())),
            stance_adjectives=dict(words.get("stance_adjectives", {})), view_nouns=set(words.get("view_nouns", ())),
            channel_nouns=dict(words.get("channel_nouns", {})), hedges=set(words.get("hedges", ())),
            hedge_phrases=hedge_phrases, confidence=confidence,
            censure_nouns=set(words.get("censure_nouns", ())), censure_verbs=set(words.get("censure_verbs", ())),
            censure_preps=dict(words.get("censure_preps", {})),
            censure_reason_required=set(words.get("censure_reason_required", ())),
            party_nouns=set(words.get("party_nouns", ())), feeling_reports=set(words.get("feeling_reports", ())),
            hypothetical_marks=set(words.get("hypothetical_marks", ())),
            reflexive_objects=set(words.get("reflexive_objects", ())), rebuttal_words=set(words.get("rebuttal_words", ())),
            plea_verbs=set(words.get("plea_verbs", ())),
            physical_means=frozenset(words.get("physical_means", ())),
            body_parts=frozenset(words.get("body_parts", ())), tail_model=dict(words.get("tail_model", {})),
            confidence_re=confidence_re, hedge_re=hedge_re, qualifier_any=qualifier_any,
            people_nouns=frozenset(words.get("people_nouns", ())), body_nouns=frozenset(words.get("body_nouns", ())),
            document_nouns=frozenset(words.get("document_nouns", ())),
            quantifier_heads=frozenset(words.get("quantifier_heads", ())),
            share_nouns=frozenset(words.get("share_nouns", ())), owned_bodies=frozenset(words.get("owned_bodies", ())),
            collective_nouns=frozenset(words.get("collective_nouns", ())),
            reproach={name: frozenset(ws) for name, ws in words.get("reproach", {}).items()},
            criticism={name: frozenset(ws) for name, ws in words.get("criticism", {}).items()})

    def has_particle(self, tok: Token) -> bool:
        """A phrasal accusation verb has its particle ("lashed out at", "called out X"), and its
        preposition when only that makes it one ("rounded on X", not "rounded up suspects"; "tore
        into X"); without them the verb is what its other lists make it ("called X a liar" reports)."""
        frame = self.accuse_frames.get(tok.lemma_.lower(), {})
        particle = frame.get("particle")  # one word, or a list of them ("hit out at", "hit back at")
        allowed = (particle,) if isinstance(particle, str) else particle
        if particle is not None and not any((c.dep_ == "prt" or c.dep_ == "advmod" and c.i == tok.i + 1)
                                            and c.lower_ in allowed for c in tok.children):  # "hit back at": an adverb
            return False
        return not frame.get("prep_needed") or any(c.dep_ == "prep" and c.lower_ == frame["prep"] for c in tok.children)

    def kind(self, tok: Token) -> str | None:
        """The cue kind of a token, or None."""
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according"
        if tok.pos_ not in VERB_POS:
            return None
        if lemma in self.accuse and self.has_particle(tok):
            return "accuse"
        if lemma in self.deny:
            return "deny"
        if lemma in self.attribute:
            return "attribute"
        if lemma in self.accuse_with and any(t.lower_ == self.accuse_with[lemma] for t in tok.subtree):
            return "accuse_with"  # "laid the blame on X" (not "laid out her proposals")
        if lemma in self.report:
            return "report"
        return None
