"""The briefing in a real browser: headless Chromium (the Debian package) opens pages from disk at
a phone's and a desktop's width; no console error, no network request, the graph and the tables
laid out, labels apart; and a generated 2,000-article briefing stays small page by page."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from extractor.graph import build_graph
from extractor.report import write_report
from extractor.run import run_corpus
from extractor.settings import Settings
from extractor.view import ReportOptions

from . import synthetic
from .chromium import Browser, BrowserUnavailable
from .conftest import CORPUS
from .test_report import HOSTILE, SCRIPT, hand_made

WIDTHS = (400, 1400)
INDEX_BUDGET = 1_500_000  # bytes, at 10,000 articles (benchmarks/briefing.py); far under it at 2,000
PAGE_BUDGET = 300_000  # any other single page

BOXES = """(sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect())
  .filter(b => b.width > 0 && b.height > 0).map(b => [b.left, b.top, b.right, b.bottom]))"""


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1)
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def browser():
    try:
        b = Browser.start()
    except BrowserUnavailable as e:
        pytest.skip(f"browser tests skipped: headless Chromium unavailable: {e}")
    yield b
    b.close()


@pytest.fixture(scope="module")
def hafnium(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hafnium-browser")
    run_corpus(sorted(str(p) for p in CORPUS.iterdir()), folder, Settings())
    return folder


def visible(browser: Browser, selector: str) -> list[list[float]]:
    return browser.evaluate(f"{BOXES}({json.dumps(selector)})")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["index.html", "articles/china-denial.html", "actors/china.html"])
def test_hafnium_pages_render_offline_without_errors(browser, hafnium, tmp_path, which, width):
    visit = browser.open(hafnium / which, width)
    assert visit.errors == [] and visit.requests == []
    shot = browser.screenshot(tmp_path / f"{Path(which).stem}-{width}.png")
    assert png_size(shot)[0] == width
    assert browser.evaluate("document.documentElement.scrollWidth") <= width + 1  # only figures scroll
    assert visible(browser, "h1") and visible(browser, "table")
    if which == "index.html":
        (graph,) = visible(browser, "svg#graph")
        assert graph[2] - graph[0] > 300 and graph[3] - graph[1] > 200
        labels = visible(browser, "svg#graph text.label")
        assert len(labels) >= 4 and overlapping(labels) == []
        assert visible(browser, "svg#timeline") and visible(browser, "table.matrix")
        assert visible(browser, "#disputes blockquote")
    elif which.startswith("articles/"):
        assert visible(browser, "article.text .cue") and visible(browser, "article.text .source")
    else:
        assert visible(browser, "#made table.claims") and visible(browser, "#about table.claims")


CROSSED = """(() => { const svg = document.getElementById('graph'), m = svg.getScreenCTM(), p = svg.createSVGPoint();
  const pts = [...svg.querySelectorAll('path.edge')].flatMap(e => { const n = e.getTotalLength();
    return [...Array(41).keys()].map(k => { const q = e.getPointAtLength(n * k / 40); p.x = q.x; p.y = q.y;
      return p.matrixTransform(m); }); });
  return [...svg.querySelectorAll('text.label')].filter(t => { const b = t.getBoundingClientRect();
    return pts.some(q => q.x > b.left + 1 && q.x < b.right - 1 && q.y > b.top + 2 && q.y < b.bottom - 2); })
    .map(t => t.textContent); })()"""


@pytest.mark.slow
@pytest.mark.browser
def test_no_arrow_runs_through_a_label_of_the_hafnium_graph(browser, hafnium):
    """Each label takes a spot beside its node that no arrow crosses, when there is one: on the
    sample corpus there is one for every label."""
    visit = browser.open(hafnium / "index.html", 1400)
    assert visit.errors == []
    assert len(visible(browser, "svg#graph text.label")) >= 4
    assert browser.evaluate(CROSSED) == []


@pytest.mark.browser
def test_the_outlets_table_of_thirteen_columns_fits_a_printed_page(browser, tmp_path):
    """Printed, nothing scrolls: the outlets table, 12 outlets and "other outlets" wide, shrinks to
    the page's width (an A4 page is about 700 CSS pixels inside its margins) instead of being cut."""
    d = hand_made()[0]
    docs = [dict(d, id=f"o{i}", source=f"The Evening Chronicle of District {i:02d}") for i in range(15)]
    write_report(lambda: iter(docs), build_graph(docs), tmp_path, options=ReportOptions())
    browser.open(tmp_path / "index.html", 700)
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        assert browser.evaluate("document.querySelectorAll('table.matrix th.outlet').length") == 13
        assert browser.evaluate("document.querySelector('table.matrix').getBoundingClientRect().right") <= 701
        assert browser.evaluate("document.documentElement.scrollWidth") <= 701
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")  # the browser is shared by the module


