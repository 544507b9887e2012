"""Extraction: documents in ja/zh/en → spaCy pipelines → facts with evidence → one named graph per document."""
