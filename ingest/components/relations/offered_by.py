"""`aic_offered_by`: process node → the foundry the sentence ties it to (the linker chose the foundry;
this states it as a fact with the sentence as evidence)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.linker import written_with
from ingest.components.relations.common import add, confidence, cue_spans, guarded, of_kind

NAME = "aic_offered_by"


class OfferedBy:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        for n in of_kind(ms, "node"):
            f = n.extra.get("foundry_mention")
            if f is None and n.extra.get("key"):  # ("Intel 18A", "ラピダスの2nm": a name the vocabulary knows whole)
                f = _named_within(ms, n)
            if f is None and n.extra.get("key") and n.extra.get("maker"):  # the foundry in view makes the chips (linker)
                add(doc, n, "offeredBy", n.extra["maker"], confidence(doc, "offeredBy") * 0.9, NAME)
                continue
            if not n.extra.get("key") or f is None:
                continue
            if guarded(doc, min(n.start, f.start), max(n.end, f.end)) and (
                    not (n.start <= f.start and f.end <= n.end or written_with(doc, f, n)) or cue_spans(doc, "_hedge")):
                continue  # (but "a report that the QX-9 would move to Intel 18A": Intel's 18A all the same)
            add(doc, n, "offeredBy", f, confidence(doc, "offeredBy"), NAME)
        return doc


def _named_within(ms: list, n):
    """The foundry written inside the node's own name ("Intel 18A", "TSMC N3")."""
    return next((o for o in ms if o.kind == "org" and o.ids and o.ids[0] == n.extra.get("foundry")
                 and n.start <= o.start and o.end <= n.end), None)


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> OfferedBy:
    return OfferedBy()
