"""WARC / WARC.gz input: HTML 200 responses become documents (target URI, WARC-Date); every other
record is skipped and counted; a damaged archive gives the records before the damage and one error.
The archives are written here with warcio, gzip per record as Common Crawl and wget write them."""
from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor import run
from extractor.errors import InputError
from extractor.ingest import Skipped, iter_raw, url_id
from extractor.records import RawDocument
from extractor.settings import Settings

from .local_server import page

SITE = "https://news.example"
DATE = "2021-03-03T10:00:00Z"


def response(writer, path, body, content_type="text/html; charset=utf-8", status="200 OK", extra=()):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
    return writer.create_warc_record(f"{SITE}{path}", "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": DATE})


def write_warc(path, build, *, gzipped=True):
    """`build(writer)` returns the records to write, in order."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        for record in build(writer):
            writer.write_record(record)
    return path


def crawl(writer):
    """What a crawler leaves: info, a request, pages, a 404, a redirect, an image, metadata, a revisit."""
    request = StatusAndHeaders("GET /a.html HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    latin2 = page("Zażółć").replace("</h1>", "</h1><p>Łódź i Gdańsk: zażółć gęślą jaźń.</p>").encode("iso-8859-2")
    return [
        writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}),
        writer.create_warc_record(f"{SITE}/a.html", "request", payload=io.BytesIO(b""), http_headers=request),
        response(writer, "/a.html", page("a").encode()),
        response(writer, "/missing", b"<html><body>Not found</body></html>", status="404 Not Found"),
        response(writer, "/old", b"", status="301 Moved Permanently", extra=[("Location", f"{SITE}/a.html")]),
        response(writer, "/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png"),
        writer.create_warc_record(f"{SITE}/a.html", "metadata", payload=io.BytesIO(b"outlinks: 3\n"),
                                  warc_content_type="application/warc-fields"),
        writer.create_revisit_record(f"{SITE}/a.html", "sha1:AAAA", f"{SITE}/a.html", DATE),
        response(writer, "/latin2.html", latin2, content_type="text/html; charset=ISO-8859-2"),
        response(writer, "/gz.html", gzip.compress(page("gz").encode()), extra=[("Content-Encoding", "gzip")]),
    ]


def pages(writer, n=3):
    return [response(writer, f"/p{i}.html", page(f"p{i}").encode()) for i in range(n)]


def test_html_responses_become_documents_the_rest_is_skipped_with_reasons(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", crawl)
    items = list(iter_raw([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.url for d in docs] == [f"{SITE}/a.html", f"{SITE}/latin2.html", f"{SITE}/gz.html"]
    assert [d.id for d in docs] == [url_id(d.url) for d in docs]
    assert {d.fetched for d in docs} == {DATE}
    assert docs[0].origin == f"{path}#3" and "definitely not behind the hack" in docs[0].html
    assert "Łódź i Gdańsk: zażółć gęślą jaźń." in docs[1].html  # the header's charset, not a guess
    assert "(gz)" in docs[2].html  # Content-Encoding undone
    skipped = sorted(i.reason for i in items if isinstance(i, Skipped))
    assert skipped == ["HTTP 301", "HTTP 404", "metadata", "not HTML", "request", "revisit", "warcinfo"]
    assert not [i for i in items if isinstance(i, InputError)]


def test_an_uncompressed_archive_in_a_folder_reads_the_same(tmp_path):
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "part-1.warc", crawl, gzipped=False)
    (tmp_path / "crawl" / "note.txt").write_text("Officials said the attack came from abroad.\n", encoding="utf-8")
    docs = [i for i in iter_raw([tmp_path / "crawl"]) if isinstance(i, RawDocument)]
    assert [d.url for d in docs] == [None, f"{SITE}/a.html", f"{SITE}/latin2.html", f"{SITE}/gz.html"]


def test_ids_are_the_same_on_every_run(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", pages)
    first = [d.id for d in iter_raw([path])]
    assert first == [d.id for d in iter_raw([path])] and len(set(first)) == 3


def test_a_truncated_gzip_archive_gives_the_records_before_the_damage_and_one_error(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", pages)
    data = path.read_bytes()
    path.write_bytes(data[:-150])  # into the last record's gzip member
    items = list(iter_raw([path]))
    assert [i.url for i in items[:-1]] == [f"{SITE}/p0.html", f"{SITE}/p1.html"]
    err = items[-1]
    assert isinstance(err, InputError) and err.source == str(path)
    assert err.reason == "truncated archive: the gzip data ends inside a record; 2 records read before it"


def test_a_truncated_uncompressed_archive_names_the_short_record(tmp_path):
    path = write_warc(tmp_path / "a.warc", pages, gzipped=False)
    path.write_bytes(path.read_bytes()[:-300])
    *docs, err = list(iter_raw([path]))
    assert [d.url for d in docs] == [f"{SITE}/p0.html", f"{SITE}/p1.html"]
    assert err.source == str(path) and err.reason.startswith("truncated archive: record 3 ends after ")


def test_corrupt_gzip_data_is_one_error_after_the_good_records(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", pages)
    data = bytearray(path.read_bytes())
    last = data.rindex(b"\x1f\x8b\x08")  # the last record's gzip member
    data[last + 40:last + 60] = b"\xff" * 20
    path.write_bytes(bytes(data))
    items = list(iter_raw([path]))
    assert [i.url for i in items[:-1]] == [f"{SITE}/p0.html", f"{SITE}/p1.html"]
    assert items[-1].source == str(path) and items[-1].reason.startswith("corrupt gzip data (")


def test_a_file_that_is_not_an_archive_and_an_empty_one(tmp_path):
    (tmp_path / "notes.warc").write_text("just some notes\nand more\n", encoding="utf-8")
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    errors = {e.source: e.reason for e in iter_raw([tmp_path / "notes.warc", tmp_path / "empty.warc.gz"])}
    assert errors[str(tmp_path / "notes.warc")].startswith("not a WARC archive (")
    assert errors[str(tmp_path / "empty.warc.gz")] == "no WARC records in the file"


def test_an_oversized_record_is_an_error_and_the_archive_goes_on(tmp_path):
    def build(writer):
        return [response(writer, "/huge.html", b"<html><body>" + b"x" * 5000 + b"</body></html>"), *pages(writer, 1)]

    path = write_warc(tmp_path / "a.warc.gz", build)
    err, doc = list(iter_raw([path], max_bytes=4000))
    assert err.source == f"{path}#1" and "over the" in err.reason and doc.url == f"{SITE}/p0.html"


def test_the_run_counts_skipped_records_in_its_summary_and_numbers_repeated_captures(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", lambda w: crawl(w) + pages(w, 1) + pages(w, 1))
    summary = run.Summary()
    arts = list(run.raw_documents([str(path)], Settings(), summary, on_error=lambda e: None))
    p0 = url_id(f"{SITE}/p0.html")
    assert [a.id for a in arts][-2:] == [p0, f"{p0}-2"]
    assert all(a.fetched == DATE for a in arts)
    assert summary.read == 5 and summary.failed == 0
    assert summary.line() == ("documents read 5, written 0, failed 0; 7 records skipped (1 HTTP 301, 1 HTTP 404, "
                              "1 metadata, 1 not HTML, 1 request, 1 revisit, 1 warcinfo)")
    assert json.dumps(arts[0].url) == json.dumps(f"{SITE}/a.html")
