"""`aic_built_from`: computing cluster → the chips it is built from (cluster and chip in one sentence)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import add, confidence, coordinated, cue_spans, guarded, nearest, of_kind
from ingest.components.relations.manufactured_on import previous_chips

NAME = "aic_built_from"


class BuiltFrom:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        clusters, chips = of_kind(ms, "cluster"), of_kind(ms, "chip")
        if clusters and not chips and cue_spans(doc, "_this_chip"):
            chips = previous_chips(doc)  # "同チップを512基搭載したクラスター「ツクヨミ」"
        for cl in clusters:
            # the chip nearest the cluster and those listed with it, not another product of the sentence
            # ("Emberline, a cluster assembled from QX-7 accelerators, and a smaller card, the QX-7i")
            near = coordinated(doc, chips, nearest(doc, cl, chips)) if len(chips) > 1 else chips
            for c in near:
                if guarded(doc, min(cl.start, c.start), max(cl.end, c.end)):
                    continue
                add(doc, cl, "builtFrom", c, confidence(doc, "builtFrom"), NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> BuiltFrom:
    return BuiltFrom()
