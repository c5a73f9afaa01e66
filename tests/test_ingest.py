"""extractor.ingest: files, folders, JSON Lines and stdin in; one RawDocument or InputError out per input."""
from __future__ import annotations

import gzip
import io
import json
import logging

import pytest

from extractor.errors import InputError, UsageError
from extractor.ingest import DEFAULT_MAX_BYTES, MB, check_paths, iter_raw
from extractor.records import RawDocument

ARTICLE = "Microsoft said hackers had used its mail server to attack their targets.\n"
PAGE = "<html><body><article><p>" + ARTICLE.strip() + "</p></article></body></html>"


def read_all(*paths, **kwargs) -> list[RawDocument | InputError]:
    return list(iter_raw([str(p) for p in paths], **kwargs))


def the_error(results: list, origin: str) -> InputError:
    """The single result, which must be an InputError naming `origin`."""
    assert len(results) == 1, results
    (err,) = results
    assert isinstance(err, InputError), err
    assert err.source == origin
    assert "\n" not in err.reason
    return err


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


# --- good inputs ---------------------------------------------------------------------------------


def test_text_file_is_read_as_text_with_its_name_as_id(tmp_path):
    path = tmp_path / "hack-report.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_all(path)
    assert doc == RawDocument(id="hack-report", origin=str(path), text=ARTICLE)


def test_text_keeps_line_ends_and_drops_only_the_utf8_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line.\r\n\r\nSecond line.\r\n")
    (doc,) = read_all(path)
    assert doc.text == "First line.\r\n\r\nSecond line.\r\n"


@pytest.mark.parametrize("name", ["abc.html", "abc.htm", "abc.html.gz", "abc.HTM.GZ"])
def test_html_files_and_their_gzip_are_html(tmp_path, name):
    path = tmp_path / name
    data = PAGE.encode()
    path.write_bytes(gzip.compress(data) if name.lower().endswith(".gz") else data)
    (doc,) = read_all(path)
    assert (doc.id, doc.html, doc.text) == ("abc", PAGE, None)


def test_id_drops_only_the_known_extensions(tmp_path):
    path = tmp_path / "v1.2-briefing.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    (doc,) = read_all(path)
    assert doc.id == "v1.2-briefing"


def test_jsonl_records_keep_their_id_and_metadata(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    records = [
        {"id": "r1", "text": ARTICLE, "url": "https://example.org/r1", "title": "T", "source": "S", "published": "2021-03-08"},
        {"id": 7, "html": PAGE},
    ]
    path.write_bytes(gzip.compress(jsonl(*records)))
    first, second = read_all(path)
    assert first == RawDocument(id="r1", origin=f"{path}:1", text=ARTICLE, url="https://example.org/r1",
                                title="T", source="S", published="2021-03-08")
    assert (second.id, second.origin, second.html, second.text) == ("7", f"{path}:2", PAGE, None)


def test_blank_jsonl_lines_are_skipped_but_counted(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "A."}) + b"\n  \n" + jsonl({"id": "b", "text": "B."}))
    assert [(d.id, d.origin) for d in read_all(path)] == [("a", f"{path}:1"), ("b", f"{path}:4")]


def test_folder_is_walked_recursively_in_sorted_order_skipping_other_files(tmp_path, caplog):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z.")
    (tmp_path / "b" / "a.htm").write_text(PAGE)
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "c.jsonl").write_bytes(jsonl({"id": "c1", "text": "C."}))
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("X.")
    with caplog.at_level(logging.DEBUG, logger="extractor.ingest"):
        docs = read_all(tmp_path)
    assert [d.id for d in docs] == ["a", "a", "z", "c1"]
    assert [d.origin for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "a.htm"),
                                        str(tmp_path / "b" / "z.txt"), f"{tmp_path / 'c.jsonl'}:1"]
    assert "notes.md" in caplog.text and "photo.jpg" in caplog.text


def test_paths_are_read_in_the_order_given(tmp_path):
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "a.txt").write_text("A.")
    assert [d.id for d in read_all(tmp_path / "b.txt", tmp_path / "a.txt")] == ["b", "a"]


def test_dash_reads_json_lines_from_stdin():
    stdin = io.BytesIO(jsonl({"id": "s1", "text": "One."}, b"{oops", {"id": "s2", "html": PAGE}))
    first, bad, second = list(iter_raw(["-"], stdin=stdin))
    assert (first.id, first.origin, first.text) == ("s1", "-:1", "One.")
    assert isinstance(bad, InputError) and bad.source == "-:2"
    assert (second.id, second.origin) == ("s2", "-:3")


