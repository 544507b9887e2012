"""Supply-chain exposure: what depends on foundry F, process P (or F's node size N), vendor or chip X.

The answer is the exposure analysis of `kg.analytics` (the same as `kg analyze exposure`): every chip, vendor and
cluster that loses a supply path if the target is cut (exposed, with an alternative, or uncertain); for a chip or a
vendor, the clusters built from its chips. The SPARQL shown is the graph pattern the analysis follows, run with the
same target, and the evidence comes from the hops of the analysis's paths.
"""
from __future__ import annotations

from typing import Any

from api.ask.forms import Context, N, P, Reply, merge, py, run, question_form
from kg import analytics
from kg.errors import KGError

GROUPS = ("vendors", "chips", "clusters")


@question_form("exposure", slots={"target": "entity", "node": "node?"})
def exposure(ctx: Context):
    replies = []
    node = ctx.constraint("node")
    for t in ctx.slots["target"]:
        if not t.is_a("Foundry", "ProcessNode", "Organization", "Chip", "ComputingCluster"):
            continue
        targets = [t.iri]
        if node is not None and t.is_a("Foundry"):  # "TSMC 7nm": the foundry's processes of that size
            rows, _ = run(ctx, "processes_of_foundry", {"foundry": N(t.iri)})
            targets = [r["x"].value for r in rows if py(r.get("nm")) == node]
        for target in targets:
            replies.append(_one(ctx, target))
    reply = merge(replies) if replies else Reply()
    if ctx.constraint("party") == "org":  # "which companies are exposed to …": the organisations only
        keep = {a for a in reply.answers if (e := ctx.index.entities.get(a)) is not None and e.is_a("Organization")}
        reply.answers = [a for a in reply.answers if a in keep]
    return reply


def _one(ctx: Context, target: str) -> Reply:
    _, q = run(ctx, "exposure", {"target": N(target)})
    try:
        res = analytics.run("exposure", ctx.store, target=target)
    except KGError:  # an entity without supply-chain relations: nothing depends on it
        return Reply(sparql=q)
    answers: list[str] = []
    triples: list[tuple] = []
    for group in GROUPS:
        for entries in (res.get(group) or {}).values():
            for e in entries:
                _add(e, answers, triples)
    prof = res.get("profile") or {}
    for e in (prof.get("downstream") or {}).get("clusters", []):
        _add(e, answers, triples)
    answers = [a for a in answers if a != target]
    return Reply(answers=answers, sparql=q, triples=triples,
                 extra={"exposure": {k: v for k, v in (res.get("summary") or {}).items()}})


def _add(entry: dict[str, Any], answers: list[str], triples: list[tuple]) -> None:
    if entry.get("iri") and entry["iri"] not in answers:
        answers.append(entry["iri"])
    for path in (entry.get("paths") or []) + ([entry["path"]] if entry.get("path") else []):
        for hop in path[:4]:
            if hop.get("from") and hop.get("to") and hop.get("relation"):
                triples.append((N(hop["from"]), P(hop["relation"]), N(hop["to"])))
