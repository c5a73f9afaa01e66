"""Byte sizes: the input size limit and how sizes read in error messages."""
from __future__ import annotations

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB  # a file, a record, a download: over this, it is not an article


def describe_size(size: int) -> str:
    return f"{size:,} bytes" if size < MB // 10 else f"{size / MB:.1f} MB"


def describe_limit(size: int) -> str:
    return f"{size // MB} MB" if size % MB == 0 else describe_size(size)
