"""Which chips are made on node size N (of foundry F) or on process P; which chips foundry F makes."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


def _ev(r):
    return [(r["x"], P("manufacturedOn"), r["p"])] if r.get("p") is not None else []


@question_form("chips_on_node", slots={"foundry": "foundry?", "process": "process?", "node": "node?"},
               needs_any=("foundry", "process", "node"))
def chips_on_node(ctx: Context):
    node = ctx.constraint("node")
    if ctx.slots.get("process"):
        return merge([list_reply(ctx, "chips_on_node.process", {"process": N(p.iri)}, evidence=_ev)
                      for p in ctx.slots["process"]])
    if node is not None and ctx.slots.get("foundry"):
        return merge([list_reply(ctx, "chips_on_node.node_foundry", {"foundry": N(f.iri), "node": node},
                                 evidence=_ev) for f in ctx.slots["foundry"]])
    if node is not None:
        return list_reply(ctx, "chips_on_node.node", {"node": node}, evidence=_ev)
    return merge([list_reply(ctx, "chips_of_foundry", {"foundry": N(f.iri)},
                             evidence=lambda r, f=f: [(r["x"], P("fabricatedBy"), N(f.iri))] + _ev(r))
                  for f in ctx.slots["foundry"]])
