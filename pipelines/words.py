"""Where each word form stands in a Doc: the token indices of every lemma (lowercased), lower form
or coarse tag, read from the Doc's attribute arrays. A rule that starts at a few words walks only
those tokens (reading a token's strings costs more than most rules that follow), and a question
over the whole Doc ("does it speak of hacking?") asks the distinct words, not every token."""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc

FORMS = {"lemma": LEMMA, "lower": LOWER, "pos": POS}


def word_index(doc: Doc, form: str) -> dict[str, list[int]]:
    """The token indices of each value of `form` ("lemma", "lower" or "pos"), in order; no Token made."""
    by_id: dict[int, list[int]] = {}
    for i, value in enumerate(doc.to_array(FORMS[form]).tolist()):
        by_id.setdefault(value, []).append(i)
    index: dict[str, list[int]] = {}
    for value, found in by_id.items():
        key = doc.vocab.strings[value]
        index.setdefault(key.lower() if form == "lemma" else key, []).extend(found)
    if form == "lemma":  # "Be" and "be" are one lemma: their indices merged, kept in order
        for found in index.values():
            found.sort()
    return index


def indices_having(indexes: dict[str, dict[str, list[int]]], forms: dict[str, object]) -> list[int]:
    """The sorted token indices whose form is one of the values given for it (`forms`: form ->
    values), from each form's `word_index`."""
    hits: set[int] = set()
    for form, values in forms.items():
        index = indexes[form]
        if len(values) < len(index):
            hits.update(i for v in values for i in index.get(v, ()))
        else:
            hits.update(i for v, found in index.items() if v in values for i in found)
    return sorted(hits)
