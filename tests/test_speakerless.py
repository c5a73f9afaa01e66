"""speakerless.drop_unspoken: an active cue whose speaker the rules did not find makes no claim."""
from types import SimpleNamespace

from pipelines.claims.speakerless import unspoken


def test_sourceless_passive_and_raising_stay(nlp):
    doc = nlp("It is said that the mayor lied to the council about the budget. "
              "The plan seems to work better than anyone on the council had hoped.")
    cues = {c["cue"]["text"] for c in doc._.claims}
    assert "said" in cues and "seems" in cues


def test_a_sourceless_statement_of_a_few_words_is_too_slight_to_keep(nlp):
    # no one speaks and next to nothing is said (speakerless.slight): "seems" and "expected" make no claim
    doc = nlp("The plan seems to work. About one of every nine voters this fall is expected to be Latino. "
              "The river seemed calm that morning.")
    assert [c["cue"]["text"] for c in doc._.claims] == [], doc._.claims
    # an accusation by no one named stays: its target is the news
    doc = nlp("The mayor has been accused of fraud.")
    assert [(c["type"], c["source"]["text"], c["target"]["text"]) for c in doc._.claims] == [("accusation", None, "The mayor")]


def test_spoken_claim_stays(nlp):
    doc = nlp("The mayor said the bridge would open in May.")
    assert [c["source"]["text"] for c in doc._.claims] == ["The mayor"]


def test_active_cue_without_source_is_unspoken(nlp):
    doc = nlp("The mayor said the bridge would open in May.")
    lex = nlp.get_pipe("news_claims").lex
    said = next(t for t in doc if t.lower_ == "said")
    draft = SimpleNamespace(source=None, origin="rules", cue=SimpleNamespace(token=said.i))
    assert unspoken(doc, draft, lex)
    assert not unspoken(doc, SimpleNamespace(source=(0, 9), origin="rules", cue=draft.cue), lex)
