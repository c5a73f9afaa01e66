"""Hand-built parses for rule tests: each test states the parse it assumes, so a model upgrade
cannot break a rule test that no rule change caused. No model is loaded."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipelines.extensions import register_extensions

VOCAB = spacy.blank("en").vocab


def parse(rows: str, *, mentions: list[tuple[int, int, str, str]] = (), ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from one line a token: `word TAG POS dep head lemma [-]`, `head` the index of the head
    token (its own index for the root), a final `-` for no space after the word, the word `\\n` a
    line break. `mentions` are
    (first token, end token, actor, label) set as `Doc._.mentions`; `ents` (first, end, label)."""
    words, spaces, tags, pos, deps, heads, lemmas = [], [], [], [], [], [], []
    for line in rows.strip().splitlines():
        parts = line.split()
        word, tag, p, dep, head, lemma = parts[:6]
        words.append("\n" if word == "\\n" else word)  # `\n` in a row: a line break token
        spaces.append(not (len(parts) > 6 and parts[6] == "-"))
        tags.append(tag)
        pos.append(p)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma)
    spaces[-1] = False
    doc = Doc(VOCAB, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
              ents=None)
    if ents:
        doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for s, e, label in ents]
    register_extensions()
    doc._.mentions = [{"start": doc[s].idx, "end": doc[e - 1].idx + len(doc[e - 1]),
                       "text": doc[s:e].text, "label": label, "actor": aid} for s, e, aid, label in mentions]
    return doc
