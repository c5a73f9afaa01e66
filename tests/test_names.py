"""pipelines/names.py: the name functions news_actors and the corpus pass (extractor/resolve.py) share."""
from __future__ import annotations

from extractor.resolve import name_key
from pipelines.names import NameWords, leading, norm, person_id, slug, trailing

WORDS = NameWords(honorifics=frozenset({"ms", "dr."}), suffixes=frozenset({"corp.", "inc"}))


def test_slug_and_norm():
    assert slug("Microsoft’s Exchange") == "microsofts-exchange"
    assert norm("  Jen\n Psaki’s ") == "Jen Psaki's"


def test_leading_and_trailing_keep_one_word():
    assert leading(["ms", "dr.", "psaki"], WORDS.honorifics) == 2
    assert leading(["ms"], WORDS.honorifics) == 0
    assert trailing(["acme", "corp.", "inc"], WORDS.suffixes) == 2
    assert trailing(["inc"], WORDS.suffixes) == 0


def test_person_id_drops_middle_initials_only():
    assert person_id(["Donald", "J.", "Trump"]) == person_id(["Donald", "Trump"]) == "donald-trump"
    assert person_id(["J.", "Smith"]) == "j-smith"


def test_key_and_resolve_name_key_agree():
    assert WORDS.key("The Acme Corp.") == WORDS.key("acme") == "acme"
    assert WORDS.key("Dr. Ms Jones") == "jones"
    pipeline = NameWords.load()
    for name in ("Microsoft Corp.", "Ms Psaki", "The Microsoft Corporation", "Microsoft Threat Intelligence Center"):
        assert name_key(name) == name_key(name, pipeline) == pipeline.key(name)
