"""News-article entity and claim extractor: clean articles, actors, attribution claims."""

__version__ = "0.1.0"
