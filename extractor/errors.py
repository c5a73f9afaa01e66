"""Domain errors: each carries the input it concerns and the reason, so the CLI can print one line."""


class ExtractorError(Exception):
    """Base class. `source` names the input (path, path:line, record id); `reason` says what went wrong."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputError(ExtractorError):
    """An input could not be read or decoded (missing, binary, too large, malformed)."""


class NoArticleError(ExtractorError):
    """The input was read, but no article text was left after cleaning."""


class UsageError(ExtractorError):
    """The command line names something that cannot be used (e.g. a path that does not exist)."""


class FetchError(InputError):
    """A URL could not be fetched (DNS, timeout, HTTP status, too big, redirects); `source` is the URL,
    `status` the HTTP status of the last answer when the failure was one (404, 503), else None."""

    def __init__(self, source: str, reason: str, status: int | None = None):
        super().__init__(source, reason)
        self.status = status


class RobotsDisallowed(FetchError):
    """The site's robots.txt does not let us fetch this URL (or could not be read: RFC 9309 then
    means no). Not a failure of the run: the page is skipped, and counted with `reason`."""


class StoreError(ExtractorError):
    """The corpus database cannot be opened or read (not SQLite, missing, locked)."""


class StoreBusyError(StoreError):
    """Another `extractor run` is writing the corpus database; `reason` names that process."""
