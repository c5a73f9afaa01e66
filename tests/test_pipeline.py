"""The spaCy side as a whole: built from the config, saved and reloaded, run in two processes."""
from __future__ import annotations

import spacy

from pipelines import build_nlp

OUR_COMPONENTS = ("news_lines", "news_gazetteer", "news_actors", "news_claims")


def _annotations(doc):
    return (
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        doc._.actors,
        doc._.mentions,
        doc._.claims,
    )


def test_config_adds_our_components_after_the_base_model(nlp):
    names = nlp.pipe_names
    for name in OUR_COMPONENTS:
        assert name in names
    assert names.index("news_lines") < names.index("parser")
    assert names.index("news_gazetteer") < names.index("ner") < names.index("news_actors") < names.index("news_claims")


def test_to_disk_and_reload_give_the_same_output(nlp, seed_text, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")  # factories found through the spacy_factories entry point
    assert reloaded.pipe_names == nlp.pipe_names
    assert _annotations(reloaded(seed_text)) == _annotations(nlp(seed_text))
    # build_nlp on a saved pipeline returns it as it is, adding nothing twice
    again = build_nlp(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names


def test_two_processes_give_the_same_output(nlp, seed_text):
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 80][:4]
    single = [_annotations(d) for d in nlp.pipe(paragraphs)]
    multi = [_annotations(d) for d in nlp.pipe(paragraphs, n_process=2, batch_size=2)]
    assert multi == single
    assert any(claims for _, _, _, claims in single)


def test_span_extensions_name_the_actor_its_title_and_organisation(nlp):
    doc = nlp("“This is an active threat,” White House press secretary Jen Psaki said on Friday. "
              "Microsoft said hackers had used its mail server.")
    def span(words):
        start = doc.text.index(words)
        return doc.char_span(start, start + len(words))

    psaki = span("Jen Psaki")
    assert (psaki._.actor, psaki._.title, psaki._.organisation) == ("jen-psaki", "press secretary", "white-house")
    microsoft = span("Microsoft said")[:1]
    assert (microsoft._.actor, microsoft._.title, microsoft._.organisation) == ("microsoft", None, None)


def test_gazetteer_patterns_are_the_full_pipelines_tokens_and_no_component_stays_off(nlp):
    """build_nlp initializes the gazetteer (matched on the text) with the earlier components off:
    its names are tokenized as the full pipeline tokenizes them, and those components run again."""
    ruler = nlp.get_pipe("news_gazetteer")
    patterns = [d for docs in ruler.phrase_patterns.values() for d in docs]
    assert len(patterns) > 1000
    sample = patterns[::25]
    earlier = nlp.pipe_names[:nlp.pipe_names.index("news_gazetteer")]
    assert {"tagger", "parser", "lemmatizer"} <= set(earlier)
    with nlp.select_pipes(enable=earlier):
        full = list(nlp.pipe(d.text for d in sample))
    assert [[t.text for t in d] for d in sample] == [[t.text for t in d] for d in full]
    assert set(nlp.disabled) == set(nlp.config["nlp"]["disabled"])
    assert [e.ent_id_ for e in nlp("ABC News reported on the Affordable Care Act.").ents] == \
        ["abc-news", "affordable-care-act"]
