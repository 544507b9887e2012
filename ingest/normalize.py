"""Moved to `ontology.normalize` (the bottom layer every package reads); kept while imports move."""
from ontology.normalize import *  # noqa: F401,F403
from ontology.normalize import fold, han_variants, is_word_char, key  # noqa: F401
