"""`aic_built_from`: computing cluster → the chips it is built from (cluster and chip in one sentence)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import add, confidence, guarded, of_kind

NAME = "aic_built_from"


class BuiltFrom:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        clusters, chips = of_kind(ms, "cluster"), of_kind(ms, "chip")
        for cl in clusters:
            for c in chips:
                if guarded(doc, min(cl.start, c.start), max(cl.end, c.end)):
                    continue
                add(doc, cl, "builtFrom", c, confidence(doc, "builtFrom"), NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> BuiltFrom:
    return BuiltFrom()
