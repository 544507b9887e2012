"""`aic_fabricated_by`: chip → the foundry that manufactures it ("made by TSMC", "由台积电代工",
"TSMCが製造"), when a manufacturing trigger and a foundry share the sentence."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import (add, confidence, cue_spans, distance, guarded, in_org_aside, of_kind,
                                                relative_owner, same_clause)
from ingest.components.relations.designed_by import ADJACENT
from ingest.components.relations.manufactured_on import implicit_chips, spoken_chips, subject_chips

NAME = "aic_fabricated_by"


_SEPARATOR = re.compile(r"[;；。，]|,\s")


def _governed(doc: Doc, c, cands: list, cues: list[tuple[int, int]]) -> list:
    """Foundries a manufacturing cue between the chip and them introduces, in the cue's own clause
    ("Gaudi 3：在Intel Vision上发布，制造工艺为台积电5纳米": TSMC, not the Intel of the event's name)."""
    out = []
    for f in cands:
        lo, hi = (c.end, f.start) if c.end <= f.start else (f.end, c.start)
        for s, e in cues:
            if lo <= s and e <= hi:
                gap = (e, f.start) if e <= f.start else (f.end, s)
                if not _SEPARATOR.search(doc.text, *gap) and not any(
                        g is not f and gap[0] <= g.start and g.end <= gap[1] for g in cands):
                    out.append(f)
                    break
    return out


class FabricatedBy:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        chips = spoken_chips(doc, ms)  # (not a chip named as what is compared with)
        foundries = [m for m in of_kind(ms, "org") if "Foundry" in m.types]
        if not chips and foundries:
            chips = implicit_chips(doc, ms)
        chips = chips + subject_chips(doc, chips)  # "It keeps … of the MI300X and … uses dies built by TSMC"
        cues = cue_spans(doc, "fabricatedBy")
        if not chips or not foundries or not cues:
            return doc
        conf = confidence(doc, "fabricatedBy")
        if len(chips) > 1 and doc.lang_ == "en":  # ("Groq, the start-up behind the LPU, will have its next chips …")
            chips = [c for c in chips if not in_org_aside(doc, c)] or chips
        for c in chips:
            cands = [f for f in foundries
                     if not (f.end <= c.start and ADJACENT.match(doc.text[f.end:c.start]) and "ChipVendor" in f.types)]
            if not cands:
                continue
            f = min(_governed(doc, c, cands, cues) or cands, key=lambda f: distance(c, f))
            if doc.lang_ != "en" and len(chips) > 1 and c.start >= f.end and not same_clause(doc, c, f) and any(
                    same_clause(doc, o, f) and o.end <= f.start for o in chips if o is not c):
                continue  # the foundry of another chip's clause
            owner = relative_owner(doc, chips, f)
            if owner is not None and owner is not c:
                continue  # "the T4 succeeds the T2, which … on TSMC's N6": T2's clause
            lo, hi = min(c.start, f.start), max(c.end, f.end)
            if not any(lo - 25 <= s and e <= hi + 25 for s, e in cues) and not any(
                    e <= c.start and c.start - e <= 40 and not _SEPARATOR.search(doc.text, e, c.start) for s, e in cues):
                continue  # (the verb governs the chip: "manufactured the first generation kunlun in samsung 's 14 nanometer")
            if guarded(doc, min(c.start, f.start), max(c.end, f.end)):
                continue
            from ingest.components.relations.manufactured_on import reported
            if reported(doc, min(c.start, f.start), max(c.end, f.end)):
                continue  # "…をインテルの「18A」で生産するとの一部報道": hearsay
            add(doc, c, "fabricatedBy", f, conf, NAME)
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> FabricatedBy:
    return FabricatedBy()
