"""extractor.clean: article text and metadata out of real pages; boilerplate out, real sentences in."""
from __future__ import annotations

import importlib.util
import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trafilatura.utils import load_html

from extractor.clean import RULES, readability_text, clean, drop_headline, filter_boilerplate
from extractor.errors import NoArticleError
from extractor.ingest import iter_raw
from extractor.records import RawDocument

from .conftest import CORPUS, SEED, SHARED, load_gold, need_shared


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    """The article's own paragraphs: everything between the "Tech Edition" banner and the edition logo."""
    paragraphs = seed_text().split("\n\n")
    assert paragraphs[0] == "Tech Edition" and paragraphs[12] == "Business Edition Logo"
    return [p.strip() for p in paragraphs[1:12]]


def clean_file(path: Path, **kwargs):
    (raw,) = iter_raw([str(path)])
    assert isinstance(raw, RawDocument), raw
    return clean(raw, **kwargs)


# Page furniture that must not reach the article text, on every page of the corpus.
FURNITURE = [
    "Sign up", "privacy policy", "Privacy Policy", "Share", "Follow us", "cookies", "All rights reserved",
    "Subscribe", "Advertisement", "Oh hi there", "Facebook | ", "Older posts",
]

PAGES = {
    "daily-edition.html": {
        "title": "Microsoft blames China as US warns of Exchange email hack",
        "source": "The Daily Edition",
        "author": "Thandi Mokoena",
        "published": "2021-03-08",
        "url": "https://dailyedition.example/tech/2021/03/08/microsoft-exchange-hack-china",
        "must_contain": [
            "The Future is Tech – Think of one of the biggest companies you could target as a hacker…",
            "This is an active threat,” White House press secretary Jen Psaki said on Friday.",
            "A spokesman for the Chinese government told Reuters news agency that the country was definitely not behind the hack.",
            "So, too, is its search engine Bing, although locally-run Baidu dominates the search market.",
        ],
        "must_not_contain": ["Tech Edition", "Business Edition Logo", "It’s nice to meet you", "More from Tech",
                             "Patch Tuesday", "Topics:", "Home", "Picture: Archive"],
    },
    "wire-brief.html": {
        "title": "Microsoft says China-based Hafnium behind Exchange hack; White House warns of active threat",
        "source": "Meridian Wire",
        "author": "Daniel Okafor",
        "published": "2021-03-06",
        "url": "https://meridianwire.example/world/us/microsoft-exchange-hafnium-idMW2021030601",
        "must_contain": [
            "Microsoft said hackers had used its mail server to attack their targets.",
            "“This is an active threat,” White House press secretary Jen Psaki said on Friday.",
            "More than 20,000 organisations have been compromised in the US with many more affected worldwide, Reuters reported.",
        ],
        "must_not_contain": ["S&P 500", "Read Next", "Oil prices jump", "Trust Principles", "delayed a minimum",
                             "Sign in", "Scroll to continue"],
    },
    "china-denial.html": {
        "title": "China denies role in Microsoft Exchange hack",
        "source": "Harbour Post",
        "author": "Wen Liang",
        "published": "2021-03-07",
        "url": "https://harbourpost.example/asia/china/article/3124512/china-denies-role-microsoft-exchange-hack",
        "must_contain": [
            "A spokesman for the Chinese government told Reuters news agency that the country was definitely not behind the hack.",
            "Beijing has repeatedly rejected US accusations of cyber-crime.",
            "Although Hafnium is based in China, it allegedly conducts its operations primarily from leased virtual private servers in the US, Microsoft said.",
        ],
        "must_not_contain": ["China at a glance", "delivered to your inbox", "More on this", "dim sum", "Trending",
                             "Hong Kong", "By registering"],
    },
    "live-blog.html": {
        "title": "Exchange hack live: White House says ‘act now to patch’",
        "source": "The Signal Desk",
        "author": "Maya Lindqvist",
        "published": "2021-03-05",
        "url": "https://signaldesk.example/live/2021/mar/05/microsoft-exchange-hack-live",
        "must_contain": [
            "Jake Sullivan, the White House National Security Adviser, has also urged network owners to download the security patches as soon as possible.",
            "“This is an active threat,” White House press secretary Jen Psaki said.",
            "The US National Security Council said it was “essential that any organisation with a vulnerable server take immediate measures”",
            # the oldest entry, last on the page: kept only because its share control is a button (see corpus/README.md)
            "News of the breach prompted the US Cybersecurity and Infrastructure Security Agency (Cisa) to release an emergency directive",
        ],
        "must_not_contain": ["Key events", "Support independent journalism", "morning briefing", "Terms & conditions"],
    },
}