@pytest.mark.browser
@pytest.mark.parametrize("which", ["index.html", "articles/evil-a-b.html", "lists/type-accusation-1.html"])
def test_a_hostile_page_runs_no_script(browser, tmp_path, which):
    docs = hand_made()
    write_report(lambda: iter(docs), build_graph(docs), tmp_path, options=ReportOptions(title=f"T {HOSTILE}"))
    visit = browser.open(tmp_path / which, 1400)
    assert visit.errors == [] and visit.requests == []
    assert browser.evaluate("[...document.scripts].map(s => s.textContent)") == [SCRIPT]  # ours alone
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert HOSTILE in browser.evaluate("document.body.innerText")  # shown as text, never run


@pytest.mark.slow
@pytest.mark.browser
def test_the_script_sorts_and_filters_tables_and_zooms_the_graph(browser, hafnium):
    visit = browser.open(hafnium / "index.html", 1400)
    assert visit.errors == []  # a CSP refusal would be a console error
    names = "[...document.querySelectorAll('table.top tbody tr td:first-child')].map(td => td.textContent.trim())"
    before = browser.evaluate(names)
    browser.evaluate("document.querySelector('table.top thead th').click()")
    after = browser.evaluate(names)
    assert sorted(after, key=str.lower, reverse=True) == after != before
    browser.evaluate("var f = document.querySelector('input.filter'); f.value = 'china';"
                     "f.dispatchEvent(new Event('input'))")
    shown = browser.evaluate("[...document.querySelectorAll('table.top tbody tr')].filter(r => !r.hidden).length")
    assert 1 <= shown < len(before)
    width = browser.evaluate("document.getElementById('graph').viewBox.baseVal.width")
    browser.evaluate("document.querySelector('.zoom button').click()")
    assert browser.evaluate("document.getElementById('graph').viewBox.baseVal.width") < width


@pytest.fixture(scope="module")
def synthetic_2000(tmp_path_factory) -> tuple[Path, list[Path], object]:
    folder = tmp_path_factory.mktemp("synthetic-2000")
    g = build_graph(synthetic.documents(2000))
    return folder, write_report(lambda: synthetic.documents(2000), g, folder), g


@pytest.mark.slow
def test_a_2000_article_briefing_stays_small(synthetic_2000):
    n = 2000
    _, written, g = synthetic_2000
    claims = [c for d in synthetic.documents(n) for c in d["claims"]]
    claimants = {(c.get(p) or {}).get("actor") for c in claims for p in ("source", "target")} - {None}
    by_folder = {sub: [p for p in written if p.parent.name == sub] for sub in ("articles", "actors", "lists")}
    assert len(by_folder["articles"]) == n
    assert len(by_folder["actors"]) == len(claimants) < g.number_of_nodes()  # the bystanders get none
    statements = sum(c["type"] == "statement" for c in claims)
    assert len([p for p in by_folder["lists"] if p.name.startswith("type-statement-")]) == -(-statements // 100)
    assert written[0].stat().st_size < INDEX_BUDGET / 3
    assert max(p.stat().st_size for p in written[1:]) < PAGE_BUDGET
    index = written[0].read_text(encoding="utf-8")
    outlets = index.split('<section id="outlets">', 1)[1].split("</section>", 1)[0]
    assert outlets.count('<th class="outlet">') == 13 and "other outlets" in outlets
    assert index.count('<g class="node"') == 35


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_2000_article_index_reads_in_the_browser(browser, synthetic_2000, width):
    folder, _, _ = synthetic_2000
    visit = browser.open(folder / "index.html", width)
    assert visit.errors == [] and visit.requests == []
    labels = visible(browser, "svg#graph text.label")
    assert len(labels) == 35 and overlapping(labels) == []  # every top actor labelled, none on another
    assert browser.evaluate("document.documentElement.scrollWidth") <= width + 1
