"""Which chips use architecture (or microarchitecture) A, optionally of vendor V.

A chip whose own name carries the word the question used for the architecture ("TPU v4" for "TPU chips") is one
of them too, whether or not the graph states its architecture; so is a chip that states only a microarchitecture
whose other chips all state the asked class (an MTT S3000 on MUSA, beside MUSA chips that are GPGPUs)."""
from __future__ import annotations

import re

from api.ask.forms import Context, N, P, Reply, merge, list_reply, question_form, run


PURPOSE_CLASSES = {"training": "TrainingChip", "inference": "InferenceChip"}
CLUSTER_WORDS = re.compile(r"cluster|supercomputer|集群|クラスタ|スパコン", re.I)


@question_form("chips_with_arch", slots={"arch": "arch", "vendor": "org?", "purpose": "purpose?"})
def chips_with_arch(ctx: Context):
    archs = ctx.slots["arch"]
    specific = [a for a in archs if a.is_a("Microarchitecture")]
    if specific:  # "GPUs based on MUSA": the named generation decides, the class word is the head noun
        archs = specific
    vendors = ctx.slots.get("vendor") or [None]
    reply = merge([list_reply(ctx, "chips_with_arch.vendor" if v else "chips_with_arch",
                              {"arch": N(a.iri), **({"vendor": N(v.iri)} if v else {})},
                              evidence=lambda r, a=a: [(r["x"], P("usesArchitecture"), N(a.iri))])
                   for a in archs for v in vendors])
    named = _named_after(ctx, archs, [v for v in vendors if v is not None])
    if named:
        reply = merge([reply, Reply(answers=[c for c in named if c not in reply.answers],
                                    triples=[(N(c), P("designedBy"), None) for c in named])])
    if not specific and vendors != [None]:
        reply = _unstated_class(ctx, reply, {a.iri for a in archs}, [v for v in vendors if v is not None])
    return _keep_asked_kind(ctx, reply)


def _unstated_class(ctx: Context, reply: Reply, asked: set[str], vendors: list) -> Reply:
    """"摩尔线程的GPU": the class word names the vendor's products. A chip of the vendor whose class the graph does
    not state is of the asked class when it shares a microarchitecture with chips that state only that class (an
    MTT S3000 on MUSA beside MUSA chips that are GPGPUs); when the graph states the class of none of the vendor's
    chips and nothing else answered, all are listed, saying why."""
    added, unknown_all = [], []
    for v in vendors:
        rows, q = run(ctx, "vendor_chip_classes", {"vendor": N(v.iri)})
        classes: dict[str, set[str]] = {}
        micro: dict[str, set[str]] = {}
        for r in rows:
            c = r["x"].value
            classes.setdefault(c, set()).update({r["g"].value} if r.get("g") is not None else set())
            micro.setdefault(c, set()).update({r["m"].value} if r.get("m") is not None else set())
        by_micro: dict[str, set[str]] = {}
        for c, ms in micro.items():
            for m in ms:
                by_micro.setdefault(m, set()).update(classes[c])
        for c, gs in classes.items():
            if not gs and any(by_micro[m] and by_micro[m] <= asked for m in micro[c]):
                added.append(c)
        if not any(classes.values()):
            unknown_all += list(classes)
        reply.sparql += "\n\n" + q
    if not reply.answers and not added and unknown_all:
        added = unknown_all
        reply.message = "The graph does not state the architecture of these chips; they are all the designer's chips."
    reply.answers += [c for c in added if c not in reply.answers]
    reply.triples += [(N(c), P("designedBy"), None) for c in added]
    return reply


def _keep_asked_kind(ctx: Context, reply: Reply) -> Reply:
    """Chips, not the clusters built from them, unless the question asks for clusters; only training (or
    inference) chips when the question says so."""
    want = PURPOSE_CLASSES.get(ctx.constraint("purpose"))
    clusters = bool(CLUSTER_WORDS.search(ctx.understanding.question))

    def keep(iri: str) -> bool:
        e = ctx.index.entities.get(iri)
        if e is None:
            return True
        if e.is_a("ComputingCluster") and not clusters:
            return False
        return want is None or e.is_a(want)
    reply.answers = [a for a in reply.answers if keep(a)]
    return reply


def _named_after(ctx: Context, archs: list, vendors: list) -> list[str]:
    """Chips (of one of `vendors`, when given) with a name holding the question's word for the architecture as a
    word of its own."""
    iris = {a.iri for a in archs}
    words = {m.text.strip() for m in ctx.understanding.mentions if set(m.iris) & iris}
    words = [w for w in words if len(w) >= 2]
    if not words:
        return []
    rx = re.compile("|".join(rf"(?<![A-Za-z0-9]){re.escape(w)}(?![A-Za-z])" for w in words), re.I)
    designers = {v.iri for v in vendors}
    out = []
    for e in ctx.index.entities.values():
        if not e.is_a("Chip") or e.iri in iris:
            continue
        names = [n for vals in e.labels.values() for n in vals] + list(e.alt)
        if not any(rx.search(n) for n in names):
            continue
        if designers and not _designed_by(ctx, e.iri, designers):
            continue
        out.append(e.iri)
    return out


def _designed_by(ctx: Context, chip: str, vendors: set[str]) -> bool:
    rows, _ = run(ctx, "designer", {"chip": N(chip)})
    return any(r["x"].value in vendors for r in rows if r.get("x") is not None)