def test_every_corpus_page_has_a_case():
    assert sorted(p.name for p in CORPUS.glob("*.html")) == sorted(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_corpus_page_metadata(name):
    expected = PAGES[name]
    article = clean_file(CORPUS / name)
    assert article.id == name.removesuffix(".html")
    got = {key: getattr(article, key) for key in ("title", "source", "author", "published", "url")}
    assert got == {key: expected[key] for key in got}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_corpus_page_must_contain(name):
    text = clean_file(CORPUS / name).text
    missing = [snippet for snippet in PAGES[name]["must_contain"] if snippet not in text]
    assert not missing


@pytest.mark.parametrize("name", sorted(PAGES))
def test_corpus_page_must_not_contain(name):
    text = clean_file(CORPUS / name).text
    found = [snippet for snippet in FURNITURE + PAGES[name]["must_not_contain"] if snippet in text]
    assert not found


def test_html_page_keeps_every_seed_paragraph_in_order():
    """Word for word; trafilatura turns the seed's two no-break spaces into plain spaces."""
    lines = [" ".join(line.split()) for line in clean_file(CORPUS / "daily-edition.html").text.splitlines()]
    assert lines == [" ".join(p.split()) for p in seed_paragraphs()]


# --- the seed article as plain text ---------------------------------------------------------------


def test_seed_text_loses_exactly_its_boilerplate():
    text = seed_text()
    article = clean_file(SEED)
    start, end = text.index("The Future is Tech"), text.index("\n\nBusiness Edition Logo")
    assert article.text == text[start:end] + "\n"
    assert [p for p in seed_paragraphs() if p not in article.text] == []


def test_seed_text_has_none_of_the_gold_boilerplate():
    boilerplate = load_gold()["boilerplate"]
    assert len(boilerplate) == 6
    text = clean_file(SEED).text
    assert [line for line in boilerplate if line in text] == []


def test_verbatim_keeps_the_seed_exactly():
    article = clean_file(SEED, verbatim=True)
    assert article.text == seed_text()
    assert (article.id, article.title, article.source) == ("hafnium-article", None, None)


def test_filter_logs_each_discard_with_its_rule(caplog):
    with caplog.at_level(logging.DEBUG, logger="extractor.clean"):
        filter_boilerplate(seed_text())
    assert [(r.args[0], r.args[1]) for r in caplog.records] == [
        ("edition-banner", "Tech Edition"),
        ("edition-banner", "Business Edition Logo"),
        ("greeting", "Oh hi there 👋"),
        ("greeting", "It’s nice to meet you."),
        ("newsletter", "Sign up to receive awesome content in your inbox"),
        ("privacy-notice", "We don’t spam! Read our privacy policy for more info."),
    ]


# --- the filter must not touch real news text -----------------------------------------------------


def test_filter_removes_nothing_from_polnear_dev():
    dev = need_shared(SHARED / "eval" / "polnear" / "dev.jsonl")
    texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) == 84
    changed = [i for i, text in enumerate(texts) if filter_boilerplate(text) != text]
    assert changed == []


