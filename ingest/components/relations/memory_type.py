"""`aic_memory_type`: chip → the memory it carries ("96GB of HBM2e", "搭载HBM3", "GDDR6 を採用"), the
chip nearest the memory name in the sentence (or the previous sentence's chip when the subject is left
implicit)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import add, cue_spans, guarded, of_kind
from ingest.components.relations.manufactured_on import implicit_chips, spoken_chips

NAME = "aic_memory_type"
MEMORY = re.compile(r"(?<![A-Za-z0-9])(HBM3[Ee]|HBM3|HBM2[Ee]|HBM2|HBM|GDDR6X|GDDR6|GDDR5|LPDDR5X|LPDDR5|LPDDR4X|"
                    r"LPDDR4|DDR5|DDR4|on-chip SRAM|SRAM)(?![A-Za-z0-9])")


def canonical(name: str) -> str:
    return name[:-1] + "e" if name.upper().startswith("HBM") and name[-1] in "Ee" and len(name) > 4 else name


class MemoryType:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        found = list(MEMORY.finditer(doc.text))
        if not found:
            return doc
        chips = spoken_chips(doc, ms) or implicit_chips(doc, ms)
        if not chips:
            return doc
        negations = cue_spans(doc, "_negation")
        for m in found:
            c = min(chips, key=lambda c: abs(c.start - m.start()))
            if any(0 <= m.start() - e <= 2 or 0 <= s - m.end() <= 2 for s, e in negations):
                continue  # "HBM ではなく GDDR6", "GDDR6 rather than HBM", "而非HBM"
            if c.end and guarded(doc, min(c.start, m.start()), max(c.end, m.end())):
                continue
            add(doc, c, "memoryType", canonical(m.group(1)), 0.85, NAME, literal=True)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> MemoryType:
    return MemoryType()
