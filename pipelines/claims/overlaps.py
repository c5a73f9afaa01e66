"""Duplicates resolved in one step for news_claims, by one rule: drafts with the same cue start and
the same content span are one claim, and the first of them in the order the stages made them wins
(each cue's drafts together, cue by cue in order of first appearance, then the quotation claims;
see attach.py), except that a typed claim wins over a statement of the same speaker. The claims come out sorted by cue, then content position, then type."""
from __future__ import annotations

import logging

from .draft import TYPE_ORDER, Draft

LOGGER = logging.getLogger(__name__)


def resolve(drafts: tuple[Draft, ...]) -> tuple[Draft, ...]:
    seen: dict[tuple[int, int, int], int] = {}
    out = []
    for d in drafts:
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