@pytest.mark.parametrize(
    "text",
    [
        "It’s nice to meet you.\n\nThe minister said the talks would continue on Monday.\n",
        "The minister said the talks would continue.\n\nHello there!\n\nShe added that both sides were hopeful.\n",
        "The envoy arrived late.\n\nIt’s nice to meet you.\n\nThose were his first words to the president, aides said.\n",
        "Officials said the deal would hold.\n\nThanks for reading.\n",
        "The company unveiled its new logo.\n\nThe New Brand Logo\n",
        "“Sign up to receive our updates in your inbox,” the campaign wrote in a message that critics called misleading and that was later removed.\n",
        "Share prices fell 4 percent on the news.\n",
        "Follow the money, the senator told reporters.\n",
        "Related talks in Geneva: both sides said they were hopeful.\n",
        "Also on Monday, the union said it would meet the port authority again.\n",
        "Most read books this year were novels, the survey found.\n",
        "Follow the money, the senator said on Twitter.\n",
        "Reporting by phone is easier, the union said.\n",
        "Reporting by Jan Becker's team exposed the scheme.\n",
        "Tags: the port authority fitted every container with tracking tags after the thefts, officials said.\n",
        "More than 2,500 civilians have been killed in the fighting so far this year.\n",
    ],
)
def test_filter_keeps_real_sentences_that_look_like_boilerplate(text):
    assert filter_boilerplate(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First paragraph.\n\nAdvertisement\n\nSecond paragraph.\n", "First paragraph.\n\nSecond paragraph.\n"),
        ("Share this article\nFirst paragraph.\r\nSecond paragraph.", "First paragraph.\r\nSecond paragraph."),
        ("  Story continues below advertisement  \n\nText.", "Text."),
        ("Text one.\nFollow us on Twitter and Facebook\nText two.\n", "Text one.\nText two.\n"),
        ("Text.\n\nHi there!\nSubscribe to our newsletter\n\nThis site uses cookies to improve your experience.", "Text.\n"),
        ("Get our free newsletter\nBy registering, you agree to our T&C and Privacy Policy\nText.", "Text."),
        ("Text.\n\nEnter your email address:\nSign up\nWe won’t spam you.\n", "Text.\n"),
        ("Facebook | Twitter | LinkedIn | Email | Print\nText.\nAD\n", "Text.\n"),
        ("Text one.\nRelated: Port strike ends after two weeks\nText two.\n", "Text one.\nText two.\n"),
        ("Text one.\n\nREAD MORE: Union leaders meet port authority\n\nMore:\nText two.", "Text one.\n\nText two."),
        ("Text one.\nYou may also like...\nMost read in world news\nDON'T MISS\nText two.\n", "Text one.\nText two.\n"),
        ("Text one.\n\nFiled under: Port news |\n\nTags: strike, union, port\n", "Text one.\n"),
        ("Text.\nGet the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.\n",
         "Text.\n"),
        ("Text.\nFollow Harbour Radio on Instagram, Facebook and YouTube.\nAdditional reporting by Jan Becker\n", "Text.\n"),
        ("Text.\nFollow our full coverage of the strike at https://harbourpost.example/strike\n", "Text.\n"),
    ],
)
def test_filter_drops_boilerplate_lines_and_keeps_the_rest_byte_identical(text, expected):
    assert filter_boilerplate(text) == expected


REAL = ("The minister said the talks would continue.", "“This is an active threat,” Jen Psaki said.")
LINES = st.sampled_from(
    ["Tech Edition", "Oh hi there 👋", "It’s nice to meet you.", "Advertisement", "Share", "", "  ", "\r",
     "Sign up for our newsletter", "Thanks for reading.", "Business Edition Logo", "Follow us on Twitter", *REAL]
)


def split_lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+", text)


