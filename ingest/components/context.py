"""`aic_context`: the document stage that runs after a sentence's components and updates what carries
to the next sentence (`doc._.context`, an `ingest.model.DocContext`): the company the paragraph is about,
the chips in view for a sentence that leaves its chip implicit, the foundries named so far, and the
names no vocabulary knows that the document has introduced.

Sentence components read the context and stay sentence-local; only this stage writes the topic, the
chips in view and the names (the funding and market extractors keep the round and market they describe).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.model import ChipsInView, DocContext, Fact, Mention, NameInView
from ingest.normalize import key as norm_key

if not Doc.has_extension("context"):
    Doc.set_extension("context", default=None)
if not Doc.has_extension("successor_chip"):
    Doc.set_extension("successor_chip", default=False)  # "a next-generation LPU is slated for …"


def context_of(doc: Doc) -> DocContext:
    """The document context of a sentence (a fresh one for a sentence parsed on its own)."""
    if doc._.context is None:
        doc._.context = DocContext()
    return doc._.context


def update_topic(ctx: DocContext, ms: list[Mention], fs: list[Fact]) -> bool:
    """The organisation a paragraph is about: the vendor a sentence designs with or funds, else its first
    vendor that is not an investor here; a sentence that refers back to the topic keeps it."""
    investors = {f.object for f in fs if f.predicate in ("investor", "leadInvestor")} | \
        {f.subject for f in fs if f.predicate == "investedIn"}
    designers = [f.object for f in fs if f.predicate in ("designedBy", "fundedCompany", "investedIn")]
    if designers:
        ctx.topic = designers[0]
        return True
    for m in ms:
        if m.kind == "org" and not m.extra.get("inside") and not m.extra.get("coref") and m.ids \
                and m.types[:1] == ("ChipVendor",) and m.key not in investors:
            ctx.topic = m.key
            return True
    # "本公司主要从事GPU芯片的研发": a paragraph referring back to the topic company is about it too
    return any(m.kind == "org" and m.extra.get("coref") and m.key == ctx.topic for m in ms)


def remember_names(ctx: DocContext, ms: list[Mention]) -> None:
    """Chips and clusters found by shape or by a model, kept so later bare mentions are recognised."""
    for m in ms:
        if m.ids or m.kind not in ("chip", "cluster") or not m.extra.get("unknown") or m.extra.get("remembered"):
            continue
        k = norm_key(m.text)
        if len(k) >= 3 and any(c.isdigit() for c in k) and k not in ctx.names:
            ctx.names[k] = NameInView(m.text, m.kind, m.key, m.extra.get("ner", ""))


class ContextStage:
    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        ms = doc._.mentions or []
        fs = doc._.facts or []
        if update_topic(ctx, ms, fs):
            ctx.topic_paragraph = ctx.paragraph
        chips = [m for m in ms if m.kind == "chip"]
        prev = ctx.previous
        if not chips and prev is not None and prev.paragraph == ctx.paragraph and not prev.carried \
                and not any(m.kind == "org" and "Foundry" not in m.types for m in ms):
            # "B200を発表した。2つのダイを…備える。製造はTSMCが担い…": a sentence naming no chip and no other
            # company keeps the paragraph's chips in view for one more sentence
            prev.carried = True
        else:
            ctx.previous = ChipsInView(ctx.paragraph, chips)
        ctx.foundries |= {m.ids[0] for m in ms if m.kind == "org" and "Foundry" in m.types and m.ids}
        remember_names(ctx, ms)
        return doc


@Language.factory("aic_context", assigns=["doc._.context"], requires=["doc._.mentions", "doc._.facts"])
def make_context(nlp: Language, name: str) -> ContextStage:
    return ContextStage()