def test_stdin_defaults_to_the_process_stdin_buffer(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(jsonl({"id": "s1", "text": "Caf\u00e9."})), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    (doc,) = list(iter_raw(["-"]))
    assert doc.text == "Caf\u00e9."


def test_reading_is_lazy_one_line_at_a_time():
    class CountingStream(io.BytesIO):
        lines_read = 0

        def readline(self, size=-1):
            CountingStream.lines_read += 1
            return super().readline(size)

    stream = CountingStream(jsonl(*({"id": str(i), "text": "T."} for i in range(100))))
    docs = iter_raw(["-"], stdin=stream)
    assert next(docs).id == "0"
    assert CountingStream.lines_read == 1


def test_check_paths_accepts_files_folders_and_dash(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    check_paths([str(tmp_path), str(tmp_path / "a.txt"), "-"])


# --- bad inputs: one InputError each, naming the input, and the run goes on -----------------------


def test_missing_path_is_a_usage_error(tmp_path):
    missing = str(tmp_path / "nope.html")
    with pytest.raises(UsageError) as caught:
        check_paths([str(tmp_path), missing])
    assert (caught.value.source, caught.value.reason) == (missing, "no such file or directory")


def test_missing_path_in_iter_raw_is_an_input_error_not_a_crash(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("A.")
    missing = tmp_path / "gone.txt"
    err, doc = read_all(missing, good)
    assert (err.source, err.reason) == (str(missing), "no such file or directory")
    assert doc.id == "a"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert the_error(read_all(path), str(path)).reason == "file is empty"


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert the_error(read_all(path), str(path)).reason == "binary file (contains NUL bytes)"


def test_binary_file_of_mostly_control_characters(tmp_path):
    path = tmp_path / "noise.htm"
    path.write_bytes(bytes(b for b in range(1, 32) if b not in b"\t\n\r\f\v\x1b") * 50 + b"<p>hi</p>")
    assert the_error(read_all(path), str(path)).reason == "binary file (mostly control characters)"


def test_legacy_encoding_is_detected_and_decoded(tmp_path):
    text = "Beijing’s spokesman said the café – “definitely” – was not behind the hack.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = read_all(path)
    assert doc.text == text


def test_legacy_html_uses_its_declared_charset(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Größe – “quoted”</p></body></html>'
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    (doc,) = read_all(path)
    assert doc.html == page


def test_html_declared_latin1_is_read_as_cp1252_like_browsers_do(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\x93Caf\xe9\x94</p>')
    (doc,) = read_all(path)
    assert doc.html.endswith("<p>“Café”</p>")


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    (doc,) = read_all(path)
    assert doc.text == ARTICLE


def test_fifty_megabyte_page_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(50 * MB)
    err = the_error(read_all(path), str(path))
    assert err.reason == "file is 50.0 MB, over the 20 MB limit"
    assert DEFAULT_MAX_BYTES == 20 * MB


def test_size_limit_is_a_parameter(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    err = the_error(read_all(path, max_bytes=64), str(path))
    assert err.reason == f"file is {len(PAGE)} bytes, over the 64 bytes limit"


def test_gzip_that_inflates_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 10_000 + b"</p>"))
    err = the_error(read_all(path, max_bytes=1000), str(path))
    assert err.reason == "decompressed content is over the 1,000 bytes limit"


def test_malformed_jsonl_line_names_its_line_and_reading_goes_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "A."}, b'{"id": "b", "text": ', {"id": "c", "text": "C."}))
    first, bad, third = read_all(path)
    assert isinstance(bad, InputError)
    assert bad.source == f"{path}:2"
    assert bad.reason.startswith("malformed JSON: ")
    assert (first.id, third.id) == ("a", "c")


def test_jsonl_line_over_the_limit_is_skipped(tmp_path):
    path = tmp_path / "batch.jsonl"
    big = jsonl({"id": "big", "text": "x" * 5000})
    path.write_bytes(big + jsonl({"id": "small", "text": "S."}))
    bad, doc = read_all(path, max_bytes=1000)
    assert (bad.source, bad.reason) == (f"{path}:1", f"line is {len(big):,} bytes, over the 1,000 bytes limit")
    assert (doc.id, doc.origin) == ("small", f"{path}:2")


@pytest.mark.parametrize("name", ["page.html.gz", "batch.jsonl.gz"])
def test_gz_that_is_not_gzip(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"this was never compressed\n")
    assert the_error(read_all(path), str(path)).reason == "not a gzip file"


def test_truncated_gzip(tmp_path):
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode() * 20)[:40])
    assert the_error(read_all(path), str(path)).reason == "truncated gzip file"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": "No id."}, "record has no 'id'"),
        ({"id": "", "text": "Empty id."}, "record has no 'id'"),
        ({"id": "x"}, "record has neither 'html' nor 'text'"),
        ({"id": "x", "html": None, "text": ""}, "record has neither 'html' nor 'text'"),
        ({"id": ["x"], "text": "T."}, "record 'id' must be a string or an integer"),
        ({"id": "x", "text": ["T."]}, "record 'text' must be a string"),
        ({"id": "x", "text": "T.", "published": 2021}, "record 'published' must be a string"),
        (["id", "text"], "record is a JSON list, not an object"),
    ],
)
def test_jsonl_record_without_what_it_needs(tmp_path, record, reason):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(jsonl(record, {"id": "next", "text": "N."}))
    bad, doc = read_all(path)
    assert (bad.source, bad.reason) == (f"{path}:1", reason)
    assert doc.id == "next"


def test_jsonl_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes('{"id": "x", "text": "caf\u00e9"}\n'.encode("cp1252"))
    assert the_error(read_all(path), f"{path}:1").reason == "line is not UTF-8 (byte 25)"


def test_explicit_file_with_unknown_extension(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert the_error(read_all(path), str(path)).reason.startswith("unsupported file type (expected .html.gz, ")


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "3-good.txt").write_text(ARTICLE)
    results = read_all(tmp_path)
    assert [type(r).__name__ for r in results] == ["InputError", "InputError", "RawDocument"]