@given(st.lists(LINES, max_size=12), st.booleans())
def test_filter_only_ever_removes_whole_lines(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    original, kept = split_lines(text), split_lines(filter_boilerplate(text))
    remaining = iter(original)
    assert all(line in remaining for line in kept)  # kept lines: original lines, unchanged, in order
    assert [line.strip() for line in kept if line.strip() in REAL] == [line for line in lines if line in REAL]


def test_every_rule_is_compiled_once_with_a_known_placement():
    assert RULES and all(rule.where in ("anywhere", "edge") and rule.max_words > 0 for rule in RULES)
    assert {"edition-banner", "newsletter", "privacy-notice", "share-follow", "advertisement",
            "cookie-notice", "greeting", "logo"} <= {rule.name for rule in RULES}


# --- metadata precedence and articles that are not there ------------------------------------------


def test_record_metadata_wins_over_the_page():
    html = (CORPUS / "wire-brief.html").read_text(encoding="utf-8")
    raw = RawDocument(id="r1", origin="batch.jsonl:1", html=html, url="https://given.example/r1",
                      title="Given title", source="Given Source", published="2021-03-06T16:45:00Z")
    article = clean(raw)
    assert (article.url, article.title, article.source, article.published, article.author) == (
        "https://given.example/r1", "Given title", "Given Source", "2021-03-06T16:45:00Z", "Daniel Okafor")


def test_text_wins_over_html_when_a_record_has_both():
    html = (CORPUS / "wire-brief.html").read_text(encoding="utf-8")
    article = clean(RawDocument(id="r1", origin="-:1", html=html, text="Tech Edition\n\nGiven text.\n"), verbatim=True)
    assert article.text == "Tech Edition\n\nGiven text.\n"


def test_html_with_no_article_is_a_no_article_error(tmp_path):
    path = tmp_path / "nav-only.html"
    path.write_text('<html><head><title>Home</title></head><body><div class="menu"><ul><li><a href="/">Home</a></li>'
                    '<li><a href="/news">News</a></li></ul></div><div id="cookie">We use cookies.</div>'
                    '<footer><p>© 2021 Example Ltd</p></footer></body></html>', encoding="utf-8")
    with pytest.raises(NoArticleError) as caught:
        clean_file(path)
    assert (caught.value.source, caught.value.reason) == (str(path), "no article text found in the HTML")


def test_html_whose_only_text_is_a_menu_is_a_no_article_error(tmp_path):
    """trafilatura falls back to a page's menu when there is nothing else; that is no article."""
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav>Home News</nav></body></html>", encoding="utf-8")
    with pytest.raises(NoArticleError) as caught:
        clean_file(path)
    assert caught.value.reason == "no article text found in the HTML (only menu-like short lines)"


def test_a_one_sentence_brief_is_an_article(tmp_path):
    path = tmp_path / "brief.html"
    path.write_text("<html><body><article><p>Microsoft blamed China for the hack.</p></article></body></html>",
                    encoding="utf-8")
    assert clean_file(path).text.strip() == "Microsoft blamed China for the hack."


def test_text_of_only_boilerplate_is_a_no_article_error():
    raw = RawDocument(id="x", origin="x.txt", text="Advertisement\n\nSign up for our newsletter\n")
    with pytest.raises(NoArticleError) as caught:
        clean(raw)
    assert caught.value.reason == "no article text left after removing boilerplate"
    assert clean(raw, verbatim=True).text == raw.text


def test_blank_text_is_a_no_article_error_even_verbatim():
    with pytest.raises(NoArticleError) as caught:
        clean(RawDocument(id="x", origin="x.txt", text=" \n\n"), verbatim=True)
    assert (caught.value.source, caught.value.reason) == ("x.txt", "text is empty")


def test_an_article_in_a_script_without_spaces_is_an_article(tmp_path):
    """Japanese has no spaces between words: a long line is prose however its words are counted."""
    path = tmp_path / "kou.html"
    path.write_text("<html><body><article><p>港湾局は月曜日、労働組合との二週間にわたる交渉の末、ストライキが終わったと発表した。"
                    "組合の広報担当者は、船の荷降ろしが再開されたことを喜んでいると述べた。</p></article></body></html>",
                    encoding="utf-8")
    article = clean_file(path)
    assert article.text.startswith("港湾局は月曜日") and article.language == "ja"


# --- the headline -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "headlines", "expected"),
    [
        ("Port strike ends\n\nDock workers returned.\n", ["Port strike ends"], ("Dock workers returned.\n", "Port strike ends")),
        ("  Port  strike ends \nDock workers returned.", [None, "Port strike ends"], ("Dock workers returned.", "Port strike ends")),
        ("Dock workers returned.\nPort strike ends\n", ["Port strike ends"], ("Dock workers returned.\nPort strike ends\n", None)),
        ("Port strike ends after talks\nDock workers returned.", ["Port strike ends"], ("Port strike ends after talks\nDock workers returned.", None)),
        ("Port strike ends\n", ["Port strike ends"], ("Port strike ends\n", None)),  # all there is: kept
        ("Port strike ends\nDock workers returned.", [], ("Port strike ends\nDock workers returned.", None)),
    ],
)
def test_drop_headline(text, headlines, expected):
    assert drop_headline(text, headlines) == expected


