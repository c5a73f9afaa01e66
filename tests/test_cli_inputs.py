"""The ways in on the command line: --urls, --feed, --sitemap against a local server, WARC archives,
the fetch cache in the run's corpus.sqlite, and usage errors when there is no input."""
from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .test_warc import SITE, crawl, write_warc

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("command", ["extract", "run"])
def test_no_input_at_all_is_a_usage_error(tmp_path, command):
    result = invoke(command, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "no input: give a PATH, --urls FILE, --feed URL or --sitemap URL" in result.stderr


def test_a_missing_url_file_is_a_usage_error(tmp_path):
    result = invoke("run", "--urls", tmp_path / "nope.txt", "-o", tmp_path / "out")
    assert result.exit_code == 2 and f"{tmp_path / 'nope.txt'}: no such file or directory" in result.stderr


@pytest.mark.slow
def test_run_urls_into_a_folder_and_a_rerun_from_the_cache(nlp, site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# coverage\n{site.url('/news/a1.html')}\n\n{site.url('/missing')}\n", encoding="utf-8")
    out = tmp_path / "report"
    result = invoke("run", "--urls", urls, "--delay", "0", "-o", out)
    assert result.exit_code == 1, result.stderr
    assert f"{site.url('/missing')}: HTTP 404 Not Found" in result.stderr.splitlines()
    assert result.stderr.strip().splitlines()[-1] == "documents read 2, written 1, failed 1"
    (doc,) = lines(out / "documents.jsonl")
    assert doc["url"] == site.url("/news/a1.html") and "definitely not behind the hack" in doc["text"]
    assert (out / "index.html").exists()
    with sqlite3.connect(out / "corpus.sqlite") as con:
        assert con.execute("SELECT url, status FROM responses").fetchall() == [(site.url("/news/a1.html"), 200)]
    again = invoke("run", "--urls", urls, "--delay", "0", "-o", out)
    assert again.exit_code == 1 and site.seen["/news/a1.html"] == 1 and site.seen["/missing"] == 2
    assert lines(out / "documents.jsonl") == [doc]
    invoke("run", "--urls", urls, "--delay", "0", "--refetch", "-o", out)
    assert site.seen["/news/a1.html"] == 2


@pytest.mark.slow
def test_extract_a_feed_to_jsonl_with_its_cache_beside_it(nlp, site, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("extract", "--feed", site.url("/feed.rss"), "--feed", site.url("/atom.xml"), "--delay", "0",
                    "-o", out)
    assert result.exit_code == 0, result.stderr
    assert [d["url"] for d in lines(out)] == [site.url(f"/news/{n}.html") for n in ("a1", "a2", "a3")]
    assert (tmp_path / "out.fetch.sqlite").exists()


@pytest.mark.slow
def test_extract_skips_what_robots_txt_disallows_unless_told_to_ignore_it(nlp, site, tmp_path):
    site.robots["127.0.0.1"] = (200, "User-agent: news-extractor\nDisallow: /news/a2.html\n")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site.url('/news/a1.html')}\n{site.url('/news/a2.html')}\n", encoding="utf-8")
    result = invoke("extract", "--urls", urls, "--delay", "0", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.stderr  # a skip is no failure
    assert result.stderr.strip().splitlines()[-1] == ("documents read 1, written 1, failed 0; "
                                                      "1 records skipped (1 disallowed by robots.txt)")
    assert [d["url"] for d in lines(tmp_path / "out.jsonl")] == [site.url("/news/a1.html")]
    anyway = invoke("extract", "--urls", urls, "--delay", "0", "--ignore-robots", "-o", tmp_path / "all.jsonl")
    assert anyway.exit_code == 0 and len(lines(tmp_path / "all.jsonl")) == 2
    assert site.seen["/robots.txt"] == 1 and site.seen["/news/a2.html"] == 1


@pytest.mark.slow
def test_extract_a_warc_archive_counts_what_it_skipped(nlp, tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", crawl)
    out = tmp_path / "out.jsonl"
    result = invoke("extract", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert [d["url"] for d in lines(out)] == [f"{SITE}/a.html", f"{SITE}/latin2.html", f"{SITE}/gz.html"]
    assert result.stderr.strip().splitlines()[-1].startswith("documents read 3, written 3, failed 0; "
                                                             "7 records skipped (1 HTTP 301, ")
