"""Relation extractors, one module per relation, each a registered spaCy component appending Facts."""
