"""extractor.metadata: outlet, byline and title as a page declares them, checked and repaired.

Made-up values first (the junk real pages hold, in kind), then every aeb-dev page when ../shared is there."""
from __future__ import annotations

import re

import pytest

from extractor.clean import clean
from extractor.errors import NoArticleError
from extractor.metadata import registered_domain, repair_author, repair_source, strip_title_suffix
from extractor.records import RawDocument

URL = "https://www.harbourpost.example/world/2021/03/07/story"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://hosted.ap.org/citizensvoice/article/1", "ap.org"),
        ("http://www.bbc.co.uk/news/1", "bbc.co.uk"),
        ("https://profootballtalk.nbcsports.com/2019/11/19/x/", "nbcsports.com"),
        ("https://www.harbourpost.example/a", "harbourpost.example"),  # no known suffix: the host, less www.
        (None, None),
    ],
)
def test_registered_domain(url, expected):
    assert registered_domain(url) == expected


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("The Harbour Post", URL, "The Harbour Post"),
        ("SpaceNews.com", "https://spacenews.com/x", "SpaceNews.com"),
        ("ProFootballTalk", "https://profootballtalk.nbcsports.com/x", "ProFootballTalk"),
        ("@HarbourPost", URL, "HarbourPost"),
        ("Harbour Post | The city's favourite news platform", URL, "Harbour Post"),
        ("Copyright 2014", URL, "harbourpost.example"),
        ("© 2021 Harbour Media Ltd", URL, "harbourpost.example"),
        ("https://www.harbourpost.example/", URL, "harbourpost.example"),
        ("www.harbourpost.example", URL, "harbourpost.example"),
        ("Hosted", "https://hosted.ap.org/citizensvoice/article/1", "ap.org"),
        ("News", URL, "harbourpost.example"),
        ("Your trusted source for news about the harbour and the city since 1901", URL, "harbourpost.example"),
        ("We bring you the news.", URL, "harbourpost.example"),
        (None, URL, "harbourpost.example"),
        ("   ", URL, "harbourpost.example"),
        ("Copyright 2014", None, None),
        (None, None, None),
    ],
)
def test_repair_source(source, url, expected):
    assert repair_source(source, url) == expected


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Thandi Mokoena", "Thandi Mokoena"),
        ("By Wen Liang", "Wen Liang"),
        ("Sarah E Needleman", "Sarah E Needleman"),
        ("Ludwig van der Berg", "Ludwig van der Berg"),
        ("Sandra O’Neil-Hart", "Sandra O’Neil-Hart"),
        ("Ana Lima; Bo Chen", "Ana Lima; Bo Chen"),
        ("Ana Lima and Bo Chen", "Ana Lima; Bo Chen"),
        ("MAYA LINDQVIST", "Maya Lindqvist"),
        ("Daniel Okafor; Harbour Post Staff Writer", "Daniel Okafor"),
        ("Daniel Okafor Associated Press", "Daniel Okafor"),
        ("Daniel Okafor; AP Science Writer", "Daniel Okafor"),
        ("Daniel Okafor; NJ Advance Media", "Daniel Okafor"),
        ("Daniel Okafor Monday; November", "Daniel Okafor"),
        ("Jane Doe Published", "Jane Doe"),
        ("Jane Doe; Jane Doe", "Jane Doe"),
        ("Jane Doe is a reporter", None),
        ("The Russian; Syrian defense ministries", None),
        ("Staff Reports", None),
        ("The Associated Press", None),
        ("Admin", None),
        ("harbourpost", None),
        ("Jane Doe 2021", None),
        ("jane@harbourpost.example", None),
        ("", None),
        (None, None),
    ],
)
def test_repair_author(author, expected):
    assert repair_author(author) == expected


def test_a_name_ends_where_the_outlet_starts():
    assert repair_author("Finian Cunningham Harbourpost International", ["HarbourpostInt"]) == "Finian Cunningham"
    assert repair_author("Troy Smith; Cleveland com", ["Cleveland"]) == "Troy Smith"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("China denies role in hack | Harbour Post", "China denies role in hack"),
        ("China denies role in hack - harbourpost.example", "China denies role in hack"),
        ("China denies role in hack – HARBOUR POST", "China denies role in hack"),
        ("China denies role in hack | Harbour", "China denies role in hack"),  # the start of the outlet's name
        ("Editorial: China denies role in hack | Opinion", "Editorial: China denies role in hack | Opinion"),
        ("Hong Kong - Shenzhen rail link opens", "Hong Kong - Shenzhen rail link opens"),
        ("Harbour Post", "Harbour Post"),
        (None, None),
    ],
)
def test_strip_title_suffix(title, expected):
    assert strip_title_suffix(title, ["Harbour Post", "harbourpost.example", None]) == expected


JUNK_PAGE = """<html><head><title>Port strike ends after talks | Harbour Post</title>
<meta property="og:site_name" content="Copyright 2014">
<meta name="author" content="Jane Doe is a reporter">
<link rel="canonical" href="https://www.harbourpost.example/port/strike-ends"></head>
<body><article><h1>Port strike ends after talks</h1>
<p>Dock workers returned to the port on Monday after union leaders and the port authority agreed a new contract.</p>
<p>The union said the deal raised wages by four percent over two years and protected night-shift pay.</p>
</article></body></html>"""


def test_a_page_with_junk_metadata_gets_repaired_metadata():
    article = clean(RawDocument(id="p", origin="p.html", html=JUNK_PAGE))
    assert (article.url, article.source, article.author, article.title) == (
        "https://www.harbourpost.example/port/strike-ends", "harbourpost.example", None, "Port strike ends after talks")
    assert article.text.startswith("Dock workers returned")


# --- every aeb-dev page --------------------------------------------------------------------------

# what a junk field looks like, written independently of the repair rules
JUNK_SOURCE = re.compile(r"©|copyright|rights reserved|^https?://|^www\.|/|^(?:hosted|home|news|blog)$", re.IGNORECASE)
JUNK_AUTHOR = re.compile(r"\b(?:is|was|are|has|the|a|an|writer|reporter|staff|editor|press|news|media"
                         r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                         r"|january|february|march|april|june|july|august|september|october|november|december)\b"
                         r"|\d|@|https?:", re.IGNORECASE)


@pytest.mark.slow
def test_aeb_dev_metadata_passes_the_checks_on_every_page(aeb_articles):
    bad = []
    for doc_id, article in sorted(aeb_articles.items()):
        assert not isinstance(article, NoArticleError), article
        if article.source is None or JUNK_SOURCE.search(article.source) or len(article.source.split()) > 6:
            if not (article.url is None and article.source is None):
                bad.append((doc_id[:12], "source", article.source))
        for name in (article.author or "").split("; ") if article.author else ():
            if JUNK_AUTHOR.search(name) or not 2 <= len(name.split()) <= 5:
                bad.append((doc_id[:12], "author", article.author))
        if article.title and article.source and strip_title_suffix(article.title, [article.source]) != article.title:
            bad.append((doc_id[:12], "title", article.title))
    assert bad == []
