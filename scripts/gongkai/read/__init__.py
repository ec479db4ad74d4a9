"""Bytes → front matter with line numbers + body; content/ and data/ → Corpus."""
