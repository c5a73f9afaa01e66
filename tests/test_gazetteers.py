"""The built gazetteers: what scripts/build_gazetteers.py derives from the team's kb and our curated lists."""
from __future__ import annotations

import subprocess
import sys


import pytest

from pipelines import read_jsonl as _jsonl

from .conftest import DATA, ROOT, SHARED, need_shared

KB = SHARED / "kb"


@pytest.fixture(scope="module")
def lexicon() -> dict[str, dict]:
    return {a["id"]: a for a in _jsonl("actors.jsonl")}


@pytest.fixture(scope="module")
def patterns() -> list[dict]:
    return _jsonl("gazetteer.jsonl")


def test_built_files_record_their_source():
    for name in ("actors.jsonl", "gazetteer.jsonl"):
        first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("//") and "SOURCES.md" in first
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert "MISP galaxy" in sources and "CC0" in sources


def test_build_is_reproducible(tmp_path):
    """Re-running the script on the kb gives the committed files."""
    need_shared(KB / "misp-galaxy" / "threat-actor.json", "this test rebuilds the gazetteers from it (third-party data, not copied)")
    before = {n: (DATA / n).read_bytes() for n in ("actors.jsonl", "gazetteer.jsonl", "SOURCES.md")}
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteers.py"), str(KB)], check=True,
                   capture_output=True)
    after = {n: (DATA / n).read_bytes() for n in before}
    assert after == before


def test_threat_actors_from_misp(lexicon):
    hafnium = lexicon["hafnium"]
    assert (hafnium["kind"], hafnium["country"]) == ("threat_actor", "CN")
    assert "Silk Typhoon" in hafnium["aliases"]
    assert sum(a["kind"] == "threat_actor" and not a.get("candidates") for a in lexicon.values()) == 1041


def test_ambiguous_aliases_keep_their_candidates(lexicon):
    ambiguous = [a for a in lexicon.values() if a.get("candidates")]
    assert len(ambiguous) >= 10
    for actor in ambiguous:
        assert len(actor["candidates"]) > 1
        assert all(c in lexicon for c in actor["candidates"])


def test_states_agencies_media(lexicon):
    states = [a for a in lexicon.values() if a["kind"] == "state"]
    assert len(states) >= 60
    for sid in ("china", "united-states", "russia", "united-kingdom", "iran", "north-korea"):
        assert lexicon[sid]["kind"] == "state"
    assert "Beijing" in lexicon["china"]["metonyms"]
    assert {"US", "U.S.", "America"} <= set(lexicon["united-states"]["aliases"])
    for body, state in (("white-house", "united-states"), ("cisa", "united-states"), ("nsa", "united-states"),
                        ("gchq", "united-kingdom"), ("kremlin", "russia"), ("chinese-foreign-ministry", "china")):
        assert (lexicon[body]["kind"], lexicon[body]["part_of"]) == ("government_body", state)
    for media in ("reuters", "ap", "afp", "bbc", "cnn", "new-york-times"):
        assert lexicon[media]["kind"] == "media"


def test_gazetteer_leaves_out_words_and_short_names(patterns):
    forms = {p["pattern"] for p in patterns if p["label"] == "ORG"}
    for word in ("Snake", "Silence", "Cobalt", "Mirage", "Pioneer", "UPS", "SEA"):
        assert word not in forms
    assert {"Hafnium", "HAFNIUM", "APT28", "Silk Typhoon"} <= forms
    products = {p["pattern"] for p in patterns if p["label"] == "PRODUCT"}
    assert {"Exchange", "Bing"} <= products


def test_pattern_ids_name_lexicon_actors(patterns, lexicon):
    assert {p["id"] for p in patterns} <= set(lexicon)
