"""Each document's language (extractor.language), and what the pipeline does with one it has no rules for."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.clean import clean
from extractor.errors import NoArticleError
from extractor.language import detect_language
from extractor.records import RawDocument
from extractor.run import extract
from extractor.settings import Settings

from .conftest import ROOT

LABELS = ROOT / "benchmarks" / "aeb_dev_languages.json"

# made-up sentences, one language each
TEXTS = {
    "en": "The port authority said on Monday that the strike had ended after two weeks of talks with the union.",
    "de": "Die Hafenbehörde teilte am Montag mit, der Streik sei nach zwei Wochen Verhandlungen mit der Gewerkschaft beendet.",
    "ja": "港湾局は月曜日、労働組合との二週間にわたる交渉の末、ストライキが終わったと発表した。",
    "ru": "Администрация порта заявила в понедельник, что забастовка закончилась после двух недель переговоров.",
    "pt": "A autoridade portuária disse na segunda-feira que a greve terminou após duas semanas de negociações.",
    "ko": "항만 당국은 월요일 노조와 2주간의 협상 끝에 파업이 끝났다고 밝혔다.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_detects_the_language(language):
    assert detect_language(TEXTS[language]) == language


@pytest.mark.parametrize("text", ["", "12:30 – 14:00", "Home | News", "OK"])
def test_too_little_text_has_no_language(text):
    assert detect_language(text) is None


def test_verbatim_text_gets_its_language_and_keeps_every_byte():
    text = "  " + TEXTS["de"] + "\n\nAdvertisement\n"
    article = clean(RawDocument(id="d", origin="d.txt", text=text), verbatim=True)
    assert (article.text, article.language) == (text, "de")


GERMAN_PAGE = """<html lang="de"><head><title>Streik im Hafen beendet</title>
<meta property="og:site_name" content="Hafenpost"></head><body><article><h1>Streik im Hafen beendet</h1>
<p>Die Hafenbehörde teilte am Montag mit, der Streik sei nach zwei Wochen Verhandlungen mit der Gewerkschaft beendet.</p>
<p>„Wir sind froh, dass die Schiffe wieder entladen werden“, sagte der Sprecher der Gewerkschaft, Jan Becker.</p>
<p>Microsoft und China spielten in den Gesprächen keine Rolle, sagte die Behörde.</p>
</article></body></html>"""


@pytest.mark.slow
def test_a_page_in_a_language_without_rules_keeps_text_and_metadata_but_meets_no_english_rules(tmp_path, nlp, schemas):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "hafen.html").write_text(GERMAN_PAGE, encoding="utf-8")
    (tmp_path / "port.txt").write_text(TEXTS["en"] + " “We are glad,” the union's spokesman Jan Becker said.\n",
                                       encoding="utf-8")
    (tmp_path / "kou.txt").write_text(TEXTS["ja"] + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = extract([str(tmp_path)], out, Settings())
    assert (summary.read, summary.written, summary.failed) == (3, 3, 0)
    docs = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    german, japanese, english = docs["hafen"], docs["kou"], docs["port"]
    assert (german["language"], german["title"], german["source"]) == ("de", "Streik im Hafen beendet", "Hafenpost")
    assert german["text"].startswith("Die Hafenbehörde teilte am Montag mit") and "Jan Becker" in german["text"]
    assert japanese["language"] == "ja" and japanese["text"] == TEXTS["ja"] + "\n"
    for doc in (german, japanese):
        assert (doc["actors"], doc["entities"], doc["claims"]) == ([], [], [])
    assert english["language"] == "en" and english["claims"]  # the same run still parses English
    for doc in docs.values():
        for schema in schemas:
            jsonschema.validate(doc, schema)


# --- the aeb-dev pages ---------------------------------------------------------------------------


@pytest.mark.slow
def test_aeb_dev_language_is_right_on_every_page_whose_language_is_clear(aeb_articles):
    labels = json.loads(Path(LABELS).read_text(encoding="utf-8"))["pages"]
    assert sorted(labels) == sorted(aeb_articles)
    found = {doc_id: a.language for doc_id, a in aeb_articles.items() if not isinstance(a, NoArticleError)}
    assert {doc_id: lang for doc_id, lang in found.items() if labels[doc_id] and lang != labels[doc_id]} == {}
    assert {"en", "de", "ja", "ru", "pt", "id"} <= set(found.values())
