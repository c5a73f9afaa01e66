"""robots.txt against the local server (tests/local_server.py): read once per site and run through
the polite client, its rules for our product token, a missing one allows all, an unreachable (5xx)
one disallows all, Crawl-delay as a minimum delay, disallowed URLs skipped and counted in the
summary line, and --ignore-robots."""
from __future__ import annotations

from dataclasses import replace

from extractor.errors import FetchError, InputError
from extractor.ingest import Inputs, Skipped, iter_inputs
from extractor.records import RawDocument
from extractor.robots import DISALLOWED
from extractor.run import Summary, raw_documents
from extractor.settings import Settings

from .local_server import BIG
from .test_fetch import FAST, url_file

LIMIT = BIG // 2
RULES = """# ours is the more specific group: it applies, not the one for everyone
User-agent: *
Disallow: /

User-agent: news-extractor
Disallow: /news/secret
Allow: /news/
"""


def read(site, tmp_path, *paths: str, policy=FAST, **inputs) -> list:
    urls = url_file(tmp_path, *(site.url(p) for p in paths))
    return list(iter_inputs(Inputs(urls=(str(urls),), policy=policy, **inputs), max_bytes=LIMIT))


def test_disallowed_urls_are_skipped_never_fetched_and_counted_in_the_summary_line(site, tmp_path):
    site.robots["127.0.0.1"] = (200, RULES)
    urls = url_file(tmp_path, *(site.url(p) for p in ("/news/a1.html", "/news/secret-plan.html", "/news/a2.html",
                                                      "/news/secret.html")))
    summary = Summary()
    docs = list(raw_documents(Inputs(urls=(str(urls),), policy=FAST), Settings(), summary, lambda e: None))
    assert [d.url for d in docs] == [site.url("/news/a1.html"), site.url("/news/a2.html")]
    assert site.seen["/news/secret-plan.html"] == site.seen["/news/secret.html"] == 0
    assert site.seen["/robots.txt"] == 1  # once for the site, however many URLs
    assert summary.failed == 0
    assert summary.line().endswith(f"; 2 records skipped (2 {DISALLOWED})")


def test_ignore_robots_fetches_everything_and_never_asks_for_robots_txt(site, tmp_path):
    site.robots["127.0.0.1"] = (200, RULES)
    items = read(site, tmp_path, "/news/a1.html", "/news/secret.html", policy=replace(FAST, robots=False))
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    assert site.seen["/robots.txt"] == 0


def test_a_missing_robots_txt_allows_everything(site, tmp_path):
    items = read(site, tmp_path, "/news/a1.html", "/news/secret.html")
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    assert [h.path for h in site.hits_of("/robots.txt")] == ["/robots.txt"]  # a 404, not retried


def test_a_robots_txt_that_answers_5xx_disallows_the_site(site, tmp_path):
    site.robots["127.0.0.1"] = (503, "down for maintenance")
    items = read(site, tmp_path, "/news/a1.html", "/news/a2.html")
    assert all(isinstance(i, Skipped) for i in items) and len(items) == 2
    assert {i.reason for i in items} == {"robots.txt unreachable: HTTP 503 Service Unavailable (2 attempts); "
                                         "nothing fetched from that site (RFC 9309)"}
    assert site.seen["/news/a1.html"] == site.seen["/news/a2.html"] == 0
    assert site.seen["/robots.txt"] == 2  # the first answer and FAST's one retry, then kept for the run


def test_robots_txt_is_per_site(site, tmp_path):
    site.robots["localhost"] = (200, "User-agent: *\nDisallow: /news/\n")
    urls = url_file(tmp_path, site.url("/news/a1.html"), site.url("/news/a1.html", host="localhost"))
    items = list(iter_inputs(Inputs(urls=(str(urls),), policy=FAST), max_bytes=LIMIT))
    assert [type(i) for i in items] == [RawDocument, Skipped]
    assert {h.host.split(":")[0] for h in site.hits_of("/robots.txt")} == {"127.0.0.1", "localhost"}


def test_a_redirect_into_a_disallowed_path_is_not_followed(site, tmp_path):
    site.robots["127.0.0.1"] = (200, "User-agent: *\nDisallow: /news/a1.html\n")
    (item,) = read(site, tmp_path, "/moved")  # /moved answers 301 to /news/a1.html
    assert isinstance(item, Skipped) and item.reason == DISALLOWED and item.origin == site.url("/moved")
    assert site.seen["/moved"] == 1 and site.seen["/news/a1.html"] == 0


def test_crawl_delay_is_a_minimum_delay_between_requests(site, tmp_path):
    site.robots["127.0.0.1"] = (200, "User-agent: *\nCrawl-delay: 1\n")
    items = read(site, tmp_path, "/news/p1.html", "/news/p2.html", "/news/p3.html",
                 policy=replace(FAST, delay=0.0, workers=3))
    assert [type(i) for i in items] == [RawDocument] * 3
    pages = sorted((h for h in site.hits if h.path.startswith("/news/")), key=lambda h: h.start)
    for before, after in zip(pages, pages[1:]):
        assert after.start - before.sent >= 1.0, (before, after)  # FAST's own delay is 0


def test_a_feed_robots_txt_disallows_is_one_error_line(site, tmp_path):
    site.robots["127.0.0.1"] = (200, "User-agent: *\nDisallow: /feed.rss\n")
    (err,) = list(iter_inputs(Inputs(feeds=(site.url("/feed.rss"),), policy=FAST), max_bytes=LIMIT))
    assert isinstance(err, FetchError) and isinstance(err, InputError)
    assert (err.source, err.reason) == (site.url("/feed.rss"), DISALLOWED)
    assert site.seen["/feed.rss"] == 0