def test_a_page_headline_moves_from_the_text_to_the_title(tmp_path):
    """The <h1> repeats at the top of the text (the reference texts of news benchmarks never hold it);
    it stays reachable as the title, also when the <title> says something else."""
    path = tmp_path / "strike.html"
    path.write_text("<html><head><title>Strike over | Harbour Post</title></head><body><article>"
                    "<h1>Dock workers end two-week strike</h1><p>Dock workers returned to the port on Monday after "
                    "union leaders and the port authority agreed a new contract.</p></article></body></html>",
                    encoding="utf-8")
    article = clean_file(path)
    assert (article.title, article.text.splitlines()[0]) == (
        "Dock workers end two-week strike",
        "Dock workers returned to the port on Monday after union leaders and the port authority agreed a new contract.")


def testreadability_text_keeps_paragraph_breaks():
    page = ("<html><body><div id='nav'><a href='/'>Home</a></div><div class='story'>"
            "<p>Dock workers returned to the port on Monday after the union and the port authority agreed a contract.</p>"
            "<p>The union said the deal raised wages by four percent over two years and kept night-shift pay.</p>"
            "<p>Ships queued outside the harbour for days while the strike went on, the authority said.</p>"
            "</div></body></html>")
    lines = readability_text(load_html(page)).splitlines()
    assert [line[:20] for line in lines] == ["Dock workers returne", "The union said the d", "Ships queued outside"]


# --- the aeb-dev pages (real news pages of a public article-extraction benchmark) -------------------

AEB_FLOOR = 0.978  # 4-gram F1 by the benchmark's own scorer; trafilatura with our options scores 0.975


@pytest.mark.slow
def test_aeb_dev_no_page_is_rejected_that_trafilaturas_defaults_extract(aeb_pages, aeb_articles):
    from trafilatura import bare_extraction

    rejected = [doc_id for doc_id, article in aeb_articles.items() if isinstance(article, NoArticleError)]
    by_id = {raw.id: raw for raw in aeb_pages}
    assert [doc_id for doc_id in rejected if (bare_extraction(by_id[doc_id].html).text or "").strip()] == []


@pytest.mark.slow
def test_aeb_dev_text_scores_above_the_floor(aeb_articles):
    """The evaluation gate: `benchmarks/clean_eval.py` prints the full comparison."""
    scorer_path = need_shared(SHARED / "eval" / "aeb-dev" / "evaluate.py")
    spec = importlib.util.spec_from_file_location("aeb_evaluate", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    truth = json.loads((scorer_path.parent / "ground-truth.json").read_text(encoding="utf-8"))
    predicted = {doc_id: {"articleBody": "" if isinstance(a, NoArticleError) else a.text}
                 for doc_id, a in aeb_articles.items()}
    assert scorer.evaluate(truth, predicted, n_bootstrap=2)["f1"] >= AEB_FLOOR
