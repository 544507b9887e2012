"""Which foundry offers process P (or a process of node size N)."""
from api.ask.forms import Context, N, P, merge, list_reply, question_form


def _ev(r):
    return [(r["p"], P("offeredBy"), r["x"])]


@question_form("foundry_of_process", slots={"process": "process?", "node": "node?"}, needs_any=("process", "node"))
def foundry_of_process(ctx: Context):
    if ctx.slots.get("process"):
        return merge([list_reply(ctx, "foundry_of_process.process", {"process": N(p.iri)}, evidence=_ev)
                      for p in ctx.slots["process"]])
    return list_reply(ctx, "foundry_of_process.node", {"node": ctx.constraint("node")}, evidence=_ev)
