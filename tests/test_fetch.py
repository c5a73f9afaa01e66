"""extractor.fetch against a local server: documents with their URL, one error line per failed URL
with its reason, retries, politeness per host, the response cache and --refetch."""
from __future__ import annotations

import sqlite3
import time
from dataclasses import replace

import pytest

from extractor.errors import FetchError, InputError
from extractor.fetch import USER_AGENT, Fetcher, FetchPolicy, ResponseCache
from extractor.ingest import Inputs, iter_inputs, read_url_list, url_id
from extractor.records import RawDocument

from .local_server import BIG, SLOW

FAST = FetchPolicy(timeout=0.5, retries=1, backoff=0.05, max_backoff=2.0, delay=0.0)
LIMIT = BIG // 2  # max_bytes for these tests: /big and /big-chunked are over it


def url_file(tmp_path, *urls: str):
    path = tmp_path / "urls.txt"
    path.write_text("# pages to fetch\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return path


def fetch_all(site, tmp_path, *paths: str, policy: FetchPolicy = FAST, **inputs) -> list:
    urls = url_file(tmp_path, *(site.url(p) for p in paths))
    return list(iter_inputs(Inputs(urls=(str(urls),), policy=policy, **inputs), max_bytes=LIMIT))


def by_source(items) -> dict[str, str]:
    return {e.source: e.reason for e in items if isinstance(e, InputError)}


def test_pages_become_documents_with_their_url_and_a_stable_id(site, tmp_path):
    items = fetch_all(site, tmp_path, "/news/a1.html", "/moved")
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    a1, moved = items
    assert a1.url == site.url("/news/a1.html") and a1.id == url_id(site.url("/news/a1.html"))
    assert "was definitely not behind the hack" in a1.html
    assert a1.fetched and a1.fetched.endswith("Z")
    # a redirect: the id comes from the URL asked for, the url is where the page was
    assert moved.url == site.url("/news/a1.html") and moved.id == url_id(site.url("/moved"))
    assert moved.id != a1.id and url_id(site.url("/moved")) == moved.id  # the same on every run


def test_each_failed_url_is_one_error_with_its_reason(site, tmp_path):
    items = fetch_all(site, tmp_path, "/missing", "/slow", "/loop-a", "/big", "/big-chunked", "/report.pdf",
                      "/always-503", "/news/ok.html")
    errors = by_source(items)
    assert errors[site.url("/missing")] == "HTTP 404 Not Found"
    assert errors[site.url("/slow")].startswith("timed out after 0.5 s")
    assert errors[site.url("/loop-a")].startswith("redirect loop (")
    assert errors[site.url("/big")].startswith("too big: ") and "over the" in errors[site.url("/big")]
    assert errors[site.url("/big-chunked")].startswith("too big: over the")
    assert errors[site.url("/report.pdf")] == "not HTML (application/pdf)"
    assert errors[site.url("/always-503")] == "HTTP 503 Service Unavailable (2 attempts)"
    assert len(errors) == 7 and all(isinstance(e, FetchError) or e.source.endswith(".pdf")
                                    for e in items if isinstance(e, InputError))
    assert [i.url for i in items if isinstance(i, RawDocument)] == [site.url("/news/ok.html")]
    assert site.seen["/slow"] == 2  # a timeout is retried
    assert site.seen["/missing"] == 1  # a 404 is not


def test_a_host_that_does_not_resolve_is_a_dns_error_and_not_retried(site, tmp_path, monkeypatch):
    import socket

    real = socket.getaddrinfo
    asked = []

    def getaddrinfo(host, *args, **kwargs):  # the resolver's answer for a name that does not exist
        if host == "no-such-host.invalid":
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    urls = url_file(tmp_path, "http://no-such-host.invalid/news/a.html", site.url("/news/a1.html"))
    err, doc = list(iter_inputs(Inputs(urls=(str(urls),), policy=FAST), max_bytes=LIMIT))
    assert (err.source, err.reason) == ("http://no-such-host.invalid/news/a.html", "DNS lookup failed for no-such-host.invalid")
    assert asked == ["no-such-host.invalid"] and doc.url == site.url("/news/a1.html")


def test_a_500_is_retried_after_a_backoff_and_then_succeeds(site, tmp_path):
    (doc,) = fetch_all(site, tmp_path, "/flaky", policy=replace(FAST, backoff=0.2))
    assert doc.url == site.url("/flaky")
    first, second = site.hits_of("/flaky")
    assert second.start - first.sent >= 0.2


def test_a_429_waits_for_its_retry_after(site, tmp_path):
    # a timeout far above any stall of a loaded machine (FAST's 0.5 s once turned the retry into a
    # timeout); the wait is measured from when the 429 was sent, which no client can precede
    (doc,) = fetch_all(site, tmp_path, "/busy", policy=replace(FAST, timeout=10.0))
    first, second = site.hits_of("/busy")
    assert isinstance(doc, RawDocument) and doc.url == site.url("/busy")
    assert second.start - first.sent >= 1.0  # Retry-After: 1


def test_one_request_at_a_time_per_host_spaced_by_the_delay(site, tmp_path):
    paths = [f"/news/p{i}.html" for i in range(4)]
    items = fetch_all(site, tmp_path, *paths, policy=replace(FAST, delay=0.3, workers=4))
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 4
    hits = sorted(site.hits, key=lambda h: h.start)
    assert [h.path for h in hits][:1] == ["/robots.txt"] and len(hits) == 5  # robots.txt takes its turn too
    for before, after in zip(hits, hits[1:]):
        assert after.start - before.end >= 0.3 - 0.01, (before, after)


def test_different_hosts_are_fetched_at_the_same_time(site, tmp_path):
    urls = url_file(tmp_path, site.url("/slowish/1"), site.url("/slowish/2", host="localhost"))
    # robots=False: each host's robots.txt, read first, would stagger the two starts on a loaded machine
    policy = replace(FAST, timeout=5, workers=2, robots=False)
    items = list(iter_inputs(Inputs(urls=(str(urls),), policy=policy), max_bytes=LIMIT))
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    one, two = sorted(site.hits_of("/slowish/1") + site.hits_of("/slowish/2"), key=lambda h: h.start)
    assert {one.host.split(":")[0], two.host.split(":")[0]} == {"127.0.0.1", "localhost"}
    assert two.start < one.end  # they overlapped


def test_the_user_agent_names_the_project_and_its_version(site, tmp_path):
    fetch_all(site, tmp_path, "/news/a1.html")
    # every request, robots.txt's too, in whatever order the server's threads logged them
    assert sorted(h.path for h in site.hits) == ["/news/a1.html", "/robots.txt"]
    for hit in site.hits:
        assert hit.agent == USER_AGENT and hit.agent.startswith("news-extractor/0.1.0 ")


def test_a_header_charset_decodes_the_page(site, tmp_path):
    (doc,) = fetch_all(site, tmp_path, "/latin2.html")
    assert "Łódź i Gdańsk: zażółć gęślą jaźń." in doc.html


def test_the_cache_saves_a_rerun_its_fetches_and_refetch_fetches_again(site, tmp_path):
    db = tmp_path / "out" / "corpus.sqlite"
    paths = ("/news/a1.html", "/news/a2.html", "/missing")
    pages = lambda: [h for h in site.hits if h.path != "/robots.txt"]  # noqa: E731
    first = fetch_all(site, tmp_path, *paths, cache=db)
    assert len(pages()) == 3
    again = fetch_all(site, tmp_path, *paths, cache=db)
    assert len(pages()) == 4  # only the failed URL was asked again
    assert [d for d in again if isinstance(d, RawDocument)] == [d for d in first if isinstance(d, RawDocument)]
    fetch_all(site, tmp_path, *paths, cache=db, refetch=True)
    assert len(pages()) == 7
    assert len(site.hits_of("/robots.txt")) == 3  # once a run: robots.txt itself is never cached
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        rows = con.execute("SELECT url, final_url, status, fetched_at FROM responses ORDER BY url").fetchall()
    assert [r[:3] for r in rows] == [(site.url(p), site.url(p), 200) for p in paths[:2]]


def test_the_cache_keeps_the_raw_response(tmp_path, site):
    with Fetcher(FAST, max_bytes=LIMIT, cache=ResponseCache(tmp_path / "c.sqlite")) as fetcher:
        response = fetcher.fetch(site.url("/moved"))
    cache = ResponseCache(tmp_path / "c.sqlite")
    try:
        assert cache.get(site.url("/moved")) == response
        assert response.final_url == site.url("/news/a1.html") and response.header("content-type").startswith("text/html")
    finally:
        cache.close()


def test_the_cache_shares_its_file_with_other_tables(tmp_path):
    db = tmp_path / "corpus.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE documents (id TEXT PRIMARY KEY)")
        con.execute("INSERT INTO documents VALUES ('x')")
    ResponseCache(db).close()
    ResponseCache(db).close()  # CREATE TABLE IF NOT EXISTS
    with sqlite3.connect(db) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"documents", "responses"} and con.execute("SELECT id FROM documents").fetchall() == [("x",)]


