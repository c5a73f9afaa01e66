"""Validation and repair of the metadata found in a page: outlet, byline, title.

What a page declares is often junk: a copyright line or a tagline as the site name, a sentence or a
date as the byline ("Phil Helsel is a reporter", "Jeff Foust Monday; November"), the site's name
after the headline ("… | The Hill"). Each field is checked against what it should look like; a
source that fails becomes the registered domain of the URL, an author that fails becomes None.
"""
from __future__ import annotations

import logging
import re
from typing import Iterable
from urllib.parse import urlsplit

from tld import get_fld

LOGGER = logging.getLogger(__name__)

# what separates a site name from its tagline, or a headline from the site name after it
SEPARATOR_RE = re.compile(r"\s+[|\-–—·»]+\s+")
TITLE_SUFFIX_RE = re.compile(r"^(?P<headline>.+)\s+[|\-–—·»]\s+(?P<site>.+?)$")
COPYRIGHT_RE = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
URL_RE = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.|/", re.IGNORECASE)
MAX_SOURCE_WORDS = 6  # "The Real Deal New York"; longer is a tagline
GENERIC_SOURCES = frozenset({"home", "homepage", "index", "blog", "news", "welcome", "untitled", "admin", "hosted"})

AUTHOR_SEPARATOR_RE = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
BYLINE_PREFIX_RE = re.compile(r"^(?:by|von|par|por|di)\s+", re.IGNORECASE)
# a byline word that makes the part a job, a desk or an agency, not a person
ROLE_WORDS = frozenset("""writer writers reporter reporters editor editors editorial correspondent columnist contributor
contributors staff admin administrator reports team desk service services wire wires bureau agency agencies
guest author authors photographer""".split())
# an organisation's word: the name, if any, is the part before it ("Jill Lawless Associated Press")
ORGANISATION_WORDS = frozenset("""associated press news media international business com inc ltd llc group magazine
post times daily journal online network tv radio the""".split())
# a date that trafilatura ran into the byline ("Carrie Arnold November")
DATE_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
published updated posted""".split())
NAME_PARTICLES = frozenset("van von der den de da di del della la le du dos das bin ibn al el ter ten y e".split())
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5
MIN_PREFIX = 4  # a word this long that begins an outlet's name stands for it ('Inexhibit' for 'Inexhibit magazine')


def registered_domain(url: str | None) -> str | None:
    """'https://hosted.ap.org/x' -> 'ap.org' (the public suffix list of `tld`); a host without a known
    suffix, or an IP address, is kept whole (less 'www.'); None when the URL names no host."""
    if not url:
        return None
    found = get_fld(url, fail_silently=True)
    if found:
        return found
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname
    except ValueError:  # a malformed IPv6 literal
        return None
    if not host or any(ch.isspace() for ch in host):  # "not a url" names no host
        return None
    return host.rstrip(".").removeprefix("www.")


def repair_source(source: str | None, url: str | None) -> str | None:
    """The outlet: the page's site name when it looks like one, else the registered domain of the URL."""
    name = " ".join((source or "").split()).lstrip("@")
    if SEPARATOR_RE.search(name):  # "LinkNaija | Nigeria's popular news platform": the name comes first
        name = SEPARATOR_RE.split(name, maxsplit=1)[0]
    reason = _not_a_site_name(name, url)
    if reason is None:
        return name
    domain = registered_domain(url)
    if source:
        LOGGER.debug("source %r is no site name (%s): %r instead", source, reason, domain)
    return domain


def _not_a_site_name(name: str, url: str | None) -> str | None:
    if not any(ch.isalpha() for ch in name):
        return "no name"
    if COPYRIGHT_RE.search(name):
        return "a copyright line"
    if URL_RE.search(name):
        return "a URL"
    if len(name.split()) > MAX_SOURCE_WORDS or (len(name.split()) > 2 and name[-1] in ".!?"):
        return "a tagline"
    if name.casefold() in GENERIC_SOURCES:
        return "a generic word"
    host = urlsplit(url).hostname if url and "://" in url else None
    domain = registered_domain(url)
    if host and domain and name in (label.title() for label in host.removesuffix(domain).split(".")):
        return "a subdomain"  # 'Hosted', trafilatura's guess from hosted.ap.org
    return None


def repair_author(author: str | None, outlets: Iterable[str | None] = ()) -> str | None:
    """The byline as one or more person names joined by '; ', or None when it names no person.
    A name ends where one of `outlets` starts ('Finian Cunningham Sputnik International')."""
    if not author:
        return None
    known = {_squash(outlet) for outlet in outlets if outlet} - {""}
    names = []
    for part in AUTHOR_SEPARATOR_RE.split(" ".join(author.split())):
        name = _person_name(BYLINE_PREFIX_RE.sub("", part.strip(" .")), known)
        if name and name not in names:
            names.append(name)
    if not names:
        LOGGER.debug("author %r names no person", author)
        return None
    return "; ".join(names)


def _person_name(part: str, outlets: set[str]) -> str | None:
    """`part` (or the name that starts it, before an outlet or a date) when it reads as a person's name."""
    words = part.split()
    if any(w.casefold().strip(".,") in ROLE_WORDS for w in words):
        return None
    for i, word in enumerate(words):
        if word.casefold().strip(".,") in ORGANISATION_WORDS | DATE_WORDS or _starts_outlet(word, outlets):
            words = words[:i]
            break
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or not all(_name_word(w) for w in words):
        return None
    name = " ".join(words)
    if words[0].casefold() in NAME_PARTICLES:
        return None
    if name.isupper():  # 'STEVE PEOPLES'
        return name.title()
    if any(len(w) > 1 and w.isupper() and "." not in w for w in words):  # an acronym: 'NJ Advance'
        return None
    return name


def _starts_outlet(word: str, outlets: set[str]) -> bool:
    squashed = _squash(word)
    return len(squashed) >= MIN_PREFIX and any(outlet.startswith(squashed) for outlet in outlets)


def _name_word(word: str) -> bool:
    """'Sarah', 'E', 'L.', 'LaMotte', 'O’Neil', 'Jean-Paul', 'van', or a word of a script without case."""
    if word.casefold() in NAME_PARTICLES:
        return True
    if any(ch.isdigit() for ch in word) or "@" in word:
        return False
    first = word[0]
    return first.isupper() or (first.isalpha() and not first.islower())


def strip_title_suffix(title: str | None, outlets: list[str | None]) -> str | None:
    """'Headline | Site' -> 'Headline' when Site is the outlet (its name or its domain, in any case)."""
    if not title:
        return title
    match = TITLE_SUFFIX_RE.match(title.strip())
    if not match:
        return title
    site = _squash(match["site"])
    for outlet in outlets:
        known = _squash(outlet or "")
        if known and site and (site == known or (len(site) >= MIN_PREFIX and known.startswith(site))):
            return match["headline"]
    return title


def _squash(name: str) -> str:
    """'9to5Mac' and '9To5Mac', 'SpaceNews.com' and 'spacenews.com': the letters and digits, case-folded."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())
