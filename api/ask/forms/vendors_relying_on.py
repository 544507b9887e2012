"""Which vendors rely on foundry F, process P, or node size N (of foundry F) — the flagship question."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


def _ev(target):
    def ev(r):
        out = [(r["x"], P("reliesOn"), target or r.get("p"))]
        if r.get("chip") is not None:
            out.append((r["chip"], P("designedBy"), r["x"]))
            if r.get("p") is not None:
                out.append((r["chip"], P("manufacturedOn"), r["p"]))
        return out
    return ev


@question_form("vendors_relying_on", slots={"foundry": "foundry?", "process": "process?", "node": "node?"},
               needs_any=("foundry", "process", "node"))
def vendors_relying_on(ctx: Context):
    node = ctx.constraint("node")
    if ctx.slots.get("process"):
        return merge([list_reply(ctx, "vendors_relying_on.process", {"process": N(p.iri)}, evidence=_ev(N(p.iri)))
                      for p in ctx.slots["process"]])
    if node is not None and ctx.slots.get("foundry"):
        return merge([list_reply(ctx, "vendors_relying_on.node_foundry", {"foundry": N(f.iri), "node": node},
                                 evidence=_ev(None)) for f in ctx.slots["foundry"]])
    if node is not None:
        return list_reply(ctx, "vendors_relying_on.node", {"node": node}, evidence=_ev(None))
    return merge([list_reply(ctx, "vendors_relying_on.foundry", {"foundry": N(f.iri)}, evidence=_ev(N(f.iri)))
                  for f in ctx.slots["foundry"]])