def test_url_lists_skip_comments_and_blank_lines_and_name_bad_lines(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# a comment\n\nhttps://example.org/a\n  http://example.org/b  \nftp://x/y\nnot a url\n",
                    encoding="utf-8")
    items = list(read_url_list(path))
    assert items[:2] == ["https://example.org/a", "http://example.org/b"]
    assert [(e.source, e.reason) for e in items[2:]] == [
        (f"{path}:5", "not an http(s) URL: 'ftp://x/y'"), (f"{path}:6", "not an http(s) URL: 'not a url'")]


def test_url_ids_are_readable_unique_and_stable():
    a = url_id("https://www.example.com/world/2021/03/hack.html")
    assert a.startswith("example-com-world-2021-03-hack-html-") and a == url_id("https://www.example.com/world/2021/03/hack.html")
    assert url_id("https://www.example.com/world/2021/03/hack.html?page=2") != a
    assert len(url_id("https://example.com/" + "x" * 500)) < 80


@pytest.mark.parametrize("value,expected", [("2", 2.0), ("", 0.5), ("soon", 0.5), ("999", 60.0)])
def test_retry_after_is_read_and_capped(value, expected):
    from extractor.fetch import _retry_after

    assert _retry_after((("Retry-After", value),) if value else (), 60.0, 0.5) == expected
