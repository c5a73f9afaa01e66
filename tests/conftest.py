"""Shared fixtures: paths to the project's and the team's shared material, one model per session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus" / "hafnium"
DATA = ROOT / "pipelines" / "data"
SEED = SHARED / "seed" / "hafnium-article.txt"
GOLD = SHARED / "gold" / "hafnium-seed.json"


def load_gold() -> dict:
    """The gold seed annotation for parametrizing at collection time; empty when shared/ is absent
    (the tests that need it then skip through the fixtures that call need_shared)."""
    if not GOLD.exists():
        return {"boilerplate": [], "claims": [], "actors": [], "graph": {"must_have": [], "must_not_have": []}}
    return json.loads(GOLD.read_text(encoding="utf-8"))


def need_shared(path: Path) -> Path:
    """The team's shared folder lies beside the project (and beside CI's clone); say so when it is not."""
    if not path.exists():
        pytest.skip(f"{path} not found: the shared material must lie beside the project")
    return path


@pytest.fixture(scope="session")
def nlp():
    from pipelines import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(need_shared(GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def schemas() -> list[dict]:
    """The shared minimum contract and the project's extension of it: output must satisfy both."""
    own = json.loads((ROOT / "extractor" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    return [json.loads(need_shared(SHARED / "schema" / "document.schema.json").read_text(encoding="utf-8")), own]


@pytest.fixture()
def site():
    """A news site on 127.0.0.1 (tests/local_server.py): the fetching tests never touch the internet."""
    from .local_server import Site

    server = Site().start()
    yield server
    server.stop()
