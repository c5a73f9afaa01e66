"""Syndication: a page republished by another outlet, with its own headline, byline and furniture,
is grouped with the original; articles about the same story that are not copies stay apart."""
from __future__ import annotations

import csv
import json
import re

import pytest

from extractor.clean import clean
from extractor.graph import aggregate
from extractor.records import RawDocument
from extractor.run import run_corpus
from extractor.settings import Settings
from extractor.syndication import THRESHOLD, signature, similarity

from .conftest import CORPUS


def republished(page: str) -> str:
    """The Daily Edition's story as the fictional Northern Courier runs it two days later."""
    page = page.replace("Microsoft blames China as US warns of Exchange email hack",
                        "Chinese state hackers blamed for Exchange breach")
    page = page.replace("The Daily Edition", "Northern Courier").replace("Thandi Mokoena", "Staff Reporter")
    page = page.replace("2021-03-08", "2021-03-10").replace("8 March 2021", "10 March 2021")
    page = page.replace("dailyedition.example/tech/2021/03/08", "courier.example/world/2021/03/10")
    page = page.replace("<article", "<div class='promo'><p>Subscribe to the Courier for $1 a week</p></div><article", 1)
    return page.replace("</article>", "<p>Distributed by Meridian Wire. Copyright Northern Courier.</p></article>")


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    out = {p.name.split(".")[0]: clean(RawDocument(p.name, str(p), html=p.read_text(encoding="utf-8"))).text
           for p in CORPUS.glob("*.html")}
    out["courier"] = clean(RawDocument("courier", "courier.html",
                                       html=republished((CORPUS / "daily-edition.html").read_text(encoding="utf-8")))).text
    return out


def test_a_republished_page_is_a_copy_and_other_coverage_is_not(texts):
    assert texts["courier"] != texts["daily-edition"]
    sig = {k: signature(v) for k, v in texts.items()}
    assert similarity(sig["courier"], sig["daily-edition"]) >= THRESHOLD
    for other in ("wire-brief", "china-denial", "live-blog"):  # the same statements, quoted by other outlets
        assert similarity(sig["courier"], sig[other]) < THRESHOLD - 0.2, other


@pytest.mark.slow
def test_copies_are_grouped_in_the_store_and_marked_in_exports_and_graph(nlp, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in CORPUS.glob("*.html"):
        (src / p.name).write_bytes(p.read_bytes())
    (src / "courier.html").write_text(republished((CORPUS / "daily-edition.html").read_text(encoding="utf-8")),
                                      encoding="utf-8")
    out = tmp_path / "out"
    run_corpus([str(src)], out, Settings())
    from extractor.store import iter_documents

    copies = {d["id"]: d["duplicate_of"] for d in iter_documents(out / "corpus.sqlite", duplicates=True)}
    # the Daily Edition ran it first (8 March; the Courier on the 10th), so the Courier's is the copy
    assert copies == {"china-denial": None, "courier": "daily-edition", "daily-edition": None,
                      "live-blog": None, "wire-brief": None}
    rows = list(csv.DictReader((out / "claims.csv").open(encoding="utf-8")))
    assert {r["independent"] for r in rows if r["document"] == "courier"} == {"False"}
    assert {r["independent"] for r in rows if r["document"] != "courier"} == {"True"}
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert {e["document"] for e in graph["edges"] if not e["independent"]} == {"courier"}
    from extractor.graph import build_graph

    agg = aggregate(build_graph(iter_documents(out / "corpus.sqlite", duplicates=True)))
    both = [e for _, _, e in agg.edges(data=True) if {"courier", "daily-edition"} <= set(e["documents"])]
    assert both and all(e["independent"] == len(e["documents"]) - 1 for e in both)
