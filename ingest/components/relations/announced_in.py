"""`aic_announced_in`: chip or cluster → the year it was announced or launched ("unveiled in 2023",
"2023年12月发布", "2019年に発表"), the year nearest the chip in a sentence with a launch trigger."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.relations.common import add, confidence, cue_spans, distance, guarded, of_kind

NAME = "aic_announced_in"
XSD = "http://www.w3.org/2001/XMLSchema#"
# "The OS-7 succeeds the OS-5, which Oberin shipped in 2024": the year inside a relative clause about another product
RELATIVE_TO_YEAR = re.compile(r"\s*,\s*(?:which|that)\b[^,;.]*")
FOUNDED = re.compile(r"\b(?:founded|established|incorporated|set up|started)\s+(?:in\s+)?(?:\w+\s+)?$", re.I)


class AnnouncedIn:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        products = of_kind(ms, "chip", "cluster")
        years = [y for y in of_kind(ms, "year") if not y.extra.get("implicit") and not y.extra.get("estimate")]
        if doc.lang_ == "en":  # "Pelham Devices, founded in 2021, sells the PD-3": the company's year, not the chip's
            years = [y for y in years if not FOUNDED.search(doc.text, max(0, y.start - 24), y.start)]
        cues = cue_spans(doc, "_launch")
        if not products or not years or not cues:
            return doc
        for p in products:
            y = min(years, key=lambda y: distance(p, y))
            lo, hi = min(p.start, y.start), max(p.end, y.end)
            if not any(lo - 30 <= s and e <= hi + 30 for s, e in cues) or distance(p, y) > 80:
                continue
            if guarded(doc, lo, hi):
                continue
            if doc.lang_ == "en" and any(q is not p and p.end <= q.start and q.end <= y.start
                                         and RELATIVE_TO_YEAR.fullmatch(doc.text, q.end, y.start) for q in products):
                continue  # (the year is the other product's)
            add(doc, p, "announcedIn", str(y.value), confidence(doc, "_launch"), NAME, spans=[y], literal=True,
                datatype=XSD + "gYear")
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> AnnouncedIn:
    return AnnouncedIn()
