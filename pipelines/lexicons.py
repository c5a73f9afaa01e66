"""The word lists of our components, one file per concept under `pipelines/data/<lang>/`, and the
registered readers that news.cfg names for them. A component checks at `initialize` that its lists
are for the pipeline's language.

    reporting_verbs.jsonl, accusation_verbs.jsonl, denial_verbs.jsonl, attribution_verbs.jsonl
                        the cue verbs of news_claims (built by scripts/build_cues.py)
    hedges.json, confidence.json, wrongdoing.json, claim_nouns.json, verb_frames.json
                        the other word lists of news_claims (by hand)
    unnamed.json        the head nouns of unnamed speakers of news_claims (people, bodies, documents)
    tail_cues.json      the noun, adjective and object-verb cues of news_claims with their frames, and
                        the lexicon verbs' objects (claims/objects.py) (mined by scripts/build_cues.py)
    titles.json, names.json, nominals.json, actor_verbs.json, descriptions.json
                        the word lists of news_actors (names.json also for extractor/resolve.py); its
                        accusation and denial verbs are the cue files of those kinds

A JSON file holds one object; its keys are the lists (keys starting with "_" are comments), merged
into one dict per component, with "lang" added.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import spacy

DATA_DIR = Path(__file__).with_name("data")
CUE_FILES = ("reporting_verbs.jsonl", "accusation_verbs.jsonl", "denial_verbs.jsonl", "attribution_verbs.jsonl")
CLAIM_WORD_FILES = ("hedges.json", "confidence.json", "wrongdoing.json", "claim_nouns.json", "verb_frames.json",
                    "cue_senses.json", "reproach.json", "tail_cues.json", "unnamed.json")
ACTOR_WORD_FILES = ("titles.json", "names.json", "nominals.json", "actor_verbs.json", "cyber_words.json",
                    "descriptions.json")


class LexiconError(ValueError):
    """A component's word lists are missing or for another language than the pipeline's."""

    def __init__(self, component: str, lang: str, reason: str):
        super().__init__(f"{component}: no word lists for language {lang!r}: {reason}")
        self.component, self.lang, self.reason = component, lang, reason


def lang_dir(lang: str, component: str = "pipelines") -> Path:
    folder = DATA_DIR / lang
    if not folder.is_dir():
        have = sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir())
        raise LexiconError(component, lang, f"{folder} does not exist (languages with data: {', '.join(have)})")
    return folder


def read_words(lang: str, files: tuple[str, ...], component: str = "pipelines") -> dict[str, Any]:
    """The lists of `files` in the language's folder, merged into one dict, with "lang"."""
    folder, words = lang_dir(lang, component), {}
    for name in files:
        with open(folder / name, encoding="utf-8") as fh:
            words.update({k: v for k, v in json.load(fh).items() if not k.startswith("_")})
    words["lang"] = lang
    return words


def read_entries(lang: str, files: tuple[str, ...], component: str = "pipelines") -> list[dict]:
    """The entries of the JSON Lines `files` in the language's folder, in order; "//" lines are comments."""
    folder, entries = lang_dir(lang, component), []
    for name in files:
        with open(folder / name, encoding="utf-8") as fh:
            entries += [json.loads(line) for line in fh if line.strip() and not line.startswith("//")]
    return entries


@spacy.registry.readers("news.cues.v1")
def read_cues(lang: str = "en") -> list[dict]:
    return read_entries(lang, CUE_FILES, "news_claims")


@spacy.registry.readers("news.claim_words.v1")
def read_claim_words(lang: str = "en") -> dict[str, Any]:
    return read_words(lang, CLAIM_WORD_FILES, "news_claims")


@spacy.registry.readers("news.actor_words.v1")
def read_actor_words(lang: str = "en") -> dict[str, Any]:
    """news_actors' lists; its accusation and denial verbs are news_claims' cue verbs of those kinds
    (one list each, in accusation_verbs.jsonl and denial_verbs.jsonl)."""
    words = read_words(lang, ACTOR_WORD_FILES, "news_actors")
    words["accusation_verbs"] = [e["lemma"] for e in read_entries(lang, ("accusation_verbs.jsonl",), "news_actors")
                                 if "with" not in e]  # "hold ... responsible" is a phrase, not a verb
    words["denial_verbs"] = [e["lemma"] for e in read_entries(lang, ("denial_verbs.jsonl",), "news_actors")]
    return words


def check_language(component: str, words: dict, nlp) -> None:
    """Raise LexiconError when the word lists are for another language than the pipeline `nlp`."""
    lang = words.get("lang")
    if nlp is not None and lang is not None and lang != nlp.lang:
        raise LexiconError(component, nlp.lang, f"the word lists given are for {lang!r}; "
                           f"add pipelines/data/{nlp.lang}/ and name it in news.cfg")
