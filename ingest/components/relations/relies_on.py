"""`aic_relies_on`: organisation → foundry or process node it depends on, as stated in the text:
"relies on TSMC", "依赖台积电代工", or a vendor whose (unnamed) chips use a foundry's process
("nvidia's latest AI chips use the 4nm process … only TSMC can make them")."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.context import context_of
from ingest.components.relations.common import add, confidence, coordinated, cue_spans, distance, guarded, of_kind
from ingest.components.relations.manufactured_on import reported, usable_nodes

NAME = "aic_relies_on"


_SEPARATOR = re.compile(r"[;；。，]|,\s")
# a foundry written before the dependence cue is its object only through a particle: "TSMCに依存", "TSMCへの依存",
# "对台积电的依赖", "TSMCの製造に頼る"
_OBJECT_BEFORE_CUE = re.compile(r"^\s*(?:的|の|[^、，,。]{0,10}?(?:に|へ|への|を))?\s*(?:大きく|強く)?\s*$")


def _governs(doc: Doc, cue: tuple[int, int], f, foundries: list) -> bool:
    """A dependence cue names the foundry in its own clause, and the nearest one on its side: in
    "依赖台积电代工，其中英特尔还…" the cue is about TSMC, not Intel."""
    s, e = cue
    lo, hi = (e, f.start) if e <= f.start else (f.end, s)
    if lo < hi and _SEPARATOR.search(doc.text, lo, hi):
        return False
    if s >= f.end and not _OBJECT_BEFORE_CUE.match(doc.text[lo:hi]):
        return False  # "英特尔的旗舰加速器同样依赖台积电": a foundry before the cue is its subject, not its object
    return not any(g is not f and lo <= g.start and g.end <= hi for g in foundries)


class ReliesOn:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        chips = of_kind(ms, "chip")
        owners = {n.extra.get("foundry") for n in usable_nodes(ms)}
        vendors = [m for m in of_kind(ms, "org") if ("ChipVendor" in m.types or m.extra.get("coref"))
                   and not (m.ids and m.ids[0] in owners)]
        topic = context_of(doc).topic_here()
        if doc._.successor_chip and not chips and (topic and not vendors or len(vendors) == 1 and usable_nodes(ms)):
            # the paragraph's vendor (or the one vendor named: "Groq says its next LPU will come out of Samsung's 4nm
            # fab") plans its next chip on a process: it relies on that process
            for n in usable_nodes(ms):
                if not guarded(doc, n.start, n.end):
                    add(doc, vendors[0] if vendors else topic, "reliesOn", n, 0.6, NAME, spans=[n])
            return doc
        if not vendors:
            return doc
        conf = confidence(doc, "reliesOn")
        nodes = usable_nodes(ms)
        if nodes and not chips and cue_spans(doc, "_chipword"):
            for n in nodes:
                own = n.extra.get("foundry")
                cands = [v for v in vendors if not (v.ids and v.ids[0] == own)]
                words = cue_spans(doc, "_chipword")
                owners = [v for v in cands if any(re.match(r"^\s?(?:の|的|'s|’s)?\s?$", doc.text[v.end:s])
                                                    for s, _ in words if s >= v.end)]
                v = owners[0] if owners else min((v for v in cands if v.end <= n.start),
                                                 key=lambda v: distance(v, n), default=None)
                if v is None or guarded(doc, v.start, n.end) or reported(doc, v.start, n.end):
                    continue
                add(doc, v, "reliesOn", n, conf, NAME)
        explicit = cue_spans(doc, "_depend")
        foundries = [m for m in of_kind(ms, "org") if "Foundry" in m.types]
        if foundries and explicit:
            for f in foundries:
                v = min((v for v in vendors if v.end <= f.start and v is not f and v.key != f.key),
                        key=lambda v: distance(v, f), default=None)
                if v is None or guarded(doc, v.start, f.end):
                    continue
                if not any(v.end <= s and e <= f.start + 40 and _governs(doc, (s, e), f, foundries)
                           for s, e in explicit):
                    continue
                for w in coordinated(doc, [u for u in vendors if u.end <= f.start and u.key != f.key], v):
                    add(doc, w, "reliesOn", f, conf * 0.95, NAME)  # "AMD和英特尔的加速器都依赖台积电"
        return doc


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> ReliesOn:
    return ReliesOn()
