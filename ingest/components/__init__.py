"""spaCy pipeline components of aichip-kg, registered by name (spaCy's `Language.factory`).

Importing this package registers every component and the `aic.lexicon.v1` / `aic.vocab.v1` misc
functions, so `ingest/configs/<lang>.cfg` can name them.
"""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry

import ontology

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)
if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


@registry.misc("aic.lexicon.v1")
def lexicon(lang: str, name: str) -> tuple:
    """A lexicon data file, as spaCy's guide registers `acronyms.slang_dict.v1`."""
    return ontology.load_lexicon(lang, name)


@registry.misc("aic.vocab.v1")
def vocab(directory: str = "") -> ontology.Vocab:
    return ontology.load_vocab(directory or None)


def mentions(doc: Doc) -> list:
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def facts(doc: Doc) -> list:
    if doc._.facts is None:
        doc._.facts = []
    return doc._.facts


from ingest.components import vocab_ruler, nodes, money, ner, unknown, linker  # noqa: E402,F401
from ingest.components.relations import (  # noqa: E402,F401
    designed_by, manufactured_on, fabricated_by, offered_by, uses_architecture, built_from, relies_on,
    announced_in, memory_type, funding, market)
from ingest.components import context  # noqa: E402,F401  (the document stage, after the extractors)
