"""Duplicates resolved in one step for news_claims, by one rule: drafts with the same cue start and
the same content span are one claim, and the first of them in the order the stages made them wins
(each cue's drafts together, cue by cue in order of first appearance, then the quotation claims;
see attach.py). The claims come out sorted by cue, then content position, then type."""
from __future__ import annotations

import logging

from .draft import TYPE_ORDER, Draft

LOGGER = logging.getLogger(__name__)


def resolve(drafts: tuple[Draft, ...]) -> tuple[Draft, ...]:
    seen: set[tuple[int, int, int]] = set()
    out = []
    for d in drafts:
        if d.key in seen:
            LOGGER.debug("%s at %d: a second draft of the same claim dropped", d.type, d.cue.start)
            continue
        seen.add(d.key)
        out.append(d)
    out.sort(key=lambda d: (*d.key, TYPE_ORDER[d.type]))
    return tuple(out)
