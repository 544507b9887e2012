"""`aic_offered_by`: process node → the foundry the sentence ties it to (the linker chose the foundry;
this states it as a fact with the sentence as evidence)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import add, confidence, guarded, of_kind

NAME = "aic_offered_by"


class OfferedBy:
    def __call__(self, doc: Doc) -> Doc:
        for n in of_kind(mentions(doc), "node"):
            f = n.extra.get("foundry_mention")
            if not n.extra.get("key") or f is None:
                continue
            if guarded(doc, min(n.start, f.start), max(n.end, f.end)):
                continue
            add(doc, n, "offeredBy", f, confidence(doc, "offeredBy"), NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> OfferedBy:
    return OfferedBy()
