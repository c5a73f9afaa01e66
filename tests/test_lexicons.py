"""pipelines/lexicons.py: one file per concept under pipelines/data/<lang>/, each list in one place,
and a clear error when a pipeline's language has no word lists. No model."""
from __future__ import annotations

import json

import pytest
import spacy

from pipelines.lexicons import (
    ACTOR_WORD_FILES,
    CLAIM_WORD_FILES,
    DATA_DIR,
    LexiconError,
    read_actor_words,
    read_claim_words,
    read_cues,
)


def test_each_list_lives_in_one_file():
    seen: dict[str, str] = {}
    for name in CLAIM_WORD_FILES + ACTOR_WORD_FILES:
        for key in json.loads((DATA_DIR / "en" / name).read_text(encoding="utf-8")):
            if not key.startswith("_"):
                assert key not in seen, f"{key} in {seen.get(key)} and {name}"
                seen[key] = name


def test_cue_files_hold_their_kind_only():
    by_kind: dict[str, set[str]] = {}
    for entry in read_cues("en"):
        by_kind.setdefault(entry["kind"], set()).add(entry["lemma"])
    assert set(by_kind) == {"report", "accuse", "deny", "attribute"}
    assert not by_kind["accuse"] & by_kind["deny"]
    assert "say" in by_kind["report"] and "deny" in by_kind["deny"] and "attribute" in by_kind["attribute"]


def test_readers_tag_the_language():
    assert read_claim_words("en")["lang"] == read_actor_words("en")["lang"] == "en"
    assert "hedges" in read_claim_words("en") and "titles" in read_actor_words("en")


def test_a_language_without_data_is_a_clear_error():
    with pytest.raises(LexiconError, match=r"news_claims: no word lists for language 'xx': .*data/xx does not exist"):
        read_cues("xx")


@pytest.mark.parametrize("factory, data", [
    ("news_claims", lambda: {"cues": read_cues("en"), "lexicon": read_claim_words("en")}),
    ("news_actors", lambda: {"lexicon": [], "words": read_actor_words("en")}),
])
def test_initialize_refuses_word_lists_of_another_language(factory, data):
    nlp = spacy.blank("de")
    pipe = nlp.add_pipe(factory)
    with pytest.raises(LexiconError, match=f"{factory}: no word lists for language 'de': .* for 'en'"):
        pipe.initialize(lambda: [], nlp=nlp, **data())


def test_behaviour_switches_are_config_keys_with_checked_values():
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("news_claims", config={"nested_cues": "keep"})
    assert (pipe.settings.nested_cues, pipe.settings.quoted_cues, pipe.settings.quote_fragments) == ("keep", "drop", "auto")
    with pytest.raises(ValueError, match="quoted_cues = 'never'"):
        spacy.blank("en").add_pipe("news_claims", config={"quoted_cues": "never"})


def test_claim_lexicon_reads_every_list_it_knows_and_says_when_one_is_missing(caplog):
    from pipelines.claims.lexicon import WORD_KEYS, Lexicon

    words = read_claim_words("en")
    assert set(WORD_KEYS) <= set(words)
    with caplog.at_level("WARNING", logger="pipelines.claims.lexicon"):
        Lexicon.from_data(read_cues("en"), words)
        assert not caplog.records
        Lexicon.from_data(read_cues("en"), {k: v for k, v in words.items() if k != "hedges"})
    assert [r.getMessage() for r in caplog.records] == [
        "news_claims: word lists missing from the data, taken as empty: hedges"]


def test_actor_accusation_and_denial_verbs_are_the_cue_verbs():
    cues = read_cues("en")
    words = read_actor_words("en")
    assert words["denial_verbs"] == [e["lemma"] for e in cues if e["kind"] == "deny"]
    assert words["accusation_verbs"] == [e["lemma"] for e in cues if e["kind"] == "accuse" and "with" not in e]
