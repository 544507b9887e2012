"""`aic_uses_architecture`: chip → architecture class or microarchitecture named in the same sentence
("H100, based on Hopper", "基于达芬奇架构的昇腾910", "CDNA 3ベースのMI300X")."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import add, confidence, cue_spans, distance, guarded, of_kind

NAME = "aic_uses_architecture"


class UsesArchitecture:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        chips, archs = of_kind(ms, "chip"), of_kind(ms, "arch")
        if not chips or not archs or not cue_spans(doc, "usesArchitecture"):
            return doc
        conf = confidence(doc, "usesArchitecture")
        for c in chips:
            by_class: dict[str, object] = {}
            for a in archs:
                cls = "Microarchitecture" if "Microarchitecture" in a.types else "Architecture"
                if cls not in by_class or distance(c, a) < distance(c, by_class[cls]):
                    by_class[cls] = a
            for a in by_class.values():
                if distance(c, a) > 60 and len(chips) > 1:
                    continue
                if guarded(doc, min(c.start, a.start), max(c.end, a.end)):
                    continue
                add(doc, c, "usesArchitecture", a, conf, NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> UsesArchitecture:
    return UsesArchitecture()
