"""The repository's copies of the team's material are still the team's: same bytes as in ../shared.

The copies let a plain clone run the whole suite; these checks run wherever ../shared is beside it (CI)."""
from __future__ import annotations

import pytest

from .conftest import CONTRACT, GOLD, SEED, SHARED, need_shared

COPIES = {
    "seed article": (SEED, SHARED / "seed" / "hafnium-article.txt"),
    "gold annotation": (GOLD, SHARED / "gold" / "hafnium-seed.json"),
    "output contract": (CONTRACT, SHARED / "schema" / "document.schema.json"),
}


@pytest.mark.parametrize("name", sorted(COPIES))
def test_copy_is_the_shared_file_byte_for_byte(name):
    ours, theirs = COPIES[name]
    assert ours.read_bytes() == need_shared(theirs, "this test compares the copy with it").read_bytes()
