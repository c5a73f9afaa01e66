"""The HTML briefing: hand-made documents for the edge cases, the sample corpus for the real thing."""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.graph import build_graph
from extractor.report import paragraphs, safe_names, sentence_anchors, write_report
from extractor.run import run_corpus
from extractor.settings import Settings
from extractor.store import iter_jsonl
from extractor.svg import TIMELINE_WIDTH, timeline
from extractor.view import ReportOptions, outlet, registered_domain

from .conftest import CORPUS

HOSTILE = "<script>alert(1)</script>"
SCRIPT = (Path(__file__).resolve().parents[1] / "extractor" / "templates" / "briefing.js").read_text(encoding="utf-8")
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
VOID = {"meta", "br", "img", "hr", "link", "input", "col", "area", "base", "wbr", "source", "path", "circle"}


class Page(HTMLParser):
    """Ids, links, resource URLs, SVG nodes and the open-tag stack of one page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.nodes: dict[str, list[str]] = {}  # svg id -> data-actor of its nodes
        self.scripts: list[str] = []  # the text of each <script>
        self._in_script = False
        self.stack: list[str] = []
        self.unbalanced: list[str] = []
        self._svg: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "link" or "src" in a:
            self.srcs.append(a.get("src") or a.get("href") or "")
        if tag == "script":
            self.scripts.append("")
            self._in_script = True
        if tag == "svg":
            self._svg = a.get("id", "")
            self.nodes[self._svg] = []
        if tag == "g" and "node" in (a.get("class") or "").split() and self._svg is not None:
            self.nodes[self._svg].append(a["data-actor"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.unbalanced.append(tag)
            return
        self.stack.pop()
        if tag == "svg":
            self._svg = None


def page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def claim(doc_id, n, typ, src, tgt, sentence, text, cue="said"):
    i = text.index(sentence)
    c = text.index(cue, i)
    word = sentence.split()[0]
    return {"id": f"{doc_id}#c{n}", "type": typ,
            "source": {"actor": src, "start": i, "end": i + len(word), "text": word},
            "cue": {"start": c, "end": c + len(cue), "text": cue},
            "content": {"start": c, "end": i + len(sentence), "text": sentence[c - i:]},
            "target": {"actor": tgt} if tgt else None, "quote": False, "hedges": ["reportedly"] if n == 1 else [],
            "confidence": None, "negated": False,
            "sentence": {"start": i, "end": i + len(sentence), "text": sentence}}


ACTORS = [{"id": "ruritania", "name": "Ruritania", "kind": "state", "aliases": [], "title": None, "part_of": None,
           "country": None},
          {"id": "ruri-minister", "name": "Ruritanian minister", "kind": "official", "aliases": [], "title": None,
           "part_of": "ruritania", "country": None},
          {"id": "freedonia", "name": "Freedonia", "kind": "state", "aliases": [], "title": None, "part_of": None,
           "country": None}]


def hand_made() -> list[dict]:
    """Two articles: one hostile (script in title and text, spans overlapping and out of range,
    an id unsafe as a file name), one carrying the denial that makes a dispute."""
    t1 = (f"{HOSTILE} Ruritania said Freedonia hacked it.\nThe minister said Freedonia & co lied.\n\n"
          "Nothing else.")
    s1, s2 = "Ruritania said Freedonia hacked it.", "The minister said Freedonia & co lied."
    d1 = {"id": "../evil/a?b", "url": "https://example.org/a", "title": f"{HOSTILE} headline", "source": "Gazette",
          "author": "A. Writer", "published": "2021-03-01", "text": t1, "actors": ACTORS,
          "entities": [{"start": t1.index("Ruritania"), "end": t1.index("Ruritania") + 9, "text": "Ruritania",
                        "label": "GPE", "actor": "ruritania"},
                       {"start": t1.index("Ruritania") + 3, "end": t1.index("Ruritania") + 20, "text": "x",
                        "label": "GPE", "actor": "freedonia"},  # overlaps the one before
                       {"start": t1.index("else"), "end": 10_000, "text": "x", "label": "ORG", "actor": None},
                       {"start": -4, "end": 2, "text": "x", "label": "ORG", "actor": None},
                       {"start": "bad", "end": None, "text": "x", "label": "ORG", "actor": None}],  # off the ends, not numbers
          "claims": [claim("../evil/a?b", 1, "accusation", "ruritania", "freedonia", s1, t1),
                     claim("../evil/a?b", 2, "accusation", "ruri-minister", "freedonia", s2, t1)]}
    d1["claims"][1]["sentence"]["end"] = 99_999  # out of range: clipped, the link still works
    t2 = "Freedonia denied Ruritania's claims. It said nothing more."
    d2 = {"id": "b", "url": None, "title": None, "source": None, "author": None, "published": None, "text": t2,
          "actors": [ACTORS[0], ACTORS[2]], "entities": [],
          "claims": [claim("b", 1, "denial", "freedonia", "ruritania", "Freedonia denied Ruritania's claims.", t2,
                           cue="denied"),
                     claim("b", 2, "statement", "freedonia", None, "It said nothing more.", t2)]}
    return [d1, d2]


def report(docs: list[dict], folder: Path, **options) -> list[Path]:
    """write_report over a list, through the document-iterator factory it takes."""
    return write_report(lambda: iter(docs), build_graph(docs), folder, options=ReportOptions(**options))


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("small")
    return folder, report(hand_made(), folder, title=f"Briefing {HOSTILE}")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, list[dict], list[Path]]:
    """The sample corpus through the whole pipeline once, then the report beside its output."""
    folder = tmp_path_factory.mktemp("hafnium")
    run_corpus(sorted(str(p) for p in CORPUS.iterdir()), folder, Settings())
    docs = list(iter_jsonl(folder / "documents.jsonl"))
    return folder, docs, report(docs, folder / "report")


def check_links(folder: Path, written: list[Path]) -> int:
    """Every in-report link of every page reaches a file, and an id in it when it has a fragment."""
    pages = {p.resolve(): page(p) for p in written}
    checked = 0
    for path, parsed in pages.items():
        for href in parsed.hrefs:
            if re.match(r"[a-z]+:", href):
                continue
            file, _, frag = href.partition("#")
            target = (path.parent / file).resolve() if file else path
            assert target in pages, f"{path.name}: {href} leads nowhere"
            if frag:
                assert frag in pages[target].ids, f"{path.name}: no id {frag!r} in {target.name}"
                checked += 1
    return checked


# --- hand-made documents -------------------------------------------------------------------------

def test_writes_index_and_one_page_per_article_with_safe_names(small):
    folder, written = small
    assert written[0] == folder / "index.html"
    assert sorted(p.name for p in written if p.parent.name == "articles") == ["b.html", "evil-a-b.html"]
    assert sorted(p.name for p in written if p.parent.name == "actors") == [
        "freedonia.html", "ruri-minister.html", "ruritania.html"]
    lists = sorted(p.name for p in written if p.parent.name == "lists")
    assert lists == ["actor-freedonia-1.html", "actor-ruri-minister-1.html", "actor-ruritania-1.html",
                     "actors-1.html", "articles-1.html", "day-2021-03-01-1.html", "index.html",
                     "outlet-Gazette-1.html", "outlet-unknown-outlet-1.html", "type-accusation-1.html",
                     "type-denial-1.html", "type-statement-1.html"]
    assert not list(folder.rglob(".*.tmp")) and not list(folder.rglob("*.sqlite"))


def test_only_actors_with_a_claim_get_a_page_and_the_directory_lists_all(tmp_path):
    docs = hand_made()
    docs[1]["actors"] = docs[1]["actors"] + [{"id": "bystander", "name": "Bystander", "kind": "person"}]
    written = report(docs, tmp_path)
    assert "bystander.html" not in {p.name for p in written}
    directory = (tmp_path / "lists" / "actors-1.html").read_text(encoding="utf-8")
    assert "Bystander" in directory and 'href="../actors/freedonia.html"' in directory


def test_hostile_text_is_escaped(small):
    _, written = small
    for p in written:
        text = p.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, p.name
        assert page(p).scripts == [SCRIPT], p.name  # ours alone, the same on every page
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
        assert f"script-src '{SCRIPT_HASH}';" in csp and "default-src 'none'" in csp
    article = (written[0].parent / "articles" / "evil-a-b.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; headline" in article  # the title
    body = re.sub(r"<[^>]*>", "", article.split("<article", 1)[1])  # mentions cut the text into runs
    assert "&lt;script&gt;alert(1)&lt;/script&gt; " in body  # the text
    assert "Freedonia &amp; co lied" in article


def test_pages_are_well_formed_despite_overlapping_and_out_of_range_spans(small):
    _, written = small
    for p in written:
        parsed = page(p)
        assert not parsed.unbalanced and parsed.stack == [], p.name


def test_claim_links_reach_their_sentence_anchors(small):
    folder, written = small
    assert check_links(folder, written) >= 8  # 4 claims from the index, 4 from the article pages


def test_mentions_name_their_actor_and_the_overlapping_one_is_dropped(small):
    folder, _ = small
    article = (folder / "articles" / "evil-a-b.html").read_text(encoding="utf-8")
    assert 'title="Ruritania">Ruritania</mark>' in article
    assert 'title="Freedonia">' not in article.split("</mark>", 1)[0]


def section(index: str, name: str) -> str:
    return index.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def test_dispute_and_outlet_matrix(small):
    folder, _ = small
    index = (folder / "index.html").read_text(encoding="utf-8")
    disputes = section(index, "disputes")
    assert "Ruritania accuses Freedonia; Freedonia denies" in disputes
    assert "Freedonia denied Ruritania&#39;s claims." in disputes
    outlets = section(index, "outlets")
    assert '<th class="outlet">Gazette</th>' in outlets and '<th class="outlet">unknown outlet</th>' in outlets
    assert re.search(r"Freedonia <span class=\"type denial\">denial</span> Ruritania</th><td class=\"none\">–</td>"
                     r"<td class=\"yes\">1 <span class=\"hedge\"", outlets)  # the denial, hedged, in the outlet-less article


def test_outlet_is_the_site_name_else_the_registered_domain_else_one_unknown_outlet():
    assert outlet({"source": "Harbour Post", "url": "https://x.example"}) == "Harbour Post"
    assert outlet({"url": "https://www.bbc.co.uk/news/1"}) == "bbc.co.uk"
    assert outlet({"url": "https://edition.cnn.com/2021/x"}) == "cnn.com"
    assert outlet({"id": "a"}) == outlet({"id": "b", "url": "not a url"}) == "unknown outlet"
    assert registered_domain("http://127.0.0.1:8000/a") == "127.0.0.1"


def test_outlets_beyond_the_top_twelve_share_one_column(tmp_path):
    docs = [dict(d, id=f"{d['id']}-{i}", source=f"Outlet {i:02d}") for i in range(15) for d in hand_made()[:1]]
    report(docs, tmp_path)
    outlets = section((tmp_path / "index.html").read_text(encoding="utf-8"), "outlets")
    assert outlets.count('<th class="outlet">') == 13
    assert '<th class="outlet">other outlets</th>' in outlets


def test_an_outlet_carrying_the_main_claims_gets_a_column_before_bigger_silent_ones(tmp_path):
    """Fifteen outlets of two articles with no claim between actors, one of one article carrying
    the accusation: the columns are chosen by the claims carried, not by articles alone."""
    d = hand_made()[0]
    docs = [dict(d, id=f"quiet-{i}-{j}", source=f"Outlet {i:02d}", claims=[]) for i in range(15) for j in range(2)]
    docs.append(dict(d, id="loud", source="Zeta Wire"))
    report(docs, tmp_path)
    outlets = section((tmp_path / "index.html").read_text(encoding="utf-8"), "outlets")
    heads = re.findall(r'<th class="outlet">([^<]*)</th>', outlets)
    assert len(heads) == 13 and heads[-1] == "other outlets" and "Zeta Wire" in heads
    row = outlets.split("Ruritania <span class=\"type accusation\">accusation</span> Freedonia</th>", 1)[1]
    cells = re.findall(r'<td class="(yes|none)"', row.split("</tr>", 1)[0])
    assert [heads[i] for i, c in enumerate(cells) if c == "yes"] == ["Zeta Wire"]
    assert "the 12 outlets that carried the most of these claims, the other 4 together" in outlets


def test_syndicated_sentences_fold_and_a_sentence_both_accusing_and_denying_shows_once(tmp_path):
    """Three outlets carry the same denial, which names the accusation it rejects; the index shows
    it once, under both, with "and 2 more outlets"."""
    text = "Freedonia rejected Ruritania's accusations of hacking."
    docs = []
    for i, name in enumerate(("Gazette", "Herald", "Courier")):
        did = f"copy{i}"
        denial = claim(did, 1, "denial", "freedonia", "ruritania", text, text, cue="rejected")
        accusation = dict(claim(did, 2, "accusation", "ruritania", "freedonia", text, text, cue="accusations"))
        docs.append({"id": did, "source": name, "published": f"2021-03-0{i + 1}", "text": text,
                     "actors": [ACTORS[0], ACTORS[2]], "entities": [], "claims": [denial, accusation]})
    report(docs, tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    disputes = section(index, "disputes")
    assert section(index, "outlets").count(">denied</span>") == 3  # each outlet carried the denial too
    assert disputes.count("Ruritania accuses Freedonia; Freedonia denies") == 1
    assert disputes.count("Freedonia rejected Ruritania&#39;s accusations of hacking.") == 1
    assert "and 2 more outlets" in disputes and "Gazette" in disputes
    firsts = section(index, "timeline")
    assert re.search(r"<b>Ruritania</b> accuses <b>Freedonia</b>: first <a href=\"articles/copy0.html#s1\">reported</a> "
                     r"by Gazette on 2021-03-01; repeated by Courier, Herald", firsts)


def test_output_is_deterministic(small, tmp_path):
    _, written = small
    again = report(hand_made(), tmp_path, title=f"Briefing {HOSTILE}")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in written]


def test_bare_documents_and_an_empty_corpus_still_make_pages(tmp_path):
    docs = [{"id": "bare"}, {"id": "odd", "text": "a\n\nb", "claims": [{"id": "odd#c1", "source": {}}]}]
    written = write_report(lambda: iter(docs), build_graph([]), tmp_path)
    assert [p.name for p in written if p.parent.name != "lists"] == ["index.html", "bare.html", "odd.html"]
    assert check_links(tmp_path, written) >= 2  # the claim, from a list and from its page
    empty = write_report(lambda: iter(()), build_graph([]), tmp_path / "empty")
    assert empty[0] == tmp_path / "empty" / "index.html"
    check_links(tmp_path / "empty", empty)


def test_the_documents_are_read_in_two_passes(tmp_path):
    docs, calls = hand_made(), []

    def documents():
        calls.append(1)
        return iter(docs)

    write_report(documents, build_graph(docs), tmp_path)
    assert len(calls) == 2


def test_claim_lists_are_paged(tmp_path):
    text = "Ruritania said Freedonia hacked it."
    d = {"id": "many", "source": "Gazette", "published": "2021-03-01", "text": text, "actors": ACTORS,
         "entities": [], "claims": [dict(claim("many", 1, "accusation", "ruritania", "freedonia", text, text),
                                         id=f"many#c{i}") for i in range(1, 26)]}
    written = report([d], tmp_path, page_size=10)
    pages = sorted(p.name for p in written if p.name.startswith("type-accusation-"))
    assert pages == ["type-accusation-1.html", "type-accusation-2.html", "type-accusation-3.html"]
    assert page(tmp_path / "lists" / "type-accusation-3.html").hrefs.count("../articles/many.html#s1") == 5
    assert check_links(tmp_path, written) >= 2 * 25


def test_a_second_run_removes_pages_of_documents_no_longer_there(tmp_path):
    docs = hand_made()
    first = report(docs, tmp_path)
    kept = [docs[0]]
    second = report(kept, tmp_path)
    left = {p for sub in ("articles", "actors", "lists") for p in (tmp_path / sub).glob("*.html")}
    assert left == set(second) - {tmp_path / "index.html"}
    assert set(first) - set(second)  # something was there before and is gone now


def test_safe_names_are_unique_and_safe():
    names = safe_names(["a/b", "a?b", "A-B", "", "ok_1"])
    assert list(names.values()) == ["a-b", "a-b-2", "A-B-3", "x", "ok_1"]


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab <>&\n\"'", max_size=40),
       spans=st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=6))
def test_any_spans_keep_every_character_once_and_tags_balanced(text, spans):
    """Whatever the offsets, the runs cover the text (newlines aside) exactly once, in order."""
    doc = {"id": "d", "text": text,
           "entities": [{"start": s, "end": e, "actor": "x" if s % 2 else None, "label": "ORG"} for s, e in spans],
           "claims": [{"id": f"d#c{i}", "type": "statement", "sentence": {"start": s, "end": e},
                       "cue": {"start": e, "end": s}} for i, (s, e) in enumerate(spans)]}
    anchors = sentence_anchors(doc)
    paras = paragraphs(doc, {"x": "X"}, anchors, {c["id"]: c["id"] for c in doc["claims"]})
    assert "".join(r["text"] for p in paras for r in p) == text.replace("\n", "")
    placed = [a for p in paras for r in p for a in r["anchors"]]
    assert sorted(placed) == sorted(set(anchors.values()))


# --- the sample corpus ---------------------------------------------------------------------------

@pytest.mark.slow
def test_sample_report_files_exist(sample):
    folder, docs, written = sample
    assert (folder / "report" / "index.html") in written
    claimants = {(c.get(p) or {}).get("actor") for d in docs for c in d["claims"] for p in ("source", "target")}
    actors = [p for p in written if p.parent.name == "actors"]
    assert len(actors) == len(claimants - {None}) < build_graph(docs).number_of_nodes()
    assert len([p for p in written if p.parent.name == "articles"]) == len(docs)
    assert all(p.stat().st_size > 0 for p in written)


@pytest.mark.slow
def test_sample_claim_links_reach_anchors(sample):
    folder, docs, written = sample
    n_claims = sum(len(d["claims"]) for d in docs)
    assert check_links(folder / "report", written) >= 3 * n_claims  # type list, outlet list, article row


@pytest.mark.slow
def test_sample_dispute_us_accuses_china_denies(sample):
    folder, _, _ = sample
    index = (folder / "report" / "index.html").read_text(encoding="utf-8")
    disputes = section(index, "disputes")
    assert "United States accuses China; China denies" in disputes
    assert "Beijing has repeatedly rejected US accusations of cyber-crime." in disputes
    assert "Harbour Post" in disputes


@pytest.mark.slow
def test_sample_pages_are_self_contained_and_printable(sample):
    _, docs, written = sample
    for p in written:
        parsed, text = page(p), p.read_text(encoding="utf-8")
        assert not [s for s in parsed.srcs if re.match(r"(https?:)?//", s)], p.name
        for url in {d["url"] for d in docs if d.get("url")}:
            text = text.replace(url, "")
        assert not re.search(r"https?://", text), p.name  # no URL but the articles' own
        assert not re.search(r"""(src=|@import|url\()\s*["']?(https?:)?//""", text), p.name
        assert "@media print" in text and "<style>" in text
        assert not parsed.unbalanced and parsed.stack == [], p.name


@pytest.mark.slow
def test_sample_svg_draws_the_top_actors(sample):
    folder, docs, _ = sample
    g = build_graph(docs)
    parsed = page(folder / "report" / "index.html")
    drawn = parsed.nodes["graph"]
    assert len(drawn) == len(set(drawn)) <= 35
    assert {"united-states", "china", "microsoft", "hafnium"} <= set(drawn)
    assert set(drawn) <= set(g.nodes)


@pytest.mark.slow
def test_sample_briefing_holds_the_gold_graph(sample, gold):
    """Every must_have edge of the gold seed is an arrow of the index's graph, no must_not_have is."""
    folder, _, _ = sample
    svg = (folder / "report" / "index.html").read_text(encoding="utf-8").split('<svg id="graph"', 1)[1]
    arrows = set(re.findall(r'class="edge (\w+)[^"]*" d="[^"]*" .*?data-source="([^"]+)" data-target="([^"]+)"', svg))
    drawn = {(s, t, typ) for typ, s, t in arrows}
    for edge in gold["graph"]["must_have"]:
        assert tuple(edge) in drawn, edge
    for edge in gold["graph"]["must_not_have"]:
        assert tuple(edge) not in drawn, edge


@pytest.mark.slow
def test_sample_article_page_highlights_mentions_and_lists_claims(sample):
    folder, docs, _ = sample
    text = (folder / "report" / "articles" / "china-denial.html").read_text(encoding="utf-8")
    assert 'title="China">Beijing</mark>' in text
    assert "Harbour Post" in text and "Wen Liang" in text
    assert 'href="https://harbourpost.example/' in text
    assert text.count('<tr id="claim-') == len(next(d for d in docs if d["id"] == "china-denial")["claims"])


@pytest.mark.slow
def test_sample_actor_page_lists_claims_by_and_about_the_actor(sample):
    folder, _, _ = sample
    text = (folder / "report" / "actors" / "china.html").read_text(encoding="utf-8")
    made = text.split('id="made"', 1)[1].split('id="about"', 1)[0]
    about = text.split('id="about"', 1)[1].split('id="articles"', 1)[0]
    assert "denial" in made and ">United States</a>" in made
    assert "accusation" in about and ">Microsoft</a>" in about
    assert "Chinese government spokesman" in text.split('id="members"', 1)[1]


def test_first_report_marks_on_the_last_day_stay_inside_the_timeline():
    """Five main claims first reported on the corpus's last day: their numbered marks sit side by
    side, none cut off by the picture's right edge."""
    from collections import Counter
    per_day = {"2021-03-01": Counter(accusation=2), "2021-03-20": Counter(accusation=9, statement=4)}
    chart, unit = timeline(per_day, [("2021-03-20", i, f"claim {i}") for i in range(1, 6)])
    assert unit == "day"
    circles = [(float(x), float(r)) for x, r in re.findall(r'<circle cx="([\d.]+)" cy="[\d.]+" r="([\d.]+)"', chart)]
    assert len(circles) == 5 and len({x for x, _ in circles}) == 5
    assert all(r <= x <= TIMELINE_WIDTH - r for x, r in circles)


def test_the_timeline_draws_the_busy_week_not_years_of_one_old_page(tmp_path):
    """Six articles over one week of 2021 and one from 2015: the timeline draws the week by day
    and says how many claims it leaves out, instead of one bar at the end of a monthly axis."""
    d = hand_made()[0]
    docs = [dict(d, id=f"week-{i}", published=f"2021-03-0{i + 1}") for i in range(6)]
    docs.append(dict(d, id="old", published="2015-01-05"))
    report(docs, tmp_path)
    timeline_ = section((tmp_path / "index.html").read_text(encoding="utf-8"), "timeline")
    per_article = len(d["claims"])
    assert (f"Claims per day by type, from 2021-03-01 to 2021-03-06: the busiest stretch of articles dated "
            f"2015-01-05 to 2021-03-06; the {per_article} claims outside it are not drawn.") in timeline_
    chart = timeline_.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "2021-03-06" in chart and "2015" not in chart
    docs.append(dict(d, id="old-2", published="2016-06-01"))  # 6 of 8 in the week: under 80 %, all drawn
    report(docs, tmp_path)
    timeline_ = section((tmp_path / "index.html").read_text(encoding="utf-8"), "timeline")
    assert "Claims per month by type." in timeline_ and "busiest" not in timeline_


def test_an_article_in_another_language_says_so_and_why_it_has_no_claim(tmp_path):
    """The pages are lang="en"; a German article's text and headline carry lang="de" (the browser
    picks fonts and hyphenation for it, a screen reader its voice), and its empty claim list says
    it was not parsed rather than that nothing was found."""
    d = hand_made()[0]
    text = "Die Regierung sagte am Montag, sie habe nichts davon gewusst."
    docs = [dict(d, id="de", title="Eine Meldung", language="de", text=text, actors=[], entities=[], claims=[]),
            dict(d, id="en", language="en")]
    report(docs, tmp_path)
    german = (tmp_path / "articles" / "de.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in german and '<article class="text" lang="de">' in german
    assert '<h1 lang="de">Eine Meldung</h1>' in german
    assert "in another language (de)" in german and "No claim found." not in german
    english = (tmp_path / "articles" / "en.html").read_text(encoding="utf-8")
    assert '<article class="text">' in english and "another language" not in english


def test_a_claims_table_over_many_articles_names_each_claims_article(small, tmp_path):
    """Claim numbers restart in every article (c1, c2, ...): where claims of several articles
    meet, each row names its article's outlet, day and title (escaped; a long one cut, whole in
    its tooltip)."""
    folder, _ = small
    listing = (folder / "lists" / "type-accusation-1.html").read_text(encoding="utf-8")
    assert "<th>Article</th>" in listing
    assert ('Gazette<br><span class="muted">2021-03-01</span><br><span class="article-title">'
            '&lt;script&gt;alert(1)&lt;/script&gt; headline</span>') in listing
    d = hand_made()[0]
    long_title = "A headline that goes on " + "and on " * 12 + "to the end"
    report([dict(d, title=long_title)], tmp_path)
    listing = (tmp_path / "lists" / "type-accusation-1.html").read_text(encoding="utf-8")
    assert f'<span class="article-title" title="{long_title}">{long_title[:59]}…</span>' in listing
    article = (tmp_path / "articles" / "evil-a-b.html").read_text(encoding="utf-8")
    assert '<span class="article-title"' not in article  # its own page needs no such column


def test_a_one_outlet_corpus_does_not_say_no_other_outlet_repeated_a_claim(tmp_path):
    docs = [dict(d, source="Gazette") for d in hand_made()]
    report(docs, tmp_path)
    firsts = section((tmp_path / "index.html").read_text(encoding="utf-8"), "timeline")
    assert "first <a href=" in firsts and "reported</a> by Gazette" in firsts
    assert "no other outlet" not in firsts
    report(hand_made(), tmp_path)  # two outlets: it is worth saying
    assert "no other outlet repeated it" in section((tmp_path / "index.html").read_text(encoding="utf-8"), "timeline")


def test_a_graph_of_a_few_small_components_draws_arrows_long_enough_to_see():
    """Five unrelated pairs (a crawl of unrelated stories): the nodes get more room than on a
    crowded canvas, so each arrow between a pair is long enough to see (it was about 18 px)."""
    import math

    import networkx as nx

    from extractor.svg import draw
    g = nx.MultiDiGraph()
    for i in range(5):
        g.add_node(f"a{i}", name=f"Speaker {i}", kind="person")
        g.add_node(f"b{i}", name=f"Target {i}", kind="state")
        for k in range(3 + i):
            g.add_edge(f"a{i}", f"b{i}", type="accusation", document=f"d{i}-{k}")
    svg = str(draw(g).svg)
    ends = [tuple(map(float, m)) for m in re.findall(r'd="M([\d.]+),([\d.]+) Q[\d.]+,[\d.]+ ([\d.]+),([\d.]+)"', svg)]
    assert len(ends) == 5 and min(math.dist(e[:2], e[2:]) for e in ends) >= 40
