"""Duplicates resolved in one step for news_claims, by one rule: drafts with the same cue start and
the same content span are one claim, and the first of them in the order the stages made them wins
(each cue's drafts together, cue by cue in order of first appearance, then the quotation claims;
see attach.py), except that a typed claim wins over a statement of the same speaker. A statement
whose speaker says the same content (SAME_CONTENT of its characters) under an earlier draft's cue is
that claim again ("“A,” Peabody said, adding ..."). The claims come out sorted by cue, then content
position, then type."""
from __future__ import annotations

import logging

from .draft import TYPE_ORDER, Draft

LOGGER = logging.getLogger(__name__)


SAME_CONTENT = 0.9  # two contents this much of one another (characters shared / spanned) say the same


def resolve(drafts: tuple[Draft, ...]) -> tuple[Draft, ...]:
    seen: dict[tuple[int, int, int], int] = {}
    out = []
    for d in drafts:
        if d.key not in seen and d.type == "statement" and any(
                o.source == d.source and o.cue.token != d.cue.token and same_content(o.content, d.content) for o in out):
            LOGGER.debug("statement at %d: its speaker says the same under another cue", d.cue.start)
            continue
        if d.key in seen:
            k = seen[d.key]
            if out[k].type == "statement" and d.type != "statement" and d.source == out[k].source:
                out[k] = d  # "expressed concern about X": the concern stage's accusation, same speaker
            LOGGER.debug("%s at %d: a second draft of the same claim dropped", d.type, d.cue.start)
            continue
        seen[d.key] = len(out)
        out.append(d)
    out.sort(key=lambda d: (*d.key, TYPE_ORDER[d.type]))
    return tuple(out)


def same_content(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= SAME_CONTENT * (max(a[1], b[1]) - min(a[0], b[0]))
