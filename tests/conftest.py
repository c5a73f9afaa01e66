"""Shared fixtures: paths to the project's material and the team's shared one, one model per session.

What is ours lies in the repository, so that a plain clone runs the whole suite, gold seed included:
the seed article (`corpus/hafnium/hafnium-article.txt`), its gold annotation and the team's output
contract (`tests/data/`, copies of `../shared/gold/hafnium-seed.json` and
`../shared/schema/document.schema.json`; tests/test_data.py checks that they are still the same).
Only the tests that measure on the corpora of `../shared` (PolNeAR, the aeb-dev pages, the kb that
the gazetteers are built from) skip without it, through `need_shared`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus" / "hafnium"
DATA = ROOT / "pipelines" / "data"
TEST_DATA = ROOT / "tests" / "data"
SEED = CORPUS / "hafnium-article.txt"  # the team's seed article (../shared/seed/), byte for byte
GOLD = TEST_DATA / "hafnium-seed.json"  # its gold annotation (../shared/gold/)
CONTRACT = TEST_DATA / "document.schema.json"  # the team's output contract (../shared/schema/)
AEB = SHARED / "eval" / "aeb-dev"


def load_gold() -> dict:
    """The gold seed annotation, for parametrizing at collection time."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


def need_shared(path: Path, why: str = "this test measures on it") -> Path:
    """The team's shared folder lies beside the project (and beside CI's clone); say so when it is not."""
    if not path.exists():
        pytest.skip(f"{path} not found (the team's shared material, beside the project): {why}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from pipelines import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return load_gold()


@pytest.fixture(scope="session")
def schemas() -> list[dict]:
    """The team's minimum contract and the project's extension of it: output must satisfy both."""
    own = json.loads((ROOT / "extractor" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    return [json.loads(CONTRACT.read_text(encoding="utf-8")), own]


@pytest.fixture()
def site():
    """A news site on 127.0.0.1 (tests/local_server.py): the fetching tests never touch the internet."""
    from .local_server import Site

    server = Site().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def aeb_pages() -> list:
    """The aeb-dev pages (../shared/eval/aeb-dev/html), read as the CLI reads them."""
    from extractor.ingest import iter_raw

    return list(iter_raw([str(need_shared(AEB / "html"))]))


@pytest.fixture(scope="session")
def aeb_articles(aeb_pages) -> dict:
    """extractor.clean of every aeb-dev page, by id: an Article, or the NoArticleError it raised."""
    from extractor.clean import clean
    from extractor.errors import NoArticleError

    out = {}
    for raw in aeb_pages:
        try:
            out[raw.id] = clean(raw)
        except NoArticleError as e:
            out[raw.id] = e
    return out
